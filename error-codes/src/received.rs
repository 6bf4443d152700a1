//! [`Received`]: an error body as a client reads it, which may carry a code
//! from a newer catalogue than the client was built with.

use std::fmt;
use std::marker::PhantomData;

use serde_core::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_core::ser::{Serialize, SerializeMap as _, Serializer};

use crate::__private::{Decode, Lookup};
use crate::body::{Field, utf8};
use crate::content::{Content, ContentDeserializer};
use crate::layout::{Digits, Layout, Object, Part};

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
///
/// # Declared layouts
///
/// The enums of a catalogue that declares its body's layout (`body:`) are
/// read in that layout: the code and the message wherever it puts them (an
/// integer code, sent as a JSON number, is kept as its digits), and the
/// status, documentation URL and title when it has them and the body sends
/// them. The details are the member it names, or for a layout that spreads
/// them, every other member of that object. The body is written back in
/// the same layout. Types written by hand keep the default body.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Received<E> {
    code: String,
    message: String,
    /// The `details` as sent, if any (the members spread into an object, as
    /// a map, for a layout that spreads them).
    details: Option<Content>,
    known: Option<E>,
    /// The declared layout the body was read in, with what it sent beyond
    /// the default body's parts; `None` for the default body (boxed, so
    /// that reading one costs what it did before layouts existed).
    layout: Option<Box<InLayout>>,
}

/// A body read in a declared layout: the layout, and the parts only such a
/// layout carries, as sent.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct InLayout {
    layout: &'static Layout,
    status: Option<u16>,
    docs: Option<String>,
    title: Option<String>,
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

    /// The HTTP status as the body sent it, for a layout with a `status:`
    /// member; `None` when it has none or the body left it out.
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        self.layout.as_ref().and_then(|sent| sent.status)
    }

    /// The documentation URL as the body sent it, for a layout with a
    /// `docs:` member; `None` when it has none or the body left it out.
    #[must_use]
    pub fn docs(&self) -> Option<&str> {
        self.layout.as_ref().and_then(|sent| sent.docs.as_deref())
    }

    /// The title as the body sent it, for a layout with a `title:` member;
    /// `None` when it has none or the body left it out.
    #[must_use]
    pub fn title(&self) -> Option<&str> {
        self.layout.as_ref().and_then(|sent| sent.title.as_deref())
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
/// `details` when it had them; or in the declared layout it was read in.
impl<E> serde_core::Serialize for Received<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let Some(sent) = &self.layout {
            return self.serialize_in(sent, serializer);
        }
        match &self.details {
            Some(details) => {
                crate::body::serialize_with_details(&self.code, &self.message, details, serializer)
            }
            None => crate::body::serialize(&self.code, &self.message, serializer),
        }
    }
}

impl<E> Received<E> {
    /// Writes the body back in the declared layout it was read in: out of
    /// line, so that the default body's writer is what it was before
    /// layouts existed.
    #[cold]
    #[inline(never)]
    fn serialize_in<S: Serializer>(
        &self,
        sent: &InLayout,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        Written {
            object: &sent.layout.body,
            integer: sent.layout.integer,
            received: self,
            sent,
        }
        .serialize(serializer)
    }
}

/// From any body with a string `error` and a string `message`; other fields
/// are ignored, and the code need not be one `E` knows, nor its details of
/// the shape `E` expects.
impl<'de, E: Decode> serde_core::Deserialize<'de> for Received<E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A map, not a struct: formats such as JSON also hand a struct
        // visitor arrays, and `["code", "text"]` is no error body.
        match E::LAYOUT {
            None => deserializer.deserialize_map(BodyVisitor(PhantomData)),
            Some(layout) => deserializer.deserialize_map(LayoutVisitor {
                layout,
                known: PhantomData,
            }),
        }
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
            layout: None,
        })
    }
}

/// What a body in a declared layout sent, as it is read.
#[derive(Default)]
struct Sent {
    code: Option<String>,
    message: Option<String>,
    details: Option<Content>,
    /// The other members of the object the params are spread into.
    spread: Vec<(Content, Content)>,
    status: Option<u16>,
    docs: Option<String>,
    title: Option<String>,
}

struct LayoutVisitor<E> {
    layout: &'static Layout,
    known: PhantomData<fn() -> E>,
}

impl<'de, E: Decode> Visitor<'de> for LayoutVisitor<E> {
    type Value = Received<E>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an error body")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut sent = Sent::default();
        read_members(&self.layout.body, self.layout.integer, &mut sent, &mut map)?;
        // Required members, so `read_members` has seen them.
        let (Some(code), Some(message)) = (sent.code, sent.message) else {
            return Err(de::Error::custom("the layout has no code or no message"));
        };
        let spread = spread(&self.layout.body);
        let details = if spread {
            (!sent.spread.is_empty()).then_some(Content::Map(sent.spread))
        } else {
            sent.details
        };
        let known = match E::lookup(&code) {
            Ok(Lookup::Value(value)) => Some(value),
            // Decoded from the copy we hold: an error in it leaves the
            // body read, with no known value. Spread params may all be
            // optional, and absent.
            Ok(Lookup::Details(index)) => match &details {
                Some(details) => {
                    E::details(index, ContentDeserializer::<de::value::Error>::new(details)).ok()
                }
                None if spread => E::details(
                    index,
                    ContentDeserializer::<de::value::Error>::new(&Content::Map(Vec::new())),
                )
                .ok(),
                None => None,
            },
            Err(_) => None,
        };
        Ok(Received {
            code,
            message,
            details,
            known,
            layout: Some(Box::new(InLayout {
                layout: self.layout,
                status: sent.status,
                docs: sent.docs,
                title: sent.title,
            })),
        })
    }
}

/// Whether the params are spread into `object` or an object in it.
fn spread(object: &Object) -> bool {
    object.spread
        || object.members.iter().any(|member| match &member.part {
            Part::Object(inner) => spread(inner),
            _ => false,
        })
}

/// Whether a body must have `part`: the code, the message, or an object
/// holding either.
fn required(part: &Part) -> bool {
    match part {
        Part::Code | Part::Message => true,
        Part::Object(object) => object.members.iter().any(|member| required(&member.part)),
        Part::Details | Part::Status | Part::Docs | Part::Title => false,
    }
}

/// Reads the members of `object` from `map` into `sent`: each at most
/// once, the others kept when the params are spread into it, else ignored.
fn read_members<'de, A: MapAccess<'de>>(
    object: &'static Object,
    integer: bool,
    sent: &mut Sent,
    map: &mut A,
) -> Result<(), A::Error> {
    let mut seen = vec![false; object.members.len()];
    while let Some(key) = map.next_key_seed(KeySeed(object))? {
        let index = match key {
            Key::Member(index) => index,
            Key::Other(Some(name)) => {
                let value = map.next_value::<Content>()?;
                sent.spread.push((Content::String(name), value));
                continue;
            }
            Key::Other(None) => {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
        };
        let member = &object.members[index];
        if std::mem::replace(&mut seen[index], true) {
            return Err(de::Error::duplicate_field(member.name));
        }
        match &member.part {
            Part::Code if integer => {
                sent.code = Some(map.next_value_seed(NumberText)?);
            }
            Part::Code => sent.code = Some(map.next_value()?),
            Part::Message => sent.message = Some(map.next_value()?),
            Part::Details => sent.details = Some(map.next_value()?),
            Part::Status => sent.status = Some(map.next_value()?),
            Part::Docs => sent.docs = Some(map.next_value()?),
            Part::Title => sent.title = Some(map.next_value()?),
            Part::Object(inner) => map.next_value_seed(ObjectSeed {
                name: member.name,
                object: inner,
                integer,
                sent,
            })?,
        }
    }
    for (member, seen) in object.members.iter().zip(seen) {
        if !seen && required(&member.part) {
            return Err(de::Error::missing_field(member.name));
        }
    }
    Ok(())
}

/// A nested object of a body in a declared layout.
struct ObjectSeed<'a> {
    name: &'static str,
    object: &'static Object,
    integer: bool,
    sent: &'a mut Sent,
}

impl<'de> DeserializeSeed<'de> for ObjectSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ObjectSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object `{}`", self.name)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        read_members(self.object, self.integer, self.sent, &mut map)
    }
}

/// A key of an object of a declared layout.
enum Key {
    /// The member at this index.
    Member(usize),
    /// Another member, with its name when the params are spread into the
    /// object.
    Other(Option<String>),
}

struct KeySeed(&'static Object);

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<Error: de::Error>(self, name: &str) -> Result<Key, Error> {
        let index = self.0.members.iter().position(|member| member.name == name);
        Ok(match index {
            Some(index) => Key::Member(index),
            None => Key::Other(self.0.spread.then(|| name.to_owned())),
        })
    }

    fn visit_bytes<Error: de::Error>(self, name: &[u8]) -> Result<Key, Error> {
        let name = utf8(name, &self)?;
        self.visit_str(name)
    }
}

/// An integer code, kept as its digits.
struct NumberText;

impl<'de> DeserializeSeed<'de> for NumberText {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_u64(self)
    }
}

impl Visitor<'_> for NumberText {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer code")
    }

    fn visit_u64<Error: de::Error>(self, code: u64) -> Result<String, Error> {
        Ok(Digits::new(code, false).as_str().to_owned())
    }

    fn visit_i64<Error: de::Error>(self, code: i64) -> Result<String, Error> {
        Ok(Digits::new(code.unsigned_abs(), code < 0)
            .as_str()
            .to_owned())
    }
}

/// An object of a body in a declared layout, written back from what was
/// received.
struct Written<'a, E> {
    object: &'static Object,
    integer: bool,
    received: &'a Received<E>,
    sent: &'a InLayout,
}

impl<E> Written<'_, E> {
    /// The members spread into this object, if any.
    fn spread(&self) -> &[(Content, Content)] {
        match &self.received.details {
            Some(Content::Map(members)) if self.object.spread => members,
            _ => &[],
        }
    }

    /// Whether `part` has a value to write.
    fn has(&self, part: &Part) -> bool {
        match part {
            Part::Code | Part::Message | Part::Object(_) => true,
            Part::Details => self.received.details.is_some(),
            Part::Status => self.sent.status.is_some(),
            Part::Docs => self.sent.docs.is_some(),
            Part::Title => self.sent.title.is_some(),
        }
    }
}

impl<E> Serialize for Written<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let received = self.received;
        let spread = self.spread();
        let count = self
            .object
            .members
            .iter()
            .filter(|member| self.has(&member.part))
            .count()
            + spread.len();
        let mut map = serializer.serialize_map(Some(count))?;
        for member in self.object.members {
            let name = member.name;
            match &member.part {
                Part::Code if self.integer => {
                    map.serialize_entry(name, &IntegerCode(&received.code))?;
                }
                Part::Code => map.serialize_entry(name, &received.code)?,
                Part::Message => map.serialize_entry(name, &received.message)?,
                Part::Details => {
                    if let Some(details) = &received.details {
                        map.serialize_entry(name, details)?;
                    }
                }
                Part::Status => {
                    if let Some(status) = self.sent.status {
                        map.serialize_entry(name, &status)?;
                    }
                }
                Part::Docs => {
                    if let Some(docs) = &self.sent.docs {
                        map.serialize_entry(name, docs)?;
                    }
                }
                Part::Title => {
                    if let Some(title) = &self.sent.title {
                        map.serialize_entry(name, title)?;
                    }
                }
                Part::Object(object) => map.serialize_entry(
                    name,
                    &Written {
                        object,
                        integer: self.integer,
                        received,
                        sent: self.sent,
                    },
                )?,
            }
        }
        for (name, value) in spread {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// An integer code, read as its digits, written back as the number.
struct IntegerCode<'a>(&'a str);

impl Serialize for IntegerCode<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let Ok(number) = self.0.parse::<u64>() {
            serializer.serialize_u64(number)
        } else if let Ok(number) = self.0.parse::<i64>() {
            serializer.serialize_i64(number)
        } else {
            // Not reached: the code was read as a number.
            serializer.serialize_str(self.0)
        }
    }
}
