//! The `OpenAPI` 3.1 emitter: `generated/openapi.yaml`, a library of
//! components (no paths of its own) for an API's description to reference:
//! the `ErrorCode` and `ErrorBody` schemas, a schema for each type of
//! `types:`, and one response per status named like its Rust group.
//!
//! Each response narrows `error` to its status's codes with a `oneOf` of
//! `const` branches, each described by its code's message: standard JSON
//! Schema, which every validator enforces and documentation tools show. A
//! status with a code that carries data has a `oneOf` of whole bodies
//! instead, one per code, so that each code's `details` is checked. The YAML
//! is written by hand (the `yaml` module), so that every byte is
//! deterministic, with every text from the catalogue as an escaped
//! double-quoted scalar.
//! ARCHITECTURE.md ("The documents") says why each choice was made.

mod yaml;

use crate::schema;
use crate::{Catalog, Code, Retry, Status};
use yaml::Yaml;

/// `info.version` when the catalogue has no `version:`; `OpenAPI` requires one.
const DEFAULT_VERSION: &str = "0.0.0";

/// The reference every response's body schema starts from.
const ERROR_BODY_REF: &str = "$ref: \"#/components/schemas/ErrorBody\"";

/// Renders the catalogue as an `OpenAPI` 3.1.0 document in YAML.
///
/// ```
/// let catalog = error_codes_gen::Catalog::from_yaml(
///     "title: Errors\nstatuses:\n  401:\n    codes:\n      invalid_token: The API Token provided is invalid.\n",
///     "errors.yaml",
/// )?;
/// let yaml = error_codes_gen::openapi::emit(&catalog);
/// assert!(yaml.starts_with("# Generated from errors.yaml by error-codes; do not edit.\nopenapi: 3.1.0\n"));
/// assert!(yaml.contains("\n    \"Unauthorized\":\n      description: \"401 Unauthorized\"\n"));
/// assert!(yaml.contains("- const: \"invalid_token\"\n"));
/// # Ok::<(), error_codes_gen::Error>(())
/// ```
#[must_use]
pub fn emit(catalog: &Catalog) -> String {
    let mut out = Yaml::default();
    out.line(0, &format!("# {}", catalog.generated_notice()));
    out.line(0, "openapi: 3.1.0");
    out.line(0, "info:");
    out.field(1, "title", &catalog.title);
    out.field(
        1,
        "version",
        catalog.version.as_deref().unwrap_or(DEFAULT_VERSION),
    );
    if let Some(description) = &catalog.description {
        out.field(1, "description", description);
    }
    out.line(0, "paths: {}");
    out.line(0, "components:");
    out.line(1, "schemas:");
    emit_error_code(&mut out, catalog);
    emit_error_body(&mut out, catalog.has_details());
    let doc = Doc {
        catalog,
        retry: catalog.has_retry(),
    };
    for ty in &catalog.types {
        out.quoted_line(2, "", &ty.name, ":");
        out.schema(
            3,
            &schema::object_schema(&ty.fields, ty.description.as_deref()),
        );
    }
    if catalog.statuses.is_empty() {
        out.line(1, "responses: {}");
    } else {
        out.line(1, "responses:");
        for status in &catalog.statuses {
            emit_response(&mut out, &doc, status);
        }
    }
    out.text
}

fn emit_error_code(out: &mut Yaml, catalog: &Catalog) {
    out.line(2, "ErrorCode:");
    out.line(
        3,
        "description: \"Every error code the API sends, in catalogue order.\"",
    );
    out.line(3, "type: string");
    if catalog.codes().next().is_none() {
        // JSON Schema 2020-12 allows an empty `enum`: no string is a code yet.
        out.line(3, "enum: []");
        return;
    }
    out.line(3, "enum:");
    for (_, code) in catalog.codes() {
        out.quoted_line(4, "- ", &code.code, "");
    }
}

/// What the responses need to know of the whole catalogue.
struct Doc<'a> {
    catalog: &'a Catalog,
    /// Whether the catalogue gives retry advice ([`Catalog::has_retry`]):
    /// then every code's description states its retry, `never` included.
    retry: bool,
}

/// `ErrorBody`; with `details` when some code carries data.
fn emit_error_body(out: &mut Yaml, details: bool) {
    out.line(2, "ErrorBody:");
    if details {
        out.line(
            3,
            "description: \"The body of every error response: a machine-readable code, a human-readable message and, for a code that carries data, its details.\"",
        );
    } else {
        out.line(
            3,
            "description: \"The body of every error response: a machine-readable code and a human-readable message.\"",
        );
    }
    body_schema(out, 3, &["$ref: \"#/components/schemas/ErrorCode\""]);
    if details {
        out.line(4, "details:");
        out.line(
            5,
            "description: \"The data a code carries, one member per param: sent only with the codes that have params, whose responses give the members.\"",
        );
        out.line(5, "type: object");
    }
}

/// The shape of every error body at `level`: an object whose `error` and
/// `message` are both required strings. `error` is the given schema lines.
fn body_schema(out: &mut Yaml, level: usize, error: &[&str]) {
    out.line(level, "type: object");
    out.line(level, "required:");
    out.line(level + 1, "- error");
    out.line(level + 1, "- message");
    out.line(level, "properties:");
    out.line(level + 1, "error:");
    for line in error {
        out.line(level + 2, line);
    }
    out.line(level + 1, "message:");
    out.line(level + 2, "type: string");
}

fn emit_response(out: &mut Yaml, doc: &Doc<'_>, status: &Status) {
    out.quoted_line(2, "", &status.name, ":");
    out.field(3, "description", &status.response_description());
    emit_retry_after(out, status);
    out.line(3, "content:");
    out.line(4, "application/json:");
    out.line(5, "schema:");
    if status.codes.is_empty() {
        body_schema(
            out,
            6,
            &[
                "description: \"No codes are documented for this status yet, so this may be any string.\"",
                "type: string",
            ],
        );
        return;
    }
    if status.codes.iter().any(|code| !code.params.is_empty()) {
        // A body per code: only a whole-body branch can tie a code to its
        // details. `error`'s `const` tells the branches apart.
        out.line(6, "oneOf:");
        for code in &status.codes {
            out.item();
            body_branch(out, 8, doc, code);
        }
    } else {
        // `allOf` rather than `$ref` with sibling keywords: both are valid
        // 3.1, but older tools drop a `$ref`'s siblings and would lose the
        // narrowing.
        out.line(6, "allOf:");
        out.line(7, &format!("- {ERROR_BODY_REF}"));
        out.line(6, "properties:");
        out.line(7, "error:");
        out.line(8, "oneOf:");
        for code in &status.codes {
            out.item();
            code_const(out, 10, doc, code);
        }
    }
    out.line(5, "examples:");
    for code in &status.codes {
        let details = (!code.params.is_empty()).then(|| schema::example_details(doc.catalog, code));
        let message = match &details {
            Some(details) => schema::render(code, details),
            None => code.plain_message().into_owned(),
        };
        out.quoted_line(6, "", &code.code, ":");
        out.field(7, "summary", &message);
        if let Some(notes) = code.lifecycle_notes() {
            out.field(7, "description", &notes);
        }
        out.line(7, "value:");
        out.field(8, "error", &code.code);
        out.field(8, "message", &message);
        if let Some(details) = &details {
            out.value(8, "details:", details);
        }
    }
}

/// The `Retry-After` header of a status some of whose codes are
/// `retry: after`. It is never `required`: the status's other codes do not
/// send it, and a newer server may add such codes.
fn emit_retry_after(out: &mut Yaml, status: &Status) {
    let after: Vec<&str> = status
        .codes
        .iter()
        .filter(|code| code.retry == Retry::After)
        .map(|code| code.code.as_str())
        .collect();
    if after.is_empty() {
        return;
    }
    let wait = "the number of seconds to wait before retrying, the same as the body's `details.retry_after`.";
    let description = if after.len() == status.codes.len() {
        format!("Sent with every code of this status: {wait}")
    } else {
        format!("Sent with {}: {wait}", code_list(&after))
    };
    out.line(3, "headers:");
    out.line(4, "Retry-After:");
    out.field(5, "description", &description);
    out.line(5, "schema:");
    out.line(6, "type: integer");
    out.line(6, "minimum: 0");
}

/// `` `a` ``, `` `a` and `b` ``, `` `a`, `b` and `c` ``.
fn code_list(codes: &[&str]) -> String {
    let mut text = String::new();
    for (index, code) in codes.iter().enumerate() {
        if index > 0 {
            text.push_str(if index + 1 == codes.len() {
                " and "
            } else {
                ", "
            });
        }
        text.push('`');
        text.push_str(code);
        text.push('`');
    }
    text
}

/// One code's whole body at `level`, for a status some of whose codes carry
/// data: `error` is the code, and `details`, when the code has params, is
/// required and holds them.
fn body_branch(out: &mut Yaml, level: usize, doc: &Doc<'_>, code: &Code) {
    // Documentation tools label a `oneOf` branch by its title.
    out.field(level, "title", &code.code);
    out.line(level, "allOf:");
    out.line(level + 1, &format!("- {ERROR_BODY_REF}"));
    if !code.params.is_empty() {
        out.line(level, "required:");
        out.line(level + 1, "- details");
    }
    out.line(level, "properties:");
    out.line(level + 1, "error:");
    code_const(out, level + 2, doc, code);
    if !code.params.is_empty() {
        out.line(level + 1, "details:");
        out.schema(level + 2, &schema::object_schema(&code.params, None));
    }
}

/// `const: <code>`, described by its message, its retry advice when the
/// catalogue gives any, and its lifecycle notes; deprecated codes say so.
fn code_const(out: &mut Yaml, level: usize, doc: &Doc<'_>, code: &Code) {
    out.quoted_line(level, "const: ", &code.code, "");
    out.field(level, "description", &description(doc, code));
    if code.deprecated.is_some() {
        out.line(level, "deprecated: true");
    }
}

/// A code's description: the message as written (placeholders show where
/// the details go), then, as paragraphs of their own, the retry advice when
/// the catalogue gives any, and the lifecycle notes.
fn description(doc: &Doc<'_>, code: &Code) -> String {
    let mut text = code.plain_message().into_owned();
    if doc.retry {
        text.push_str("\n\n");
        text.push_str(code.retry.advice());
    }
    if let Some(notes) = code.lifecycle_notes() {
        text.push_str("\n\n");
        text.push_str(&notes);
    }
    text
}
