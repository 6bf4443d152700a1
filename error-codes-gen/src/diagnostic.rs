//! Located problems in a catalogue file.

use std::fmt;

/// One problem in a catalogue file, located at `file:line:column`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The file as it was named when loading, e.g. `errors.yaml`.
    pub file: String,
    /// 1-based line, or `None` when the problem has no place in the file
    /// (the file cannot be read).
    pub line: Option<usize>,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The offending source line with a caret under the column, or empty.
    pub snippet: String,
}

impl Diagnostic {
    /// A problem at `line`/`column` (1-based) of `source`.
    pub(crate) fn at(
        file: &str,
        source: &str,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Self {
            file: file.to_owned(),
            line: Some(line),
            column,
            message: one_line(&message.into()),
            snippet: snippet(source, line, column),
        }
    }

    /// A problem with the file as a whole.
    pub(crate) fn whole_file(file: &str, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            line: None,
            column: 0,
            message: one_line(&message.into()),
            snippet: String::new(),
        }
    }

    /// `file:line:column`, or just `file` when there is no line.
    ///
    /// ```
    /// let error = error_codes_gen::Catalog::from_yaml("title: T\nstatuses:\n  42: {}\n", "api.yaml")
    ///     .unwrap_err();
    /// assert_eq!(error.diagnostics()[0].location(), "api.yaml:3:3");
    /// ```
    #[must_use]
    pub fn location(&self) -> String {
        match self.line {
            Some(line) => format!("{}:{line}:{}", self.file, self.column),
            None => self.file.clone(),
        }
    }
}

/// `file:line:column: message`, then the snippet.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)?;
        if !self.snippet.is_empty() {
            write!(f, "\n{}", self.snippet)?;
        }
        Ok(())
    }
}

fn snippet(source: &str, line: usize, column: usize) -> String {
    let Some(text) = yaml_lines(source).nth(line.saturating_sub(1)) else {
        return String::new();
    };
    let chars: Vec<char> = text.chars().collect();
    let caret = column.saturating_sub(1).min(chars.len());
    // A long line is cut to a window around the column, so that a problem in
    // a long message does not print the whole of it.
    let start = caret.saturating_sub(SNIPPET_CONTEXT);
    let end = (caret + SNIPPET_CONTEXT).min(chars.len());
    let mut shown = String::new();
    let mut indent = String::new();
    if start > 0 {
        shown.push('…');
        indent.push(' ');
    }
    for (i, &c) in chars[start..end].iter().enumerate() {
        // Tabs stay tabs, so the caret lines up however wide they are shown;
        // other control characters are shown escaped, never sent as they are.
        let escaped: String = if c == '\t' {
            c.to_string()
        } else {
            one_line(&c.to_string())
        };
        if start + i < caret {
            indent.extend(escaped.chars().map(|c| if c == '\t' { '\t' } else { ' ' }));
        }
        shown.push_str(&escaped);
    }
    if end < chars.len() {
        shown.push('…');
    }
    let number = line.to_string();
    let pad = " ".repeat(number.len());
    format!("{pad} |\n{number} | {shown}\n{pad} | {indent}^")
}

/// The lines of `source` as YAML counts them: a line ends at a line feed, a
/// carriage return, or both together.
pub(crate) fn yaml_lines(source: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(source);
    std::iter::from_fn(move || {
        let text = rest?;
        if let Some(end) = text.find(['\n', '\r']) {
            let break_len = if text[end..].starts_with("\r\n") {
                2
            } else {
                1
            };
            rest = Some(&text[end + break_len..]).filter(|rest| !rest.is_empty());
            Some(&text[..end])
        } else {
            rest = None;
            Some(text)
        }
    })
}

/// `text` with control characters escaped (`\n`, `\u{1b}`), so that a
/// diagnostic is one line and sends nothing to a terminal but text.
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// Characters of a source line shown on each side of a problem's column.
const SNIPPET_CONTEXT: usize = 80;

#[cfg(test)]
mod tests {
    use super::snippet;

    #[test]
    fn a_long_line_is_cut_around_the_column() {
        let line = format!("message: {}X{}", "a".repeat(200), "b".repeat(200));
        let column = line.find('X').unwrap() + 1;
        let shown = snippet(&line, 1, column);
        let [_, text, caret] = shown.lines().collect::<Vec<_>>()[..] else {
            panic!("{shown}")
        };
        assert_eq!(text, format!("1 | …{}X{}…", "a".repeat(80), "b".repeat(79)));
        assert_eq!(caret.find('^'), text.chars().position(|c| c == 'X'));
    }

    #[test]
    fn control_characters_are_escaped_and_the_caret_still_lines_up() {
        let shown = snippet("a\u{1b}[31m: \tb", 1, 10);
        assert_eq!(shown, "  |\n1 | a\\u{1b}[31m: \tb\n  |              \t^");
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line_as_in_yaml() {
        assert_eq!(snippet("a: b\rc: d\r\ne: f", 2, 1), "  |\n2 | c: d\n  | ^");
        assert_eq!(
            snippet("a: b\rc: d\r\ne: f", 3, 4),
            "  |\n3 | e: f\n  |    ^"
        );
        let lines: Vec<_> = super::yaml_lines("a\n\nb\r\nc\rd\n").collect();
        assert_eq!(lines, ["a", "", "b", "c", "d"]);
    }

    #[test]
    fn a_short_line_is_shown_whole() {
        assert_eq!(snippet("a: b\n", 1, 4), "  |\n1 | a: b\n  |    ^");
    }
}

/// Every problem found in a catalogue file, in file order. Never empty.
///
/// ```
/// let error = error_codes_gen::Catalog::from_yaml(
///     "title: T\nstatuses:\n  302:\n    codes: {}\n",
///     "errors.yaml",
/// )
/// .unwrap_err();
/// assert_eq!(error.diagnostics().len(), 1);
/// assert!(error.to_string().starts_with("errors.yaml:3:3: "));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    diagnostics: Vec<Diagnostic>,
}

impl Error {
    pub(crate) fn new(mut diagnostics: Vec<Diagnostic>) -> Self {
        debug_assert!(
            !diagnostics.is_empty(),
            "an Error holds at least one problem"
        );
        diagnostics.sort_by_key(|d| (d.line, d.column));
        Self { diagnostics }
    }

    /// The problems, in file order.
    #[must_use]
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }
}

/// Every diagnostic, separated by blank lines.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                f.write_str("\n\n")?;
            }
            write!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}
