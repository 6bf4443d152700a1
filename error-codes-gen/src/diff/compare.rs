//! The comparison rules: which differences between two catalogues are
//! changes, and the line, code, status and message of each.

use std::collections::HashMap;

use super::{Change, ChangeKind, Class};
use crate::{Catalog, Code, Removed, Status};

/// Every difference, ordered by line in the new file (those without a line
/// first).
pub(super) fn changes(base: &Catalog, new: &Catalog) -> Vec<Change> {
    let mut changes = Vec::new();
    document(base, new, &mut changes);
    statuses(base, new, &mut changes);
    codes(base, new, &mut changes);
    tombstones(base, new, &mut changes);
    changes.sort_by_key(|change| change.line.unwrap_or(0));
    changes
}

/// Whether the new `version` has a higher major than the base's.
pub(super) fn major_bump(base: &Catalog, new: &Catalog) -> bool {
    match (base.version.as_deref(), new.version.as_deref()) {
        (Some(base), Some(new)) => major(new).zip(major(base)).is_some_and(|(n, b)| n > b),
        _ => false,
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
    use super::major;

    #[test]
    fn majors() {
        assert_eq!(major("1.0.0"), Some(1));
        assert_eq!(major("v2"), Some(2));
        assert_eq!(major("10.1-beta"), Some(10));
        assert_eq!(major("next"), None);
        assert_eq!(major(""), None);
    }
}
