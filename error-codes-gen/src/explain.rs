//! `explain`: everything the catalogue knows about one code, laid out for a
//! terminal 80 columns wide. `error-codes explain CODE` prints it.

use std::fmt::Write as _;

use crate::{Catalog, Code, Retry, Status};

/// The width the text is wrapped to.
pub const WIDTH: usize = 80;

/// How many of the nearest codes [`Unknown`] names.
const NEAREST: usize = 3;

/// A code the catalogue does not have, with the nearest ones it has.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Unknown {
    /// Up to three codes of the catalogue (tombstones too), nearest first
    /// by edit distance, ties in file order.
    pub nearest: Vec<String>,
}

/// Everything the catalogue knows about `code`, for a terminal: its status,
/// message, Rust name, title, retry advice, lifecycle, docs URL, params,
/// description and resolution; for a removed code, its tombstone. Every
/// line fits in [`WIDTH`] columns but a word or a code line longer than that.
///
/// ```
/// let catalog = error_codes_gen::Catalog::from_yaml(
///     "title: T\nstatuses:\n  401:\n    codes:\n      invalid_token:\n        message: The token is invalid.\n        resolution: Copy the token again.\n",
///     "errors.yaml",
/// )?;
/// let text = error_codes_gen::explain::explain(&catalog, "invalid_token").unwrap();
/// assert!(text.starts_with("invalid_token: 401 Unauthorized\n\nThe token is invalid.\n"));
/// assert!(text.contains("\nResolution\n  Copy the token again.\n"));
///
/// let unknown = error_codes_gen::explain::explain(&catalog, "invalid_tokne").unwrap_err();
/// assert_eq!(unknown.nearest, ["invalid_token"]);
/// # Ok::<(), error_codes_gen::Error>(())
/// ```
///
/// # Errors
/// [`Unknown`], with the nearest codes, when the catalogue has no such code
/// and no tombstone of it.
pub fn explain(catalog: &Catalog, code: &str) -> Result<String, Unknown> {
    if let Some((status, found)) = catalog.codes().find(|(_, known)| known.code == code) {
        return Ok(known(catalog, status, found));
    }
    if let Some(removed) = catalog.removed.iter().find(|removed| removed.code == code) {
        let mut out = format!(
            "{}: removed (it was sent with status {})\n",
            removed.code, removed.status
        );
        if let Some(version) = &removed.version {
            let _ = writeln!(out, "\nRemoved in version {version}.");
        }
        if let Some(reason) = &removed.reason {
            out.push('\n');
            push_wrapped(&mut out, reason, "");
        }
        out.push_str("\nIt must never be sent again: the catalogue keeps it as a tombstone.\n");
        return Ok(out);
    }
    Err(Unknown {
        nearest: nearest(catalog, code),
    })
}

fn known(catalog: &Catalog, status: &Status, code: &Code) -> String {
    let mut out = format!("{}: {}\n\n", code.code, status.line());
    push_wrapped(&mut out, &code.plain_message(), "");

    let mut facts: Vec<(&str, String)> = vec![("Rust", format!("{}::{}", status.name, code.name))];
    if catalog.body.is_declared() || code.title.is_some() {
        facts.push(("Title", code.title_in(status).to_owned()));
    }
    let retry = match code.retry {
        Retry::Never => "never",
        Retry::Backoff => "backoff",
        Retry::After => "after",
    };
    facts.push(("Retry", format!("{retry}: {}", code.retry.advice())));
    if let Some(since) = &code.since {
        facts.push(("Since", since.clone()));
    }
    if let Some(note) = &code.deprecated {
        facts.push(("Deprecated", note.clone()));
    }
    if let Some(url) = &code.docs {
        facts.push(("Docs", url.clone()));
    }
    out.push('\n');
    for (label, value) in facts {
        push_wrapped(&mut out, &value, &format!("  {label:<11}"));
    }

    if !code.params.is_empty() {
        out.push_str("\nParams (sent in the body's details)\n");
        let width = code
            .params
            .iter()
            .map(|param| param.name.len())
            .max()
            .unwrap_or(0);
        for param in &code.params {
            let mut text = param.ty.written();
            if param.optional {
                text.push_str(", optional");
            }
            if let Some(description) = &param.description {
                text.push_str(": ");
                text.push_str(description);
            }
            push_wrapped(&mut out, &text, &format!("  {:<width$}  ", param.name));
        }
    }
    for (heading, text) in [
        ("Description", &code.description),
        ("Resolution", &code.resolution),
    ] {
        if let Some(text) = text {
            let _ = writeln!(out, "\n{heading}");
            push_markdown(&mut out, text);
        }
    }
    out
}

/// `text` wrapped at [`WIDTH`], its first line after `lead` and the others
/// indented as far as `lead` is long.
fn push_wrapped(out: &mut String, text: &str, lead: &str) {
    let indent = " ".repeat(lead.chars().count());
    let mut line = lead.to_owned();
    let mut empty = true;
    for word in text.split_whitespace() {
        let fits = line.chars().count() + 1 + word.chars().count() <= WIDTH;
        if !empty && !fits {
            out.push_str(line.trim_end());
            out.push('\n');
            line.clone_from(&indent);
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// Markdown, indented by two spaces: paragraphs rewrapped, code blocks,
/// list items, quotes, headings and table rows kept line by line.
fn push_markdown(out: &mut String, text: &str) {
    let mut paragraph = String::new();
    let mut fence: Option<String> = None;
    let flush = |out: &mut String, paragraph: &mut String| {
        if !paragraph.is_empty() {
            push_wrapped(out, paragraph, "  ");
            paragraph.clear();
        }
    };
    for line in text.lines() {
        let trimmed = line.trim_start();
        if let Some(marker) = &fence {
            push_line(out, line);
            if trimmed.starts_with(marker.as_str()) {
                fence = None;
            }
            continue;
        }
        let marker: String = trimmed
            .chars()
            .take_while(|&c| c == '`' || c == '~')
            .collect();
        if marker.len() >= 3 {
            flush(out, &mut paragraph);
            push_line(out, line);
            fence = Some(marker);
        } else if trimmed.is_empty() {
            flush(out, &mut paragraph);
            out.push('\n');
        } else if starts_block(trimmed) || line.starts_with("    ") {
            flush(out, &mut paragraph);
            push_line(out, line);
        } else {
            if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            paragraph.push_str(trimmed);
        }
    }
    flush(out, &mut paragraph);
}

fn push_line(out: &mut String, line: &str) {
    out.push_str("  ");
    out.push_str(line.trim_end());
    out.push('\n');
}

/// Whether a line starts a block that must keep its own line: a list item,
/// a quote, a heading or a table row.
fn starts_block(line: &str) -> bool {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    line.starts_with(['-', '*', '+', '>', '#', '|'])
        || (digits > 0 && line[digits..].starts_with(['.', ')']))
}

/// The codes of the catalogue nearest to `code`.
fn nearest(catalog: &Catalog, code: &str) -> Vec<String> {
    let known = catalog
        .codes()
        .map(|(_, known)| known.code.as_str())
        .chain(catalog.removed.iter().map(|removed| removed.code.as_str()));
    let mut scored: Vec<(usize, usize, &str)> = known
        .enumerate()
        .map(|(order, known)| (distance(code, known), order, known))
        .collect();
    scored.sort_unstable();
    scored
        .into_iter()
        .take(NEAREST)
        .map(|(_, _, known)| known.to_owned())
        .collect()
}

/// The Levenshtein distance between `a` and `b`, by characters, ignoring
/// ASCII case.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, x) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(x != y);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("invalid_token", "invalid_token"), 0);
        assert_eq!(distance("invalid_tokne", "invalid_token"), 2);
        assert_eq!(distance("INVALID_TOKEN", "invalid_token"), 0);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("131047", "131026"), 2);
    }

    #[test]
    fn long_text_wraps_within_the_width() {
        let mut out = String::new();
        let text = "word ".repeat(60);
        push_wrapped(&mut out, &text, "  Retry      ");
        assert!(
            out.lines().all(|line| line.chars().count() <= WIDTH),
            "{out}"
        );
        assert!(
            out.lines()
                .skip(1)
                .all(|line| line.starts_with("             word")),
            "{out}"
        );
    }

    #[test]
    fn markdown_keeps_its_blocks() {
        let mut out = String::new();
        push_markdown(
            &mut out,
            "First line\nof a paragraph.\n\n```sh\ncurl  -H 'X'\n```\n- one\n- two\n",
        );
        assert_eq!(
            out,
            "  First line of a paragraph.\n\n  ```sh\n  curl  -H 'X'\n  ```\n  - one\n  - two\n"
        );
    }
}
