//! The JSON Schema of the data errors carry: each type of `types:`, each
//! code's `details`, and example details. `generated/openapi.yaml` writes
//! these as YAML and the Rust output hands them to utoipa as JSON text, so
//! the two documents describe details in the same words. Always compiled:
//! the proc macro needs it.
#![allow(
    dead_code,
    reason = "the OpenAPI and Rust emitters use it; they land next"
)]

use std::fmt::Write as _;

use crate::{Catalog, Code, Example, Param, Piece, RETRY_AFTER_PARAM, Type};

/// A JSON value, members in order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Bool(bool),
    Integer(i64),
    /// Always finite.
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    fn object(members: impl IntoIterator<Item = (&'static str, Json)>) -> Self {
        Self::Object(
            members
                .into_iter()
                .map(|(name, value)| (name.to_owned(), value))
                .collect(),
        )
    }

    fn text(text: &str) -> Self {
        Self::String(text.to_owned())
    }

    /// Compact JSON text.
    pub(crate) fn to_json(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Self::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            Self::Integer(value) => {
                let _ = write!(out, "{value}");
            }
            Self::Number(value) => out.push_str(&number_text(*value)),
            Self::String(text) => write_string(text, out),
            Self::Array(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Self::Object(members) => {
                out.push('{');
                for (index, (name, value)) in members.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    write_string(name, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// A finite number as JSON writes it: always with a fraction or exponent,
/// so that it reads back as a number, not an integer (`1.0`, `1.5`, `1e300`).
pub(crate) fn number_text(value: f64) -> String {
    // `Debug` writes the shortest text that reads back as the same `f64`,
    // and always a fraction or an exponent.
    format!("{value:?}")
}

fn write_string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            // Also the line and paragraph separators, which JavaScript
            // source before ES2019 does not accept raw.
            c if u32::from(c) < 0x20 || matches!(c, '\u{2028}' | '\u{2029}') => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Where a type of `types:` is defined in an `OpenAPI` document.
pub(crate) fn reference(name: &str) -> String {
    format!("#/components/schemas/{name}")
}

/// The schema of one value of `ty`.
pub(crate) fn value_schema(ty: &Type) -> Json {
    match ty {
        Type::String => Json::object([("type", Json::text("string"))]),
        Type::Integer => Json::object([
            ("type", Json::text("integer")),
            ("format", Json::text("int64")),
        ]),
        Type::Number => Json::object([
            ("type", Json::text("number")),
            ("format", Json::text("double")),
        ]),
        Type::Boolean => Json::object([("type", Json::text("boolean"))]),
        Type::List(item) => {
            Json::object([("type", Json::text("array")), ("items", value_schema(item))])
        }
        Type::Named(name) => Json::object([("$ref", Json::String(reference(name)))]),
    }
}

/// The schema of an object with `fields`: a type of `types:`, or a code's
/// `details`. Members a reader does not know are allowed, so that a newer
/// server may add an optional param without failing older clients.
pub(crate) fn object_schema(fields: &[Param], description: Option<&str>) -> Json {
    let mut members = vec![("type", Json::text("object"))];
    if let Some(description) = description {
        members.push(("description", Json::text(description)));
    }
    let required: Vec<Json> = fields
        .iter()
        .filter(|field| !field.optional)
        .map(|field| Json::text(&field.name))
        .collect();
    if !required.is_empty() {
        members.push(("required", Json::Array(required)));
    }
    let properties = fields
        .iter()
        .map(|field| {
            let mut schema = value_schema(&field.ty);
            if let (Some(description), Json::Object(members)) = (&field.description, &mut schema) {
                // Beside a `$ref`, OpenAPI 3.1 keeps sibling keywords.
                members.push(("description".to_owned(), Json::text(description)));
            }
            (field.name.clone(), schema)
        })
        .collect();
    members.push(("properties", Json::Object(properties)));
    Json::object(members)
}

/// Example details of `code`: each param's `example`, else a value of its
/// type. An optional param without an example is left out, as a server
/// that has no value for it leaves it out.
pub(crate) fn example_details(catalog: &Catalog, code: &Code) -> Json {
    Json::Object(example_members(catalog, &code.params, 0))
}

fn example_members(catalog: &Catalog, fields: &[Param], depth: usize) -> Vec<(String, Json)> {
    fields
        .iter()
        .filter_map(|field| {
            let value = match &field.example {
                Some(example) => example_json(example),
                None if field.optional => return None,
                None => example_of(catalog, &field.ty, &field.name, depth),
            };
            Some((field.name.clone(), value))
        })
        .collect()
}

fn example_json(example: &Example) -> Json {
    match example {
        Example::String(text) => Json::text(text),
        Example::Integer(value) => Json::Integer(*value),
        Example::Number(value) => Json::Number(*value),
        Example::Boolean(value) => Json::Bool(*value),
        Example::List(items) => Json::Array(items.iter().map(example_json).collect()),
        Example::Object(members) => Json::Object(
            members
                .iter()
                .map(|(name, value)| (name.clone(), example_json(value)))
                .collect(),
        ),
    }
}

/// A value of `ty` for a param or field called `name`.
fn example_of(catalog: &Catalog, ty: &Type, name: &str, depth: usize) -> Json {
    match ty {
        Type::String => Json::text(name),
        Type::Integer if name == RETRY_AFTER_PARAM => Json::Integer(30),
        Type::Integer => Json::Integer(1),
        Type::Number => Json::Number(1.5),
        Type::Boolean => Json::Bool(true),
        // A type reached again through a list ends the example there.
        Type::List(_) if depth > catalog.types.len() => Json::Array(Vec::new()),
        Type::List(item) => Json::Array(vec![example_of(catalog, item, name, depth + 1)]),
        Type::Named(type_name) => match catalog.type_def(type_name) {
            Some(def) => Json::Object(example_members(catalog, &def.fields, depth + 1)),
            None => Json::Object(Vec::new()),
        },
    }
}

/// `code`'s message with its placeholders filled from `details`, as the
/// Rust server renders it.
pub(crate) fn render(code: &Code, details: &Json) -> String {
    let Json::Object(members) = details else {
        return code.plain_message().into_owned();
    };
    let mut text = String::with_capacity(code.message.len());
    for piece in code.pieces() {
        match piece {
            Piece::Text(part) => text.push_str(part),
            Piece::Param(name) => match members.iter().find(|(member, _)| member == name) {
                Some((_, Json::String(value))) => text.push_str(value),
                Some((_, Json::Integer(value))) => {
                    let _ = write!(text, "{value}");
                }
                // As Rust's `Display` writes an `f64`, which the server uses.
                Some((_, Json::Number(value))) => {
                    let _ = write!(text, "{value}");
                }
                Some((_, Json::Bool(value))) => {
                    let _ = write!(text, "{value}");
                }
                _ => {
                    text.push('{');
                    text.push_str(name);
                    text.push('}');
                }
            },
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        Catalog::from_yaml(
            "title: T
types:
  FieldViolation:
    description: One input.
    fields:
      field: string
      reason: { type: string, description: Why. }
      nested: { type: [FieldViolation], optional: true }
statuses:
  422:
    codes:
      invalid:
        message: 'Bad {count} \"{name}\" {ratio} {ok} {{x}}'
        params:
          count: integer
          name: string
          ratio: { type: number, example: 0.25 }
          ok: boolean
          violations: [FieldViolation]
          limit: { type: integer, optional: true }
",
            "errors.yaml",
        )
        .unwrap()
    }

    #[test]
    fn schemas_of_types_and_details() {
        let catalog = catalog();
        let ty = &catalog.types[0];
        assert_eq!(
            object_schema(&ty.fields, ty.description.as_deref()).to_json(),
            r##"{"type":"object","description":"One input.","required":["field","reason"],"properties":{"field":{"type":"string"},"reason":{"type":"string","description":"Why."},"nested":{"type":"array","items":{"$ref":"#/components/schemas/FieldViolation"}}}}"##
        );
    }

    #[test]
    fn examples_fill_the_message() {
        let catalog = catalog();
        let (_, code) = catalog.codes().next().unwrap();
        let details = example_details(&catalog, code);
        assert_eq!(
            details.to_json(),
            r#"{"count":1,"name":"name","ratio":0.25,"ok":true,"violations":[{"field":"field","reason":"reason"}]}"#
        );
        assert_eq!(render(code, &details), r#"Bad 1 "name" 0.25 true {x}"#);
    }

    #[test]
    fn numbers_read_back_as_numbers_and_strings_are_escaped() {
        assert_eq!(Json::Number(1.0).to_json(), "1.0");
        assert_eq!(Json::Number(1e300).to_json(), "1e300");
        assert_eq!(
            Json::text("a\"b\\c\n\u{1}\u{2028}").to_json(),
            r#""a\"b\\c\n\u0001\u2028""#
        );
    }
}
