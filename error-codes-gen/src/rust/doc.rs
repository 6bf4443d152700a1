//! Text for rustdoc: doc attributes, and catalogue text made literal
//! Markdown so that nothing in it becomes markup, a link or a doctest.

use proc_macro2::TokenStream;
use quote::quote;

use crate::Status;
use crate::model::status_line;

/// `#[doc]` attributes for `text`, one per line and each starting with a
/// space, as `///` comments would give.
pub(super) fn doc_attributes(text: &str) -> TokenStream {
    let lines = text.split('\n').map(|line| {
        if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        }
    });
    quote! { #(#[doc = #lines])* }
}

/// The status line for rustdoc, e.g. `401 Unauthorized`, the title as
/// literal Markdown.
pub(super) fn doc_status_line(status: &Status) -> String {
    status_line(status.status, Some(&markdown_text(&status.title)))
}

/// `text` as literal Markdown for rustdoc: nothing in it can become markup,
/// raw HTML, an intra-doc link or a doctest, and plain text stays readable.
pub(super) fn markdown_text(text: &str) -> String {
    let normalized = text.trim().replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<String> = normalized.lines().map(markdown_line).collect();
    // A backslash before a line break is a hard break: the message's lines
    // stay lines, and no line can start a new block.
    lines.join("\\\n")
}

fn markdown_line(line: &str) -> String {
    // Leading spaces could make an indented code block (a doctest).
    let line = line.trim_start();
    let mut out = String::with_capacity(line.len());

    // Nor may the line start a heading, a list or a setext underline.
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let mut rest = if digits > 0 && line[digits..].starts_with(['.', ')']) {
        out.push_str(&line[..digits]);
        out.push('\\');
        &line[digits..]
    } else if line.starts_with(['-', '+', '=', '#']) {
        out.push('\\');
        line
    } else {
        line
    };
    if !out.is_empty() {
        let marker = rest.chars().next().unwrap_or_default();
        out.push(marker);
        rest = &rest[marker.len_utf8()..];
    }

    while let Some(c) = rest.chars().next() {
        // Bare URLs trip `rustdoc::bare_urls`; an autolink shows them as links.
        if let Some(url) = url_at(rest) {
            out.push('<');
            out.push_str(url);
            out.push('>');
            rest = &rest[url.len()..];
            continue;
        }
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The `http(s)://` URL at the start of `text`, without trailing punctuation.
fn url_at(text: &str) -> Option<&str> {
    if !(text.starts_with("http://") || text.starts_with("https://")) {
        return None;
    }
    let end = text
        .find(|c: char| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '`'))
        .unwrap_or(text.len());
    let url = text[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'', ']']);
    (!url.ends_with("://")).then_some(url)
}

/// `text` as a Markdown code span, fenced so no backtick in it can end it.
pub(super) fn code_span(text: &str) -> String {
    let longest_run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::{code_span, markdown_text};

    #[test]
    fn plain_text_stays_plain() {
        assert_eq!(
            markdown_text("The API Token provided is invalid."),
            "The API Token provided is invalid."
        );
        assert_eq!(
            markdown_text("Headers X-Token are missing (see 2.1)."),
            "Headers X-Token are missing (see 2.1)."
        );
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            markdown_text("<b>*x*</b> [l](u) a|b `c` \\"),
            "\\<b\\>\\*x\\*\\</b\\> \\[l\\](u) a\\|b \\`c\\` \\\\"
        );
        assert_eq!(markdown_text("# not a heading"), "\\# not a heading");
        assert_eq!(markdown_text("- not a list"), "\\- not a list");
        assert_eq!(markdown_text("12. not a list"), "12\\. not a list");
        assert_eq!(
            markdown_text("    not code\n> not a quote"),
            "not code\\\n\\> not a quote"
        );
        assert_eq!(markdown_text("a\r\nb\rc"), "a\\\nb\\\nc");
    }

    #[test]
    fn urls_become_autolinks() {
        assert_eq!(
            markdown_text("See https://example.com/a_b."),
            "See <https://example.com/a_b>."
        );
        assert_eq!(markdown_text("[x](http://x)"), "\\[x\\](<http://x>)");
        assert_eq!(markdown_text("http:// alone"), "http:// alone");
    }

    #[test]
    fn code_spans_hold_backticks() {
        assert_eq!(code_span("invalid_token"), "`invalid_token`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`a"), "`` `a ``");
    }
}
