//! The comparison rules: which differences between two catalogues are
//! changes, and the line, code, status and message of each.

use std::collections::HashMap;

use super::{Change, ChangeKind};
use crate::{Body, Catalog, Code, CodeType, Member, Object, Param, Part, Path, Removed, Status};

/// Every difference, ordered by line in the new file (those without a line
/// first).
pub(super) fn changes(base: &Catalog, new: &Catalog) -> Vec<Change> {
    let mut changes = Vec::new();
    document(base, new, &mut changes);
    body(base, new, &mut changes);
    statuses(base, new, &mut changes);
    codes(base, new, &mut changes);
    types(base, new, &mut changes);
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

/// `"text"`, on one line, for messages.
fn show(text: &str) -> String {
    format!("{text:?}")
}

fn show_option(text: Option<&str>) -> String {
    text.map_or_else(|| "none".to_owned(), show)
}

/// Document-level changes: the top-level name, title, description, version,
/// docs URL template.
fn document(base: &Catalog, new: &Catalog, changes: &mut Vec<Change>) {
    use ChangeKind::{
        DescriptionChanged, DocsTemplateChanged, TitleChanged, TopLevelRenamed, VersionChanged,
    };
    if base.name != new.name {
        let message = format!(
            "the top-level Rust enum is renamed from `{}` to `{}`",
            base.name, new.name
        );
        changes.push(Change::new(TopLevelRenamed, message).line(new.name_line));
    }
    if base.title != new.title {
        let message = format!(
            "the title changed from {} to {}",
            show(&base.title),
            show(&new.title)
        );
        changes.push(Change::new(TitleChanged, message).line(new.title_line));
    }
    if base.description != new.description {
        let message = "the description changed".to_owned();
        changes.push(Change::new(DescriptionChanged, message).line(new.description_line));
    }
    if base.version != new.version {
        let message = format!(
            "the version changed from {} to {}",
            show_option(base.version.as_deref()),
            show_option(new.version.as_deref())
        );
        changes.push(Change::new(VersionChanged, message).line(new.version_line));
    }
    if base.docs != new.docs {
        let message = format!(
            "the docs URL template changed from {} to {}",
            show_option(base.docs.as_deref()),
            show_option(new.docs.as_deref())
        );
        changes.push(Change::new(DocsTemplateChanged, message).line(new.docs_line));
    }
}

/// Changes to the body's layout: its preset, each part's member, the order
/// of its members, how codes are sent and its media type. All are at the
/// line of `body:` in the new file, if it has one.
fn body(base: &Catalog, new: &Catalog, changes: &mut Vec<Change>) {
    let (before, after) = (&base.body, &new.body);
    let mut found = Vec::new();
    let mut push = |kind, message| found.push((kind, message));
    layout(before, after, &mut push);
    wire(before, after, &mut push);
    let line = after.line;
    changes.extend(
        found
            .into_iter()
            .map(|(kind, message)| Change::new(kind, message).line(line)),
    );
}

/// The preset taken up or given up, and each part moved, added or removed.
fn layout(before: &Body, after: &Body, push: &mut impl FnMut(ChangeKind, String)) {
    use ChangeKind::{BodyPartAdded, BodyPartMoved, BodyPartRemoved, BodyPresetChanged};
    match (before.preset, after.preset) {
        (None, Some(preset)) => push(
            BodyPresetChanged,
            format!("the body is the `{}` preset now", preset.word()),
        ),
        (Some(preset), None) => push(
            BodyPresetChanged,
            format!("the body is no longer the `{}` preset", preset.word()),
        ),
        (Some(was), Some(now)) if was != now => push(
            BodyPresetChanged,
            format!(
                "the body's preset changed from `{}` to `{}`",
                was.word(),
                now.word()
            ),
        ),
        _ => {}
    }
    for part in Part::ALL {
        let what = noun(part);
        let (is, was_) = if part == Part::Details {
            ("are", "were")
        } else {
            ("is", "was")
        };
        match (before.path(part), after.path(part)) {
            (Some(was), Some(now)) if was != now => push(
                BodyPartMoved,
                format!(
                    "the body's {what} {is} {} now, {was_} {}",
                    place(now),
                    place(was)
                ),
            ),
            (None, Some(now)) => push(
                BodyPartAdded,
                format!(
                    "the body carries the {what} {} now: servers built before do not send it",
                    place(now)
                ),
            ),
            (Some(was), None) => push(
                BodyPartRemoved,
                format!(
                    "the body no longer carries the {what} ({it} {was_} {})",
                    place(was),
                    it = if part == Part::Details { "they" } else { "it" }
                ),
            ),
            _ => {}
        }
    }
}

/// The members in another order, the codes sent as another JSON type, the
/// media type changed.
fn wire(before: &Body, after: &Body, push: &mut impl FnMut(ChangeKind, String)) {
    use ChangeKind::{BodyPartsReordered, CodeTypeChanged, ContentTypeChanged};
    // The order the body writes its members in, of the parts at the same
    // member in both: a part that moved is reported as moved.
    let kept = |body: &Body, other: &Body| -> Vec<Part> {
        written_order(body)
            .into_iter()
            .filter(|&part| other.path(part) == body.path(part))
            .collect()
    };
    let (was, now) = (kept(before, after), kept(after, before));
    if first_moved(&was, &now).is_some() {
        let keys = |parts: &[Part]| -> String {
            parts
                .iter()
                .map(|&part| noun(part))
                .collect::<Vec<_>>()
                .join(", ")
        };
        push(
            BodyPartsReordered,
            format!(
                "the body writes its members in another order: {} (was {})",
                keys(&now),
                keys(&was)
            ),
        );
    }
    if before.code_type != after.code_type {
        let sent_as = |code_type: CodeType| match code_type {
            CodeType::Integer => "JSON numbers",
            _ => "JSON strings",
        };
        push(
            CodeTypeChanged,
            format!(
                "the codes are sent as {} now (`code_type: {}`), were {}: clients built before \
                 misread every body",
                sent_as(after.code_type),
                after.code_type.word(),
                sent_as(before.code_type)
            ),
        );
    }
    if before.content_type != after.content_type {
        push(
            ContentTypeChanged,
            format!(
                "the body's content type changed from `{}` to `{}`",
                before.content_type, after.content_type
            ),
        );
    }
}

/// A part of the body, for messages: `code`, `docs URL`, ….
fn noun(part: Part) -> &'static str {
    match part {
        Part::Docs => "docs URL",
        other => other.key(),
    }
}

/// Where a part goes, for messages: ``at `error.code` ``, ``spread into
/// `error` ``, `spread into the body`.
fn place(path: &Path) -> String {
    match (path.spread, path.members.is_empty()) {
        (true, true) => "spread into the body".to_owned(),
        (true, false) => format!("spread into `{}`", path.members.join(".")),
        (false, _) => format!("at `{path}`"),
    }
}

/// The parts of `body` in the order it writes them: its tree, depth first
/// (a spread last in its object).
fn written_order(body: &Body) -> Vec<Part> {
    fn walk(object: &Object, out: &mut Vec<Part>) {
        for member in &object.members {
            match &member.value {
                Member::Part(part) => out.push(*part),
                Member::Object(inner) => walk(inner, out),
            }
        }
        if object.spread {
            out.push(Part::Details);
        }
    }
    let mut out = Vec::new();
    walk(&body.tree(), &mut out);
    out
}

/// Statuses added, removed, renamed, retitled, redescribed or reordered.
fn statuses(base: &Catalog, new: &Catalog, changes: &mut Vec<Change>) {
    use ChangeKind::{
        GroupRenamed, StatusAdded, StatusDescriptionChanged, StatusRemoved, StatusTitleChanged,
        StatusesReordered,
    };
    for old in &base.statuses {
        let had_codes = !old.codes.is_empty();
        let Some(status) = find(new, old.status) else {
            let what = if had_codes {
                "its Rust enum is gone"
            } else {
                "it had no codes"
            };
            let message = format!(
                "status {} is removed (it was at line {}); {what}",
                old.status, old.line
            );
            let removed = Change::new(StatusRemoved, message)
                .status(old.status)
                .had_codes(had_codes);
            changes.push(removed);
            continue;
        };
        // Each change below is to this status, at its line in the new file.
        let change = |kind, message| {
            Change::new(kind, message)
                .line(status.line)
                .status(old.status)
        };
        if old.name != status.name {
            let what = if had_codes {
                ""
            } else {
                " (it had no codes, so no Rust enum)"
            };
            let message = format!(
                "status {} is renamed from `{}` to `{}`{what}",
                old.status, old.name, status.name
            );
            changes.push(change(GroupRenamed, message).had_codes(had_codes));
        }
        if old.title != status.title {
            let message = format!(
                "the title of status {} changed from {} to {}",
                old.status,
                show(&old.title),
                show(&status.title)
            );
            changes.push(change(StatusTitleChanged, message));
        }
        if old.description != status.description {
            let message = format!("the description of status {} changed", old.status);
            changes.push(change(StatusDescriptionChanged, message));
        }
    }
    for status in &new.statuses {
        if find(base, status.status).is_none() {
            let message = format!("status {} is added", status.status);
            let added = Change::new(StatusAdded, message)
                .line(status.line)
                .status(status.status);
            changes.push(added);
        }
    }
    // The statuses in both, in each file's order.
    let (before, after) = (kept_statuses(base, new), kept_statuses(new, base));
    if let Some(first) = first_moved(&before, &after) {
        let message = format!("the statuses are reordered: {after:?}, were {before:?}");
        let line = find(new, first).map(|status| status.line);
        changes.push(Change::new(StatusesReordered, message).line(line));
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
            let docs = [base.docs.as_deref(), new.docs.as_deref()];
            code_changes(old_status, old, status, code, docs, changes);
        } else {
            let tombstone = tombstones.get(old.code.as_str()).copied();
            changes.push(removed_code(old_status, old, tombstone));
        }
    }
    for (status, code) in new.codes() {
        if !base_codes.contains_key(code.code.as_str()) {
            let message = format!("code `{}` is added to status {}", code.code, status.status);
            let added = Change::new(ChangeKind::CodeAdded, message)
                .line(code.line)
                .code(&code.code)
                .status(status.status);
            changes.push(added);
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
            let message = format!("the codes of status {} are reordered", status.status);
            let reordered = Change::new(ChangeKind::CodesReordered, message)
                .line(first)
                .status(status.status);
            changes.push(reordered);
        }
    }
}

fn removed_code(old_status: &Status, old: &Code, tombstone: Option<&Removed>) -> Change {
    let (status, code) = (old_status.status, old.code.as_str());
    let removed = match tombstone {
        Some(tombstone) => Change::new(
            ChangeKind::CodeRemoved,
            format!("code `{code}` (status {status}) is removed, with a tombstone"),
        )
        .line(tombstone.line),
        None => Change::new(
            ChangeKind::CodeRemovedWithoutTombstone,
            format!(
                "code `{code}` (status {status}, line {} of the base) is removed without a \
                 tombstone: add it under `removed:` so that it can never come back with \
                 another meaning",
                old.line
            ),
        ),
    };
    removed.code(code).status(status)
}

/// The changes to a code that is in both catalogues; `docs` are the docs URL
/// templates of the base and the new catalogue.
fn code_changes(
    old_status: &Status,
    old: &Code,
    status: &Status,
    code: &Code,
    docs: [Option<&str>; 2],
    changes: &mut Vec<Change>,
) {
    use ChangeKind::{
        CodeMoved, DeprecationAdded, DeprecationChanged, DeprecationLifted, MessageChanged,
        RetryChanged, SinceChanged, VariantRenamed,
    };
    // Each change below is to this code, at its line in the new file.
    let mut push = |kind, message| {
        let change = Change::new(kind, message)
            .line(code.line)
            .code(&code.code)
            .status(status.status);
        changes.push(change);
    };
    let name = &code.code;
    if old_status.status != status.status {
        push(
            CodeMoved,
            format!(
                "code `{name}` moved from status {} to {}",
                old_status.status, status.status
            ),
        );
    }
    if old.name != code.name {
        push(
            VariantRenamed,
            format!(
                "the Rust variant of code `{name}` is renamed from `{}` to `{}`",
                old.name, code.name
            ),
        );
    }
    if old.message != code.message {
        push(
            MessageChanged,
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
            format!("code `{name}` is deprecated: {}", show(note)),
        ),
        (Some(_), None) => push(
            DeprecationLifted,
            format!("code `{name}` is no longer deprecated"),
        ),
        (Some(before), Some(after)) if before != after => push(
            DeprecationChanged,
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
            format!(
                "the `since` of code `{name}` changed from {} to {}",
                show_option(old.since.as_deref()),
                show_option(code.since.as_deref())
            ),
        );
    }
    for (kind, message) in docs_and_title([old_status, status], [old, code], docs) {
        push(kind, message);
    }
    // The effective retry: what clients are told, whether the code or its
    // status says it. A status's `retry:` that no code takes changes nothing
    // any output shows, so it is not a change.
    if old.retry != code.retry {
        push(
            RetryChanged,
            format!(
                "the retry of code `{name}` changed from {} to {}",
                old.retry.word(),
                code.retry.word()
            ),
        );
    }
    let owner = Owner {
        what: format!("code `{name}`"),
        line: code.line,
        code: Some(name),
        status: Some(status.status),
    };
    members(&old.params, &code.params, &owner, &PARAM_KINDS, changes);
}

/// The changes to a code's `title:`, `description:`, `resolution:` and docs
/// URL; each pair is the base's,
/// then the new catalogue's: the code's status, the code, the docs URL
/// template.
fn docs_and_title(
    [old_status, status]: [&Status; 2],
    [old, code]: [&Code; 2],
    [old_template, new_template]: [Option<&str>; 2],
) -> Vec<(ChangeKind, String)> {
    use ChangeKind::{
        CodeDescriptionChanged, CodeResolutionChanged, CodeTitleChanged, DocsUrlChanged,
    };
    let name = &code.code;
    let mut found = Vec::new();
    // Long Markdown: the report says what happened, not the texts.
    for (kind, what, old, new) in [
        (
            CodeDescriptionChanged,
            "description",
            &old.description,
            &code.description,
        ),
        (
            CodeResolutionChanged,
            "resolution",
            &old.resolution,
            &code.resolution,
        ),
    ] {
        let happened = match (old, new) {
            (None, Some(_)) => "was added",
            (Some(_), None) => "was removed",
            (old, new) if old != new => "changed",
            _ => continue,
        };
        found.push((kind, format!("the {what} of code `{name}` {happened}")));
    }
    if old.title != code.title {
        found.push((
            CodeTitleChanged,
            format!(
                "the title of code `{name}` changed from {} to {}",
                show_option(old.title.as_deref()),
                show_option(code.title.as_deref())
            ),
        ));
    }
    // A URL that follows the catalogue's template on both sides changed with
    // the template, whose change says so once for every such code.
    let with_template = old_template != new_template
        && follows(old_template, old_status, old)
        && follows(new_template, status, code);
    if old.docs != code.docs && !with_template {
        found.push((
            DocsUrlChanged,
            format!(
                "the docs URL of code `{name}` changed from {} to {}",
                show_option(old.docs.as_deref()),
                show_option(code.docs.as_deref())
            ),
        ));
    }
    found
}

/// Whether `code`'s docs URL is what `template` gives it under `status`
/// (`None` when neither has one). A URL the loader wrote in another way
/// than this reading of the template only makes the code reported on its
/// own.
fn follows(template: Option<&str>, status: &Status, code: &Code) -> bool {
    let filled = template.map(|template| {
        template
            .replace("{code}", &code.code)
            .replace("{status}", &status.status.to_string())
    });
    filled == code.docs
}

/// The kinds of the changes to the members of one kind of owner: a code's
/// params or a type's fields, which change in the same ways.
struct MemberKinds {
    /// `param` or `field`, for messages.
    word: &'static str,
    required_added: ChangeKind,
    optional_added: ChangeKind,
    removed: ChangeKind,
    retyped: ChangeKind,
    made_optional: ChangeKind,
    made_required: ChangeKind,
    docs_changed: ChangeKind,
    reordered: ChangeKind,
}

const PARAM_KINDS: MemberKinds = MemberKinds {
    word: "param",
    required_added: ChangeKind::RequiredParamAdded,
    optional_added: ChangeKind::OptionalParamAdded,
    removed: ChangeKind::ParamRemoved,
    retyped: ChangeKind::ParamRetyped,
    made_optional: ChangeKind::ParamMadeOptional,
    made_required: ChangeKind::ParamMadeRequired,
    docs_changed: ChangeKind::ParamDocsChanged,
    reordered: ChangeKind::ParamsReordered,
};

const FIELD_KINDS: MemberKinds = MemberKinds {
    word: "field",
    required_added: ChangeKind::RequiredFieldAdded,
    optional_added: ChangeKind::OptionalFieldAdded,
    removed: ChangeKind::FieldRemoved,
    retyped: ChangeKind::FieldRetyped,
    made_optional: ChangeKind::FieldMadeOptional,
    made_required: ChangeKind::FieldMadeRequired,
    docs_changed: ChangeKind::FieldDocsChanged,
    reordered: ChangeKind::FieldsReordered,
};

/// What owns the members being compared, as it is in the new file.
struct Owner<'a> {
    /// ``code `a` `` or ``type `T` ``, for messages.
    what: String,
    /// Its line: where a removed member's change is.
    line: usize,
    code: Option<&'a str>,
    status: Option<u16>,
}

impl Owner<'_> {
    fn change(&self, kind: ChangeKind, message: String, line: usize) -> Change {
        let mut change = Change::new(kind, message).line(line);
        if let Some(code) = self.code {
            change = change.code(code);
        }
        if let Some(status) = self.status {
            change = change.status(status);
        }
        change
    }
}

/// The members (params or fields, matched by name) added, removed, retyped,
/// made optional or required, re-documented or reordered.
fn members(
    before: &[Param],
    after: &[Param],
    owner: &Owner<'_>,
    kinds: &MemberKinds,
    changes: &mut Vec<Change>,
) {
    let find = |members: &'_ [Param], name: &str| -> Option<usize> {
        members.iter().position(|member| member.name == name)
    };
    let (word, what) = (kinds.word, &owner.what);
    for old in before {
        let name = &old.name;
        let Some(at) = find(after, name) else {
            let message = format!(
                "{word} `{name}` is removed from {what} (it was at line {} of the base)",
                old.line
            );
            changes.push(owner.change(kinds.removed, message, owner.line));
            continue;
        };
        let new = &after[at];
        let mut push = |kind, message| changes.push(owner.change(kind, message, new.line));
        if old.ty != new.ty {
            push(
                kinds.retyped,
                format!(
                    "the type of {word} `{name}` of {what} changed from `{}` to `{}`",
                    old.ty.written(),
                    new.ty.written()
                ),
            );
        }
        match (old.optional, new.optional) {
            (false, true) => push(
                kinds.made_optional,
                format!(
                    "{word} `{name}` of {what} is optional now: clients that rely on it may \
                     find it missing"
                ),
            ),
            (true, false) => push(
                kinds.made_required,
                format!(
                    "{word} `{name}` of {what} is required now: servers built before may \
                     leave it out"
                ),
            ),
            _ => {}
        }
        if (&old.description, &old.example) != (&new.description, &new.example) {
            push(
                kinds.docs_changed,
                format!("the description or example of {word} `{name}` of {what} changed"),
            );
        }
    }
    for new in after {
        if find(before, &new.name).is_none() {
            let (kind, message) = if new.optional {
                (
                    kinds.optional_added,
                    format!(
                        "optional {word} `{}` (`{}`) is added to {what}",
                        new.name,
                        new.ty.written()
                    ),
                )
            } else {
                (
                    kinds.required_added,
                    format!(
                        "required {word} `{}` (`{}`) is added to {what}: servers built before \
                         do not send it",
                        new.name,
                        new.ty.written()
                    ),
                )
            };
            changes.push(owner.change(kind, message, new.line));
        }
    }
    if let Some(first) = first_moved(&kept_members(before, after), &kept_members(after, before)) {
        let line = find(after, first).map_or(owner.line, |at| after[at].line);
        let message = format!("the {word}s of {what} are reordered");
        changes.push(owner.change(kinds.reordered, message, line));
    }
}

/// The names of `members` that `other` has too, in order.
fn kept_members<'a>(members: &'a [Param], other: &[Param]) -> Vec<&'a str> {
    members
        .iter()
        .map(|member| member.name.as_str())
        .filter(|&name| other.iter().any(|member| member.name == name))
        .collect()
}

/// The types of `catalog` that `other` has too, in order.
fn kept_types<'a>(catalog: &'a Catalog, other: &Catalog) -> Vec<&'a str> {
    catalog
        .types
        .iter()
        .map(|ty| ty.name.as_str())
        .filter(|&name| other.type_def(name).is_some())
        .collect()
}

/// The types of `types:` added, removed, re-described or reordered, and the
/// changes to the fields of those in both.
fn types(base: &Catalog, new: &Catalog, changes: &mut Vec<Change>) {
    use ChangeKind::{TypeAdded, TypeDescriptionChanged, TypeRemoved, TypesReordered};
    for old in &base.types {
        let Some(ty) = new.type_def(&old.name) else {
            // The loader admits no param of an unknown type, so every param
            // or field that used it was removed or retyped, and is reported
            // as such; this is the loss of the name itself.
            let message = format!(
                "type `{}` is removed (it was at line {} of the base): its Rust struct, \
                 TypeScript interface and OpenAPI schema are gone",
                old.name, old.line
            );
            changes.push(Change::new(TypeRemoved, message));
            continue;
        };
        if old.description != ty.description {
            let message = format!("the description of type `{}` changed", ty.name);
            changes.push(Change::new(TypeDescriptionChanged, message).line(ty.line));
        }
        let owner = Owner {
            what: format!("type `{}`", ty.name),
            line: ty.line,
            code: None,
            status: None,
        };
        members(&old.fields, &ty.fields, &owner, &FIELD_KINDS, changes);
    }
    for ty in &new.types {
        if base.type_def(&ty.name).is_none() {
            let message = format!("type `{}` is added", ty.name);
            changes.push(Change::new(TypeAdded, message).line(ty.line));
        }
    }
    let (before, after) = (kept_types(base, new), kept_types(new, base));
    if let Some(first) = first_moved(&before, &after) {
        let line = new.type_def(first).map(|ty| ty.line);
        let message = format!("the types are reordered: {after:?}, were {before:?}");
        changes.push(Change::new(TypesReordered, message).line(line));
    }
}

/// Tombstones added, removed or changed. A tombstone for a code the base
/// sent is part of that code's removal, not a change of its own.
fn tombstones(base: &Catalog, new: &Catalog, changes: &mut Vec<Change>) {
    let base_codes = statuses_of_codes(base);
    let (base_tombstones, new_tombstones) = (tombstones_by_code(base), tombstones_by_code(new));
    for old in &base.removed {
        match new_tombstones.get(old.code.as_str()) {
            None => {
                let message = format!(
                    "the tombstone of code `{}` is removed (it was at line {}): the code \
                     could come back with another meaning",
                    old.code, old.line
                );
                let removed = Change::new(ChangeKind::TombstoneRemoved, message)
                    .code(&old.code)
                    .status(old.status);
                changes.push(removed);
            }
            Some(tombstone)
                if (tombstone.status, &tombstone.version, &tombstone.reason)
                    != (old.status, &old.version, &old.reason) =>
            {
                let message = format!("the tombstone of code `{}` changed", old.code);
                let change = Change::new(ChangeKind::TombstoneChanged, message)
                    .line(tombstone.line)
                    .code(&old.code)
                    .status(tombstone.status);
                changes.push(change);
            }
            Some(_) => {}
        }
    }
    for tombstone in &new.removed {
        let code = tombstone.code.as_str();
        if !base_tombstones.contains_key(code) && !base_codes.contains_key(code) {
            let message = format!("a tombstone is added for code `{code}`");
            let added = Change::new(ChangeKind::TombstoneAdded, message)
                .line(tombstone.line)
                .code(code)
                .status(tombstone.status);
            changes.push(added);
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
