//! The `OpenAPI` 3.1 emitter: `generated/openapi.yaml`, a library of
//! components (no paths of its own) for an API's description to reference:
//! the `ErrorCode` and `ErrorBody` schemas, and one response per status named
//! like its Rust group.
//!
//! Each response narrows `error` to its status's codes with a `oneOf` of
//! `const` branches, each described by its code's message: standard JSON
//! Schema, which every validator enforces and documentation tools show. The
//! YAML is written by hand, so that every byte is deterministic, with every
//! text from the catalogue as an escaped double-quoted scalar. ARCHITECTURE.md
//! ("The documents") says why each choice was made.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::escape::push_escaped;
use crate::{Catalog, Code, Status};

/// `info.version` when the catalogue has no `version:`; `OpenAPI` requires one.
const DEFAULT_VERSION: &str = "0.0.0";

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
    emit_error_body(&mut out);
    if catalog.statuses.is_empty() {
        out.line(1, "responses: {}");
    } else {
        out.line(1, "responses:");
        for status in &catalog.statuses {
            emit_response(&mut out, status);
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

fn emit_error_body(out: &mut Yaml) {
    out.line(2, "ErrorBody:");
    out.line(
        3,
        "description: \"The body of every error response: a machine-readable code and a human-readable message.\"",
    );
    body_schema(out, 3, &["$ref: \"#/components/schemas/ErrorCode\""]);
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

fn emit_response(out: &mut Yaml, status: &Status) {
    out.quoted_line(2, "", &status.name, ":");
    out.field(3, "description", &status.response_description());
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
    // `allOf` rather than `$ref` with sibling keywords: both are valid 3.1,
    // but older tools drop a `$ref`'s siblings and would lose the narrowing.
    out.line(6, "allOf:");
    out.line(7, "- $ref: \"#/components/schemas/ErrorBody\"");
    out.line(6, "properties:");
    out.line(7, "error:");
    out.line(8, "oneOf:");
    for code in &status.codes {
        out.quoted_line(9, "- const: ", &code.code, "");
        // Continuation lines of a sequence entry sit two columns in, one level.
        out.field(10, "description", &with_lifecycle(&code.message, code));
        if code.deprecated.is_some() {
            out.line(10, "deprecated: true");
        }
    }
    out.line(5, "examples:");
    for code in &status.codes {
        out.quoted_line(6, "", &code.code, ":");
        out.field(7, "summary", &code.message);
        if let Some(notes) = code.lifecycle_notes() {
            out.field(7, "description", &notes);
        }
        out.line(7, "value:");
        out.field(8, "error", &code.code);
        out.field(8, "message", &code.message);
    }
}

/// `text` followed by the code's lifecycle notes, if it has any, as a
/// paragraph of their own.
fn with_lifecycle<'a>(text: &'a str, code: &Code) -> Cow<'a, str> {
    match code.lifecycle_notes() {
        Some(notes) => Cow::Owned(format!("{text}\n\n{notes}")),
        None => Cow::Borrowed(text),
    }
}

/// A block-style YAML document under construction.
#[derive(Default)]
struct Yaml {
    text: String,
}

impl Yaml {
    /// Starts a line at `level` levels of two-space indent.
    fn indent(&mut self, level: usize) {
        // Deeper than any level the document uses.
        const SPACES: &str = "                        ";
        self.text.push_str(&SPACES[..2 * level]);
    }

    /// One line at `level`.
    fn line(&mut self, level: usize, content: &str) {
        self.indent(level);
        self.text.push_str(content);
        self.text.push('\n');
    }

    /// `key: "value"`, the value from the catalogue and therefore quoted.
    fn field(&mut self, level: usize, key: &str, value: &str) {
        self.indent(level);
        self.text.push_str(key);
        self.text.push_str(": ");
        push_quoted(&mut self.text, value);
        self.text.push('\n');
    }

    /// One line at `level`: `before`, then `text` quoted, then `after`.
    fn quoted_line(&mut self, level: usize, before: &str, text: &str, after: &str) {
        self.indent(level);
        self.text.push_str(before);
        push_quoted(&mut self.text, text);
        self.text.push_str(after);
        self.text.push('\n');
    }
}

/// Appends `text` as a YAML double-quoted scalar that every YAML 1.1 and 1.2
/// parser reads back as exactly `text`, on one line.
///
/// Escaped: `"` and `\` (they end or start an escape), every character outside
/// YAML's printable set (C0 and C1 controls, DEL, U+FFFE, U+FFFF), tab, and the
/// characters some parsers treat as line breaks or a byte order mark (U+0085,
/// U+2028, U+2029, U+FEFF). Everything else, including non-Latin scripts and
/// emoji, is written as is: the file is UTF-8.
fn push_quoted(out: &mut String, text: &str) {
    out.push('"');
    push_escaped(out, text, b"\"\\", |out, c, _| match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\0' => out.push_str("\\0"),
        '\u{7}' => out.push_str("\\a"),
        '\u{8}' => out.push_str("\\b"),
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\u{b}' => out.push_str("\\v"),
        '\u{c}' => out.push_str("\\f"),
        '\r' => out.push_str("\\r"),
        '\u{1b}' => out.push_str("\\e"),
        '\u{85}' => out.push_str("\\N"),
        '\u{2028}' => out.push_str("\\L"),
        '\u{2029}' => out.push_str("\\P"),
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => {
            write!(out, "\\x{:02X}", u32::from(c)).expect("writing to a String cannot fail");
        }
        '\u{feff}' | '\u{fffe}' | '\u{ffff}' => {
            write!(out, "\\u{:04X}", u32::from(c)).expect("writing to a String cannot fail");
        }
        _ => out.push(c),
    });
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::push_quoted;

    fn quoted(text: &str) -> String {
        let mut out = String::new();
        push_quoted(&mut out, text);
        out
    }

    #[test]
    fn quoted_escapes_everything_that_could_break_a_scalar() {
        assert_eq!(quoted("plain text"), "\"plain text\"");
        assert_eq!(quoted(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(quoted("1\n2\r\n3\t4"), r#""1\n2\r\n3\t4""#);
        assert_eq!(
            quoted("\u{0}\u{1}\u{1b}\u{1f}\u{7f}\u{80}\u{9f}"),
            r#""\0\x01\e\x1F\x7F\x80\x9F""#
        );
        assert_eq!(
            quoted("a\u{85}b\u{2028}c\u{2029}d\u{feff}e\u{ffff}"),
            r#""a\Nb\Lc\Pd\uFEFFe\uFFFF""#
        );
        assert_eq!(
            quoted("🔥 مرحبا # & * ! | > %"),
            "\"🔥 مرحبا # & * ! | > %\""
        );
    }
}
