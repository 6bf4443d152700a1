//! [`Received`]: an error body as a client reads it, which may carry a code
//! from a newer catalogue than the client was built with.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde_core::de::{Deserializer, MapAccess, Visitor};
use serde_core::ser::Serializer;

/// An error response body as received: `{"error": <code>, "message": <text>}`
/// with any code, known to `E` or not.
///
/// A server adds a code; clients built against the older catalogue must keep
/// running. Deserializing a generated enum such as `ApiError` fails on a code
/// it does not know; `Received<ApiError>` does not. It reads any well-formed
/// body (other fields are ignored), keeps the code and the message exactly as
/// sent, and [`known`](Self::known) gives the catalogue's value when the code
/// is one `E` knows. A body that is not an object, or lacks a string `error`
/// or `message`, is a deserialization error that says so.
///
/// ```
/// error_codes::include_errors!("examples/errors.yaml");
/// use error_codes::Received;
///
/// // A code the client knows, with a message the server localized.
/// let body: Received<ApiError> =
///     serde_json::from_str(r#"{"error":"invalid_token","message":"Jeton invalide."}"#)?;
/// assert_eq!(body.known(), Some(ApiError::Unauthorized(Unauthorized::InvalidToken)));
/// assert_eq!(body.message(), "Jeton invalide.");
///
/// // A code added to the server's catalogue after this client was built.
/// let body: Received<ApiError> = serde_json::from_str(
///     r#"{"error":"quota_frozen","message":"Your quota is frozen.","request_id":"r-17"}"#,
/// )?;
/// assert_eq!(body.known(), None);
/// assert_eq!((body.code(), body.message()), ("quota_frozen", "Your quota is frozen."));
///
/// // Not an error body at all.
/// let error = serde_json::from_str::<Received<ApiError>>(r#"{"error":"invalid_token"}"#).unwrap_err();
/// assert_eq!(error.to_string(), "missing field `message` at line 1 column 25");
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// `E` is any type whose `FromStr` parses codes, as every enum that
/// [`include_errors!`](crate::include_errors) generates does. Serializing a
/// `Received` writes the body back as it came (code and message only), so a
/// proxy can pass an error on unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Received<E> {
    code: String,
    message: String,
    known: Option<E>,
}

impl<E> Received<E> {
    /// The catalogue's value for the code, or `None` when the code is not one
    /// `E` knows (typically one the server added later).
    ///
    /// ```
    /// # error_codes::include_errors!("examples/errors.yaml");
    /// # let body: error_codes::Received<ApiError> =
    /// #     serde_json::from_str(r#"{"error":"maintenance_mode","message":"Back soon."}"#).unwrap();
    /// match body.known() {
    ///     Some(ApiError::ServiceUnavailable(_)) => { /* retry later */ }
    ///     Some(_) => { /* handle the others by code */ }
    ///     None => { /* a newer code: fall back on the HTTP status */ }
    /// }
    /// ```
    #[must_use]
    pub fn known(&self) -> Option<E>
    where
        E: Clone,
    {
        self.known.clone()
    }

    /// The code as sent, known or not.
    #[must_use]
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The message as sent; servers may localize it, so it can differ from the
    /// catalogue's.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// The message, as sent.
impl<E> fmt::Display for Received<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.message)
    }
}

impl<E: fmt::Debug> std::error::Error for Received<E> {}

/// As the body it was read from: `{"error": code, "message": message}`.
impl<E> serde_core::Serialize for Received<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::body::serialize(&self.code, &self.message, serializer)
    }
}

/// From any body with a string `error` and a string `message`; other fields
/// are ignored, and the code need not be one `E` knows.
impl<'de, E: FromStr> serde_core::Deserialize<'de> for Received<E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A map, not a struct: formats such as JSON also hand a struct
        // visitor arrays, and `["code", "text"]` is no error body.
        deserializer.deserialize_map(BodyVisitor(PhantomData))
    }
}

struct BodyVisitor<E>(PhantomData<fn() -> E>);

impl<'de, E: FromStr> Visitor<'de> for BodyVisitor<E> {
    type Value = Received<E>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(r#"an error body {"error": <code>, "message": <text>}"#)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let (code, message): (String, String) = crate::body::read_fields(map)?;
        Ok(Received {
            known: code.parse().ok(),
            code,
            message,
        })
    }
}
