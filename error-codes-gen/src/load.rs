//! `errors.yaml` → [`Catalog`]: read the YAML into a located tree
//! ([`crate::yaml`]), then check every rule of the file format against it,
//! collecting all problems before giving up.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::io::Read as _;
use std::path::Path;

use heck::ToUpperCamelCase as _;

use crate::diagnostic::yaml_lines;
use crate::limits::{MAX_BYTES, MAX_CODES, MAX_MESSAGE_CHARS};
use crate::yaml::{self, Node, Place, Value};
use crate::{
    Catalog, Code, Diagnostic, ERROR_STATUSES, Error, Removed, Status, code_problem,
    hidden_character_problem,
};

/// The name of the top-level enum when the file gives none.
const DEFAULT_NAME: &str = "ApiError";

/// The keys of each mapping in the file, in the order the format documents them.
const CATALOG_KEYS: [&str; 6] = [
    "title",
    "version",
    "description",
    "name",
    "statuses",
    "removed",
];
const STATUS_KEYS: [&str; 4] = ["title", "description", "name", "codes"];
const CODE_KEYS: [&str; 3] = ["message", "deprecated", "since"];
const REMOVED_KEYS: [&str; 3] = ["status", "version", "reason"];

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
        let bytes = read_catalogue(path).map_err(|error| {
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

    /// Parses and validates a catalogue file's bytes, which must be UTF-8
    /// (a byte-order mark is allowed); `file` names it in diagnostics.
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
    /// A file over [`MAX_BYTES`](crate::limits::MAX_BYTES), the first byte
    /// that is not UTF-8, or else as [`Catalog::from_yaml`].
    pub fn from_bytes(bytes: &[u8], file: &str) -> Result<Self, Error> {
        if bytes.len() > MAX_BYTES {
            return Err(too_large(file));
        }
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
        // Lines as YAML counts them, so that the snippet shows this line.
        let (line, last) = yaml_lines(&valid)
            .enumerate()
            .last()
            .map_or((0, ""), |(index, last)| (index, last));
        let ends_in_break = valid.ends_with(['\n', '\r']);
        let (line, column) = if ends_in_break {
            (line + 2, 1)
        } else {
            (line + 1, last.chars().count() + 1)
        };
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
    /// A YAML syntax error or nesting deeper than
    /// [`MAX_DEPTH`](crate::limits::MAX_DEPTH) (the reading stops there), or
    /// else every problem in the file: the YAML features a catalogue does not
    /// use (tags, anchors, aliases, merge keys, a second document, duplicate
    /// keys) and every rule of the format the content breaks.
    pub fn from_yaml(source: &str, file: &str) -> Result<Self, Error> {
        if source.len() > MAX_BYTES {
            return Err(too_large(file));
        }
        let mut validator = Validator {
            file,
            source,
            problems: Vec::new(),
            codes: 0,
        };
        let document = yaml::read(source).map_err(|problem| {
            Error::new(vec![Diagnostic::at(
                file,
                source,
                problem.at.line,
                problem.at.column,
                problem.message,
            )])
        })?;
        for problem in document.problems {
            validator.problem(problem.at, problem.message);
        }
        let catalog = validator.catalog(document.root.as_ref());
        if validator.problems.is_empty() {
            Ok(catalog)
        } else {
            Err(Error::new(validator.problems))
        }
    }
}

/// Reads a catalogue file, but never more than one byte beyond
/// [`MAX_BYTES`](crate::limits::MAX_BYTES): enough for
/// [`Catalog::from_bytes`] to refuse a file that is too large, without
/// reading all of a huge one (or a device that never ends) into memory.
///
/// ```
/// let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../errors.yaml");
/// let bytes = error_codes_gen::read_catalogue(&path)?;
/// assert!(String::from_utf8(bytes).unwrap().contains("title: Errors & Troubleshooting"));
/// # Ok::<(), std::io::Error>(())
/// ```
///
/// # Errors
/// When the file cannot be opened or read.
pub fn read_catalogue(path: &Path) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let limit = MAX_BYTES as u64 + 1;
    // Sized from the file, as `fs::read` does; growing by doubling could
    // hold up to twice the file.
    let size = file
        .metadata()
        .map_or(0, |metadata| metadata.len().min(limit));
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn too_large(file: &str) -> Error {
    Error::new(vec![Diagnostic::whole_file(
        file,
        format!(
            "the file is larger than {} MiB ({MAX_BYTES} bytes), the largest catalogue accepted; \
             split the API's errors or shorten their texts",
            MAX_BYTES / (1024 * 1024)
        ),
    )])
}

// ---- Validation ----------------------------------------------------------

struct Validator<'a> {
    file: &'a str,
    source: &'a str,
    problems: Vec<Diagnostic>,
    /// Codes read so far, against [`MAX_CODES`].
    codes: usize,
}

impl Validator<'_> {
    fn problem(&mut self, at: Place, message: impl Into<String>) {
        self.problems.push(Diagnostic::at(
            self.file,
            self.source,
            at.line,
            at.column,
            message,
        ));
    }

    fn catalog(&mut self, root: Option<&Node<'_>>) -> Catalog {
        let start = Place { line: 1, column: 1 };
        let fields = match root {
            None
            | Some(Node {
                value: Value::Blank,
                ..
            }) => {
                self.problem(
                    start,
                    "the file is empty: a catalogue needs at least `title` and `statuses`",
                );
                None
            }
            Some(root) => self.mapping(root, "the catalogue", &CATALOG_KEYS),
        };
        let Some([title, version, description, name, statuses_field, removed]) = fields else {
            return Catalog::empty(self.file);
        };
        let at = root.map_or(start, |root| root.at);
        let version_line = version.map(|version| version.at.line);
        let description_line = description.map(|description| description.at.line);

        let title_line = title.map_or(0, |title| title.at.line);
        let title = if let Some(title) = title {
            self.text(title, "title")
        } else {
            self.problem(
                at,
                "missing `title`: the catalogue needs one, e.g. `title: Errors`",
            );
            String::new()
        };
        let version = version.map(|version| self.text(version, "version"));
        let description = description.map(|description| self.text(description, "description"));
        let name_line = name.map(|name| name.at.line);
        let name = match name {
            Some(name) => self.explicit_name(name, "enum name"),
            None => Some(DEFAULT_NAME.to_owned()),
        };

        let mut seen = Seen::default();
        // Read before the statuses, wherever they are in the file, so that
        // every code can be checked against them.
        let removed = removed.map_or_else(Vec::new, |removed| self.tombstones(removed, &mut seen));

        let statuses = self.statuses(statuses_field, at, name.as_deref(), &mut seen);

        Catalog {
            source_name: self.file.to_owned(),
            title,
            version,
            description,
            name: name.unwrap_or_default(),
            statuses,
            removed,
            title_line,
            version_line,
            description_line,
            name_line,
        }
    }

    /// The statuses, each group's Rust name checked against the others' and
    /// the top-level enum's.
    fn statuses<'n>(
        &mut self,
        field: Option<&'n Node<'_>>,
        at: Place,
        top_level: Option<&str>,
        seen: &mut Seen<'n>,
    ) -> Vec<Status> {
        let mut group_names: HashMap<String, (u16, usize)> = HashMap::new();
        let mut statuses = Vec::new();
        let entries = if let Some(node) = field {
            self.entries(
                node,
                "`statuses`",
                "a mapping of error statuses to their codes",
            )
        } else {
            self.problem(
                at,
                "missing `statuses`: the mapping of error statuses to their codes",
            );
            &[]
        };
        for (key, value) in entries {
            let Some((status, group)) = self.status(key, value, seen) else {
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
                } else if top_level == Some(group.as_str()) {
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
                    group_names.insert(group, (status.status, key.at.line));
                    None
                };
                if let Some(problem) = problem {
                    self.problem(key.at, problem);
                }
            }
            statuses.push(status);
        }

        statuses
    }

    /// The `removed:` tombstones, each remembered in `seen` so that a code
    /// that reuses one is reported.
    fn tombstones<'n>(&mut self, node: &'n Node<'_>, seen: &mut Seen<'n>) -> Vec<Removed> {
        let mut removed = Vec::new();
        for (key, value) in self.entries(
            node,
            "`removed`",
            "a mapping of removed codes to their tombstones",
        ) {
            let code = key.key_text();
            let line = key.at.line;
            let fields = self.mapping(value, "a removed code", &REMOVED_KEYS);
            if let Some(problem) = code_problem(code) {
                self.problem(key.at, problem);
                continue;
            }
            seen.tombstones.insert(code, line);
            let Some([status, version, reason]) = fields else {
                continue;
            };
            let status = if let Some(status) = status {
                let text = self.text(status, "status");
                match error_status(&text) {
                    Ok(number) => Some(number),
                    Err(expected) => {
                        if !text.trim().is_empty() {
                            self.problem(
                                status.at,
                                format!("`{text}` is not an error status: {expected}"),
                            );
                        }
                        None
                    }
                }
            } else {
                self.problem(
                    key.at,
                    format!("removed code `{code}` has no `status`: the status it was sent with"),
                );
                None
            };
            let version = version.map(|version| self.text(version, "version"));
            let reason = reason.map(|reason| self.text(reason, "reason"));
            if let Some(status) = status {
                removed.push(Removed {
                    code: code.to_owned(),
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
    fn status<'n>(
        &mut self,
        key: &Node<'_>,
        value: &'n Node<'_>,
        seen: &mut Seen<'n>,
    ) -> Option<(Status, Option<String>)> {
        let status = self.status_number(key);
        let fields = self.mapping(value, "a status", &STATUS_KEYS);
        let status = status?;
        let [title, description, name, codes] = fields.unwrap_or_default();
        let title_node = title;
        let title = match title {
            Some(title) => self.text(title, "title"),
            None => {
                if let Some(phrase) = reason_phrase(status) {
                    phrase.to_owned()
                } else {
                    self.problem(
                        key.at,
                        format!(
                            "status {status} has no standard reason phrase; give it a `title:`"
                        ),
                    );
                    String::new()
                }
            }
        };
        let description = description.map(|description| self.text(description, "description"));
        let name = match name {
            Some(name) => self.explicit_name(name, "enum name"),
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
                    self.problem(title_node.map_or(key.at, |title| title.at), problem);
                    None
                } else {
                    Some(name)
                }
            }
        };
        let codes = match codes {
            Some(codes) => self.codes(status, name.as_deref(), codes, seen),
            None => Vec::new(),
        };
        let status = Status {
            status,
            title,
            description,
            name: name.clone().unwrap_or_default(),
            codes,
            line: key.at.line,
        };
        Some((status, name))
    }

    /// The codes of `status`, whose Rust enum is `group` if it has a valid name.
    fn codes<'n>(
        &mut self,
        status: u16,
        group: Option<&str>,
        node: &'n Node<'_>,
        seen: &mut Seen<'n>,
    ) -> Vec<Code> {
        let entries = self.entries(node, "`codes`", "a mapping of codes to their messages");
        // Sized once: growing a map hashes every key again.
        let expected = entries.len().min(MAX_CODES);
        let mut variants: HashMap<String, (&str, usize)> = HashMap::with_capacity(expected);
        let mut codes = Vec::with_capacity(expected);
        for (key, value) in entries {
            let code = key.key_text();
            let line = key.at.line;
            self.codes += 1;
            if self.codes > MAX_CODES {
                if self.codes == MAX_CODES + 1 {
                    self.problem(
                        key.at,
                        format!(
                            "more than {MAX_CODES} codes, the most a catalogue may have; \
                             the codes from here on are not read"
                        ),
                    );
                }
                continue;
            }
            match seen.codes.entry(code) {
                Entry::Occupied(first) => {
                    let (other_status, other_line) = first.get();
                    self.problem(
                        key.at,
                        format!(
                            "duplicate code `{code}`: already under status {other_status} (line {other_line})"
                        ),
                    );
                    continue;
                }
                Entry::Vacant(entry) => {
                    entry.insert((status, line));
                }
            }
            if let Some(tombstone_line) = seen.tombstones.get(code) {
                self.problem(
                    key.at,
                    format!(
                        "code `{code}` was removed (tombstone at line {tombstone_line}) and must \
                         never come back: clients may still read it with its old meaning; \
                         choose a new code"
                    ),
                );
                continue;
            }
            if let Some(problem) = code_problem(code) {
                self.problem(key.at, problem);
                continue;
            }
            let variant = variant_name(code);
            if let Some(reason) = identifier_problem(&variant) {
                self.problem(
                    key.at,
                    format!("`{code}` cannot become a Rust variant: `{variant}` {reason}"),
                );
            } else if let Some((other, other_line)) = variants.get(&variant) {
                let group = group.unwrap_or("");
                self.problem(
                    key.at,
                    format!(
                        "code `{code}` becomes the Rust variant `{group}::{variant}`, like `{other}` (line {other_line}); \
                         codes in one status must differ in more than case and separators"
                    ),
                );
            } else {
                variants.insert(variant.clone(), (code, line));
            }
            let (message, deprecated, since) = self.code_fields(key, value);
            codes.push(Code {
                code: code.to_owned(),
                message,
                name: variant,
                deprecated,
                since,
                line,
            });
        }
        codes
    }

    /// The status a key names: three digits from 400 to 599. A status twice
    /// is the same key twice, which the YAML reader refuses.
    fn status_number(&mut self, key: &Node<'_>) -> Option<u16> {
        let text = key.key_text();
        let status = match error_status(text) {
            Ok(status) => status,
            Err(expected) => {
                let message = format!("`{text}` is not an error status: {expected}");
                self.problem(key.at, message);
                return None;
            }
        };
        Some(status)
    }

    /// The message, deprecation note and `since` of the code at `key`, from
    /// the short form (`code: message`) or the long form (a mapping).
    fn code_fields(
        &mut self,
        key: &Node<'_>,
        value: &Node<'_>,
    ) -> (String, Option<String>, Option<String>) {
        let (message, deprecated, since) = match &value.value {
            Value::Text(_) | Value::Blank | Value::Refused => (Some(value), None, None),
            Value::List => {
                let expected = format!(
                    "its message, or a mapping with the keys {}",
                    quoted(&CODE_KEYS)
                );
                self.expected(value, "a code", &expected);
                return (String::new(), None, None);
            }
            Value::Map(_) => match self.mapping(value, "a code", &CODE_KEYS) {
                Some([message, deprecated, since]) => {
                    if message.is_none() && !has_unknown_keys(value, &CODE_KEYS) {
                        // A misspelt `message` is reported as such already.
                        self.problem(
                            key.at,
                            format!("code `{}` has no `message`", key.key_text()),
                        );
                    }
                    (message, deprecated, since)
                }
                None => return (String::new(), None, None),
            },
        };
        let message = message.map_or_else(String::new, |message| {
            let text = self.text(message, "message");
            let length = text.chars().count();
            if length > MAX_MESSAGE_CHARS {
                self.problem(
                    message.at,
                    format!(
                        "the message is {length} characters long; \
                         the longest accepted is {MAX_MESSAGE_CHARS}"
                    ),
                );
            }
            text
        });
        let deprecated = deprecated.map(|deprecated| self.text(deprecated, "deprecation note"));
        let since = since.map(|since| self.text(since, "since"));
        (message, deprecated, since)
    }

    /// The values of a mapping's `keys`, in that order, after reporting every
    /// other key. Blank counts as an empty mapping. `None` (and reported)
    /// when the node is something else.
    fn mapping<'n, 'a, const N: usize>(
        &mut self,
        node: &'n Node<'a>,
        what: &str,
        keys: &[&str; N],
    ) -> Option<[Option<&'n Node<'a>>; N]> {
        let mut fields = [None; N];
        match &node.value {
            Value::Map(entries) => {
                for (key, value) in entries {
                    let text = key.key_text();
                    if let Some(index) = keys.iter().position(|known| *known == text) {
                        fields[index] = Some(value);
                    } else {
                        let expected = match keys.iter().find(|known| is_typo(text, known)) {
                            Some(known) => format!("did you mean `{known}`?"),
                            None => format!("expected one of {}", quoted(keys)),
                        };
                        let message = format!("unknown key `{text}` in {what}: {expected}");
                        self.problem(key.at, message);
                    }
                }
                Some(fields)
            }
            Value::Blank => Some(fields),
            Value::Refused => None,
            Value::Text(_) | Value::List => {
                let expected = format!("a mapping with the keys {}", quoted(keys));
                self.expected(node, what, &expected);
                None
            }
        }
    }

    /// The entries of a mapping whose keys are data (statuses, codes);
    /// blank is none. Anything else is reported as not `expected`.
    fn entries<'n, 'a>(
        &mut self,
        node: &'n Node<'a>,
        what: &str,
        expected: &str,
    ) -> &'n [(Node<'a>, Node<'a>)] {
        match &node.value {
            Value::Map(entries) => entries,
            Value::Blank | Value::Refused => &[],
            Value::Text(_) | Value::List => {
                self.expected(node, what, expected);
                &[]
            }
        }
    }

    /// Reports that `node` is not what `what` must be.
    fn expected(&mut self, node: &Node<'_>, what: &str, expected: &str) {
        let found = node.value.describe();
        self.problem(node.at, format!("{what} must be {expected}, found {found}"));
    }

    /// A text field, which must say something, and say it in characters a
    /// reader sees. Trailing line breaks, which YAML's `|` and `>` keep, are
    /// dropped: no text means to end in one.
    fn text(&mut self, node: &Node<'_>, what: &str) -> String {
        let text = match &node.value {
            Value::Text(text) => text.trim_end_matches(['\n', '\r']),
            Value::Blank => "",
            Value::Refused => return String::new(),
            Value::Map(_) | Value::List => {
                self.expected(node, what, "text");
                return String::new();
            }
        };
        if text.trim().is_empty() {
            self.problem(node.at, format!("empty {what}"));
        } else if let Some(problem) = hidden_character_problem(text) {
            self.problem(node.at, format!("the {what} contains {problem}"));
        }
        text.to_owned()
    }

    /// A Rust name given with `name:`, if it is a valid one.
    fn explicit_name(&mut self, node: &Node<'_>, what: &str) -> Option<String> {
        let name = self.text(node, "name");
        if name.trim().is_empty() {
            return None;
        }
        if let Some(reason) = identifier_problem(&name) {
            self.problem(
                node.at,
                format!("`{name}` cannot be a Rust {what}: it {reason}"),
            );
            return None;
        }
        Some(name)
    }
}

/// Whether a mapping has a key outside `keys`.
fn has_unknown_keys(node: &Node<'_>, keys: &[&str]) -> bool {
    let Value::Map(entries) = &node.value else {
        return false;
    };
    entries
        .iter()
        .any(|(key, _)| !matches!(&key.value, Value::Text(text) if keys.contains(&text.as_ref())))
}

impl Catalog {
    /// A catalogue with nothing in it, returned beside the problems that
    /// prevented reading one; never seen by a caller.
    fn empty(file: &str) -> Self {
        Self {
            source_name: file.to_owned(),
            title: String::new(),
            version: None,
            description: None,
            name: String::new(),
            statuses: Vec::new(),
            removed: Vec::new(),
            title_line: 0,
            version_line: None,
            description_line: None,
            name_line: None,
        }
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

/// The Rust variant name of a valid code: `invalid_token` → `InvalidToken`,
/// `WA401` → `Wa401`, as [`heck`]'s `UpperCamelCase` spells it.
///
/// Most codes are lowercase words with digits between separators; their name
/// is each word with its first letter capitalized, which takes a fraction of
/// heck's time (the loader names every code, so this shows in large
/// catalogues). Codes with capitals go to heck, which splits words at case
/// changes too.
fn variant_name(code: &str) -> String {
    if code.bytes().any(|b| b.is_ascii_uppercase()) {
        return code.to_upper_camel_case();
    }
    let mut name = String::with_capacity(code.len());
    for word in code.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            name.push(first.to_ascii_uppercase());
            name.push_str(chars.as_str());
        }
    }
    name
}

/// What has been seen so far, to report duplicates with where they first were.
#[derive(Default)]
struct Seen<'n> {
    /// Removed code → the line of its tombstone.
    tombstones: HashMap<&'n str, usize>,
    /// Code → its status and line.
    codes: HashMap<&'n str, (u16, usize)>,
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

#[cfg(test)]
mod tests {
    use heck::ToUpperCamelCase as _;

    use super::variant_name;

    #[test]
    fn variant_names_are_heck_upper_camel_case() {
        let codes = [
            "invalid_token",
            "number-in-use",
            "WA401",
            "v2_token",
            "api.v2.key",
            "_leading",
            "trailing_",
            "double__under",
            "-_.",
            "a",
            "a1b2_3c",
            "HTTPError",
            "httpError",
            "token_3x_limit",
            "x_9",
            "mixed-Case.code_Name",
        ];
        for code in codes {
            assert_eq!(variant_name(code), code.to_upper_camel_case(), "{code}");
        }
    }

    #[test]
    fn variant_names_agree_with_heck_on_every_short_code() {
        // Every string of up to five characters over letters, digits and
        // each separator: every boundary the two could disagree on.
        const ALPHABET: [char; 6] = ['a', 'b', '1', '_', '-', '.'];
        let mut codes = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = codes
                .iter()
                .filter(|code| code.len() == codes.last().map_or(0, String::len))
                .flat_map(|code| ALPHABET.iter().map(move |c| format!("{code}{c}")))
                .collect();
            for code in &longer {
                assert_eq!(variant_name(code), code.to_upper_camel_case(), "{code:?}");
            }
            codes.extend(longer);
        }
        assert_eq!(codes.len(), 1 + 6 + 36 + 216 + 1296 + 7776);
    }
}
