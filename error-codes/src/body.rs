//! The wire body `{"error": <code>, "message": <text>, "details": {...}}`
//! and its serde impls.
//!
//! Written by hand rather than derived, so that this crate, which every user
//! compiles, needs no `serde_derive` (and no `syn` beyond what the macros
//! need). They behave as derived impls would: fields in any order, unknown
//! fields ignored, missing or repeated fields and non-string values rejected,
//! and a two-element sequence accepted from formats that write structs so.

use std::fmt;
use std::marker::PhantomData;

use serde_core::de::{
    self, Deserialize, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde_core::ser::{Serialize, SerializeStruct as _, Serializer};

use crate::__private::{Decode, Lookup};
use crate::content::{Content, ContentDeserializer};
use crate::{ErrorCode, UnknownCode};

/// The name every body is serialized under, for formats that write it.
const NAME: &str = "ErrorBody";
const FIELDS: &[&str] = &["error", "message"];
/// The fields of a body whose code may have params.
const FIELDS_WITH_DETAILS: &[&str] = &["error", "message", "details"];

/// The body of every error response: `{"error": <code>, "message": <text>}`.
///
/// A code with params also sends `details`, which `ErrorBody` ignores when
/// reading and does not hold; [`Received`](crate::Received) keeps them.
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
            message: error.message().into_owned(),
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

/// Serializes the body of `error` and `message` with `details`, the code's
/// params as an object.
#[inline]
pub(crate) fn serialize_with_details<S, M, T>(
    error: &str,
    message: &M,
    details: &T,
    serializer: S,
) -> Result<S::Ok, S::Error>
where
    S: Serializer,
    M: Serialize + ?Sized,
    T: Serialize + ?Sized,
{
    let mut body = serializer.serialize_struct(NAME, 3)?;
    body.serialize_field("error", error)?;
    body.serialize_field("message", message)?;
    body.serialize_field("details", details)?;
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
            Field::Details | Field::Other => {
                map.next_value::<IgnoredAny>()?;
            }
        }
    }
    let error = error.ok_or_else(|| de::Error::missing_field("error"))?;
    let message = message.ok_or_else(|| de::Error::missing_field("message"))?;
    Ok((error, message))
}

/// A key of the body.
pub(crate) enum Field {
    Error,
    Message,
    Details,
    Other,
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(FieldVisitor)
    }
}

/// A key of the body read inline: in the reader of bodies with details it
/// saves a call per key, which the plain reader does not gain from.
struct InlineField;

impl<'de> DeserializeSeed<'de> for InlineField {
    type Value = Field;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Field, D::Error> {
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
            b"details" => Field::Details,
            _ => Field::Other,
        })
    }

    fn visit_u64<E: de::Error>(self, index: u64) -> Result<Field, E> {
        Ok(match index {
            0 => Field::Error,
            1 => Field::Message,
            2 => Field::Details,
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
pub(crate) struct Text;

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
pub(crate) fn utf8<'a, E: de::Error>(
    bytes: &'a [u8],
    expected: &dyn de::Expected,
) -> Result<&'a str, E> {
    std::str::from_utf8(bytes)
        .map_err(|_| de::Error::invalid_value(de::Unexpected::Bytes(bytes), expected))
}

/// Reads a body into `E`, a generated enum with param codes, strictly: a
/// known code, a string message, and for a code with params its `details`,
/// present and well-typed. Fields come in any order: `details` read before
/// the code is held as [`Content`] and decoded once the code is known;
/// after it, it is decoded as it is read. A code without params ignores any
/// `details`.
pub(crate) fn deserialize_decoded<'de, D, E>(deserializer: D) -> Result<E, D::Error>
where
    D: Deserializer<'de>,
    E: Decode,
{
    deserializer.deserialize_struct(NAME, FIELDS_WITH_DETAILS, DecodedVisitor(PhantomData))
}

struct DecodedVisitor<E>(PhantomData<fn() -> E>);

/// What became of the `details` field.
pub(crate) enum Details<E> {
    /// Decoded into the value.
    Value(E),
    /// Held until the code is known.
    Pending(Content),
    /// Skipped: the code has no params, or is unknown.
    Ignored,
}

impl<'de, E: Decode> Visitor<'de> for DecodedVisitor<E> {
    type Value = E;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct ErrorBody")
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<E, A::Error> {
        let mut code: Option<Result<Lookup<E>, UnknownCode>> = None;
        let mut message = false;
        let mut details: Option<Details<E>> = None;
        while let Some(field) = map.next_key_seed(InlineField)? {
            match field {
                Field::Error if code.is_some() => return Err(de::Error::duplicate_field("error")),
                Field::Error => {
                    let found = map.next_value::<Looked<E>>()?.0;
                    if let (Ok(Lookup::Details(index)), Some(Details::Pending(content))) =
                        (&found, &details)
                    {
                        let value =
                            E::details(*index, ContentDeserializer::<A::Error>::new(content))?;
                        details = Some(Details::Value(value));
                    }
                    code = Some(found);
                }
                Field::Message if message => return Err(de::Error::duplicate_field("message")),
                Field::Message => {
                    map.next_value::<Text>()?;
                    message = true;
                }
                Field::Details if details.is_some() => {
                    return Err(de::Error::duplicate_field("details"));
                }
                Field::Details => {
                    details = Some(match &code {
                        Some(Ok(Lookup::Details(index))) => {
                            Details::Value(map.next_value_seed(DetailsSeed::<E>::new(*index))?)
                        }
                        Some(_) => {
                            map.next_value::<IgnoredAny>()?;
                            Details::Ignored
                        }
                        None => Details::Pending(map.next_value()?),
                    });
                }
                Field::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let code = code.ok_or_else(|| de::Error::missing_field("error"))?;
        if !message {
            return Err(de::Error::missing_field("message"));
        }
        match code.map_err(de::Error::custom)? {
            Lookup::Value(value) => Ok(value),
            Lookup::Details(_) => match details {
                Some(Details::Value(value)) => Ok(value),
                _ => Err(de::Error::missing_field("details")),
            },
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<E, A::Error> {
        let expected = &"struct ErrorBody with 2 or 3 elements";
        let code = seq
            .next_element::<Looked<E>>()?
            .ok_or_else(|| de::Error::invalid_length(0, expected))?;
        seq.next_element::<Text>()?
            .ok_or_else(|| de::Error::invalid_length(1, expected))?;
        match code.0.map_err(de::Error::custom)? {
            Lookup::Value(value) => Ok(value),
            Lookup::Details(index) => seq
                .next_element_seed(DetailsSeed::<E>::new(index))?
                .ok_or_else(|| de::Error::invalid_length(2, expected)),
        }
    }
}

/// A code looked up with [`Decode::lookup`] as it is read.
struct Looked<E>(Result<Lookup<E>, UnknownCode>);

impl<'de, E: Decode> Deserialize<'de> for Looked<E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(LookedVisitor(PhantomData))
    }
}

struct LookedVisitor<E>(PhantomData<fn() -> E>);

impl<E: Decode> Visitor<'_> for LookedVisitor<E> {
    type Value = Looked<E>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<Error: de::Error>(self, code: &str) -> Result<Self::Value, Error> {
        Ok(Looked(E::lookup(code)))
    }

    fn visit_bytes<Error: de::Error>(self, code: &[u8]) -> Result<Self::Value, Error> {
        let code = utf8(code, &self)?;
        self.visit_str(code)
    }
}

/// The details of the code at `index`, decoded as they are read.
pub(crate) struct DetailsSeed<E>(usize, PhantomData<fn() -> E>);

impl<E> DetailsSeed<E> {
    pub(crate) fn new(index: usize) -> Self {
        Self(index, PhantomData)
    }
}

impl<'de, E: Decode> DeserializeSeed<'de> for DetailsSeed<E> {
    type Value = E;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<E, D::Error> {
        E::details(self.0, deserializer)
    }
}
