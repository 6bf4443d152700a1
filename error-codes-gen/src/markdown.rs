//! The Markdown emitter: `generated/errors.md`, the error reference page,
//! laid out like the hand-written page it replaces (`CommonMark` with GFM
//! tables).
//!
//! Every status, code and type of `types:` has an explicit HTML anchor, so
//! that links to them stay stable whatever a renderer does with heading ids.
//! A code's details and retry advice follow its message in the Meaning cell,
//! and only when the catalogue uses `params:`/`types:` or `retry:`, so a
//! catalogue without them writes the page it always did; likewise a code's
//! `title:` leads its Meaning cell and its docs URL links its code only when
//! it has them, and the example body follows `body:` only when there is
//! one (the default layout writes the example it always did). Every text of the
//! catalogue but the document description is plain text, escaped so that it
//! renders as itself; the description is Markdown, with raw HTML
//! neutralised. ARCHITECTURE.md ("The documents") gives the rules.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::escape::push_escaped;
use crate::escape::string_literal;
use crate::model::DEPRECATED;
use crate::schema::{self, Json};
use crate::{
    Catalog, Code, CodeType, JSON_MEDIA_TYPE, Member, Object, Param, Part, Removed, Status, Type,
    TypeDef,
};

/// Renders the catalogue as the Markdown error reference page.
///
/// The output is deterministic: the same catalogue always gives the same bytes.
///
/// ```
/// let catalog = error_codes_gen::Catalog::from_yaml(
///     "title: Errors\nstatuses:\n  401:\n    codes:\n      invalid_token: The API Token provided is invalid.\n",
///     "errors.yaml",
/// )?;
/// let page = error_codes_gen::markdown::emit(&catalog);
/// assert!(page.starts_with("<!-- Generated from errors.yaml by error-codes; do not edit. -->\n"));
/// assert!(page.contains("\n## <a id=\"401\"></a>401 Unauthorized\n"));
/// assert!(page.contains(
///     "\n| <a id=\"invalid_token\"></a>`invalid_token` | The API Token provided is invalid. |\n"
/// ));
/// # Ok::<(), error_codes_gen::Error>(())
/// ```
#[must_use]
pub fn emit(catalog: &Catalog) -> String {
    let mut out = String::new();
    // `--` may not appear inside an HTML comment; a file name could contain it.
    let mut notice = catalog.generated_notice();
    while notice.contains("--") {
        notice = notice.replace("--", "- -");
    }
    // Writing to a `String` cannot fail, hence the ignored results below.
    let _ = writeln!(out, "<!-- {notice} -->\n");
    let _ = writeln!(out, "# {}\n", text(&catalog.title));
    if let Some(description) = &catalog.description {
        let _ = writeln!(out, "{}\n", neutralise_html(description));
    }
    example_body(&mut out, catalog);
    // Once per page: it looks at every code.
    let retry = catalog.has_retry();
    for status in &catalog.statuses {
        section(&mut out, retry, status);
    }
    types_section(&mut out, &catalog.types);
    removed_section(&mut out, &catalog.removed);
    // One line feed at the end, not a blank line.
    out.pop();
    out
}

/// The shape of every error body, as the catalogue's layout (`body:`) lays
/// it out, shown with the first code when there is one: its details too when
/// it has params, and then its message as sent.
fn example_body(out: &mut String, catalog: &Catalog) {
    let first = catalog.codes().next();
    match first {
        Some((status, code)) => {
            let _ = write!(
                out,
                "For example, a {} response with code [{}](#{}) has this body",
                status.status,
                code_span(&code.code),
                fragment(&code_anchor(&code.code)),
            );
        }
        None => out.push_str("Every error response has this body"),
    }
    // Said only when it is not the JSON every catalogue sent before `body:`.
    let content_type = &catalog.body.content_type;
    if content_type != JSON_MEDIA_TYPE {
        out.push_str(", sent as ");
        push_inline_code(out, content_type);
    }
    out.push_str(":\n\n");
    let values = match first {
        Some((status, code)) => example_values(catalog, status, code),
        None => placeholder_values(catalog),
    };
    // One line per member, each object indented two spaces further; details
    // in one line (compact JSON never starts a line with the fence's
    // backticks). Members left out (details of a code without params, a
    // docs URL a code has none of) leave no trace.
    out.push_str("```json\n");
    push_object(out, &catalog.body.tree(), &values, 1);
    out.push_str("\n```\n\n");
}

/// What each part of the example body holds, as JSON text; `None` for a part
/// left out. The details are the example details: an object, or the members
/// of the object they are spread into.
struct Values {
    code: String,
    message: String,
    details: Option<Json>,
    status: String,
    docs: Option<String>,
    title: String,
}

impl Values {
    fn part(&self, part: Part) -> Option<Cow<'_, str>> {
        match part {
            Part::Code => Some(Cow::Borrowed(&self.code)),
            Part::Message => Some(Cow::Borrowed(&self.message)),
            Part::Details => self.details.as_ref().map(|json| Cow::Owned(json.to_json())),
            Part::Status => Some(Cow::Borrowed(&self.status)),
            Part::Docs => self.docs.as_deref().map(Cow::Borrowed),
            Part::Title => Some(Cow::Borrowed(&self.title)),
        }
    }
}

/// The example body's values for `code` under `status`.
fn example_values(catalog: &Catalog, status: &Status, code: &Code) -> Values {
    let (message, details) = if code.params.is_empty() {
        // What the server sends: `{{` as `{`, placeholders filled in.
        (string_literal(&code.plain_message()), None)
    } else {
        let example = schema::example_details(catalog, code);
        let message = string_literal(&schema::render(code, &example));
        (message, Some(example))
    };
    let code_value = match (catalog.body.code_type, code.number()) {
        (CodeType::Integer, Some(number)) => number.to_string(),
        _ => string_literal(&code.code),
    };
    Values {
        code: code_value,
        message,
        details,
        status: status.status.to_string(),
        docs: code.docs.as_deref().map(string_literal),
        title: string_literal(code.title_in(status)),
    }
}

/// Placeholders, for a catalogue without codes: the shape of the body, each
/// value of the type it has (a code sent as a number is `0`), the status
/// the first one, a docs URL the template as written.
fn placeholder_values(catalog: &Catalog) -> Values {
    let code = match catalog.body.code_type {
        CodeType::Integer => "0".to_owned(),
        _ => string_literal("<code>"),
    };
    let status = catalog.statuses.first().map_or(500, |status| status.status);
    Values {
        code,
        message: string_literal("<human-readable text>"),
        details: None,
        status: status.to_string(),
        docs: catalog.docs.as_deref().map(string_literal),
        title: string_literal("<title>"),
    }
}

/// Appends `object` as pretty JSON, its members at `depth` (two spaces
/// each): `{`, one member a line, `}`. An object with no member written is
/// `{}`.
fn push_object(out: &mut String, object: &Object, values: &Values, depth: usize) {
    let mut members: Vec<(String, Cow<'_, str>)> = Vec::new();
    for member in &object.members {
        let value = match &member.value {
            Member::Part(part) => match values.part(*part) {
                Some(value) => value,
                None => continue,
            },
            Member::Object(inner) => {
                let mut text = String::new();
                push_object(&mut text, inner, values, depth + 1);
                Cow::Owned(text)
            }
        };
        members.push((string_literal(&member.name), value));
    }
    if object.spread
        && let Some(Json::Object(params)) = &values.details
    {
        for (name, value) in params {
            members.push((string_literal(name), Cow::Owned(value.to_json())));
        }
    }
    if members.is_empty() {
        out.push_str("{}");
        return;
    }
    out.push_str("{\n");
    for (index, (name, value)) in members.iter().enumerate() {
        if index > 0 {
            out.push_str(",\n");
        }
        let _ = write!(out, "{:indent$}{name}: {value}", "", indent = 2 * depth);
    }
    let _ = write!(out, "\n{:indent$}}}", "", indent = 2 * (depth - 1));
}

/// A status's section; `retry` says whether the catalogue gives retry advice.
fn section(out: &mut String, retry: bool, status: &Status) {
    let _ = writeln!(
        out,
        "## <a id=\"{}\"></a>{} {}\n",
        status.status,
        status.status,
        text(&status.title)
    );
    if let Some(description) = &status.description {
        let _ = writeln!(out, "{}\n", text(description));
    }
    if status.codes.is_empty() {
        out.push_str("No error codes are documented for this status yet.\n\n");
        return;
    }
    out.push_str("| Error Code | Meaning |\n| --- | --- |\n");
    for code in &status.codes {
        push_code_cell(out, &code.code, code.docs.as_deref());
        out.push_str(" | ");
        push_meaning(out, retry, code);
        out.push_str(" |\n");
    }
    out.push('\n');
    for code in status.codes.iter().filter(|code| is_explained(code)) {
        explanation(out, code);
    }
}

/// Whether a code has a section of its own: a `description:` or a
/// `resolution:`.
fn is_explained(code: &Code) -> bool {
    code.description.is_some() || code.resolution.is_some()
}

/// The section of an explained code, after its status's table, which links
/// to it: its description, then its resolution, both Markdown with raw HTML
/// neutralised (the loader has refused a block either opens and never
/// closes, so neither runs into what follows).
fn explanation(out: &mut String, code: &Code) {
    out.push_str("### <a id=\"");
    push_attribute(out, &format!("{ABOUT_ANCHOR}{}", code.code));
    out.push_str("\"></a>");
    push_code_span(out, &code.code);
    out.push_str("\n\n");
    if let Some(description) = &code.description {
        let _ = writeln!(out, "{}\n", neutralise_html_outside_fences(description));
    }
    if let Some(resolution) = &code.resolution {
        let _ = writeln!(
            out,
            "**Resolution:**\n\n{}\n",
            neutralise_html_outside_fences(resolution)
        );
    }
}

/// The start of a row and its first cell: the code's anchor, for links to
/// it, and the code, linked to its documentation when it has a URL.
fn push_code_cell(out: &mut String, code: &str, docs: Option<&str>) {
    out.push_str("| <a id=\"");
    push_attribute(out, &code_anchor(code));
    out.push_str("\"></a>");
    match docs {
        Some(url) => {
            out.push('[');
            push_code_span(out, code);
            out.push_str("](");
            push_destination(out, url);
            out.push(')');
        }
        None => push_code_span(out, code),
    }
}

/// The anchor of a code: the code itself, as it always was, unless it could
/// meet another anchor of the page. A code that starts with a digit (an
/// integer code such as `401` or `131047`, which a status's anchor could
/// be), with `type:` (a type's anchor) or with `code:` (an anchor so made)
/// is `code:<code>`; so is one that starts with `about:` (an explained
/// code's section). Codes without a `:` never had to change, and anchors
/// that start with `code:` are exactly the codes given one, so no two
/// anchors are the same. Any code is a valid HTML id (codes hold no
/// whitespace), and [`fragment`] links to it.
fn code_anchor(code: &str) -> Cow<'_, str> {
    let clashes = code.starts_with(|c: char| c.is_ascii_digit())
        || code.starts_with(TYPE_ANCHOR)
        || code.starts_with(ABOUT_ANCHOR)
        || code.starts_with(CODE_ANCHOR);
    if clashes {
        Cow::Owned(format!("{CODE_ANCHOR}{code}"))
    } else {
        Cow::Borrowed(code)
    }
}

/// The prefix of a code's anchor when the code itself could clash.
const CODE_ANCHOR: &str = "code:";

/// The prefix of a type's anchor.
const TYPE_ANCHOR: &str = "type:";

/// The prefix of the anchor of an explained code's section.
const ABOUT_ANCHOR: &str = "about:";

/// Appends a URL as a link destination that reads back as exactly the URL:
/// what Markdown or a table cell would take as syntax (`(`, `)`, `<`, `>`,
/// `\\`, `&` of a reference, `|`, `` ` ``) backslash-escaped; whitespace and
/// control characters, which no URL holds as they are, percent-encoded.
fn push_destination(out: &mut String, url: &str) {
    for c in url.chars() {
        match c {
            '(' | ')' | '<' | '>' | '\\' | '&' | '|' | '`' | '"' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_whitespace() || c.is_control() => {
                let mut bytes = [0; 4];
                for b in c.encode_utf8(&mut bytes).bytes() {
                    let _ = write!(out, "%{b:02X}");
                }
            }
            c => out.push(c),
        }
    }
}

/// The Meaning cell: the code's title when it has one, in bold; the message
/// as written, its placeholders unfilled (`{retry_after}`) and `{{` shown
/// as the `{` it sends; then the details, the retry advice, the deprecation
/// and the version that added the code, each on a line of its own.
fn push_meaning(out: &mut String, retry: bool, code: &Code) {
    if let Some(title) = &code.title {
        push_bold(out, title);
        out.push_str("<br>");
    }
    push_text(out, &code.plain_message());
    if !code.params.is_empty() {
        out.push_str("<br>**Details:**");
        for param in &code.params {
            out.push_str("<br>");
            push_param(out, param);
        }
    }
    // Every code gets its advice once one does, `never` included: a reader
    // of one row cannot tell an unstated `never` from a forgotten one.
    if retry {
        out.push_str("<br>");
        push_advice(out, code.retry.advice());
    }
    if let Some(note) = &code.deprecated {
        let _ = write!(out, "<br>**{DEPRECATED}** ");
        push_text(out, note);
    }
    if let Some(since) = code.since_note() {
        out.push_str("<br>");
        push_text(out, &since);
    }
    if is_explained(code) {
        out.push_str("<br>[Explained below](#");
        out.push_str(&fragment(&format!("{ABOUT_ANCHOR}{}", code.code)));
        out.push(')');
    }
}

/// One param of a code: `` `name` (`type`, optional): description ``, the
/// type linked to its section when it is one of `types:`.
fn push_param(out: &mut String, param: &Param) {
    push_name(out, &param.name);
    out.push_str(" (");
    push_type(out, &param.ty, param.optional);
    out.push(')');
    if let Some(description) = &param.description {
        out.push_str(": ");
        push_text(out, description);
    }
}

/// Plain text in bold: `**text**`, its text escaped as [`text`] does, and
/// whitespace at either edge (which would keep the `**` from opening or
/// closing) as a character reference.
fn push_bold(out: &mut String, s: &str) {
    let inner = text(s);
    out.push_str("**");
    for (at, c) in inner.char_indices() {
        if c.is_whitespace() && (at == 0 || at + c.len_utf8() == inner.len()) {
            let _ = write!(out, "&#x{:X};", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out.push_str("**");
}

/// The retry advice: the generator's own Markdown (its code spans are meant),
/// which a table cell can hold as it is.
fn push_advice(out: &mut String, advice: &str) {
    debug_assert!(
        !advice.contains(['|', '\n', '<', '*', '[']),
        "{advice:?} is not inert in a table cell"
    );
    out.push_str(advice);
}

/// A param or field name in a code span. The loader admits only ASCII
/// letters, digits and `_`; anything else still comes out exact.
fn push_name(out: &mut String, name: &str) {
    push_code_span(out, name);
}

/// A type as the file writes it, in a code span, linked to the section of
/// the type of `types:` it holds, if any; then `, optional` when it may be
/// left out.
fn push_type(out: &mut String, ty: &Type, optional: bool) {
    let written = ty.written();
    let named = named_in(ty);
    // Brackets and type names only, so a code span holds it unchanged; a
    // code span binds tighter than the link text around it.
    let plain = written
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'[' | b']' | b'_'));
    match named {
        Some(name) if plain => {
            let _ = write!(out, "[`{written}`](#{})", fragment(&type_anchor(name)));
        }
        _ if plain => {
            let _ = write!(out, "`{written}`");
        }
        _ => push_text(out, &written),
    }
    if optional {
        out.push_str(", optional");
    }
}

/// The type of `types:` that `ty` is or is a list of.
fn named_in(ty: &Type) -> Option<&str> {
    match ty {
        Type::Named(name) => Some(name),
        Type::List(item) => named_in(item),
        _ => None,
    }
}

/// The anchor of a type of `types:`: `type:FieldViolation`. Statuses are
/// numbers, and a code that starts with `type:` has an anchor that starts
/// with `code:` (see [`code_anchor`]), so the `type:` keeps a type's anchor
/// from ever meeting another, whatever the names.
fn type_anchor(name: &str) -> String {
    format!("{TYPE_ANCHOR}{name}")
}

/// The types of `types:`, each under a heading with its anchor, its
/// description, and a table of its fields. Nothing when there are none.
fn types_section(out: &mut String, types: &[TypeDef]) {
    if types.is_empty() {
        return;
    }
    out.push_str("## Types\n\n");
    out.push_str("The objects that the details of the codes above hold.\n\n");
    for ty in types {
        out.push_str("### <a id=\"");
        push_attribute(out, &type_anchor(&ty.name));
        out.push_str("\"></a>");
        push_code_span(out, &ty.name);
        out.push_str("\n\n");
        if let Some(description) = &ty.description {
            let _ = writeln!(out, "{}\n", text(description));
        }
        if ty.fields.is_empty() {
            out.push_str("A type without fields: an empty object.\n\n");
            continue;
        }
        out.push_str("| Field | Type | Meaning |\n| --- | --- | --- |\n");
        for field in &ty.fields {
            out.push_str("| ");
            push_name(out, &field.name);
            out.push_str(" | ");
            push_type(out, &field.ty, field.optional);
            out.push_str(" | ");
            if let Some(description) = &field.description {
                push_text(out, description);
            }
            out.push_str(" |\n");
        }
        out.push('\n');
    }
}

/// The tombstones: codes that were sent once and never will be again. Each
/// keeps its anchor, so old links to a removed code still land on its row.
fn removed_section(out: &mut String, removed: &[Removed]) {
    if removed.is_empty() {
        return;
    }
    out.push_str("## Removed codes\n\n");
    out.push_str("These codes are no longer sent, and no code will ever take their place.\n\n");
    out.push_str("| Error Code | Status | Removed in | Reason |\n| --- | --- | --- | --- |\n");
    for tombstone in removed {
        push_code_cell(out, &tombstone.code, None);
        let _ = writeln!(
            out,
            " | {} | {} | {} |",
            tombstone.status,
            tombstone.version.as_deref().map(text).unwrap_or_default(),
            tombstone.reason.as_deref().map(text).unwrap_or_default(),
        );
    }
    out.push('\n');
}

/// Whether a code can sit in a code span unchanged, even inside a table cell.
fn is_plain_code(code: &str) -> bool {
    !code.is_empty()
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'/' | b':'))
}

/// Appends `s` in a code span when it can sit in one unchanged (a media
/// type such as `application/problem+json`), else as escaped text.
fn push_inline_code(out: &mut String, s: &str) {
    let inert = !s.is_empty()
        && !s.starts_with(' ')
        && !s.ends_with(' ')
        && s.bytes()
            .all(|b| b.is_ascii_graphic() && !matches!(b, b'`' | b'|' | b'\\') || b == b' ');
    if inert {
        out.push('`');
        out.push_str(s);
        out.push('`');
    } else {
        push_text(out, s);
    }
}

/// Appends the code in a code span. The loader only admits codes that
/// qualify; anything else still comes out exact, as escaped text without the
/// monospace.
fn push_code_span(out: &mut String, code: &str) {
    if is_plain_code(code) {
        out.push('`');
        out.push_str(code);
        out.push('`');
    } else {
        push_text(out, code);
    }
}

/// [`push_code_span`] as a `String`.
fn code_span(code: &str) -> String {
    let mut out = String::new();
    push_code_span(&mut out, code);
    out
}

/// Plain text as inline Markdown whose rendered text is exactly `s`.
///
/// The result is a single line, safe in a table cell, a heading or at the start
/// of a paragraph.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    push_text(&mut out, s);
    out
}

/// Appends [`text`] of `s`.
fn push_text(out: &mut String, s: &str) {
    // Edge spaces would be trimmed by every Markdown context.
    let inner = s.trim_start_matches(' ');
    let leading_spaces = s.len() - inner.len();
    let inner = inner.trim_end_matches(' ');
    let trailing_spaces = s.len() - leading_spaces - inner.len();
    for _ in 0..leading_spaces {
        out.push_str("&#x20;");
    }
    // Block syntax only matters at the start: a single line never has another.
    let mut rest = inner;
    if leading_spaces == 0 {
        let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
        let marker = match (digits, inner.as_bytes().get(digits)) {
            // A blockquote, list item, thematic break or setext underline.
            (0, Some(b'>' | b'-' | b'+' | b'=')) => Some(0),
            // An ordered list item: `1.` or `1)`.
            (1.., Some(b'.' | b')')) => Some(digits),
            _ => None,
        };
        if let Some(at) = marker {
            out.push_str(&inner[..at]);
            out.push('\\');
            out.push_str(&inner[at..=at]);
            rest = &inner[at + 1..];
        }
    }
    // Special: the ASCII punctuation that the match below escapes.
    push_escaped(out, rest, b"#$&*<[\\]_`|~", |out, c, at| match c {
        '\n' => out.push_str("<br>"),
        c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => {
            let _ = write!(out, "&#x{:X};", u32::from(c));
        }
        // Always significant inline (`$` is math and `~` strikethrough on GitHub).
        '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|' | '~' | '$' | '#' => {
            out.push('\\');
            out.push(c);
        }
        // Only an entity or character reference makes `&` special.
        '&' if rest[at + 1..]
            .chars()
            .next()
            .is_some_and(|next| next == '#' || next.is_ascii_alphanumeric()) =>
        {
            out.push_str("\\&");
        }
        c => out.push(c),
    });
    for _ in 0..trailing_spaces {
        out.push_str("&#x20;");
    }
}

/// Markdown with every raw HTML opening (`<` before a letter, `/`, `!` or `?`)
/// backslash-escaped, unless the author already escaped it.
///
/// Code spans and code blocks are not exempted: recognising them needs a full
/// parse (links, containers, tables can end them early), and a wrong guess
/// would let HTML through.
fn neutralise_html(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + 8);
    let mut chars = markdown.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // A backslash escape, `\\` included, so the backslash count stays right.
            '\\' if chars.peek().is_some_and(char::is_ascii_punctuation) => {
                out.push(c);
                out.extend(chars.next());
            }
            '<' if chars.peek().is_some_and(|&next| {
                next.is_ascii_alphabetic() || matches!(next, '/' | '!' | '?')
            }) =>
            {
                out.push_str("\\<");
            }
            c => out.push(c),
        }
    }
    out
}

/// Markdown with raw HTML neutralised as [`neutralise_html`] does, but for
/// the lines of fenced code blocks, which show HTML as it is written. Only
/// for the texts the loader has checked ([`Code::description`] and
/// [`Code::resolution`]): every fence they open is closed, so a fence seen
/// here ends where CommonMark ends it. (The catalogue's description keeps
/// the page it always wrote.)
fn neutralise_html_outside_fences(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + 8);
    let mut fence: Option<(char, usize)> = None;
    for line in markdown.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[indent.min(line.len())..];
        let run = |marker: char| rest.len() - rest.trim_start_matches(marker).len();
        if let Some((marker, length)) = fence {
            out.push_str(line);
            if indent <= 3 && run(marker) >= length && rest[run(marker)..].trim().is_empty() {
                fence = None;
            }
            continue;
        }
        let opened = ['`', '~'].into_iter().find(|&marker| {
            indent <= 3 && run(marker) >= 3 && !(marker == '`' && rest[run(marker)..].contains('`'))
        });
        if let Some(marker) = opened {
            fence = Some((marker, run(marker)));
            out.push_str(line);
        } else {
            out.push_str(&neutralise_html(line));
        }
    }
    out
}

/// Appends `s` as an HTML attribute value (between double quotes), safe
/// inside a table row.
fn push_attribute(out: &mut String, s: &str) {
    push_escaped(out, s, b"&\"<>|", |out, c, _| match c {
        '&' => out.push_str("&amp;"),
        '"' => out.push_str("&quot;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        // A pipe would end the table cell even inside an attribute.
        '|' => out.push_str("&#x7C;"),
        c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => {
            let _ = write!(out, "&#x{:X};", u32::from(c));
        }
        c => out.push(c),
    });
}

/// A URL fragment for an anchor id: percent-encoded beyond the unreserved
/// set, `/` and `:`, which may stand in a fragment as they are (RFC 3986,
/// `fragment`), so that `#auth/invalid-email` and `#type:Position` link to
/// their ids without a browser having to decode them.
fn fragment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/' | b':') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escapes_only_what_is_significant() {
        assert_eq!(text("Errors & Troubleshooting"), "Errors & Troubleshooting");
        assert_eq!(text("&amp; &#1;"), "\\&amp; \\&\\#1;");
        assert_eq!(text("a | b"), "a \\| b");
        assert_eq!(text("1. one"), "1\\. one");
        assert_eq!(text("- item"), "\\- item");
        assert_eq!(text("x - 1."), "x - 1.");
        assert_eq!(text(" a\r\nb "), "&#x20;a&#xD;<br>b&#x20;");
        assert_eq!(text("a\u{2028}b"), "a&#x2028;b");
    }

    #[test]
    fn html_openings_are_neutralised_but_escapes_kept() {
        assert_eq!(neutralise_html("a <b> c"), "a \\<b> c");
        assert_eq!(neutralise_html("a < b, \\<i>"), "a < b, \\<i>");
        assert_eq!(neutralise_html("\\\\<!-- x -->"), "\\\\\\<!-- x -->");
    }

    #[test]
    fn fragments() {
        assert_eq!(fragment("number-in-use"), "number-in-use");
        assert_eq!(fragment("a b|é"), "a%20b%7C%C3%A9");
        assert_eq!(fragment("auth/invalid-email"), "auth/invalid-email");
        assert_eq!(fragment("code:131047"), "code:131047");
    }

    #[test]
    fn code_anchors_keep_every_old_anchor_and_never_clash() {
        for old in ["invalid_token", "number-in-use", "WA401", "a.b"] {
            assert_eq!(code_anchor(old), old);
        }
        assert_eq!(code_anchor("auth/invalid-email"), "auth/invalid-email");
        assert_eq!(code_anchor("messaging:rate"), "messaging:rate");
        assert_eq!(code_anchor("401"), "code:401");
        assert_eq!(code_anchor("131047"), "code:131047");
        assert_eq!(code_anchor("type:Position"), "code:type:Position");
        assert_eq!(code_anchor("code:401"), "code:code:401");
        assert_eq!(code_anchor("about:x"), "code:about:x");
    }

    #[test]
    fn destinations_read_back_as_the_url() {
        let mut out = String::new();
        push_destination(&mut out, "https://x.test/a_(b)?c=1&copy;|`d` e");
        assert_eq!(out, "https://x.test/a_\\(b\\)?c=1\\&copy;\\|\\`d\\`%20e");
    }

    #[test]
    fn fenced_code_keeps_its_html() {
        assert_eq!(
            neutralise_html_outside_fences(
                "a <b>\n```html\n<b>x</b>\n```\n<i>\n~~~~\n<p>\n~~~\n~~~~\n<u>"
            ),
            "a \\<b>\n```html\n<b>x</b>\n```\n\\<i>\n~~~~\n<p>\n~~~\n~~~~\n\\<u>"
        );
        // Four spaces make an indented code block, not a fence.
        assert_eq!(
            neutralise_html_outside_fences("    ```\n<b>"),
            "    ```\n\\<b>"
        );
    }

    #[test]
    fn bold_text_keeps_its_delimiters_working() {
        let mut out = String::new();
        push_bold(&mut out, "\u{a0}*a*\u{3000}");
        assert_eq!(out, "**&#xA0;\\*a\\*&#x3000;**");
    }
}
