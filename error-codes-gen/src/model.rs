//! The validated catalogue: the one model every emitter reads.

use std::ops::RangeInclusive;

use crate::ascii::plain_run;

/// The statuses an error may have: 4xx and 5xx. The catalogue and the derive
/// both reject anything else.
///
/// ```
/// assert!(error_codes_gen::ERROR_STATUSES.contains(&429));
/// assert!(!error_codes_gen::ERROR_STATUSES.contains(&302));
/// ```
pub const ERROR_STATUSES: RangeInclusive<u16> = 400..=599;

/// Why `code` cannot be an error code, or `None` if it can.
///
/// A code is ASCII letters, digits, `_`, `-` and `.`: what APIs write
/// (`invalid_token`, `number-in-use`, `WA401`) and what every output carries
/// unchanged, from a JSON body to a URL fragment.
///
/// ```
/// assert_eq!(error_codes_gen::code_problem("number-in-use"), None);
/// assert_eq!(
///     error_codes_gen::code_problem("no space").as_deref(),
///     Some("code `no space` contains ' ': codes are ASCII letters, digits, `_`, `-` and `.`"),
/// );
/// ```
#[must_use]
pub fn code_problem(code: &str) -> Option<String> {
    if code.is_empty() {
        return Some("empty code".to_owned());
    }
    // Bytes, not chars: every byte before the first bad one is ASCII, so that
    // one starts a character.
    let at = code
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')))?;
    let bad = code[at..].chars().next()?;
    Some(format!(
        "code `{code}` contains {bad:?}: codes are ASCII letters, digits, `_`, `-` and `.`"
    ))
}

/// What in `text` would not show as what it is, or `None` if nothing would:
/// a control character other than line feed and tab (a terminal escape, a
/// carriage return), or a bidirectional control (U+202A–U+202E,
/// U+2066–U+2069), which makes text display in another order than it is
/// stored (the "Trojan Source" trick). The catalogue refuses them in every
/// text, and `#[derive(ErrorCode)]` in every message and code.
///
/// ```
/// use error_codes_gen::hidden_character_problem;
///
/// assert_eq!(hidden_character_problem("Line one\nline two\tand a tab."), None);
/// assert_eq!(hidden_character_problem("الرمز غير صالح"), None);
/// assert_eq!(
///     hidden_character_problem("Red \u{1b}[31malert").as_deref(),
///     Some("the control character U+001B; only line breaks and tabs are allowed"),
/// );
/// assert!(hidden_character_problem("Pay \u{202E}su").unwrap().starts_with("U+202E, a bidirectional"));
/// ```
#[must_use]
pub fn hidden_character_problem(text: &str) -> Option<String> {
    // Printable ASCII hides nothing, and most text is only that: the
    // characters are looked at from the first byte that is not.
    let c = text[plain_run(text.as_bytes(), b"")..].chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })?;
    let code = format!("U+{:04X}", u32::from(c));
    Some(if c.is_control() {
        format!("the control character {code}; only line breaks and tabs are allowed")
    } else {
        format!(
            "{code}, a bidirectional control character: it makes text display in another \
             order than it is stored, so what a reviewer reads is not what is sent; remove it"
        )
    })
}

/// A validated error catalogue, loaded from an `errors.yaml`.
///
/// Every invariant of the file format holds for a value of this type: statuses
/// are unique and in 400–599, codes are unique across the whole catalogue, every
/// Rust name is a valid, non-colliding identifier, and no text (title,
/// description, message) is blank, ends with a line break, or holds a control
/// character other than line feed and tab or a bidirectional control
/// (U+202A–U+202E, U+2066–U+2069). Order is the
/// file's order everywhere.
///
/// ```
/// let catalog = error_codes_gen::Catalog::from_yaml(
///     "title: Errors\nstatuses:\n  401:\n    codes:\n      invalid_token: The API Token provided is invalid.\n",
///     "errors.yaml",
/// )?;
/// let (status, code) = catalog.codes().next().unwrap();
/// assert_eq!((status.status, status.name.as_str()), (401, "Unauthorized"));
/// assert_eq!((code.code.as_str(), code.name.as_str()), ("invalid_token", "InvalidToken"));
/// # Ok::<(), error_codes_gen::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Catalog {
    /// The file name the catalogue was read from (`errors.yaml`), for "generated from" notes.
    pub source_name: String,
    /// Document title (`title:`), e.g. `Errors & Troubleshooting`.
    pub title: String,
    /// Document version (`version:`), used as OpenAPI `info.version`.
    pub version: Option<String>,
    /// Free document text (`description:`), e.g. the page intro.
    pub description: Option<String>,
    /// Name of the top-level Rust enum (`name:`, default `ApiError`).
    pub name: String,
    /// Every status, in file order, including those with no codes yet.
    pub statuses: Vec<Status>,
    /// Tombstones (`removed:`): codes that were taken out and must never
    /// come back, in file order.
    pub removed: Vec<Removed>,
    /// The line of `title:`, 1-based, for reports such as `breaking`.
    pub title_line: usize,
    /// The line of `version:`, when the file has one.
    pub version_line: Option<usize>,
    /// The line of `description:`, when the file has one.
    pub description_line: Option<usize>,
    /// The line of `name:`, when the file gives the top-level enum a name.
    pub name_line: Option<usize>,
}

/// One HTTP status and the codes documented under it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Status {
    /// The HTTP status code, 400–599.
    pub status: u16,
    /// Reason phrase, e.g. `Unauthorized` (from `title:` or the standard phrase).
    pub title: String,
    /// Optional one-line description, e.g. `Connectivity issues.`.
    pub description: Option<String>,
    /// Rust group enum name in `UpperCamelCase`, e.g. `TooManyRequests`.
    pub name: String,
    /// The codes, in file order; may be empty.
    pub codes: Vec<Code>,
    /// The line of the status key in the file, 1-based.
    pub line: usize,
}

/// One error code as the API sends it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Code {
    /// The code on the wire, e.g. `invalid_token`, `number-in-use`, `WA401`.
    pub code: String,
    /// The human-readable message, never empty.
    pub message: String,
    /// Rust variant name in `UpperCamelCase`, e.g. `InvalidToken`.
    pub name: String,
    /// Why the code is deprecated and what to use instead (`deprecated:`);
    /// `None` while it is current.
    pub deprecated: Option<String>,
    /// The catalogue version that added the code (`since:`), if recorded.
    pub since: Option<String>,
    /// The line of the code's key in the file, 1-based.
    pub line: usize,
}

/// A tombstone: a code that was removed and must never be used again.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Removed {
    /// The code as the API sent it.
    pub code: String,
    /// The status it was sent with.
    pub status: u16,
    /// The catalogue version that removed it (`version:`), if recorded.
    pub version: Option<String>,
    /// Why it was removed and what replaced it (`reason:`), if recorded.
    pub reason: Option<String>,
    /// The line of the tombstone's key in the file, 1-based.
    pub line: usize,
}

impl Code {
    /// `Deprecated: <note>` and `Added in version <since>.`, as paragraphs,
    /// when the code records either: the notes an `OpenAPI` reader sees, in
    /// `generated/openapi.yaml` and in the documents utoipa builds (a
    /// `deprecated` keyword says only that a code is deprecated, not why).
    pub(crate) fn lifecycle_notes(&self) -> Option<String> {
        let deprecated = self
            .deprecated
            .as_ref()
            .map(|note| format!("Deprecated: {note}"));
        let since = self
            .since
            .as_ref()
            .map(|since| format!("Added in version {since}."));
        match (deprecated, since) {
            (Some(deprecated), Some(since)) => Some(format!("{deprecated}\n\n{since}")),
            (one, other) => one.or(other),
        }
    }
}

impl Catalog {
    /// Every code with its status, in file order.
    ///
    /// ```
    /// # let catalog = error_codes_gen::Catalog::from_yaml(
    /// #     "title: T\nstatuses:\n  401:\n    codes:\n      a: A.\n  403:\n    codes:\n      b: B.\n",
    /// #     "errors.yaml",
    /// # )?;
    /// let codes: Vec<_> = catalog.codes().map(|(status, code)| (status.status, code.code.as_str())).collect();
    /// assert_eq!(codes, [(401, "a"), (403, "b")]);
    /// # Ok::<(), error_codes_gen::Error>(())
    /// ```
    pub fn codes(&self) -> impl Iterator<Item = (&Status, &Code)> {
        self.statuses
            .iter()
            .flat_map(|status| status.codes.iter().map(move |code| (status, code)))
    }

    /// The statuses that have at least one code: the ones that become Rust enums.
    ///
    /// ```
    /// # let catalog = error_codes_gen::Catalog::from_yaml(
    /// #     "title: T\nstatuses:\n  400: {}\n  401:\n    codes:\n      a: A.\n",
    /// #     "errors.yaml",
    /// # )?;
    /// let groups: Vec<_> = catalog.groups().map(|status| status.name.as_str()).collect();
    /// assert_eq!(groups, ["Unauthorized"]);
    /// assert_eq!(catalog.statuses.len(), 2);
    /// # Ok::<(), error_codes_gen::Error>(())
    /// ```
    pub fn groups(&self) -> impl Iterator<Item = &Status> {
        self.statuses
            .iter()
            .filter(|status| !status.codes.is_empty())
    }

    /// The note every generated file starts with, without comment syntax.
    ///
    /// ```
    /// # let catalog = error_codes_gen::Catalog::from_yaml("title: T\nstatuses: {}\n", "errors.yaml")?;
    /// assert_eq!(
    ///     catalog.generated_notice(),
    ///     "Generated from errors.yaml by error-codes; do not edit.",
    /// );
    /// # Ok::<(), error_codes_gen::Error>(())
    /// ```
    #[must_use]
    pub fn generated_notice(&self) -> String {
        format!(
            "Generated from {} by error-codes; do not edit.",
            self.source_name
        )
    }
}
