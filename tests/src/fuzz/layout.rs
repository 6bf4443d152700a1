//! Generators for the body's layout (`body:`), the docs URLs (`docs:` on
//! the catalogue and on codes) and the codes' own names and titles.
//!
//! Layouts are valid by construction: member names come from two pools
//! that share no name, objects (`CONTAINERS`) and parts (`LEAVES`), so no
//! part's path runs through another part and no two parts meet; each part
//! takes a leaf of its own; `details` is a leaf only the details take, so
//! the default `details` (beside the code) meets nothing; and no param name
//! the generators draw (`count0`, `retry_after`, …) is a member name, so
//! spread params meet no member. Docs and details, which a body may leave
//! out, only go into objects that also hold a part every body sends, so no
//! object is ever empty.

use std::fmt::Write as _;

use proptest::prelude::*;

use error_codes_gen::{Body, CodeType, Part, Path};

/// The layout a catalogue declares.
#[derive(Debug, Clone)]
pub enum LayoutSpec {
    /// `body: problem`.
    Problem,
    /// A `body:` mapping.
    Mapping(MappingSpec),
}

/// A `body:` mapping, as written.
#[derive(Debug, Clone)]
pub struct MappingSpec {
    /// The parts' keys and paths, in the file's order (`("code",
    /// "error.code")`).
    pub parts: Vec<(Part, String)>,
    /// `code_type:` as written, if at all.
    pub code_type: Option<CodeType>,
    /// `content_type:`, if written.
    pub content_type: Option<String>,
    /// Whether `code_type:` and `content_type:` come before the parts.
    pub settings_first: bool,
}

/// Names of objects of the body, never the name of a part.
const CONTAINERS: &[&str] = &["error", "data", "e-1", "$meta", "@ctx", "Err"];

/// Names of parts of the body, never an object's, never `details`, never
/// a param's.
const LEAVES: &[&str] = &[
    "code",
    "message",
    "msg",
    "detail",
    "status",
    "docs",
    "doc_url",
    "title",
    "type",
    "more_info",
    "x_code",
    "v2",
    "Error-Code",
    "$c",
    "@m",
];

/// Catalogue docs templates (`docs:`), every placeholder form.
pub const CATALOGUE_DOCS: &[&str] = &[
    "https://docs.example.com/errors/{code}",
    "https://x.test/{status}/{code}#top",
    "http://example.com/errors",
    "https://e.test/{status}?c={code}&s={status}",
];

/// A code's own docs templates (`docs:` on a code).
pub const CODE_DOCS: &[&str] = &[
    "https://own.test/{code}",
    "https://own.test/{status}/page",
    "http://own.test/plain",
];

/// Media types a mapping may declare.
const CONTENT_TYPES: &[&str] = &[
    "application/json",
    "application/vnd.fuzz+json",
    "application/problem+json",
];

impl LayoutSpec {
    /// Whether the codes are integers.
    #[must_use]
    pub fn integer(&self) -> bool {
        matches!(self, Self::Mapping(mapping) if mapping.code_type == Some(CodeType::Integer))
    }

    /// `body:` as YAML, at the top level.
    #[must_use]
    pub fn yaml(&self) -> String {
        let mapping = match self {
            Self::Problem => return "body: problem\n".to_owned(),
            Self::Mapping(mapping) => mapping,
        };
        let mut settings = String::new();
        if let Some(code_type) = mapping.code_type {
            let _ = writeln!(settings, "  code_type: {}", code_type.word());
        }
        if let Some(content_type) = &mapping.content_type {
            let _ = writeln!(settings, "  content_type: {content_type:?}");
        }
        let mut out = String::from("body:\n");
        if mapping.settings_first {
            out.push_str(&settings);
        }
        for (part, path) in &mapping.parts {
            // `*` and names starting with `$` or `@` are quoted: YAML
            // reads `*` as an alias and `@` is reserved.
            let _ = writeln!(out, "  {}: {path:?}", part.key());
        }
        if !mapping.settings_first {
            out.push_str(&settings);
        }
        out
    }

    /// The model the loader gives: the parts in file order, the details
    /// beside the code when the file places them nowhere.
    ///
    /// # Panics
    /// If the mapping has no code (the generator always gives one).
    #[must_use]
    pub fn expected(&self) -> Body {
        let mapping = match self {
            Self::Problem => return Body::problem(Some(1)),
            Self::Mapping(mapping) => mapping,
        };
        let mut parts: Vec<(Part, Path)> = mapping
            .parts
            .iter()
            .map(|(part, path)| (*part, Path::parse(path)))
            .collect();
        if !parts.iter().any(|(part, _)| *part == Part::Details) {
            let code = &parts
                .iter()
                .find(|(part, _)| *part == Part::Code)
                .expect("a mapping has a code")
                .1;
            let mut members = code.parent().to_vec();
            members.push("details".to_owned());
            parts.push((Part::Details, Path::parse(&members.join("."))));
        }
        let mut body = Body::default();
        body.parts = parts;
        body.code_type = mapping.code_type.unwrap_or_default();
        body.content_type = mapping
            .content_type
            .clone()
            .unwrap_or_else(|| error_codes_gen::JSON_MEDIA_TYPE.to_owned());
        body.line = Some(1);
        body
    }
}

/// Where a part goes: the index of its object, and for the details whether
/// they are spread into it.
type Placement = (usize, bool);

/// A layout: none in half the catalogues, `body: problem` in some, a
/// mapping in the rest, a third of the mappings with integer codes.
pub fn layout() -> impl Strategy<Value = Option<LayoutSpec>> {
    prop_oneof![
        4 => Just(None),
        1 => Just(Some(LayoutSpec::Problem)),
        3 => mapping().prop_map(|mapping| Some(LayoutSpec::Mapping(mapping))),
    ]
}

fn mapping() -> impl Strategy<Value = MappingSpec> {
    let containers = proptest::collection::vec(
        proptest::collection::vec(proptest::sample::select(CONTAINERS), 1..=2),
        0..=2,
    )
    .prop_map(|drawn| {
        let mut containers: Vec<Vec<&'static str>> = vec![Vec::new()];
        for path in drawn {
            if !containers.contains(&path) {
                containers.push(path);
            }
        }
        containers
    });
    containers.prop_flat_map(|containers| {
        let count = containers.len();
        let place = move || 0..count;
        (
            Just(containers),
            // Code and message, always; status and title, sometimes.
            (place(), place()),
            proptest::option::weighted(0.3, place()),
            proptest::option::weighted(0.3, place()),
            // Docs and details: which of the objects above, by index into
            // the objects that hold a part every body sends.
            proptest::option::weighted(0.4, any::<prop::sample::Index>()),
            proptest::option::weighted(
                0.7,
                (any::<prop::sample::Index>(), any::<bool>(), any::<bool>()),
            ),
            Just(LEAVES.to_vec()).prop_shuffle(),
            (
                prop_oneof![
                    3 => Just(None),
                    1 => Just(Some(CodeType::String)),
                    2 => Just(Some(CodeType::Integer)),
                ],
                proptest::option::weighted(0.3, proptest::sample::select(CONTENT_TYPES)),
                any::<bool>(),
            ),
            any::<prop::sample::Index>(),
        )
            .prop_map(
                |(
                    containers,
                    (code, message),
                    status,
                    title,
                    docs,
                    details,
                    leaves,
                    (code_type, content_type, settings_first),
                    order,
                )| {
                    let mut placed: Vec<(Part, Placement)> = vec![
                        (Part::Code, (code, false)),
                        (Part::Message, (message, false)),
                    ];
                    placed.extend(status.map(|at| (Part::Status, (at, false))));
                    placed.extend(title.map(|at| (Part::Title, (at, false))));
                    let mut sent: Vec<usize> = placed.iter().map(|(_, (at, _))| *at).collect();
                    sent.sort_unstable();
                    sent.dedup();
                    placed.extend(docs.map(|index| (Part::Docs, (*index.get(&sent), false))));
                    placed
                        .extend(details.map(|(index, spread, _)| {
                            (Part::Details, (*index.get(&sent), spread))
                        }));
                    let named_details = details.is_some_and(|(_, _, named)| named);
                    let mut leaves = leaves.into_iter();
                    let mut parts: Vec<(Part, String)> = placed
                        .into_iter()
                        .map(|(part, (at, spread))| {
                            let mut members: Vec<&str> = containers[at].clone();
                            if spread {
                                members.push("*");
                            } else if part == Part::Details && named_details {
                                members.push("details");
                            } else {
                                members.push(leaves.next().expect("more leaves than parts"));
                            }
                            (part, members.join("."))
                        })
                        .collect();
                    // Any order of keys: rotate the parts, then swap two.
                    let len = parts.len();
                    parts.rotate_left(order.index(len));
                    parts.swap(0, order.index(len * 7 + 3) % len);
                    MappingSpec {
                        parts,
                        code_type,
                        content_type: content_type.map(str::to_owned),
                        settings_first,
                    }
                },
            )
    })
}

/// What a code of a catalogue with `layout` may add to its long form: its
/// own Rust name (always for an integer code), title and docs template.
pub fn code_extras(
    integer: bool,
    index: usize,
) -> impl Strategy<Value = (Option<String>, Option<String>, Option<&'static str>)> {
    let name = if integer {
        Just(Some(format!("Numbered{index}"))).boxed()
    } else {
        proptest::option::weighted(0.1, Just(format!("Named{index}"))).boxed()
    };
    (
        name,
        proptest::option::weighted(0.2, super::text(24, false)),
        proptest::option::weighted(0.15, proptest::sample::select(CODE_DOCS)),
    )
}

/// An integer code, unique in the catalogue by its last two digits
/// (`index` is below 100): small, large, or near 2^53 - 1, the largest the
/// loader admits (the largest integer a JavaScript client reads exactly).
pub fn integer_code(index: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        1 => Just(0u64),
        3 => 1u64..=99_999,
        1 => 90_071_992_547_000u64..=90_071_992_547_409,
    ]
    .prop_map(move |prefix| (prefix * 100 + index as u64).to_string())
}

/// A docs template with `{code}` and `{status}` filled in.
#[must_use]
pub fn resolve(template: &str, code: &str, status: u16) -> String {
    template
        .replace("{code}", code)
        .replace("{status}", &status.to_string())
}
