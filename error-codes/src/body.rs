//! The wire body `{"error": <code>, "message": <text>}` and its serde impls.
//!
//! Written by hand rather than derived, so that this crate, which every user
//! compiles, needs no `serde_derive` (and no `syn` beyond what the macros
//! need). They behave as derived impls would: fields in any order, unknown
//! fields ignored, missing or repeated fields and non-string values rejected,
//! and a two-element sequence accepted from formats that write structs so.

use std::fmt;
use std::marker::PhantomData;

use serde_core::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_core::ser::{Serialize, SerializeStruct as _, Serializer};

use crate::{ErrorCode, UnknownCode};

/// The name every body is serialized under, for formats that write it.
const NAME: &str = "ErrorBody";
const FIELDS: &[&str] = &["error", "message"];

/// The body of every error response: `{"error": <code>, "message": <text>}`.
///
/// Generated error enums serialize to this shape directly; `ErrorBody` is for
/// code that handles bodies without knowing their codes, such as a client
/// reading a response from a newer server or a proxy passing errors on.
///
/// ```
/// use error_codes::ErrorBody;
///
/// let body: ErrorBody =
///     serde_json::from_str(r#"{"error":"invalid_token","message":"The API Token provided is invalid."}"#)?;
/// assert_eq!(body.error, "invalid_token");
/// assert_eq!(body.message, "The API Token provided is invalid.");
/// assert_eq!(
///     serde_json::to_string(&body)?,
///     r#"{"error":"invalid_token","message":"The API Token provided is invalid."}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ErrorBody {
    /// The error code, e.g. `"invalid_token"`.
    pub error: String,
    /// The human-readable message; servers may localize it.
    pub message: String,
}

impl ErrorBody {
    /// The body an error is sent as.
    ///
    /// ```
    /// # error_codes::include_errors!("examples/errors.yaml");
    /// let body = error_codes::ErrorBody::new(&NotFound::UserNotFound);
    /// assert_eq!((body.error.as_str(), body.message.as_str()), ("user_not_found", "No such user."));
    /// ```
    #[must_use]
    pub fn new<E: ErrorCode + ?Sized>(error: &E) -> Self {
        Self {
            error: error.code().to_owned(),
            message: error.message().to_owned(),
        }
    }
}

impl Serialize for ErrorBody {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize(&self.error, &self.message, serializer)
    }
}

impl<'de> Deserialize<'de> for ErrorBody {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (error, message) = deserialize_body::<D, String, String>(deserializer)?;
        Ok(Self { error, message })
    }
}

/// Serializes the body of `error` and `message`, borrowing both.
///
/// Inlined into each caller, as a derived impl's body is, so that a generated
/// enum's body costs what a derived struct's does (`cargo xtask bench`
/// compares them).
#[inline]
pub(crate) fn serialize<S: Serializer>(
    error: &str,
    message: &str,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut body = serializer.serialize_struct(NAME, 2)?;
    body.serialize_field("error", error)?;
    body.serialize_field("message", message)?;
    body.end()
}

/// Reads a body whose code `E` knows, without allocating: the code is looked
/// up where the deserializer lends it, and the message, which is not compared
/// with the catalogue's (servers may localize it), is only checked to be text.
pub(crate) fn deserialize_code<'de, D, E>(deserializer: D) -> Result<E, D::Error>
where
    D: Deserializer<'de>,
    E: std::str::FromStr<Err = UnknownCode>,
{
    let (code, Text) = deserialize_body::<D, Code<E>, Text>(deserializer)?;
    code.0.map_err(de::Error::custom)
}

/// Reads the `error` field as `C` and the `message` field as `M`.
fn deserialize_body<'de, D, C, M>(deserializer: D) -> Result<(C, M), D::Error>
where
    D: Deserializer<'de>,
    C: Deserialize<'de>,
    M: Deserialize<'de>,
{
    deserializer.deserialize_struct(NAME, FIELDS, BodyVisitor(PhantomData))
}

struct BodyVisitor<C, M>(PhantomData<(C, M)>);

impl<'de, C: Deserialize<'de>, M: Deserialize<'de>> Visitor<'de> for BodyVisitor<C, M> {
    type Value = (C, M);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // As a derived impl says it, so messages do not change with the impl.
        f.write_str("struct ErrorBody")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        read_fields(map)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let expected = &"struct ErrorBody with 2 elements";
        let error = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(0, expected))?;
        let message = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(1, expected))?;
        Ok((error, message))
    }
}

/// Reads the `error` field as `C` and the `message` field as `M` from a map:
/// in any order, each exactly once, other fields ignored.
pub(crate) fn read_fields<'de, A, C, M>(mut map: A) -> Result<(C, M), A::Error>
where
    A: MapAccess<'de>,
    C: Deserialize<'de>,
    M: Deserialize<'de>,
{
    let (mut error, mut message) = (None, None);
    while let Some(field) = map.next_key()? {
        match field {
            Field::Error if error.is_some() => return Err(de::Error::duplicate_field("error")),
            Field::Error => error = Some(map.next_value()?),
            Field::Message if message.is_some() => {
                return Err(de::Error::duplicate_field("message"));
            }
            Field::Message => message = Some(map.next_value()?),
            Field::Other => {
                map.next_value::<IgnoredAny>()?;
            }
        }
    }
    let error = error.ok_or_else(|| de::Error::missing_field("error"))?;
    let message = message.ok_or_else(|| de::Error::missing_field("message"))?;
    Ok((error, message))
}

/// A key of the body.
enum Field {
    Error,
    Message,
    Other,
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(FieldVisitor)
    }
}

struct FieldVisitor;

impl Visitor<'_> for FieldVisitor {
    type Value = Field;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Field, E> {
        self.visit_bytes(name.as_bytes())
    }

    fn visit_bytes<E: de::Error>(self, name: &[u8]) -> Result<Field, E> {
        Ok(match name {
            b"error" => Field::Error,
            b"message" => Field::Message,
            _ => Field::Other,
        })
    }

    fn visit_u64<E: de::Error>(self, index: u64) -> Result<Field, E> {
        Ok(match index {
            0 => Field::Error,
            1 => Field::Message,
            _ => Field::Other,
        })
    }
}

/// A code looked up as it is read; an unknown one is reported only once the
/// whole body has been read, so a malformed body is reported as such.
struct Code<E>(Result<E, UnknownCode>);

impl<'de, E: std::str::FromStr<Err = UnknownCode>> Deserialize<'de> for Code<E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(CodeVisitor(PhantomData))
    }
}

struct CodeVisitor<E>(PhantomData<E>);

impl<E: std::str::FromStr<Err = UnknownCode>> Visitor<'_> for CodeVisitor<E> {
    type Value = Code<E>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<Error: de::Error>(self, code: &str) -> Result<Self::Value, Error> {
        Ok(Code(code.parse()))
    }

    fn visit_bytes<Error: de::Error>(self, code: &[u8]) -> Result<Self::Value, Error> {
        let code = utf8(code, &self)?;
        self.visit_str(code)
    }
}

/// A string whose value is not needed.
struct Text;

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(Text)
    }
}

impl Visitor<'_> for Text {
    type Value = Self;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self, E> {
        Ok(Self)
    }

    fn visit_bytes<E: de::Error>(self, text: &[u8]) -> Result<Self, E> {
        utf8(text, &self).map(|_| Self)
    }
}

/// Text sent as bytes, accepted when it is UTF-8, as `String` accepts it.
fn utf8<'a, E: de::Error>(bytes: &'a [u8], expected: &dyn de::Expected) -> Result<&'a str, E> {
    std::str::from_utf8(bytes)
        .map_err(|_| de::Error::invalid_value(de::Unexpected::Bytes(bytes), expected))
}
