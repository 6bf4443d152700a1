//! What a Markdown text of the catalogue (a code's `description:`) may not
//! do: open a block it does not close. A code fence or an HTML comment left
//! open runs to the end of the document it is placed in, so in `errors.md`
//! it would swallow every code after it.

/// The line (1-based, in `text`) of the first block `text` opens and never
/// closes, and what it is, or `None`.
///
/// The blocks are CommonMark's that end only at a marker of their own: a
/// fenced code block (three or more backticks or tildes, closed by at least
/// as many of the same), and the HTML blocks that run to a closing string
/// (`<!--` to `-->`, `<?` to `?>`, `<![CDATA[` to `]]>`, `<!` and a letter
/// to `>`, and `<pre`, `<script`, `<style`, `<textarea` to their end tag).
pub(super) fn unclosed_block(text: &str) -> Option<(usize, String)> {
    let mut open: Option<(usize, Block)> = None;
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        match &open {
            Some((_, Block::Fence { marker, length })) => {
                if closes_fence(line, *marker, *length) {
                    open = None;
                }
            }
            Some((_, Block::Html { end })) => {
                if line.to_ascii_lowercase().contains(end) {
                    open = None;
                }
            }
            None => open = opens(line).map(|block| (number, block)),
        }
        // An HTML block that ends on its first line is closed already.
        if let Some((at, Block::Html { end })) = &open
            && *at == number
            && closes_on_its_line(line, end)
        {
            open = None;
        }
    }
    let (line, block) = open?;
    let problem = match block {
        Block::Fence { marker, length } => {
            let name = if marker == '`' { "backticks" } else { "tildes" };
            format!(
                "opens a code block on its line {line} (a fence of {length} {name}) that it \
                 never closes: it would run to the end of the page; close it with a line of \
                 {length} {name}"
            )
        }
        Block::Html { end } => format!(
            "opens an HTML block on its line {line} that it never closes with `{end}`: it \
             would run to the end of the page"
        ),
    };
    Some((line, problem))
}

enum Block {
    Fence { marker: char, length: usize },
    Html { end: &'static str },
}

/// The block `line` opens, if any. Up to three spaces may indent it.
fn opens(line: &str) -> Option<Block> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    for marker in ['`', '~'] {
        let length = rest.len() - rest.trim_start_matches(marker).len();
        // A backtick fence's info string has no backtick (else it is code).
        if length >= 3 && !(marker == '`' && rest[length..].contains('`')) {
            return Some(Block::Fence { marker, length });
        }
    }
    let lower = rest.to_ascii_lowercase();
    let end = if lower.starts_with("<!--") {
        "-->"
    } else if lower.starts_with("<?") {
        "?>"
    } else if lower.starts_with("<![cdata[") {
        "]]>"
    } else if lower
        .strip_prefix("<!")
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_alphabetic()))
    {
        ">"
    } else {
        let tag = lower.strip_prefix('<')?;
        let (_, end) = [
            ("pre", "</pre>"),
            ("script", "</script>"),
            ("style", "</style>"),
            ("textarea", "</textarea>"),
        ]
        .into_iter()
        .find(|(name, _)| {
            tag.strip_prefix(name).is_some_and(|after| {
                after
                    .chars()
                    .next()
                    .is_none_or(|c| c == '>' || c.is_ascii_whitespace())
            })
        })?;
        end
    };
    Some(Block::Html { end })
}

/// Whether the first line of an HTML block also holds its end, after the
/// opening marker.
fn closes_on_its_line(line: &str, end: &str) -> bool {
    let lower = line.trim_start().to_ascii_lowercase();
    let start = match end {
        "-->" => 4,
        "?>" | ">" => 2,
        "]]>" => 9,
        _ => 1,
    };
    lower.get(start..).is_some_and(|rest| rest.contains(end))
}

/// Whether `line` closes a fence of `length` `marker`s: as many or more of
/// them, up to three spaces before, and nothing but spaces after.
fn closes_fence(line: &str, marker: char, length: usize) -> bool {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return false;
    }
    let rest = &line[indent..];
    let run = rest.len() - rest.trim_start_matches(marker).len();
    run >= length && rest[run..].trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::unclosed_block;

    #[test]
    fn closed_blocks_pass() {
        for text in [
            "Plain text with `code` and ``` inline ``` spans.",
            "```json\n{\"a\": 1}\n```",
            "~~~~\n```\nstill code\n~~~~\nafter",
            "<!-- a comment -->\ntext",
            "<!--\nmany\nlines\n-->",
            "<pre>\ncode\n</pre>",
            "    ```\n    indented: code, not a fence",
            "<div>\nHTML blocks of this kind end at a blank line\n\nafter",
        ] {
            assert_eq!(unclosed_block(text), None, "{text:?}");
        }
    }

    #[test]
    fn unclosed_blocks_are_found_at_their_line() {
        let cases = [
            (
                "Intro.\n\n```sh\ncurl …",
                3,
                "on its line 3 (a fence of 3 backticks)",
            ),
            ("~~~\ncode\n```", 1, "(a fence of 3 tildes)"),
            ("````\n```\n", 1, "close it with a line of 4 backticks"),
            ("Text\n<!-- note", 2, "never closes with `-->`"),
            ("<script>\nx", 1, "never closes with `</script>`"),
            ("<PRE>\nx", 1, "never closes with `</pre>`"),
        ];
        for (text, line, says) in cases {
            let (found, problem) = unclosed_block(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(found, line, "{text:?}");
            assert!(problem.contains(says), "{text:?}: {problem}");
        }
    }
}
