//! The `OpenAPI` 3.1 emitter: `generated/openapi.yaml`, a library of
//! components (no paths of its own) for an API's description to reference:
//! the `ErrorCode` and `ErrorBody` schemas, a schema for each type of
//! `types:`, and one response per status named like its Rust group.
//!
//! Every schema and example follows the catalogue's layout (`body:`, walked
//! as [`crate::Body::tree`] by the `layout` module), and each response's
//! content is keyed by the layout's media type. Each response narrows the
//! code to its status's codes with a `oneOf` of `const` branches, each
//! described by its code's message: standard JSON Schema, which every
//! validator enforces and documentation tools show. A status with a code
//! that carries data has a `oneOf` of whole bodies instead, one per code,
//! so that each code's details are checked. The YAML is written by hand
//! (the `yaml` module), so that every byte is deterministic, with every
//! text from the catalogue as an escaped double-quoted scalar.
//! ARCHITECTURE.md ("The documents") says why each choice was made.

mod layout;
mod yaml;

use crate::schema;
use crate::{Catalog, Code, CodeType, Retry, Status};
use layout::{Layout, Narrowing, Whole};
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
/// assert!(yaml.contains("\n        application/json:\n"));
/// assert!(yaml.contains("- const: \"invalid_token\"\n"));
/// # Ok::<(), error_codes_gen::Error>(())
/// ```
///
/// A catalogue with `body: problem` sends RFC 9457 problem details, and its
/// document says so:
///
/// ```
/// let catalog = error_codes_gen::Catalog::from_yaml(
///     "title: Errors\nbody: problem\ndocs: https://example.com/errors/{code}\nstatuses:\n  404:\n    codes:\n      not_found: Nothing here.\n",
///     "errors.yaml",
/// )?;
/// let yaml = error_codes_gen::openapi::emit(&catalog);
/// assert!(yaml.contains("\n        \"application/problem+json\":\n"));
/// assert!(yaml.contains("\n        \"detail\":\n"));
/// // The docs URL is linked, not pinned: a changed URL is compatible.
/// assert!(yaml.contains("url: \"https://example.com/errors/not_found\"\n"));
/// assert!(!yaml.contains("const: \"https://"));
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
    let doc = Doc {
        catalog,
        retry: catalog.has_retry(),
        layout: Layout::new(catalog),
    };
    emit_error_code(&mut out, catalog);
    emit_error_body(&mut out, &doc);
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
    out.line(3, &format!("type: {}", catalog.body.code_type.word()));
    if catalog.codes().next().is_none() {
        // JSON Schema 2020-12 allows an empty `enum`: no value is a code yet.
        out.line(3, "enum: []");
        return;
    }
    out.line(3, "enum:");
    for (_, code) in catalog.codes() {
        code_value(out, 4, "- ", code, catalog.body.code_type);
    }
}

/// The code as the body sends it, after `lead`: a quoted string, or with
/// `code_type: integer` a plain number.
fn code_value(out: &mut Yaml, level: usize, lead: &str, code: &Code, code_type: CodeType) {
    match (code_type, code.number()) {
        (CodeType::Integer, Some(number)) => out.line(level, &format!("{lead}{number}")),
        // The loader admits only decimal integers under `code_type: integer`.
        _ => out.quoted_line(level, lead, &code.code, ""),
    }
}

/// What the responses need to know of the whole catalogue.
struct Doc<'a> {
    catalog: &'a Catalog,
    /// Whether the catalogue gives retry advice ([`Catalog::has_retry`]):
    /// then every code's description states its retry, `never` included.
    retry: bool,
    /// The body's layout, as the schemas and examples write it.
    layout: Layout,
}

/// `ErrorBody`: the layout, with `details` when some code carries data.
fn emit_error_body(out: &mut Yaml, doc: &Doc<'_>) {
    out.line(2, "ErrorBody:");
    out.field(3, "description", &layout::description(doc));
    layout::whole(out, 3, doc, Whole::ErrorBody);
}

fn emit_response(out: &mut Yaml, doc: &Doc<'_>, status: &Status) {
    out.quoted_line(2, "", &status.name, ":");
    out.field(3, "description", &status.response_description());
    emit_retry_after(out, doc, status);
    out.line(3, "content:");
    layout::media_type_key(out, 4, doc);
    out.line(5, "schema:");
    if status.codes.is_empty() {
        layout::whole(out, 6, doc, Whole::Undocumented(status));
        return;
    }
    if status.codes.iter().any(|code| !code.params.is_empty()) {
        // A body per code: only a whole-body branch can tie a code to its
        // details. The code's `const` tells the branches apart; the status,
        // the same in every branch, is narrowed once.
        layout::narrow(out, 6, doc, &Narrowing::Status(status));
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
        layout::narrow(out, 6, doc, &Narrowing::Codes(status));
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
        layout::example(out, 7, doc, status, code, &message, details.as_ref());
    }
}

/// The `Retry-After` header of a status some of whose codes are
/// `retry: after`. It is never `required`: the status's other codes do not
/// send it, and a newer server may add such codes.
fn emit_retry_after(out: &mut Yaml, doc: &Doc<'_>, status: &Status) {
    let after: Vec<&str> = status
        .codes
        .iter()
        .filter(|code| code.retry == Retry::After)
        .map(|code| code.code.as_str())
        .collect();
    if after.is_empty() {
        return;
    }
    let wait = format!(
        "the number of seconds to wait before retrying, the same as the body's `{}`.",
        layout::param_path(doc, crate::RETRY_AFTER_PARAM)
    );
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

/// One code's whole body at `level`: the code's `const` and its params,
/// required where not optional, in `details` or spread where the layout
/// puts them.
fn body_branch(out: &mut Yaml, level: usize, doc: &Doc<'_>, code: &Code) {
    // Documentation tools label a `oneOf` branch by its title.
    out.field(level, "title", &code.code);
    out.line(level, "allOf:");
    out.line(level + 1, &format!("- {ERROR_BODY_REF}"));
    layout::narrow(out, level, doc, &Narrowing::Code(code));
}

/// `const: <code>`, described by its message, its retry advice when the
/// catalogue gives any, and its lifecycle notes; deprecated codes say so,
/// and a code with a docs URL links it (`externalDocs`).
fn code_const(out: &mut Yaml, level: usize, doc: &Doc<'_>, code: &Code) {
    code_value(out, level, "const: ", code, doc.catalog.body.code_type);
    out.field(level, "description", &description(doc, code));
    if code.deprecated.is_some() {
        out.line(level, "deprecated: true");
    }
    if let Some(docs) = &code.docs {
        out.line(level, "externalDocs:");
        out.field(level + 1, "url", docs);
    }
}

/// A code's description: the message as written (placeholders show where
/// the details go), then, as paragraphs of their own, the retry advice when
/// the catalogue gives any, the lifecycle notes, and the code's own
/// `description:` and `resolution:` (`OpenAPI` descriptions are `CommonMark`,
/// as these are).
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
    if let Some(description) = &code.description {
        text.push_str("\n\n");
        text.push_str(description);
    }
    if let Some(resolution) = &code.resolution {
        text.push_str("\n\n**Resolution:**\n\n");
        text.push_str(resolution);
    }
    text
}
