//! The validated catalogue: the one model every emitter reads.

use std::ops::RangeInclusive;

/// The statuses an error may have: 4xx and 5xx. The catalogue and the derive
/// both reject anything else.
///
/// ```
/// assert!(error_codes_gen::ERROR_STATUSES.contains(&429));
/// assert!(!error_codes_gen::ERROR_STATUSES.contains(&302));
/// ```
pub const ERROR_STATUSES: RangeInclusive<u16> = 400..=599;

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

/// How every output names a status: `401 Unauthorized`, or the bare number
/// for a status without a title (a derived type's status that has no
/// standard reason phrase).
pub(crate) fn status_line(status: u16, title: Option<&str>) -> String {
    match title {
        Some(title) => format!("{status} {title}"),
        None => status.to_string(),
    }
}

impl Status {
    /// The status line, e.g. `401 Unauthorized`.
    #[must_use]
    pub fn line(&self) -> String {
        status_line(self.status, Some(&self.title))
    }

    /// The status line, then the description, if any, as a paragraph of its
    /// own: what an `OpenAPI` response of the status says, in
    /// `generated/openapi.yaml` and in the documents utoipa builds.
    pub(crate) fn response_description(&self) -> String {
        let mut text = self.line();
        if let Some(description) = &self.description {
            text.push_str("\n\n");
            text.push_str(description);
        }
        text
    }
}

/// The label of a deprecation note, as the documents show it.
pub(crate) const DEPRECATED: &str = "Deprecated:";

impl Code {
    /// `Deprecated: <note>`, when the code is deprecated.
    pub(crate) fn deprecation_note(&self) -> Option<String> {
        let note = self.deprecated.as_ref()?;
        Some(format!("{DEPRECATED} {note}"))
    }

    /// `Added in version <since>.`, when the code records `since`.
    pub(crate) fn since_note(&self) -> Option<String> {
        let since = self.since.as_ref()?;
        Some(format!("Added in version {since}."))
    }

    /// The deprecation and `since` notes, as paragraphs, when the code
    /// records either: the notes an `OpenAPI` reader sees, in
    /// `generated/openapi.yaml` and in the documents utoipa builds (a
    /// `deprecated` keyword says only that a code is deprecated, not why).
    pub(crate) fn lifecycle_notes(&self) -> Option<String> {
        match (self.deprecation_note(), self.since_note()) {
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
