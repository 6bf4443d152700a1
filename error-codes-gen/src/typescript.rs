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

use std::fmt::Write as _;

use crate::ascii::plain_run;
use crate::escape::{is_invisible, push_escaped, push_string_literal, string_literal};
use crate::model::DEPRECATED;
use crate::{Catalog, Code};

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
    out.push_str(FUNCTIONS);
    if catalog.codes().next().is_none() {
        out.push_str(STATUS_OF_WITHOUT_CODES);
    } else {
        out.push_str(STATUS_OF);
    }
    out
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
            push_string_literal(out, &code.code);
            out.push_str(",\n");
        }
        push_line(out, "] as const;");
    }
    out.push('\n');
    let doc = "An error code, as sent in the `error` field of an {@link ErrorBody}.";
    push_doc(out, "", &[doc.to_owned()], false);
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
                &format!("export type {name} = {};", string_literal(&code.code)),
            );
        } else {
            push_line(out, &format!("export type {name} ="));
            let last = status.codes.len() - 1;
            for (i, code) in status.codes.iter().enumerate() {
                out.push_str("  | ");
                push_string_literal(out, &code.code);
                out.push_str(if i == last { ";\n" } else { "\n" });
            }
        }
    }
}

fn errors_table(out: &mut String, catalog: &Catalog) {
    out.push('\n');
    let doc = [
        "The HTTP status and message of every error code.".to_owned(),
        String::new(),
        "`ERRORS[code].status` has the status's literal type, e.g. `401`.".to_owned(),
    ];
    push_doc(out, "", &doc, false);
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
            for line in sent_with.iter().chain(&lifecycle_tags(code)) {
                push_doc_line(out, "  ", line);
            }
            push_line(out, "   */");
            out.push_str("  ");
            push_property_key(out, &code.code);
            out.push_str(": {\n");
            out.push_str(&status_field);
            out.push_str("    message: ");
            push_string_literal(out, &code.message);
            out.push_str(",\n  },\n");
        }
    }
    push_line(out, "} as const;");
}

/// `@since` and `@deprecated` for a code's entry, after an empty line, if it
/// has either. Editors strike through every use of a deprecated entry
/// (`ERRORS.token_inactive`) and show the note.
fn lifecycle_tags(code: &Code) -> Vec<String> {
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

/// The hand-written part before `statusOf`: the same for every catalogue.
const FUNCTIONS: &str = r#"
/** The JSON body of every error response. */
export interface ErrorBody {
  /** What went wrong, for programs. */
  error: ErrorCode;
  /** What went wrong, for people. */
  message: string;
}

// A Set, not `code in ERRORS`: `in` would also find inherited keys such as
// "toString" or "__proto__".
const CODES: ReadonlySet<string> = new Set<string>(ERROR_CODES);

/** Whether `value` is one of the {@link ERROR_CODES}. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && CODES.has(value);
}

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

fn push_line(out: &mut String, line: &str) {
    out.push_str(line);
    out.push('\n');
}

/// Writes a `/** */` comment at `indent`: on one line when it has one line and
/// `block` is false, else as a block with a ` * ` margin on every line. The
/// lines are comment source: user text goes through [`doc_lines`] first.
fn push_doc(out: &mut String, indent: &str, lines: &[String], block: bool) {
    if let (false, [line]) = (block, lines) {
        push_line(out, &format!("{indent}/** {line} */"));
        return;
    }
    push_line(out, &format!("{indent}/**"));
    for line in lines {
        push_doc_line(out, indent, line);
    }
    push_line(out, &format!("{indent} */"));
}

/// One line inside a `/** */` block at `indent`: the ` * ` margin and `line`,
/// which is comment source, or only ` *` for an empty line.
fn push_doc_line(out: &mut String, indent: &str, line: &str) {
    out.push_str(indent);
    if line.is_empty() {
        out.push_str(" *\n");
    } else {
        out.push_str(" * ");
        out.push_str(line);
        out.push('\n');
    }
}

/// Catalogue text as lines inside a `/** */` block at `indent`, as
/// [`push_doc_line`] writes the lines of [`doc_lines`], without building them.
fn push_doc_text(out: &mut String, indent: &str, text: &str) {
    for line in lines(text) {
        out.push_str(indent);
        out.push_str(" *");
        let margin = out.len();
        out.push(' ');
        push_doc_text_line(out, line);
        // Trailing white space goes, and with nothing left, the margin's space.
        let end = margin + out[margin..].trim_end().len();
        out.truncate(end);
        out.push('\n');
    }
}

/// Catalogue text as inert doc comment lines.
fn doc_lines(text: &str) -> Vec<String> {
    lines(text).into_iter().map(doc_text).collect()
}

/// Splits at every ECMAScript line terminator (and NEL), so that no line of a
/// comment can end early and every line gets its ` * ` margin. One final line
/// break (YAML block text has one) makes no empty last line.
fn lines(text: &str) -> Vec<&str> {
    let is_break = |c| matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}');
    let text = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix(is_break))
        .unwrap_or(text);
    let mut lines = Vec::new();
    let (mut start, mut at) = (0, 0);
    loop {
        // No line terminator is printable ASCII: runs of that are skipped at once.
        at += plain_run(&text.as_bytes()[at..], b"");
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        let mut next = at + c.len_utf8();
        if is_break(c) {
            lines.push(&text[start..at]);
            if c == '\r' && text[next..].starts_with('\n') {
                next += 1;
            }
            start = next;
        }
        at = next;
    }
    lines.push(&text[start..]);
    lines
}

/// One line of doc comment text, kept readable but inert: `*/` cannot close the
/// comment, `@` cannot start a tag (`\@` and `\/` render as `@` and `/` in
/// Markdown hovers), and invisible characters are spelled out.
fn doc_text(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    push_doc_text_line(&mut out, line);
    out.truncate(out.trim_end().len());
    out
}

/// Appends [`doc_text`] of `line`, but with its trailing white space.
fn push_doc_text_line(out: &mut String, line: &str) {
    push_escaped(out, line, b"/@", |out, c, at| {
        let previous = line[..at].chars().next_back();
        match c {
            '/' if previous == Some('*') => out.push_str("\\/"),
            '@' if previous.is_none_or(|p| p.is_whitespace() || p == '{') => {
                out.push_str("\\@");
            }
            c if c != '\t' && is_invisible(c) => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    });
}

/// Appends an object literal key for `code`: bare when it is an identifier, quoted
/// otherwise, and computed for `__proto__`, which as a plain key would set the
/// object's prototype instead of adding an entry.
fn push_property_key(out: &mut String, code: &str) {
    let mut chars = code.chars();
    let identifier = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if code == "__proto__" {
        out.push('[');
        push_string_literal(out, code);
        out.push(']');
    } else if identifier {
        out.push_str(code);
    } else {
        push_string_literal(out, code);
    }
}

#[cfg(test)]
mod tests {
    use super::{doc_lines, doc_text, lines, push_doc_line, push_doc_text, push_property_key};

    fn property_key(code: &str) -> String {
        let mut out = String::new();
        push_property_key(&mut out, code);
        out
    }

    #[test]
    fn doc_text_cannot_close_the_comment_or_start_a_tag() {
        assert_eq!(doc_text("ends */ here /* and"), r"ends *\/ here /* and");
        assert_eq!(doc_text("**/"), r"**\/");
        assert_eq!(
            doc_text("@deprecated {@link x} a@b.c"),
            r"\@deprecated {\@link x} a@b.c"
        );
        assert_eq!(doc_text("tab\tand nul\u{0} "), "tab\tand nul\\u0000");
    }

    #[test]
    fn doc_text_is_written_as_its_lines_would_be() {
        for text in [
            "one line",
            "two\nlines",
            "trailing spaces   \n   \n\tleading tab",
            "ends in a form feed\u{c}",
            "\u{a0}no-break spaces\u{a0}",
            "@tag */ and {@link x}\r\n@again",
        ] {
            let mut expected = String::new();
            for line in doc_lines(text) {
                push_doc_line(&mut expected, "  ", &line);
            }
            let mut written = String::new();
            push_doc_text(&mut written, "  ", text);
            assert_eq!(written, expected, "{text:?}");
        }
    }

    #[test]
    fn lines_split_at_every_line_terminator() {
        let split = lines("a\nb\r\nc\rd\u{2028}e\u{2029}f\u{85}g\n");
        assert_eq!(split, ["a", "b", "c", "d", "e", "f", "g"]);
        assert_eq!(lines(""), [""]);
        assert_eq!(lines("a\r\n"), ["a"]);
        assert_eq!(lines("a\n\nb"), ["a", "", "b"]);
    }

    #[test]
    fn property_keys_are_bare_only_when_they_can_be() {
        assert_eq!(property_key("invalid_token"), "invalid_token");
        assert_eq!(property_key("WA401"), "WA401");
        assert_eq!(property_key("number-in-use"), r#""number-in-use""#);
        assert_eq!(property_key("401"), r#""401""#);
        assert_eq!(property_key("__proto__"), r#"["__proto__"]"#);
    }
}
