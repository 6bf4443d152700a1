//! Catalogue text in Go source: string literals, and doc comments that
//! `gofmt` leaves as they are.
//!
//! Since Go 1.19 `gofmt` rewrites doc comments: an indented line becomes a
//! code block, a lone capitalised line a `# heading`, trailing spaces go.
//! Catalogue text (Markdown, any shape) is therefore never a paragraph of
//! its own: each of its lines is trimmed, blank lines are dropped, and the
//! lines follow a fixed first line in the same paragraph, where none of
//! those rules applies. The text itself stays exact in the string literals.

use std::fmt::Write as _;

use crate::escape::push_escaped;

/// A Go interpreted string literal that evaluates to exactly `text`: quotes
/// and backslashes escaped, and line breaks, controls and invisible
/// characters as escapes, so that the source shows what the text holds.
pub(super) fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    push_escaped(&mut out, text, b"\"\\", |out, c, _| match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if is_invisible(c) => {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        }
        c => out.push(c),
    });
    out.push('"');
    out
}

/// Controls, line and paragraph separators, the byte order mark and
/// direction marks, all in the Basic Multilingual Plane (four hex digits).
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}'
                | '\u{2029}'
                | '\u{feff}'
                | '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// The lines of `text` as a comment shows them: invisible characters as
/// spaces (a line separator would hide where a line ends), each line
/// trimmed, blank ones left out.
fn lines(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .map(|line| line.replace(|c: char| c != '\t' && is_invisible(c), " "))
        .map(|line| apart(line.trim()))
        .filter(|line| !line.is_empty())
}

/// `line` with a space between two backticks or two apostrophes in a row,
/// which Go's doc comments would show as typographic quotes (`gofmt` writes
/// them as `“` and `”`).
fn apart(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut previous = None;
    for c in line.chars() {
        if matches!(c, '`' | '\'') && previous == Some(c) {
            out.push(' ');
        }
        out.push(c);
        previous = Some(c);
    }
    out
}

/// Appends a `//` comment paragraph at `indent`: `first` (fixed text of the
/// emitter), then each line of every text in `texts`.
pub(super) fn comment(out: &mut String, indent: &str, first: &str, texts: &[&str]) {
    let _ = writeln!(out, "{indent}// {first}");
    for text in texts {
        for line in lines(text) {
            let _ = writeln!(out, "{indent}// {line}");
        }
    }
}

/// Appends a blank comment line and a `Deprecated: <note>` paragraph, which
/// Go's tools (gopls, staticcheck, pkg.go.dev) show as a deprecation.
pub(super) fn deprecated(out: &mut String, indent: &str, note: Option<&str>) {
    let Some(note) = note else {
        return;
    };
    let _ = writeln!(out, "{indent}//");
    let mut note_lines = lines(note);
    let _ = writeln!(
        out,
        "{indent}// Deprecated: {}",
        note_lines.next().unwrap_or_default()
    );
    for line in note_lines {
        let _ = writeln!(out, "{indent}// {line}");
    }
}

/// Text for one line of a comment: its lines joined by spaces.
pub(super) fn one_line(text: &str) -> String {
    lines(text).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_what_would_break_or_hide() {
        assert_eq!(string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(string("a\nb\tc"), r#""a\nb\tc""#);
        assert_eq!(
            string("\u{2028}\u{85}\u{0}\u{7f}\u{202e}"),
            r#""\u2028\u0085\u0000\u007f\u202e""#
        );
        assert_eq!(string("${x} `y` 🔥 */"), r#""${x} `y` 🔥 */""#);
    }

    #[test]
    fn comments_trim_lines_and_drop_blank_ones() {
        let mut out = String::new();
        comment(&mut out, "\t", "X is it:", &["  a  \n\n\tb", "# c"]);
        deprecated(&mut out, "\t", Some("Use y.\n  Soon."));
        assert_eq!(
            out,
            "\t// X is it:\n\t// a\n\t// b\n\t// # c\n\t//\n\t// Deprecated: Use y.\n\t// Soon.\n"
        );
        assert_eq!(one_line("a\u{2028}b\u{202e}\nc"), "a b c");
        // Go's doc comments read two backticks or apostrophes as quotes.
        assert_eq!(one_line("``a'' ```"), "` `a' ' ` ` `");
    }
}
