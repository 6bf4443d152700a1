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

use crate::ErrorCode;

/// A status's documentation from the catalogue: the status, its title and
/// its description, if it has one.
pub type StatusDoc = (u16, &'static str, &'static [&'static str]);

/// A code's lifecycle from the catalogue: the code, whether it is deprecated,
/// and its notes (`Deprecated: …`, `Added in version ….`).
pub type CodeNotes = (&'static str, bool, &'static str);

/// The responses of `values`, keyed by status: one per status among them,
/// with its codes in the order of `values`.
pub fn responses<E: ErrorCode>(
    values: &[E],
    statuses: &[StatusDoc],
    notes: &[CodeNotes],
) -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<&E>> = BTreeMap::new();
    for value in values {
        by_status.entry(value.status()).or_default().push(value);
    }
    by_status
        .into_iter()
        .map(|(status, codes)| {
            let doc = statuses.iter().find(|doc| doc.0 == status);
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
    notes: &[CodeNotes],
) -> Response {
    // A derived type's statuses have no catalogue title: the reason phrase.
    let title = doc
        .map(|doc| doc.1)
        .or_else(|| http::StatusCode::from_u16(status).ok()?.canonical_reason());
    // As `generated/openapi.yaml` has it: "401 Unauthorized", then the
    // status's description, if any, as a paragraph of its own.
    let mut description = match title {
        Some(title) => format!("{status} {title}"),
        None => status.to_string(),
    };
    if let Some(text) = doc.and_then(|doc| doc.2.first()) {
        description.push_str("\n\n");
        description.push_str(text);
    }

    let notes_of = |code: &str| notes.iter().find(|notes| notes.0 == code);
    // One branch per code, so that each code's message documents it, with
    // its lifecycle notes as generated/openapi.yaml has them.
    let mut error = OneOfBuilder::new();
    for code in codes {
        let (description, deprecated) = match notes_of(code.code()) {
            Some(&(_, deprecated, notes)) => (format!("{}\n\n{notes}", code.message()), deprecated),
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
        if let Some(&(_, _, notes)) = notes_of(code.code()) {
            example = example.description(notes);
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
