//! How catalogue text becomes TypeScript source: doc comments that no text
//! can close or tag, and object literal keys that no code can turn into
//! something else.

use std::fmt::Write as _;

use crate::ascii::plain_run;
use crate::escape::{is_invisible, push_escaped, push_string_literal};

pub(super) fn push_line(out: &mut String, line: &str) {
    out.push_str(line);
    out.push('\n');
}

/// Writes a `/** */` comment at `indent`: on one line when it has one line and
/// `block` is false, else as a block with a ` * ` margin on every line. The
/// lines are comment source: user text goes through [`doc_lines`] first.
pub(super) fn push_doc(out: &mut String, indent: &str, lines: &[String], block: bool) {
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
pub(super) fn push_doc_line(out: &mut String, indent: &str, line: &str) {
    out.push_str(indent);
    if line.is_empty() {
        out.push_str(" *\n");
    } else {
        out.push_str(" * ");
        out.push_str(line);
        out.push('\n');
    }
}

/// The emitter's own prose (never catalogue text, which [`doc_lines`]
/// takes) filled to lines of at most `width` characters where it can be:
/// words are never split, nor is an inline tag such as `{@link ErrorBody}`.
pub(super) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut in_tag = false;
    for word in text.split(' ').filter(|word| !word.is_empty()) {
        match words.last_mut() {
            Some(last) if in_tag => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_owned()),
        }
        if word.contains("{@") {
            in_tag = true;
        }
        if word.contains('}') {
            in_tag = false;
        }
    }
    let mut lines: Vec<String> = Vec::new();
    for word in words {
        match lines.last_mut() {
            Some(line) if line.len() + 1 + word.len() <= width => {
                line.push(' ');
                line.push_str(&word);
            }
            _ => lines.push(word),
        }
    }
    lines
}

/// Catalogue text as lines inside a `/** */` block at `indent`, as
/// [`push_doc_line`] writes the lines of [`doc_lines`], without building them.
pub(super) fn push_doc_text(out: &mut String, indent: &str, text: &str) {
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
pub(super) fn doc_lines(text: &str) -> Vec<String> {
    lines(text).into_iter().map(doc_text).collect()
}

/// Splits at every ECMAScript line terminator (and NEL), so that no line of a
/// comment can end early and every line gets its ` * ` margin. One final line
/// break (YAML block text has one) makes no empty last line.
pub(super) fn lines(text: &str) -> Vec<&str> {
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
pub(super) fn doc_text(line: &str) -> String {
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
pub(super) fn push_property_key(out: &mut String, code: &str) {
    let identifier = is_identifier(code);
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

/// Appends a property name of an interface or type literal for `name`:
/// bare when it is an identifier, quoted otherwise. In a type, unlike in an
/// object literal, `__proto__` is a name like any other.
pub(super) fn push_member_key(out: &mut String, name: &str) {
    if is_identifier(name) {
        out.push_str(name);
    } else {
        push_string_literal(out, name);
    }
}

/// Whether `name` is an identifier that can stand bare as a property name
/// (any identifier can, keywords included).
pub(super) fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

#[cfg(test)]
mod tests {
    use super::{
        doc_lines, doc_text, lines, push_doc_line, push_doc_text, push_member_key,
        push_property_key, wrap,
    };

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
    fn wrap_fills_lines_and_keeps_inline_tags_whole() {
        assert_eq!(
            wrap("one two three {@link Four Five} six", 13),
            ["one two three", "{@link Four Five}", "six"]
        );
        assert_eq!(wrap("a  b", 80), ["a b"]);
        assert_eq!(wrap("", 80), Vec::<String>::new());
        assert_eq!(wrap("averylongword x", 4), ["averylongword", "x"]);
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

    #[test]
    fn member_keys_are_quoted_only_when_they_must_be() {
        let key = |name: &str| {
            let mut out = String::new();
            push_member_key(&mut out, name);
            out
        };
        assert_eq!(key("retry_after"), "retry_after");
        assert_eq!(key("__proto__"), "__proto__");
        assert_eq!(key("number-in-use"), r#""number-in-use""#);
        assert_eq!(key("401"), r#""401""#);
    }
}
