//! The document emitters' inner loop: copying catalogue text into a document
//! with some of its characters escaped.
//!
//! Most text needs no escape at all, so it is copied a run at a time rather
//! than a character at a time: on a large catalogue, `cargo xtask gen` spends
//! much of its time here.

use crate::ascii::plain_run;

/// Appends `text` to `out`. Printable ASCII (space to `~`) other than the
/// `special` bytes is copied as it is, a run at a time; every other character
/// (a special one, a control, anything beyond ASCII) goes to `escape` with its
/// byte offset in `text`, to be written as it must be (escaped, or as it is).
///
/// Special bytes are ASCII punctuation.
pub(crate) fn push_escaped<const N: usize>(
    out: &mut String,
    text: &str,
    special: &[u8; N],
    mut escape: impl FnMut(&mut String, char, usize),
) {
    let mut done = 0;
    loop {
        // A run ends at a byte that is not printable ASCII or is special:
        // where a character starts.
        let at = done + plain_run(&text.as_bytes()[done..], special);
        out.push_str(&text[done..at]);
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        escape(out, c, at);
        done = at + c.len_utf8();
    }
}

/// A double-quoted string literal that evaluates to exactly `text`, both in
/// TypeScript and in JSON: every escape used is JSON's, and `${` and
/// backticks need none outside TypeScript's template literals. The
/// TypeScript document and the Markdown page's example body use it.
#[cfg(any(feature = "typescript", feature = "markdown"))]
pub(crate) fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_string_literal(&mut out, text);
    out
}

/// Appends [`string_literal`] of `text`.
#[cfg(any(feature = "typescript", feature = "markdown"))]
pub(crate) fn push_string_literal(out: &mut String, text: &str) {
    use std::fmt::Write as _;
    out.push('"');
    push_escaped(out, text, b"\"\\", |out, c, _| match c {
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
}

/// Characters that are line terminators, control characters or invisible
/// direction marks: written as escapes so the source shows what the text holds
/// (and cannot be reordered on screen by bidirectional controls). All are in
/// the Basic Multilingual Plane, so four hex digits suffice.
#[cfg(any(feature = "typescript", feature = "markdown", feature = "python"))]
pub(crate) fn is_invisible(c: char) -> bool {
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

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::push_escaped;

    fn escaped(text: &str) -> String {
        let mut out = String::from(">");
        push_escaped(&mut out, text, b"\"", |out, c, at| {
            let _ = write!(out, "[{c}@{at}]");
        });
        out
    }

    #[test]
    fn runs_are_copied_and_the_rest_is_escaped_with_its_offset() {
        assert_eq!(escaped(""), ">");
        assert_eq!(escaped("plain"), ">plain");
        assert_eq!(escaped("a\"b"), ">a[\"@1]b");
        assert_eq!(escaped("\"\""), ">[\"@0][\"@1]");
        assert_eq!(
            escaped("tab\tnul\0del\x7f."),
            ">tab[\t@3]nul[\0@7]del[\x7f@11]."
        );
        // Characters beyond ASCII are never plain, and keep their offsets.
        assert_eq!(escaped("é🔥x\""), ">[é@0][🔥@2]x[\"@7]");
        // Runs longer than a block, ending in every position of one.
        for length in 0..40 {
            let text = format!("{}\"{}", "a".repeat(length), "b".repeat(length));
            let expected = format!(">{}[\"@{length}]{}", "a".repeat(length), "b".repeat(length));
            assert_eq!(escaped(&text), expected);
        }
    }

    #[cfg(any(feature = "typescript", feature = "markdown"))]
    #[test]
    fn string_literals_escape_what_would_break_or_hide() {
        assert_eq!(super::string_literal(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(super::string_literal("a\nb\r\nc\td"), r#""a\nb\r\nc\td""#);
        assert_eq!(
            super::string_literal("\u{2028}\u{2029}\u{85}\u{0}\u{7f}\u{202e}"),
            r#""\u2028\u2029\u0085\u0000\u007f\u202e""#
        );
        assert_eq!(super::string_literal("${x} `y` 🔥 ё"), r#""${x} `y` 🔥 ё""#);
    }
}
