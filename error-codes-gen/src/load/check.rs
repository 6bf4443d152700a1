//! The rules between items of a catalogue, rather than within one: a code
//! under two statuses, a code that reuses a tombstone, and Rust names that
//! collide. Each check remembers what it has seen, so that a problem names
//! where the other item is.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// What has been seen so far across the whole catalogue.
#[derive(Default)]
pub(super) struct Seen<'n> {
    /// Removed code → the line of its tombstone.
    tombstones: HashMap<&'n str, usize>,
    /// Code → its status and line.
    codes: HashMap<&'n str, (u16, usize)>,
    /// Rust group enum name → its status and line.
    groups: HashMap<String, (u16, usize)>,
}

impl<'n> Seen<'n> {
    /// Remembers a tombstone, read before any code.
    pub(super) fn tombstone(&mut self, code: &'n str, line: usize) {
        self.tombstones.insert(code, line);
    }

    /// A code of `status` at `line`: why it cannot be taken, if it cannot (it
    /// is under a status already, or it was removed).
    pub(super) fn code(&mut self, code: &'n str, status: u16, line: usize) -> Option<String> {
        match self.codes.entry(code) {
            Entry::Occupied(first) => {
                let (other_status, other_line) = first.get();
                return Some(format!(
                    "duplicate code `{code}`: already under status {other_status} (line {other_line})"
                ));
            }
            Entry::Vacant(entry) => {
                entry.insert((status, line));
            }
        }
        let tombstone_line = self.tombstones.get(code)?;
        Some(format!(
            "code `{code}` was removed (tombstone at line {tombstone_line}) and must never come \
             back: clients may still read it with its old meaning; choose a new code"
        ))
    }

    /// The Rust enum `group` of `status` at `line`: why it cannot have that
    /// name, if it cannot (it clashes with a generated name, the top-level
    /// enum's or another status's).
    pub(super) fn group(
        &mut self,
        group: &str,
        status: u16,
        line: usize,
        top_level: Option<&str>,
    ) -> Option<String> {
        if group == "Error" {
            // Its TypeScript union would be `ErrorCode`, the union of all codes.
            return Some(format!(
                "status {status} cannot be named `Error`: its code union would clash with \
                 `ErrorCode` in TypeScript; give it another `name:`"
            ));
        }
        if top_level == Some(group) {
            return Some(format!(
                "status {status} becomes the Rust enum `{group}`, the name of the top-level enum; \
                 give one of them another `name:`"
            ));
        }
        if let Some((other, other_line)) = self.groups.get(group) {
            return Some(format!(
                "status {status} becomes the Rust enum `{group}`, like status {other} (line {other_line}); \
                 give one of them another `name:`"
            ));
        }
        self.groups.insert(group.to_owned(), (status, line));
        None
    }
}

/// The Rust variants of one status's enum, seen so far.
pub(super) struct Variants<'n> {
    /// Variant name → its code, line, and whether it is the code's `name:`.
    names: HashMap<String, (&'n str, usize, bool)>,
}

impl<'n> Variants<'n> {
    /// Room for `codes` variants: sized once, since growing a map hashes
    /// every key again.
    pub(super) fn with_capacity(codes: usize) -> Self {
        Self {
            names: HashMap::with_capacity(codes),
        }
    }

    /// The variant `variant` of `code` at `line`, in the enum `group`, given
    /// by the code's `name:` when `explicit`: why it cannot have that name,
    /// if another code of the status has it.
    pub(super) fn variant(
        &mut self,
        variant: &str,
        code: &'n str,
        line: usize,
        group: &str,
        explicit: bool,
    ) -> Option<String> {
        if let Some(&(other, other_line, other_explicit)) = self.names.get(variant) {
            if !explicit && !other_explicit {
                return Some(format!(
                    "code `{code}` becomes the Rust variant `{group}::{variant}`, like `{other}` (line {other_line}); \
                     codes in one status must differ in more than case and separators"
                ));
            }
            let own = if explicit { " (its `name:`)" } else { "" };
            let others = if other_explicit { ", its `name:`" } else { "" };
            return Some(format!(
                "code `{code}` becomes the Rust variant `{group}::{variant}`{own}, like `{other}` \
                 (line {other_line}{others}); give one of them another `name:`"
            ));
        }
        self.names
            .insert(variant.to_owned(), (code, line, explicit));
        None
    }
}
