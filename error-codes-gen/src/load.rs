//! `errors.yaml` → [`Catalog`]: parse with serde-saphyr, then validate every
//! rule, collecting all problems before giving up.

use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;
use std::path::Path;

use heck::ToUpperCamelCase as _;
use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};
use serde_saphyr::Spanned;

use crate::{Catalog, Code, Diagnostic, ERROR_STATUSES, Error, Removed, Status, code_problem};

/// The name of the top-level enum when the file gives none.
const DEFAULT_NAME: &str = "ApiError";

impl Catalog {
    /// Reads and validates a catalogue file.
    ///
    /// Diagnostics name the file as `path` is written (relative paths stay
    /// relative), so messages match what the user typed.
    ///
    /// ```
    /// let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../errors.yaml");
    /// let catalog = error_codes_gen::Catalog::load(&path)?;
    /// assert_eq!(catalog.source_name, "errors.yaml");
    /// assert_eq!(catalog.codes().count(), 32);
    /// # Ok::<(), error_codes_gen::Error>(())
    /// ```
    ///
    /// # Errors
    /// Every problem in the file, or one saying it cannot be read.
    pub fn load(path: &Path) -> Result<Self, Error> {
        let file = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|error| {
            Error::new(vec![Diagnostic::whole_file(
                &file,
                format!("cannot read the error catalogue: {error}"),
            )])
        })?;
        let source_name = path
            .file_name()
            .map_or_else(|| file.clone(), |name| name.to_string_lossy().into_owned());
        let mut catalog = Self::from_bytes(&bytes, &file)?;
        catalog.source_name = source_name;
        Ok(catalog)
    }

    /// Parses and validates a catalogue file's bytes, which must be UTF-8;
    /// `file` names it in diagnostics.
    ///
    /// ```
    /// let error = error_codes_gen::Catalog::from_bytes(b"title: caf\xE9\n", "errors.yaml").unwrap_err();
    /// assert_eq!(
    ///     error.diagnostics()[0].to_string(),
    ///     "errors.yaml:1:11: the file is not UTF-8: byte 0xE9 is not valid here
    ///   |
    /// 1 | title: caf\u{FFFD}
    ///   |           ^",
    /// );
    /// ```
    ///
    /// # Errors
    /// The first byte that is not UTF-8, or else as [`Catalog::from_yaml`].
    pub fn from_bytes(bytes: &[u8], file: &str) -> Result<Self, Error> {
        let error = match std::str::from_utf8(bytes) {
            Ok(source) => return Self::from_yaml(source, file),
            Err(error) => error,
        };
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            let message = "the file is UTF-16; save it as UTF-8";
            return Err(Error::new(vec![Diagnostic::whole_file(file, message)]));
        }
        let (valid, rest) = bytes.split_at(error.valid_up_to());
        let valid = String::from_utf8_lossy(valid);
        let line = valid.matches('\n').count() + 1;
        let column = valid
            .rsplit('\n')
            .next()
            .map_or(0, |last| last.chars().count())
            + 1;
        let byte = rest.first().copied().unwrap_or_default();
        let message = if error.error_len().is_some() {
            format!("the file is not UTF-8: byte {byte:#04X} is not valid here")
        } else {
            "the file is not UTF-8: it ends in the middle of a character".to_owned()
        };
        let lossy = String::from_utf8_lossy(bytes);
        Err(Error::new(vec![Diagnostic::at(
            file, &lossy, line, column, message,
        )]))
    }

    /// Parses and validates catalogue text; `file` names it in diagnostics.
    ///
    /// ```
    /// let error = error_codes_gen::Catalog::from_yaml(
    ///     "title: T\nstatuses:\n  401:\n    codes:\n      self: Keyword.\n      ok: \"\"\n",
    ///     "errors.yaml",
    /// )
    /// .unwrap_err();
    /// // Both problems at once, each located.
    /// let locations: Vec<_> = error.diagnostics().iter().map(|d| d.location()).collect();
    /// assert_eq!(locations, ["errors.yaml:5:7", "errors.yaml:6:11"]);
    /// ```
    ///
    /// # Errors
    /// Malformed YAML or a value of the wrong type (the first such
    /// problem: parsing stops there), or else every rule the content breaks,
    /// unknown keys included.
    pub fn from_yaml(source: &str, file: &str) -> Result<Self, Error> {
        // YAML 1.1 reads `y`, `no` or `off` as booleans; a message is text.
        let options = serde_saphyr::options! { strict_booleans: true };
        let raw: Spanned<Known<RawCatalog>> = serde_saphyr::from_str_with_options(source, options)
            .map_err(|error| Error::new(vec![syntax_diagnostic(file, source, &error)]))?;
        let mut validator = Validator {
            file,
            source,
            problems: Vec::new(),
        };
        let catalog = validator.catalog(raw);
        if validator.problems.is_empty() {
            Ok(catalog)
        } else {
            Err(Error::new(validator.problems))
        }
    }
}

fn syntax_diagnostic(file: &str, source: &str, error: &serde_saphyr::Error) -> Diagnostic {
    use serde_saphyr::MessageFormatter as _;
    // The message alone, worded for someone editing the YAML rather than for
    // a developer calling serde-saphyr; the location is reported separately.
    let message = serde_saphyr::UserMessageFormatter.format_message(error.without_snippet());
    let (line, column) = match error.location() {
        Some(location) if location.line() > 0 => {
            (to_usize(location.line()), to_usize(location.column()))
        }
        // The parser has no place for a document of the wrong kind (a list,
        // a lone string): it is where the document starts.
        _ => match document_start(source) {
            Some(start) => start,
            None => return Diagnostic::whole_file(file, message),
        },
    };
    Diagnostic::at(file, source, line, column, message)
}

/// The line and column of the first thing in `source` that is not blank or
/// a comment.
fn document_start(source: &str) -> Option<(usize, usize)> {
    source.lines().enumerate().find_map(|(index, line)| {
        let content = line.trim_start_matches(['\u{FEFF}', ' ', '\t']);
        let indent = line.chars().count() - content.chars().count();
        (!content.is_empty() && !content.starts_with('#')).then_some((index + 1, indent + 1))
    })
}

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

// ---- The file as written -------------------------------------------------

/// The top-level mapping.
#[derive(Default)]
struct RawCatalog {
    title: Option<Spanned<Text>>,
    version: Option<Spanned<Text>>,
    description: Option<Spanned<Text>>,
    name: Option<Spanned<Text>>,
    statuses: Option<Statuses>,
    removed: Option<Tombstones>,
}

/// Each removed code with its tombstone.
type Tombstones = Entries<Spanned<String>, Spanned<Option<Known<RawRemoved>>>>;

/// A tombstone as written.
#[derive(Default)]
struct RawRemoved {
    /// Read as text, like a status key, and checked by the same rule.
    status: Option<Spanned<Text>>,
    version: Option<Spanned<Text>>,
    reason: Option<Spanned<Text>>,
}

/// Each status key with its mapping, which may be left empty.
type Statuses = Entries<Spanned<String>, Spanned<Option<Known<RawStatus>>>>;

#[derive(Default)]
struct RawStatus {
    title: Option<Spanned<Text>>,
    description: Option<Spanned<Text>>,
    name: Option<Spanned<Text>>,
    codes: Entries<Spanned<String>, Spanned<Known<RawCode>>>,
}

/// Text in the file. A key left blank (`description:`) reads as empty text,
/// reported as such beside every other problem, rather than as a type error
/// that would stop the reading.
#[derive(Default)]
struct Text(String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Option::<String>::deserialize(deserializer).map(|text| Self(text.unwrap_or_default()))
    }
}

/// A code's value: the short form `code: message` or the long form mapping.
#[derive(Default)]
struct RawCode {
    /// Located only in the long form; the short form is located by its key.
    /// `None` when the long form lacks it.
    message: Option<Spanned<Text>>,
    deprecated: Option<Spanned<Text>>,
    since: Option<Spanned<Text>>,
}

/// A mapping with a fixed set of keys, read into [`Known`].
trait Fields: Default {
    /// What the mapping is, for messages.
    const WHAT: &'static str;
    /// The keys it knows, in the order the format documents them.
    const KEYS: &'static [&'static str];

    /// What the short form is, for a mapping that may be written as one
    /// string instead; [`Fields::from_text`] reads it.
    const SHORT_FORM: Option<&'static str> = None;

    /// Reads the value of `key`; returns `false` if the key is not one of
    /// [`Fields::KEYS`], leaving the value unread.
    fn read<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error>;

    /// The mapping from its short form.
    fn from_text(_text: &str) -> Option<Self> {
        None
    }
}

/// A mapping and the keys in it that [`Fields::KEYS`] does not list.
///
/// Unknown keys are kept, located, instead of failing the parse the way
/// `deny_unknown_fields` would: the validator then reports every misspelt key
/// in the file at once, beside every other problem.
#[derive(Default)]
struct Known<T> {
    fields: T,
    unknown: Vec<Spanned<String>>,
}

impl<'de, T: Fields> Deserialize<'de> for Known<T> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KnownVisitor<T>(PhantomData<T>);
        impl<'de, T: Fields> Visitor<'de> for KnownVisitor<T> {
            type Value = Known<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}: ", T::WHAT)?;
                if let Some(short) = T::SHORT_FORM {
                    write!(f, "{short}, or ")?;
                }
                match T::KEYS {
                    [key] => write!(f, "a mapping with the key `{key}`"),
                    keys => write!(f, "a mapping with the keys {}", quoted(keys)),
                }
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Known<T>, E> {
                let fields = T::from_text(text)
                    .ok_or_else(|| E::invalid_type(de::Unexpected::Str(text), &self))?;
                Ok(Known {
                    fields,
                    unknown: Vec::new(),
                })
            }

            // Blank: an empty short form, or else an empty mapping.
            fn visit_unit<E: de::Error>(self) -> Result<Known<T>, E> {
                Ok(Known {
                    fields: T::from_text("").unwrap_or_default(),
                    unknown: Vec::new(),
                })
            }

            fn visit_none<E: de::Error>(self) -> Result<Known<T>, E> {
                self.visit_unit()
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Known<T>, A::Error> {
                let mut fields = T::default();
                let mut unknown = Vec::new();
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    if !fields.read(&key.value, &mut map)? {
                        map.next_value::<de::IgnoredAny>()?;
                        unknown.push(key);
                    }
                }
                Ok(Known { fields, unknown })
            }
        }
        deserializer.deserialize_any(KnownVisitor(PhantomData))
    }
}

impl Fields for RawCatalog {
    const WHAT: &'static str = "the catalogue";
    const KEYS: &'static [&'static str] = &[
        "title",
        "version",
        "description",
        "name",
        "statuses",
        "removed",
    ];

    fn read<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "title" => self.title = Some(map.next_value()?),
            "version" => self.version = Some(map.next_value()?),
            "description" => self.description = Some(map.next_value()?),
            "name" => self.name = Some(map.next_value()?),
            "statuses" => self.statuses = Some(map.next_value()?),
            "removed" => self.removed = Some(map.next_value()?),
            _ => return Ok(false),
        }
        Ok(true)
    }
}

impl Fields for RawStatus {
    const WHAT: &'static str = "a status";
    const KEYS: &'static [&'static str] = &["title", "description", "name", "codes"];

    fn read<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "title" => self.title = Some(map.next_value()?),
            "description" => self.description = Some(map.next_value()?),
            "name" => self.name = Some(map.next_value()?),
            "codes" => self.codes = map.next_value()?,
            _ => return Ok(false),
        }
        Ok(true)
    }
}

impl Fields for RawCode {
    const WHAT: &'static str = "a code";
    const KEYS: &'static [&'static str] = &["message", "deprecated", "since"];
    const SHORT_FORM: Option<&'static str> = Some("its message");

    fn read<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "message" => self.message = Some(map.next_value()?),
            "deprecated" => self.deprecated = Some(map.next_value()?),
            "since" => self.since = Some(map.next_value()?),
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// `code: message`.
    fn from_text(text: &str) -> Option<Self> {
        let unknown = serde_saphyr::Location::UNKNOWN;
        Some(Self {
            message: Some(Spanned::new(Text(text.to_owned()), unknown, unknown)),
            ..Self::default()
        })
    }
}

impl Fields for RawRemoved {
    const WHAT: &'static str = "a removed code";
    const KEYS: &'static [&'static str] = &["status", "version", "reason"];

    fn read<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "status" => self.status = Some(map.next_value()?),
            "version" => self.version = Some(map.next_value()?),
            "reason" => self.reason = Some(map.next_value()?),
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// Whether `written` is `meant` with one slip: a character left out, added,
/// changed, or two neighbours swapped, or a difference of case only.
fn is_typo(written: &str, meant: &str) -> bool {
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
fn quoted(keys: &[&str]) -> String {
    let quoted: Vec<String> = keys.iter().map(|key| format!("`{key}`")).collect();
    quoted.join(", ")
}

/// `` `a` `` or `` one of `a`, `b`, `c` ``.
fn one_of(keys: &[&str]) -> String {
    match keys {
        [one] => format!("`{one}`"),
        _ => format!("one of {}", quoted(keys)),
    }
}

/// A mapping kept in file order, as `(key, value)` pairs.
struct Entries<K, V>(Vec<(K, V)>);

impl<K, V> Default for Entries<K, V> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for Entries<K, V> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<K, V>(PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for EntriesVisitor<K, V> {
            type Value = Entries<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping")
            }
            // `codes:` with nothing after it means no codes yet.
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Entries::default())
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Entries::default())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_any(EntriesVisitor(PhantomData))
    }
}

// ---- Validation ----------------------------------------------------------

struct Validator<'a> {
    file: &'a str,
    source: &'a str,
    problems: Vec<Diagnostic>,
}

impl Validator<'_> {
    fn problem<T>(&mut self, at: &Spanned<T>, message: impl Into<String>) {
        self.problem_at(at.referenced, message);
    }

    fn problem_at(&mut self, location: serde_saphyr::Location, message: impl Into<String>) {
        self.problems.push(Diagnostic::at(
            self.file,
            self.source,
            to_usize(location.line()),
            to_usize(location.column()),
            message,
        ));
    }

    fn catalog(&mut self, raw: Spanned<Known<RawCatalog>>) -> Catalog {
        let at = raw.referenced;
        let raw = self.known(raw.value);
        let title = if let Some(title) = raw.title {
            self.text(&title, "title")
        } else {
            self.problem_at(
                at,
                "missing `title`: the catalogue needs one, e.g. `title: Errors`",
            );
            String::new()
        };
        let version = raw.version.map(|version| self.text(&version, "version"));
        let description = raw
            .description
            .map(|description| self.text(&description, "description"));
        let name_line = raw
            .name
            .as_ref()
            .map(|name| to_usize(name.referenced.line()));
        let name = match raw.name {
            Some(name) => self.explicit_name(&name, "enum name"),
            None => Some(DEFAULT_NAME.to_owned()),
        };

        let mut seen = Seen::default();
        // Read before the statuses, wherever they are in the file, so that
        // every code can be checked against them.
        let removed = self.tombstones(raw.removed.unwrap_or_default(), &mut seen);
        let mut group_names: HashMap<String, (u16, usize)> = HashMap::new();
        let mut statuses = Vec::new();
        if raw.statuses.is_none() {
            self.problem_at(
                at,
                "missing `statuses`: the mapping of error statuses to their codes",
            );
        }
        for (key, raw_status) in raw.statuses.unwrap_or_default().0 {
            let raw_status = self.known(raw_status.value.unwrap_or_default());
            let Some((status, group)) = self.status(&key, raw_status, &mut seen) else {
                continue;
            };
            if let Some(group) = group {
                let problem = if group == "Error" {
                    // Its TypeScript union would be `ErrorCode`, the union of all codes.
                    Some(format!(
                        "status {} cannot be named `Error`: its code union would clash with \
                         `ErrorCode` in TypeScript; give it another `name:`",
                        status.status
                    ))
                } else if name.as_ref() == Some(&group) {
                    Some(format!(
                        "status {} becomes the Rust enum `{group}`, the name of the top-level enum; \
                         give one of them another `name:`",
                        status.status
                    ))
                } else if let Some((other, line)) = group_names.get(&group) {
                    Some(format!(
                        "status {} becomes the Rust enum `{group}`, like status {other} (line {line}); \
                         give one of them another `name:`",
                        status.status
                    ))
                } else {
                    group_names.insert(group, (status.status, to_usize(key.referenced.line())));
                    None
                };
                if let Some(problem) = problem {
                    self.problem(&key, problem);
                }
            }
            statuses.push(status);
        }

        Catalog {
            source_name: self.file.to_owned(),
            title,
            version,
            description,
            name: name.unwrap_or_default(),
            statuses,
            removed,
            name_line,
        }
    }

    /// The `removed:` tombstones, each remembered in `seen` so that a code
    /// that reuses one is reported.
    fn tombstones(&mut self, raw: Tombstones, seen: &mut Seen) -> Vec<Removed> {
        let mut removed = Vec::new();
        for (key, value) in raw.0 {
            let line = to_usize(key.referenced.line());
            let fields = self.known(value.value.unwrap_or_default());
            if let Some(problem) = code_problem(&key.value) {
                self.problem(&key, problem);
                continue;
            }
            let status = if let Some(status) = fields.status {
                let text = self.text(&status, "status");
                match error_status(&text) {
                    Ok(number) => Some(number),
                    Err(expected) => {
                        if !text.trim().is_empty() {
                            self.problem(
                                &status,
                                format!("`{text}` is not an error status: {expected}"),
                            );
                        }
                        None
                    }
                }
            } else {
                self.problem(
                    &key,
                    format!(
                        "removed code `{}` has no `status`: the status it was sent with",
                        key.value
                    ),
                );
                None
            };
            let version = fields.version.map(|version| self.text(&version, "version"));
            let reason = fields.reason.map(|reason| self.text(&reason, "reason"));
            seen.tombstones.insert(key.value.clone(), line);
            if let Some(status) = status {
                removed.push(Removed {
                    code: key.value,
                    status,
                    version,
                    reason,
                    line,
                });
            }
        }
        removed
    }

    /// One status and its codes, and its Rust enum name if it has a valid
    /// one; `None` if the key is not a status this catalogue can hold.
    fn status(
        &mut self,
        key: &Spanned<String>,
        raw: RawStatus,
        seen: &mut Seen,
    ) -> Option<(Status, Option<String>)> {
        let status = self.status_number(key, seen)?;
        let (title, title_at) = match raw.title {
            Some(title) => {
                let at = title.referenced;
                (self.text(&title, "title"), Some(at))
            }
            None => {
                if let Some(phrase) = reason_phrase(status) {
                    (phrase.to_owned(), None)
                } else {
                    self.problem(
                        key,
                        format!(
                            "status {status} has no standard reason phrase; give it a `title:`"
                        ),
                    );
                    (String::new(), None)
                }
            }
        };
        let description = raw
            .description
            .map(|description| self.text(&description, "description"));
        let name = match raw.name {
            Some(name) => self.explicit_name(&name, "enum name"),
            // An empty title is reported already.
            None if title.trim().is_empty() => None,
            None => {
                let name = title.replace(['\'', '\u{2019}'], "").to_upper_camel_case();
                let problem = identifier_problem(&name).map(|reason| {
                    format!(
                        "status {status} cannot take its Rust enum name from its title \
                         `{title}`: `{name}` {reason}; give the status a `name:`"
                    )
                });
                if let Some(problem) = problem {
                    self.problem_at(title_at.unwrap_or(key.referenced), problem);
                    None
                } else {
                    Some(name)
                }
            }
        };

        let codes = self.codes(status, name.as_deref(), raw.codes, seen);

        let status = Status {
            status,
            title,
            description,
            name: name.clone().unwrap_or_default(),
            codes,
            line: to_usize(key.referenced.line()),
        };
        Some((status, name))
    }

    /// The codes of `status`, whose Rust enum is `group` if it has a valid name.
    fn codes(
        &mut self,
        status: u16,
        group: Option<&str>,
        raw: Entries<Spanned<String>, Spanned<Known<RawCode>>>,
        seen: &mut Seen,
    ) -> Vec<Code> {
        let mut variants: HashMap<String, (String, usize)> = HashMap::new();
        let mut codes = Vec::new();
        for (code_key, value) in raw.0 {
            let code = code_key.value.clone();
            let line = to_usize(code_key.referenced.line());
            if let Some((other_status, other_line)) = seen.codes.get(&code) {
                self.problem(
                    &code_key,
                    format!(
                        "duplicate code `{code}`: already under status {other_status} (line {other_line})"
                    ),
                );
                continue;
            }
            seen.codes.insert(code.clone(), (status, line));
            if let Some(tombstone_line) = seen.tombstones.get(&code) {
                self.problem(
                    &code_key,
                    format!(
                        "code `{code}` was removed (tombstone at line {tombstone_line}) and must \
                         never come back: clients may still read it with its old meaning; \
                         choose a new code"
                    ),
                );
                continue;
            }
            if let Some(problem) = code_problem(&code) {
                self.problem(&code_key, problem);
                continue;
            }
            let variant = code.to_upper_camel_case();
            if let Some(reason) = identifier_problem(&variant) {
                self.problem(
                    &code_key,
                    format!("`{code}` cannot become a Rust variant: `{variant}` {reason}"),
                );
            } else if let Some((other, other_line)) = variants.get(&variant) {
                let group = group.unwrap_or("");
                self.problem(
                    &code_key,
                    format!(
                        "code `{code}` becomes the Rust variant `{group}::{variant}`, like `{other}` (line {other_line}); \
                         codes in one status must differ in more than case and separators"
                    ),
                );
            } else {
                variants.insert(variant.clone(), (code.clone(), line));
            }
            let (message, deprecated, since) = self.code_fields(&code_key, value);
            codes.push(Code {
                code,
                message,
                name: variant,
                deprecated,
                since,
                line,
            });
        }
        codes
    }

    /// The status a key names: three digits from 400 to 599, not seen before.
    fn status_number(&mut self, key: &Spanned<String>, seen: &mut Seen) -> Option<u16> {
        let text = key.value.as_str();
        let status = match error_status(text) {
            Ok(status) => status,
            Err(expected) => {
                self.problem(key, format!("`{text}` is not an error status: {expected}"));
                return None;
            }
        };
        let line = to_usize(key.referenced.line());
        if let Some(other_line) = seen.statuses.insert(status, line) {
            self.problem(
                key,
                format!("duplicate status {status}: already at line {other_line}"),
            );
            return None;
        }
        Some(status)
    }

    /// The message, deprecation note and `since` of the code at `key`, from
    /// either form.
    fn code_fields(
        &mut self,
        key: &Spanned<String>,
        value: Spanned<Known<RawCode>>,
    ) -> (String, Option<String>, Option<String>) {
        // A misspelt `message` is reported as such; "no message" would repeat it.
        let misspelt = !value.value.unknown.is_empty();
        let raw = self.known(value.value);
        let message = if let Some(mut message) = raw.message {
            if message.referenced == serde_saphyr::Location::UNKNOWN {
                // The short form: the message is the value itself.
                message.referenced = value.referenced;
            }
            self.text(&message, "message")
        } else {
            if !misspelt {
                self.problem(key, format!("code `{}` has no `message`", key.value));
            }
            String::new()
        };
        let deprecated = raw
            .deprecated
            .map(|deprecated| self.text(&deprecated, "deprecation note"));
        let since = raw.since.map(|since| self.text(&since, "since"));
        (message, deprecated, since)
    }

    /// The fields of a mapping, after reporting the keys it should not have.
    fn known<T: Fields>(&mut self, known: Known<T>) -> T {
        for key in known.unknown {
            let expected = match T::KEYS.iter().find(|known| is_typo(&key.value, known)) {
                Some(known) => format!("did you mean `{known}`?"),
                None => format!("expected {}", one_of(T::KEYS)),
            };
            let message = format!("unknown key `{}` in {}: {expected}", key.value, T::WHAT);
            self.problem(&key, message);
        }
        known.fields
    }

    /// A text field, which must say something. Trailing line breaks, which
    /// YAML's `|` and `>` keep, are dropped: no message means to end in one.
    fn text(&mut self, text: &Spanned<Text>, what: &str) -> String {
        let value = text.value.0.trim_end_matches(['\n', '\r']);
        if value.trim().is_empty() {
            self.problem(text, format!("empty {what}"));
        }
        value.to_owned()
    }

    /// A Rust name given with `name:`, if it is a valid one.
    fn explicit_name(&mut self, name: &Spanned<Text>, what: &str) -> Option<String> {
        let at = name.referenced;
        let name = self.text(name, "name");
        if name.trim().is_empty() {
            return None;
        }
        if let Some(reason) = identifier_problem(&name) {
            self.problem_at(at, format!("`{name}` cannot be a Rust {what}: it {reason}"));
            return None;
        }
        Some(name)
    }
}

/// The status `text` names, or what was expected instead: three digits from
/// 400 to 599. `0401`, `+401` or ` 401` would be the same status spelt
/// another way, so only three digits are accepted.
fn error_status(text: &str) -> Result<u16, &'static str> {
    let three_digits = text.len() == 3 && text.bytes().all(|b| b.is_ascii_digit());
    text.parse::<u16>()
        .ok()
        .filter(|status| three_digits && ERROR_STATUSES.contains(status))
        .ok_or(if three_digits {
            "expected an HTTP status from 400 to 599"
        } else {
            "write it as three digits, from 400 to 599"
        })
}

/// What has been seen so far, to report duplicates with where they first were.
#[derive(Default)]
struct Seen {
    /// Removed code → the line of its tombstone.
    tombstones: HashMap<String, usize>,
    /// Status → its line.
    statuses: HashMap<u16, usize>,
    /// Code → its status and line.
    codes: HashMap<String, (u16, usize)>,
}

/// Why `name` cannot name a Rust type or variant, as "is …", or `None`.
fn identifier_problem(name: &str) -> Option<&'static str> {
    let mut chars = name.chars();
    let valid_start = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    if !valid_start || !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
        Some(
            "is not an identifier (it must start with a letter and use only ASCII letters, \
             digits and `_`)",
        )
    } else if name == "_" || RUST_KEYWORDS.contains(&name) {
        Some("is a Rust keyword")
    } else if name == "ALL" {
        Some("is the name of the generated constant `ALL`, the list of every value")
    } else if PRIMITIVE_TYPES.contains(&name) {
        // The generated code names `str` and `u16`; an enum of that name would shadow them.
        Some("is the name of a primitive type")
    } else {
        None
    }
}

/// Rust's primitive types, which a generated enum must not shadow.
const PRIMITIVE_TYPES: &[&str] = &[
    "bool", "char", "str", "f32", "f64", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16",
    "u32", "u64", "u128", "usize",
];

/// Every Rust keyword, strict and reserved, across editions.
const RUST_KEYWORDS: &[&str] = &[
    "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if",
    "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
    "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// The IANA-registered reason phrase of an error status, if it has one.
fn reason_phrase(status: u16) -> Option<&'static str> {
    Some(match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        421 => "Misdirected Request",
        422 => "Unprocessable Entity",
        423 => "Locked",
        424 => "Failed Dependency",
        425 => "Too Early",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        506 => "Variant Also Negotiates",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        510 => "Not Extended",
        511 => "Network Authentication Required",
        _ => return None,
    })
}
