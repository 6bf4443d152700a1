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

/// Catalogue Markdown (a code's `description:` or `resolution:`) for
/// rustdoc, kept as Markdown but made safe for a user's crate: no code block
/// becomes a doctest (a fence that rustdoc would run is marked `text`, and
/// no line is indented into a code block), no raw HTML gets through, and a
/// bare URL becomes an autolink (`rustdoc::bare_urls`).
pub(super) fn rustdoc_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut fence: Option<(char, usize)> = None;
    for line in text.lines() {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let rest = &line[indent..];
        let run = |marker: char| rest.len() - rest.trim_start_matches(marker).len();
        if let Some((marker, length)) = fence {
            out.push_str(line);
            out.push('\n');
            if indent <= 3 && run(marker) >= length && rest[run(marker)..].trim().is_empty() {
                fence = None;
            }
            continue;
        }
        // Four spaces would start an indented code block: a doctest.
        let kept = &line[..indent.min(3)];
        let opened = ['`', '~'].into_iter().find(|&marker| {
            indent <= 3 && run(marker) >= 3 && !(marker == '`' && rest[run(marker)..].contains('`'))
        });
        if let Some(marker) = opened {
            let length = run(marker);
            fence = Some((marker, length));
            let info = rest[length..].trim();
            out.push_str(kept);
            out.push_str(&rest[..length]);
            out.push_str(if is_rust_info(info) { "text" } else { info });
        } else {
            out.push_str(kept);
            push_inline(&mut out, rest);
        }
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out
}

/// Whether rustdoc takes a fence with this info string for Rust, which it
/// would compile and run: no info, `rust`, or only its own attributes.
fn is_rust_info(info: &str) -> bool {
    const RUSTDOC: &[&str] = &[
        "rust",
        "ignore",
        "should_panic",
        "no_run",
        "compile_fail",
        "test_harness",
        "standalone_crate",
        "edition2015",
        "edition2018",
        "edition2021",
        "edition2024",
    ];
    info.split([',', ' ', '\t'])
        .filter(|word| !word.is_empty())
        .all(|word| RUSTDOC.contains(&word) || word.starts_with("ignore-"))
}

/// A line of Markdown outside code blocks: code spans as written, and
/// elsewhere raw HTML escaped and bare URLs made autolinks.
fn push_inline(out: &mut String, line: &str) {
    let mut rest = line;
    while !rest.is_empty() {
        if rest.starts_with('`') {
            let ticks = rest.len() - rest.trim_start_matches('`').len();
            let fence = &rest[..ticks];
            // A span ends at the same run of backticks; else they are text.
            let end = rest[ticks..].find(fence).map(|at| ticks + at + ticks);
            let span = end.map_or(fence, |end| &rest[..end]);
            out.push_str(span);
            rest = &rest[span.len()..];
            continue;
        }
        if let Some(url) = url_at(rest) {
            let linked = out.ends_with(['<', '(']);
            if !linked {
                out.push('<');
            }
            out.push_str(url);
            if !linked {
                out.push('>');
            }
            rest = &rest[url.len()..];
            continue;
        }
        let c = rest.chars().next().unwrap_or_default();
        rest = &rest[c.len_utf8()..];
        if c == '\\' {
            // An escape stays one, with the character it escapes.
            out.push(c);
            if let Some(next) = rest.chars().next().filter(char::is_ascii_punctuation) {
                out.push(next);
                rest = &rest[1..];
            }
        } else if c == '<'
            && url_at(rest).is_none()
            && rest.starts_with(|next: char| {
                next.is_ascii_alphabetic() || matches!(next, '/' | '!' | '?')
            })
        {
            out.push_str("\\<");
        } else {
            out.push(c);
        }
    }
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
    fn descriptions_stay_markdown_without_doctests() {
        use super::rustdoc_markdown;
        assert_eq!(
            rustdoc_markdown(
                "Use `<token>` and **bold**.\n\n```\nlet x = 1;\n```\n```json\n{}\n```"
            ),
            "Use `<token>` and **bold**.\n\n```text\nlet x = 1;\n```\n```json\n{}\n```"
        );
        assert_eq!(
            rustdoc_markdown("```rust,no_run\nx\n```"),
            "```text\nx\n```"
        );
        assert_eq!(
            rustdoc_markdown("Para.\n\n    indented\n"),
            "Para.\n\n   indented"
        );
        assert_eq!(
            rustdoc_markdown("<b>hi</b> see https://x.test/a and <https://y.test>."),
            "\\<b>hi\\</b> see <https://x.test/a> and <https://y.test>."
        );
        assert_eq!(
            rustdoc_markdown("[docs](https://x.test)"),
            "[docs](https://x.test)"
        );
        assert_eq!(rustdoc_markdown("a \\<b> b"), "a \\<b> b");
    }

    #[test]
    fn code_spans_hold_backticks() {
        assert_eq!(code_span("invalid_token"), "`invalid_token`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`a"), "`` `a ``");
    }
}
