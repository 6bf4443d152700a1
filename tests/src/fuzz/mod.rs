//! Generators for the fuzz tests (`tests/tests/fuzz.rs`, and the derive's in
//! `error-codes-macro`), on the stable toolchain with proptest.
//!
//! Every target runs a fixed number of cases from a fixed seed, so CI is
//! bounded and repeatable; the environment changes both for a long run:
//!
//! - `FUZZ_CASES`: cases per in-process target (defaults: see each target);
//! - `FUZZ_SAMPLES`: catalogues and enums sent through the external tools
//!   (tsc, the `OpenAPI` validator, a compile) per run, default 8;
//! - `FUZZ_SEED`: the seed, default fixed; any number gives another run.
//!
//! A failure prints the smallest input proptest shrank it to, and the seed.

use std::fmt::Write as _;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

pub mod details;
pub mod go;
pub mod layout;
pub mod python;

pub use details::{ParamSpec, RetrySpec, TypeSpec};
pub use layout::{LayoutSpec, MappingSpec};

/// The runner configuration for a target whose CI run has `default_cases`
/// cases.
///
/// # Panics
/// If `FUZZ_CASES` or `FUZZ_SEED` is set to something other than a number.
#[must_use]
pub fn config(default_cases: u32) -> Config {
    let cases = number("FUZZ_CASES").map_or(default_cases, |cases| {
        u32::try_from(cases).expect("FUZZ_CASES fits in 32 bits")
    });
    Config {
        cases,
        rng_seed: RngSeed::Fixed(seed()),
        failure_persistence: None,
        max_shrink_iters: 4096,
        ..Config::default()
    }
}

/// The seed of this run (`FUZZ_SEED`, or a fixed one).
#[must_use]
pub fn seed() -> u64 {
    number("FUZZ_SEED").unwrap_or(0x00E7_7C0D_E509)
}

/// How many generated inputs go through the slow external tools.
///
/// # Panics
/// If `FUZZ_SAMPLES` is not a number.
#[must_use]
pub fn samples() -> usize {
    number("FUZZ_SAMPLES").map_or(8, |n| usize::try_from(n).expect("FUZZ_SAMPLES fits"))
}

fn number(name: &str) -> Option<u64> {
    let value = std::env::var(name).ok()?;
    Some(
        value
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name} must be a number, not {value:?}")),
    )
}

/// Characters that break careless escaping somewhere: YAML, Markdown, HTML,
/// TypeScript and JSDoc, Rust, JSON, terminals.
const SHARP: &[char] = &[
    '"', '\'', '\\', '`', ':', '#', '-', '?', '{', '}', '[', ']', ',', '&', '*', '!', '|', '>',
    '<', '%', '@', '$', '~', '_', '=', '+', '.', ')', '/', ';', '\n', '\t', ' ', ' ', ' ',
    '\u{a0}', '\u{2028}', '\u{2029}', '\u{feff}', '\u{fffe}', '\u{ffff}', '\u{e000}', '\u{301}',
    '\u{200d}', '\u{5d0}', '\u{627}', '字', '🔥', '𝔘', 'İ', 'ß',
];

/// Whether the catalogue accepts `c` in a text: not a control character
/// other than a line feed or a tab, not a bidirectional control.
fn allowed_in_text(c: char) -> bool {
    let hidden_control = c.is_control() && !matches!(c, '\n' | '\t');
    let bidi_control = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    !hidden_control && !bidi_control
}

fn text_char() -> impl Strategy<Value = char> {
    prop_oneof![
        8 => proptest::char::range(' ', '~'),
        3 => proptest::sample::select(SHARP),
        // Mapped, not filtered: a long run would exceed proptest's budget of
        // rejected values.
        1 => any::<char>().prop_map(|c| if allowed_in_text(c) { c } else { '?' }),
    ]
}

/// A text the catalogue accepts: says something, does not end in a line
/// break, and has no line break at all when `multi_line` is false.
pub fn text(max_len: usize, multi_line: bool) -> impl Strategy<Value = String> {
    proptest::collection::vec(text_char(), 1..=max_len).prop_map(move |chars| {
        let mut text: String = chars
            .into_iter()
            .map(|c| if c == '\n' && !multi_line { ' ' } else { c })
            .collect();
        if text.trim().is_empty() || text.ends_with('\n') {
            text.push('.');
        }
        text
    })
}

/// A valid catalogue, as the model the test expects to load.
#[derive(Debug, Clone)]
pub struct CatalogueSpec {
    /// `title:`.
    pub title: String,
    /// `version:`.
    pub version: Option<String>,
    /// `description:`.
    pub description: Option<String>,
    /// `name:`.
    pub name: Option<String>,
    /// `body:`.
    pub layout: Option<LayoutSpec>,
    /// `docs:`, the docs URL template of every code.
    pub docs: Option<&'static str>,
    /// `types:`, in file order.
    pub types: Vec<TypeSpec>,
    /// The statuses, in file order.
    pub statuses: Vec<StatusSpec>,
    /// The tombstones (`removed:`), in file order.
    pub removed: Vec<RemovedSpec>,
    /// Whether `removed:` comes before `statuses:` in the file.
    pub removed_first: bool,
    /// How each text is written (see [`Style`]), by position.
    pub styles: Vec<Style>,
    /// `outputs:`, in the order written; `None` leaves it out.
    pub outputs: Option<Vec<error_codes_gen::Output>>,
}

/// One tombstone of a [`CatalogueSpec`]: a code no status uses.
#[derive(Debug, Clone)]
pub struct RemovedSpec {
    /// The removed code.
    pub code: String,
    /// `status:`, the status it was sent with (any in 400–599).
    pub status: u16,
    /// Whether the status is written quoted (`status: "401"`).
    pub quoted_status: bool,
    /// `version:`.
    pub version: Option<String>,
    /// `reason:`.
    pub reason: Option<String>,
}

/// One status of a [`CatalogueSpec`].
#[derive(Debug, Clone)]
pub struct StatusSpec {
    /// The status number.
    pub status: u16,
    /// Whether the key is quoted (`"401":`).
    pub quoted_key: bool,
    /// `title:`; `None` only for a status with a standard reason phrase.
    pub title: Option<String>,
    /// `description:`.
    pub description: Option<String>,
    /// `name:`, given whenever `title` is.
    pub name: Option<String>,
    /// `retry:`, the codes' default (`never` or `backoff`).
    pub retry: RetrySpec,
    /// The codes, in file order.
    pub codes: Vec<CodeSpec>,
}

/// One code of a [`StatusSpec`].
#[derive(Debug, Clone)]
pub struct CodeSpec {
    /// The code.
    pub code: String,
    /// Its message, as written: in a code with params, braces doubled and
    /// maybe a placeholder at the end.
    pub message: String,
    /// `params:`, in file order.
    pub params: Vec<ParamSpec>,
    /// `retry:`.
    pub retry: RetrySpec,
    /// `deprecated:`, the deprecation note.
    pub deprecated: Option<String>,
    /// `since:`, the version that added the code.
    pub since: Option<String>,
    /// `name:`, its Rust variant's name (always for an integer code).
    pub name: Option<String>,
    /// `title:`.
    pub title: Option<String>,
    /// `docs:`, its own docs URL template.
    pub docs: Option<&'static str>,
    /// How the code is written; a code with `deprecated`, `since`, params,
    /// `retry`, `name`, `title` or `docs` is never written [`Form::Short`].
    pub form: Form,
}

/// How a code is written in the YAML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `code: message`.
    Short,
    /// A block mapping: `code:` and `message: …` (and the lifecycle keys)
    /// on lines of their own.
    Block,
    /// A flow mapping: `code: {message: …, deprecated: …, since: …}`.
    Flow,
}

/// How a text is written in the YAML.
#[derive(Debug, Clone, Copy)]
pub enum Style {
    /// Double-quoted, with escapes only where YAML needs them.
    Double,
    /// Double-quoted, with every character outside ASCII escaped.
    Escaped,
    /// Single-quoted, when the text has no line break.
    Single,
    /// A literal block (`|-`), when the text's lines allow it.
    Block,
}

/// Statuses with a standard reason phrase that the loader knows, their
/// phrase and the Rust name it gives.
const STANDARD: &[(u16, &str, &str)] = &[
    (400, "Bad Request", "BadRequest"),
    (401, "Unauthorized", "Unauthorized"),
    (403, "Forbidden", "Forbidden"),
    (404, "Not Found", "NotFound"),
    (409, "Conflict", "Conflict"),
    (422, "Unprocessable Entity", "UnprocessableEntity"),
    (429, "Too Many Requests", "TooManyRequests"),
    (500, "Internal Server Error", "InternalServerError"),
    (502, "Bad Gateway", "BadGateway"),
    (503, "Service Unavailable", "ServiceUnavailable"),
];

/// The standard reason phrase of `status` and the Rust name it gives, if
/// the loader knows one.
fn standard(status: u16) -> Option<(&'static str, &'static str)> {
    STANDARD
        .iter()
        .find(|(number, _, _)| *number == status)
        .map(|&(_, phrase, name)| (phrase, name))
}

const WORDS: &[&str] = &[
    "user", "Token", "not", "found", "IN", "use", "rate", "Limit", "a", "b", "x", "otp", "WA",
];

/// What separates the words of a code: every character a code may hold
/// besides letters and digits.
const SEPARATORS: &[&str] = &["_", "-", ".", "/", ":"];

/// A code: two words around a separator and a number unique in the
/// catalogue, so that no two codes meet after case conversion. `marker`
/// keeps the codes of tombstones (`r`) apart from those in use (`n`).
fn code(marker: char, index: usize) -> impl Strategy<Value = String> {
    (
        proptest::sample::select(WORDS),
        proptest::sample::select(SEPARATORS),
        proptest::option::of((
            proptest::sample::select(SEPARATORS),
            proptest::sample::select(WORDS),
        )),
    )
        .prop_map(move |(first, separator, rest)| {
            let mut code = format!("{first}{separator}{marker}{index}x");
            if let Some((separator, word)) = rest {
                code.push_str(separator);
                code.push_str(word);
            }
            code
        })
}

fn status_spec(
    status: u16,
    first_code: usize,
    group: usize,
    types: usize,
    integer: bool,
) -> impl Strategy<Value = StatusSpec> {
    let title = if standard(status).is_some() {
        proptest::option::of(text(24, false)).boxed()
    } else {
        text(24, false).prop_map(Some).boxed()
    };
    let codes = (0..6usize).prop_flat_map(move |count| {
        (0..count)
            .map(|i| {
                let code = if integer {
                    layout::integer_code(first_code + i).boxed()
                } else {
                    code('n', first_code + i).boxed()
                };
                (
                    code,
                    text(60, true),
                    lifecycle(),
                    form(),
                    prop_oneof![2 => Just(Vec::new()), 1 => details::params(types, 3)],
                    details::retry(),
                    any::<bool>(),
                    layout::code_extras(integer, first_code + i),
                )
                    .prop_map(
                        |(
                            code,
                            text,
                            (deprecated, since),
                            form,
                            mut params,
                            retry,
                            placeholder,
                            (name, title, docs),
                        )| {
                            let mut code = code_spec(
                                code,
                                &text,
                                (deprecated, since),
                                form,
                                &mut params,
                                retry,
                                placeholder,
                            );
                            let extra = name.is_some() || title.is_some() || docs.is_some();
                            if extra && code.form == Form::Short {
                                code.form = Form::Block;
                            }
                            (code.name, code.title, code.docs) = (name, title, docs);
                            code
                        },
                    )
            })
            .collect::<Vec<_>>()
    });
    (
        title,
        proptest::option::of(text(40, true)),
        codes,
        any::<bool>(),
        prop_oneof![4 => Just(None), 1 => Just(Some("never")), 1 => Just(Some("backoff"))],
    )
        .prop_map(
            move |(title, description, codes, quoted_key, retry)| StatusSpec {
                status,
                quoted_key,
                name: title.as_ref().map(|_| format!("Group{group}")),
                title,
                description,
                retry,
                codes,
            },
        )
}

/// A code as drawn: `retry: after` brings its `retry_after`, and a code
/// with params has its braces doubled and maybe a placeholder.
fn code_spec(
    code: String,
    text: &str,
    (deprecated, since): (Option<String>, Option<String>),
    form: Form,
    params: &mut Vec<ParamSpec>,
    retry: RetrySpec,
    placeholder: bool,
) -> CodeSpec {
    if retry == Some("after") {
        params.insert(
            0,
            ParamSpec {
                name: "retry_after".to_owned(),
                field: "retry_after".to_owned(),
                ty: "integer".to_owned(),
                optional: false,
                description: None,
                example: None,
                long: false,
            },
        );
    }
    let mut message = text.to_owned();
    if !params.is_empty() {
        message = details::escape_braces(&message);
        let scalar = params.iter().find(|param| {
            !param.optional
                && ["string", "integer", "number", "boolean"].contains(&param.ty.as_str())
        });
        if let (true, Some(param)) = (placeholder, scalar) {
            let _ = write!(message, " {{{}}}", param.name);
        }
    }
    let long = deprecated.is_some() || since.is_some() || !params.is_empty() || retry.is_some();
    CodeSpec {
        code,
        message,
        params: std::mem::take(params),
        retry,
        deprecated,
        since,
        name: None,
        title: None,
        docs: None,
        form: if long && form == Form::Short {
            Form::Block
        } else {
            form
        },
    }
}

/// A code's `deprecated:` note and `since:` version: about one code in
/// four has one or both, drawn like messages.
fn lifecycle() -> impl Strategy<Value = (Option<String>, Option<String>)> {
    prop_oneof![
        9 => Just((None, None)),
        1 => text(60, true).prop_map(|note| (Some(note), None)),
        1 => text(12, true).prop_map(|since| (None, Some(since))),
        1 => (text(60, true), text(12, true)).prop_map(|(note, since)| (Some(note), Some(since))),
    ]
}

fn form() -> impl Strategy<Value = Form> {
    prop_oneof![
        2 => Just(Form::Short),
        1 => Just(Form::Block),
        1 => Just(Form::Flow),
    ]
}

/// Up to four tombstones (none in most catalogues), with codes no status
/// uses, any error status, and maybe a version and a reason.
fn tombstones(integer: bool) -> impl Strategy<Value = Vec<RemovedSpec>> {
    let count = prop_oneof![3 => Just(0usize), 2 => 1..=4usize];
    count.prop_flat_map(move |count| {
        (0..count)
            .map(|i| {
                (
                    // Integer codes apart from those in use (below 50).
                    if integer {
                        layout::integer_code(50 + i).boxed()
                    } else {
                        code('r', i).boxed()
                    },
                    400u16..=599,
                    any::<bool>(),
                    proptest::option::of(text(12, true)),
                    proptest::option::of(text(60, true)),
                )
                    .prop_map(|(code, status, quoted_status, version, reason)| {
                        RemovedSpec {
                            code,
                            status,
                            quoted_status,
                            version,
                            reason,
                        }
                    })
            })
            .collect::<Vec<_>>()
    })
}

/// A valid catalogue of up to six statuses of up to six codes each.
pub fn catalogue() -> impl Strategy<Value = CatalogueSpec> {
    // The layout first: integer codes change every code. Problem details
    // need a docs URL for every code: the catalogue's template.
    layout::layout()
        .prop_flat_map(|layout| {
            let integer = layout.as_ref().is_some_and(LayoutSpec::integer);
            let docs = if matches!(layout, Some(LayoutSpec::Problem)) {
                proptest::sample::select(layout::CATALOGUE_DOCS)
                    .prop_map(Some)
                    .boxed()
            } else {
                proptest::option::weighted(0.3, proptest::sample::select(layout::CATALOGUE_DOCS))
                    .boxed()
            };
            (Just(layout), docs, catalogue_with(integer), outputs())
        })
        .prop_map(|(layout, docs, mut spec, outputs)| {
            spec.layout = layout;
            spec.docs = docs;
            spec.outputs = outputs;
            spec
        })
}

/// `outputs:`: left out in most catalogues, else some outputs in any order.
fn outputs() -> impl Strategy<Value = Option<Vec<error_codes_gen::Output>>> {
    prop_oneof![
        3 => Just(None),
        1 => proptest::sample::subsequence(error_codes_gen::Output::ALL.to_vec(), 1..=5)
            .prop_shuffle()
            .prop_map(Some),
    ]
}

/// A catalogue without `body:` nor `docs:`, its codes integers when
/// `integer`.
fn catalogue_with(integer: bool) -> impl Strategy<Value = CatalogueSpec> {
    let numbers: Vec<u16> = (400..=599).collect();
    // The types first: the params of the statuses' codes use them.
    let types_and_statuses = details::types().prop_flat_map(move |types| {
        let count = types.len();
        let statuses = proptest::sample::subsequence(numbers.clone(), 0..=6)
            .prop_shuffle()
            .prop_flat_map(move |numbers| {
                numbers
                    .iter()
                    .enumerate()
                    .map(|(group, &status)| status_spec(status, group * 6, group, count, integer))
                    .collect::<Vec<_>>()
            });
        (Just(types), statuses)
    });
    (
        text(30, false),
        proptest::option::of(text(12, false)),
        proptest::option::of(text(80, true)),
        proptest::option::of(Just("Top".to_owned())),
        types_and_statuses,
        (tombstones(integer), any::<bool>()),
        proptest::collection::vec(
            prop_oneof![
                Just(Style::Double),
                Just(Style::Escaped),
                Just(Style::Single),
                Just(Style::Block)
            ],
            64,
        ),
    )
        .prop_map(
            |(
                title,
                version,
                description,
                name,
                (types, statuses),
                (removed, removed_first),
                styles,
            )| {
                CatalogueSpec {
                    title,
                    version,
                    description,
                    name,
                    layout: None,
                    docs: None,
                    types,
                    statuses,
                    removed,
                    removed_first,
                    styles,
                    outputs: None,
                }
            },
        )
}

impl CatalogueSpec {
    /// The catalogue as YAML, each text in the style drawn for it.
    ///
    /// # Panics
    /// If the spec has no styles.
    #[must_use]
    pub fn yaml(&self) -> String {
        let mut styles = self.styles.iter().cycle();
        let mut scalar = |text: &str, indent: usize| scalar(text, *styles.next().unwrap(), indent);
        let mut out = String::new();
        let _ = writeln!(out, "title: {}", scalar(&self.title, 0));
        if let Some(version) = &self.version {
            let _ = writeln!(out, "version: {}", scalar(version, 0));
        }
        if let Some(description) = &self.description {
            let _ = writeln!(out, "description: {}", scalar(description, 0));
        }
        if let Some(name) = &self.name {
            let _ = writeln!(out, "name: {name}");
        }
        if let Some(layout) = &self.layout {
            out.push_str(&layout.yaml());
        }
        if let Some(docs) = self.docs {
            let _ = writeln!(out, "docs: {}", double_quoted(docs, false));
        }
        if let Some(outputs) = &self.outputs {
            let words: Vec<&str> = outputs.iter().map(|output| output.word()).collect();
            let _ = writeln!(out, "outputs: [{}]", words.join(", "));
        }
        if !self.types.is_empty() {
            out.push_str("types:\n");
        }
        for ty in &self.types {
            let _ = writeln!(out, "  {}:", ty.name);
            if let Some(description) = &ty.description {
                let _ = writeln!(out, "    description: {}", scalar(description, 4));
            }
            out.push_str(&details::params_yaml("fields", &ty.fields, 4));
        }
        let mut removed = String::new();
        if !self.removed.is_empty() {
            removed.push_str("removed:\n");
        }
        for tombstone in &self.removed {
            let _ = writeln!(removed, "  {}:", tombstone.code);
            if tombstone.quoted_status {
                let _ = writeln!(removed, "    status: \"{}\"", tombstone.status);
            } else {
                let _ = writeln!(removed, "    status: {}", tombstone.status);
            }
            if let Some(version) = &tombstone.version {
                let _ = writeln!(removed, "    version: {}", scalar(version, 4));
            }
            if let Some(reason) = &tombstone.reason {
                let _ = writeln!(removed, "    reason: {}", scalar(reason, 4));
            }
        }
        if self.removed_first {
            out.push_str(&removed);
        }
        if self.statuses.is_empty() {
            out.push_str("statuses: {}\n");
        } else {
            out.push_str("statuses:\n");
        }
        for status in &self.statuses {
            if status.quoted_key {
                let _ = writeln!(out, "  \"{}\":", status.status);
            } else {
                let _ = writeln!(out, "  {}:", status.status);
            }
            if let Some(title) = &status.title {
                let _ = writeln!(out, "    title: {}", scalar(title, 4));
            }
            if let Some(description) = &status.description {
                let _ = writeln!(out, "    description: {}", scalar(description, 4));
            }
            if let Some(name) = &status.name {
                let _ = writeln!(out, "    name: {name}");
            }
            if let Some(retry) = status.retry {
                let _ = writeln!(out, "    retry: {retry}");
            }
            if status.codes.is_empty() {
                out.push_str("    codes: {}\n");
                continue;
            }
            out.push_str("    codes:\n");
            for code in &status.codes {
                code_yaml(code, &mut scalar, &mut out);
            }
        }
        if !self.removed_first {
            out.push_str(&removed);
        }
        out
    }

    /// The title the loader gives `status`: its own or the standard phrase.
    ///
    /// # Panics
    /// If `status` has neither.
    #[must_use]
    pub fn title_of(status: &StatusSpec) -> String {
        status.title.clone().unwrap_or_else(|| {
            let (phrase, _) =
                standard(status.status).expect("only standard statuses go without a title");
            phrase.to_owned()
        })
    }

    /// The Rust name the loader gives `status`.
    ///
    /// # Panics
    /// If `status` has neither its own name nor a standard phrase.
    #[must_use]
    pub fn name_of(status: &StatusSpec) -> String {
        status.name.clone().unwrap_or_else(|| {
            let (_, name) =
                standard(status.status).expect("only standard statuses go without a name");
            name.to_owned()
        })
    }
}

/// One code of a status, in the form drawn for it.
fn code_yaml(code: &CodeSpec, scalar: &mut impl FnMut(&str, usize) -> String, out: &mut String) {
    let fields = [
        ("message", Some(&code.message)),
        ("deprecated", code.deprecated.as_ref()),
        ("since", code.since.as_ref()),
        ("title", code.title.as_ref()),
    ];
    // An integer code's key is sometimes quoted; the loader reads both.
    let key = if code.code.bytes().all(|b| b.is_ascii_digit()) && code.code.len().is_multiple_of(2)
    {
        format!("\"{}\"", code.code)
    } else {
        code.code.clone()
    };
    let fields = fields
        .into_iter()
        .filter_map(|(key, value)| Some((key, value?)));
    match code.form {
        Form::Short => {
            let _ = writeln!(out, "      {key}: {}", scalar(&code.message, 6));
        }
        Form::Block => {
            let _ = writeln!(out, "      {key}:");
            for (key, value) in fields {
                let _ = writeln!(out, "        {key}: {}", scalar(value, 8));
            }
            if let Some(name) = &code.name {
                let _ = writeln!(out, "        name: {name}");
            }
            if let Some(docs) = code.docs {
                let _ = writeln!(out, "        docs: {}", double_quoted(docs, false));
            }
            if let Some(retry) = code.retry {
                let _ = writeln!(out, "        retry: {retry}");
            }
            if !code.params.is_empty() {
                out.push_str(&details::params_yaml("params", &code.params, 8));
            }
        }
        Form::Flow => {
            // A block scalar cannot sit in a flow mapping: the
            // text falls back to double quotes.
            let mut fields: Vec<String> = fields
                .map(|(key, value)| {
                    let text = scalar(value, 8);
                    if text.starts_with('|') {
                        format!("{key}: {}", double_quoted(value, false))
                    } else {
                        format!("{key}: {text}")
                    }
                })
                .collect();
            if let Some(retry) = code.retry {
                fields.push(format!("retry: {retry}"));
            }
            if let Some(name) = &code.name {
                fields.push(format!("name: {name}"));
            }
            if let Some(docs) = code.docs {
                fields.push(format!("docs: {}", double_quoted(docs, false)));
            }
            if !code.params.is_empty() {
                fields.push(format!("params: {}", details::params_flow(&code.params)));
            }
            let _ = writeln!(out, "      {key}: {{{}}}", fields.join(", "));
        }
    }
}

/// `text` as a YAML scalar in `style`, for a value at `indent` columns,
/// falling back to double quotes where the style cannot carry the text.
fn scalar(text: &str, style: Style, indent: usize) -> String {
    match style {
        Style::Single if !text.contains('\n') && text.chars().all(printable) => {
            format!("'{}'", text.replace('\'', "''"))
        }
        Style::Block if block_safe(text) => {
            let pad = " ".repeat(indent + 2);
            let mut out = String::from("|-");
            for line in text.split('\n') {
                out.push('\n');
                if !line.is_empty() {
                    out.push_str(&pad);
                    out.push_str(line);
                }
            }
            out
        }
        Style::Escaped => double_quoted(text, true),
        _ => double_quoted(text, false),
    }
}

/// Whether YAML may carry `c` unescaped (its printable set, less the
/// characters some parsers take for line breaks or a byte order mark).
fn printable(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
        && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// Whether a literal block keeps `text` exactly: printable lines with no
/// tab, no leading space on the first line (it would set the indentation) and
/// no trailing spaces (kept, but easy to lose), and no blank last line.
fn block_safe(text: &str) -> bool {
    text.chars().all(|c| c == '\n' || printable(c))
        && !text.starts_with([' ', '\n'])
        && !text.contains(" \n")
        && !text.ends_with(' ')
        && !text.ends_with('\n')
}

fn double_quoted(text: &str, escape_all: bool) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_ascii() && printable(c) => out.push(c),
            c if printable(c) && !escape_all => out.push(c),
            c if u32::from(c) <= 0xFFFF => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => {
                let _ = write!(out, "\\U{:08X}", u32::from(c));
            }
        }
    }
    out.push('"');
    out
}

/// A hand-written enum for `#[derive(ErrorCode)]`, and what it must give.
#[derive(Debug, Clone)]
pub struct EnumCase {
    /// The enum's source, `#[derive(…)]` included.
    pub source: String,
    /// The enum's name.
    pub name: String,
    /// Each variant's name, code, message and status when the enum is
    /// valid; `None` when the derive must refuse it.
    pub expected: Option<Vec<(String, String, String, u16)>>,
}

/// One way to get a variant wrong, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flaw {
    None,
    StatusOutOfRange,
    NoMessage,
    EmptyMessage,
    UnknownKey,
    KeyTwice,
    HiddenCharacter,
    SpaceInCode,
    DuplicateCode,
    Fields,
    NoAttribute,
    Malformed,
}

fn flaw() -> impl Strategy<Value = Flaw> {
    prop_oneof![
        40 => Just(Flaw::None),
        1 => Just(Flaw::StatusOutOfRange),
        1 => Just(Flaw::NoMessage),
        1 => Just(Flaw::EmptyMessage),
        1 => Just(Flaw::UnknownKey),
        1 => Just(Flaw::KeyTwice),
        1 => Just(Flaw::HiddenCharacter),
        1 => Just(Flaw::SpaceInCode),
        1 => Just(Flaw::DuplicateCode),
        1 => Just(Flaw::Fields),
        1 => Just(Flaw::NoAttribute),
        1 => Just(Flaw::Malformed),
    ]
}

const IDENT_WORDS: &[&str] = &[
    "User", "Not", "Found", "Number", "In", "Use", "Gone", "Token",
];

/// A variant: its name from words (the default code is those words in
/// `snake_case`), its status and message, maybe an explicit code, and a flaw.
fn variant(
    index: usize,
) -> impl Strategy<Value = (String, String, u16, String, Option<String>, Flaw)> {
    (
        proptest::collection::vec(proptest::sample::select(IDENT_WORDS), 1..=3),
        400u16..=599,
        text(40, true),
        proptest::option::of(proptest::collection::vec(
            any::<char>().prop_map(|c| {
                if c.is_whitespace() || c.is_control() || !allowed_in_text(c) {
                    '_'
                } else {
                    c
                }
            }),
            1..12,
        )),
        flaw(),
    )
        .prop_map(move |(words, status, message, code, flaw)| {
            let ident = format!("{}{index}", words.concat());
            let default_code = format!(
                "{}{index}",
                words
                    .iter()
                    .map(|word| word.to_lowercase())
                    .collect::<Vec<_>>()
                    .join("_")
            );
            // An explicit code stays unique by carrying the index too.
            let code =
                code.map(|chars| format!("{}#{index}", chars.into_iter().collect::<String>()));
            (ident, default_code, status, message, code, flaw)
        })
}

/// An enum for the derive: mostly valid, sometimes with one or more flaws
/// that the derive must report.
pub fn derive_enum() -> impl Strategy<Value = EnumCase> {
    (
        proptest::collection::vec(Just(()), 0..=6).prop_flat_map(|slots| {
            (0..slots.len()).map(variant).collect::<Vec<_>>()
        }),
        any::<u16>(),
        any::<bool>(),
    )
        .prop_map(|(variants, number, suffixed)| {
            let name = format!("Fuzzed{number}");
            let mut source = format!("#[derive(Debug, Clone, Copy, ::error_codes::ErrorCode)]\npub enum {name} {{\n");
            let mut expected = Some(Vec::new());
            for (ident, default_code, status, message, code, flaw) in &variants {
                if *flaw != Flaw::None {
                    expected = None;
                }
                let status_literal = match flaw {
                    Flaw::StatusOutOfRange => format!("{}", status + 200),
                    _ if suffixed => format!("{status}u16"),
                    _ => status.to_string(),
                };
                let message_literal = match flaw {
                    Flaw::EmptyMessage => "\"  \"".to_owned(),
                    Flaw::HiddenCharacter => format!("{:?}", format!("{message}\u{202e}")),
                    _ => format!("{message:?}"),
                };
                let mut keys = vec![format!("status = {status_literal}")];
                if *flaw != Flaw::NoMessage {
                    keys.push(format!("message = {message_literal}"));
                }
                let used_code = match flaw {
                    Flaw::SpaceInCode => Some(format!("{} x", code.as_deref().unwrap_or("a"))),
                    Flaw::DuplicateCode => Some("same".to_owned()),
                    _ => code.clone(),
                };
                if let Some(code) = &used_code {
                    keys.push(format!("code = {code:?}"));
                }
                match flaw {
                    Flaw::UnknownKey => keys.push("retry_after = 5".to_owned()),
                    Flaw::KeyTwice => keys.push(format!("status = {status}")),
                    _ => {}
                }
                let attribute = match flaw {
                    Flaw::NoAttribute => String::new(),
                    Flaw::Malformed => format!("    #[error_code(status {status})]\n"),
                    _ => format!("    #[error_code({})]\n", keys.join(", ")),
                };
                let fields = if *flaw == Flaw::Fields { "(u8)" } else { "" };
                let _ = write!(source, "    /// A variant.\n{attribute}    {ident}{fields},\n");
                if let Some(expected) = &mut expected {
                    let code = used_code.unwrap_or_else(|| default_code.clone());
                    expected.push((ident.clone(), code, message.clone(), *status));
                }
            }
            // One duplicate needs a second use of the code to be a flaw.
            if variants.iter().filter(|v| v.5 == Flaw::DuplicateCode).count() == 1 {
                source.push_str(
                    "    /// Its twin.\n    #[error_code(status = 500, code = \"same\", message = \"Twin.\")]\n    Twin,\n",
                );
            }
            source.push_str("}\n");
            EnumCase {
                source,
                name,
                expected,
            }
        })
}
