//! The block-style YAML writer the `OpenAPI` document is written with: lines
//! at two-space levels, catalogue text as escaped double-quoted scalars, and
//! the JSON Schema trees of [`crate::schema`] and example values in the same
//! style.
//!
//! Keys and values that are fixed syntax (`type: object`, `$ref`) are plain;
//! every key and value that comes from the catalogue, a param's name
//! included, is quoted, so that no name reads as another scalar to a YAML 1.1
//! parser (`on`, `yes` and `null` would).

use std::fmt::Write as _;

use crate::escape::push_escaped;
use crate::schema::Json;

/// A block-style YAML document under construction.
#[derive(Default)]
pub(super) struct Yaml {
    pub(super) text: String,
    /// Sequence items the next line opens: it starts that many levels out,
    /// with a `- ` for each.
    dashes: usize,
}

impl Yaml {
    /// Starts a line at `level` levels of two-space indent.
    fn indent(&mut self, level: usize) {
        let dashes = std::mem::take(&mut self.dashes);
        self.text
            .extend(std::iter::repeat_n(' ', 2 * (level - dashes)));
        for _ in 0..dashes {
            self.text.push_str("- ");
        }
    }

    /// Makes the next line the first of a sequence item: the item's content
    /// is written at `level + 1`, and its first line is `- ` at `level`.
    pub(super) fn item(&mut self) {
        self.dashes += 1;
    }

    /// One line at `level`.
    pub(super) fn line(&mut self, level: usize, content: &str) {
        self.indent(level);
        self.text.push_str(content);
        self.text.push('\n');
    }

    /// `key: "value"`, the value from the catalogue and therefore quoted.
    pub(super) fn field(&mut self, level: usize, key: &str, value: &str) {
        self.indent(level);
        self.text.push_str(key);
        self.text.push_str(": ");
        push_quoted(&mut self.text, value);
        self.text.push('\n');
    }

    /// One line at `level`: `before`, then `text` quoted, then `after`.
    pub(super) fn quoted_line(&mut self, level: usize, before: &str, text: &str, after: &str) {
        self.indent(level);
        self.text.push_str(before);
        push_quoted(&mut self.text, text);
        self.text.push_str(after);
        self.text.push('\n');
    }

    /// The members of a JSON Schema object at `level`. Keywords are fixed
    /// syntax and written plain, and so are the values of `type` and
    /// `format`; the names under `properties` and in `required` are the
    /// catalogue's, and quoted.
    pub(super) fn schema(&mut self, level: usize, schema: &Json) {
        let Json::Object(members) = schema else {
            // A boolean schema, which `schema` never builds; written as a value.
            return self.value(level, "", schema);
        };
        for (keyword, value) in members {
            match (keyword.as_str(), value) {
                ("type" | "format", Json::String(word)) => {
                    self.line(level, &format!("{keyword}: {word}"));
                }
                ("properties", Json::Object(properties)) if !properties.is_empty() => {
                    self.line(level, "properties:");
                    for (name, property) in properties {
                        self.quoted_line(level + 1, "", name, ":");
                        self.schema(level + 2, property);
                    }
                }
                ("items", Json::Object(_)) => {
                    self.line(level, "items:");
                    self.schema(level + 1, value);
                }
                ("allOf" | "anyOf" | "oneOf", Json::Array(branches)) if !branches.is_empty() => {
                    self.line(level, &format!("{keyword}:"));
                    for branch in branches {
                        self.item();
                        self.schema(level + 2, branch);
                    }
                }
                _ => self.value(level, &format!("{keyword}:"), value),
            }
        }
    }

    /// A JSON value at `level`, after `lead` (a key and its colon, or nothing
    /// for a sequence item's scalar): scalars on the line, arrays and objects
    /// in block style below it, object keys quoted.
    pub(super) fn value(&mut self, level: usize, lead: &str, value: &Json) {
        let space = if lead.is_empty() { "" } else { " " };
        match value {
            Json::Array(items) if !items.is_empty() => {
                let content = if lead.is_empty() { level } else { level + 1 };
                if !lead.is_empty() {
                    self.line(level, lead);
                }
                for item in items {
                    self.item();
                    self.value(content + 1, "", item);
                }
            }
            Json::Object(members) if !members.is_empty() => {
                let content = if lead.is_empty() { level } else { level + 1 };
                if !lead.is_empty() {
                    self.line(level, lead);
                }
                for (key, member) in members {
                    let mut key_lead = String::with_capacity(key.len() + 3);
                    push_quoted(&mut key_lead, key);
                    key_lead.push(':');
                    self.value(content, &key_lead, member);
                }
            }
            Json::String(text) => self.quoted_line(level, &format!("{lead}{space}"), text, ""),
            scalar => self.line(level, &format!("{lead}{space}{}", plain_scalar(scalar))),
        }
    }
}

/// A JSON scalar or empty collection as a plain YAML scalar that every YAML
/// 1.1 and 1.2 parser reads as the same value.
fn plain_scalar(value: &Json) -> String {
    match value {
        Json::Bool(value) => value.to_string(),
        Json::Integer(value) => value.to_string(),
        Json::Number(value) => float(*value),
        Json::Array(_) => "[]".to_owned(),
        Json::Object(_) => "{}".to_owned(),
        Json::String(text) => {
            let mut out = String::new();
            push_quoted(&mut out, text);
            out
        }
    }
}

/// A finite float as YAML 1.1 reads a float: with a `.` in the mantissa and
/// a signed exponent (`1.0e+20`, not `1e20`, which YAML 1.1 reads as a string).
/// Rust's `Debug` gives the shortest text that reads back as the same value.
fn float(value: f64) -> String {
    let text = format!("{value:?}");
    let Some((mantissa, exponent)) = text.split_once('e') else {
        return text;
    };
    let dot = if mantissa.contains('.') { "" } else { ".0" };
    let sign = if exponent.starts_with('-') { "" } else { "+" };
    format!("{mantissa}{dot}e{sign}{exponent}")
}

/// Appends `text` as a YAML double-quoted scalar that every YAML 1.1 and 1.2
/// parser reads back as exactly `text`, on one line.
///
/// Escaped: `"` and `\` (they end or start an escape), every character outside
/// YAML's printable set (C0 and C1 controls, DEL, U+FFFE, U+FFFF), tab, and the
/// characters some parsers treat as line breaks or a byte order mark (U+0085,
/// U+2028, U+2029, U+FEFF). Everything else, including non-Latin scripts and
/// emoji, is written as is: the file is UTF-8.
pub(super) fn push_quoted(out: &mut String, text: &str) {
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
    use super::{Yaml, float, push_quoted};
    use crate::schema::Json;

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

    #[test]
    fn floats_read_as_floats_in_yaml_1_1() {
        assert_eq!(float(1.5), "1.5");
        assert_eq!(float(1.0), "1.0");
        assert_eq!(float(-0.25), "-0.25");
        assert_eq!(float(1e20), "1.0e+20");
        assert_eq!(float(2.5e-7), "2.5e-7");
    }

    fn object(members: &[(&str, Json)]) -> Json {
        Json::Object(
            members
                .iter()
                .map(|(key, value)| ((*key).to_owned(), value.clone()))
                .collect(),
        )
    }

    #[test]
    fn values_nest_in_block_style_with_quoted_keys() {
        let violation = object(&[
            ("field", Json::String("email".to_owned())),
            ("on", Json::Bool(true)),
        ]);
        let value = object(&[
            (
                "violations",
                Json::Array(vec![violation.clone(), violation]),
            ),
            (
                "grid",
                Json::Array(vec![Json::Array(vec![Json::Integer(1), Json::Integer(2)])]),
            ),
            ("none", Json::Array(Vec::new())),
            ("ratio", Json::Number(0.5)),
        ]);
        let mut out = Yaml::default();
        out.value(1, "details:", &value);
        assert_eq!(
            out.text,
            concat!(
                "  details:\n",
                "    \"violations\":\n",
                "      - \"field\": \"email\"\n",
                "        \"on\": true\n",
                "      - \"field\": \"email\"\n",
                "        \"on\": true\n",
                "    \"grid\":\n",
                "      - - 1\n",
                "        - 2\n",
                "    \"none\": []\n",
                "    \"ratio\": 0.5\n",
            )
        );
    }

    #[test]
    fn schemas_write_keywords_plain_and_names_quoted() {
        let string = object(&[("type", Json::String("string".to_owned()))]);
        let schema = object(&[
            ("description", Json::String("One input.".to_owned())),
            ("type", Json::String("object".to_owned())),
            (
                "required",
                Json::Array(vec![Json::String("field".to_owned())]),
            ),
            (
                "properties",
                object(&[
                    ("field", string.clone()),
                    (
                        "reasons",
                        object(&[
                            ("type", Json::String("array".to_owned())),
                            ("items", string),
                        ]),
                    ),
                ]),
            ),
        ]);
        let mut out = Yaml::default();
        out.schema(3, &schema);
        assert_eq!(
            out.text,
            concat!(
                "      description: \"One input.\"\n",
                "      type: object\n",
                "      required:\n",
                "        - \"field\"\n",
                "      properties:\n",
                "        \"field\":\n",
                "          type: string\n",
                "        \"reasons\":\n",
                "          type: array\n",
                "          items:\n",
                "            type: string\n",
            )
        );
    }
}
