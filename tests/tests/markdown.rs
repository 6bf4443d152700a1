//! The Markdown page, read back with a `CommonMark` + GFM parser.
//!
//! Every check compares what a reader would see (the parsed page) with the
//! catalogue it came from, so hostile text has to survive the round trip intact.

use std::collections::HashMap;
use std::fmt::Write as _;

use error_codes_gen::{
    Catalog, Code, CodeType, Member, Object, Param, Part, Piece, Status, Type, TypeDef, markdown,
};
use error_codes_tests::{
    explained_catalog, fixture, hostile_catalog, lifecycle_catalog, seed_catalog,
};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag};

/// GitHub-flavoured parsing: every extension GitHub renders, so that none of
/// them turns text into syntax.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_MATH
        | Options::ENABLE_GFM
}

/// A parsed page as a tree: each `Start`..`End` pair becomes one `Block`.
#[derive(Debug)]
enum Node<'a> {
    Block(Tag<'a>, Vec<Node<'a>>),
    Leaf(Event<'a>),
}

fn parse(page: &str) -> Vec<Node<'_>> {
    let mut stack: Vec<(Option<Tag<'_>>, Vec<Node<'_>>)> = vec![(None, Vec::new())];
    for event in Parser::new_ext(page, options()) {
        match event {
            Event::Start(tag) => stack.push((Some(tag), Vec::new())),
            Event::End(_) => {
                let (tag, children) = stack.pop().expect("balanced events");
                let tag = tag.expect("an End never closes the root");
                stack
                    .last_mut()
                    .expect("balanced events")
                    .1
                    .push(Node::Block(tag, children));
            }
            leaf => stack
                .last_mut()
                .expect("balanced events")
                .1
                .push(Node::Leaf(leaf)),
        }
    }
    assert_eq!(stack.len(), 1, "unbalanced events");
    stack.pop().expect("the root").1
}

/// The plain text recovered from an inline container that must hold plain text
/// (a heading, a paragraph, a table cell).
///
/// The recovery: `Text` and `Code` events contribute their text, in order;
/// `SoftBreak`, `HardBreak` and the raw HTML `<br>` contribute a line feed; an
/// anchor `<a id="…">` and its `</a>` contribute nothing and record the id.
/// Anything else — emphasis, links, images, math, footnotes, any other raw HTML
/// — means catalogue text turned into syntax, and fails the test.
#[derive(Debug, Default)]
struct Plain {
    text: String,
    anchors: Vec<String>,
    code_spans: Vec<String>,
    /// The text of each bold span, where the caller allows them (the
    /// `Deprecated:` label in a Meaning cell); elsewhere bold fails the test.
    labels: Vec<String>,
    /// Each link's destination and text, where labels are allowed (a param's
    /// type linked to its section); elsewhere a link fails the test.
    links: Vec<(String, String)>,
}

fn plain(nodes: &[Node<'_>]) -> Plain {
    plain_with(nodes, false)
}

/// [`plain`], where bold text is the generator's label rather than syntax
/// made of catalogue text; the caller checks [`Plain::labels`].
fn plain_with_labels(nodes: &[Node<'_>]) -> Plain {
    plain_with(nodes, true)
}

fn plain_with(nodes: &[Node<'_>], labels: bool) -> Plain {
    let mut plain = Plain::default();
    for node in nodes {
        match node {
            Node::Block(Tag::Strong, inner) if labels => {
                let label = self::plain(inner).text;
                plain.text.push_str(&label);
                plain.labels.push(label);
            }
            Node::Block(Tag::Link { dest_url, .. }, inner) if labels => {
                let inner = self::plain(inner);
                plain.text.push_str(&inner.text);
                plain.code_spans.extend(inner.code_spans);
                plain.links.push((dest_url.to_string(), inner.text));
            }
            Node::Leaf(Event::Text(text)) => plain.text.push_str(text),
            Node::Leaf(Event::Code(code)) => {
                plain.text.push_str(code);
                plain.code_spans.push(code.to_string());
            }
            Node::Leaf(Event::SoftBreak | Event::HardBreak) => plain.text.push('\n'),
            Node::Leaf(Event::InlineHtml(html)) if html.as_ref() == "<br>" => {
                plain.text.push('\n');
            }
            Node::Leaf(Event::InlineHtml(html)) if html.as_ref() == "</a>" => {}
            Node::Leaf(Event::InlineHtml(html)) => plain.anchors.push(anchor_id(html)),
            other => panic!("plain text became syntax: {other:?}"),
        }
    }
    plain
}

/// The id of an `<a id="…">` tag, its attribute value decoded.
fn anchor_id(html: &str) -> String {
    let value = html
        .strip_prefix("<a id=\"")
        .and_then(|rest| rest.strip_suffix("\">"))
        .unwrap_or_else(|| panic!("raw HTML other than an anchor: {html:?}"));
    decode_attribute(value)
}

/// Decodes the character references an attribute value may use.
fn decode_attribute(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let end = rest[at..].find(';').expect("a terminated reference") + at;
        let name = &rest[at + 1..end];
        let c = match name {
            "amp" => '&',
            "quot" => '"',
            "lt" => '<',
            "gt" => '>',
            _ => {
                let number = name.strip_prefix('#').expect("a numeric reference");
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16),
                    None => number.parse(),
                }
                .expect("a valid number");
                char::from_u32(code).expect("a scalar value")
            }
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Every piece of text under `nodes`, formatting ignored, line breaks as `\n`:
/// what a reader sees of free Markdown such as the document description.
fn rendered_text(nodes: &[Node<'_>], out: &mut String) {
    for node in nodes {
        match node {
            Node::Block(_, children) => rendered_text(children, out),
            Node::Leaf(Event::Text(text) | Event::Code(text)) => out.push_str(text),
            Node::Leaf(Event::SoftBreak | Event::HardBreak) => out.push('\n'),
            Node::Leaf(_) => {}
        }
    }
}

/// Every raw HTML event under `nodes`.
fn raw_html<'n>(nodes: &'n [Node<'_>], out: &mut Vec<&'n str>) {
    for node in nodes {
        match node {
            Node::Block(_, children) => raw_html(children, out),
            Node::Leaf(Event::Html(html) | Event::InlineHtml(html)) => out.push(html),
            Node::Leaf(_) => {}
        }
    }
}

/// Every link destination under `nodes`.
fn link_targets(nodes: &[Node<'_>], out: &mut Vec<String>) {
    for node in nodes {
        if let Node::Block(tag, children) = node {
            if let Tag::Link { dest_url, .. } = tag {
                out.push(dest_url.to_string());
            }
            link_targets(children, out);
        }
    }
}

/// The id a link on the page lands on: its fragment must be one a URL may
/// hold (RFC 3986: unreserved characters, percent-encoded octets,
/// sub-delimiters, `:`, `@`, `/` and `?`), and a browser looks for the id
/// the fragment names as it is, else percent-decoded (HTML, "find a
/// potential indicated element").
fn resolve(target: &str) -> String {
    let fragment = target.strip_prefix('#').expect("links stay on the page");
    assert!(
        fragment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~%!$&'()*+,;=:@/?".contains(&b)),
        "{target} is not a valid URL fragment"
    );
    percent_decode(fragment)
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("ASCII hex");
            out.push(u8::from_str_radix(hex, 16).expect("hex digits"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("UTF-8")
}

/// A GFM table: header cells and body rows, each cell recovered as [`Plain`].
struct Table {
    head: Vec<Plain>,
    rows: Vec<Vec<Plain>>,
}

fn table(children: &[Node<'_>]) -> Table {
    let cells = |nodes: &[Node<'_>]| -> Vec<Plain> {
        nodes
            .iter()
            .map(|node| match node {
                // Callers check the labels of every cell.
                Node::Block(Tag::TableCell, inline) => plain_with_labels(inline),
                other => panic!("expected a table cell, got {other:?}"),
            })
            .collect()
    };
    let mut head = Vec::new();
    let mut rows = Vec::new();
    for node in children {
        match node {
            Node::Block(Tag::TableHead, nodes) => head = cells(nodes),
            Node::Block(Tag::TableRow, nodes) => rows.push(cells(nodes)),
            other => panic!("unexpected node in a table: {other:?}"),
        }
    }
    Table { head, rows }
}

fn h2_title<'n, 'a>(node: &'n Node<'a>) -> Option<&'n [Node<'a>]> {
    match node {
        Node::Block(
            Tag::Heading {
                level: HeadingLevel::H2,
                ..
            },
            inline,
        ) => Some(inline),
        _ => None,
    }
}

/// Reads the page back and checks it against the catalogue, block by block.
fn check_page(catalog: &Catalog) {
    let page = markdown::emit(catalog);
    assert_eq!(page, markdown::emit(catalog), "output is not deterministic");
    assert!(page.ends_with('\n') && !page.ends_with("\n\n"));

    // The notice, as an HTML comment on the first line.
    assert_eq!(
        page.lines().next(),
        Some(format!("<!-- {} -->", catalog.generated_notice()).as_str())
    );
    let blocks = parse(&page);
    let mut blocks = blocks.iter();
    match blocks.next() {
        Some(Node::Block(Tag::HtmlBlock, html)) => assert!(
            matches!(html.as_slice(), [Node::Leaf(Event::Html(comment))] if comment.starts_with("<!-- ")),
            "{html:?}"
        ),
        other => panic!("expected the notice, got {other:?}"),
    }

    // The title.
    match blocks.next() {
        Some(Node::Block(
            Tag::Heading {
                level: HeadingLevel::H1,
                ..
            },
            inline,
        )) => assert_eq!(plain(inline).text, catalog.title),
        other => panic!("expected the title, got {other:?}"),
    }

    let intro: Vec<&Node<'_>> = blocks
        .clone()
        .take_while(|node| h2_title(node).is_none())
        .collect();
    let intro_links = check_intro(catalog, &intro);

    // One section per status, in file order.
    let rest: Vec<&Node<'_>> = blocks.skip(intro.len()).collect();
    let starts: Vec<usize> = (0..rest.len())
        .filter(|&i| h2_title(rest[i]).is_some())
        .collect();
    let types_sections = usize::from(!catalog.types.is_empty());
    let removed_sections = usize::from(!catalog.removed.is_empty());
    assert_eq!(
        starts.len(),
        catalog.statuses.len() + types_sections + removed_sections,
        "one heading per status, one for types and one for removed codes if there are any"
    );
    assert_eq!(starts.first(), Some(&0).filter(|_| !rest.is_empty()));
    let mut anchors: HashMap<String, usize> = HashMap::new();
    let mut links = intro_links.clone();
    let mut code_anchors = HashMap::new();
    let end_of = |n: usize| starts.get(n + 1).copied().unwrap_or(rest.len());
    for (n, status) in catalog.statuses.iter().enumerate() {
        let section = check_section(catalog, status, &rest[starts[n]..end_of(n)]);
        for id in section.anchors {
            *anchors.entry(id).or_default() += 1;
        }
        links.extend(section.links);
        code_anchors.extend(section.code_anchors);
    }
    let mut next = catalog.statuses.len();
    if types_sections > 0 {
        let section = check_types(&catalog.types, &rest[starts[next]..end_of(next)]);
        for id in section.anchors {
            *anchors.entry(id).or_default() += 1;
        }
        links.extend(section.links);
        next += 1;
    }
    if let Some(&start) = starts.get(next) {
        for id in check_removed(catalog, &rest[start..]) {
            *anchors.entry(id).or_default() += 1;
        }
    }

    // Anchors: one per status, per code, per explained code, per type and
    // per removed code, each exactly once; links resolve.
    let explained = catalog
        .codes()
        .filter(|(_, code)| code.description.is_some() || code.resolution.is_some())
        .count();
    assert_eq!(
        anchors.len(),
        catalog.statuses.len()
            + catalog.codes().count()
            + explained
            + catalog.types.len()
            + catalog.removed.len()
    );
    for (id, times) in &anchors {
        assert_eq!(*times, 1, "anchor {id:?} appears {times} times");
    }
    for target in &links {
        assert!(
            anchors.contains_key(&resolve(target)),
            "link {target} has no anchor"
        );
    }
    // The example's lead-in links to its code's own anchor.
    if let Some((_, first)) = catalog.codes().next() {
        let targets: Vec<String> = intro_links.iter().map(|target| resolve(target)).collect();
        assert_eq!(targets, [code_anchors[first.code.as_str()].clone()]);
    }

    // Unicode line separators could split a row for tools that honour them.
    for line in page.lines().filter(|line| line.starts_with('|')) {
        assert!(
            !line.contains(['\u{2028}', '\u{2029}', '\u{85}', '\r']),
            "a table row holds a raw line separator: {line:?}"
        );
    }
}

/// The intro: the description, then the example body; no raw HTML at all.
/// Returns the link targets it holds.
fn check_intro(catalog: &Catalog, intro: &[&Node<'_>]) -> Vec<String> {
    let mut text = String::new();
    let mut html = Vec::new();
    let mut links = Vec::new();
    for node in intro {
        rendered_text(std::slice::from_ref(*node), &mut text);
        text.push('\n');
        raw_html(std::slice::from_ref(*node), &mut html);
        link_targets(std::slice::from_ref(*node), &mut links);
    }
    assert!(html.is_empty(), "raw HTML in the intro: {html:?}");
    if let Some(description) = &catalog.description {
        // Whatever looks like a tag in the description must be shown, not obeyed.
        for (start, _) in description.match_indices('<') {
            if let Some(len) = description[start..].find('>') {
                let tag = &description[start..=start + len];
                assert!(text.contains(tag), "{tag:?} is not shown as text");
            }
        }
    }
    let json = intro
        .iter()
        .find_map(|node| match node {
            Node::Block(Tag::CodeBlock(CodeBlockKind::Fenced(lang)), text)
                if lang.as_ref() == "json" =>
            {
                let mut json = String::new();
                rendered_text(text, &mut json);
                Some(json)
            }
            _ => None,
        })
        .expect("a fenced JSON example of the body");
    let body: serde_json::Value = serde_json::from_str(&json).expect("the example is JSON");
    let ordered: Ordered = serde_json::from_str(&json).expect("the example is JSON");
    let layout = catalog.body.tree();
    let Some((status, code)) = catalog.codes().next() else {
        // Placeholders: the layout's shape, each value of its type.
        let placeholder = |part: Part| match part {
            Part::Code if catalog.body.code_type == CodeType::Integer => Some(0.into()),
            Part::Code => Some("<code>".into()),
            Part::Message => Some("<human-readable text>".into()),
            Part::Details => None,
            Part::Status => Some(catalog.statuses.first().map_or(500, |s| s.status).into()),
            Part::Docs => catalog.docs.as_deref().map(Into::into),
            Part::Title => Some("<title>".into()),
            other => panic!("a part this test does not know: {other:?}"),
        };
        assert_eq!(body, expected_body(catalog, placeholder));
        check_order(&ordered, &layout, &placeholder, &[]);
        return links;
    };
    let details = details_of(catalog, &body);
    assert_eq!(
        details.is_some(),
        !code.params.is_empty(),
        "details only with params"
    );
    let details = details.unwrap_or_default();
    let value = |part: Part| -> Option<serde_json::Value> {
        match part {
            Part::Code => Some(match catalog.body.code_type {
                CodeType::Integer => code.number().expect("an integer code").into(),
                _ => code.code.as_str().into(),
            }),
            Part::Message => Some(rendered(code, &details).into()),
            Part::Details => (!code.params.is_empty()).then(|| details.clone()),
            Part::Status => Some(status.status.into()),
            Part::Docs => code.docs.as_deref().map(Into::into),
            Part::Title => Some(code.title_in(status).into()),
            other => panic!("a part this test does not know: {other:?}"),
        }
    };
    assert_eq!(
        body,
        expected_body(catalog, value),
        "the example of {}",
        code.code
    );
    if let Some(details) = details.as_object() {
        for param in code.params.iter().filter(|param| !param.optional) {
            assert!(
                details.contains_key(&param.name),
                "{} is required",
                param.name
            );
        }
        for name in details.keys() {
            assert!(code.param(name).is_some(), "{name} is not a param");
        }
    }
    let params: Vec<String> = details
        .as_object()
        .map(|details| details.keys().cloned().collect())
        .unwrap_or_default();
    let params: Vec<String> = code
        .params
        .iter()
        .map(|param| param.name.clone())
        .filter(|name| params.contains(name))
        .collect();
    check_order(&ordered, &layout, &value, &params);
    links
}

/// The body the layout gives: each part that `value` has at its member,
/// the objects on its way made as needed (even for a part left out, as the
/// layout's objects always are), spread details merged into their object.
fn expected_body(
    catalog: &Catalog,
    value: impl Fn(Part) -> Option<serde_json::Value>,
) -> serde_json::Value {
    let mut body = serde_json::Map::new();
    for (part, path) in &catalog.body.parts {
        let mut object = &mut body;
        for name in path.parent() {
            object = object
                .entry(name.clone())
                .or_insert_with(|| serde_json::Value::Object(serde_json::Map::new()))
                .as_object_mut()
                .expect("a path goes through objects");
        }
        let Some(value) = value(*part) else { continue };
        if let Some(leaf) = path.leaf() {
            assert!(object.insert(leaf.to_owned(), value).is_none(), "{path}");
        } else {
            let serde_json::Value::Object(params) = value else {
                panic!("details are an object")
            };
            object.extend(params);
        }
    }
    serde_json::Value::Object(body)
}

/// The details in an example `body`, where the layout puts them: the object
/// at their member, or the members of the object they are spread into that
/// are not the layout's. `None` when there are none.
fn details_of(catalog: &Catalog, body: &serde_json::Value) -> Option<serde_json::Value> {
    let path = catalog
        .body
        .path(Part::Details)
        .expect("details have a place");
    let mut object = body;
    let mut layout = catalog.body.tree();
    for name in path.parent() {
        object = object.get(name)?;
        let found = layout
            .members
            .into_iter()
            .find(|member| member.name == *name)
            .expect("the layout has the object");
        let Member::Object(inner) = found.value else {
            panic!("{name} is an object of the layout")
        };
        layout = inner;
    }
    if let Some(leaf) = path.leaf() {
        return object.get(leaf).cloned();
    }
    let mut params = object.as_object().expect("an object").clone();
    for member in &layout.members {
        params.remove(&member.name);
    }
    (!params.is_empty()).then_some(serde_json::Value::Object(params))
}

/// A JSON value that keeps the order of its objects' members, which
/// `serde_json::Value` sorts.
#[derive(Debug)]
enum Ordered {
    Object(Vec<(String, Ordered)>),
    Other,
}

impl<'de> serde::Deserialize<'de> for Ordered {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Ordered;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Ordered, A::Error> {
                let mut members = Vec::new();
                while let Some((name, value)) = map.next_entry::<String, Ordered>()? {
                    members.push((name, value));
                }
                Ok(Ordered::Object(members))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Ordered, A::Error> {
                while seq.next_element::<Ordered>()?.is_some() {}
                Ok(Ordered::Other)
            }
            fn visit_bool<E>(self, _: bool) -> Result<Ordered, E> {
                Ok(Ordered::Other)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Ordered, E> {
                Ok(Ordered::Other)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Ordered, E> {
                Ok(Ordered::Other)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Ordered, E> {
                Ok(Ordered::Other)
            }
            fn visit_str<E>(self, _: &str) -> Result<Ordered, E> {
                Ok(Ordered::Other)
            }
            fn visit_unit<E>(self) -> Result<Ordered, E> {
                Ok(Ordered::Other)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Checks that each object of the layout writes its members in the
/// layout's order (those `value` leaves out left out), then the params
/// spread into it, in order.
fn check_order(
    actual: &Ordered,
    layout: &Object,
    value: &dyn Fn(Part) -> Option<serde_json::Value>,
    params: &[String],
) {
    let Ordered::Object(members) = actual else {
        panic!("an object of the layout is not one")
    };
    let mut expected: Vec<&str> = layout
        .members
        .iter()
        .filter(|member| !matches!(&member.value, Member::Part(part) if value(*part).is_none()))
        .map(|member| member.name.as_str())
        .collect();
    if layout.spread {
        expected.extend(params.iter().map(String::as_str));
    }
    let names: Vec<&str> = members.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, expected, "the members of an object of the body");
    for member in &layout.members {
        if let Member::Object(inner) = &member.value {
            let (_, actual) = members
                .iter()
                .find(|(name, _)| *name == member.name)
                .expect("checked above");
            check_order(actual, inner, value, params);
        }
    }
}

/// `code`'s message as sent with `details`: placeholders filled in, `{{` as `{`.
fn rendered(code: &Code, details: &serde_json::Value) -> String {
    let mut text = String::new();
    for piece in code.pieces() {
        match piece {
            Piece::Text(part) => text.push_str(part),
            Piece::Param(name) => match &details[name] {
                serde_json::Value::String(value) => text.push_str(value),
                // As Rust's `Display` writes an `f64`, which the server uses.
                serde_json::Value::Number(value) if value.is_f64() => {
                    let _ = write!(text, "{}", value.as_f64().expect("an f64"));
                }
                value => text.push_str(&value.to_string()),
            },
            other => panic!("a piece this test does not know: {other:?}"),
        }
    }
    text
}

/// The anchors and links a section holds, and each code's anchor.
#[derive(Default)]
struct Found {
    anchors: Vec<String>,
    links: Vec<String>,
    code_anchors: Vec<(String, String)>,
}

/// Checks the anchor a code's cell holds, and returns it: one, a valid HTML
/// id (not empty, no whitespace), and the code itself for a code of the
/// forms codes had before integer codes and `:` (so that old links land).
/// That it is unique on the page, and so clashes with no status, type or
/// other code, `check_page` checks.
fn code_anchor(code: &str, anchors: &[String]) -> String {
    let [anchor] = anchors else {
        panic!("one anchor for {code}: {anchors:?}")
    };
    assert!(
        !anchor.is_empty() && !anchor.contains(|c: char| c.is_ascii_whitespace()),
        "{anchor:?} is not a valid id"
    );
    if !code.contains(':') && !code.starts_with(|c: char| c.is_ascii_digit()) {
        assert_eq!(anchor, code, "an old code keeps its anchor");
    }
    anchor.clone()
}

/// What a reader sees of a param or field's type: the type as the file
/// writes it, linked to the section of the type of `types:` it holds.
fn type_text(ty: &Type, optional: bool) -> String {
    let mut text = ty.written();
    if optional {
        text.push_str(", optional");
    }
    text
}

/// The type of `types:` that `ty` is or is a list of.
fn named_in(ty: &Type) -> Option<&str> {
    match ty {
        Type::Named(name) => Some(name),
        Type::List(item) => named_in(item),
        _ => None,
    }
}

/// What a reader sees of a param in a Meaning cell.
fn param_line(param: &Param) -> String {
    let mut line = format!("{} ({})", param.name, type_text(&param.ty, param.optional));
    if let Some(description) = &param.description {
        let _ = write!(line, ": {description}");
    }
    line
}

/// One status section: its heading, description and table. Returns the anchor
/// ids and link targets it holds.
fn check_section(catalog: &Catalog, status: &Status, section: &[&Node<'_>]) -> Found {
    let heading = plain(h2_title(section[0]).expect("a heading"));
    assert_eq!(heading.text, format!("{} {}", status.status, status.title));
    assert_eq!(
        heading.anchors,
        [status.status.to_string()],
        "a status's anchor"
    );
    let mut anchors = heading.anchors;

    let mut body = section[1..].iter().copied();
    if let Some(description) = &status.description {
        match body.next() {
            Some(Node::Block(Tag::Paragraph, inline)) => {
                assert_eq!(&plain(inline).text, description);
            }
            other => panic!(
                "expected the description of {}, got {other:?}",
                status.status
            ),
        }
    }
    let body: Vec<&Node<'_>> = body.collect();
    let tables: Vec<Table> = body
        .iter()
        .filter_map(|node| match node {
            Node::Block(Tag::Table(_), children) => Some(table(children)),
            _ => None,
        })
        .collect();
    if status.codes.is_empty() {
        assert!(
            tables.is_empty(),
            "{} has no codes but a table",
            status.status
        );
        assert!(
            matches!(body.as_slice(), [Node::Block(Tag::Paragraph, inline)]
                if plain(inline).text.contains("No error codes")),
            "{} should say it has no codes: {body:?}",
            status.status
        );
        return Found {
            anchors,
            ..Found::default()
        };
    }
    let mut links = Vec::new();
    let mut code_anchors = Vec::new();
    assert_eq!(tables.len(), 1, "{} has one table", status.status);
    assert!(
        matches!(body.first(), Some(Node::Block(Tag::Table(_), _))),
        "{} has its table after the description",
        status.status
    );
    anchors.extend(check_explanations(status, &body[1..]));
    let Table { head, rows } = &tables[0];
    assert_eq!(
        head.iter()
            .map(|cell| cell.text.as_str())
            .collect::<Vec<_>>(),
        ["Error Code", "Meaning"]
    );
    assert!(head.iter().all(|cell| cell.labels.is_empty()));
    assert_eq!(
        rows.len(),
        status.codes.len(),
        "one row per code of {}",
        status.status
    );
    for (row, code) in rows.iter().zip(&status.codes) {
        let [code_cell, meaning] = row.as_slice() else {
            panic!(
                "a row of two cells: {row:?}",
                row = row.iter().map(|c| &c.text).collect::<Vec<_>>()
            )
        };
        let anchor = check_code_cell(code, code_cell);
        code_anchors.push((code.code.clone(), anchor.clone()));
        anchors.push(anchor);
        links.extend(check_meaning(
            meaning,
            expected_meaning(catalog, code),
            code,
        ));
    }
    Found {
        anchors,
        links,
        code_anchors,
    }
}

/// The sections of a status's explained codes, after its table, in the
/// codes' order: a heading with the code and its anchor, then the blocks of
/// its description, a `Resolution:` paragraph and the blocks of its
/// resolution, each block of the kind the text alone parses to (so none ran
/// into the next), code blocks with their code as written. Returns the
/// anchors.
fn check_explanations(status: &Status, blocks: &[&Node<'_>]) -> Vec<String> {
    let mut anchors = Vec::new();
    let mut blocks = blocks.iter().copied();
    for code in status
        .codes
        .iter()
        .filter(|code| code.description.is_some() || code.resolution.is_some())
    {
        match blocks.next() {
            Some(Node::Block(
                Tag::Heading {
                    level: HeadingLevel::H3,
                    ..
                },
                inline,
            )) => {
                let heading = plain(inline);
                assert_eq!(heading.text, code.code);
                assert_eq!(heading.code_spans, [code.code.as_str()]);
                assert_eq!(heading.anchors, [format!("about:{}", code.code)]);
                anchors.extend(heading.anchors);
            }
            other => panic!("expected the section of `{}`, got {other:?}", code.code),
        }
        let mut expected: Vec<Node<'_>> = Vec::new();
        if let Some(description) = &code.description {
            expected.extend(parse(description));
        }
        if let Some(resolution) = &code.resolution {
            expected.extend(parse("**Resolution:**"));
            expected.extend(parse(resolution));
        }
        for want in &expected {
            let got = blocks
                .next()
                .unwrap_or_else(|| panic!("`{}`: the page ends early", code.code));
            match (want, got) {
                (Node::Block(want_tag, want_children), Node::Block(got_tag, got_children)) => {
                    assert_eq!(
                        std::mem::discriminant(want_tag),
                        std::mem::discriminant(got_tag),
                        "`{}`: {got_tag:?} where the text has {want_tag:?}",
                        code.code
                    );
                    if matches!(want_tag, Tag::CodeBlock(_)) {
                        assert_eq!(
                            format!("{want_children:?}"),
                            format!("{got_children:?}"),
                            "`{}`: a code block as written",
                            code.code
                        );
                    }
                }
                (want, got) => panic!("`{}`: {got:?} where the text has {want:?}", code.code),
            }
        }
    }
    assert!(
        blocks.next().is_none(),
        "{} has nothing after its explanations",
        status.status
    );
    anchors
}

/// Checks a code's cell: the code as code, its anchor, and a link to its
/// documentation when it has a docs URL. Returns the anchor.
fn check_code_cell(code: &Code, cell: &Plain) -> String {
    assert_eq!(cell.text, code.code);
    assert_eq!(
        cell.code_spans,
        [code.code.as_str()],
        "the code is shown as code"
    );
    assert!(cell.labels.is_empty());
    let docs: Vec<(String, String)> = code
        .docs
        .iter()
        .map(|url| (url.clone(), code.code.clone()))
        .collect();
    assert_eq!(cell.links, docs, "the docs link of {}", code.code);
    code_anchor(&code.code, &cell.anchors)
}

/// Checks a Meaning cell against what a reader should see; returns its
/// link targets.
fn check_meaning(meaning: &Plain, expected: Plain, code: &Code) -> Vec<String> {
    let code = &code.code;
    assert_eq!(meaning.text, expected.text, "the meaning of `{code}`");
    assert_eq!(meaning.labels, expected.labels, "the labels of `{code}`");
    assert_eq!(
        meaning.code_spans, expected.code_spans,
        "the code of `{code}`"
    );
    assert_eq!(meaning.links, expected.links, "the links of `{code}`");
    assert!(meaning.anchors.is_empty());
    expected
        .links
        .into_iter()
        .map(|(target, _)| target)
        .collect()
}

/// What a reader should see in a code's Meaning cell: its title, the message as written
/// (placeholders unfilled, `{{` as the `{` it sends), its details, the retry advice when the catalogue gives any, the
/// deprecation and `since`.
fn expected_meaning(catalog: &Catalog, code: &Code) -> Plain {
    let mut expected = Plain::default();
    // The code's own title, when it has one, in bold on a line of its own.
    if let Some(title) = &code.title {
        expected.text = format!("{title}\n");
        expected.labels.push(title.clone());
    }
    expected.text.push_str(&code.plain_message());
    if !code.params.is_empty() {
        expected.text.push_str("\nDetails:");
        expected.labels.push("Details:".to_owned());
        for param in &code.params {
            let _ = write!(expected.text, "\n{}", param_line(param));
            expected.code_spans.push(param.name.clone());
            expected.code_spans.push(param.ty.written());
            if let Some(name) = named_in(&param.ty) {
                expected
                    .links
                    .push((format!("#type:{name}"), param.ty.written()));
            }
        }
    }
    if catalog.has_retry() {
        // The advice's code spans are the generator's own.
        let advice = code.retry.advice();
        let _ = write!(expected.text, "\n{}", advice.replace('`', ""));
        expected
            .code_spans
            .extend(advice.split('`').skip(1).step_by(2).map(str::to_owned));
    }
    if let Some(note) = &code.deprecated {
        let _ = write!(expected.text, "\nDeprecated: {note}");
        expected.labels.push("Deprecated:".to_owned());
    }
    if let Some(since) = &code.since {
        let _ = write!(expected.text, "\nAdded in version {since}.");
    }
    if code.description.is_some() || code.resolution.is_some() {
        expected.text.push_str("\nExplained below");
        expected.links.push((
            format!("#about:{}", code.code),
            "Explained below".to_owned(),
        ));
    }
    expected
}

/// The section of types: its heading, a sentence, then per type a heading
/// with its anchor, its description and a table of its fields. Returns the
/// anchor ids and link targets it holds.
fn check_types(types: &[TypeDef], section: &[&Node<'_>]) -> Found {
    let heading = plain(h2_title(section[0]).expect("a heading"));
    assert_eq!(heading.text, "Types");
    assert!(heading.anchors.is_empty());
    assert!(matches!(section[1], Node::Block(Tag::Paragraph, _)));
    let mut found = Found::default();
    let mut blocks = section[2..].iter().copied();
    for ty in types {
        match blocks.next() {
            Some(Node::Block(
                Tag::Heading {
                    level: HeadingLevel::H3,
                    ..
                },
                inline,
            )) => {
                let heading = plain(inline);
                assert_eq!(heading.text, ty.name);
                assert_eq!(heading.code_spans, [ty.name.as_str()]);
                assert_eq!(heading.anchors, [format!("type:{}", ty.name)]);
                found.anchors.extend(heading.anchors);
            }
            other => panic!("expected the heading of type {}, got {other:?}", ty.name),
        }
        if let Some(description) = &ty.description {
            match blocks.next() {
                Some(Node::Block(Tag::Paragraph, inline)) => {
                    assert_eq!(&plain(inline).text, description);
                }
                other => panic!("expected the description of {}, got {other:?}", ty.name),
            }
        }
        let table = match blocks.next() {
            Some(Node::Block(Tag::Table(_), children)) => table(children),
            Some(Node::Block(Tag::Paragraph, inline)) if ty.fields.is_empty() => {
                assert!(plain(inline).text.contains("without fields"));
                continue;
            }
            other => panic!("expected the fields of {}, got {other:?}", ty.name),
        };
        let head: Vec<&str> = table.head.iter().map(|cell| cell.text.as_str()).collect();
        assert_eq!(head, ["Field", "Type", "Meaning"]);
        assert_eq!(
            table.rows.len(),
            ty.fields.len(),
            "one row per field of {}",
            ty.name
        );
        for (row, field) in table.rows.iter().zip(&ty.fields) {
            let cells: Vec<&str> = row.iter().map(|cell| cell.text.as_str()).collect();
            let ty_text = type_text(&field.ty, field.optional);
            let expected = [
                field.name.as_str(),
                &ty_text,
                field.description.as_deref().unwrap_or_default(),
            ];
            assert_eq!(cells, expected, "a field of {}", ty.name);
            assert_eq!(row[0].code_spans, [field.name.as_str()]);
            assert_eq!(row[1].code_spans, [field.ty.written()]);
            let links: Vec<(String, String)> = named_in(&field.ty)
                .map(|name| (format!("#type:{name}"), field.ty.written()))
                .into_iter()
                .collect();
            assert_eq!(
                row[1].links, links,
                "the type of {}.{}",
                ty.name, field.name
            );
            assert!(
                row.iter()
                    .all(|cell| cell.labels.is_empty() && cell.anchors.is_empty())
            );
            assert!(row[0].links.is_empty() && row[2].links.is_empty());
            found
                .links
                .extend(links.into_iter().map(|(target, _)| target));
        }
    }
    assert!(
        blocks.next().is_none(),
        "only the types in the section of types"
    );
    found
}

/// The section of removed codes: its heading, a sentence, and one row per
/// tombstone with the code (and its anchor), status, version and reason.
/// Returns the anchor ids it holds.
fn check_removed(catalog: &Catalog, section: &[&Node<'_>]) -> Vec<String> {
    let heading = plain(h2_title(section[0]).expect("a heading"));
    assert_eq!(heading.text, "Removed codes");
    assert!(heading.anchors.is_empty());
    let [
        Node::Block(Tag::Paragraph, _),
        Node::Block(Tag::Table(_), children),
    ] = &section[1..]
    else {
        panic!("expected a sentence and a table of removed codes: {section:?}");
    };
    let Table { head, rows } = table(children);
    assert!(head.iter().all(|cell| cell.labels.is_empty()));
    let head: Vec<&str> = head.iter().map(|cell| cell.text.as_str()).collect();
    assert_eq!(head, ["Error Code", "Status", "Removed in", "Reason"]);
    assert_eq!(rows.len(), catalog.removed.len(), "one row per tombstone");
    let mut anchors = Vec::new();
    for (row, tombstone) in rows.iter().zip(&catalog.removed) {
        let cells: Vec<&str> = row.iter().map(|cell| cell.text.as_str()).collect();
        let status = tombstone.status.to_string();
        let expected = [
            tombstone.code.as_str(),
            &status,
            tombstone.version.as_deref().unwrap_or_default(),
            tombstone.reason.as_deref().unwrap_or_default(),
        ];
        assert_eq!(cells, expected);
        assert!(row.iter().all(|cell| cell.labels.is_empty()));
        assert_eq!(row[0].code_spans, [tombstone.code.as_str()]);
        assert!(row[0].links.is_empty());
        anchors.push(code_anchor(&tombstone.code, &row[0].anchors));
    }
    anchors
}

#[test]
fn seed_page_reads_back_as_the_catalogue() {
    check_page(&seed_catalog());
}

#[test]
fn hostile_page_reads_back_as_the_catalogue() {
    check_page(&hostile_catalog());
}

#[test]
fn lifecycle_page_reads_back_as_the_catalogue() {
    let catalog = lifecycle_catalog();
    assert!(catalog.codes().any(|(_, code)| code.deprecated.is_some()));
    assert!(catalog.codes().any(|(_, code)| code.since.is_some()));
    assert!(!catalog.removed.is_empty());
    check_page(&catalog);
}

/// Explained codes get a section after their status's table, linked from
/// their row; code blocks in the explanations end where they should, so the
/// rest of the page is still there.
#[test]
fn explained_page_reads_back_as_the_catalogue() {
    let catalog = explained_catalog();
    check_page(&catalog);
    let page = markdown::emit(&catalog);
    for code in ["invalid_token", "validation_error", "internal_error"] {
        assert!(
            page.contains(&format!("[Explained below](#about:{code})")),
            "{code}: no link in its row"
        );
        assert!(
            page.contains(&format!("### <a id=\"about:{code}\"></a>`{code}`\n")),
            "{code}: no section"
        );
    }
    assert!(!page.contains("(#about:plain)"));
    // Fenced code keeps its HTML; raw HTML elsewhere is text.
    assert!(page.contains("curl -H 'X-Token: <token>' https://api.example.com/account"));
    assert!(page.contains("\\<b>Raw HTML\\</b>"));
    // The last status's table, after every explanation, is a table still.
    let html = {
        let mut html = String::new();
        pulldown_cmark::html::push_html(
            &mut html,
            pulldown_cmark::Parser::new_ext(&page, pulldown_cmark::Options::ENABLE_TABLES),
        );
        html
    };
    assert!(
        html.contains("<h2><a id=\"500\"></a>500 Internal Server Error</h2>"),
        "{html}"
    );
    assert!(
        html.contains("<td><a id=\"internal_error\"></a><code>internal_error</code></td>"),
        "{html}"
    );
    assert!(
        html.contains("<h3><a id=\"about:internal_error\"></a><code>internal_error</code></h3>"),
        "{html}"
    );
}

#[test]
fn catalogue_without_codes_has_no_tables() {
    let catalog = Catalog::from_yaml(
        "title: Nothing yet\nstatuses:\n  400:\n    codes: {}\n  599:\n    title: \"  Odd | one #\"\n    description: \"- not a list\"\n    codes: {}\n",
        "errors.yaml",
    )
    .expect("a valid catalogue");
    check_page(&catalog);
    let page = markdown::emit(&catalog);
    assert!(!page.contains("| Error Code |"));
    assert!(
        page.contains("\"error\": \"<code>\""),
        "a placeholder example:\n{page}"
    );
}

#[test]
fn text_at_the_edges_reads_back() {
    let catalog = Catalog::from_yaml(
        r#"title: "  spaced title  "
statuses:
  401:
    description: "1) not a list"
    codes:
      leading: "  two leading spaces"
      trailing: "two trailing spaces  "
      ordered: "1. not a list"
      bullet: "- not a list"
      plus: "+ not a list"
      quote: "> not a quote"
      setext: "==="
      rule: "---"
      indented: "    not code"
      entity: "&copy; &#169; &#xA9;"
      fence: "```not code```"
      tilde: "~~not struck~~"
      math: "$x$ and $$y$$"
      footnote: "[^1] and ![image](x.png)"
      breaks: "\n\na\n\n"
  402:
    description: "   spaced   "
    codes:
      one: "10. not a list"
"#,
        "errors.yaml",
    )
    .expect("a valid catalogue");
    check_page(&catalog);
}

#[test]
fn backticks_cannot_close_the_example_fence() {
    // The first code's message goes into the fenced JSON example; escaped
    // newlines keep its backticks off the start of a line, where a fence closes.
    let catalog = Catalog::from_yaml(
        "title: T\nstatuses:\n  409:\n    codes:\n      fence_first: \"a ``` b ```` c\"\n",
        "errors.yaml",
    )
    .expect("a valid catalogue");
    check_page(&catalog);
}

/// The seed page as text, one line per block, list item or table cell, in the
/// shape of `seed/errors-and-troubleshooting.txt` (cells end in ` |`, a header
/// row starts with `| `), leaving out what the generator adds: the example body
/// and its lead-in, and the note on statuses without codes.
fn page_lines(blocks: &[Node<'_>], out: &mut Vec<String>) {
    let mut blocks = blocks.iter().peekable();
    while let Some(node) = blocks.next() {
        let Node::Block(tag, children) = node else {
            panic!("a leaf at block level: {node:?}")
        };
        let followed_by_code = matches!(blocks.peek(), Some(Node::Block(Tag::CodeBlock(_), _)));
        match tag {
            Tag::HtmlBlock | Tag::CodeBlock(_) => {}
            Tag::Paragraph if followed_by_code => {}
            Tag::List(_) => {
                for item in children {
                    let mut text = String::new();
                    rendered_text(std::slice::from_ref(item), &mut text);
                    out.push(text);
                }
            }
            Tag::Table(_) => {
                let Table { head, rows } = table(children);
                for (i, cell) in head.iter().enumerate() {
                    let lead = if i == 0 { "| " } else { "" };
                    out.push(format!("{lead}{} |", cell.text));
                }
                for cell in rows.iter().flatten() {
                    out.push(format!("{} |", cell.text));
                }
            }
            _ => {
                let mut text = String::new();
                rendered_text(children, &mut text);
                if !text.starts_with("No error codes") {
                    out.extend(text.lines().map(str::to_owned));
                }
            }
        }
    }
}

#[test]
fn seed_page_carries_the_original_page_text() {
    // A verbatim copy of `seed/errors-and-troubleshooting.txt`, the page errors.yaml replaces.
    let original =
        std::fs::read_to_string(fixture("seed-page.txt")).expect("the seed page fixture");
    let original: Vec<&str> = original.lines().collect();
    // The 1.0 seed, which has nothing but the page, is the page exactly.
    let seed_1_0 = error_codes_gen::Catalog::load(&fixture("seed-1.0/errors.yaml")).unwrap();
    let mut lines = Vec::new();
    page_lines(&parse(&markdown::emit(&seed_1_0)), &mut lines);
    assert_eq!(lines, original);
    // Today's seed adds details, retry advice and its types: every line of
    // the page is still there, in order, a Meaning cell's text followed by
    // what it adds.
    let mut lines = Vec::new();
    page_lines(&parse(&markdown::emit(&seed_catalog())), &mut lines);
    let mut rest = lines.iter();
    for line in &original {
        let cell = line.strip_suffix(" |");
        assert!(
            rest.any(|found| found == line || cell.is_some_and(|cell| found.starts_with(cell))),
            "the page's line {line:?} is missing or out of order in:\n{lines:#?}"
        );
    }
    assert!(lines.len() > original.len());
}

#[test]
fn hostile_html_stays_text() {
    let page = markdown::emit(&hostile_catalog());
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(&page, options()));
    for tag in ["<img", "<script", "</script", "<b>", "<title"] {
        assert!(!html.contains(tag), "{tag} rendered as HTML:\n{html}");
    }
    for shown in [
        "&lt;img src=x onerror=alert(1)&gt;",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
    ] {
        assert!(
            html.contains(shown),
            "{shown} is not shown as text:\n{html}"
        );
    }
    // Every element on the page is one the generator means to produce.
    let allowed = [
        "h1", "h2", "p", "ul", "li", "em", "strong", "code", "pre", "a", "br", "table", "thead",
        "tbody", "tr", "th", "td",
    ];
    for (at, _) in html.match_indices('<') {
        let name: String = html[at + 1..]
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if html[at..].starts_with("<!-- ") {
            continue;
        }
        assert!(
            allowed.contains(&name.as_str()),
            "unexpected <{name}> at {at}:\n{html}"
        );
    }
}

#[test]
fn snapshot_seed() {
    insta::assert_snapshot!("seed", markdown::emit(&seed_catalog()));
}

#[test]
fn snapshot_hostile() {
    insta::assert_snapshot!("hostile", markdown::emit(&hostile_catalog()));
}

#[test]
fn snapshot_lifecycle() {
    insta::assert_snapshot!("lifecycle", markdown::emit(&lifecycle_catalog()));
}

/// A catalogue without `types:`, `params:` or `retry:` writes the page it
/// wrote before they existed, byte for byte: `seed-1.0/` holds the seed
/// catalogue and its page as committed then.
#[test]
fn a_catalogue_without_details_writes_the_page_it_always_did() {
    let catalog = Catalog::load(&fixture("seed-1.0/errors.yaml")).expect("the 1.0 seed loads");
    assert!(!catalog.has_details() && !catalog.has_retry());
    let page = std::fs::read_to_string(fixture("seed-1.0/errors.md")).expect("the 1.0 page");
    assert_eq!(markdown::emit(&catalog), page);
}

/// Types, params of every kind of type, retry on a code and on a status,
/// and hostile text in every new place: each must read back as written.
const DETAILS: &str = r#"title: Details
types:
  FieldViolation:
    description: "One input that failed | *validation* <b>here</b>"
    fields:
      field: { type: string, description: "The input's name or [JSON pointer](x)" }
      reason: string
      at: { type: Position, optional: true }
  Position:
    fields:
      line: integer
      column: { type: integer, optional: true, description: "1-based\nin characters" }
  Nothing:
    description: Not a thing.
    fields: {}
statuses:
  422:
    codes:
      validation_error:
        message: "{count} inputs failed validation {{see details}}."
        params:
          count: integer
          violations: [FieldViolation]
          grid: { type: [[Position]], optional: true, description: "_rows_ of `positions`" }
      FieldViolation: A code named like a type keeps its own anchor.
  429:
    codes:
      otp_wait_required:
        message: You must wait {retry_after} seconds before requesting another OTP.
        retry: after
        params:
          retry_after: integer
      rate_limit_exceeded:
        message: You have exceeded the global rate limit. Slow down.
        retry: after
        params:
          retry_after: integer
          limit: { type: integer, optional: true, description: Requests allowed per minute., example: 60 }
          ratio: number
          strict: { type: boolean, description: "- not a list" }
  502:
    retry: backoff
    codes:
      send_message_failed: Failed to send message.
      bad_gateway:
        message: Never again.
        retry: never
"#;

fn details_catalog() -> Catalog {
    Catalog::from_yaml(DETAILS, "errors.yaml").unwrap_or_else(|error| panic!("{error}"))
}

#[test]
fn details_page_reads_back_as_the_catalogue() {
    let catalog = details_catalog();
    assert!(catalog.has_details() && catalog.has_retry());
    check_page(&catalog);
}

#[test]
fn params_without_retry_give_no_advice() {
    let catalog = Catalog::from_yaml(
        "title: T\nstatuses:\n  409:\n    codes:\n      taken:\n        message: \"{name} is taken.\"\n        params:\n          name: string\n      gone: Gone.\n",
        "errors.yaml",
    )
    .expect("a valid catalogue");
    assert!(!catalog.has_retry());
    check_page(&catalog);
    let page = markdown::emit(&catalog);
    assert!(!page.contains("retry"), "{page}");
    assert!(page.contains("\"details\": {\"name\":\"name\"}"), "{page}");
}

#[test]
fn retry_without_params_gives_every_code_its_advice() {
    let catalog = Catalog::from_yaml(
        "title: T\nstatuses:\n  503:\n    retry: backoff\n    codes:\n      down: Down.\n  409:\n    codes:\n      taken: Taken.\n",
        "errors.yaml",
    )
    .expect("a valid catalogue");
    assert!(!catalog.has_details());
    check_page(&catalog);
    let page = markdown::emit(&catalog);
    assert!(
        page.contains("Down.<br>Retry with exponential backoff. |"),
        "{page}"
    );
    assert!(
        page.contains("Taken.<br>Do not retry: the same request fails the same way. |"),
        "{page}"
    );
    assert!(!page.contains("## Types"), "{page}");
}

#[test]
fn snapshot_details() {
    insta::assert_snapshot!("details", markdown::emit(&details_catalog()));
}

fn load(yaml: &str) -> Catalog {
    Catalog::from_yaml(yaml, "errors.yaml").unwrap_or_else(|error| panic!("{error}\n{yaml}"))
}

/// Every fixture of `tests/fixtures/bodies/` (real-world layouts, as
/// examples), by name.
const BODIES: [&str; 6] = ["meta", "openai", "stripe", "twilio", "problem", "firebase"];

fn body_fixture(name: &str) -> Catalog {
    let path = fixture(&format!("bodies/{name}.yaml"));
    Catalog::load(&path).unwrap_or_else(|error| panic!("{error}"))
}

#[test]
fn real_world_layouts_read_back_as_their_catalogues() {
    for name in BODIES {
        let catalog = body_fixture(name);
        assert!(catalog.body.is_declared(), "{name}");
        check_page(&catalog);
    }
}

#[test]
fn snapshot_bodies() {
    for name in BODIES {
        insta::assert_snapshot!(format!("body_{name}"), markdown::emit(&body_fixture(name)));
    }
}

#[test]
fn meta_page_nests_the_body_and_sends_integer_codes() {
    let catalog = body_fixture("meta");
    let page = markdown::emit(&catalog);
    assert!(
        page.contains(
            "For example, a 400 response with code [`131026`](#code:131026) has this body:\n\n```json\n{\n  \"error\": {\n    \"message\": \"(#131026) Message Undeliverable\",\n    \"code\": 131026,\n    \"error_data\": {\"messaging_product\":\"whatsapp\",\"details\":\"Unable to deliver message.\"}\n  }\n}\n```\n"
        ),
        "{page}"
    );
    assert!(
        page.contains(
            "| <a id=\"code:131047\"></a>[`131047`](https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes#131047) | **Re-engagement message**<br>(\\#131047) Re-engagement message<br>**Details:**"
        ),
        "{page}"
    );
}

/// Integer codes that are also statuses, codes with `/` and `:`, and codes
/// that look like the anchors of types and of such codes: every anchor is
/// unique, and each link lands on its own.
#[test]
fn anchors_stay_unique_and_valid_for_every_code_form() {
    let catalog = load(
        "title: Anchors
types:
  Position:
    fields:
      line: integer
statuses:
  400:
    codes:
      400:
        name: FourHundred
        message: A code that is also a status.
      401:
        name: FourHundredOne
        message: A code that is another status.
  401:
    codes:
      auth/invalid-email: A Firebase code.
      messaging:rate/limit: A code with a colon.
      type:Position:
        message: A code named like a type's anchor.
        params:
          at: Position
      code:401: A code named like an integer code's anchor.
      invalid_token: An old code.
removed:
  131000:
    status: 400
",
    );
    check_page(&catalog);
    let page = markdown::emit(&catalog);
    for row in [
        "| <a id=\"code:400\"></a>`400` |",
        "| <a id=\"code:401\"></a>`401` |",
        "| <a id=\"auth/invalid-email\"></a>`auth/invalid-email` |",
        "| <a id=\"messaging:rate/limit\"></a>`messaging:rate/limit` |",
        "| <a id=\"code:type:Position\"></a>`type:Position` |",
        "| <a id=\"code:code:401\"></a>`code:401` |",
        "| <a id=\"invalid_token\"></a>`invalid_token` |",
        "| <a id=\"code:131000\"></a>`131000` |",
        "## <a id=\"400\"></a>400 Bad Request",
        "## <a id=\"401\"></a>401 Unauthorized",
        "### <a id=\"type:Position\"></a>`Position`",
    ] {
        assert!(page.contains(row), "{row}\n{page}");
    }
    // Rendered as HTML, each id is there once, and the first code's link
    // lands on it.
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(&page, options()));
    for id in [
        "code:400",
        "400",
        "auth/invalid-email",
        "type:Position",
        "code:type:Position",
    ] {
        assert_eq!(html.matches(&format!(" id=\"{id}\"")).count(), 1, "{id}");
    }
    assert!(
        html.contains("<a href=\"#code:400\"><code>400</code></a>"),
        "{html}"
    );
}

#[test]
fn problem_details_page_shows_the_rfc_9457_body() {
    let catalog = load(
        "title: Problems (example)
body: problem
docs: https://example.com/probs/{code}
statuses:
  403:
    codes:
      out_of_credit:
        title: You do not have enough credit.
        message: Your current balance is {balance}, but that costs {cost}.
        params:
          balance: { type: number, example: 30.5 }
          cost: { type: number, example: 50.0 }
  404:
    codes:
      not_found: The resource was not found.
",
    );
    check_page(&catalog);
    let page = markdown::emit(&catalog);
    assert!(
        page.contains(
            "For example, a 403 response with code [`out_of_credit`](#out_of_credit) has this body, sent as `application/problem+json`:\n\n```json\n{\n  \"type\": \"https://example.com/probs/out_of_credit\",\n  \"title\": \"You do not have enough credit.\",\n  \"status\": 403,\n  \"detail\": \"Your current balance is 30.5, but that costs 50.\",\n  \"code\": \"out_of_credit\",\n  \"balance\": 30.5,\n  \"cost\": 50.0\n}\n```\n"
        ),
        "{page}"
    );
    // Without its own title, the body's title is the status's reason
    // phrase, and the Meaning cell has none.
    assert!(
        page.contains(
            "| <a id=\"not_found\"></a>[`not_found`](https://example.com/probs/not_found) | The resource was not found. |"
        ),
        "{page}"
    );
}

#[test]
fn twilio_page_sends_status_and_docs_url_flat() {
    let page = markdown::emit(&body_fixture("twilio"));
    let example = page
        .split("```json\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("an example");
    let keys: Vec<&str> = example
        .lines()
        .filter_map(|line| line.strip_prefix("  \""))
        .filter_map(|line| line.split('"').next())
        .collect();
    assert_eq!(keys, ["code", "message", "more_info", "status"], "{page}");
    assert!(example.contains("\"code\": 21211,"), "{page}");
    assert!(
        example.contains("\"more_info\": \"https://www.twilio.com/docs/errors/21211\""),
        "{page}"
    );
    assert!(example.contains("\"status\": 400\n}"), "{page}");
}

/// A code without a docs URL leaves its member out, an object of the layout
/// left empty is `{}`, and hostile titles and URLs read back as written.
#[test]
fn hostile_titles_and_docs_urls_read_back() {
    let catalog = load(
        r#"title: Hostile (example)
body:
  code: error.code
  message: error.message
  docs: links.doc_url
statuses:
  402:
    codes:
      bare: No docs, no title.
      card_declined:
        message: The card has been declined.
        docs: https://docs.stripe.com/error-codes/card-declined
      hostile:
        title: "*not bold* | <b>x</b> [not](a link) `tick` 1. \\"
        docs: "https://x.test/a_(b)?c=1&copy;|`d`<e>\"f\\"
        message: Hostile title and URL.
      spaced:
        title: "- not a list"
        message: Spaced title.
"#,
    );
    check_page(&catalog);
    let page = markdown::emit(&catalog);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(&page, options()));
    assert!(!html.contains("<b>"), "{html}");
    // The first code has no docs URL: `links` is left empty.
    assert!(
        page.contains(
            "```json\n{\n  \"error\": {\n    \"code\": \"bare\",\n    \"message\": \"No docs, no title.\"\n  },\n  \"links\": {}\n}\n```"
        ),
        "{page}"
    );
}

#[test]
fn bold_titles_survive_unicode_spaces_at_their_edges() {
    let mut catalog = load("title: T\nstatuses:\n  404:\n    codes:\n      gone: Gone.\n");
    // Not a title the loader would refuse: its checks are of the text, not
    // of Markdown.
    catalog.statuses[0].codes[0].title = Some("\u{a0}spaced\u{3000}".to_owned());
    check_page(&catalog);
}

#[test]
fn a_layout_without_codes_shows_placeholders() {
    for code_type in ["string", "integer"] {
        let catalog = load(&format!(
            "title: T\nbody:\n  code: error.code\n  message: error.message\n  status: error.status\n  title: error.title\n  docs: error.type\n  code_type: {code_type}\n  content_type: application/vnd.t+json\ndocs: https://x.test/{{code}}\nstatuses:\n  422: {{}}\n"
        ));
        check_page(&catalog);
        let page = markdown::emit(&catalog);
        assert!(
            page.contains("Every error response has this body, sent as `application/vnd.t+json`:"),
            "{page}"
        );
    }
}
