//! HTTP API errors from one `errors.yaml`.
//!
//! An API documents its errors once, in an `errors.yaml` file: each HTTP status
//! with the error codes it can return and their messages. This crate turns that
//! file into Rust types at compile time, so server and client code can never
//! drift from the documented errors. This is `examples/errors.yaml`:
//!
//! ```yaml
#![doc = include_str!("../examples/errors.yaml")]
//! ```
//!
//! [`include_errors!`] reads the file (its path is relative to the including
//! crate's `Cargo.toml`) and generates one enum per status, named after its
//! reason phrase, with one variant per code; plus a top-level enum, `ApiError`
//! unless the file says otherwise, with one variant per status group. Every
//! generated enum has `code()`, `message()` and `status()` (all `const`),
//! `from_code()`, `ALL` (every value in file order), [`ErrorCode`], `Display`
//! (the message), `std::error::Error`, `FromStr` (from the code, failing with
//! [`UnknownCode`]), and serde support as the wire body
//! `{"error": code, "message": message}` (see [`ErrorBody`]).
//!
//! ```
//! error_codes::include_errors!("examples/errors.yaml");
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let error = ApiError::from(Unauthorized::InvalidToken);
//! assert_eq!(error.code(), "invalid_token");
//! assert_eq!(error.message(), "The API Token provided is invalid.");
//! assert_eq!(error.status(), 401);
//! assert_eq!(error.to_string(), "The API Token provided is invalid.");
//!
//! // Codes from the wire map back to values, per group or across all of them.
//! assert_eq!(
//!     ApiError::from_code("user_not_found"),
//!     Some(ApiError::NotFound(NotFound::UserNotFound)),
//! );
//! assert_eq!(Unauthorized::from_code("user_not_found"), None);
//! assert_eq!("maintenance_mode".parse::<ServiceUnavailable>()?, ServiceUnavailable::MaintenanceMode);
//! assert_eq!(ApiError::ALL.len(), 4);
//!
//! // Serialized, an error is the response body; the message is not checked
//! // when reading one back, so a server may localize it.
//! let json = serde_json::to_string(&error)?;
//! assert_eq!(json, r#"{"error":"invalid_token","message":"The API Token provided is invalid."}"#);
//! let read: ApiError = serde_json::from_str(r#"{"error":"invalid_token","message":"Jeton invalide."}"#)?;
//! assert_eq!(read, error);
//! let unknown = serde_json::from_str::<ApiError>(r#"{"error":"nope","message":"?"}"#).unwrap_err();
//! assert!(unknown.to_string().contains("unknown error code `nope`"));
//! # Ok(())
//! # }
//! ```
//!
//! Code that handles any API error generically takes `impl ErrorCode`; a
//! hand-written enum gets the same trait from `#[derive(ErrorCode)]`.
//!
//! Editing `errors.yaml` rebuilds the crate that includes it. A broken file is
//! a compile error at the path literal, listing every problem with its
//! `file:line:column`.
//!
//! A client reads error responses as [`Received<ApiError>`](Received), which
//! keeps codes that a newer server added instead of failing on them.
//!
//! # Errors that carry data
//!
//! A code with `params:` is a struct variant with a field per param, its
//! message's `{placeholders}` are filled in from them, and the body sends
//! them as `details`; each type of `types:` is a struct beside the enums.
//! `retry:` says how a client may retry ([`Retry`]). An enum with such codes
//! has `code()`, `message()` (rendered, a `Cow`), `status()`, `retry()` and
//! `CODES`, and derives `Copy`, `Eq` and `Hash` only where its fields allow;
//! it has no `ALL`, `from_code` or `FromStr`, which only values without
//! data can have. An enum none of whose codes has params is as above. This
//! is `examples/details.yaml`:
//!
//! ```yaml
#![doc = include_str!("../examples/details.yaml")]
//! ```
//!
//! ```
//! error_codes::include_errors!("examples/details.yaml");
//! use std::time::Duration;
//! use error_codes::{Received, Retry};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let wait = ApiError::from(TooManyRequests::OtpWaitRequired { retry_after: 30 });
//! assert_eq!(wait.message(), "You must wait 30 seconds before requesting another OTP.");
//! assert_eq!(wait.retry(), Retry::After(Duration::from_secs(30)));
//! assert_eq!(BadGateway::SendMessageFailed.retry(), Retry::Backoff);
//! assert_eq!(ApiError::CODES, ["validation_error", "otp_wait_required", "send_message_failed"]);
//!
//! // The body carries the params as `details`; reading one back is strict.
//! let json = serde_json::to_string(&wait)?;
//! assert_eq!(
//!     json,
//!     r#"{"error":"otp_wait_required","message":"You must wait 30 seconds before requesting another OTP.","details":{"retry_after":30}}"#,
//! );
//! assert_eq!(serde_json::from_str::<ApiError>(&json)?, wait);
//! let missing = r#"{"error":"otp_wait_required","message":"Wait."}"#;
//! assert!(serde_json::from_str::<ApiError>(missing).unwrap_err().to_string().contains("missing field `details`"));
//!
//! // A client never fails on details: without them, the code is not known.
//! let received: Received<ApiError> = serde_json::from_str(missing)?;
//! assert_eq!((received.known(), received.code()), (None, "otp_wait_required"));
//!
//! let invalid = UnprocessableEntity::ValidationError {
//!     violations: vec![FieldViolation { field: "url".into(), reason: "must not be empty".into() }],
//! };
//! assert_eq!(
//!     serde_json::to_string(&invalid)?,
//!     r#"{"error":"validation_error","message":"One or more inputs failed validation.","details":{"violations":[{"field":"url","reason":"must not be empty"}]}}"#,
//! );
//! # Ok(())
//! # }
//! ```
//!
//! A `number` param that is not finite cannot be sent (JSON has no NaN):
//! serializing the error fails with a message that names the param.
//!
//! # Features
//!
//! All off by default; each implements a framework's trait for every
//! generated enum and every `#[derive(ErrorCode)]` type:
//!
//! - `http`: `ErrorCode::status_code`, the status as an `http::StatusCode`;
//! - `axum`: `axum::response::IntoResponse` (axum 0.8): the error's status,
//!   `content-type: application/json` and the body `{"error", "message"}`,
//!   with `details` for a code with params, and `Retry-After: <seconds>`
//!   when its [`retry`](ErrorCode::retry) is [`Retry::After`]. An error
//!   that cannot be encoded (a `number` param that is NaN or infinite) is
//!   answered `500` with the body
//!   `{"error": "error_not_encodable", "message": <why>}`, without a panic;
//! - `actix-web`: `actix_web::ResponseError` (actix-web 4), the same response;
//! - `utoipa`: `utoipa::IntoResponses` (utoipa 6), so that
//!   `#[utoipa::path(responses(ApiError))]` documents every status with one
//!   named example per code, and `responses(Unauthorized)` documents 401;
//!   a code with params has a body of its own whose `details` are required
//!   (its example carries them), and a status with a `retry: after` code
//!   documents `Retry-After`. The types of `types:` implement
//!   `utoipa::ToSchema`: list them in `#[openapi(components(schemas(...)))]`
//!   so the document holds the schemas the details refer to.

#![cfg_attr(docsrs, feature(doc_cfg))]

mod body;
mod content;
mod details;
mod frameworks;
mod layout;
mod received;
mod retry;

use std::borrow::Cow;
use std::fmt;

pub use body::ErrorBody;
pub use received::Received;
pub use retry::Retry;

/// Generates status-grouped error enums from a catalogue file.
///
/// The path is a string literal, relative to the folder of the including
/// crate's `Cargo.toml`. The macro expands, where it is called, to:
///
/// - one enum per status that has codes, named after its reason phrase
///   (`Unauthorized`, `TooManyRequests`; a status's `name:` overrides it),
///   with one unit variant per code (`Unauthorized::InvalidToken`);
/// - a top-level enum, `ApiError` unless the file's `name:` says otherwise,
///   with one tuple variant per group (`ApiError::Unauthorized(..)`) and
///   `From<Group>` for each.
///
/// Every one of these enums has `const fn code`, `message`, `status` and
/// `retry`, `fn from_code(&str) -> Option<Self>`, `const ALL: &[Self]` and
/// `const CODES: &[&str]` (file order), and implements `ErrorCode`,
/// `Display` (the message), `Error`, `FromStr` (from the code, failing with
/// `UnknownCode`), serde's `Serialize` and `Deserialize` as the body
/// `{"error": code, "message": message}`, and
/// `Debug, Clone, Copy, PartialEq, Eq, Hash`. Each variant's documentation
/// shows its message, code and status. Generated code needs only the
/// `error-codes` crate as a dependency, not serde.
///
/// A code with `params:` is a struct variant instead, with one field per
/// param in file order (`string` → `String`, `integer` → `i64`, `number` →
/// `f64`, `boolean` → `bool`, `[T]` → `Vec<T>`, optional → `Option<T>`, a
/// keyword as a raw identifier), and each type of `types:` is a struct with
/// pub fields, `Debug, Clone, PartialEq` (and `Eq, Hash` without `f64`s in
/// it), and serde both ways. An enum with such a code, and the top-level
/// enum over one, has `code`, `message` (rendered from the fields, a
/// `Cow<'static, str>`), `status`, `retry` and `CODES`, serde with
/// `details` (reads are strict: a known code, and its details present and
/// well typed), and derives `Copy`, `Eq` and `Hash` only where its fields
/// allow; it has no `ALL`, `from_code` or `FromStr`. See the crate
/// documentation for an example.
///
/// Editing the file rebuilds the crate. A file with problems fails the build
/// with one error per problem, each at the path literal and naming the place
/// in the file as `path:line:column`.
///
/// ```
/// // `examples/errors.yaml` is shown in the crate documentation.
/// error_codes::include_errors!("examples/errors.yaml");
///
/// assert_eq!(Unauthorized::InvalidToken.code(), "invalid_token");
/// assert_eq!(NotFound::UserNotFound.status(), 404);
/// assert_eq!(ApiError::from_code("maintenance_mode").map(ApiError::status), Some(503));
/// assert_eq!(ApiError::ALL.len(), 4);
/// ```
pub use error_codes_macro::include_errors;

/// Implements `ErrorCode`, `Display` and `std::error::Error` for a hand-written enum.
///
/// Every variant is a unit variant with one `#[error_code(...)]` (the keys may
/// also be spread over several) holding:
///
/// - `status = 404`: the HTTP status, 400–599;
/// - `message = "..."`: the human-readable message, not empty; `Display`
///   prints it (and honours width and precision like `str` does);
/// - `code = "..."`, optional: the code as the API sends it, without
///   whitespace or control characters; by default the variant name in
///   `snake_case` (`UserNotFound` → `"user_not_found"`);
/// - `retry = "never"` or `retry = "backoff"`, optional: what
///   [`ErrorCode::retry`] gives, [`Retry::Never`] by default (`"after"` needs
///   the seconds in a field, which a unit variant has not, so it is refused:
///   declare such a code in a catalogue instead).
///
/// Codes must be unique within the enum. Anything else (a missing or unknown
/// key, a duplicate key or code, a status out of range, fields, generics, a
/// struct or union) is a compile error at the offending tokens; all problems
/// in the enum are reported at once. The impls name `::error_codes`, so the
/// crate must depend on `error-codes` under that name. They are marked
/// `#[automatically_derived]` and compile cleanly under
/// `#![deny(warnings, clippy::pedantic)]`.
///
/// ```
/// #[derive(Debug, Clone, Copy, error_codes::ErrorCode)]
/// enum Mine {
///     #[error_code(status = 404, message = "No such user.")] // code "user_not_found"
///     UserNotFound,
///     #[error_code(status = 409, code = "number-in-use", message = "Number in use.")]
///     NumberInUse,
///     #[error_code(status = 502, message = "Upstream down.", retry = "backoff")]
///     UpstreamDown,
/// }
///
/// use error_codes::{ErrorCode as _, Retry};
/// assert_eq!(Mine::UserNotFound.code(), "user_not_found");
/// assert_eq!(Mine::NumberInUse.to_string(), "Number in use.");
/// assert_eq!(Mine::UpstreamDown.retry(), Retry::Backoff);
/// ```
pub use error_codes_macro::ErrorCode;

/// An API error: a stable code, a human-readable message and an HTTP status.
///
/// Implemented by every enum that [`include_errors!`] generates and by
/// [`#[derive(ErrorCode)]`](macro@ErrorCode) for hand-written enums. Code that
/// handles any API error takes the trait:
///
/// ```
/// error_codes::include_errors!("examples/errors.yaml");
/// use error_codes::ErrorCode;
///
/// fn status_line(error: &dyn ErrorCode) -> String {
///     format!("{} {}", error.status(), error.code())
/// }
/// assert_eq!(status_line(&NotFound::UserNotFound), "404 user_not_found");
/// assert_eq!(status_line(&ApiError::from(Unauthorized::InvalidToken)), "401 invalid_token");
/// ```
pub trait ErrorCode {
    /// The code as the API sends it, e.g. `"invalid_token"`.
    fn code(&self) -> &'static str;
    /// The human-readable message, e.g. `"The API Token provided is invalid."`,
    /// with its placeholders filled in from the value's fields: what the
    /// body's `message` says. Borrowed when there is nothing to fill in.
    fn message(&self) -> Cow<'static, str>;
    /// The HTTP status, 400–599.
    fn status(&self) -> u16;

    /// How a client may retry the request that failed with this error; by
    /// default [`Retry::Never`], so impls written by hand need not say.
    ///
    /// ```
    /// use std::borrow::Cow;
    /// use error_codes::{ErrorCode, Retry};
    ///
    /// struct Busy;
    /// impl ErrorCode for Busy {
    ///     fn code(&self) -> &'static str { "busy" }
    ///     fn message(&self) -> Cow<'static, str> { Cow::Borrowed("Busy.") }
    ///     fn status(&self) -> u16 { 503 }
    /// }
    /// assert_eq!(Busy.retry(), Retry::Never);
    /// ```
    fn retry(&self) -> Retry {
        Retry::Never
    }

    /// The URL of the code's documentation: the code's own `docs:` in the
    /// catalogue, else the catalogue's `docs:` template filled in for it;
    /// `None` by default, so impls written by hand need not say.
    ///
    /// ```
    /// use std::borrow::Cow;
    /// use error_codes::ErrorCode;
    ///
    /// struct Busy;
    /// impl ErrorCode for Busy {
    ///     fn code(&self) -> &'static str { "busy" }
    ///     fn message(&self) -> Cow<'static, str> { Cow::Borrowed("Busy.") }
    ///     fn status(&self) -> u16 { 503 }
    /// }
    /// assert_eq!(Busy.docs(), None);
    /// ```
    fn docs(&self) -> Option<&'static str> {
        None
    }

    /// The HTTP status as an [`http::StatusCode`], for the crates built on
    /// `http` (axum, hyper, reqwest). Needs the `http` feature.
    ///
    /// ```
    /// error_codes::include_errors!("examples/errors.yaml");
    /// use error_codes::ErrorCode as _;
    /// use error_codes::http::StatusCode;
    ///
    /// assert_eq!(NotFound::UserNotFound.status_code(), StatusCode::NOT_FOUND);
    /// assert_eq!(ApiError::from(Unauthorized::InvalidToken).status_code(), StatusCode::UNAUTHORIZED);
    /// ```
    #[cfg(feature = "http")]
    #[cfg_attr(docsrs, doc(cfg(feature = "http")))]
    fn status_code(&self) -> http::StatusCode {
        // Generated and derived impls return 400–599; only a hand-written impl
        // could return a number outside the 100–999 that `http` accepts.
        http::StatusCode::from_u16(self.status()).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
    }
}

/// The `http` crate, at the version [`ErrorCode::status_code`] returns.
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub use http;

/// A code that names no known error, from `FromStr` or deserialization.
///
/// A status group's enum says which status it expected, since the code may
/// well belong to another one.
///
/// ```
/// # error_codes::include_errors!("examples/errors.yaml");
/// let error = "foo".parse::<ApiError>().unwrap_err();
/// assert_eq!(error.code(), "foo");
/// assert_eq!(error.to_string(), "unknown error code `foo`");
///
/// let error = "user_not_found".parse::<Unauthorized>().unwrap_err();
/// assert_eq!(error.to_string(), "`user_not_found` is not a 401 Unauthorized error code");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnknownCode {
    code: String,
    /// The status it was looked up under, e.g. `401 Unauthorized`.
    status: Option<&'static str>,
}

impl UnknownCode {
    /// The error for `code`, looked up among every code.
    #[must_use]
    pub fn new(code: &str) -> Self {
        Self {
            code: code.to_owned(),
            status: None,
        }
    }

    /// The error for `code`, looked up among the codes of one status, given
    /// as its status line, e.g. `"401 Unauthorized"`.
    ///
    /// ```
    /// let error = error_codes::UnknownCode::for_status("foo", "404 Not Found");
    /// assert_eq!(error.to_string(), "`foo` is not a 404 Not Found error code");
    /// ```
    #[must_use]
    pub fn for_status(code: &str, status: &'static str) -> Self {
        Self {
            code: code.to_owned(),
            status: Some(status),
        }
    }

    /// The code that was not recognized.
    #[must_use]
    pub fn code(&self) -> &str {
        &self.code
    }
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.status {
            Some(status) => write!(f, "`{}` is not a {status} error code", self.code),
            None => write!(f, "unknown error code `{}`", self.code),
        }
    }
}

impl std::error::Error for UnknownCode {}

/// Support for the code `include_errors!` generates; not a public API.
#[doc(hidden)]
pub mod __private {
    use std::fmt::{Display, Write};

    use serde_core::{Deserializer, Serialize, Serializer};

    use crate::{ErrorCode, UnknownCode};

    // Generated code names serde through this path so that users need no
    // serde dependency of their own, and their own `serde` cannot shadow it.
    // `serde` re-exports these very traits, so they are the ones its users
    // implement and call.
    pub use serde_core as serde;

    // The web framework hook, `frameworks::impl_frameworks!`, and its support.
    pub use crate::frameworks::support as frameworks;

    // How generated code writes and reads `details` and the types of `types:`.
    pub use crate::details::{
        Entries, Entry, EntryValue, Finite, Numbers, Object, OptEntry, Optional, Required, Slots,
        read_object,
    };

    pub use crate::layout::Layout;

    /// How the enums of a catalogue that declares its body's layout
    /// (`body:`) write and read it: see `layout.rs`.
    pub mod layout {
        pub use crate::layout::{
            Code, Details, Docs, Field, Fields, KeyIndex, Layout, Member, Message, Nest, Number,
            Obj, Object, Part, Parts, State, Status, Title, Write, deserialize, serialize,
        };
    }

    /// Serializes `error` as its [`ErrorBody`](crate::ErrorBody), without
    /// allocating.
    ///
    /// # Errors
    /// Whatever the serializer reports.
    #[inline] // Like `body::serialize`, into the generated `Serialize` impl.
    pub fn serialize<E, S>(error: &E, serializer: S) -> Result<S::Ok, S::Error>
    where
        E: ErrorCode + ?Sized,
        S: Serializer,
    {
        crate::body::serialize(error.code(), &error.message(), serializer)
    }

    /// Serializes a body with `details`, the params of its code: what the
    /// generated `Serialize` arm of a code with params calls, with the code
    /// and the message (a `&str`, or a [`Message`] to render) written in.
    ///
    /// # Errors
    /// Whatever the serializer reports, or a param that is a number but not
    /// finite.
    #[inline]
    pub fn serialize_with_details<M, T, S>(
        code: &str,
        message: &M,
        details: &T,
        serializer: S,
    ) -> Result<S::Ok, S::Error>
    where
        M: Serialize + ?Sized,
        T: Serialize + ?Sized,
        S: Serializer,
    {
        crate::body::serialize_with_details(code, message, details, serializer)
    }

    /// A piece of a message to render: text, or a param's value.
    #[derive(Clone, Copy)]
    pub enum Piece<'a> {
        /// Text of the catalogue, or a `string` param.
        Text(&'a str),
        /// An `integer` param.
        Integer(i64),
        /// A `number` param, written as its `Display` writes it.
        Number(f64),
        /// A `boolean` param.
        Boolean(bool),
    }

    /// A message with its placeholders filled in, written piece by piece:
    /// serializing it writes the text into the serializer without building
    /// a `String` first.
    pub struct Message<'a>(pub &'a [Piece<'a>]);

    impl Display for Message<'_> {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write_pieces(self.0, f)
        }
    }

    impl Serialize for Message<'_> {
        /// Renders into a buffer on the stack and writes that as one string;
        /// a message too long for it is written piece by piece instead.
        #[inline]
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut buffer = Buffer {
                bytes: [0; Buffer::CAPACITY],
                len: 0,
            };
            if write_pieces(self.0, &mut buffer).is_ok()
                && let Ok(text) = std::str::from_utf8(&buffer.bytes[..buffer.len])
            {
                return serializer.serialize_str(text);
            }
            serializer.collect_str(self)
        }
    }

    /// Text written into a fixed array, which refuses what does not fit.
    struct Buffer {
        bytes: [u8; Self::CAPACITY],
        len: usize,
    }

    impl Buffer {
        /// Room for the messages of most catalogues.
        const CAPACITY: usize = 128;
    }

    impl Buffer {
        #[inline]
        fn push(&mut self, bytes: &[u8]) -> std::fmt::Result {
            let end = self.len + bytes.len();
            let room = self.bytes.get_mut(self.len..end).ok_or(std::fmt::Error)?;
            room.copy_from_slice(bytes);
            self.len = end;
            Ok(())
        }
    }

    impl Write for Buffer {
        #[inline]
        fn write_str(&mut self, text: &str) -> std::fmt::Result {
            self.push(text.as_bytes())
        }
    }

    /// Where a message is rendered: `write_ascii` takes bytes known to be
    /// ASCII, which the buffer copies without checking them.
    trait Out: Write {
        fn write_ascii(&mut self, ascii: &[u8]) -> std::fmt::Result {
            self.write_str(std::str::from_utf8(ascii).unwrap_or_default())
        }
    }

    impl Out for std::fmt::Formatter<'_> {}

    impl Out for String {}

    impl Out for Buffer {
        #[inline]
        fn write_ascii(&mut self, ascii: &[u8]) -> std::fmt::Result {
            self.push(ascii)
        }
    }

    /// Writes the pieces of a message, in order.
    #[inline]
    fn write_pieces(pieces: &[Piece<'_>], out: &mut impl Out) -> std::fmt::Result {
        for piece in pieces {
            match *piece {
                Piece::Text(text) => out.write_str(text)?,
                Piece::Integer(value) => write_integer(out, value)?,
                Piece::Number(value) => write!(out, "{value}")?,
                Piece::Boolean(value) => out.write_str(if value { "true" } else { "false" })?,
            }
        }
        Ok(())
    }

    /// Writes the decimal digits of `value`, as `Display` writes them but
    /// without the padding and flags of `Formatter::pad_integral`, which a
    /// message never uses.
    #[inline]
    fn write_integer(out: &mut impl Out, value: i64) -> std::fmt::Result {
        let mut digits = [b'-'; 20];
        let mut start = digits.len();
        let mut rest = value.unsigned_abs();
        loop {
            start -= 1;
            // The remainder of a division by 10 is one digit.
            digits[start] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if value < 0 {
            // The sign is already there: the array was filled with it.
            start -= 1;
        }
        out.write_ascii(&digits[start..])
    }

    /// A message with its placeholders filled in.
    #[must_use]
    pub fn render(pieces: &[Piece<'_>]) -> String {
        // The text, and room for a number in each value.
        let capacity = pieces
            .iter()
            .map(|piece| match piece {
                Piece::Text(text) => text.len(),
                _ => 20,
            })
            .sum();
        let mut text = String::with_capacity(capacity);
        // Writing into a `String` cannot fail.
        let _ = write_pieces(pieces, &mut text);
        text
    }

    /// What a code read from a body is: a value, or the index of a code that
    /// needs its details to become one.
    pub enum Lookup<E> {
        /// A code without params.
        Value(E),
        /// A code with params: its index for [`Decode::details`].
        Details(usize),
    }

    /// How a body's code and details become a value of the type: what
    /// [`Received`](crate::Received) and the strict reads of generated enums
    /// with param codes use. Implemented by every generated enum with param
    /// codes, and for every type that parses codes with `FromStr` (the
    /// generated enums without them, and any written by hand), which has
    /// no details to read.
    pub trait Decode: Sized {
        /// The layout of the type's bodies when its catalogue declares one
        /// (`body:`), which [`Received`](crate::Received) reads and writes;
        /// `None` for the default body, `{"error", "message", "details"}`.
        const LAYOUT: Option<&'static crate::layout::Layout> = None;

        /// The code's value, or the index of a code with params.
        ///
        /// # Errors
        /// A code the type does not know.
        fn lookup(code: &str) -> Result<Lookup<Self>, UnknownCode>;

        /// The code's value, or the index of a code with params, from the
        /// JSON number that a layout with integer codes sends it as. By
        /// default its digits, written on the stack, are looked up as
        /// text; generated enums match the number itself.
        ///
        /// # Errors
        /// A code the type does not know.
        #[inline]
        fn lookup_number(code: u64) -> Result<Lookup<Self>, UnknownCode> {
            Self::lookup(crate::layout::Digits::new(code, false).as_str())
        }

        /// The value of the code at `index` (from [`lookup`](Self::lookup))
        /// with the given details.
        ///
        /// # Errors
        /// Details that are not an object of the code's params, well typed.
        fn details<'de, D: Deserializer<'de>>(index: usize, details: D) -> Result<Self, D::Error>;
    }

    // A generated enum with param codes does not implement `FromStr`, so its
    // own `Decode` impl does not overlap this one.
    impl<E: std::str::FromStr> Decode for E {
        fn lookup(code: &str) -> Result<Lookup<Self>, UnknownCode> {
            code.parse()
                .map(Lookup::Value)
                .map_err(|_| UnknownCode::new(code))
        }

        fn details<'de, D: Deserializer<'de>>(_: usize, _: D) -> Result<Self, D::Error> {
            // `lookup` never gives an index.
            Err(serde_core::de::Error::custom("this type reads no details"))
        }
    }

    /// Reads a body into `E`, a generated enum with param codes: strict
    /// about the code and the details, lenient about the message.
    ///
    /// # Errors
    /// A malformed body, a code that `E` does not know, or the details of a
    /// code with params missing or of the wrong shape.
    pub fn deserialize_decoded<'de, D, E>(deserializer: D) -> Result<E, D::Error>
    where
        D: Deserializer<'de>,
        E: Decode,
    {
        crate::body::deserialize_decoded(deserializer)
    }

    /// Looks `code` up in a table that `error_codes_gen::rust` built: see
    /// `lookup_slots` there. `all` is `Self::ALL`, `code_of` is `Self::code`.
    pub fn lookup<T: Copy>(
        code: &str,
        slots: &[u32],
        all: &[T],
        code_of: impl Fn(T) -> &'static str,
    ) -> Option<T> {
        let index = lookup_index(code, slots, |index| code_of(all[index]))?;
        Some(all[index])
    }

    /// The index of `code` among `codes` (`Self::CODES`), looked up in a
    /// table that `error_codes_gen::rust` built, as [`lookup`] does.
    #[must_use]
    pub fn lookup_code(code: &str, slots: &[u32], codes: &[&str]) -> Option<usize> {
        lookup_index(code, slots, |index| codes[index])
    }

    fn lookup_index<'a>(
        code: &str,
        slots: &[u32],
        code_at: impl Fn(usize) -> &'a str,
    ) -> Option<usize> {
        let mask = slots.len() - 1;
        let mut slot = slot_of(code_hash(code), mask);
        // The table is at most half full, so an empty slot ends every probe.
        loop {
            let index = usize::try_from(slots[slot].checked_sub(1)?).ok()?;
            if code_at(index) == code {
                return Some(index);
            }
            slot = (slot + 1) & mask;
        }
    }
    fn slot_of(hash: u64, mask: usize) -> usize {
        // Masking first keeps the value below `slots.len()`, so it fits.
        usize::try_from(hash & mask as u64).unwrap_or_default()
    }

    /// The hash of the lookup tables; identical to
    /// `error_codes_gen::rust::code_hash`, which built them.
    #[must_use]
    #[inline]
    pub fn code_hash(code: &str) -> u64 {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut hash = code.len() as u64;
        let mut words = code.as_bytes().chunks_exact(8);
        for word in &mut words {
            // An exact chunk of 8 converts to one little-endian load.
            let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
            hash = (hash.rotate_left(5) ^ word).wrapping_mul(K);
        }
        let tail = words.remainder();
        if !tail.is_empty() {
            // The last word, zero-padded; built by hand because a
            // variable-length copy into an array would call `memcpy`.
            let word = tail
                .iter()
                .rev()
                .fold(0, |word, &byte| (word << 8) | u64::from(byte));
            hash = (hash.rotate_left(5) ^ word).wrapping_mul(K);
        }
        // Fold the well-mixed high bits into the low bits the table uses.
        let hash = (hash ^ (hash >> 33)).wrapping_mul(0xFF51_AFD7_ED55_8CCD);
        hash ^ (hash >> 33)
    }

    /// Reads an [`ErrorBody`](crate::ErrorBody) and parses its code with
    /// `E`'s `FromStr`, without allocating.
    ///
    /// The message is not compared with the catalogue's: servers may
    /// localize it.
    ///
    /// # Errors
    /// A malformed body, or a code that `E` does not know.
    pub fn deserialize<'de, D, E>(deserializer: D) -> Result<E, D::Error>
    where
        D: Deserializer<'de>,
        E: std::str::FromStr<Err = UnknownCode>,
    {
        crate::body::deserialize_code(deserializer)
    }
}
