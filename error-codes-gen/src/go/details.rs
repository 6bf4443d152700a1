//! The structs of the details: one per type of `types:` and one per code
//! with params, each with `json` tags and an `UnmarshalJSON` that refuses
//! details that lack a required member, so that details which do not match
//! the catalogue leave `Error.Details` nil instead of half filled.

use std::fmt::Write as _;

use crate::names::{go_constant, go_details, go_field};
use crate::{Catalog, Param, RETRY_AFTER_PARAM, Retry, Type};

use super::text::{comment, deprecated};

/// The Go type of a param's value.
fn go_type(ty: &Type) -> String {
    match ty {
        Type::String => "string".to_owned(),
        Type::Integer => "int64".to_owned(),
        Type::Number => "float64".to_owned(),
        Type::Boolean => "bool".to_owned(),
        Type::List(item) => format!("[]{}", go_type(item)),
        Type::Named(name) => name.clone(),
    }
}

/// Whether the catalogue has any struct to write.
pub(super) fn any(catalog: &Catalog) -> bool {
    catalog.has_details()
}

/// Writes the structs of `types:` and of every code's details, and the
/// helper their `UnmarshalJSON` methods share.
pub(super) fn structs(out: &mut String, catalog: &Catalog) {
    for ty in &catalog.types {
        out.push('\n');
        comment(
            out,
            "",
            &format!(
                "{} is an object of the catalogue's types, which details hold.",
                ty.name
            ),
            &[ty.description.as_deref().unwrap_or_default()],
        );
        write_struct(out, &ty.name, &ty.fields);
    }
    for (_, code) in catalog.codes().filter(|(_, code)| !code.params.is_empty()) {
        let name = go_details(&code.name);
        out.push('\n');
        comment(
            out,
            "",
            &format!(
                "{name} holds the details of [{}]: [Decode] puts a *{name}",
                go_constant(&code.name)
            ),
            &["in [Error.Details]."],
        );
        deprecated(out, "", code.deprecated.as_deref());
        write_struct(out, &name, &code.params);
    }
    if any(catalog) {
        out.push_str(REQUIRE_MEMBERS);
    }
}

/// A struct, its fields separated by blank lines (each has a doc comment),
/// and its `UnmarshalJSON`.
fn write_struct(out: &mut String, name: &str, fields: &[Param]) {
    let _ = writeln!(out, "type {name} struct {{");
    for (at, field) in fields.iter().enumerate() {
        if at > 0 {
            out.push('\n');
        }
        let go = go_field(&field.name);
        let first = if field.optional {
            format!(
                "{go} is the member {:?}, nil when the body leaves it out.",
                field.name
            )
        } else {
            format!("{go} is the member {:?}.", field.name)
        };
        comment(
            out,
            "\t",
            &first,
            &[field.description.as_deref().unwrap_or_default()],
        );
        let ty = go_type(&field.ty);
        // Every optional member is a pointer, lists too: nil is "left out",
        // and an empty list sent stays an empty list.
        let (ty, tag) = if field.optional {
            (format!("*{ty}"), ",omitempty")
        } else {
            (ty, "")
        };
        let _ = writeln!(out, "\t{go} {ty} `json:\"{}{tag}\"`", field.name);
    }
    out.push_str("}\n");

    let required: Vec<String> = fields
        .iter()
        .filter(|field| !field.optional)
        .map(|field| format!("{:?}", field.name))
        .collect();
    let _ = write!(
        out,
        "\n// UnmarshalJSON reads the JSON object data, which must hold every member\n\
         // that is not optional.\n\
         func (v *{name}) UnmarshalJSON(data []byte) error {{\n\
         \tif err := requireMembers(data"
    );
    for name in &required {
        let _ = write!(out, ", {name}");
    }
    let _ = write!(
        out,
        "); err != nil {{\n\
         \t\treturn fmt.Errorf(\"apierrors: {name}: %w\", err)\n\
         \t}}\n\
         \t// A type without the method, or Unmarshal would call it again.\n\
         \ttype members {name}\n\
         \treturn json.Unmarshal(data, (*members)(v))\n\
         }}\n"
    );
}

/// The check of required members every `UnmarshalJSON` calls.
const REQUIRE_MEMBERS: &str = "
// requireMembers reports an error unless data is a JSON object holding each
// of names with a value other than null.
func requireMembers(data []byte, names ...string) error {
\tvar members map[string]json.RawMessage
\tif err := json.Unmarshal(data, &members); err != nil {
\t\treturn err
\t}
\tif members == nil {
\t\treturn errors.New(\"not an object\")
\t}
\tfor _, name := range names {
\t\tif value, ok := members[name]; !ok || string(value) == \"null\" {
\t\t\treturn fmt.Errorf(\"missing member %q\", name)
\t\t}
\t}
\treturn nil
}
";

/// Writes `decodeDetails`, which reads the details of a known code, and,
/// when a code has `retry: after`, `Error.RetryAfter`.
pub(super) fn decoding(out: &mut String, catalog: &Catalog) {
    let with_params: Vec<_> = catalog
        .codes()
        .filter(|(_, code)| !code.params.is_empty())
        .collect();
    out.push_str(
        "\n// decodeDetails reads raw, the details sent with code, into the code's details\n\
         // struct, and reports whether the code is in the catalogue with details that\n\
         // match it.\n",
    );
    if with_params.is_empty() {
        out.push_str(
            "func decodeDetails(code Code, _ json.RawMessage) (any, bool) {\n\
             \t_, known := infos[code]\n\
             \treturn nil, known\n\
             }\n",
        );
    } else {
        out.push_str(
            "func decodeDetails(code Code, raw json.RawMessage) (any, bool) {\n\tswitch code {\n",
        );
        for (_, code) in &with_params {
            let _ = write!(
                out,
                "\tcase {}:\n\t\treturn decodeAs[{}](raw)\n",
                go_constant(&code.name),
                go_details(&code.name)
            );
        }
        out.push_str(
            "\t}\n\
             \t_, known := infos[code]\n\
             \treturn nil, known\n\
             }\n\
             \n\
             // decodeAs reads raw into a new T, and reports whether it matched. No details\n\
             // at all read as an empty object: they match when every param is optional.\n\
             func decodeAs[T any](raw json.RawMessage) (any, bool) {\n\
             \tif raw == nil {\n\
             \t\traw = json.RawMessage(\"{}\")\n\
             \t}\n\
             \tdetails := new(T)\n\
             \tif json.Unmarshal(raw, details) != nil {\n\
             \t\treturn nil, false\n\
             \t}\n\
             \treturn details, true\n\
             }\n",
        );
    }

    let after: Vec<_> = with_params
        .iter()
        .filter(|(_, code)| code.retry == Retry::After && code.param(RETRY_AFTER_PARAM).is_some())
        .collect();
    if after.is_empty() {
        return;
    }
    out.push_str(
        "\n// RetryAfter returns how long to wait before sending the request again, for an\n\
         // error whose code says RetryAfter and whose details were read; false for any\n\
         // other error.\n\
         func (e *Error) RetryAfter() (time.Duration, bool) {\n",
    );
    let field = go_field(RETRY_AFTER_PARAM);
    let wait = format!("time.Duration(details.{field}) * time.Second, true");
    if let [(_, code)] = after.as_slice() {
        // One code: an assertion reads better than a switch of one case.
        let _ = write!(
            out,
            "\tif details, ok := e.Details.(*{}); ok {{\n\t\treturn {wait}\n\t}}\n",
            go_details(&code.name)
        );
    } else {
        out.push_str("\tswitch details := e.Details.(type) {\n");
        for (_, code) in after {
            let _ = write!(
                out,
                "\tcase *{}:\n\t\treturn {wait}\n",
                go_details(&code.name)
            );
        }
        out.push_str("\t}\n");
    }
    out.push_str("\treturn 0, false\n}\n");
}

/// Whether `Error.RetryAfter` is written, so the file imports `time`.
pub(super) fn has_retry_after(catalog: &Catalog) -> bool {
    catalog
        .codes()
        .any(|(_, code)| code.retry == Retry::After && code.param(RETRY_AFTER_PARAM).is_some())
}
