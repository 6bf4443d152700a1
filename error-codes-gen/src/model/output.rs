//! The documents `gen` can write (`outputs:`).

/// One document `gen` can write, selected by the catalogue's `outputs:`.
///
/// ```
/// use error_codes_gen::Output;
///
/// assert_eq!(Output::Python.word(), "python");
/// assert_eq!(Output::Python.file_name(), "errors.py");
/// assert_eq!(Output::from_word("go"), Some(Output::Go));
/// assert_eq!(Output::DEFAULT, [Output::TypeScript, Output::OpenApi, Output::Markdown]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Output {
    /// `typescript`: `errors.ts`.
    TypeScript,
    /// `openapi`: `openapi.yaml`.
    OpenApi,
    /// `markdown`: `errors.md`.
    Markdown,
    /// `python`: `errors.py`.
    Python,
    /// `go`: `errors.go`.
    Go,
}

impl Output {
    /// Every output, in the order `outputs:` documents them.
    pub const ALL: [Self; 5] = [
        Self::TypeScript,
        Self::OpenApi,
        Self::Markdown,
        Self::Python,
        Self::Go,
    ];

    /// What a catalogue without `outputs:` writes: the documents `gen`
    /// wrote before `outputs:` existed.
    pub const DEFAULT: [Self; 3] = [Self::TypeScript, Self::OpenApi, Self::Markdown];

    /// The word `outputs:` selects it by.
    #[must_use]
    pub const fn word(self) -> &'static str {
        match self {
            Self::TypeScript => "typescript",
            Self::OpenApi => "openapi",
            Self::Markdown => "markdown",
            Self::Python => "python",
            Self::Go => "go",
        }
    }

    /// The output a word of `outputs:` selects.
    #[must_use]
    pub fn from_word(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|output| output.word() == word)
    }

    /// The file it is written to, in `gen`'s output folder.
    #[must_use]
    pub const fn file_name(self) -> &'static str {
        match self {
            Self::TypeScript => "errors.ts",
            Self::OpenApi => "openapi.yaml",
            Self::Markdown => "errors.md",
            Self::Python => "errors.py",
            Self::Go => "errors.go",
        }
    }
}
