//! The breaking-change check: every difference between two catalogues, and
//! which of them break clients.
//!
//! [`compare`] is pure: two loaded catalogues in, a [`Report`] out. Reading
//! the base (from a file or a git revision) and printing are the front end's.
//! Each difference is a [`Change`] of one [`ChangeKind`]; the variant docs
//! say what each kind is and whether it breaks clients. [`Report::passes`]
//! gives the verdict, which a major version bump relaxes.
//!
//! The kinds are declared once, one row each in the `change_kinds!` table
//! in `diff/mod.rs`, which makes the enum, its names and each kind's class
//! rule, so they cannot drift apart. The comparison (`diff/compare.rs`)
//! only finds the changes; a change's class always comes from its kind. A
//! new kind is one row in the table and the comparison code that finds it.

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

/// How the class of a change is decided: each row of the [`ChangeKind`]
/// table names one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ClassRule {
    Compatible,
    Breaking,
    /// Breaking when the status had codes in the base, and so a Rust enum
    /// that clients name; compatible otherwise.
    BreakingIfHadCodes,
    /// Breaking, and a major version bump does not allow it either.
    BreakingEvenWithMajorBump,
}

impl ClassRule {
    /// The class under this rule; `had_codes` (whether the status had codes
    /// in the base) matters only to [`ClassRule::BreakingIfHadCodes`].
    const fn class(self, had_codes: bool) -> Class {
        match self {
            Self::Compatible => Class::Compatible,
            Self::BreakingIfHadCodes if !had_codes => Class::Compatible,
            Self::Breaking | Self::BreakingIfHadCodes | Self::BreakingEvenWithMajorBump => {
                Class::Breaking
            }
        }
    }
}

/// A [`ClassRule`] in words, for the variant docs (an attribute takes a
/// literal, not a `const fn`).
macro_rules! class_in_words {
    (Compatible) => {
        "Compatible."
    };
    (Breaking) => {
        "Breaking."
    };
    (BreakingIfHadCodes) => {
        "Breaking when the status had codes in the base (and so a Rust enum); compatible otherwise."
    };
    (BreakingEvenWithMajorBump) => {
        "Breaking, even with a major version bump."
    };
}

/// Declares [`ChangeKind`] from one row per kind: `Variant = "name", rule,
/// "doc sentence";`. The enum, [`ChangeKind::ALL`], [`ChangeKind::as_str`]
/// and each kind's class rule all come from the rows, so they cannot
/// disagree, and a new kind is one more row.
macro_rules! change_kinds {
    ($($variant:ident = $name:literal, $rule:ident, $doc:literal;)*) => {
        /// What changed. [`ChangeKind::as_str`] names it for machines.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ChangeKind {
            $(
                #[doc = concat!($doc, " ", class_in_words!($rule))]
                $variant,
            )*
        }

        impl ChangeKind {
            /// Every kind, in the order above.
            ///
            /// ```
            /// use error_codes_gen::diff::ChangeKind;
            /// assert!(ChangeKind::ALL.contains(&ChangeKind::CodeMoved));
            /// ```
            // The length counts the rows, so a new kind needs no other edit.
            pub const ALL: [Self; [$($name),*].len()] = [$(Self::$variant),*];

            /// The kind in `snake_case`, e.g. `code_moved`.
            ///
            /// ```
            /// use error_codes_gen::diff::ChangeKind;
            /// assert_eq!(ChangeKind::CodeRemovedWithoutTombstone.as_str(), "code_removed_without_tombstone");
            /// ```
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)*
                }
            }

            /// What the kind is and its class, in words: the variant's doc,
            /// and the README's table of change kinds.
            ///
            /// ```
            /// use error_codes_gen::diff::ChangeKind;
            /// assert_eq!(ChangeKind::CodeAdded.description(), "A code was added. Compatible.");
            /// ```
            #[must_use]
            pub const fn description(self) -> &'static str {
                match self {
                    $(Self::$variant => concat!($doc, " ", class_in_words!($rule)),)*
                }
            }

            /// How the class of a change of this kind is decided.
            const fn rule(self) -> ClassRule {
                match self {
                    $(Self::$variant => ClassRule::$rule,)*
                }
            }
        }
    };
}

change_kinds! {
    CodeAdded = "code_added", Compatible, "A code was added.";
    CodeRemoved = "code_removed", Breaking, "A code was removed and has a tombstone.";
    CodeRemovedWithoutTombstone = "code_removed_without_tombstone", BreakingEvenWithMajorBump,
        "A code was removed without a tombstone, so it could come back with another meaning.";
    CodeMoved = "code_moved", Breaking, "A code is sent with another status now.";
    VariantRenamed = "variant_renamed", Breaking, "A code's Rust variant has another name.";
    GroupRenamed = "group_renamed", BreakingIfHadCodes, "A status's Rust enum has another name.";
    TopLevelRenamed = "top_level_renamed", Breaking, "The top-level Rust enum has another name.";
    StatusAdded = "status_added", Compatible, "A status was added.";
    StatusRemoved = "status_removed", BreakingIfHadCodes, "A status was removed.";
    TombstoneAdded = "tombstone_added", Compatible,
        "A tombstone was added for a code the base did not send.";
    TombstoneRemoved = "tombstone_removed", Breaking,
        "A tombstone was removed, so its code could come back.";
    TombstoneChanged = "tombstone_changed", Compatible,
        "A tombstone's status, version or reason changed.";
    DeprecationAdded = "deprecation_added", Compatible, "A code was deprecated.";
    DeprecationChanged = "deprecation_changed", Compatible, "A deprecation note changed.";
    DeprecationLifted = "deprecation_lifted", Compatible, "A code is no longer deprecated.";
    MessageChanged = "message_changed", Compatible, "A code's message changed.";
    SinceChanged = "since_changed", Compatible, "A code's `since` was added, changed or removed.";
    CodeTitleChanged = "code_title_changed", Compatible, "A code's `title:` was added, changed or removed.";
    CodeDescriptionChanged = "code_description_changed", Compatible,
        "A code's `description:` was added, changed or removed.";
    CodeResolutionChanged = "code_resolution_changed", Compatible,
        "A code's `resolution:` was added, changed or removed.";
    DocsUrlChanged = "docs_url_changed", Compatible,
        "A code's documentation URL was added, changed or removed.";
    StatusTitleChanged = "status_title_changed", Compatible, "A status's title changed.";
    StatusDescriptionChanged = "status_description_changed", Compatible,
        "A status's description changed.";
    TitleChanged = "title_changed", Compatible, "The document title changed.";
    DescriptionChanged = "description_changed", Compatible, "The document description changed.";
    VersionChanged = "version_changed", Compatible, "The catalogue version changed.";
    DocsTemplateChanged = "docs_template_changed", Compatible,
        "The catalogue's documentation URL template (`docs:`) was added, changed or removed (the \
         codes whose URL follows it are not reported one by one).";
    CodesReordered = "codes_reordered", Compatible, "A status's codes are in another order.";
    StatusesReordered = "statuses_reordered", Compatible, "The statuses are in another order.";
    RequiredParamAdded = "required_param_added", Breaking,
        "A required param was added to a code: bodies from servers built before lack it, and \
         code that builds the variant must give it.";
    OptionalParamAdded = "optional_param_added", Compatible, "An optional param was added to a code.";
    ParamRemoved = "param_removed", Breaking, "A param was removed from a code.";
    ParamRetyped = "param_retyped", Breaking, "A param's type changed.";
    ParamMadeOptional = "param_made_optional", Breaking,
        "A required param was made optional: clients that rely on it may find it missing.";
    ParamMadeRequired = "param_made_required", Breaking,
        "An optional param was made required: bodies from servers built before may lack it.";
    ParamDocsChanged = "param_docs_changed", Compatible, "A param's description or example changed.";
    ParamsReordered = "params_reordered", Compatible, "A code's params are in another order.";
    RetryChanged = "retry_changed", Compatible,
        "A code's retry advice changed (its own `retry:` or its status's).";
    TypeAdded = "type_added", Compatible, "A type was added to `types:`.";
    TypeRemoved = "type_removed", Breaking,
        "A type was removed from `types:`: the Rust struct, TypeScript interface and OpenAPI \
         schema of its name are gone (the params that used it are reported too).";
    TypeDescriptionChanged = "type_description_changed", Compatible, "A type's description changed.";
    TypesReordered = "types_reordered", Compatible, "The types are in another order.";
    RequiredFieldAdded = "required_field_added", Breaking,
        "A required field was added to a type: values from servers built before lack it, and \
         code that builds the struct must give it.";
    OptionalFieldAdded = "optional_field_added", Compatible, "An optional field was added to a type.";
    FieldRemoved = "field_removed", Breaking, "A field was removed from a type.";
    FieldRetyped = "field_retyped", Breaking, "A field's type changed.";
    FieldMadeOptional = "field_made_optional", Breaking,
        "A required field was made optional: clients that rely on it may find it missing.";
    FieldMadeRequired = "field_made_required", Breaking,
        "An optional field was made required: values from servers built before may lack it.";
    FieldDocsChanged = "field_docs_changed", Compatible, "A field's description or example changed.";
    FieldsReordered = "fields_reordered", Compatible, "A type's fields are in another order.";
    BodyPresetChanged = "body_preset_changed", Breaking,
        "The body's preset (`body: problem`) was taken up or given up.";
    BodyPartMoved = "body_part_moved", Breaking,
        "A part of the body (the code, message, details, status, docs URL or title) is sent at \
         another member, or its details are spread where they were not, or the reverse.";
    BodyPartAdded = "body_part_added", Breaking,
        "The body carries a part it did not (a `status`, `docs` or `title` of `body:`): bodies \
         from servers built before lack it.";
    BodyPartRemoved = "body_part_removed", Breaking,
        "The body no longer carries a part (a `status`, `docs` or `title` of `body:`): clients \
         that read it find it missing.";
    BodyPartsReordered = "body_parts_reordered", Compatible,
        "The body writes its members in another order.";
    CodeTypeChanged = "code_type_changed", Breaking,
        "The codes are sent as another JSON type (`code_type:`): a number where clients read a \
         string, or the reverse.";
    ContentTypeChanged = "content_type_changed", Breaking,
        "The body's media type (`content_type:`, or the preset's) changed: clients that check it \
         refuse the body.";
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
    /// code, status, tombstone, type, `name:`, `version:`, `description:`,
    /// `docs:` or `body:` that was removed has no line (a removed param or
    /// field is at its code's or type's line; a change to the body's layout
    /// is at the line of `body:`).
    pub line: Option<usize>,
    /// The code it concerns, if one (a param's code too; a type's field
    /// concerns no code).
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
        self.kind.rule() != ClassRule::BreakingEvenWithMajorBump
    }
}

// Building a change, for the comparison in `compare.rs`: the class always
// comes from the kind's `ClassRule`, so the comparison never names a class.
impl Change {
    /// A change of `kind`, with no line, code or status yet. A kind whose
    /// class depends on the base status is breaking until [`Self::had_codes`]
    /// says otherwise: when in doubt, a change breaks.
    fn new(kind: ChangeKind, message: String) -> Self {
        Self {
            kind,
            class: kind.rule().class(true),
            line: None,
            code: None,
            status: None,
            message,
        }
    }

    /// At `line` in the new file, or nowhere if it is `None`.
    fn line(mut self, line: impl Into<Option<usize>>) -> Self {
        self.line = line.into();
        self
    }

    fn code(mut self, code: &str) -> Self {
        self.code = Some(code.to_owned());
        self
    }

    fn status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// Whether the status had codes in the base, and so a Rust enum: for the
    /// kinds whose class depends on it.
    fn had_codes(mut self, had_codes: bool) -> Self {
        let rule = self.kind.rule();
        debug_assert_eq!(rule, ClassRule::BreakingIfHadCodes, "{}", self.kind);
        self.class = rule.class(had_codes);
        self
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
    use heck::ToSnakeCase;

    use super::ChangeKind;

    /// The one column of the table the compiler cannot check.
    #[test]
    fn each_name_is_its_variant_in_snake_case() {
        for kind in ChangeKind::ALL {
            assert_eq!(kind.as_str(), format!("{kind:?}").to_snake_case());
        }
    }
}
