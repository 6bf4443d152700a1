//! The breaking-change check: every difference between two catalogues, and
//! which of them break clients.
//!
//! [`compare`] is pure: two loaded catalogues in, a [`Report`] out. Reading
//! the base (from a file or a git revision) and printing are the front end's.
//!
//! | class | changes |
//! | --- | --- |
//! | breaking | a code removed (with or without a tombstone); a code moved to another status; a code's, group's or top-level Rust name changed; a status that had codes removed; a tombstone removed |
//! | compatible | a code, status or tombstone added; a deprecation added, changed or lifted; a message, title, description, `since`, `version` or tombstone changed; codes or statuses reordered; a status without codes removed or renamed (it has no Rust enum) |
//!
//! A catalogue whose `version` has a higher major than the base's may break
//! clients: its breaking changes are listed and allowed, except a code
//! removed without a tombstone, which could come back with a new meaning.

use std::fmt;

use crate::Catalog;

mod compare;

/// Whether a change breaks clients built against the base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// Clients built against the base may fail to build or misread a response.
    Breaking,
    /// Clients built against the base keep working.
    Compatible,
}

impl Class {
    /// `breaking` or `compatible`.
    ///
    /// ```
    /// assert_eq!(error_codes_gen::diff::Class::Breaking.as_str(), "breaking");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Breaking => "breaking",
            Self::Compatible => "compatible",
        }
    }
}

impl fmt::Display for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What changed. [`ChangeKind::as_str`] names it for machines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ChangeKind {
    /// A code was added. Compatible.
    CodeAdded,
    /// A code was removed and has a tombstone. Breaking.
    CodeRemoved,
    /// A code was removed without a tombstone, so it could come back with
    /// another meaning. Breaking, even with a major version bump.
    CodeRemovedWithoutTombstone,
    /// A code is sent with another status now. Breaking.
    CodeMoved,
    /// A code's Rust variant has another name. Breaking.
    VariantRenamed,
    /// A status's Rust enum has another name. Breaking when the status has
    /// codes (and so an enum); compatible otherwise.
    GroupRenamed,
    /// The top-level Rust enum has another name. Breaking.
    TopLevelRenamed,
    /// A status was added. Compatible.
    StatusAdded,
    /// A status was removed. Breaking when it had codes; compatible otherwise.
    StatusRemoved,
    /// A tombstone was added for a code the base did not send. Compatible.
    TombstoneAdded,
    /// A tombstone was removed, so its code could come back. Breaking.
    TombstoneRemoved,
    /// A tombstone's status, version or reason changed. Compatible.
    TombstoneChanged,
    /// A code was deprecated. Compatible.
    DeprecationAdded,
    /// A deprecation note changed. Compatible.
    DeprecationChanged,
    /// A code is no longer deprecated. Compatible.
    DeprecationLifted,
    /// A code's message changed. Compatible.
    MessageChanged,
    /// A code's `since` was added, changed or removed. Compatible.
    SinceChanged,
    /// A status's title changed. Compatible.
    StatusTitleChanged,
    /// A status's description changed. Compatible.
    StatusDescriptionChanged,
    /// The document title changed. Compatible.
    TitleChanged,
    /// The document description changed. Compatible.
    DescriptionChanged,
    /// The catalogue version changed. Compatible.
    VersionChanged,
    /// A status's codes are in another order. Compatible.
    CodesReordered,
    /// The statuses are in another order. Compatible.
    StatusesReordered,
}

impl ChangeKind {
    /// Every kind, in the order above.
    ///
    /// ```
    /// use error_codes_gen::diff::ChangeKind;
    /// assert!(ChangeKind::ALL.contains(&ChangeKind::CodeMoved));
    /// ```
    pub const ALL: [Self; 24] = [
        Self::CodeAdded,
        Self::CodeRemoved,
        Self::CodeRemovedWithoutTombstone,
        Self::CodeMoved,
        Self::VariantRenamed,
        Self::GroupRenamed,
        Self::TopLevelRenamed,
        Self::StatusAdded,
        Self::StatusRemoved,
        Self::TombstoneAdded,
        Self::TombstoneRemoved,
        Self::TombstoneChanged,
        Self::DeprecationAdded,
        Self::DeprecationChanged,
        Self::DeprecationLifted,
        Self::MessageChanged,
        Self::SinceChanged,
        Self::StatusTitleChanged,
        Self::StatusDescriptionChanged,
        Self::TitleChanged,
        Self::DescriptionChanged,
        Self::VersionChanged,
        Self::CodesReordered,
        Self::StatusesReordered,
    ];

    /// The kind in `snake_case`, e.g. `code_moved`.
    ///
    /// ```
    /// use error_codes_gen::diff::ChangeKind;
    /// assert_eq!(ChangeKind::CodeRemovedWithoutTombstone.as_str(), "code_removed_without_tombstone");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::CodeAdded => "code_added",
            Self::CodeRemoved => "code_removed",
            Self::CodeRemovedWithoutTombstone => "code_removed_without_tombstone",
            Self::CodeMoved => "code_moved",
            Self::VariantRenamed => "variant_renamed",
            Self::GroupRenamed => "group_renamed",
            Self::TopLevelRenamed => "top_level_renamed",
            Self::StatusAdded => "status_added",
            Self::StatusRemoved => "status_removed",
            Self::TombstoneAdded => "tombstone_added",
            Self::TombstoneRemoved => "tombstone_removed",
            Self::TombstoneChanged => "tombstone_changed",
            Self::DeprecationAdded => "deprecation_added",
            Self::DeprecationChanged => "deprecation_changed",
            Self::DeprecationLifted => "deprecation_lifted",
            Self::MessageChanged => "message_changed",
            Self::SinceChanged => "since_changed",
            Self::StatusTitleChanged => "status_title_changed",
            Self::StatusDescriptionChanged => "status_description_changed",
            Self::TitleChanged => "title_changed",
            Self::DescriptionChanged => "description_changed",
            Self::VersionChanged => "version_changed",
            Self::CodesReordered => "codes_reordered",
            Self::StatusesReordered => "statuses_reordered",
        }
    }
}

impl fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One difference between the base and the new catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Change {
    /// What changed.
    pub kind: ChangeKind,
    /// Whether it breaks clients.
    pub class: Class,
    /// Where the change is in the new file (1-based), when it is there: a
    /// code, status, tombstone, `name:`, `version:` or `description:` that
    /// was removed has no line.
    pub line: Option<usize>,
    /// The code it concerns, if one.
    pub code: Option<String>,
    /// The status it concerns, if one (for a moved code, the new status).
    pub status: Option<u16>,
    /// What happened, in a sentence, e.g. ``code `a` moved from 401 to 403``.
    pub message: String,
}

impl Change {
    /// Whether a major version bump allows this change: every breaking change
    /// but removing a code without a tombstone.
    #[must_use]
    pub fn allowed_by_major_bump(&self) -> bool {
        self.kind != ChangeKind::CodeRemovedWithoutTombstone
    }
}

/// The outcome of [`compare`]: every difference, and what they add up to.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Report {
    /// Every difference, ordered by line in the new file (those without a
    /// line first).
    pub changes: Vec<Change>,
    /// Whether the new `version` has a higher major than the base's.
    pub major_bump: bool,
}

impl Report {
    /// The breaking changes.
    pub fn breaking(&self) -> impl Iterator<Item = &Change> {
        self.changes
            .iter()
            .filter(|change| change.class == Class::Breaking)
    }

    /// Whether the new catalogue may replace the base: it breaks nothing, or
    /// its major version is higher and every breaking change is one a major
    /// bump allows.
    #[must_use]
    pub fn passes(&self) -> bool {
        self.breaking()
            .all(|change| self.major_bump && change.allowed_by_major_bump())
    }
}

/// Compares `new` with `base`, the catalogue it replaces.
///
/// ```
/// use error_codes_gen::{Catalog, diff::{ChangeKind, Class, compare}};
///
/// let base = Catalog::from_yaml(
///     "title: T\nversion: 1.0.0\nstatuses:\n  401:\n    codes:\n      a: A.\n",
///     "base.yaml",
/// )?;
/// let new = Catalog::from_yaml(
///     "title: T\nversion: 1.1.0\nstatuses:\n  403:\n    codes:\n      a: A.\n",
///     "errors.yaml",
/// )?;
/// let report = compare(&base, &new);
/// let moved = report.changes.iter().find(|c| c.kind == ChangeKind::CodeMoved).unwrap();
/// assert_eq!(moved.class, Class::Breaking);
/// assert_eq!(moved.line, Some(6));
/// assert_eq!(moved.message, "code `a` moved from status 401 to 403");
/// assert!(!report.passes(), "a minor version may not move a code");
/// # Ok::<(), error_codes_gen::Error>(())
/// ```
#[must_use]
pub fn compare(base: &Catalog, new: &Catalog) -> Report {
    Report {
        changes: compare::changes(base, new),
        major_bump: compare::major_bump(base, new),
    }
}

#[cfg(test)]
mod tests {
    use super::ChangeKind;

    #[test]
    fn all_holds_every_kind_once() {
        // Exhaustive: a new kind does not compile here until it has a place,
        // and then it must be at that place in `ALL`.
        const fn place(kind: ChangeKind) -> usize {
            use ChangeKind::*;
            match kind {
                CodeAdded => 0,
                CodeRemoved => 1,
                CodeRemovedWithoutTombstone => 2,
                CodeMoved => 3,
                VariantRenamed => 4,
                GroupRenamed => 5,
                TopLevelRenamed => 6,
                StatusAdded => 7,
                StatusRemoved => 8,
                TombstoneAdded => 9,
                TombstoneRemoved => 10,
                TombstoneChanged => 11,
                DeprecationAdded => 12,
                DeprecationChanged => 13,
                DeprecationLifted => 14,
                MessageChanged => 15,
                SinceChanged => 16,
                StatusTitleChanged => 17,
                StatusDescriptionChanged => 18,
                TitleChanged => 19,
                DescriptionChanged => 20,
                VersionChanged => 21,
                CodesReordered => 22,
                StatusesReordered => 23,
            }
        }
        for (index, kind) in ChangeKind::ALL.into_iter().enumerate() {
            assert_eq!(place(kind), index, "{kind}");
        }
    }
}
