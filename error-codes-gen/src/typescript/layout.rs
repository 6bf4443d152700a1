//! The body types and guards of a catalogue that declares its layout
//! (`body:`): `ErrorBody`, `ReceivedErrorBody`, `isErrorBody` and
//! `isReceivedErrorBody` with each member where the layout puts it, nested
//! objects included (`{ error: { code: ErrorCode; message: string } }`),
//! and the status, the docs URL and the title when the layout sends them.
//!
//! The params of a code go into their own object (`error.error_data`), or
//! become members of the object they are spread into (`error.*`, or the
//! body itself with `*`): then `ErrorBodyWithDetails<Code>` is that object
//! type `& ErrorDetails[Code]`, and narrowing on the code types them.
//!
//! Each body type is first a [`Shape`], the layout's tree with the members
//! that kind of body has; the type and the guard are both written from it,
//! so that a guard checks what its type declares. An object none of whose
//! members a kind has is left out of it (the object of the details, for a
//! code without params); one whose members are all optional is optional.
//!
//! The guards read members as `value["name"]` once `isObject` has narrowed
//! `value`: a required member that is not sent reads as `undefined` (or, for
//! a name of `Object.prototype`, as a function or the prototype, which no
//! check of a string, integer, code or object with required members takes),
//! and an optional one counts only when it is the object's own.

use crate::escape::string_literal;
use crate::{Catalog, CodeType, Member, Object, Part};

use super::details::{self, member_checks, push_return};
use super::syntax::{is_identifier, push_doc, push_line, push_member_key, wrap};
use super::{IS_ERROR_CODE, code_literal, written_path};

/// Writes `ErrorDetails` (with params), the body types, `isErrorCode`, the
/// guards' helpers, `isErrorBody`, `ReceivedErrorBody` and
/// `isReceivedErrorBody` of a catalogue that declares its layout.
pub(super) fn body(out: &mut String, catalog: &Catalog) {
    let layout = Layout::new(catalog);
    layout.types(out);
    out.push_str(if layout.integer {
        IS_INTEGER_CODE
    } else {
        IS_ERROR_CODE
    });
    layout.guards(out);
}

/// How a member of the body is reached from the body, as TypeScript writes
/// it: `.error.code`, or `["error-data"]` for a name that is no identifier.
/// For a spread, the object the params go into (empty for the body itself).
pub(super) fn accessor(catalog: &Catalog, part: Part) -> String {
    let Some(path) = catalog.body.path(part) else {
        return String::new();
    };
    path.members
        .iter()
        .map(|name| {
            if is_identifier(name) {
                format!(".{name}")
            } else {
                format!("[{}]", string_literal(name))
            }
        })
        .collect()
}

/// `isErrorCode` of a catalogue whose codes are numbers.
const IS_INTEGER_CODE: &str = r#"
// A Set, not `code in ERRORS`: `in` would also take a code's digits as a
// string, and find inherited keys such as "toString".
const CODES: ReadonlySet<number> = new Set<number>(ERROR_CODES);

/** Whether `value` is one of the {@link ERROR_CODES}. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "number" && CODES.has(value);
}
"#;

/// `member`, which reads the details through an object that a body of a
/// code without params may leave out.
const MEMBER: &str = r"
/** `value[name]`, if `value` is an object with such an own member. */
function member(value: unknown, name: string): unknown {
  return isObject(value) && hasOwn(value, name) ? value[name] : undefined;
}
";

/// Which body type a [`Shape`] is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `ErrorBody` of a catalogue without params, and what `isErrorBody`
    /// checks of every body before a code's params: no details.
    Plain,
    /// `ErrorBodyWithoutDetails`: a code without params.
    WithoutDetails,
    /// `ErrorBodyWithDetails<Code>`: a code with params, and its params.
    WithDetails,
    /// `ReceivedErrorBody`: any code, and the details unchecked.
    Received,
}

/// An object of a body type: its members, and whether the params of the
/// code are spread into it.
struct Shape<'a> {
    fields: Vec<Field<'a>>,
    spread: bool,
}

/// A member of a [`Shape`].
struct Field<'a> {
    name: &'a str,
    optional: bool,
    value: Value<'a>,
}

enum Value<'a> {
    Part(Part),
    Object(Shape<'a>),
}

/// The layout of the catalogue, and what its body types depend on.
struct Layout<'a> {
    catalog: &'a Catalog,
    tree: Object,
    /// Whether any code has params.
    params: bool,
    /// Whether some code has no docs URL, so that the docs member is
    /// optional (when the layout has one).
    docs_optional: bool,
    integer: bool,
}

impl<'a> Layout<'a> {
    fn new(catalog: &'a Catalog) -> Self {
        Self {
            catalog,
            tree: catalog.body.tree(),
            params: details::has_params(catalog),
            docs_optional: catalog.codes().any(|(_, code)| code.docs.is_none()),
            integer: catalog.body.code_type == CodeType::Integer,
        }
    }

    /// The body type of `kind`.
    fn shape(&self, kind: Kind) -> Shape<'_> {
        self.object_shape(&self.tree, kind)
    }

    fn object_shape<'t>(&self, object: &'t Object, kind: Kind) -> Shape<'t> {
        let mut fields = Vec::new();
        for member in &object.members {
            let (optional, value) = match &member.value {
                Member::Part(part) => {
                    let optional = match part {
                        // A catalogue without params declares no details
                        // for a received body either, as before layouts.
                        Part::Details => match kind {
                            Kind::WithDetails => false,
                            Kind::Received if self.params => true,
                            Kind::Plain | Kind::WithoutDetails | Kind::Received => continue,
                        },
                        Part::Docs => self.docs_optional || kind == Kind::Received,
                        _ => false,
                    };
                    (optional, Value::Part(*part))
                }
                Member::Object(inner) => {
                    let inner = self.object_shape(inner, kind);
                    if inner.fields.is_empty() && !inner.spread {
                        continue;
                    }
                    let optional = !inner.spread
                        && !inner.fields.is_empty()
                        && inner.fields.iter().all(|field| field.optional);
                    (optional, Value::Object(inner))
                }
            };
            fields.push(Field {
                name: &member.name,
                optional,
                value,
            });
        }
        Shape {
            fields,
            spread: object.spread && kind == Kind::WithDetails,
        }
    }

    /// Where a code's params go, for the documents: in `error.error_data`,
    /// as members of `error`, or as members of the body (each path in
    /// backticks).
    fn params_place(&self) -> String {
        let path = written_path(self.catalog, Part::Details);
        match self.catalog.body.path(Part::Details) {
            Some(details) if details.spread && path.is_empty() => {
                "as members of the body".to_owned()
            }
            Some(details) if details.spread => format!("as members of `{path}`"),
            _ => format!("in `{path}`"),
        }
    }

    /// Whether the params are spread into an object.
    fn spread(&self) -> bool {
        self.catalog
            .body
            .path(Part::Details)
            .is_some_and(|path| path.spread)
    }

    // The types.

    /// `ErrorDetails` and the union `ErrorBody` of its members, or the one
    /// `ErrorBody` of a catalogue without params; then `ReceivedErrorBody`.
    fn types(&self, out: &mut String) {
        let code = written_path(self.catalog, Part::Code);
        if self.params {
            details::error_details(
                out,
                self.catalog,
                &wrap(
                    &format!(
                        "The params of each code that has params, by code: the data an \
                         {{@link ErrorBody}} with that code sends {}.",
                        self.params_place()
                    ),
                    77,
                ),
            );
            details::error_body_union(
                out,
                self.catalog,
                &wrap(
                    &format!(
                        "The JSON body of every error response, discriminated by `{code}`: a \
                         code that has params sends them {} (see {{@link ErrorDetails}}).",
                        self.params_place()
                    ),
                    77,
                ),
            );
            if details::has_plain(self.catalog) {
                out.push('\n');
                push_line(
                    out,
                    "/** The JSON body of an error response whose code has no params. */",
                );
                self.declaration(out, "ErrorBodyWithoutDetails", Kind::WithoutDetails);
            }
            out.push('\n');
            let doc = if self.spread() {
                format!(
                    "The JSON body of an error response whose code has params, which it sends {}.",
                    self.params_place()
                )
            } else {
                "The JSON body of an error response whose code has params.".to_owned()
            };
            push_doc(out, "", &wrap(&doc, 77), false);
            self.declaration(
                out,
                "ErrorBodyWithDetails<Code extends keyof ErrorDetails>",
                Kind::WithDetails,
            );
        } else {
            out.push('\n');
            push_line(out, "/** The JSON body of every error response. */");
            self.declaration(out, "ErrorBody", Kind::Plain);
        }
    }

    /// `ReceivedErrorBody`, with its comment.
    fn received_type(&self, out: &mut String) {
        let code = written_path(self.catalog, Part::Code);
        let mut doc = wrap(
            &format!(
                "An error response body as a client receives it: `{code}` is one of the \
                 {{@link ERROR_CODES}}, or a code the server added after this module was \
                 generated. {{@link isErrorCode}} tells them apart."
            ),
            77,
        );
        if self.params && self.spread() {
            doc.push(String::new());
            doc.extend(wrap(
                &format!(
                    "A code's params, sent {}, are not declared here: a server built from \
                     another version of the catalogue may send other ones. {{@link isErrorBody}} \
                     checks them against this catalogue's {{@link ErrorDetails}}.",
                    self.params_place()
                ),
                77,
            ));
        }
        out.push('\n');
        push_doc(out, "", &doc, false);
        self.declaration(out, "ReceivedErrorBody", Kind::Received);
    }

    /// `export interface <name> { … }`, or for a body into which the params
    /// are spread, `export type <name> = { … } & ErrorDetails[Code];`.
    fn declaration(&self, out: &mut String, name: &str, kind: Kind) {
        let shape = self.shape(kind);
        if shape.spread {
            out.push_str("export type ");
            out.push_str(name);
            out.push_str(" = ");
            self.push_object(out, "", &shape, kind);
            out.push_str(";\n");
        } else {
            push_line(out, &format!("export interface {name} {{"));
            self.push_fields(out, "  ", &shape, kind);
            push_line(out, "}");
        }
    }

    /// An object type whose closing brace is at `indent`: `{ … }`, then
    /// `& ErrorDetails[Code]` when the params are spread into it.
    fn push_object(&self, out: &mut String, indent: &str, shape: &Shape<'_>, kind: Kind) {
        if shape.fields.is_empty() {
            out.push_str("ErrorDetails[Code]");
            return;
        }
        out.push_str("{\n");
        self.push_fields(out, &format!("{indent}  "), shape, kind);
        out.push_str(indent);
        out.push('}');
        if shape.spread {
            out.push_str(" & ErrorDetails[Code]");
        }
    }

    fn push_fields(&self, out: &mut String, indent: &str, shape: &Shape<'_>, kind: Kind) {
        for field in &shape.fields {
            if let Value::Part(part) = &field.value {
                push_prose(out, indent, &Self::part_doc(*part, kind, field.optional));
            }
            out.push_str(indent);
            push_member_key(out, field.name);
            if field.optional {
                out.push('?');
            }
            out.push_str(": ");
            match &field.value {
                Value::Part(part) => out.push_str(self.part_type(*part, kind)),
                Value::Object(inner) => self.push_object(out, indent, inner, kind),
            }
            out.push_str(";\n");
        }
    }

    fn part_type(&self, part: Part, kind: Kind) -> &'static str {
        match (part, kind) {
            (Part::Code, Kind::Plain) => "ErrorCode",
            (Part::Code, Kind::WithoutDetails) => "Exclude<ErrorCode, keyof ErrorDetails>",
            (Part::Code, Kind::WithDetails) => "Code",
            (Part::Code, Kind::Received) if self.integer => "ErrorCode | (number & {})",
            (Part::Code, Kind::Received) => "ErrorCode | (string & {})",
            (Part::Details, Kind::WithDetails) => "ErrorDetails[Code]",
            (Part::Details, _) => "unknown",
            (Part::Status, _) => "number",
            (Part::Message | Part::Docs | Part::Title, _) => "string",
        }
    }

    fn part_doc(part: Part, kind: Kind, optional: bool) -> String {
        let received = kind == Kind::Received;
        match part {
            Part::Code if received => {
                "What went wrong, for programs: a known code, or a newer one.".to_owned()
            }
            Part::Code => "What went wrong, for programs.".to_owned(),
            Part::Message if received => {
                "What went wrong, for people, as sent (a server may localize it).".to_owned()
            }
            Part::Message if kind == Kind::WithDetails => {
                "What went wrong, for people, with the values of the params filled in.".to_owned()
            }
            Part::Message => "What went wrong, for people.".to_owned(),
            Part::Details if received => {
                "The data sent with the error, as sent and unchecked: a server built from \
                 another version of the catalogue may send other details, or none. \
                 {@link isErrorBody} checks them against this catalogue's {@link ErrorDetails}."
                    .to_owned()
            }
            Part::Details => "What went wrong, as data: the code's params.".to_owned(),
            Part::Status => "The HTTP status of the response.".to_owned(),
            Part::Docs if received => {
                "Where the code is documented: a URL, when the server sends one.".to_owned()
            }
            Part::Docs if optional => {
                "Where the code is documented: a URL, sent for a code that has one.".to_owned()
            }
            Part::Docs => "Where the code is documented: a URL.".to_owned(),
            Part::Title => "What went wrong, in a few words.".to_owned(),
        }
    }

    // The guards.

    /// The helpers, `isErrorBody`, `ReceivedErrorBody` and
    /// `isReceivedErrorBody`.
    fn guards(&self, out: &mut String) {
        let plain = self.shape(Kind::Plain);
        let received = self.shape(Kind::Received);
        let mut common = vec!["isObject(value)".to_owned()];
        self.checks(&plain, "value", Kind::Plain, &mut common);
        let mut any = vec!["isObject(value)".to_owned()];
        self.checks(&received, "value", Kind::Received, &mut any);
        let target = self.params.then(|| self.details_target(&plain));
        let member = target.as_ref().is_some_and(|target| target.through_member);
        let has_own = self.params
            || member
            || common
                .iter()
                .chain(&any)
                .any(|check| check.contains("hasOwn("));
        details::object_helpers(out, has_own);
        if member {
            out.push_str(MEMBER);
        }
        details::type_checks(out, self.catalog);

        out.push('\n');
        push_doc(out, "", &self.is_error_body_doc(), true);
        push_line(
            out,
            "export function isErrorBody(value: unknown): value is ErrorBody {",
        );
        match &target {
            None => push_return(out, "  ", &common),
            Some(target) => self.details_switch(out, &common, target),
        }
        push_line(out, "}");

        self.received_type(out);
        out.push('\n');
        push_doc(out, "", &self.is_received_error_body_doc(), true);
        push_line(
            out,
            "export function isReceivedErrorBody(value: unknown): value is ReceivedErrorBody {",
        );
        push_return(out, "  ", &any);
        push_line(out, "}");
    }

    /// The checks of the members of `shape`, the object `expr` (narrowed
    /// by `isObject`), as conjuncts: a required member is checked, an
    /// optional one only when it is the object's own.
    fn checks(&self, shape: &Shape<'_>, expr: &str, kind: Kind, out: &mut Vec<String>) {
        for field in &shape.fields {
            let key = string_literal(field.name);
            let member = format!("{expr}[{key}]");
            let checks = match &field.value {
                Value::Part(part) => match self.part_check(*part, kind, &member) {
                    Some(check) => vec![check],
                    None => continue,
                },
                Value::Object(inner) => {
                    let mut checks = vec![format!("isObject({member})")];
                    self.checks(inner, &member, kind, &mut checks);
                    checks
                }
            };
            if field.optional {
                let all = match checks.as_slice() {
                    [one] => one.clone(),
                    many => format!("({})", many.join(" && ")),
                };
                out.push(format!("(!hasOwn({expr}, {key}) || {all})"));
            } else {
                out.extend(checks);
            }
        }
    }

    fn part_check(&self, part: Part, kind: Kind, member: &str) -> Option<String> {
        Some(match part {
            Part::Code if kind != Kind::Received => format!("isErrorCode({member})"),
            Part::Code if self.integer => format!("Number.isInteger({member})"),
            Part::Status => format!("Number.isInteger({member})"),
            Part::Code | Part::Message | Part::Docs | Part::Title => {
                format!("typeof {member} === \"string\"")
            }
            Part::Details => return None,
        })
    }

    /// How `isErrorBody` reads the params of a code: the object that holds
    /// them, through the objects that every body has (which the common
    /// checks have narrowed), then through `member` for any that a body of
    /// a code without params may leave out.
    fn details_target(&self, plain: &Shape<'_>) -> Target {
        let path = self
            .catalog
            .body
            .path(Part::Details)
            .cloned()
            .unwrap_or_else(|| crate::Path::member("details"));
        let mut expr = "value".to_owned();
        let mut shape = Some(plain);
        let mut narrowed = true;
        for name in path.parent() {
            let key = string_literal(name);
            let inner = shape
                .and_then(|shape| {
                    shape
                        .fields
                        .iter()
                        .find(|field| field.name == name && !field.optional)
                })
                .and_then(|field| match &field.value {
                    Value::Object(inner) => Some(inner),
                    Value::Part(_) => None,
                });
            if narrowed && inner.is_some() {
                expr = format!("{expr}[{key}]");
                shape = inner;
            } else {
                narrowed = false;
                shape = None;
                expr = format!("member({expr}, {key})");
            }
        }
        let through_member = !narrowed;
        match path.leaf() {
            Some(leaf) => {
                let key = string_literal(leaf);
                let read = if narrowed {
                    format!("{expr}[{key}]")
                } else {
                    format!("member({expr}, {key})")
                };
                Target {
                    binding: Some(format!("const details: unknown = {read};")),
                    object: "details".to_owned(),
                    narrowed: false,
                    through_member,
                }
            }
            None if narrowed && expr == "value" => Target {
                binding: None,
                object: expr,
                narrowed: true,
                through_member,
            },
            None if narrowed => Target {
                binding: Some(format!("const params = {expr};")),
                object: "params".to_owned(),
                narrowed: true,
                through_member,
            },
            None => Target {
                binding: Some(format!("const params: unknown = {expr};")),
                object: "params".to_owned(),
                narrowed: false,
                through_member,
            },
        }
    }

    /// The body of `isErrorBody` in a catalogue with params: the common
    /// checks, then a switch on the code that checks each code's params.
    fn details_switch(&self, out: &mut String, common: &[String], target: &Target) {
        push_line(out, "  if (");
        push_line(out, "    !(");
        let last = common.len() - 1;
        for (i, check) in common.iter().enumerate() {
            let and = if i == last { "" } else { " &&" };
            push_line(out, &format!("      {check}{and}"));
        }
        push_line(out, "    )");
        push_line(out, "  ) {");
        push_line(out, "    return false;");
        push_line(out, "  }");
        if let Some(binding) = &target.binding {
            push_line(out, &format!("  {binding}"));
        }
        let mut code = "value".to_owned();
        for name in self
            .catalog
            .body
            .path(Part::Code)
            .map_or(&[][..], |path| &path.members)
        {
            code.push('[');
            code.push_str(&string_literal(name));
            code.push(']');
        }
        push_line(out, &format!("  switch ({code}) {{"));
        for code in details::detailed(self.catalog) {
            push_line(
                out,
                &format!("    case {}:", code_literal(self.catalog, code)),
            );
            let mut checks = Vec::new();
            if !target.narrowed {
                checks.push(format!("isObject({})", target.object));
            }
            checks.extend(member_checks(&target.object, &code.params));
            push_return(out, "      ", &checks);
        }
        push_line(out, "    default:");
        push_line(
            out,
            "      // A code without params: there are no params to check.",
        );
        push_line(out, "      return true;");
        push_line(out, "  }");
    }

    /// What each part of the body must be, one item a part, in the order
    /// of the layout; `received` for `isReceivedErrorBody`.
    fn part_items(&self, received: bool) -> Vec<String> {
        let mut items = Vec::new();
        for (part, path) in &self.catalog.body.parts {
            let member = format!("`{}`", path.members.join("."));
            let item = match part {
                Part::Code if received && self.integer => {
                    format!("{member}: an integer (a known code, or a newer one)")
                }
                Part::Code if received => {
                    format!("{member}: a string (a known code, or a newer one)")
                }
                Part::Code => format!("{member}: one of the {{@link ERROR_CODES}}"),
                Part::Status => format!("{member}: an integer"),
                Part::Docs if received || self.docs_optional => {
                    format!("{member}: a string, when sent")
                }
                Part::Message | Part::Title | Part::Docs => format!("{member}: a string"),
                Part::Details if received || !self.params => continue,
                Part::Details if path.spread => format!(
                    "the params of a code that has them, {}, each with its type (an optional \
                     one may be left out; see {{@link ErrorDetails}})",
                    self.params_place()
                ),
                Part::Details => format!(
                    "{member}: for a code that has params, an object that holds each of them \
                     (an optional one may be left out) with its type (see {{@link ErrorDetails}})"
                ),
            };
            items.push(item);
        }
        items
    }

    fn is_error_body_doc(&self) -> Vec<String> {
        let mut doc = vec![
            "Whether `value` has the shape of an error response body:".to_owned(),
            String::new(),
        ];
        bullets(&mut doc, &self.part_items(false));
        doc.push(String::new());
        doc.extend(wrap(
            if self.params {
                "An integer must be an integer and a number finite. Members that the catalogue \
                 does not name are ignored, so that a newer server may add optional params."
            } else {
                "Members that the catalogue does not name are ignored."
            },
            77,
        ));
        doc
    }

    fn is_received_error_body_doc(&self) -> Vec<String> {
        let mut doc = vec![
            "Whether `value` has the shape of an error response body with any code:".to_owned(),
            String::new(),
        ];
        bullets(&mut doc, &self.part_items(true));
        doc.push(String::new());
        doc.extend(wrap(
            &format!(
                "Clients check responses with this rather than {{@link isErrorBody}}, so that a \
                 newer server's codes do not break them; `isErrorCode(body{})` then narrows the \
                 code to the known ones.",
                accessor(self.catalog, Part::Code)
            ),
            77,
        ));
        doc
    }
}

/// Where `isErrorBody` finds a code's params.
struct Target {
    /// The statement that names the object, if it needs one.
    binding: Option<String>,
    /// The expression of the object: `details`, `params` or `value`.
    object: String,
    /// Whether `isObject` has already narrowed it.
    narrowed: bool,
    /// Whether it is read through `member`.
    through_member: bool,
}

/// A doc comment of the emitter's own `text` at `indent`: on one line when
/// it fits in 80 columns, else filled to lines of a block.
fn push_prose(out: &mut String, indent: &str, text: &str) {
    if indent.len() + text.len() + "/**  */".len() <= 80 {
        push_line(out, &format!("{indent}/** {text} */"));
    } else {
        push_doc(out, indent, &wrap(text, 77 - indent.len()), true);
    }
}

/// `items` as a Markdown list, each item filled to lines: `;` after each
/// but the last, `.` after the last.
fn bullets(doc: &mut Vec<String>, items: &[String]) {
    let last = items.len().saturating_sub(1);
    for (i, item) in items.iter().enumerate() {
        let end = if i == last { "." } else { ";" };
        for (j, line) in wrap(&format!("{item}{end}"), 75).into_iter().enumerate() {
            doc.push(format!("{}{line}", if j == 0 { "- " } else { "  " }));
        }
    }
}
