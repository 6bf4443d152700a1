//! `utoipa::IntoResponses`: one response per status, each with one named
//! example per code, as `generated/openapi.yaml` documents them.

pub use utoipa;

use std::collections::BTreeMap;

use utoipa::openapi::Deprecated;
use utoipa::openapi::RefOr;
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Schema, Type};

use super::support::{CodeDoc, StatusDoc};
use crate::ErrorCode;

/// The responses of `values`, keyed by status: one per status among them,
/// with its codes in the order of `values`.
pub fn responses<E: ErrorCode>(
    values: &[E],
    statuses: &[StatusDoc],
    notes: &[CodeDoc],
) -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<&E>> = BTreeMap::new();
    for value in values {
        by_status.entry(value.status()).or_default().push(value);
    }
    by_status
        .into_iter()
        .map(|(status, codes)| {
            let doc = statuses.iter().find(|doc| doc.status == status);
            (
                status.to_string(),
                RefOr::T(response(status, doc, &codes, notes)),
            )
        })
        .collect()
}

fn response<E: ErrorCode>(
    status: u16,
    doc: Option<&StatusDoc>,
    codes: &[&E],
    notes: &[CodeDoc],
) -> Response {
    // Every status of the values is listed; the number alone is what a
    // status without a reason phrase would say anyway.
    let description = doc.map_or_else(|| status.to_string(), |doc| doc.description.to_owned());

    let notes_of = |code: &str| notes.iter().find(|notes| notes.code == code);
    // One branch per code, so that each code's message documents it, with
    // its lifecycle notes as generated/openapi.yaml has them.
    let mut error = OneOfBuilder::new();
    for code in codes {
        let (description, deprecated) = match notes_of(code.code()) {
            Some(doc) => (
                format!("{}\n\n{}", code.message(), doc.notes),
                doc.deprecated,
            ),
            None => (code.message().to_owned(), false),
        };
        error = error.item(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some([code.code()]))
                .description(Some(description))
                .deprecated(deprecated.then_some(Deprecated::True)),
        );
    }
    let schema: Schema = ObjectBuilder::new()
        .schema_type(Type::Object)
        .property("error", error)
        .property("message", ObjectBuilder::new().schema_type(Type::String))
        .required("error")
        .required("message")
        .into();
    let examples = codes.iter().map(|code| {
        let value = serde_json::json!({ "error": code.code(), "message": code.message() });
        let mut example = ExampleBuilder::new()
            .summary(code.message())
            .value(Some(value));
        if let Some(doc) = notes_of(code.code()) {
            example = example.description(doc.notes);
        }
        (code.code(), example)
    });
    let content = ContentBuilder::new()
        .schema(Some(schema))
        .examples_from_iter(examples)
        .build();
    ResponseBuilder::new()
        .description(description)
        .content("application/json", content)
        .build()
}
