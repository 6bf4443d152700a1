//! The TypeScript emitter: `generated/errors.ts`, a module with no runtime
//! dependencies and only erasable syntax (no `enum`, no `namespace`), so that
//! `tsc` compiles it and Node's type stripping runs it as it is.
//!
//! The codes are literal types derived from one `as const` list, so that a
//! code is checked wherever it is written; the guards look codes up in a
//! `Set`, so that no name of `Object.prototype` passes for one. Every text
//! is a string literal that evaluates to it exactly, and doc comment text
//! that can neither close the comment nor start a tag. ARCHITECTURE.md ("The
//! documents") lists what the module exports and why.
//!
//! `details` writes what a catalogue with params adds (the types of
//! `details`, the discriminated `ErrorBody` and the checks of `isErrorBody`);
//! `layout` writes the body types and guards of a catalogue that declares
//! its body (`body:`); `syntax` turns catalogue text into comments and keys.
//! A catalogue without `body:` writes the body types and guards it wrote
//! before layouts existed, byte for byte.

mod details;
mod layout;
mod syntax;

use crate::escape::{push_string_literal, string_literal};
use crate::model::DEPRECATED;
use crate::{Catalog, Code, CodeType, Part};

use syntax::{
    doc_lines, lines, push_doc, push_doc_line, push_doc_text, push_line, push_member_key,
    push_property_key, wrap,
};

/// Renders the catalogue as a TypeScript module (`generated/errors.ts`).
///
/// The output is deterministic: the same catalogue always gives the same bytes.
///
/// ```
/// let catalog = error_codes_gen::Catalog::from_yaml(
///     "title: Errors\nstatuses:\n  401:\n    codes:\n      invalid_token: The API Token provided is \"invalid\".\n",
///     "errors.yaml",
/// )?;
/// let ts = error_codes_gen::typescript::emit(&catalog);
/// assert!(ts.starts_with("// Generated from errors.yaml by error-codes; do not edit.\n"));
/// assert!(ts.contains("export type UnauthorizedCode = \"invalid_token\";\n"));
/// assert!(ts.contains("    message: \"The API Token provided is \\\"invalid\\\".\",\n"));
/// assert!(!ts.contains("enum "));
/// # Ok::<(), error_codes_gen::Error>(())
/// ```
#[must_use]
pub fn emit(catalog: &Catalog) -> String {
    let mut out = String::new();
    for line in lines(&catalog.generated_notice()) {
        push_line(&mut out, format!("// {line}").trim_end());
    }
    out.push('\n');
    module_doc(&mut out, catalog);
    error_codes(&mut out, catalog);
    group_types(&mut out, catalog);
    errors_table(&mut out, catalog);
    details::types(&mut out, catalog);
    if catalog.body.is_declared() {
        layout::body(&mut out, catalog);
        status_of(&mut out, catalog);
        details::retry_after_seconds(&mut out, catalog);
        return out;
    }
    // A catalogue in which no code has params writes what it wrote before
    // params existed, byte for byte.
    let detailed = details::has_params(catalog);
    if detailed {
        details::error_body(&mut out, catalog);
    } else {
        out.push_str(ERROR_BODY);
    }
    out.push_str(IS_ERROR_CODE);
    if detailed {
        details::is_error_body(&mut out, catalog);
        out.push_str(RECEIVED_ERROR_BODY_WITH_DETAILS);
    } else {
        out.push_str(IS_ERROR_BODY);
        out.push_str(RECEIVED_ERROR_BODY);
    }
    out.push_str(IS_RECEIVED_ERROR_BODY);
    status_of(&mut out, catalog);
    details::retry_after_seconds(&mut out, catalog);
    out
}

fn status_of(out: &mut String, catalog: &Catalog) {
    if catalog.codes().next().is_none() {
        out.push_str(STATUS_OF_WITHOUT_CODES);
    } else {
        out.push_str(STATUS_OF);
    }
}

/// Whether the catalogue's codes are sent as JSON numbers (`code_type:
/// integer`): then every literal of a code is a number.
fn integer_codes(catalog: &Catalog) -> bool {
    catalog.body.code_type == CodeType::Integer
}

/// `code` as a TypeScript literal, a value or a type: a string literal, or
/// under `code_type: integer` a number literal (`131047`).
pub(super) fn code_literal(catalog: &Catalog, code: &Code) -> String {
    match code.number().filter(|_| integer_codes(catalog)) {
        Some(number) => number.to_string(),
        None => string_literal(&code.code),
    }
}

/// Appends `code` as the key of an entry of an object literal (`ERRORS`):
/// a number key under `code_type: integer`, so that `keyof typeof ERRORS` is
/// the number literal type, else [`push_property_key`].
fn push_code_property_key(out: &mut String, catalog: &Catalog, code: &Code) {
    match code.number().filter(|_| integer_codes(catalog)) {
        Some(number) => out.push_str(&number.to_string()),
        None => push_property_key(out, &code.code),
    }
}

/// Appends `code` as a property name of an interface (`ErrorDetails`): a
/// number under `code_type: integer`, else [`push_member_key`].
pub(super) fn push_code_member_key(out: &mut String, catalog: &Catalog, code: &Code) {
    match code.number().filter(|_| integer_codes(catalog)) {
        Some(number) => out.push_str(&number.to_string()),
        None => push_member_key(out, &code.code),
    }
}

/// Whether any code has a documentation URL: only then does each entry of
/// `ERRORS` say `docs`.
fn has_docs(catalog: &Catalog) -> bool {
    catalog.codes().any(|(_, code)| code.docs.is_some())
}

/// The member that carries `part`, as the documents write it: `error.code`.
/// A spread has no member of its own: the object its params go into is
/// `error` (or, when spread into the body itself, the empty string).
pub(super) fn written_path(catalog: &Catalog, part: Part) -> String {
    catalog
        .body
        .path(part)
        .map(|path| path.members.join("."))
        .unwrap_or_default()
}

/// Where the param `name` goes, as the documents write it: `details.name`,
/// `error.error_data.name`, or spread into `error`, `error.name`.
pub(super) fn param_path(catalog: &Catalog, name: &str) -> String {
    let details = written_path(catalog, Part::Details);
    if details.is_empty() {
        name.to_owned()
    } else {
        format!("{details}.{name}")
    }
}

fn module_doc(out: &mut String, catalog: &Catalog) {
    let mut doc = doc_lines(&catalog.title);
    if let Some(description) = &catalog.description {
        doc.push(String::new());
        doc.extend(doc_lines(description));
    }
    if let Some(version) = &catalog.version {
        doc.push(String::new());
        doc.extend(doc_lines(&format!("Version {version}.")));
    }
    doc.push(String::new());
    doc.push("@packageDocumentation".to_owned());
    push_doc(out, "", &doc, true);
    out.push('\n');
}

fn error_codes(out: &mut String, catalog: &Catalog) {
    let mut doc = vec!["Every error code, in catalogue order.".to_owned()];
    if let Some(note) = deprecated_note(catalog.codes().map(|(_, code)| code)) {
        doc.push(String::new());
        doc.push(note);
    }
    push_doc(out, "", &doc, false);
    if catalog.codes().next().is_none() {
        push_line(out, "export const ERROR_CODES = [] as const;");
    } else {
        push_line(out, "export const ERROR_CODES = [");
        for (_, code) in catalog.codes() {
            out.push_str("  ");
            out.push_str(&code_literal(catalog, code));
            out.push_str(",\n");
        }
        push_line(out, "] as const;");
    }
    out.push('\n');
    let field = written_path(catalog, Part::Code);
    let doc = if integer_codes(catalog) {
        format!(
            "An error code, sent as a JSON number in the `{field}` field of an {{@link ErrorBody}}."
        )
    } else {
        format!("An error code, as sent in the `{field}` field of an {{@link ErrorBody}}.")
    };
    push_doc(out, "", &wrap(&doc, 77), false);
    push_line(out, "export type ErrorCode = (typeof ERROR_CODES)[number];");
}

fn group_types(out: &mut String, catalog: &Catalog) {
    for status in catalog.groups() {
        out.push('\n');
        let mut doc = doc_lines(&format!("Codes sent with HTTP status {}.", status.line()));
        if let Some(description) = &status.description {
            doc.push(String::new());
            doc.extend(doc_lines(description));
        }
        if let Some(note) = deprecated_note(status.codes.iter()) {
            doc.push(String::new());
            doc.push(note);
        }
        push_doc(out, "", &doc, false);
        let name = format!("{}Code", status.name);
        if let [code] = status.codes.as_slice() {
            push_line(
                out,
                &format!("export type {name} = {};", code_literal(catalog, code)),
            );
        } else {
            push_line(out, &format!("export type {name} ="));
            let last = status.codes.len() - 1;
            for (i, code) in status.codes.iter().enumerate() {
                out.push_str("  | ");
                out.push_str(&code_literal(catalog, code));
                out.push_str(if i == last { ";\n" } else { "\n" });
            }
        }
    }
}

fn errors_table(out: &mut String, catalog: &Catalog) {
    out.push('\n');
    push_doc(out, "", &errors_doc(catalog), false);
    let retry = catalog.has_retry();
    let docs = has_docs(catalog);
    // No `satisfies` check of the entries' shape: the model guarantees it, and
    // `satisfies` would break `isolatedDeclarations` for users who have it on.
    if catalog.codes().next().is_none() {
        push_line(out, "export const ERRORS = {} as const;");
        return;
    }
    push_line(out, "export const ERRORS = {");
    for status in &catalog.statuses {
        // The same for every code of the status, so written once.
        let sent_with = doc_lines(&format!("Sent with HTTP status {}.", status.line()));
        let status_field = format!("    status: {},\n", status.status);
        for code in &status.codes {
            push_line(out, "  /**");
            push_doc_text(out, "  ", &code.message);
            push_doc_line(out, "  ", "");
            for line in &sent_with {
                push_doc_line(out, "  ", line);
            }
            if retry {
                push_doc_line(out, "  ", code.retry.advice());
            }
            // TSDoc is Markdown, as these are.
            for (heading, text) in [
                (None, &code.description),
                (Some("Resolution:"), &code.resolution),
            ] {
                if let Some(text) = text {
                    push_doc_line(out, "  ", "");
                    if let Some(heading) = heading {
                        push_doc_line(out, "  ", heading);
                        push_doc_line(out, "  ", "");
                    }
                    push_doc_text(out, "  ", text);
                }
            }
            for line in &entry_tags(code) {
                push_doc_line(out, "  ", line);
            }
            push_line(out, "   */");
            out.push_str("  ");
            push_code_property_key(out, catalog, code);
            out.push_str(": {\n");
            out.push_str(&status_field);
            out.push_str("    message: ");
            push_string_literal(out, &code.message);
            out.push_str(",\n");
            if retry {
                out.push_str("    retry: ");
                push_string_literal(out, code.retry.word());
                out.push_str(",\n");
            }
            if docs {
                out.push_str("    docs: ");
                match &code.docs {
                    Some(url) => push_string_literal(out, url),
                    // Every entry has `docs`, so that `ERRORS[code].docs`
                    // type-checks for any code.
                    None => out.push_str("undefined"),
                }
                out.push_str(",\n");
            }
            out.push_str("  },\n");
        }
    }
    push_line(out, "} as const;");
}

/// The comment of `ERRORS`: what its entries hold.
fn errors_doc(catalog: &Catalog) -> Vec<String> {
    let retry = catalog.has_retry();
    let docs = has_docs(catalog);
    let mut doc = wrap(
        &format!(
            "The {} of every error code.",
            list(
                ["HTTP status", "message"]
                    .into_iter()
                    .chain(retry.then_some("retry advice"))
                    .chain(docs.then_some("documentation URL"))
            )
        ),
        77,
    );
    doc.push(String::new());
    doc.push("`ERRORS[code].status` has the status's literal type, e.g. `401`.".to_owned());
    let declared = catalog.body.is_declared();
    if retry {
        let legacy = [
            "`ERRORS[code].retry` says whether a client may send the request again:",
            "`\"never\"`, `\"backoff\"` (with exponential backoff) or `\"after\"` (after",
            "the seconds in the body's `details.retry_after`).",
        ];
        doc.extend(sentence(
            declared,
            &legacy,
            &format!(
                "`ERRORS[code].retry` says whether a client may send the request again: \
                 `\"never\"`, `\"backoff\"` (with exponential backoff) or `\"after\"` (after \
                 the seconds in the body's `{}`).",
                param_path(catalog, crate::RETRY_AFTER_PARAM)
            ),
        ));
    }
    if catalog.has_details()
        && catalog
            .codes()
            .any(|(_, code)| code.message.contains(['{', '}']))
    {
        let legacy = [
            "`ERRORS[code].message` is the message as the catalogue writes it: `{name}`",
            "stands for the value of `details.name`, and `{{` and `}}` for braces; a body's",
            "`message` has them filled in.",
        ];
        doc.extend(sentence(
            declared,
            &legacy,
            &format!(
                "`ERRORS[code].message` is the message as the catalogue writes it: `{{name}}` \
                 stands for the value of `{}`, and `{{{{` and `}}}}` for braces; a body's `{}` \
                 has them filled in.",
                param_path(catalog, "name"),
                written_path(catalog, Part::Message),
            ),
        ));
    }
    if docs {
        let without = catalog.codes().any(|(_, code)| code.docs.is_none());
        doc.extend(wrap(
            if without {
                "`ERRORS[code].docs` is the URL of the code's documentation, or `undefined` \
                 for a code without one."
            } else {
                "`ERRORS[code].docs` is the URL of the code's documentation."
            },
            77,
        ));
    }
    doc
}

/// `a`, `a and b`, `a, b and c`.
fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<&str> = items.collect();
    match items.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// A sentence of a doc comment that names members of the body: as it was
/// written before layouts existed (`legacy`) when the catalogue declares no
/// layout, so that its module stays byte for byte what it was, else `text`
/// with the layout's members, filled to lines.
fn sentence(declared: bool, legacy: &[&str], text: &str) -> Vec<String> {
    if declared {
        wrap(text, 77)
    } else {
        legacy.iter().map(|&line| line.to_owned()).collect()
    }
}

/// The tags of a code's `ERRORS` entry, after an empty line, if it has any:
/// `@see` its documentation, then its [`lifecycle_tags`].
fn entry_tags(code: &Code) -> Vec<String> {
    let mut doc = lifecycle_tags(code);
    if let Some(url) = &code.docs {
        if doc.is_empty() {
            doc.push(String::new());
        }
        doc.insert(1, format!("@see {{@link {}}}", doc_lines(url).join(" ")));
    }
    doc
}

/// `@since` and `@deprecated` for a code's entry, after an empty line, if it
/// has either. Editors strike through every use of a deprecated entry
/// (`ERRORS.token_inactive`) and show the note.
pub(super) fn lifecycle_tags(code: &Code) -> Vec<String> {
    let mut doc = Vec::new();
    if code.since.is_none() && code.deprecated.is_none() {
        return doc;
    }
    doc.push(String::new());
    if let Some(since) = &code.since {
        doc.push(format!("@since {}", doc_lines(since).join(" ")));
    }
    if let Some(note) = &code.deprecated {
        // The tag's text runs to the next tag, so a note of several lines stays whole.
        let mut lines = doc_lines(note).into_iter();
        doc.push(format!("@deprecated {}", lines.next().unwrap_or_default()));
        doc.extend(lines);
    }
    doc
}

/// Which of `codes` are deprecated, for the doc comment of a list of codes:
/// a literal type or an array element cannot carry `@deprecated` itself.
fn deprecated_note<'a>(codes: impl Iterator<Item = &'a Code>) -> Option<String> {
    let deprecated: Vec<String> = codes
        .filter(|code| code.deprecated.is_some())
        .map(|code| format!("`{}`", code.code))
        .collect();
    match deprecated.as_slice() {
        [] => None,
        [one] => Some(format!(
            "{DEPRECATED} {one} (see its entry in {{@link ERRORS}})."
        )),
        many => Some(format!(
            "{DEPRECATED} {} (see their entries in {{@link ERRORS}}).",
            many.join(", ")
        )),
    }
}

/// `ErrorBody` of a catalogue in which no code has params.
const ERROR_BODY: &str = r"
/** The JSON body of every error response. */
export interface ErrorBody {
  /** What went wrong, for programs. */
  error: ErrorCode;
  /** What went wrong, for people. */
  message: string;
}
";

/// `isErrorCode`, the same for every catalogue.
pub(super) const IS_ERROR_CODE: &str = r#"
// A Set, not `code in ERRORS`: `in` would also find inherited keys such as
// "toString" or "__proto__".
const CODES: ReadonlySet<string> = new Set<string>(ERROR_CODES);

/** Whether `value` is one of the {@link ERROR_CODES}. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && CODES.has(value);
}
"#;

/// `isErrorBody` of a catalogue in which no code has params.
const IS_ERROR_BODY: &str = r#"
/**
 * Whether `value` has the shape of an error response body: an `error` that is
 * a known code and a string `message`.
 */
export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    "error" in value &&
    isErrorCode(value.error) &&
    "message" in value &&
    typeof value.message === "string"
  );
}
"#;

/// `ReceivedErrorBody` of a catalogue in which no code has params.
const RECEIVED_ERROR_BODY: &str = r"
/**
 * An error response body as a client receives it: `error` is one of the
 * {@link ERROR_CODES}, or a code the server added after this module was
 * generated. {@link isErrorCode} tells them apart.
 */
export interface ReceivedErrorBody {
  /** What went wrong, for programs: a known code, or a newer one. */
  error: ErrorCode | (string & {});
  /** What went wrong, for people, as sent (a server may localize it). */
  message: string;
}
";

/// `ReceivedErrorBody` of a catalogue in which some code has params. Its
/// `details` are `unknown`, not `ErrorDetails[…]`: `isReceivedErrorBody`
/// does not check them (a newer or older server may send other ones), and
/// `isErrorBody` is the check that narrows them along with the code.
const RECEIVED_ERROR_BODY_WITH_DETAILS: &str = r"
/**
 * An error response body as a client receives it: `error` is one of the
 * {@link ERROR_CODES}, or a code the server added after this module was
 * generated. {@link isErrorCode} tells them apart.
 */
export interface ReceivedErrorBody {
  /** What went wrong, for programs: a known code, or a newer one. */
  error: ErrorCode | (string & {});
  /** What went wrong, for people, as sent (a server may localize it). */
  message: string;
  /**
   * The data sent with the error, as sent and unchecked: a server built from
   * another version of the catalogue may send other details, or none.
   * {@link isErrorBody} checks them against this catalogue's
   * {@link ErrorDetails}.
   */
  details?: unknown;
}
";

/// `isReceivedErrorBody`, the same for every catalogue.
const IS_RECEIVED_ERROR_BODY: &str = r#"
/**
 * Whether `value` has the shape of an error response body with any string
 * `error` and a string `message`. Clients check responses with this rather
 * than {@link isErrorBody}, so that a newer server's codes do not break them;
 * `isErrorCode(body.error)` then narrows the code to the known ones.
 */
export function isReceivedErrorBody(value: unknown): value is ReceivedErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    "error" in value &&
    typeof value.error === "string" &&
    "message" in value &&
    typeof value.message === "string"
  );
}
"#;

/// The hand-written `statusOf`.
const STATUS_OF: &str = r"
/** The HTTP status that `code` is sent with. */
export function statusOf(code: ErrorCode): number {
  return ERRORS[code].status;
}
";

/// `statusOf` for a catalogue without codes, where `ErrorCode` is `never`:
/// `ERRORS[code]` is then `never` too, and reading `.status` of it is a type
/// error. Only untyped code can call it, and never with a code.
const STATUS_OF_WITHOUT_CODES: &str = r"
/**
 * The HTTP status that `code` is sent with.
 *
 * The catalogue has no codes yet, so there is no `code` to pass: `ErrorCode` is
 * `never`, and a call from untyped code throws.
 */
export function statusOf(code: ErrorCode): number {
  throw new TypeError(`not an error code: ${String(code)}`);
}
";
