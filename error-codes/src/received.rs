//! [`Received`]: an error body as a client reads it, which may carry a code
//! from a newer catalogue than the client was built with.

use std::fmt;
use std::marker::PhantomData;

use serde_core::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_core::ser::Serializer;

use crate::__private::{Decode, Lookup};
use crate::body::Field;
use crate::content::{Content, ContentDeserializer};

/// An error response body as received: `{"error": <code>, "message": <text>}`
/// (with `details` when the code has params) with any code, known to `E` or
/// not.
///
/// A server adds a code; clients built against the older catalogue must keep
/// running. Deserializing a generated enum such as `ApiError` fails on a code
/// it does not know; `Received<ApiError>` does not. It reads any well-formed
/// body (other fields are ignored), keeps the code and the message exactly as
/// sent, and [`known`](Self::known) gives the catalogue's value when the code
/// is one `E` knows. A body that is not an object, or lacks a string `error`
/// or `message`, is a deserialization error that says so.
///
/// `details` never make a body fail: for a code whose params `E` knows,
/// [`known`](Self::known) is `None` when they are missing or of another
/// shape (as from a server built on another version of the catalogue),
/// while [`code`](Self::code) and [`message`](Self::message) still give what
/// was sent.
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
/// `E` is any enum that [`include_errors!`](crate::include_errors)
/// generates, or any type whose `FromStr` parses codes. Serializing a
/// `Received` writes the body back as it came (code, message and details, if
/// any), so a proxy can pass an error on unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Received<E> {
    code: String,
    message: String,
    /// The `details` as sent, if any.
    details: Option<Content>,
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

/// As the body it was read from: `{"error": code, "message": message}`, and
/// `details` when it had them.
impl<E> serde_core::Serialize for Received<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.details {
            Some(details) => {
                crate::body::serialize_with_details(&self.code, &self.message, details, serializer)
            }
            None => crate::body::serialize(&self.code, &self.message, serializer),
        }
    }
}

/// From any body with a string `error` and a string `message`; other fields
/// are ignored, and the code need not be one `E` knows, nor its details of
/// the shape `E` expects.
impl<'de, E: Decode> serde_core::Deserialize<'de> for Received<E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A map, not a struct: formats such as JSON also hand a struct
        // visitor arrays, and `["code", "text"]` is no error body.
        deserializer.deserialize_map(BodyVisitor(PhantomData))
    }
}

struct BodyVisitor<E>(PhantomData<fn() -> E>);

impl<'de, E: Decode> Visitor<'de> for BodyVisitor<E> {
    type Value = Received<E>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(r#"an error body {"error": <code>, "message": <text>}"#)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut code, mut message, mut details) = (None, None, None);
        while let Some(field) = map.next_key()? {
            match field {
                Field::Error if code.is_some() => return Err(de::Error::duplicate_field("error")),
                Field::Error => code = Some(map.next_value::<String>()?),
                Field::Message if message.is_some() => {
                    return Err(de::Error::duplicate_field("message"));
                }
                Field::Message => message = Some(map.next_value::<String>()?),
                Field::Details if details.is_some() => {
                    return Err(de::Error::duplicate_field("details"));
                }
                Field::Details => details = Some(map.next_value::<Content>()?),
                Field::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let code = code.ok_or_else(|| de::Error::missing_field("error"))?;
        let message = message.ok_or_else(|| de::Error::missing_field("message"))?;
        let known = match E::lookup(&code) {
            Ok(Lookup::Value(value)) => Some(value),
            // Decoded from the copy we hold: an error in it leaves the
            // body read, with no known value.
            Ok(Lookup::Details(index)) => details.as_ref().and_then(|details| {
                E::details(index, ContentDeserializer::<de::value::Error>::new(details)).ok()
            }),
            Err(_) => None,
        };
        Ok(Received {
            code,
            message,
            details,
            known,
        })
    }
}
