//! The pieces generated code writes and reads `details` with: a code's
//! params, and the fields of a type of `types:`.
//!
//! Both are JSON objects of named members. Rather than a visitor of its own
//! for every code and type, generated code names its members as a nested
//! tuple of the generic pieces here, `(Entry, (OptEntry, ()))` to write and
//! `(Required<i64>, (Optional<i64>, ()))` to read (with a `match` from a
//! member's name to its index), which the compiler flattens into what a
//! derived impl would be. The expansion stays small (a few lines per
//! param), and users' builds need no `serde_derive`.

use std::fmt;
use std::marker::PhantomData;

use serde_core::de::{
    self, Deserialize, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor,
};
use serde_core::ser::{self, Serialize, SerializeMap, SerializeSeq as _, Serializer};

/// A member that is always written: its JSON name and its value.
pub struct Entry<V>(pub &'static str, pub V);

/// A member written only when it has a value: an optional param or field
/// that is absent is left out, never sent as `null`.
pub struct OptEntry<V>(pub &'static str, pub Option<V>);

/// The members of an object, as a nested tuple ending in `()`.
pub trait Entries {
    /// How many members are written.
    fn count(&self) -> usize;
    /// Writes the members, in order.
    ///
    /// # Errors
    /// Whatever the serializer reports, or a number that is not finite.
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;
}

impl Entries for () {
    #[inline]
    fn count(&self) -> usize {
        0
    }

    #[inline]
    fn write<M: SerializeMap>(&self, _: &mut M) -> Result<(), M::Error> {
        Ok(())
    }
}

impl<L: Entries + ?Sized> Entries for &L {
    #[inline]
    fn count(&self) -> usize {
        (**self).count()
    }

    #[inline]
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        (**self).write(map)
    }
}

/// The value of a member: a reference to a field or param, or a number
/// checked as it is written ([`Finite`]).
pub trait EntryValue {
    /// Writes the member `name` with this value.
    ///
    /// # Errors
    /// Whatever the serializer reports, or a number that is not finite.
    fn write_entry<M: SerializeMap>(&self, name: &'static str, map: &mut M)
    -> Result<(), M::Error>;
}

impl<T: Serialize + ?Sized> EntryValue for &T {
    #[inline]
    fn write_entry<M: SerializeMap>(
        &self,
        name: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error> {
        // The field itself, not the reference to it that the tuple holds:
        // the tuple then need not be kept in memory.
        map.serialize_entry(name, *self)
    }
}

impl<T: Numbers + ?Sized> EntryValue for Finite<'_, T> {
    #[inline]
    fn write_entry<M: SerializeMap>(
        &self,
        name: &'static str,
        map: &mut M,
    ) -> Result<(), M::Error> {
        map.serialize_entry(name, self)
    }
}

impl<V: EntryValue, R: Entries> Entries for (Entry<V>, R) {
    #[inline]
    fn count(&self) -> usize {
        1 + self.1.count()
    }

    #[inline]
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        self.0.1.write_entry(self.0.0, map)?;
        self.1.write(map)
    }
}

impl<V: EntryValue, R: Entries> Entries for (OptEntry<V>, R) {
    #[inline]
    fn count(&self) -> usize {
        usize::from(self.0.1.is_some()) + self.1.count()
    }

    #[inline]
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        if let Some(value) = &self.0.1 {
            value.write_entry(self.0.0, map)?;
        }
        self.1.write(map)
    }
}

/// An object of the members `L`.
pub struct Object<L>(pub L);

impl<L: Entries> Serialize for Object<L> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.count()))?;
        self.0.write(&mut map)?;
        map.end()
    }
}

/// A `number` param or field (or a list of them), written only when finite:
/// JSON has no NaN or infinity, and `serde_json` would write `null` in
/// their place, which no reader of the catalogue accepts. The label names
/// the value in the error, e.g. ``param `ratio` of `measure_failed` ``.
pub struct Finite<'a, T: ?Sized>(pub &'static str, pub &'a T);

/// Values made of `f64`s that [`Finite`] checks.
pub trait Numbers {
    /// Writes the value, or fails naming `label` when a number in it is not
    /// finite.
    ///
    /// # Errors
    /// A number that is not finite, or whatever the serializer reports.
    fn serialize_finite<S: Serializer>(
        &self,
        label: &'static str,
        serializer: S,
    ) -> Result<S::Ok, S::Error>;
}

impl Numbers for f64 {
    #[inline]
    fn serialize_finite<S: Serializer>(
        &self,
        label: &'static str,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        if self.is_finite() {
            serializer.serialize_f64(*self)
        } else {
            Err(ser::Error::custom(NotFinite {
                label,
                value: *self,
            }))
        }
    }
}

impl<T: Numbers> Numbers for Vec<T> {
    fn serialize_finite<S: Serializer>(
        &self,
        label: &'static str,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for item in self {
            seq.serialize_element(&Finite(label, item))?;
        }
        seq.end()
    }
}

impl<T: Numbers + ?Sized> Serialize for Finite<'_, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.1.serialize_finite(self.0, serializer)
    }
}

/// The error of a number that JSON cannot carry.
struct NotFinite {
    label: &'static str,
    value: f64,
}

impl fmt::Display for NotFinite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot send the error: {} is {}, and a number sent must be finite",
            self.label, self.value
        )
    }
}

/// A member that must be present.
pub struct Required<T>(Option<T>);

/// A member that may be absent (or `null`): whether it was read, and its
/// value if it had one.
pub struct Optional<T> {
    read: bool,
    value: Option<T>,
}

impl<T> Default for Required<T> {
    fn default() -> Self {
        Self(None)
    }
}

impl<T> Default for Optional<T> {
    fn default() -> Self {
        Self {
            read: false,
            value: None,
        }
    }
}

/// The members of an object being read, as a nested tuple ending in `()`,
/// in the order of their names.
pub trait Slots<'de>: Default {
    /// What the members give once all are read: `(T, (Option<U>, ()))`.
    type Values;

    /// Reads the value of the member at `index` of `names`.
    ///
    /// # Errors
    /// A value of the wrong type, or a member given twice.
    fn read<A: MapAccess<'de>>(
        &mut self,
        index: usize,
        names: &[&'static str],
        map: &mut A,
    ) -> Result<(), A::Error>;

    /// The values, or the first required member that is missing.
    ///
    /// # Errors
    /// A required member that was not given.
    fn finish<E: de::Error>(self, names: &[&'static str]) -> Result<Self::Values, E>;
}

impl<'de> Slots<'de> for () {
    type Values = ();

    fn read<A: MapAccess<'de>>(
        &mut self,
        _: usize,
        _: &[&'static str],
        map: &mut A,
    ) -> Result<(), A::Error> {
        // Not reached: the key was found among the names.
        map.next_value::<IgnoredAny>().map(|_| ())
    }

    #[inline]
    fn finish<E: de::Error>(self, _: &[&'static str]) -> Result<(), E> {
        Ok(())
    }
}

/// The first of `names`, or the empty string past their end (not reached:
/// the tuple has one slot per name).
fn first(names: &[&'static str]) -> &'static str {
    names.first().copied().unwrap_or_default()
}

impl<'de, T: Deserialize<'de>, R: Slots<'de>> Slots<'de> for (Required<T>, R) {
    type Values = (T, R::Values);

    // Always: a derived impl reads each field in its own visitor (`cargo
    // xtask bench`: the nested body with details reads at the derived
    // struct's cost only so).
    #[allow(clippy::inline_always, reason = "measured, see above")]
    #[inline(always)]
    fn read<A: MapAccess<'de>>(
        &mut self,
        index: usize,
        names: &[&'static str],
        map: &mut A,
    ) -> Result<(), A::Error> {
        if index > 0 {
            return self
                .1
                .read(index - 1, names.get(1..).unwrap_or_default(), map);
        }
        if self.0.0.is_some() {
            return Err(de::Error::duplicate_field(first(names)));
        }
        self.0.0 = Some(map.next_value()?);
        Ok(())
    }

    #[inline]
    fn finish<E: de::Error>(self, names: &[&'static str]) -> Result<Self::Values, E> {
        let value = self
            .0
            .0
            .ok_or_else(|| de::Error::missing_field(first(names)))?;
        Ok((value, self.1.finish(names.get(1..).unwrap_or_default())?))
    }
}

impl<'de, T: Deserialize<'de>, R: Slots<'de>> Slots<'de> for (Optional<T>, R) {
    type Values = (Option<T>, R::Values);

    // Always: a derived impl reads each field in its own visitor (`cargo
    // xtask bench`: the nested body with details reads at the derived
    // struct's cost only so).
    #[allow(clippy::inline_always, reason = "measured, see above")]
    #[inline(always)]
    fn read<A: MapAccess<'de>>(
        &mut self,
        index: usize,
        names: &[&'static str],
        map: &mut A,
    ) -> Result<(), A::Error> {
        if index > 0 {
            return self
                .1
                .read(index - 1, names.get(1..).unwrap_or_default(), map);
        }
        if self.0.read {
            return Err(de::Error::duplicate_field(first(names)));
        }
        // `null` reads as absent, as for a derived `Option` field.
        self.0 = Optional {
            read: true,
            value: map.next_value::<Option<T>>()?,
        };
        Ok(())
    }

    #[inline]
    fn finish<E: de::Error>(self, names: &[&'static str]) -> Result<Self::Values, E> {
        Ok((
            self.0.value,
            self.1.finish(names.get(1..).unwrap_or_default())?,
        ))
    }
}

/// Reads an object whose members are `names`, into the slots `L`: members
/// in any order, each at most once, other members ignored (a newer server
/// may send an optional param this catalogue does not have). `index_of`
/// gives a member's index among `names` from its name (a generated `match`);
/// `expecting` says what the object is, for error messages.
///
/// # Errors
/// Not an object, a member of the wrong type or given twice, or a required
/// one missing.
#[inline]
pub fn read_object<'de, D, L, F>(
    deserializer: D,
    names: &'static [&'static str],
    index_of: F,
    expecting: &'static str,
) -> Result<L::Values, D::Error>
where
    D: Deserializer<'de>,
    L: Slots<'de>,
    F: Fn(&[u8]) -> Option<usize> + Copy,
{
    deserializer.deserialize_map(ObjectVisitor::<L, F> {
        names,
        index_of,
        expecting,
        slots: PhantomData,
    })
}

struct ObjectVisitor<L, F> {
    names: &'static [&'static str],
    index_of: F,
    expecting: &'static str,
    slots: PhantomData<fn() -> L>,
}

impl<'de, L: Slots<'de>, F: Fn(&[u8]) -> Option<usize> + Copy> Visitor<'de>
    for ObjectVisitor<L, F>
{
    type Value = L::Values;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut slots = L::default();
        while let Some(key) = map.next_key_seed(Key(self.index_of))? {
            match key {
                Some(index) => slots.read(index, self.names, &mut map)?,
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        slots.finish(self.names)
    }
}

/// A member's name: its index among the names, or `None` for another one.
struct Key<F>(F);

impl<'de, F: Fn(&[u8]) -> Option<usize>> DeserializeSeed<'de> for Key<F> {
    type Value = Option<usize>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<F: Fn(&[u8]) -> Option<usize>> Visitor<'_> for Key<F> {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    #[inline]
    fn visit_str<E: de::Error>(self, name: &str) -> Result<Self::Value, E> {
        Ok((self.0)(name.as_bytes()))
    }

    #[inline]
    fn visit_bytes<E: de::Error>(self, name: &[u8]) -> Result<Self::Value, E> {
        Ok((self.0)(name))
    }
}
