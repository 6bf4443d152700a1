//! `utoipa::IntoResponses`: one response per status, each with one named
//! example per code, as `generated/openapi.yaml` documents them.
//!
//! A status with a code that has params documents each code as a branch of
//! its own, in which a param code's `details` is required and has its
//! params' schema (the generator's, as JSON text); its examples carry
//! details. A status with a code whose retry is `after` documents the
//! `Retry-After` header.

pub use utoipa;

use std::collections::BTreeMap;

use serde_json::Value;
use utoipa::openapi::Deprecated;
use utoipa::openapi::RefOr;
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Schema, Type};

use super::support::{AdviceDoc, CodeDoc, DetailsDoc, StatusDoc};
use crate::layout::{Layout, Object, Part};
use crate::{ErrorCode, Retry};

/// The body of a value without details, `{"error": code, "message": message}`.
#[must_use]
pub fn plain_body<E: ErrorCode>(value: &E) -> Value {
    serde_json::json!({ "error": value.code(), "message": value.message() })
}

/// The body of a value as serde writes it, with its details.
#[must_use]
pub fn serialized_body<E: ErrorCode + serde_core::Serialize>(value: &E) -> Value {
    // Examples come from the catalogue, whose numbers are finite.
    serde_json::to_value(value).unwrap_or_else(|_| plain_body(value))
}

/// A schema from the generator's JSON text.
#[must_use]
pub fn schema(json: &str) -> RefOr<Schema> {
    // The generator writes schemas utoipa reads; an object schema is what
    // any of them is at the least.
    serde_json::from_str(json)
        .unwrap_or_else(|_| ObjectBuilder::new().schema_type(Type::Object).into())
}

/// What the documentation of one code needs: the value, its body, and the
/// schema of its details if it has params.
struct Code<'a, E> {
    value: &'a E,
    body: Value,
    details: Option<&'a str>,
}

/// The responses of `values`, keyed by status: one per status among them,
/// with its codes in the order of `values`. `body` writes a value's example
/// body; `details` holds the schema of each code with params; `layout` is
/// the catalogue's declared layout, if any.
pub fn responses<E: ErrorCode>(
    values: &[E],
    statuses: &[StatusDoc],
    notes: &[CodeDoc],
    advice: &[AdviceDoc],
    details: &[DetailsDoc],
    body: fn(&E) -> Value,
    layout: Option<&'static Layout>,
) -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<Code<'_, E>>> = BTreeMap::new();
    for value in values {
        let schema = details
            .iter()
            .find(|doc| doc.code == value.code())
            .map(|doc| doc.schema);
        by_status.entry(value.status()).or_default().push(Code {
            value,
            body: body(value),
            details: schema,
        });
    }
    by_status
        .into_iter()
        .map(|(status, codes)| {
            let doc = statuses.iter().find(|doc| doc.status == status);
            (
                status.to_string(),
                RefOr::T(response(status, doc, &codes, notes, advice, layout)),
            )
        })
        .collect()
}

fn response<E: ErrorCode>(
    status: u16,
    doc: Option<&StatusDoc>,
    codes: &[Code<'_, E>],
    notes: &[CodeDoc],
    advice: &[AdviceDoc],
    layout: Option<&Layout>,
) -> Response {
    // Every status of the values is listed; the number alone is what a
    // status without a reason phrase would say anyway.
    let description = doc.map_or_else(|| status.to_string(), |doc| doc.description.to_owned());

    let notes_of = |code: &str| notes.iter().find(|notes| notes.code == code);
    // One branch per code, so that each code's message documents it, with
    // its retry advice and lifecycle notes as generated/openapi.yaml has them.
    let code_schema = |code: &E| {
        let mut description = code.message().into_owned();
        if let Some(doc) = advice.iter().find(|doc| doc.code == code.code()) {
            description.push_str("\n\n");
            description.push_str(doc.advice);
        }
        let notes = notes_of(code.code());
        if let Some(doc) = notes {
            description.push_str("\n\n");
            description.push_str(doc.notes);
        }
        let deprecated = notes.is_some_and(|doc| doc.deprecated);
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some([code.code()]))
            .description(Some(description))
            .deprecated(deprecated.then_some(Deprecated::True))
    };
    let message = || ObjectBuilder::new().schema_type(Type::String);
    let schema: Schema = if let Some(layout) = layout {
        layout_schema(layout, status, codes, |code| {
            // The builder's schema as JSON, the code's value set by the
            // layout's code type.
            let mut schema = serde_json::to_value(code_schema(code).build()).unwrap_or_default();
            if layout.integer
                && let Some(object) = schema.as_object_mut()
            {
                object.insert("type".to_owned(), Value::from("integer"));
                let number: Value = code
                    .code()
                    .parse::<u64>()
                    .map_or_else(|_| Value::from(code.code()), Value::from);
                object.insert("enum".to_owned(), Value::Array(vec![number]));
            }
            schema
        })
    } else if codes.iter().all(|code| code.details.is_none()) {
        let mut error = OneOfBuilder::new();
        for code in codes {
            error = error.item(code_schema(code.value));
        }
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .property("error", error)
            .property("message", message())
            .required("error")
            .required("message")
            .into()
    } else {
        // A body branch per code: a code with params requires its details.
        let mut bodies = OneOfBuilder::new();
        for code in codes {
            let mut branch = ObjectBuilder::new()
                .schema_type(Type::Object)
                .property("error", code_schema(code.value))
                .property("message", message())
                .required("error")
                .required("message");
            if let Some(details) = code.details {
                branch = branch
                    .property("details", schema(details))
                    .required("details");
            }
            bodies = bodies.item(branch);
        }
        bodies.into()
    };
    let examples = codes.iter().map(|code| {
        let value = code.value;
        let mut example = ExampleBuilder::new()
            .summary(value.message())
            .value(Some(code.body.clone()));
        if let Some(doc) = notes_of(value.code()) {
            example = example.description(doc.notes);
        }
        (value.code(), example)
    });
    let content = ContentBuilder::new()
        .schema(Some(schema))
        .examples_from_iter(examples)
        .build();
    let media_type = layout.map_or("application/json", |layout| layout.content_type);
    let mut response = ResponseBuilder::new()
        .description(description)
        .content(media_type, content);
    if codes
        .iter()
        .any(|code| matches!(code.value.retry(), Retry::After(_)))
    {
        response = response.header(
            "Retry-After",
            HeaderBuilder::new()
                .schema(Some(ObjectBuilder::new().schema_type(Type::Integer)))
                .description(Some(
                    "The seconds to wait before retrying: the `retry_after` of the details.",
                ))
                .build(),
        );
    }
    response.build()
}

/// The schema of the bodies of `codes` in `layout`: one object when no code
/// has params (its code one of theirs), else a branch per code in which a
/// code with params requires its details. `code_schema` gives a code's
/// schema as JSON.
fn layout_schema<E: ErrorCode>(
    layout: &Layout,
    status: u16,
    codes: &[Code<'_, E>],
    code_schema: impl Fn(&E) -> Value,
) -> Schema {
    let value = if codes.iter().all(|code| code.details.is_none()) {
        let code = serde_json::json!({
            "oneOf": codes.iter().map(|code| code_schema(code.value)).collect::<Vec<_>>(),
        });
        let docs = codes.iter().all(|code| code.value.docs().is_some());
        object_schema(
            &layout.body,
            &Branch {
                code,
                status,
                docs,
                details: None,
            },
        )
    } else {
        let branches: Vec<Value> = codes
            .iter()
            .map(|code| {
                let details = code
                    .details
                    .and_then(|json| serde_json::from_str::<Value>(json).ok());
                let branch = Branch {
                    code: code_schema(code.value),
                    status,
                    docs: code.value.docs().is_some(),
                    details,
                };
                object_schema(&layout.body, &branch)
            })
            .collect();
        serde_json::json!({ "oneOf": branches })
    };
    serde_json::from_value(value)
        .unwrap_or_else(|_| ObjectBuilder::new().schema_type(Type::Object).into())
}

/// What one schema of a body in a layout says of its parts.
struct Branch {
    /// The schema of the code member.
    code: Value,
    status: u16,
    /// Whether the documentation URL is always sent.
    docs: bool,
    /// The schema of the details, for a code with params.
    details: Option<Value>,
}

/// The schema of `object` of a layout, for `branch`.
fn object_schema(object: &Object, branch: &Branch) -> Value {
    let mut properties = serde_json::Map::new();
    let mut required: Vec<Value> = Vec::new();
    for member in object.members {
        let (schema, always) = match &member.part {
            Part::Code => (branch.code.clone(), true),
            Part::Message | Part::Title => (serde_json::json!({ "type": "string" }), true),
            Part::Status => (
                serde_json::json!({ "type": "integer", "enum": [branch.status] }),
                true,
            ),
            Part::Docs => (
                serde_json::json!({ "type": "string", "format": "uri" }),
                branch.docs,
            ),
            Part::Details => match &branch.details {
                Some(details) => (details.clone(), true),
                None => continue,
            },
            Part::Object(inner) => (object_schema(inner, branch), true),
        };
        properties.insert(member.name.to_owned(), schema);
        if always {
            required.push(Value::from(member.name));
        }
    }
    if object.spread
        && let Some(details) = &branch.details
    {
        if let Some(Value::Object(params)) = details.get("properties") {
            properties.extend(params.clone());
        }
        if let Some(Value::Array(names)) = details.get("required") {
            required.extend(names.iter().cloned());
        }
    }
    let mut schema = serde_json::json!({ "type": "object", "properties": properties });
    if !required.is_empty() {
        schema["required"] = Value::Array(required);
    }
    schema
}
