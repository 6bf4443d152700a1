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

use std::collections::HashMap;
use std::fmt;

use crate::{Catalog, Code, Removed, Status};

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
    let mut changes = Vec::new();
    document(base, new, &mut changes);
    statuses(base, new, &mut changes);
    codes(base, new, &mut changes);
    tombstones(base, new, &mut changes);
    changes.sort_by_key(|change| change.line.unwrap_or(0));
    let major_bump = match (base.version.as_deref(), new.version.as_deref()) {
        (Some(base), Some(new)) => major(new).zip(major(base)).is_some_and(|(n, b)| n > b),
        _ => false,
    };
    Report {
        changes,
        major_bump,
    }
}

/// The major version of a version like `2.1.0` or `v2`, if it starts with one.
fn major(version: &str) -> Option<u64> {
    let version = version.trim();
    let version = version.strip_prefix(['v', 'V']).unwrap_or(version);
    let digits = version
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(version.len());
    version[..digits].parse().ok()
}

fn change(
    kind: ChangeKind,
    class: Class,
    line: Option<usize>,
    code: Option<&str>,
    status: Option<u16>,
    message: String,
) -> Change {
    Change {
        kind,
        class,
        line,
        code: code.map(str::to_owned),
        status,
        message,
    }
}

/// `"text"`, on one line, for messages.
fn show(text: &str) -> String {
    format!("{text:?}")
}

fn show_option(text: Option<&str>) -> String {
    text.map_or_else(|| "none".to_owned(), show)
}

/// Document-level changes: the top-level name, title, description, version.
fn document(base: &Catalog, new: &Catalog, changes: &mut Vec<Change>) {
    use ChangeKind::{DescriptionChanged, TitleChanged, TopLevelRenamed, VersionChanged};
    let compatible = Class::Compatible;
    if base.name != new.name {
        changes.push(change(
            TopLevelRenamed,
            Class::Breaking,
            new.name_line,
            None,
            None,
            format!(
                "the top-level Rust enum is renamed from `{}` to `{}`",
                base.name, new.name
            ),
        ));
    }
    if base.title != new.title {
        let message = format!(
            "the title changed from {} to {}",
            show(&base.title),
            show(&new.title)
        );
        changes.push(change(
            TitleChanged,
            compatible,
            Some(new.title_line),
            None,
            None,
            message,
        ));
    }
    if base.description != new.description {
        let message = "the description changed".to_owned();
        changes.push(change(
            DescriptionChanged,
            compatible,
            new.description_line,
            None,
            None,
            message,
        ));
    }
    if base.version != new.version {
        let message = format!(
            "the version changed from {} to {}",
            show_option(base.version.as_deref()),
            show_option(new.version.as_deref())
        );
        changes.push(change(
            VersionChanged,
            compatible,
            new.version_line,
            None,
            None,
            message,
        ));
    }
}

/// Statuses added, removed, renamed, retitled, redescribed or reordered.
fn statuses(base: &Catalog, new: &Catalog, changes: &mut Vec<Change>) {
    use ChangeKind::{
        GroupRenamed, StatusAdded, StatusDescriptionChanged, StatusRemoved, StatusTitleChanged,
        StatusesReordered,
    };
    for old in &base.statuses {
        let number = Some(old.status);
        let Some(status) = find(new, old.status) else {
            let (class, what) = if old.codes.is_empty() {
                (Class::Compatible, "it had no codes")
            } else {
                (Class::Breaking, "its Rust enum is gone")
            };
            let message = format!(
                "status {} is removed (it was at line {}); {what}",
                old.status, old.line
            );
            changes.push(change(StatusRemoved, class, None, None, number, message));
            continue;
        };
        let line = Some(status.line);
        if old.name != status.name {
            let (class, what) = if old.codes.is_empty() {
                (Class::Compatible, " (it had no codes, so no Rust enum)")
            } else {
                (Class::Breaking, "")
            };
            let message = format!(
                "status {} is renamed from `{}` to `{}`{what}",
                old.status, old.name, status.name
            );
            changes.push(change(GroupRenamed, class, line, None, number, message));
        }
        if old.title != status.title {
            let message = format!(
                "the title of status {} changed from {} to {}",
                old.status,
                show(&old.title),
                show(&status.title)
            );
            let class = Class::Compatible;
            changes.push(change(
                StatusTitleChanged,
                class,
                line,
                None,
                number,
                message,
            ));
        }
        if old.description != status.description {
            let message = format!("the description of status {} changed", old.status);
            let class = Class::Compatible;
            changes.push(change(
                StatusDescriptionChanged,
                class,
                line,
                None,
                number,
                message,
            ));
        }
    }
    for status in &new.statuses {
        if find(base, status.status).is_none() {
            let message = format!("status {} is added", status.status);
            let (line, number) = (Some(status.line), Some(status.status));
            changes.push(change(
                StatusAdded,
                Class::Compatible,
                line,
                None,
                number,
                message,
            ));
        }
    }
    // The statuses in both, in each file's order.
    let (before, after) = (kept_statuses(base, new), kept_statuses(new, base));
    if let Some(first) = first_moved(&before, &after) {
        let message = format!("the statuses are reordered: {after:?}, were {before:?}");
        let line = find(new, first).map(|status| status.line);
        changes.push(change(
            StatusesReordered,
            Class::Compatible,
            line,
            None,
            None,
            message,
        ));
    }
}

fn find(catalog: &Catalog, number: u16) -> Option<&Status> {
    catalog
        .statuses
        .iter()
        .find(|status| status.status == number)
}

/// The statuses of `catalog` that `other` has too, in order.
fn kept_statuses(catalog: &Catalog, other: &Catalog) -> Vec<u16> {
    catalog
        .statuses
        .iter()
        .map(|status| status.status)
        .filter(|&number| find(other, number).is_some())
        .collect()
}

/// The codes of `status` that the other catalogue, whose codes' statuses
/// are `other`, has under the same status, in order.
fn kept_codes<'a>(status: &'a Status, other: &HashMap<&str, u16>) -> Vec<&'a str> {
    status
        .codes
        .iter()
        .map(|code| code.code.as_str())
        .filter(|code| other.get(code) == Some(&status.status))
        .collect()
}

/// Each tombstone of `catalog`, by its code.
fn tombstones_by_code(catalog: &Catalog) -> HashMap<&str, &Removed> {
    catalog
        .removed
        .iter()
        .map(|tombstone| (tombstone.code.as_str(), tombstone))
        .collect()
}

/// Each code of `catalog` and its status.
fn statuses_of_codes(catalog: &Catalog) -> HashMap<&str, u16> {
    catalog
        .codes()
        .map(|(status, code)| (code.code.as_str(), status.status))
        .collect()
}

/// The first item of `after` that is not where it was in `before`, when both
/// hold the same items.
fn first_moved<T: PartialEq + Copy>(before: &[T], after: &[T]) -> Option<T> {
    after
        .iter()
        .zip(before)
        .find(|(now, was)| now != was)
        .map(|(&now, _)| now)
}

/// Codes added, removed, moved, renamed, re-documented or reordered.
fn codes(base: &Catalog, new: &Catalog, changes: &mut Vec<Change>) {
    let new_codes: HashMap<&str, (&Status, &Code)> = new
        .codes()
        .map(|(status, code)| (code.code.as_str(), (status, code)))
        .collect();
    let base_codes = statuses_of_codes(base);
    let tombstones = tombstones_by_code(new);

    for (old_status, old) in base.codes() {
        if let Some(&(status, code)) = new_codes.get(old.code.as_str()) {
            code_changes(old_status, old, status, code, changes);
        } else {
            let tombstone = tombstones.get(old.code.as_str()).copied();
            changes.push(removed_code(old_status, old, tombstone));
        }
    }
    for (status, code) in new.codes() {
        if !base_codes.contains_key(code.code.as_str()) {
            changes.push(change(
                ChangeKind::CodeAdded,
                Class::Compatible,
                Some(code.line),
                Some(&code.code),
                Some(status.status),
                format!("code `{}` is added to status {}", code.code, status.status),
            ));
        }
    }
    let new_codes = statuses_of_codes(new);
    for old_status in &base.statuses {
        let Some(status) = find(new, old_status.status) else {
            continue;
        };
        let (before, after) = (
            kept_codes(old_status, &new_codes),
            kept_codes(status, &base_codes),
        );
        if let Some(first) = first_moved(&before, &after) {
            let first = status
                .codes
                .iter()
                .find(|code| code.code == first)
                .map(|code| code.line);
            changes.push(change(
                ChangeKind::CodesReordered,
                Class::Compatible,
                first,
                None,
                Some(status.status),
                format!("the codes of status {} are reordered", status.status),
            ));
        }
    }
}

fn removed_code(old_status: &Status, old: &Code, tombstone: Option<&Removed>) -> Change {
    let (status, code) = (old_status.status, old.code.as_str());
    match tombstone {
        Some(tombstone) => change(
            ChangeKind::CodeRemoved,
            Class::Breaking,
            Some(tombstone.line),
            Some(code),
            Some(status),
            format!("code `{code}` (status {status}) is removed, with a tombstone"),
        ),
        None => change(
            ChangeKind::CodeRemovedWithoutTombstone,
            Class::Breaking,
            None,
            Some(code),
            Some(status),
            format!(
                "code `{code}` (status {status}, line {} of the base) is removed without a \
                 tombstone: add it under `removed:` so that it can never come back with \
                 another meaning",
                old.line
            ),
        ),
    }
}

/// The changes to a code that is in both catalogues.
fn code_changes(
    old_status: &Status,
    old: &Code,
    status: &Status,
    code: &Code,
    changes: &mut Vec<Change>,
) {
    use ChangeKind::{
        CodeMoved, DeprecationAdded, DeprecationChanged, DeprecationLifted, MessageChanged,
        SinceChanged, VariantRenamed,
    };
    let mut push = |kind, class, message| {
        let line = Some(code.line);
        changes.push(change(
            kind,
            class,
            line,
            Some(&code.code),
            Some(status.status),
            message,
        ));
    };
    let name = &code.code;
    if old_status.status != status.status {
        push(
            CodeMoved,
            Class::Breaking,
            format!(
                "code `{name}` moved from status {} to {}",
                old_status.status, status.status
            ),
        );
    }
    if old.name != code.name {
        push(
            VariantRenamed,
            Class::Breaking,
            format!(
                "the Rust variant of code `{name}` is renamed from `{}` to `{}`",
                old.name, code.name
            ),
        );
    }
    if old.message != code.message {
        push(
            MessageChanged,
            Class::Compatible,
            format!(
                "the message of code `{name}` changed from {} to {}",
                show(&old.message),
                show(&code.message)
            ),
        );
    }
    match (&old.deprecated, &code.deprecated) {
        (None, Some(note)) => push(
            DeprecationAdded,
            Class::Compatible,
            format!("code `{name}` is deprecated: {}", show(note)),
        ),
        (Some(_), None) => push(
            DeprecationLifted,
            Class::Compatible,
            format!("code `{name}` is no longer deprecated"),
        ),
        (Some(before), Some(after)) if before != after => push(
            DeprecationChanged,
            Class::Compatible,
            format!(
                "the deprecation note of code `{name}` changed from {} to {}",
                show(before),
                show(after)
            ),
        ),
        _ => {}
    }
    if old.since != code.since {
        push(
            SinceChanged,
            Class::Compatible,
            format!(
                "the `since` of code `{name}` changed from {} to {}",
                show_option(old.since.as_deref()),
                show_option(code.since.as_deref())
            ),
        );
    }
}

/// Tombstones added, removed or changed. A tombstone for a code the base
/// sent is part of that code's removal, not a change of its own.
fn tombstones(base: &Catalog, new: &Catalog, changes: &mut Vec<Change>) {
    let base_codes = statuses_of_codes(base);
    let (base_tombstones, new_tombstones) = (tombstones_by_code(base), tombstones_by_code(new));
    for old in &base.removed {
        let code = Some(old.code.as_str());
        match new_tombstones.get(old.code.as_str()) {
            None => changes.push(change(
                ChangeKind::TombstoneRemoved,
                Class::Breaking,
                None,
                code,
                Some(old.status),
                format!(
                    "the tombstone of code `{}` is removed (it was at line {}): the code \
                     could come back with another meaning",
                    old.code, old.line
                ),
            )),
            Some(tombstone)
                if (tombstone.status, &tombstone.version, &tombstone.reason)
                    != (old.status, &old.version, &old.reason) =>
            {
                changes.push(change(
                    ChangeKind::TombstoneChanged,
                    Class::Compatible,
                    Some(tombstone.line),
                    code,
                    Some(tombstone.status),
                    format!("the tombstone of code `{}` changed", old.code),
                ));
            }
            Some(_) => {}
        }
    }
    for tombstone in &new.removed {
        let code = tombstone.code.as_str();
        if !base_tombstones.contains_key(code) && !base_codes.contains_key(code) {
            changes.push(change(
                ChangeKind::TombstoneAdded,
                Class::Compatible,
                Some(tombstone.line),
                Some(&tombstone.code),
                Some(tombstone.status),
                format!("a tombstone is added for code `{}`", tombstone.code),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ChangeKind, major};

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

    #[test]
    fn majors() {
        assert_eq!(major("1.0.0"), Some(1));
        assert_eq!(major("v2"), Some(2));
        assert_eq!(major("10.1-beta"), Some(10));
        assert_eq!(major("next"), None);
        assert_eq!(major(""), None);
    }
}
