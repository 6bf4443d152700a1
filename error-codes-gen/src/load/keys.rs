//! The mappings whose keys are the file format's own (a catalogue, a status,
//! a code's long form, a tombstone), read by name.
//!
//! A reader asks for each key it knows with [`Keys::take`], then calls
//! [`Keys::finish`], which reports every key nobody asked for, with the
//! nearest known key or the list of them. The keys a mapping may have are
//! exactly those its reader takes, so they are written once.

use super::Problems;
use super::yaml::{Node, Value};

/// A mapping being read by name.
pub(super) struct Keys<'n, 'a> {
    node: &'n Node<'a>,
    /// The keys asked for, in the order asked: the order the format
    /// documents them in, and the one "expected one of" lists.
    asked: Vec<&'static str>,
}

/// What [`Keys::finish`] found besides the keys asked for.
pub(super) struct Rest {
    /// Whether the mapping has keys nobody asked for (each reported).
    pub(super) has_unknown_keys: bool,
}

impl<'n, 'a> Keys<'n, 'a> {
    /// The keys of `node`. Blank counts as an empty mapping; anything else
    /// that is not a mapping has no keys, and [`Keys::finish`] reports it.
    pub(super) fn new(node: &'n Node<'a>) -> Self {
        Self {
            node,
            asked: Vec::with_capacity(8),
        }
    }

    /// The value of `key`, if the mapping has it.
    pub(super) fn take(&mut self, key: &'static str) -> Option<&'n Node<'a>> {
        self.asked.push(key);
        self.entries()
            .iter()
            .find(|(known, _)| known.key_text() == key)
            .map(|(_, value)| value)
    }

    /// The key `key` and its value, if the mapping has it: for a value
    /// whose problems are located at its key (`body:`).
    pub(super) fn take_entry(&mut self, key: &'static str) -> Option<&'n (Node<'a>, Node<'a>)> {
        self.asked.push(key);
        self.entries()
            .iter()
            .find(|(known, _)| known.key_text() == key)
    }

    /// Where `key` is among the mapping's keys, in file order.
    pub(super) fn position(&self, key: &str) -> Option<usize> {
        self.entries()
            .iter()
            .position(|(known, _)| known.key_text() == key)
    }

    /// Reports every key that was not asked for, at its place, as a key of
    /// `what`. `None` when the node is not a mapping (reported, unless it
    /// was refused already).
    pub(super) fn finish(self, problems: &mut Problems<'_>, what: &str) -> Option<Rest> {
        match &self.node.value {
            Value::Map(entries) => {
                let mut has_unknown_keys = false;
                for (key, _) in entries {
                    let text = key.key_text();
                    if self.asked.contains(&text) {
                        continue;
                    }
                    has_unknown_keys = true;
                    let expected = match self.asked.iter().find(|known| is_typo(text, known)) {
                        Some(known) => format!("did you mean `{known}`?"),
                        None => format!("expected one of {}", quoted(&self.asked)),
                    };
                    problems.at(
                        key.at,
                        format!("unknown key `{text}` in {what}: {expected}"),
                    );
                }
                Some(Rest { has_unknown_keys })
            }
            Value::Blank => Some(Rest {
                has_unknown_keys: false,
            }),
            Value::Refused => None,
            Value::Text(_) | Value::List(_) => {
                let expected = format!("a mapping with the keys {}", quoted(&self.asked));
                problems.expected(self.node, what, &expected);
                None
            }
        }
    }

    /// The keys asked for so far, quoted: `` `a`, `b` ``.
    pub(super) fn quoted(&self) -> String {
        quoted(&self.asked)
    }

    fn entries(&self) -> &'n [(Node<'a>, Node<'a>)] {
        match &self.node.value {
            Value::Map(entries) => entries,
            _ => &[],
        }
    }
}

/// Whether `written` is `meant` with one slip: a character left out, added,
/// changed, or two neighbours swapped, or a difference of case only.
pub(super) fn is_typo(written: &str, meant: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (
        written.to_lowercase().chars().collect(),
        meant.chars().collect(),
    );
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    match (a, b) {
        ([], []) => true,
        ([x, y, rest_a @ ..], [y2, x2, rest_b @ ..]) if x == x2 && y == y2 && rest_a == rest_b => {
            true
        }
        _ => a.get(1..) == b.get(1..) || a.get(1..) == Some(b) || Some(a) == b.get(1..),
    }
}

/// `` `a`, `b`, `c` ``.
pub(super) fn quoted(keys: &[&str]) -> String {
    let quoted: Vec<String> = keys.iter().map(|key| format!("`{key}`")).collect();
    quoted.join(", ")
}
