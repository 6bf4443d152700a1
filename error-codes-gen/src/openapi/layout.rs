//! The body's layout as the document writes it: the schema of a whole body
//! (`ErrorBody`, and the body of a status without codes), the narrowing of a
//! response or of one code's body branch, and the example bodies, each by
//! walking [`crate::Body::tree`].
//!
//! The default layout (no `body:`) writes its member names plain, as the
//! document always has (`error:`, `- message`); a declared layout's names
//! are the catalogue's, and quoted like every other name from it.

use super::yaml::{Yaml, push_quoted};
use super::{Doc, code_const};
use crate::schema::{self, Json};
use crate::{Catalog, Code, CodeType, Member, Named, Object, Param, Part, Preset, Status};

/// What the document needs to know of the body's layout.
pub(super) struct Layout {
    /// The body as a tree of objects ([`crate::Body::tree`]).
    tree: Object,
    /// Whether member names and the media type are quoted: those of a
    /// declared `body:` come from the catalogue; the default's are fixed.
    quoted: bool,
    /// Whether every body carries its code's docs URL: the catalogue gives
    /// every code one (a `docs:` template, or `body: problem`, which the
    /// loader refuses without a URL for every code).
    docs_always: bool,
    /// Whether some code carries data ([`Catalog::has_details`]): only then
    /// does `ErrorBody` have `details`.
    details: bool,
}

impl Layout {
    pub(super) fn new(catalog: &Catalog) -> Self {
        let body = &catalog.body;
        Self {
            tree: body.tree(),
            quoted: body.is_declared(),
            docs_always: body.path(Part::Docs).is_some()
                && (catalog.docs.is_some() || body.preset == Some(Preset::Problem)),
            details: catalog.has_details(),
        }
    }

    /// `name:`, a member's key.
    fn key(&self, out: &mut Yaml, level: usize, name: &str) {
        if self.quoted {
            out.quoted_line(level, "", name, ":");
        } else {
            out.line(level, &format!("{name}:"));
        }
    }

    /// `- name`, an item of `required`.
    fn item(&self, out: &mut Yaml, level: usize, name: &str) {
        if self.quoted {
            out.quoted_line(level, "- ", name, "");
        } else {
            out.line(level, &format!("- {name}"));
        }
    }

    /// Whether every body carries `member`: the code, the message, the
    /// status and the title always; the docs URL when every code has one;
    /// the details never (codes without params send none); an object when
    /// one of its members is always there.
    fn always_sent(&self, member: &Member) -> bool {
        match member {
            Member::Part(Part::Docs) => self.docs_always,
            Member::Part(Part::Details) => false,
            Member::Part(_) => true,
            Member::Object(inner) => inner
                .members
                .iter()
                .any(|member| self.always_sent(&member.value)),
        }
    }

    /// Whether a whole body's schema describes `member`: `details` only in
    /// `ErrorBody`, and only when some code carries data; an object only
    /// when it describes a member.
    fn in_whole(&self, member: &Member, whole: Whole<'_>) -> bool {
        match member {
            Member::Part(Part::Details) => matches!(whole, Whole::ErrorBody) && self.details,
            Member::Part(_) => true,
            Member::Object(inner) => inner
                .members
                .iter()
                .any(|member| self.in_whole(&member.value, whole)),
        }
    }
}

/// A schema of a whole body.
#[derive(Clone, Copy)]
pub(super) enum Whole<'a> {
    /// `ErrorBody`, the body of every error: the code one of `ErrorCode`.
    ErrorBody,
    /// The body of a status without codes yet: the code any string (or
    /// integer), since a server sends codes the catalogue does not know.
    Undocumented(&'a Status),
}

/// What a response or a body branch narrows `ErrorBody` to.
pub(super) enum Narrowing<'a> {
    /// A response whose codes' bodies differ only in the code: its status,
    /// and its codes as `const` branches of the code's member.
    Codes(&'a Status),
    /// A response of body branches: its status, the same in every branch.
    Status(&'a Status),
    /// One code's body branch: its code and its params.
    Code(&'a Code),
}

impl Narrowing<'_> {
    /// The params the branch requires, in `details` or spread.
    fn params(&self) -> &[Param] {
        match self {
            Self::Code(code) => &code.params,
            Self::Codes(_) | Self::Status(_) => &[],
        }
    }
}

/// `ErrorBody`'s description: what every body carries.
pub(super) fn description(doc: &Doc<'_>) -> String {
    let body = &doc.catalog.body;
    let mut text = String::from("The body of every error response");
    if body.preset == Some(Preset::Problem) {
        text.push_str(", RFC 9457 problem details");
    }
    if !doc.layout.details {
        text.push_str(": a machine-readable code and a human-readable message.");
        return text;
    }
    text.push_str(
        ": a machine-readable code, a human-readable message and, for a code that carries data, ",
    );
    match body.path(Part::Details) {
        Some(path) if path.spread && path.members.is_empty() => {
            text.push_str("its params as members of the body.");
        }
        Some(path) if path.spread => {
            text.push_str("its params as members of `");
            text.push_str(&path.members.join("."));
            text.push_str("`.");
        }
        _ => text.push_str("its details."),
    }
    text
}

/// The content's key: the layout's media type.
pub(super) fn media_type_key(out: &mut Yaml, level: usize, doc: &Doc<'_>) {
    doc.layout.key(out, level, &doc.catalog.body.content_type);
}

/// Where a param of a code goes, as the file writes paths:
/// `details.retry_after`, `error.error_data.retry_after`, or, spread,
/// `error.retry_after` or `retry_after`.
pub(super) fn param_path(doc: &Doc<'_>, name: &str) -> String {
    let mut path = doc
        .catalog
        .body
        .path(Part::Details)
        .map(|path| path.members.join("."))
        .unwrap_or_default();
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(name);
    path
}

/// The schema of a whole body at `level`: every member of the layout, the
/// ones every body carries required.
pub(super) fn whole(out: &mut Yaml, level: usize, doc: &Doc<'_>, whole: Whole<'_>) {
    whole_object(out, level, doc, &doc.layout.tree, whole);
}

fn whole_object(out: &mut Yaml, level: usize, doc: &Doc<'_>, object: &Object, whole: Whole<'_>) {
    let layout = &doc.layout;
    out.line(level, "type: object");
    let members: Vec<&Named> = object
        .members
        .iter()
        .filter(|member| layout.in_whole(&member.value, whole))
        .collect();
    let mut required = members
        .iter()
        .filter(|member| layout.always_sent(&member.value))
        .peekable();
    if required.peek().is_some() {
        out.line(level, "required:");
        for member in required {
            layout.item(out, level + 1, &member.name);
        }
    }
    if members.is_empty() {
        return;
    }
    out.line(level, "properties:");
    for member in members {
        layout.key(out, level + 1, &member.name);
        match &member.value {
            Member::Object(inner) => whole_object(out, level + 2, doc, inner, whole),
            Member::Part(part) => whole_part(out, level + 2, doc, *part, whole),
        }
    }
}

fn whole_part(out: &mut Yaml, level: usize, doc: &Doc<'_>, part: Part, whole: Whole<'_>) {
    match (part, whole) {
        (Part::Code, Whole::ErrorBody) => {
            out.line(level, "$ref: \"#/components/schemas/ErrorCode\"");
        }
        (Part::Code, Whole::Undocumented(_)) => {
            let word = doc.catalog.body.code_type.word();
            out.line(
                level,
                &format!("description: \"No codes are documented for this status yet, so this may be any {word}.\""),
            );
            out.line(level, &format!("type: {word}"));
        }
        (Part::Message | Part::Title, _) => {
            if part == Part::Title {
                out.line(
                    level,
                    "description: \"A short summary of the code: its title, else its status's reason phrase.\"",
                );
            }
            out.line(level, "type: string");
        }
        (Part::Details, _) => {
            out.line(
                level,
                "description: \"The data a code carries, one member per param: sent only with the codes that have params, whose responses give the members.\"",
            );
            out.line(level, "type: object");
        }
        (Part::Status, _) => {
            out.line(
                level,
                "description: \"The HTTP status code of the response.\"",
            );
            out.line(level, "type: integer");
            if let Whole::Undocumented(status) = whole {
                out.line(level, &format!("const: {}", status.status));
            }
        }
        (Part::Docs, _) => {
            out.line(
                level,
                if doc.catalog.body.preset == Some(Preset::Problem) {
                    "description: \"The problem type: the URL of the code's documentation.\""
                } else {
                    "description: \"The URL of the code's documentation.\""
                },
            );
            out.line(level, "type: string");
            out.line(level, "format: uri");
        }
    }
}

/// The members of `ErrorBody` that `narrowing` constrains, at `level`:
/// `required` and `properties` keywords, beside an `allOf` of `ErrorBody`.
pub(super) fn narrow(out: &mut Yaml, level: usize, doc: &Doc<'_>, narrowing: &Narrowing<'_>) {
    narrow_object(out, level, doc, &doc.layout.tree, narrowing);
}

/// Whether `narrowing` constrains `member`.
fn narrows(member: &Member, narrowing: &Narrowing<'_>) -> bool {
    match (member, narrowing) {
        (Member::Part(Part::Code), Narrowing::Codes(_) | Narrowing::Code(_))
        | (Member::Part(Part::Status), Narrowing::Codes(_) | Narrowing::Status(_)) => true,
        (Member::Part(Part::Details), Narrowing::Code(code)) => !code.params.is_empty(),
        (Member::Part(_), _) => false,
        (Member::Object(inner), _) => {
            (inner.spread && !narrowing.params().is_empty())
                || inner
                    .members
                    .iter()
                    .any(|member| narrows(&member.value, narrowing))
        }
    }
}

/// Whether `narrowing` requires `member` though `ErrorBody` does not: the
/// details of a code with params, and an object that holds them.
fn narrow_requires(layout: &Layout, member: &Member, narrowing: &Narrowing<'_>) -> bool {
    match member {
        Member::Part(Part::Details) => !narrowing.params().is_empty(),
        Member::Part(_) => false,
        Member::Object(inner) => {
            !layout.always_sent(member)
                && ((inner.spread && narrowing.params().iter().any(|param| !param.optional))
                    || inner
                        .members
                        .iter()
                        .any(|member| narrow_requires(layout, &member.value, narrowing)))
        }
    }
}

fn narrow_object(
    out: &mut Yaml,
    level: usize,
    doc: &Doc<'_>,
    object: &Object,
    narrowing: &Narrowing<'_>,
) {
    let layout = &doc.layout;
    // Spread params are this object's members, as a code's details' are.
    let spread: &[Param] = if object.spread {
        narrowing.params()
    } else {
        &[]
    };
    let params = param_schemas(spread);
    let members: Vec<&Named> = object
        .members
        .iter()
        .filter(|member| narrows(&member.value, narrowing))
        .collect();
    let mut required = members
        .iter()
        .filter(|member| narrow_requires(layout, &member.value, narrowing))
        .peekable();
    let mut params_required = spread.iter().filter(|param| !param.optional).peekable();
    if required.peek().is_some() || params_required.peek().is_some() {
        out.line(level, "required:");
        for member in required {
            layout.item(out, level + 1, &member.name);
        }
        for param in params_required {
            out.quoted_line(level + 1, "- ", &param.name, "");
        }
    }
    if members.is_empty() && params.is_empty() {
        return;
    }
    out.line(level, "properties:");
    for member in members {
        layout.key(out, level + 1, &member.name);
        match &member.value {
            Member::Object(inner) => {
                // An object only params are spread into is no member of
                // `ErrorBody`, which would say it is an object.
                if !layout.in_whole(&member.value, Whole::ErrorBody) {
                    out.line(level + 2, "type: object");
                }
                narrow_object(out, level + 2, doc, inner, narrowing);
            }
            Member::Part(part) => narrow_part(out, level + 2, doc, *part, narrowing),
        }
    }
    for (name, property) in &params {
        out.quoted_line(level + 1, "", name, ":");
        out.schema(level + 2, property);
    }
}

/// The schema of each of `params`, by name, as a code's `details` has them.
fn param_schemas(params: &[Param]) -> Vec<(String, Json)> {
    if params.is_empty() {
        return Vec::new();
    }
    let Json::Object(keywords) = schema::object_schema(params, None) else {
        return Vec::new();
    };
    keywords
        .into_iter()
        .find_map(|(keyword, value)| match (keyword.as_str(), value) {
            ("properties", Json::Object(properties)) => Some(properties),
            _ => None,
        })
        .unwrap_or_default()
}

fn narrow_part(out: &mut Yaml, level: usize, doc: &Doc<'_>, part: Part, narrowing: &Narrowing<'_>) {
    match (part, narrowing) {
        (Part::Code, Narrowing::Codes(status)) => {
            out.line(level, "oneOf:");
            for code in &status.codes {
                out.item();
                code_const(out, level + 2, doc, code);
            }
        }
        (Part::Code, Narrowing::Code(code)) => code_const(out, level, doc, code),
        (Part::Status, Narrowing::Codes(status) | Narrowing::Status(status)) => {
            out.line(level, &format!("const: {}", status.status));
        }
        (Part::Details, Narrowing::Code(code)) => {
            out.schema(level, &schema::object_schema(&code.params, None));
        }
        // `narrows` admits no other pair.
        _ => {}
    }
}

/// The example body of `code` at `level` (`value:` and the body), members
/// where the layout puts them: `message` as rendered, `details` as given.
pub(super) fn example(
    out: &mut Yaml,
    level: usize,
    doc: &Doc<'_>,
    status: &Status,
    code: &Code,
    message: &str,
    details: Option<&Json>,
) {
    let example = Example {
        code_type: doc.catalog.body.code_type,
        status,
        code,
        message,
        details,
    };
    let tree = &doc.layout.tree;
    if doc.layout.quoted && example.is_empty(tree) {
        out.line(level, "value: {}");
        return;
    }
    out.line(level, "value:");
    example.members(out, level + 1, tree, doc.layout.quoted);
}

/// What an example body holds.
struct Example<'a> {
    code_type: CodeType,
    status: &'a Status,
    code: &'a Code,
    message: &'a str,
    details: Option<&'a Json>,
}

impl Example<'_> {
    /// Whether no member of `object` has a value, so that the server leaves
    /// it out.
    fn is_empty(&self, object: &Object) -> bool {
        let spread = matches!(
            (object.spread, self.details),
            (true, Some(Json::Object(params))) if !params.is_empty()
        );
        !spread
            && !object
                .members
                .iter()
                .any(|member| self.has_value(&member.value))
    }

    /// Whether the body carries `member`: not the docs URL of a code without
    /// one, nor the details of a code without params, nor an object left
    /// empty.
    fn has_value(&self, member: &Member) -> bool {
        match member {
            Member::Object(inner) => !self.is_empty(inner),
            Member::Part(Part::Details) => self.details.is_some(),
            Member::Part(Part::Docs) => self.code.docs.is_some(),
            Member::Part(_) => true,
        }
    }

    /// Writes the members of `object` at `level`, in order, each straight
    /// from the catalogue (no value is built first); names are quoted but
    /// for the default layout's, which are written plain as before layouts.
    fn members(&self, out: &mut Yaml, level: usize, object: &Object, quoted: bool) {
        // `name: `, so that a scalar follows it at once; `value` and an
        // object's line take it without the space.
        let lead = |name: &str| {
            let mut lead = String::with_capacity(name.len() + 4);
            if quoted {
                push_quoted(&mut lead, name);
            } else {
                lead.push_str(name);
            }
            lead.push_str(": ");
            lead
        };
        for member in &object.members {
            if !self.has_value(&member.value) {
                continue;
            }
            let lead = lead(&member.name);
            let text = |out: &mut Yaml, text: &str| out.quoted_line(level, &lead, text, "");
            match &member.value {
                Member::Object(inner) => {
                    out.line(level, lead.trim_end());
                    self.members(out, level + 1, inner, true);
                }
                Member::Part(Part::Code) => match (self.code_type, self.code.number()) {
                    (CodeType::Integer, Some(number)) if i64::try_from(number).is_ok() => {
                        out.line(level, &format!("{lead}{number}"));
                    }
                    _ => text(out, &self.code.code),
                },
                Member::Part(Part::Message) => text(out, self.message),
                Member::Part(Part::Details) => {
                    if let Some(details) = self.details {
                        out.value(level, lead.trim_end(), details);
                    }
                }
                Member::Part(Part::Status) => {
                    out.line(level, &format!("{lead}{}", self.status.status));
                }
                Member::Part(Part::Docs) => {
                    if let Some(docs) = &self.code.docs {
                        text(out, docs);
                    }
                }
                Member::Part(Part::Title) => text(out, self.code.title_in(self.status)),
            }
        }
        if let (true, Some(Json::Object(params))) = (object.spread, self.details) {
            for (name, value) in params {
                out.value(level, lead(name).trim_end(), value);
            }
        }
    }
}
