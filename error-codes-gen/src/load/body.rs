//! The body's layout (`body:`), how codes are sent (`code_type:`) and the
//! documentation URLs (the catalogue's `docs:` template and a code's own),
//! with the rules that tie them to the codes: a code of an integer
//! catalogue is a decimal integer, a param spread into an object does not
//! take the name of one of its members, and problem details have each
//! code's docs URL.

use crate::{Body, CodeType, JSON_MEDIA_TYPE, Member, Param, Part, Path, Preset};

use super::keys::{Keys, is_typo};
use super::validate::{Validator, hidden_character_problem};
use super::yaml::{Node, Place, Value};

/// The largest integer code: the largest integer every JSON reader holds
/// exactly (2^53 - 1, RFC 7493), so a JavaScript client reads each code as
/// itself.
const MAX_INTEGER_CODE: u64 = (1 << 53) - 1;

/// The placeholders a docs URL may hold, filled in per code.
const DOCS_PLACEHOLDERS: [&str; 2] = ["code", "status"];

/// The layout read so far, and what the codes are checked against.
#[derive(Default)]
pub(super) struct Layout {
    /// The declared layout, or [`Body::default`].
    pub(super) body: Body,
    /// The catalogue's `docs:` template, when it is a valid one.
    pub(super) docs: Option<String>,
    /// Whether the catalogue has a `docs:` at all (valid or reported).
    pub(super) has_docs: bool,
    /// The object the params are spread into, when they are.
    spread: Option<Spread>,
    /// Under `body: problem`, the codes that have no docs URL, at their key.
    pub(super) undocumented: Vec<(Place, String)>,
}

/// The object the params are spread into.
struct Spread {
    /// Its path: empty for the body itself.
    object: Vec<String>,
    /// Each of its members, with what it holds ("carries the code").
    members: Vec<(String, String)>,
}

/// A part of a declared layout, as read.
struct Placed {
    part: Part,
    path: Path,
    /// Where the path is written; `None` for the default `details`.
    at: Option<Place>,
}

impl Placed {
    /// `` `code: error.code` ``, as the file writes it.
    fn written(&self) -> String {
        format!("`{}: {}`", self.part.key(), self.path)
    }
}

/// What a part of the body is, for messages: "the code", "the HTTP status".
fn what(part: Part) -> &'static str {
    match part {
        Part::Code => "the code",
        Part::Message => "the message",
        Part::Details => "the params",
        Part::Status => "the HTTP status",
        Part::Docs => "the docs URL",
        Part::Title => "the title",
    }
}

impl Validator<'_, '_> {
    /// The layout `body:` declares; `key` is `body:` itself, whose line the
    /// layout keeps.
    pub(super) fn body(&mut self, key: &Node<'_>, node: &Node<'_>) -> Body {
        let line = Some(key.at.line);
        let undeclared = Body {
            line,
            ..Body::default()
        };
        let mut keys = Keys::new(node);
        let mut written: Vec<(usize, Part, &Node<'_>)> = Vec::with_capacity(Part::ALL.len());
        for part in Part::ALL {
            if let Some(path) = keys.take(part.key()) {
                let position = keys.position(part.key()).unwrap_or(usize::MAX);
                written.push((position, part, path));
            }
        }
        let code_type = keys.take("code_type");
        let content_type = keys.take("content_type");
        match &node.value {
            Value::Text(_) => return self.preset(node, line),
            Value::List(_) => {
                let expected = format!("`problem` or a mapping with the keys {}", keys.quoted());
                self.problems.expected(node, "`body`", &expected);
                return undeclared;
            }
            Value::Blank | Value::Map(_) | Value::Refused => {}
        }
        let Some(rest) = keys.finish(self.problems, "the body") else {
            return undeclared;
        };
        let code_type = code_type.map_or(CodeType::String, |node| self.code_type(node));
        let content_type = content_type
            .and_then(|node| self.media_type(node))
            .unwrap_or_else(|| JSON_MEDIA_TYPE.to_owned());
        // A layout with problems still says how codes are sent, so that they
        // are checked too.
        let undeclared = Body {
            code_type,
            ..undeclared
        };

        written.sort_by_key(|(position, _, _)| *position);
        let written_parts: Vec<Part> = written.iter().map(|(_, part, _)| *part).collect();
        let mut placed = Vec::with_capacity(written.len() + 1);
        let mut complete = true;
        for (_, part, node) in written {
            match self.member_path(node, part) {
                Some(path) => placed.push(Placed {
                    part,
                    path,
                    at: Some(node.at),
                }),
                None => complete = false,
            }
        }
        let mut missing = false;
        for (part, example) in [(Part::Code, "error.code"), (Part::Message, "error.message")] {
            let present = written_parts.contains(&part);
            // A misspelt key is reported as such already.
            if !present && !rest.has_unknown_keys {
                self.problem(
                    key.at,
                    format!(
                        "the body has no `{}`: the member that carries {}, e.g. `{}: {example}`",
                        part.key(),
                        what(part),
                        part.key()
                    ),
                );
            }
            missing |= !present;
        }
        if !complete || missing {
            return undeclared;
        }
        if !placed.iter().any(|placed| placed.part == Part::Details) {
            let code = placed.iter().find(|placed| placed.part == Part::Code);
            let mut members = code.map_or_else(Vec::new, |code| code.path.parent().to_vec());
            members.push("details".to_owned());
            placed.push(Placed {
                part: Part::Details,
                path: Path {
                    members,
                    spread: false,
                },
                at: None,
            });
        }
        if !self.paths_apart(&placed, key.at) {
            return undeclared;
        }
        let body = Body {
            parts: placed
                .into_iter()
                .map(|placed| (placed.part, placed.path))
                .collect(),
            code_type,
            content_type,
            preset: None,
            line,
        };
        self.layout.spread = spread(&body);
        body
    }

    /// The catalogue's `docs:` and `body:`, each given as its key and value,
    /// read before the codes; the line of `docs:`.
    pub(super) fn layout(
        &mut self,
        docs: Option<&(Node<'_>, Node<'_>)>,
        body: Option<&(Node<'_>, Node<'_>)>,
    ) -> Option<usize> {
        if let Some((_, docs)) = docs {
            self.layout.has_docs = true;
            self.layout.docs = self.docs_template(docs);
        }
        if let Some((key, body)) = body {
            self.layout.body = self.body(key, body);
        }
        docs.map(|(key, _)| key.at.line)
    }

    /// `body: <word>`: the preset it names.
    fn preset(&mut self, node: &Node<'_>, line: Option<usize>) -> Body {
        let word = self.text(node, "body preset");
        if word.trim().is_empty() || hidden_character_problem(&word).is_some() {
            return Body {
                line,
                ..Body::default()
            };
        }
        let preset = Preset::Problem;
        if word == preset.word() {
            let body = Body::problem(line);
            self.layout.spread = spread(&body);
            return body;
        }
        let advice = if is_typo(&word, preset.word()) {
            format!("did you mean `{}`?", preset.word())
        } else {
            format!(
                "the one preset is `{}` (RFC 9457 problem details); or declare the layout as \
                 a mapping, e.g. `body: {{code: error.code, message: error.message}}`",
                preset.word()
            )
        };
        self.problem(node.at, format!("unknown body preset `{word}`: {advice}"));
        Body {
            line,
            ..Body::default()
        }
    }

    /// `code_type:`, a word.
    fn code_type(&mut self, node: &Node<'_>) -> CodeType {
        let found = match &node.value {
            Value::Text(word) => {
                if let Some(code_type) = [CodeType::String, CodeType::Integer]
                    .into_iter()
                    .find(|code_type| code_type.word() == word)
                {
                    return code_type;
                }
                format!("`{word}`")
            }
            Value::Refused => return CodeType::String,
            other => other.describe(),
        };
        self.problem(
            node.at,
            format!("unknown code type {found}: expected `string` or `integer`"),
        );
        CodeType::String
    }

    /// `content_type:`, a media type such as `application/problem+json`.
    fn media_type(&mut self, node: &Node<'_>) -> Option<String> {
        let text = self.text(node, "content type");
        if text.trim().is_empty() || hidden_character_problem(&text).is_some() {
            return None;
        }
        let token = |part: &str| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
        };
        match text.split_once('/') {
            Some((kind, subtype)) if token(kind) && token(subtype) => Some(text),
            _ => {
                self.problem(
                    node.at,
                    format!(
                        "`{text}` is not a media type: write it as `type/subtype`, \
                         e.g. `application/vnd.example+json`"
                    ),
                );
                None
            }
        }
    }

    /// The path where `part` goes: member names separated by `.`, and for
    /// the params only, `*` at the end to spread them.
    fn member_path(&mut self, node: &Node<'_>, part: Part) -> Option<Path> {
        let written = match &node.value {
            Value::Text(text) => text.as_ref(),
            Value::Refused => return None,
            Value::Blank | Value::Map(_) | Value::List(_) => {
                let what = format!("`{}` of the body", part.key());
                let expected = if part == Part::Details {
                    "a member path, e.g. `error.details`, or `*` to spread the params"
                } else {
                    "a member path, e.g. `error.code`"
                };
                self.problems.expected(node, &what, expected);
                return None;
            }
        };
        if let Some(problem) = hidden_character_problem(written) {
            self.problem(node.at, format!("the member path contains {problem}"));
            return None;
        }
        let problem = path_problem(written, part);
        if let Some(problem) = problem {
            self.problem(node.at, problem);
            return None;
        }
        Some(Path::parse(written))
    }

    /// Whether no two parts share a member or go through one another's;
    /// each collision reported at the later part (the default `details` at
    /// `body:`, `at`).
    fn paths_apart(&mut self, placed: &[Placed], at: Place) -> bool {
        let mut apart = true;
        for (later_index, later) in placed.iter().enumerate() {
            // The default `details` follows the others: it need not be
            // reported when they collide already.
            if later.at.is_none() && !apart {
                break;
            }
            for earlier in &placed[..later_index] {
                let Some(problem) = collision(earlier, later) else {
                    continue;
                };
                apart = false;
                self.problem(later.at.unwrap_or(at), problem);
                break;
            }
        }
        apart
    }

    /// Why `code` cannot be a code of this catalogue's `code_type`, if it
    /// cannot: under `integer`, a canonical decimal integer no larger than
    /// [`MAX_INTEGER_CODE`].
    pub(super) fn code_type_problem(&self, code: &str) -> Option<String> {
        if self.layout.body.code_type != CodeType::Integer {
            return None;
        }
        let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
        let leading_zero = format!(
            "has a leading zero: as a JSON number it would be `{}`",
            code.trim_start_matches('0')
        );
        let problem = if code.starts_with('-') && digits(&code[1..]) {
            "has a sign: integer codes are written as digits only, from 0"
        } else if !digits(code) {
            "is not a decimal integer"
        } else if code.len() > 1 && code.starts_with('0') {
            &*leading_zero
        } else if !code
            .parse::<u64>()
            .is_ok_and(|number| number <= MAX_INTEGER_CODE)
        {
            "is larger than 9007199254740991 (2^53 - 1), the largest integer code: a larger \
             one has no exact JSON number in JavaScript (RFC 7493, I-JSON)"
        } else {
            return None;
        };
        Some(format!(
            "code `{code}` {problem}; with `code_type: integer` every code is sent as a JSON \
             number, written as decimal digits, e.g. `131047`"
        ))
    }

    /// A docs URL template (`docs:` of the catalogue or of a code), if it is
    /// a valid one: an absolute http(s) URL whose only placeholders are
    /// `{code}` and `{status}`.
    pub(super) fn docs_template(&mut self, node: &Node<'_>) -> Option<String> {
        let url = self.text(node, "docs URL");
        if url.trim().is_empty() || hidden_character_problem(&url).is_some() {
            return None;
        }
        if let Some(problem) = docs_problem(&url) {
            self.problem(node.at, problem);
            return None;
        }
        Some(url)
    }

    /// Reports each param of a code that would be spread into an object
    /// beside a member of the same name; `params` is where they are written.
    pub(super) fn spread_collisions(&mut self, params: &Node<'_>, read: &[Param]) {
        let Some(Spread { object, members }) = &self.layout.spread else {
            return;
        };
        let Value::Map(entries) = &params.value else {
            return;
        };
        let into = if object.is_empty() {
            match self.layout.body.preset {
                Some(preset) => format!("the body (`body: {}`)", preset.word()),
                None => "the body".to_owned(),
            }
        } else {
            format!("`{}`", object.join("."))
        };
        let mut found = Vec::new();
        for param in read {
            let Some((_, holds)) = members.iter().find(|(name, _)| *name == param.name) else {
                continue;
            };
            let Some((key, _)) = entries.iter().find(|(key, _)| key.key_text() == param.name)
            else {
                continue;
            };
            found.push((
                key.at,
                format!(
                    "param `{}` cannot be spread into {into}: its member `{}` {holds}; \
                     rename the param",
                    param.name, param.name
                ),
            ));
        }
        for (at, problem) in found {
            self.problem(at, problem);
        }
    }
}

/// The object the params are spread into, if they are, and its members with
/// what each holds. Problem details also keep `instance` for RFC 9457's
/// meaning.
fn spread(body: &Body) -> Option<Spread> {
    let details = body.path(Part::Details)?;
    if !details.spread {
        return None;
    }
    let tree = body.tree();
    let mut object = &tree;
    for name in &details.members {
        object = match &object
            .members
            .iter()
            .find(|member| member.name == *name)?
            .value
        {
            Member::Object(inner) => inner,
            Member::Part(_) => return None,
        };
    }
    let mut members: Vec<(String, String)> = object
        .members
        .iter()
        .map(|member| {
            let holds = match &member.value {
                Member::Part(part) => format!("carries {}", what(*part)),
                Member::Object(_) => "is an object of the body".to_owned(),
            };
            (member.name.clone(), holds)
        })
        .collect();
    if body.preset == Some(Preset::Problem) {
        members.push((
            "instance".to_owned(),
            "is RFC 9457's `instance`, the URI of the occurrence".to_owned(),
        ));
    }
    Some(Spread {
        object: details.members.clone(),
        members,
    })
}

/// Why `written` cannot be the path of `part`, or `None`.
fn path_problem(written: &str, part: Part) -> Option<String> {
    if written.is_empty() {
        return Some("empty member path".to_owned());
    }
    let names: Vec<&str> = written.split('.').collect();
    for (index, name) in names.iter().enumerate() {
        if *name == "*" {
            if part != Part::Details {
                return Some(format!(
                    "`{}: {written}`: only `details` can end in `*` (the params spread into \
                     an object); {} needs a member of its own",
                    part.key(),
                    what(part)
                ));
            }
            if index + 1 < names.len() {
                return Some(format!(
                    "the member path `{written}` has `*` before its end: `*` ends the path of \
                     `details`, as in `error.*`, spreading the params into that object"
                ));
            }
            continue;
        }
        if name.is_empty() {
            return Some(format!(
                "the member path `{written}` has an empty member name: write member names \
                 separated by single dots, e.g. `error.code`"
            ));
        }
        let bad = name
            .chars()
            .find(|&c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '$' | '@')));
        if let Some(bad) = bad {
            return Some(format!(
                "the member path `{written}` contains {bad:?}: member names are ASCII letters, \
                 digits, `_`, `-`, `$` and `@`, separated by `.`"
            ));
        }
    }
    None
}

/// Why `later` cannot go where it does, given `earlier`: the same member, or
/// a path through the other's member.
fn collision(earlier: &Placed, later: &Placed) -> Option<String> {
    // The object a path's part is written into: its parent, or for a
    // spread, the object itself.
    let object = |path: &Path| -> Vec<String> { path.parent().to_vec() };
    let line = earlier.at.map_or(0, |at| at.line);
    let (a, b) = (&earlier.path, &later.path);
    let same = !a.spread && !b.spread && a.members == b.members;
    let through = |leaf: &Path, deeper: &Path| {
        !leaf.spread && !leaf.members.is_empty() && object(deeper).starts_with(&leaf.members)
    };
    if later.at.is_none() {
        // The default `details`, beside the code.
        if same || through(a, b) {
            return Some(format!(
                "the params go beside the code by default, at `{b}`, but {} (line {line}) \
                 is there; give `details:` a path of its own",
                earlier.written()
            ));
        }
        return None;
    }
    if same {
        return Some(format!(
            "{} is the member of {} (line {line}) too: each part needs a member of its own",
            later.written(),
            earlier.written()
        ));
    }
    let (leaf, leaf_part, deeper) = if through(a, b) {
        (a, earlier.part, b)
    } else if through(b, a) {
        (b, later.part, a)
    } else {
        return None;
    };
    Some(format!(
        "{} and {} (line {line}) collide: `{leaf}` carries {}, so it cannot also be the \
         object that holds `{deeper}`; give one of them another path",
        later.written(),
        earlier.written(),
        what(leaf_part)
    ))
}

/// Why `url` cannot be a docs URL template, or `None`.
fn docs_problem(url: &str) -> Option<String> {
    const EXPECTED: &str = "the placeholders are `{code}` and `{status}`";
    let host = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    if !host.is_some_and(|rest| !rest.is_empty() && !rest.starts_with(['/', '?', '#'])) {
        return Some(format!(
            "the docs URL `{url}` is not an absolute http(s) URL: write `https://`, a host and \
             a path, e.g. `https://docs.example.com/errors/{{code}}`"
        ));
    }
    if let Some(space) = url.chars().find(|c| c.is_whitespace()) {
        return Some(format!(
            "the docs URL `{url}` contains {space:?}: a URL has no spaces (write `%20`)"
        ));
    }
    let at_character = |offset: usize| url[..offset].chars().count() + 1;
    let mut offset = 0;
    while let Some(at) = url[offset..].find(['{', '}']) {
        let at = offset + at;
        if url[at..].starts_with('}') {
            return Some(format!(
                "the docs URL, at character {}: a `}}` that closes nothing; {EXPECTED}",
                at_character(at)
            ));
        }
        let after = &url[at + 1..];
        let Some(end) = after
            .find(['{', '}'])
            .filter(|&end| after[end..].starts_with('}'))
        else {
            return Some(format!(
                "the docs URL, at character {}: a `{{` that is not closed; {EXPECTED}",
                at_character(at)
            ));
        };
        let name = &after[..end];
        if !DOCS_PLACEHOLDERS.contains(&name) {
            return Some(format!(
                "unknown placeholder `{{{name}}}` in the docs URL, at character {}: {EXPECTED}",
                at_character(at)
            ));
        }
        offset = at + 1 + end + 1;
    }
    None
}

/// The docs URL of `code` of `status` from a valid template.
pub(super) fn docs_url(template: &str, code: &str, status: u16) -> String {
    template
        .replace("{code}", code)
        .replace("{status}", &status.to_string())
}
