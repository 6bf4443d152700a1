//! Declared layouts (`body:`): where a catalogue's bodies carry the code,
//! the message, the details and the rest, and how its generated enums write
//! and read them.
//!
//! `error_codes_gen::rust` describes one layout twice, from the same tree:
//!
//! - [`Layout`], a small tree of `&'static` members, which a generated enum
//!   gives as `Decode::LAYOUT`: what [`Received`](crate::Received) reads
//!   and writes back, and what the frameworks send (its content type) and
//!   document (its schema). Walking it is a loop over members.
//! - the same tree as a value of nested tuples of the pieces here ([`Obj`],
//!   [`Nest`], [`Code`], …), as `details.rs` names an object's members:
//!   what a generated enum's `Serialize` and `Deserialize` walk. The
//!   compiler flattens that walk into what a derived impl of the same shape
//!   is (the members in order, their names constants, a key matched by
//!   comparing it with each name), so that a body costs what a derived
//!   struct's does.
//!
//! Without `body:`, none of this is used: the enums write and read the
//! default body through `body.rs`, as they did before layouts existed.

use std::fmt;
use std::marker::PhantomData;

use serde_core::de::value::{BorrowedStrDeserializer, BytesDeserializer, StrDeserializer};
use serde_core::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_core::ser::{Serialize, SerializeMap, Serializer};

use crate::__private::{Decode, Lookup};
use crate::UnknownCode;
use crate::body::{DetailsSeed, Text, utf8};
use crate::content::{Content, ContentDeserializer};
use crate::details::Entries;

/// A declared layout: the members of the body, how codes are sent, and the
/// media type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Layout {
    /// The body's members.
    pub body: Object,
    /// Whether codes are sent as JSON numbers (`code_type: integer`).
    pub integer: bool,
    /// The media type of the body, e.g. `application/problem+json`.
    pub content_type: &'static str,
}

/// An object of a layout: its members in the order they are written, and
/// whether the params are spread into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Object {
    /// The members, in order.
    pub members: &'static [Member],
    /// Whether the code's params are members of this object too.
    pub spread: bool,
}

/// A member of an object of a layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Member {
    /// Its name.
    pub name: &'static str,
    /// What it holds.
    pub part: Part,
}

/// What a member of a layout holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// The code: a string, or a number when the layout's codes are integers.
    Code,
    /// The message.
    Message,
    /// The params, as an object; left out for a code without params.
    Details,
    /// The HTTP status, a number.
    Status,
    /// The code's documentation URL; left out for a code without one.
    Docs,
    /// The code's title.
    Title,
    /// An object of further members.
    Object(Object),
}

impl Layout {
    /// The member that carries the code: its name, and the names of the
    /// objects that hold it, outermost first.
    #[must_use]
    pub fn code_path(&self) -> Vec<&'static str> {
        let mut path = Vec::new();
        find(&self.body, &Part::Code, &mut path);
        path
    }
}

/// Fills `path` with the names leading to the member holding `part`.
fn find(object: &Object, part: &Part, path: &mut Vec<&'static str>) -> bool {
    for member in object.members {
        path.push(member.name);
        match &member.part {
            found if found == part => return true,
            Part::Object(inner) if find(inner, part, path) => return true,
            _ => {}
        }
        path.pop();
    }
    false
}

/// What the body of one error carries, borrowed: the values the members of
/// a layout are written from. `M` is the message (a `&str`, or a message
/// rendered as it is written), `D` the members of the details (see
/// [`Entries`]; `()` for an enum whose codes have no params).
///
/// Every part is held by reference, to a constant of the catalogue
/// (`&"invalid_token"`, `&401`): passed on as one pointer to static data,
/// as a derived struct passes a reference to its field, rather than as a
/// pointer and a length, or a number stored on the stack first.
pub struct Parts<'a, M: ?Sized, D> {
    /// The code, as text.
    pub code: &'a &'a str,
    /// The code as a number, when the layout's codes are integers (else
    /// not read).
    pub number: &'a u64,
    /// The message.
    pub message: &'a M,
    /// The HTTP status.
    pub status: &'a u16,
    /// The code's documentation URL, if it has one.
    pub docs: Option<&'a &'a str>,
    /// The code's title.
    pub title: &'a &'a str,
    /// The params, for a code that has them.
    pub details: Option<&'a D>,
}

/// An object of a layout: its members `L` (a nested tuple of the pieces
/// below, ending in `()`) and a member's index from its name (a generated
/// `match`, which rustc compiles to comparisons with constants of known
/// lengths, as a derived impl's field match is); `SPREAD` when the params
/// are spread into it, a constant so that the other objects have no code
/// for params.
pub struct Obj<L, K, const SPREAD: bool>(pub L, pub K);

/// A member holding an object.
pub struct Nest<L, K, const SPREAD: bool>(pub &'static str, pub Obj<L, K, SPREAD>);

/// How an object's key is matched to the index of its member.
pub trait KeyIndex: Copy {
    /// The index of the member called `name`, if any.
    fn index_of(self, name: &[u8]) -> Option<usize>;
}

impl<K: Fn(&[u8]) -> Option<usize> + Copy> KeyIndex for K {
    #[inline]
    fn index_of(self, name: &[u8]) -> Option<usize> {
        self(name)
    }
}

/// The key match of a tree that is only written: it has none, so that the
/// tree is a constant (a closure is not).
#[derive(Clone, Copy)]
pub struct Write;

impl KeyIndex for Write {
    #[inline]
    fn index_of(self, _: &[u8]) -> Option<usize> {
        None
    }
}

/// The member of a string code.
pub struct Code(pub &'static str);

/// The member of an integer code, a JSON number.
pub struct Number(pub &'static str);

/// The member of the message.
pub struct Message(pub &'static str);

/// The member of the HTTP status.
pub struct Status(pub &'static str);

/// The member of the documentation URL, left out for a code without one.
pub struct Docs(pub &'static str);

/// The member of the title.
pub struct Title(pub &'static str);

/// The member of the params, as an object; left out for a code without
/// params.
pub struct Details(pub &'static str);

/// One member of an object of a layout.
pub trait Field {
    /// Whether a body must have it: the code's and the message's, and an
    /// object that holds one of them. The others may be absent, as a
    /// server may not send what it has no value for.
    const REQUIRED: bool;

    /// The member's name.
    fn name(&self) -> &'static str;

    /// How many members it writes: 1, or 0 when it has no value.
    #[inline]
    fn count<M: ?Sized, D: Entries>(&self, parts: &Parts<'_, M, D>) -> usize {
        let _ = parts;
        1
    }

    /// Writes the member.
    ///
    /// # Errors
    /// Whatever the serializer reports.
    fn write<S: SerializeMap, M: Serialize + ?Sized, D: Entries>(
        &self,
        parts: &Parts<'_, M, D>,
        map: &mut S,
    ) -> Result<(), S::Error>;

    /// Reads the member's value into `state`.
    ///
    /// # Errors
    /// A value of the wrong type.
    fn read<'de, A: MapAccess<'de>, E: Decode>(
        &self,
        state: &mut State<E>,
        map: &mut A,
    ) -> Result<(), A::Error>;

    /// The name of the member of the details, if it is this one or in it.
    #[inline]
    fn details(&self) -> Option<&'static str> {
        None
    }

    /// Whether the params are spread into this member's object, or one
    /// in it.
    #[inline]
    fn spread(&self) -> bool {
        false
    }
}

/// The members of an object, as a nested tuple ending in `()`.
pub trait Fields {
    /// Whether one of them is required.
    const REQUIRED: bool;

    /// How many members they write.
    fn count<M: ?Sized, D: Entries>(&self, parts: &Parts<'_, M, D>) -> usize;

    /// Writes them, in order.
    ///
    /// # Errors
    /// Whatever the serializer reports.
    fn write<S: SerializeMap, M: Serialize + ?Sized, D: Entries>(
        &self,
        parts: &Parts<'_, M, D>,
        map: &mut S,
    ) -> Result<(), S::Error>;

    /// The name of the member at `index`.
    fn name_at(&self, index: usize) -> &'static str;

    /// Reads the value of the member at `index`.
    ///
    /// # Errors
    /// A value of the wrong type.
    fn read<'de, A: MapAccess<'de>, E: Decode>(
        &self,
        index: usize,
        state: &mut State<E>,
        map: &mut A,
    ) -> Result<(), A::Error>;

    /// Whether every required member is among `seen` (bit `i` for the
    /// member at index `i`).
    ///
    /// # Errors
    /// The first required member not seen.
    fn finish<Error: de::Error>(&self, seen: u32) -> Result<(), Error>;

    /// The name of the member of the details, if it is among them.
    fn details(&self) -> Option<&'static str>;

    /// Whether the params are spread into an object among them.
    fn spread(&self) -> bool;
}

impl Fields for () {
    const REQUIRED: bool = false;

    #[inline]
    fn count<M: ?Sized, D: Entries>(&self, _: &Parts<'_, M, D>) -> usize {
        0
    }

    #[inline]
    fn write<S: SerializeMap, M: Serialize + ?Sized, D: Entries>(
        &self,
        _: &Parts<'_, M, D>,
        _: &mut S,
    ) -> Result<(), S::Error> {
        Ok(())
    }

    #[inline]
    fn name_at(&self, _: usize) -> &'static str {
        ""
    }

    #[inline]
    fn read<'de, A: MapAccess<'de>, E: Decode>(
        &self,
        _: usize,
        _: &mut State<E>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        // Not reached: an index comes from the object's key match.
        map.next_value::<IgnoredAny>().map(|_| ())
    }

    #[inline]
    fn finish<Error: de::Error>(&self, _: u32) -> Result<(), Error> {
        Ok(())
    }

    #[inline]
    fn details(&self) -> Option<&'static str> {
        None
    }

    #[inline]
    fn spread(&self) -> bool {
        false
    }
}

impl<H: Field, R: Fields> Fields for (H, R) {
    const REQUIRED: bool = H::REQUIRED || R::REQUIRED;

    #[inline]
    fn count<M: ?Sized, D: Entries>(&self, parts: &Parts<'_, M, D>) -> usize {
        self.0.count(parts) + self.1.count(parts)
    }

    #[inline]
    fn write<S: SerializeMap, M: Serialize + ?Sized, D: Entries>(
        &self,
        parts: &Parts<'_, M, D>,
        map: &mut S,
    ) -> Result<(), S::Error> {
        if let Err(error) = self.0.write(parts, map) {
            return Err(failed(error));
        }
        self.1.write(parts, map)
    }

    #[inline]
    fn name_at(&self, index: usize) -> &'static str {
        if index == 0 {
            self.0.name()
        } else {
            self.1.name_at(index - 1)
        }
    }

    #[inline]
    fn read<'de, A: MapAccess<'de>, E: Decode>(
        &self,
        index: usize,
        state: &mut State<E>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        if index == 0 {
            self.0.read(state, map)
        } else {
            self.1.read(index - 1, state, map)
        }
    }

    #[inline]
    fn finish<Error: de::Error>(&self, seen: u32) -> Result<(), Error> {
        if H::REQUIRED && seen & 1 == 0 {
            return Err(de::Error::missing_field(self.0.name()));
        }
        self.1.finish(seen >> 1)
    }

    #[inline]
    fn details(&self) -> Option<&'static str> {
        self.0.details().or_else(|| self.1.details())
    }

    #[inline]
    fn spread(&self) -> bool {
        self.0.spread() || self.1.spread()
    }
}

impl Field for Code {
    const REQUIRED: bool = true;

    #[inline]
    fn name(&self) -> &'static str {
        self.0
    }

    #[inline]
    fn write<S: SerializeMap, M: Serialize + ?Sized, D: Entries>(
        &self,
        parts: &Parts<'_, M, D>,
        map: &mut S,
    ) -> Result<(), S::Error> {
        map.serialize_entry(self.0, parts.code)
    }

    #[inline]
    fn read<'de, A: MapAccess<'de>, E: Decode>(
        &self,
        state: &mut State<E>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let found = map.next_value_seed(CodeSeed::<E>(PhantomData))?;
        state.code::<A::Error>(found)
    }
}

impl Field for Number {
    const REQUIRED: bool = true;

    #[inline]
    fn name(&self) -> &'static str {
        self.0
    }

    #[inline]
    fn write<S: SerializeMap, M: Serialize + ?Sized, D: Entries>(
        &self,
        parts: &Parts<'_, M, D>,
        map: &mut S,
    ) -> Result<(), S::Error> {
        map.serialize_entry(self.0, parts.number)
    }

    #[inline]
    fn read<'de, A: MapAccess<'de>, E: Decode>(
        &self,
        state: &mut State<E>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let found = map.next_value_seed(NumberSeed::<E>(PhantomData))?;
        state.code::<A::Error>(found)
    }
}

impl Field for Message {
    const REQUIRED: bool = true;

    #[inline]
    fn name(&self) -> &'static str {
        self.0
    }

    #[inline]
    fn write<S: SerializeMap, M: Serialize + ?Sized, D: Entries>(
        &self,
        parts: &Parts<'_, M, D>,
        map: &mut S,
    ) -> Result<(), S::Error> {
        map.serialize_entry(self.0, parts.message)
    }

    #[inline]
    fn read<'de, A: MapAccess<'de>, E: Decode>(
        &self,
        _: &mut State<E>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        // Not compared with the catalogue's: servers may localize it.
        map.next_value::<Text>().map(|_| ())
    }
}

impl Field for Status {
    const REQUIRED: bool = false;

    #[inline]
    fn name(&self) -> &'static str {
        self.0
    }

    #[inline]
    fn write<S: SerializeMap, M: Serialize + ?Sized, D: Entries>(
        &self,
        parts: &Parts<'_, M, D>,
        map: &mut S,
    ) -> Result<(), S::Error> {
        map.serialize_entry(self.0, parts.status)
    }

    #[inline]
    fn read<'de, A: MapAccess<'de>, E: Decode>(
        &self,
        _: &mut State<E>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        // The code says the status; only its type is checked.
        map.next_value::<u16>().map(|_| ())
    }
}

impl Field for Docs {
    const REQUIRED: bool = false;

    #[inline]
    fn name(&self) -> &'static str {
        self.0
    }

    #[inline]
    fn count<M: ?Sized, D: Entries>(&self, parts: &Parts<'_, M, D>) -> usize {
        usize::from(parts.docs.is_some())
    }

    #[inline]
    fn write<S: SerializeMap, M: Serialize + ?Sized, D: Entries>(
        &self,
        parts: &Parts<'_, M, D>,
        map: &mut S,
    ) -> Result<(), S::Error> {
        match parts.docs {
            Some(docs) => map.serialize_entry(self.0, docs),
            None => Ok(()),
        }
    }

    #[inline]
    fn read<'de, A: MapAccess<'de>, E: Decode>(
        &self,
        _: &mut State<E>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        map.next_value::<Text>().map(|_| ())
    }
}

impl Field for Title {
    const REQUIRED: bool = false;

    #[inline]
    fn name(&self) -> &'static str {
        self.0
    }

    #[inline]
    fn write<S: SerializeMap, M: Serialize + ?Sized, D: Entries>(
        &self,
        parts: &Parts<'_, M, D>,
        map: &mut S,
    ) -> Result<(), S::Error> {
        map.serialize_entry(self.0, parts.title)
    }

    #[inline]
    fn read<'de, A: MapAccess<'de>, E: Decode>(
        &self,
        _: &mut State<E>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        map.next_value::<Text>().map(|_| ())
    }
}

impl Field for Details {
    // Required only for a code with params, which is checked once the code
    // is known.
    const REQUIRED: bool = false;

    #[inline]
    fn name(&self) -> &'static str {
        self.0
    }

    #[inline]
    fn count<M: ?Sized, D: Entries>(&self, parts: &Parts<'_, M, D>) -> usize {
        usize::from(parts.details.is_some())
    }

    #[inline]
    fn write<S: SerializeMap, M: Serialize + ?Sized, D: Entries>(
        &self,
        parts: &Parts<'_, M, D>,
        map: &mut S,
    ) -> Result<(), S::Error> {
        match parts.details {
            Some(details) => map.serialize_entry(self.0, &crate::details::Object(details)),
            None => Ok(()),
        }
    }

    #[inline]
    fn read<'de, A: MapAccess<'de>, E: Decode>(
        &self,
        state: &mut State<E>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        // Decoded as read when the code came first, held until it comes
        // otherwise, skipped when the code needs none.
        state.details = Some(match &state.code {
            Some(Ok(Lookup::Details(index))) => {
                Held::Value(map.next_value_seed(DetailsSeed::<E>::new(*index))?)
            }
            Some(_) => {
                map.next_value::<IgnoredAny>()?;
                Held::Ignored
            }
            None => Held::Pending(map.next_value()?),
        });
        Ok(())
    }

    #[inline]
    fn details(&self) -> Option<&'static str> {
        Some(self.0)
    }
}

impl<L: Fields, K: KeyIndex, const SPREAD: bool> Field for Nest<L, K, SPREAD> {
    const REQUIRED: bool = L::REQUIRED;

    #[inline]
    fn name(&self) -> &'static str {
        self.0
    }

    #[inline]
    fn write<S: SerializeMap, M: Serialize + ?Sized, D: Entries>(
        &self,
        parts: &Parts<'_, M, D>,
        map: &mut S,
    ) -> Result<(), S::Error> {
        map.serialize_entry(
            self.0,
            &Nested {
                object: &self.1,
                parts,
            },
        )
    }

    #[inline]
    fn read<'de, A: MapAccess<'de>, E: Decode>(
        &self,
        state: &mut State<E>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        map.next_value_seed(ObjectSeed {
            name: self.0,
            object: &self.1,
            state,
        })
    }

    #[inline]
    fn details(&self) -> Option<&'static str> {
        self.1.0.details()
    }

    #[inline]
    fn spread(&self) -> bool {
        SPREAD || self.1.0.spread()
    }
}

impl<L: Fields, K: KeyIndex, const SPREAD: bool> Obj<L, K, SPREAD> {
    /// How many members the object has for `parts`: its own, and the
    /// params spread into it.
    #[inline]
    fn count<M: ?Sized, D: Entries>(&self, parts: &Parts<'_, M, D>) -> usize {
        let spread = match parts.details {
            Some(details) if SPREAD => details.count(),
            _ => 0,
        };
        self.0.count(parts) + spread
    }

    // Always: as a derived impl's writer, straight into the caller, where
    // the parts are values rather than a struct in memory (`cargo xtask
    // bench`: the nested and problem bodies cost what derived ones do only
    // so).
    #[allow(clippy::inline_always, reason = "measured, see above")]
    #[inline(always)]
    fn serialize<S: Serializer, M: Serialize + ?Sized, D: Entries>(
        &self,
        parts: &Parts<'_, M, D>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.count(parts)))?;
        if let Err(error) = self.0.write(parts, &mut map) {
            return Err(failed(error));
        }
        if SPREAD
            && let Some(details) = parts.details
            && let Err(error) = details.write(&mut map)
        {
            return Err(failed(error));
        }
        map.end()
    }
}

/// Passes on an error of the serializer, through a call the compiler knows
/// to be cold. Without it, each member's error check halves the odds the
/// compiler gives to reaching the next, so that the end of an object of five
/// members looks cold and the serializer's end of the map (`serde_json`'s
/// `}`) stays an out-of-line call (`cargo xtask bench`: 37 instructions of
/// a problem body of 2,473).
#[cold]
#[inline(never)]
fn failed<E>(error: E) -> E {
    error
}

/// A nested object of the body, to write.
struct Nested<'a, 'p, L, K, M: ?Sized, D, const SPREAD: bool> {
    object: &'a Obj<L, K, SPREAD>,
    parts: &'a Parts<'p, M, D>,
}

impl<L: Fields, K: KeyIndex, M: Serialize + ?Sized, D: Entries, const SPREAD: bool> Serialize
    for Nested<'_, '_, L, K, M, D, SPREAD>
{
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.object.serialize(self.parts, serializer)
    }
}

/// Writes the body of `parts` in the layout `layout`.
///
/// # Errors
/// Whatever the serializer reports, or a param that is a number but not
/// finite.
#[allow(clippy::inline_always, reason = "as `Obj::serialize`, measured")]
#[inline(always)]
pub fn serialize<L, K, M, D, S, const SPREAD: bool>(
    layout: &Obj<L, K, SPREAD>,
    parts: &Parts<'_, M, D>,
    serializer: S,
) -> Result<S::Ok, S::Error>
where
    L: Fields,
    K: KeyIndex,
    M: Serialize + ?Sized,
    D: Entries,
    S: Serializer,
{
    layout.serialize(parts, serializer)
}

/// What has been read of a body so far, strictly: the code, looked up, and
/// the details as far as they could be read. Two words of tags and two
/// values: small enough to be moved without a call to `memcpy`.
pub struct State<E> {
    code: Option<Result<Lookup<E>, UnknownCode>>,
    details: Option<Held<E>>,
}

/// What became of the details.
enum Held<E> {
    /// Decoded into the value.
    Value(E),
    /// Held until the code is known.
    Pending(Content),
    /// Skipped: the code has no params, or is unknown.
    Ignored,
    /// Members of an object the params are spread into, held until the
    /// code says which params it has (or, when it came first, until it is
    /// known that they cannot be read as they come).
    Spread(Vec<(Content, Content)>),
}

impl<E: Decode> State<E> {
    /// Keeps the code read, and decodes the details held until it came.
    #[inline]
    fn code<Error: de::Error>(
        &mut self,
        found: Result<Lookup<E>, UnknownCode>,
    ) -> Result<(), Error> {
        if let (Ok(Lookup::Details(index)), Some(Held::Pending(content))) = (&found, &self.details)
        {
            let value = E::details(*index, ContentDeserializer::<Error>::new(content))?;
            self.details = Some(Held::Value(value));
        }
        self.code = Some(found);
        Ok(())
    }

    /// Whether a member that may be a param must be held: the code is not
    /// known yet, or it has params.
    #[inline]
    fn holds_params(&self) -> bool {
        matches!(self.code, None | Some(Ok(Lookup::Details(_))))
    }

    /// Holds a member that may be a param.
    fn hold(&mut self, name: String, value: Content) {
        let member = (Content::String(name), value);
        match &mut self.details {
            Some(Held::Spread(members)) => members.push(member),
            _ => self.details = Some(Held::Spread(vec![member])),
        }
    }

    /// The value read, once the whole body has been.
    #[inline]
    fn finish<L: Fields, K, Error: de::Error, const SPREAD: bool>(
        self,
        layout: &Obj<L, K, SPREAD>,
    ) -> Result<E, Error> {
        // The code is required, so the body had one.
        let code = self
            .code
            .ok_or_else(|| de::Error::custom("the layout has no code"))?;
        match code.map_err(de::Error::custom)? {
            Lookup::Value(value) => Ok(value),
            Lookup::Details(index) => match self.details {
                Some(Held::Value(value)) => Ok(value),
                // Spread params, held or none at all (they may all be
                // optional).
                Some(Held::Spread(members)) => E::details(
                    index,
                    ContentDeserializer::<Error>::new(&Content::Map(members)),
                ),
                _ if SPREAD || layout.0.spread() => E::details(
                    index,
                    ContentDeserializer::<Error>::new(&Content::Map(Vec::new())),
                ),
                _ => Err(de::Error::missing_field(
                    layout.0.details().unwrap_or("details"),
                )),
            },
        }
    }
}

/// Reads a body in the layout `layout` into `E`, strictly: a known code
/// (a number when the layout's codes are integers, else a string), a string
/// message, and for a code with params its details, present and well
/// typed. Members come in any order; the others are ignored. Details met
/// before the code are held as `Content` and decoded once it comes.
///
/// # Errors
/// A malformed body, a code that `E` does not know, or the details of a
/// code with params missing or of the wrong shape.
#[inline]
pub fn deserialize<'de, L, K, E, D, const SPREAD: bool>(
    layout: &Obj<L, K, SPREAD>,
    deserializer: D,
) -> Result<E, D::Error>
where
    L: Fields,
    K: KeyIndex,
    E: Decode,
    D: Deserializer<'de>,
{
    deserializer.deserialize_map(BodyVisitor {
        layout,
        value: PhantomData,
    })
}

struct BodyVisitor<'a, L, K, E, const SPREAD: bool> {
    layout: &'a Obj<L, K, SPREAD>,
    value: PhantomData<fn() -> E>,
}

impl<'de, L: Fields, K: KeyIndex, E: Decode, const SPREAD: bool> Visitor<'de>
    for BodyVisitor<'_, L, K, E, SPREAD>
{
    type Value = E;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an error body")
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<E, A::Error> {
        let mut state = State {
            code: None,
            details: None,
        };
        read_object(self.layout, &mut state, &mut map)?;
        state.finish(self.layout)
    }
}

/// Reads the members of `object` from `map`: each at most once, the others
/// held as params when they may be some, else ignored.
#[inline]
fn read_object<'de, L: Fields, K: KeyIndex, E: Decode, A: MapAccess<'de>, const SPREAD: bool>(
    object: &Obj<L, K, SPREAD>,
    state: &mut State<E>,
    map: &mut A,
) -> Result<(), A::Error> {
    let mut seen = 0_u32;
    loop {
        // Params spread into this object, once the code that has them is
        // known and none were held before it: the rest of the object is
        // read as its details, as they come (other members in between
        // read as members).
        if SPREAD
            && !matches!(state.details, Some(Held::Spread(_)))
            && let Some(Ok(Lookup::Details(index))) = state.code
        {
            let value = E::details(
                index,
                Spread {
                    map: &mut *map,
                    object,
                    state: &mut *state,
                    seen: &mut seen,
                },
            )?;
            state.details = Some(Held::Value(value));
            break;
        }
        let key_seed = KeySeed {
            index_of: object.1,
            params: SPREAD && state.holds_params(),
        };
        let Some(key) = map.next_key_seed(key_seed)? else {
            break;
        };
        match key {
            Key::Field(index) => {
                let bit = 1 << index;
                if seen & bit != 0 {
                    return Err(de::Error::duplicate_field(object.0.name_at(index)));
                }
                seen |= bit;
                object.0.read(index, state, map)?;
            }
            Key::Param(name) => {
                let value = map.next_value::<Content>()?;
                state.hold(name, value);
            }
            Key::Other => {
                map.next_value::<IgnoredAny>()?;
            }
        }
    }
    object.0.finish(seen)
}

/// The rest of an object whose code's params are spread into it, read as
/// the code's details: its members that the layout names are read as such
/// on the way, and never reach the details' reader.
struct Spread<'a, A, L, K, E, const SPREAD: bool> {
    map: &'a mut A,
    object: &'a Obj<L, K, SPREAD>,
    state: &'a mut State<E>,
    seen: &'a mut u32,
}

impl<'de, A, L, K, E, const SPREAD: bool> Deserializer<'de> for Spread<'_, A, L, K, E, SPREAD>
where
    A: MapAccess<'de>,
    L: Fields,
    K: KeyIndex,
    E: Decode,
{
    type Error = A::Error;

    #[inline]
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_map(self)
    }

    serde_core::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

impl<'de, A, L, K, E, const SPREAD: bool> MapAccess<'de> for Spread<'_, A, L, K, E, SPREAD>
where
    A: MapAccess<'de>,
    L: Fields,
    K: KeyIndex,
    E: Decode,
{
    type Error = A::Error;

    #[inline]
    fn next_key_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, A::Error> {
        let mut seed = seed;
        loop {
            let key = self.map.next_key_seed(SpreadKey {
                seed,
                index_of: self.object.1,
            })?;
            match key {
                None => return Ok(None),
                Some(Spreading::Param(value)) => return Ok(Some(value)),
                Some(Spreading::Field(index, unused)) => {
                    seed = unused;
                    let bit = 1 << index;
                    if *self.seen & bit != 0 {
                        return Err(de::Error::duplicate_field(self.object.0.name_at(index)));
                    }
                    *self.seen |= bit;
                    self.object.0.read(index, self.state, self.map)?;
                }
            }
        }
    }

    #[inline]
    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

/// A key of an object that params are spread into: a member of the
/// layout's (with the details' key reader, unused), or a param, read by it.
enum Spreading<T, S> {
    Field(usize, S),
    Param(T),
}

struct SpreadKey<S, K> {
    seed: S,
    index_of: K,
}

impl<'de, S: DeserializeSeed<'de>, K: KeyIndex> DeserializeSeed<'de> for SpreadKey<S, K> {
    type Value = Spreading<S::Value, S>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de, S: DeserializeSeed<'de>, K: KeyIndex> Visitor<'de> for SpreadKey<S, K> {
    type Value = Spreading<S::Value, S>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    #[inline]
    fn visit_borrowed_str<Error: de::Error>(self, name: &'de str) -> Result<Self::Value, Error> {
        match self.index_of.index_of(name.as_bytes()) {
            Some(index) => Ok(Spreading::Field(index, self.seed)),
            None => self
                .seed
                .deserialize(BorrowedStrDeserializer::new(name))
                .map(Spreading::Param),
        }
    }

    #[inline]
    fn visit_str<Error: de::Error>(self, name: &str) -> Result<Self::Value, Error> {
        match self.index_of.index_of(name.as_bytes()) {
            Some(index) => Ok(Spreading::Field(index, self.seed)),
            None => self
                .seed
                .deserialize(StrDeserializer::new(name))
                .map(Spreading::Param),
        }
    }

    fn visit_bytes<Error: de::Error>(self, name: &[u8]) -> Result<Self::Value, Error> {
        match self.index_of.index_of(name) {
            Some(index) => Ok(Spreading::Field(index, self.seed)),
            None => self
                .seed
                .deserialize(BytesDeserializer::new(name))
                .map(Spreading::Param),
        }
    }
}

/// A nested object, read into the state.
struct ObjectSeed<'a, L, K, E, const SPREAD: bool> {
    name: &'static str,
    object: &'a Obj<L, K, SPREAD>,
    state: &'a mut State<E>,
}

impl<'de, L: Fields, K: KeyIndex, E: Decode, const SPREAD: bool> DeserializeSeed<'de>
    for ObjectSeed<'_, L, K, E, SPREAD>
{
    type Value = ();

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, L: Fields, K: KeyIndex, E: Decode, const SPREAD: bool> Visitor<'de>
    for ObjectSeed<'_, L, K, E, SPREAD>
{
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object `{}`", self.name)
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        read_object(self.object, self.state, &mut map)
    }
}

/// A key of an object being read.
enum Key {
    /// The member at this index.
    Field(usize),
    /// Another member, which may be a param: its name.
    Param(String),
    /// Another member, ignored.
    Other,
}

struct KeySeed<K> {
    index_of: K,
    /// Whether another member may be a param, and is held.
    params: bool,
}

impl<'de, K: KeyIndex> DeserializeSeed<'de> for KeySeed<K> {
    type Value = Key;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<K: KeyIndex> Visitor<'_> for KeySeed<K> {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    #[inline]
    fn visit_str<Error: de::Error>(self, name: &str) -> Result<Key, Error> {
        Ok(match self.index_of.index_of(name.as_bytes()) {
            Some(index) => Key::Field(index),
            None if self.params => Key::Param(name.to_owned()),
            None => Key::Other,
        })
    }

    #[inline]
    fn visit_bytes<Error: de::Error>(self, name: &[u8]) -> Result<Key, Error> {
        if let Some(index) = self.index_of.index_of(name) {
            return Ok(Key::Field(index));
        }
        if !self.params {
            return Ok(Key::Other);
        }
        let name = utf8(name, &self)?;
        Ok(Key::Param(name.to_owned()))
    }
}

/// A string code, looked up as it is read.
struct CodeSeed<E>(PhantomData<fn() -> E>);

impl<'de, E: Decode> DeserializeSeed<'de> for CodeSeed<E> {
    type Value = Result<Lookup<E>, UnknownCode>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<E: Decode> Visitor<'_> for CodeSeed<E> {
    type Value = Result<Lookup<E>, UnknownCode>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    #[inline]
    fn visit_str<Error: de::Error>(self, code: &str) -> Result<Self::Value, Error> {
        Ok(E::lookup(code))
    }

    fn visit_bytes<Error: de::Error>(self, code: &[u8]) -> Result<Self::Value, Error> {
        let code = utf8(code, &self)?;
        self.visit_str(code)
    }
}

/// An integer code, looked up as it is read: its digits are written on the
/// stack and looked up as text, as the enum's codes are.
struct NumberSeed<E>(PhantomData<fn() -> E>);

impl<'de, E: Decode> DeserializeSeed<'de> for NumberSeed<E> {
    type Value = Result<Lookup<E>, UnknownCode>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_u64(self)
    }
}

impl<E: Decode> Visitor<'_> for NumberSeed<E> {
    type Value = Result<Lookup<E>, UnknownCode>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer code")
    }

    #[inline]
    fn visit_u64<Error: de::Error>(self, code: u64) -> Result<Self::Value, Error> {
        Ok(E::lookup_number(code))
    }

    fn visit_i64<Error: de::Error>(self, code: i64) -> Result<Self::Value, Error> {
        Ok(E::lookup(
            Digits::new(code.unsigned_abs(), code < 0).as_str(),
        ))
    }
}

/// The decimal digits of an integer, written on the stack.
pub(crate) struct Digits {
    bytes: [u8; 20],
    start: usize,
}

impl Digits {
    /// The digits of `value`, after a `-` when `negative`. Twenty bytes
    /// hold any `u64` and any `i64`.
    #[inline]
    pub(crate) fn new(value: u64, negative: bool) -> Self {
        let mut bytes = [b'-'; 20];
        let mut start = bytes.len();
        let mut rest = value;
        loop {
            start -= 1;
            // The remainder of a division by 10 is one digit.
            bytes[start] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        // The sign is already there: the array was filled with it. A
        // negative `i64` has at most 19 digits, so there is room.
        if negative && start > 0 {
            start -= 1;
        }
        Self { bytes, start }
    }

    /// The text.
    #[inline]
    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII digits and `-` were written.
        std::str::from_utf8(&self.bytes[self.start..]).unwrap_or_default()
    }
}
