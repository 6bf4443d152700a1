//! `errors.yaml` → [`Catalog`], in the order a file goes through it:
//!
//! - [`read`]: the bytes, bounded by [`limits`](crate::limits), and their
//!   encoding;
//! - [`yaml`]: the YAML a catalogue may use, as a tree of located nodes;
//! - [`validate`]: the tree into the model, each mapping's keys read by name
//!   ([`keys`]);
//! - [`body`]: the body's layout (`body:`, `code_type:`), the docs URLs,
//!   and the rules that tie them to the codes;
//! - [`details`]: the data an error carries (`types:`, `params:`, their
//!   examples, `retry:`) and the message's placeholders;
//! - [`check`]: the rules between items (one code twice, a tombstone reused,
//!   two names that collide);
//! - [`names`]: the Rust names derived from the file, and the words they
//!   must not be;
//! - [`outputs`]: `outputs:`, and the Python and Go names of a catalogue
//!   that selects those outputs.
//!
//! Every problem is collected in [`Problems`] and reported together.

mod body;
mod check;
mod details;
mod keys;
mod markdown;
mod names;
mod outputs;
mod read;
mod template;
mod validate;
mod yaml;

pub use names::{code_problem, reason_phrase};
pub use read::read_catalogue;
pub use validate::hidden_character_problem;

pub(crate) use names::needs_raw;
pub(crate) use template::pieces;

use crate::diagnostic::Diagnostic;
use crate::{Catalog, Error};

use yaml::{Node, Place};

impl Catalog {
    /// Parses and validates catalogue text; `file` names it in diagnostics.
    ///
    /// ```
    /// let error = error_codes_gen::Catalog::from_yaml(
    ///     "title: T\nstatuses:\n  401:\n    codes:\n      self: Keyword.\n      ok: \"\"\n",
    ///     "errors.yaml",
    /// )
    /// .unwrap_err();
    /// // Both problems at once, each located.
    /// let locations: Vec<_> = error.diagnostics().iter().map(|d| d.location()).collect();
    /// assert_eq!(locations, ["errors.yaml:5:7", "errors.yaml:6:11"]);
    /// ```
    ///
    /// # Errors
    /// A YAML syntax error or nesting deeper than
    /// [`MAX_DEPTH`](crate::limits::MAX_DEPTH) (the reading stops there), or
    /// else every problem in the file: the YAML features a catalogue does not
    /// use (tags, anchors, aliases, merge keys, a second document, duplicate
    /// keys) and every rule of the format the content breaks.
    pub fn from_yaml(source: &str, file: &str) -> Result<Self, Error> {
        read::within_size(source.len(), file)?;
        let document = yaml::read(source).map_err(|problem| {
            Error::new(vec![Diagnostic::at(
                file,
                source,
                problem.at.line,
                problem.at.column,
                problem.message,
            )])
        })?;
        let mut problems = Problems {
            file,
            source,
            found: Vec::new(),
        };
        for problem in document.problems {
            problems.at(problem.at, problem.message);
        }
        let catalog = validate::catalog(document.root.as_ref(), &mut problems);
        // Only a catalogue that is valid otherwise has every name to check.
        if problems.found.is_empty() {
            outputs::check_names(&catalog, &mut problems);
        }
        if problems.found.is_empty() {
            Ok(catalog)
        } else {
            Err(Error::new(problems.found))
        }
    }
}

/// The problems found in one file so far, each located in it.
struct Problems<'a> {
    file: &'a str,
    source: &'a str,
    found: Vec<Diagnostic>,
}

impl Problems<'_> {
    /// A problem at `at`.
    fn at(&mut self, at: Place, message: impl Into<String>) {
        self.found.push(Diagnostic::at(
            self.file,
            self.source,
            at.line,
            at.column,
            message,
        ));
    }

    /// A problem on line `line`, at its first character that is not a
    /// space: where an item's key starts.
    fn at_line(&mut self, line: usize, message: impl Into<String>) {
        let text = self
            .source
            .lines()
            .nth(line.saturating_sub(1))
            .unwrap_or("");
        let column = text.len() - text.trim_start_matches(' ').len() + 1;
        self.at(Place { line, column }, message);
    }

    /// `node` is not what `what` must be: "`what` must be `expected`, found …".
    fn expected(&mut self, node: &Node<'_>, what: &str, expected: &str) {
        let found = node.value.describe();
        self.at(node.at, format!("{what} must be {expected}, found {found}"));
    }
}
