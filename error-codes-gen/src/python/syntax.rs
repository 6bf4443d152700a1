//! Catalogue text as Python source: string literals that evaluate to it
//! exactly, docstrings it cannot close, and the names `__all__` lists in
//! the order ruff keeps them.

use std::fmt::Write as _;

use crate::escape::{is_invisible, push_escaped};

/// Whether `c` is written as an escape in Python source: what every output
/// escapes ([`is_invisible`]), and also spaces other than ASCII's and
/// zero-width characters, which ruff (RUF001) and readers take for others,
/// and U+FFFD, which mypy 2.4's parser cannot read after `\u` in a raw
/// docstring (it panics).
fn is_hidden(c: char) -> bool {
    is_invisible(c)
        || (c.is_whitespace() && !c.is_ascii())
        || matches!(
            c,
            '\u{00ad}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2060}'..='\u{2064}'
                | '\u{fffd}'
        )
}

/// A string literal that evaluates to exactly `text`, quoted as `ruff
/// format` quotes it: double quotes, unless the text holds more double
/// quotes than single ones. Line breaks, tabs and invisible characters
/// are escapes, so each literal stays on its line and shows what it holds.
pub(super) fn string_literal(text: &str) -> String {
    let doubles = text.matches('"').count();
    let singles = text.matches('\'').count();
    let quote = if doubles > singles { '\'' } else { '"' };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    push_escaped(&mut out, text, b"\"'\\", |out, c, _| match c {
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        c if is_hidden(c) => {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        }
        c => out.push(c),
    });
    out.push(quote);
    out
}

/// The lines of catalogue text as they go into a docstring: tabs and
/// invisible characters shown as their escapes (`\t`, `\u2028`), spaces
/// around each line and empty lines beyond one between paragraphs dropped
/// (pydocstyle's layout). [`push_docstring`] keeps any backslash as written.
pub(super) fn doc_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in text.split('\n') {
        let mut out = String::with_capacity(line.len());
        push_escaped(&mut out, line.trim(), b"", |out, c, _| match c {
            '\t' => out.push_str("\\t"),
            c if is_hidden(c) => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        });
        // One empty line between paragraphs, none before or after them.
        if !out.is_empty() || lines.last().is_some_and(|last| !last.is_empty()) {
            lines.push(out);
        }
    }
    if lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// Appends a docstring of `lines` (the summary first) at `indent`.
///
/// A docstring holding a backslash is raw (`r"""`), as ruff's D301 asks,
/// so that every backslash reads as written. A `"` next to another one, or
/// right after the opening quotes, is written `\"`: in a raw string too, it
/// then ends nothing (the docstring shows the backslash). A backslash of the
/// text can take at most the first of a run as its own escape, so no three
/// unescaped quotes ever meet.
pub(super) fn push_docstring(out: &mut String, indent: &str, lines: &[String]) {
    let mut body = String::new();
    for (at, line) in lines.iter().enumerate() {
        if at > 0 {
            body.push('\n');
            if !line.is_empty() {
                body.push_str(indent);
            }
        }
        body.push_str(line);
    }
    let multiline = lines.len() > 1;
    let chars: Vec<char> = body.chars().collect();
    let mut text = String::with_capacity(body.len());
    for (at, &c) in chars.iter().enumerate() {
        let next = chars.get(at + 1).copied();
        let before = at.checked_sub(1).map(|before| chars[before]);
        if c == '"' && (next == Some('"') || before == Some('"') || at == 0) {
            text.push('\\');
        }
        text.push(c);
    }
    let raw = text.contains('\\');
    out.push_str(indent);
    if raw {
        out.push('r');
    }
    out.push_str("\"\"\"");
    out.push_str(&text);
    // Text that ends in a quote would run into the closing quotes, and a
    // backslash would escape them: they go on a line of their own.
    if multiline || text.ends_with(['"', '\\']) {
        out.push('\n');
        out.push_str(indent);
    }
    out.push_str("\"\"\"\n");
}

/// Python's keywords, soft ones excepted: names a class body cannot
/// declare.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Whether `name` can be declared in a class body: an ASCII identifier
/// that is no keyword. JSON member names that are not (`error-data`,
/// `class`) make a `TypedDict` of the functional form.
pub(super) fn is_attribute(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !KEYWORDS.contains(&name)
}

/// `names` in the order ruff's RUF022 keeps `__all__`: constants
/// (`SCREAMING_CASE`), then classes (`CamelCase`), then the rest, each in
/// natural order (digits compared as numbers).
pub(super) fn sort_all(names: &mut [String]) {
    // Each key once, not once per comparison: a large catalogue has tens of
    // thousands of names.
    names.sort_by_cached_key(|name| (category(name), natural(name)));
}

fn category(name: &str) -> u8 {
    let cased = name.chars().any(|c| c.is_ascii_alphabetic());
    if name.len() > 1 && cased && !name.chars().any(|c| c.is_ascii_lowercase()) {
        0
    } else if name.starts_with(|c: char| c.is_ascii_uppercase()) {
        1
    } else {
        2
    }
}

/// A key that orders runs of digits by their value.
fn natural(name: &str) -> Vec<(String, u128)> {
    let mut key = Vec::new();
    let mut text = String::new();
    let mut digits = String::new();
    for c in name.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            if !digits.is_empty() {
                key.push((
                    std::mem::take(&mut text),
                    digits.parse().unwrap_or(u128::MAX),
                ));
                digits.clear();
            }
            text.push(c);
        }
    }
    key.push((text, digits.parse().unwrap_or(0)));
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_literals_escape_and_pick_quotes_as_ruff_does() {
        assert_eq!(string_literal("plain"), "\"plain\"");
        assert_eq!(string_literal("It's"), "\"It's\"");
        assert_eq!(string_literal("say \"hi\""), "'say \"hi\"'");
        assert_eq!(string_literal("a\\b\nc\td"), "\"a\\\\b\\nc\\td\"");
        assert_eq!(string_literal("x\u{2028}y"), "\"x\\u2028y\"");
    }

    #[test]
    fn docstrings_cannot_be_closed_by_their_text() {
        let mut out = String::new();
        push_docstring(&mut out, "", &["a \"\"\" b".to_owned()]);
        assert_eq!(out, "r\"\"\"a \\\"\\\"\\\" b\"\"\"\n");
        let mut out = String::new();
        push_docstring(&mut out, "", &["ends \\".to_owned()]);
        assert_eq!(out, "r\"\"\"ends \\\n\"\"\"\n");
        let mut out = String::new();
        push_docstring(
            &mut out,
            "    ",
            &["One.".to_owned(), String::new(), "Two.".to_owned()],
        );
        assert_eq!(out, "    \"\"\"One.\n\n    Two.\n    \"\"\"\n");
    }

    #[test]
    fn all_is_sorted_like_ruff() {
        let mut names: Vec<String> = ["is_x", "X", "ERRORS", "Wa401Details", "Wa40Details", "ZZ"]
            .map(str::to_owned)
            .to_vec();
        sort_all(&mut names);
        assert_eq!(
            names,
            ["ERRORS", "ZZ", "Wa40Details", "Wa401Details", "X", "is_x"]
        );
    }
}
