//! The located tree into the model: every rule of the file format that holds
//! within one item (a status, a code, a tombstone), with the rules between
//! items left to [`check`](super::check). Each mapping is read by name, in
//! the one function that reads it.

use crate::ascii::plain_run;
use crate::limits::{MAX_CODES, MAX_MESSAGE_CHARS};
use crate::{Body, Catalog, Code, ERROR_STATUSES, Preset, Removed, Retry, Status, TypeDef};

use super::Problems;
use super::body::{Layout, docs_url};
use super::check::{Seen, Variants};
use super::keys::Keys;
use super::names::{
    DEFAULT_TOP_LEVEL_NAME, code_problem, group_name, identifier_problem, reason_phrase,
    variant_name,
};
use super::yaml::{Node, Place, Value};

/// The catalogue `root` holds, with every problem in `problems`. When there
/// are any, the catalogue is incomplete and only its problems count.
pub(super) fn catalog(root: Option<&Node<'_>>, problems: &mut Problems<'_>) -> Catalog {
    Validator {
        problems,
        codes: 0,
        types: Vec::new(),
        layout: Layout::default(),
    }
    .catalog(root)
}

/// What `text` holds that would not show as what it is, or `None` if nothing:
/// a control character other than line feed and tab (a terminal escape, a
/// carriage return), or a bidirectional control (U+202A–U+202E,
/// U+2066–U+2069), which makes text display in another order than it is
/// stored (the "Trojan Source" trick). The catalogue refuses them in every
/// text, and `#[derive(ErrorCode)]` in every message and code.
///
/// ```
/// use error_codes_gen::hidden_character_problem;
///
/// assert_eq!(hidden_character_problem("Line one\nline two\tand a tab."), None);
/// assert_eq!(hidden_character_problem("الرمز غير صالح"), None);
/// assert_eq!(
///     hidden_character_problem("Red \u{1b}[31malert").as_deref(),
///     Some("the control character U+001B; only line breaks and tabs are allowed"),
/// );
/// assert!(hidden_character_problem("Pay \u{202E}su").unwrap().starts_with("U+202E, a bidirectional"));
/// ```
#[must_use]
pub fn hidden_character_problem(text: &str) -> Option<String> {
    // Printable ASCII hides nothing, and most text is only that: the
    // characters are looked at from the first byte that is not.
    let c = text[plain_run(text.as_bytes(), b"")..].chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })?;
    let code = format!("U+{:04X}", u32::from(c));
    Some(if c.is_control() {
        format!("the control character {code}; only line breaks and tabs are allowed")
    } else {
        format!(
            "{code}, a bidirectional control character: it makes text display in another \
             order than it is stored, so what a reviewer reads is not what is sent; remove it"
        )
    })
}

pub(super) struct Validator<'p, 'a> {
    pub(super) problems: &'p mut Problems<'a>,
    /// Codes read so far, against [`MAX_CODES`].
    codes: usize,
    /// The types of `types:`, read before the statuses so that params can
    /// use them.
    types: Vec<TypeDef>,
    /// The body's layout and the docs template, read before the statuses so
    /// that every code can be checked against them.
    pub(super) layout: Layout,
}

impl Validator<'_, '_> {
    pub(super) fn problem(&mut self, at: Place, message: impl Into<String>) {
        self.problems.at(at, message);
    }

    fn catalog(&mut self, root: Option<&Node<'_>>) -> Catalog {
        let file = self.problems.file;
        let Some(root) = root.filter(|root| !matches!(root.value, Value::Blank)) else {
            self.problem(
                Place { line: 1, column: 1 },
                "the file is empty: a catalogue needs at least `title` and `statuses`",
            );
            return Catalog::empty(file);
        };
        let mut keys = Keys::new(root);
        let title = keys.take("title");
        let version = keys.take("version");
        let description = keys.take("description");
        let name = keys.take("name");
        let body = keys.take_entry("body");
        let docs = keys.take_entry("docs");
        let outputs = keys.take("outputs");
        let types = keys.take("types");
        let statuses = keys.take("statuses");
        let removed = keys.take("removed");
        if keys.finish(self.problems, "the catalogue").is_none() {
            return Catalog::empty(file);
        }

        let title_line = title.map_or(0, |title| title.at.line);
        let title = if let Some(title) = title {
            self.text(title, "title")
        } else {
            self.problem(
                root.at,
                "missing `title`: the catalogue needs one, e.g. `title: Errors`",
            );
            String::new()
        };
        let version_line = version.map(|version| version.at.line);
        let version = version.map(|version| self.text(version, "version"));
        let description_line = description.map(|description| description.at.line);
        let description = description.map(|description| self.text(description, "description"));
        let name_line = name.map(|name| name.at.line);
        let name = match name {
            Some(name) => self.explicit_name(name, "enum name"),
            None => Some(DEFAULT_TOP_LEVEL_NAME.to_owned()),
        };
        let docs_line = self.layout(docs, body);
        let outputs = outputs.map_or_else(
            || crate::Output::DEFAULT.to_vec(),
            |outputs| super::outputs::outputs(outputs, self.problems),
        );

        let mut seen = Seen::default();
        // Read before the statuses, wherever they are in the file, so that
        // every code can be checked against them.
        let removed = removed.map_or_else(Vec::new, |removed| self.tombstones(removed, &mut seen));
        if let Some(types) = types {
            self.types = self.types(types);
        }
        let statuses = self.statuses(statuses, root.at, name.as_deref(), &mut seen);
        self.undocumented(body.map(|(key, _)| key.at), &statuses);
        let types = std::mem::take(&mut self.types);
        self.type_names(&types, &statuses, name.as_deref());

        Catalog {
            types,
            source_name: file.to_owned(),
            title,
            version,
            description,
            name: name.unwrap_or_default(),
            body: std::mem::take(&mut self.layout.body),
            docs: self.layout.docs.take(),
            docs_line,
            statuses,
            removed,
            title_line,
            version_line,
            description_line,
            name_line,
            outputs,
        }
    }

    /// Reports each type of `types:` whose name a status's Rust enum or
    /// TypeScript union, or the top-level enum, already has.
    fn type_names(&mut self, types: &[TypeDef], statuses: &[Status], top_level: Option<&str>) {
        for ty in types {
            let group = statuses.iter().find(|status| status.name == ty.name);
            if let Some(status) = group {
                self.problem(
                    Place {
                        line: ty.line,
                        column: 3,
                    },
                    format!(
                        "type `{}` has the name of the Rust enum of status {} (line {}); \
                         rename the type",
                        ty.name, status.status, status.line
                    ),
                );
            } else if let Some(status) = statuses
                .iter()
                .find(|status| !status.name.is_empty() && ty.name == format!("{}Code", status.name))
            {
                self.problem(
                    Place {
                        line: ty.line,
                        column: 3,
                    },
                    format!(
                        "type `{}` has the name of the TypeScript union of the codes of status {} \
                         (line {}); rename the type",
                        ty.name, status.status, status.line
                    ),
                );
            } else if top_level == Some(ty.name.as_str()) {
                self.problem(
                    Place {
                        line: ty.line,
                        column: 3,
                    },
                    format!("type `{}` has the name of the top-level Rust enum", ty.name),
                );
            }
        }
    }

    /// The statuses, each group's Rust name checked against the others' and
    /// the top-level enum's.
    fn statuses<'n>(
        &mut self,
        node: Option<&'n Node<'_>>,
        at: Place,
        top_level: Option<&str>,
        seen: &mut Seen<'n>,
    ) -> Vec<Status> {
        let Some(node) = node else {
            self.problem(
                at,
                "missing `statuses`: the mapping of error statuses to their codes",
            );
            return Vec::new();
        };
        let entries = self.entries(
            node,
            "`statuses`",
            "a mapping of error statuses to their codes",
        );
        let mut statuses = Vec::new();
        for (key, value) in entries {
            let Some(status) = self.status(key, value, seen) else {
                continue;
            };
            // An invalid name is reported already, and is empty.
            if !status.name.is_empty()
                && let Some(problem) =
                    seen.group(&status.name, status.status, status.line, top_level)
            {
                self.problem(key.at, problem);
            }
            statuses.push(status);
        }
        statuses
    }

    /// The `removed:` tombstones, each remembered in `seen` so that a code
    /// that reuses one is reported.
    fn tombstones<'n>(&mut self, node: &'n Node<'_>, seen: &mut Seen<'n>) -> Vec<Removed> {
        let mut removed = Vec::new();
        let entries = self.entries(
            node,
            "`removed`",
            "a mapping of removed codes to their tombstones",
        );
        for (key, value) in entries {
            let code = key.key_text();
            let line = key.at.line;
            let mut keys = Keys::new(value);
            let status = keys.take("status");
            let version = keys.take("version");
            let reason = keys.take("reason");
            let is_mapping = keys.finish(self.problems, "a removed code").is_some();
            if let Some(problem) = code_problem(code) {
                self.problem(key.at, problem);
                continue;
            }
            seen.tombstone(code, line);
            if !is_mapping {
                continue;
            }
            let status = if let Some(status) = status {
                self.tombstone_status(status)
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

    /// The status a tombstone's `status:` names, if it names one.
    fn tombstone_status(&mut self, node: &Node<'_>) -> Option<u16> {
        let text = self.text(node, "status");
        match error_status(&text) {
            Ok(number) => Some(number),
            Err(expected) => {
                // An empty status is reported already.
                if !text.trim().is_empty() {
                    self.problem(
                        node.at,
                        format!("`{text}` is not an error status: {expected}"),
                    );
                }
                None
            }
        }
    }

    /// One status and its codes; `None` if the key is not a status this
    /// catalogue can hold. A status whose Rust enum name is invalid has an
    /// empty [`Status::name`].
    fn status<'n>(
        &mut self,
        key: &Node<'_>,
        value: &'n Node<'_>,
        seen: &mut Seen<'n>,
    ) -> Option<Status> {
        let number = self.status_number(key);
        let mut keys = Keys::new(value);
        let title_node = keys.take("title");
        let description = keys.take("description");
        let name = keys.take("name");
        let retry = keys.take("retry");
        let codes = keys.take("codes");
        keys.finish(self.problems, "a status");
        let status = number?;
        let retry = retry.and_then(|retry| self.retry(retry));

        let title = if let Some(title) = title_node {
            self.text(title, "title")
        } else if let Some(phrase) = reason_phrase(status) {
            phrase.to_owned()
        } else {
            self.problem(
                key.at,
                format!("status {status} has no standard reason phrase; give it a `title:`"),
            );
            String::new()
        };
        let description = description.map(|description| self.text(description, "description"));
        let name = match name {
            Some(name) => self.explicit_name(name, "enum name"),
            // An empty title is reported already.
            None if title.trim().is_empty() => None,
            None => {
                let name = group_name(&title);
                if let Some(reason) = identifier_problem(&name) {
                    self.problem(
                        title_node.map_or(key.at, |title| title.at),
                        format!(
                            "status {status} cannot take its Rust enum name from its title \
                             `{title}`: `{name}` {reason}; give the status a `name:`"
                        ),
                    );
                    None
                } else {
                    Some(name)
                }
            }
        };
        let codes = match codes {
            Some(codes) => self.codes(status, name.as_deref(), retry, codes, seen),
            None => Vec::new(),
        };
        Some(Status {
            status,
            title,
            description,
            name: name.unwrap_or_default(),
            codes,
            retry,
            line: key.at.line,
        })
    }

    /// The codes of `status`, whose Rust enum is `group` if it has a valid name.
    fn codes<'n>(
        &mut self,
        status: u16,
        group: Option<&str>,
        retry: Option<Retry>,
        node: &'n Node<'_>,
        seen: &mut Seen<'n>,
    ) -> Vec<Code> {
        let entries = self.entries(node, "`codes`", "a mapping of codes to their messages");
        let expected = entries.len().min(MAX_CODES);
        let mut variants = Variants::with_capacity(expected);
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
            if let Some(problem) = seen.code(code, status, line) {
                self.problem(key.at, problem);
                continue;
            }
            if let Some(problem) = code_problem(code) {
                self.problem(key.at, problem);
                continue;
            }
            if let Some(problem) = self.code_type_problem(code) {
                self.problem(key.at, problem);
                continue;
            }
            let group = group.unwrap_or("");
            let (variant, explicit) = if let Some(name) = long_form_name(value) {
                let variant = self.explicit_name(name, "variant");
                if let Some(variant) = &variant
                    && let Some(problem) = variants.variant(variant, code, line, group, true)
                {
                    self.problem(name.at, problem);
                }
                (variant.unwrap_or_default(), true)
            } else {
                let variant = variant_name(code);
                if let Some(reason) = identifier_problem(&variant) {
                    self.problem(
                        key.at,
                        format!(
                            "`{code}` cannot become a Rust variant: `{variant}` {reason}; \
                             give the code a `name:`"
                        ),
                    );
                } else if let Some(problem) = variants.variant(&variant, code, line, group, false) {
                    self.problem(key.at, problem);
                }
                (variant, false)
            };
            let mut read = self.code(key, value, variant, status, retry);
            read.explicit_name = explicit;
            codes.push(read);
        }
        codes
    }

    /// The code at `key` of `status`, whose Rust variant is `name`, from the
    /// short form (`code: message`) or the long form (a mapping);
    /// `status_retry` is its status's `retry:`.
    fn code(
        &mut self,
        key: &Node<'_>,
        value: &Node<'_>,
        name: String,
        status: u16,
        status_retry: Option<Retry>,
    ) -> Code {
        let mut code = Code {
            code: key.key_text().to_owned(),
            message: String::new(),
            name,
            explicit_name: false,
            title: None,
            docs: None,
            description: None,
            resolution: None,
            deprecated: None,
            since: None,
            params: Vec::new(),
            retry: status_retry.unwrap_or_default(),
            line: key.at.line,
        };
        if matches!(value.value, Value::Text(_) | Value::Blank | Value::Refused) {
            code.message = self.message(value);
            self.check_code(&code, Some(value), key.at, status_retry.is_some());
            self.docs(&mut code, None, key.at, status);
            return code;
        }
        let mut keys = Keys::new(value);
        let message = keys.take("message");
        // Read with the other codes' names, by `codes`.
        keys.take("name");
        code.title = keys.take("title").map(|node| self.text(node, "title"));
        code.description = keys
            .take("description")
            .map(|node| self.markdown(node, "description"));
        code.resolution = keys
            .take("resolution")
            .map(|node| self.markdown(node, "resolution"));
        let docs = keys.take("docs");
        code.deprecated = keys
            .take("deprecated")
            .map(|node| self.text(node, "deprecation note"));
        code.since = keys.take("since").map(|node| self.text(node, "since"));
        let params = keys.take("params");
        let retry = keys.take("retry");
        let own_retry = retry.and_then(|retry| self.retry(retry));
        if let Some(retry) = own_retry {
            code.retry = retry;
        }
        if let Some(params) = params {
            let types = std::mem::take(&mut self.types);
            let names: Vec<&str> = types.iter().map(|ty| ty.name.as_str()).collect();
            let (mut read, examples) = self.params(params, "param", &names);
            for (index, node) in examples {
                let ty = read[index].ty.clone();
                read[index].example = self.example(node, &ty, &types);
            }
            self.types = types;
            self.spread_collisions(params, &read);
            code.params = read;
        }
        self.docs(&mut code, docs, key.at, status);

        if matches!(value.value, Value::List(_)) {
            let expected = format!("its message, or a mapping with the keys {}", keys.quoted());
            self.problems.expected(value, "a code", &expected);
            return code;
        }
        let has_unknown_keys = keys
            .finish(self.problems, "a code")
            .is_some_and(|rest| rest.has_unknown_keys);
        match message {
            Some(message) => code.message = self.message(message),
            // A misspelt `message` is reported as such already.
            None if has_unknown_keys => {}
            None => self.problem(key.at, format!("code `{}` has no `message`", code.code)),
        }
        let from_status = own_retry.is_none() && status_retry.is_some();
        self.check_code(&code, message, key.at, from_status);
        code
    }

    /// The code's docs URL: from its own template `docs`, else the
    /// catalogue's. Under `body: problem`, a code with neither is noted.
    fn docs(&mut self, code: &mut Code, docs: Option<&Node<'_>>, at: Place, status: u16) {
        let own = docs.and_then(|docs| self.docs_template(docs));
        let template = own.as_deref().or(self.layout.docs.as_deref());
        code.docs = template.map(|template| docs_url(template, &code.code, status));
        // A template that is not one is reported already.
        if docs.is_none()
            && !self.layout.has_docs
            && self.layout.body.preset == Some(Preset::Problem)
        {
            self.layout.undocumented.push((at, code.code.clone()));
        }
    }

    /// Under `body: problem`, the codes without a docs URL, which it sends
    /// as `type`: each at its key, or when no code has one, once at `body:`.
    fn undocumented(&mut self, body: Option<Place>, statuses: &[Status]) {
        let undocumented = std::mem::take(&mut self.layout.undocumented);
        if undocumented.is_empty() {
            return;
        }
        let codes: usize = statuses.iter().map(|status| status.codes.len()).sum();
        if let (true, Some(body)) = (undocumented.len() == codes, body) {
            self.problem(
                body,
                "`body: problem` sends each code's docs URL as `type`, and no code has one: \
                 give the catalogue a `docs:` template, e.g. \
                 `docs: https://docs.example.com/errors/{code}`",
            );
            return;
        }
        for (at, code) in undocumented {
            self.problem(
                at,
                format!(
                    "code `{code}` has no docs URL, which `body: problem` sends as `type`: \
                     give it a `docs:`, or the catalogue a `docs:` template"
                ),
            );
        }
    }

    /// A code's message: a text no longer than [`MAX_MESSAGE_CHARS`].
    fn message(&mut self, node: &Node<'_>) -> String {
        let text = self.text(node, "message");
        let length = text.chars().count();
        if length > MAX_MESSAGE_CHARS {
            self.problem(
                node.at,
                format!(
                    "the message is {length} characters long; \
                     the longest accepted is {MAX_MESSAGE_CHARS}"
                ),
            );
        }
        text
    }

    /// The status a key names: three digits from 400 to 599. A status twice
    /// is the same key twice, which the YAML reader refuses.
    fn status_number(&mut self, key: &Node<'_>) -> Option<u16> {
        let text = key.key_text();
        match error_status(text) {
            Ok(status) => Some(status),
            Err(expected) => {
                self.problem(
                    key.at,
                    format!("`{text}` is not an error status: {expected}"),
                );
                None
            }
        }
    }

    /// The entries of a mapping whose keys are data (statuses, codes,
    /// tombstones); blank is none. Anything else is reported as not
    /// `expected`.
    pub(super) fn entries<'n, 'a>(
        &mut self,
        node: &'n Node<'a>,
        what: &str,
        expected: &str,
    ) -> &'n [(Node<'a>, Node<'a>)] {
        match &node.value {
            Value::Map(entries) => entries,
            Value::Blank | Value::Refused => &[],
            Value::Text(_) | Value::List(_) => {
                self.problems.expected(node, what, expected);
                &[]
            }
        }
    }

    /// A text field, which must say something, and say it in characters a
    /// reader sees. Trailing line breaks, which YAML's `|` and `>` keep, are
    /// dropped: no text means to end in one.
    pub(super) fn text(&mut self, node: &Node<'_>, what: &str) -> String {
        let text = match &node.value {
            Value::Text(text) => text.trim_end_matches(['\n', '\r']),
            Value::Blank => "",
            Value::Refused => return String::new(),
            Value::Map(_) | Value::List(_) => {
                self.problems.expected(node, what, "text");
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

    /// A text that is Markdown (a code's `description:`), checked as text
    /// and for what would swallow what follows it in a document.
    fn markdown(&mut self, node: &Node<'_>, what: &str) -> String {
        let text = self.text(node, what);
        if let Some((line, problem)) = super::markdown::unclosed_block(&text) {
            // A block scalar starts at its first line of text, so its lines
            // are the file's (a quoted text folded over lines is near).
            let at = Place {
                line: node.at.line + line - 1,
                column: node.at.column,
            };
            self.problem(at, format!("the {what} {problem}"));
        }
        text
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

impl Catalog {
    /// A catalogue with nothing in it, returned beside the problems that
    /// prevented reading one; never seen by a caller.
    fn empty(file: &str) -> Self {
        Self {
            types: Vec::new(),
            source_name: file.to_owned(),
            title: String::new(),
            version: None,
            description: None,
            name: String::new(),
            body: Body::default(),
            docs: None,
            docs_line: None,
            statuses: Vec::new(),
            removed: Vec::new(),
            title_line: 0,
            version_line: None,
            description_line: None,
            name_line: None,
            outputs: crate::Output::DEFAULT.to_vec(),
        }
    }
}

/// The `name:` of a code's long form, read before the rest of the code so
/// that its variant is checked against the others'.
fn long_form_name<'n, 'a>(value: &'n Node<'a>) -> Option<&'n Node<'a>> {
    let Value::Map(entries) = &value.value else {
        return None;
    };
    entries
        .iter()
        .find(|(key, _)| key.key_text() == "name")
        .map(|(_, name)| name)
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
