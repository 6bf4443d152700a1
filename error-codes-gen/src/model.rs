//! The validated catalogue: the one model every emitter reads.

use std::ops::RangeInclusive;

mod body;
mod output;

pub use body::{
    Body, CodeType, JSON_MEDIA_TYPE, Member, Named, Object, PROBLEM_MEDIA_TYPE, Part, Path, Preset,
};
pub use output::Output;

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
    /// The object types params can use (`types:`), in file order.
    pub types: Vec<TypeDef>,
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
    /// The layout of every error body (`body:`); [`Body::default`] when the
    /// file has none.
    pub body: Body,
    /// The documentation URL template of every code (`docs:`), as written:
    /// `{code}` and `{status}` are filled in per code (see [`Code::docs`]).
    pub docs: Option<String>,
    /// The line of `docs:`, when the file has one.
    pub docs_line: Option<usize>,
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
    /// The documents `gen` writes (`outputs:`), in the order the file
    /// lists them; [`Output::DEFAULT`] when the file has no `outputs:`.
    pub outputs: Vec<Output>,
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
    /// The retry advice for its codes that give none (`retry:`), as written.
    pub retry: Option<Retry>,
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
    /// Rust variant name in `UpperCamelCase`, e.g. `InvalidToken`: the
    /// code's `name:`, else derived from the code.
    pub name: String,
    /// Whether the Rust name is the code's own `name:` rather than derived.
    pub explicit_name: bool,
    /// The code's title (`title:`), e.g. for problem details' `title`; see
    /// [`Code::title_in`].
    pub title: Option<String>,
    /// The code's documentation URL: its own `docs:`, else the catalogue's
    /// template, with `{code}` and `{status}` filled in.
    pub docs: Option<String>,
    /// What the code means and when it is sent, at length (`description:`),
    /// as Markdown.
    pub description: Option<String>,
    /// What a client or its user can do about it (`resolution:`), as
    /// Markdown.
    pub resolution: Option<String>,
    /// Why the code is deprecated and what to use instead (`deprecated:`);
    /// `None` while it is current.
    pub deprecated: Option<String>,
    /// The catalogue version that added the code (`since:`), if recorded.
    pub since: Option<String>,
    /// The data sent with the code (`params:`), in file order: the Rust
    /// variant's fields and the body's `details`.
    pub params: Vec<Param>,
    /// How a client may retry: the code's `retry:`, else its status's, else
    /// [`Retry::Never`].
    pub retry: Retry,
    /// The line of the code's key in the file, 1-based.
    pub line: usize,
}

/// An object type of `types:`, which params and other types can use.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TypeDef {
    /// The name as written, which is also the Rust struct's, the TypeScript
    /// interface's and the `OpenAPI` schema's, e.g. `FieldViolation`.
    pub name: String,
    /// What a value of the type is (`description:`).
    pub description: Option<String>,
    /// The fields, in file order; read like a code's params.
    pub fields: Vec<Param>,
    /// The line of the type's key in the file, 1-based.
    pub line: usize,
}

/// A code's param or a type's field: one member of the body's `details`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Param {
    /// The JSON member name, as written: ASCII letters, digits and `_`,
    /// starting with a letter, e.g. `retry_after`.
    pub name: String,
    /// The Rust field name: the name in `snake_case`, e.g. `retry_after`
    /// for `retryAfter` (a keyword is written as a raw identifier by the
    /// emitter).
    pub field: String,
    /// The value's type.
    pub ty: Type,
    /// Whether the value may be left out (`optional: true`).
    pub optional: bool,
    /// What the value means (`description:`).
    pub description: Option<String>,
    /// A value for the documents (`example:`), of the param's type.
    pub example: Option<Example>,
    /// The line of the param's key in the file, 1-based.
    pub line: usize,
}

/// The type of a param or field.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Type {
    /// `string`: text.
    String,
    /// `integer`: a 64-bit signed integer.
    Integer,
    /// `number`: a finite 64-bit float.
    Number,
    /// `boolean`.
    Boolean,
    /// `[T]`: a list of `T`.
    List(Box<Type>),
    /// A type of `types:`, by name.
    Named(String),
}

impl Type {
    /// Whether a value of the type can fill a `{placeholder}`: a string,
    /// integer, number or boolean.
    #[must_use]
    pub fn is_scalar(&self) -> bool {
        matches!(
            self,
            Self::String | Self::Integer | Self::Number | Self::Boolean
        )
    }

    /// The type as the file writes it: `integer`, `[FieldViolation]`.
    ///
    /// ```
    /// use error_codes_gen::Type;
    ///
    /// let list = Type::List(Box::new(Type::Named("FieldViolation".to_owned())));
    /// assert_eq!(list.written(), "[FieldViolation]");
    /// assert_eq!(Type::Integer.written(), "integer");
    /// ```
    #[must_use]
    pub fn written(&self) -> String {
        match self {
            Self::String => "string".to_owned(),
            Self::Integer => "integer".to_owned(),
            Self::Number => "number".to_owned(),
            Self::Boolean => "boolean".to_owned(),
            Self::List(item) => format!("[{}]", item.written()),
            Self::Named(name) => name.clone(),
        }
    }
}

/// An `example:` value, checked against its param's type.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Example {
    /// A string.
    String(String),
    /// An integer.
    Integer(i64),
    /// A finite number.
    Number(f64),
    /// A boolean.
    Boolean(bool),
    /// A list.
    List(Vec<Example>),
    /// An object of a type of `types:`: its fields, in the type's order.
    Object(Vec<(String, Example)>),
}

// The loader admits only finite numbers, so equality is reflexive.
impl Eq for Example {}

/// How a client may retry a request that failed with a code (`retry:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Retry {
    /// `never`: retrying the same request fails the same way.
    #[default]
    Never,
    /// `backoff`: transient; retry with exponential backoff.
    Backoff,
    /// `after`: retry after the seconds in the code's `retry_after` param,
    /// which servers also send as the `Retry-After` header.
    After,
}

impl Retry {
    /// The word the file and the documents use: `never`, `backoff`, `after`.
    #[must_use]
    pub const fn word(self) -> &'static str {
        match self {
            Self::Never => "never",
            Self::Backoff => "backoff",
            Self::After => "after",
        }
    }

    /// The advice a reader of the documents gets, as a sentence.
    #[must_use]
    pub const fn advice(self) -> &'static str {
        match self {
            Self::Never => "Do not retry: the same request fails the same way.",
            Self::Backoff => "Retry with exponential backoff.",
            Self::After => {
                "Retry after the number of seconds in `retry_after` (also sent as the `Retry-After` header)."
            }
        }
    }
}

/// The name of the param a `retry: after` code must have: an integer, the
/// seconds to wait.
pub const RETRY_AFTER_PARAM: &str = "retry_after";

/// A piece of a message: text as sent, or a placeholder to fill in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Piece<'a> {
    /// Text as sent: `{{` and `}}` are already single braces.
    Text(&'a str),
    /// `{name}`: the value of the param `name`.
    Param(&'a str),
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
    /// The message in pieces: text and placeholders, in order. Only a code
    /// with params has placeholders: in its message `{name}` is a param's
    /// value and `{{` and `}}` are literal braces. The message of a code
    /// without params is sent as written, braces and all, as it was before
    /// params existed. The loader has checked every brace, so this cannot
    /// fail on a loaded code.
    ///
    /// ```
    /// use error_codes_gen::Piece;
    ///
    /// let catalog = error_codes_gen::Catalog::from_yaml(
    ///     "title: T\nstatuses:\n  429:\n    codes:\n      wait:\n        message: Wait {seconds} s {{sic}}.\n        params:\n          seconds: integer\n      plain: Use {braces} freely.\n",
    ///     "errors.yaml",
    /// )?;
    /// let codes: Vec<_> = catalog.codes().map(|(_, code)| code).collect();
    /// assert_eq!(
    ///     codes[0].pieces(),
    ///     [Piece::Text("Wait "), Piece::Param("seconds"), Piece::Text(" s "), Piece::Text("{"), Piece::Text("sic"), Piece::Text("}"), Piece::Text(".")],
    /// );
    /// assert_eq!(codes[1].pieces(), [Piece::Text("Use {braces} freely.")]);
    /// # Ok::<(), error_codes_gen::Error>(())
    /// ```
    #[must_use]
    pub fn pieces(&self) -> Vec<Piece<'_>> {
        if self.params.is_empty() {
            return vec![Piece::Text(&self.message)];
        }
        crate::load::pieces(&self.message).unwrap_or_else(|_| vec![Piece::Text(&self.message)])
    }

    /// The message with nothing filled in: what a code without params
    /// sends, and for a code with params its text with `{{` and `}}` as
    /// single braces and each placeholder left as `{name}`.
    #[must_use]
    pub fn plain_message(&self) -> std::borrow::Cow<'_, str> {
        if self.params.is_empty() || !self.message.contains(['{', '}']) {
            return std::borrow::Cow::Borrowed(&self.message);
        }
        let mut text = String::with_capacity(self.message.len());
        for piece in self.pieces() {
            match piece {
                Piece::Text(part) => text.push_str(part),
                Piece::Param(name) => {
                    text.push('{');
                    text.push_str(name);
                    text.push('}');
                }
            }
        }
        std::borrow::Cow::Owned(text)
    }

    /// Whether the message has a `{placeholder}`.
    #[must_use]
    pub fn has_placeholders(&self) -> bool {
        self.pieces()
            .iter()
            .any(|piece| matches!(piece, Piece::Param(_)))
    }

    /// The code's title: its own `title:`, else its status's reason phrase.
    #[must_use]
    pub fn title_in<'a>(&'a self, status: &'a Status) -> &'a str {
        self.title.as_deref().unwrap_or(&status.title)
    }

    /// The code as a JSON number, for `code_type: integer` (whose codes the
    /// loader has checked are decimal integers that fit); `None` for any
    /// other code.
    #[must_use]
    pub fn number(&self) -> Option<u64> {
        let digits = self.code.bytes().all(|b| b.is_ascii_digit());
        let canonical = self.code == "0" || !self.code.starts_with('0');
        if digits && canonical {
            self.code.parse().ok()
        } else {
            None
        }
    }

    /// The param named `name`.
    #[must_use]
    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params.iter().find(|param| param.name == name)
    }

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

    /// The type of `types:` named `name`.
    #[must_use]
    pub fn type_def(&self, name: &str) -> Option<&TypeDef> {
        self.types.iter().find(|ty| ty.name == name)
    }

    /// Whether any code has params or any type is declared. A catalogue
    /// without them writes the documents it wrote before params existed,
    /// byte for byte.
    #[must_use]
    pub fn has_details(&self) -> bool {
        !self.types.is_empty() || self.codes().any(|(_, code)| !code.params.is_empty())
    }

    /// Whether any status gives a `retry:` or any code's retry is not
    /// [`Retry::Never`]. Documents show retry advice only then, so a
    /// catalogue that never says `retry:` writes what it wrote before.
    #[must_use]
    pub fn has_retry(&self) -> bool {
        self.statuses.iter().any(|status| status.retry.is_some())
            || self.codes().any(|(_, code)| code.retry != Retry::Never)
    }

    /// Whether `gen` writes `output` for this catalogue.
    #[must_use]
    pub fn selects(&self, output: Output) -> bool {
        self.outputs.contains(&output)
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
