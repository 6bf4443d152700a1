//! Fuzzing with the stable toolchain (proptest), through the public API only.
//!
//! - `loader_on_arbitrary_bytes`: `Catalog::from_bytes` on random bytes, on
//!   YAML-token soup and on valid catalogues with random edits: it never
//!   panics, and every error is a list of one-line diagnostics, each located
//!   in the file (or about the file as a whole, for an encoding).
//! - `valid_catalogues_read_back_by_their_parsers`: a generator of valid
//!   catalogues, each written in YAML with mixed scalar styles, loaded, and
//!   every output read back by a real parser and compared with the model:
//!   the Rust through `syn` (and `prettyplease`, whose output must parse to
//!   the same tokens), `OpenAPI` through a YAML parser, Markdown through
//!   pulldown-cmark, recovering every heading and table cell.
//! - `sampled_catalogues_and_enums_through_tsc_the_validator_and_rustc`: the
//!   largest generated catalogues through tsc (strict) and Node, through
//!   `check_openapi.py` (`PyYAML`, libyaml and openapi-spec-validator), and
//!   through `include_errors!` in a compiled crate, together with generated
//!   `#[derive(ErrorCode)]` enums, whose values the crate prints.
//!
//! The derive's expansion on arbitrary enums, valid or not, is fuzzed in
//! process in `error-codes-macro/src/derive.rs`.
//!
//! Bounded for CI (fixed seed and case counts, about 20 s in all); see
//! `error_codes_tests::fuzz` for `FUZZ_CASES`, `FUZZ_SAMPLES` and `FUZZ_SEED`.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::Command;

use error_codes_gen::{Catalog, documents, markdown, openapi, rust, typescript};
use error_codes_tests::fuzz::{self, CatalogueSpec, EnumCase};
use error_codes_tests::{
    node, openapi_expectation, python, scratch_crates_target, scratch_manifest, seed_lockfile,
    target_dir, tools, workspace_root, write_if_changed,
};
use proptest::prelude::*;
use proptest::strategy::ValueTree as _;
use proptest::test_runner::{TestCaseError, TestRunner};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde_json::{Value, json};

// ---- The loader on arbitrary bytes -----------------------------------------

/// YAML syntax, the format's keys, and characters that parsers trip on.
const TOKENS: &[&str] = &[
    "title:",
    "statuses:",
    "codes:",
    "message:",
    "name:",
    "description:",
    "version:",
    "removed:",
    "deprecated:",
    "since:",
    "status:",
    "reason:",
    "401:",
    "404:",
    "999:",
    "\"401\":",
    " ",
    "  ",
    "    ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "- ",
    "? ",
    ": ",
    ":",
    "{",
    "}",
    "[",
    "]",
    ",",
    "&a ",
    "*a",
    "!!str ",
    "!!binary ",
    "!tag ",
    "<<: ",
    "---\n",
    "...\n",
    "%YAML 1.2\n",
    "\"",
    "'",
    "#",
    "|",
    ">",
    "|-\n",
    "\\",
    "\\u202E",
    "\\x",
    "\u{202E}",
    "\u{FEFF}",
    "\0",
    "\u{1b}",
    "~",
    "null",
    "yes",
    "1e9",
    "0x1F",
    ".inf",
    "a",
    "x_y",
    "self",
    "ALL",
    "Ünï",
    "🔥",
    "\u{85}",
    "\u{2028}",
];

fn seeds() -> Vec<Vec<u8>> {
    let fixtures = workspace_root().join("tests").join("fixtures");
    let mut seeds = vec![
        fs::read(workspace_root().join("errors.yaml")).unwrap(),
        fs::read(fixtures.join("hostile.yaml")).unwrap(),
        fs::read(fixtures.join("no-codes.yaml")).unwrap(),
        error_codes_tests::bad_input::VALID.as_bytes().to_vec(),
    ];
    seeds.push(
        b"title: T\nremoved:\n  old:\n    status: 401\n    version: 2.0.0\n    reason: Gone.\nstatuses:\n  \
          401:\n    codes:\n      a:\n        message: A.\n        deprecated: Use b.\n        since: 1.0.0\n"
            .to_vec(),
    );
    seeds
}

/// One edit of a byte string: where, what, and with which token or byte.
#[derive(Debug, Clone)]
enum Edit {
    Insert(prop::sample::Index, &'static str),
    Delete(prop::sample::Index, usize),
    Replace(prop::sample::Index, u8),
    DuplicateLine(prop::sample::Index),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<prop::sample::Index>(), prop::sample::select(TOKENS)).prop_map(|(at, token)| Edit::Insert(at, token)),
        2 => (any::<prop::sample::Index>(), 1..40usize).prop_map(|(at, len)| Edit::Delete(at, len)),
        2 => (any::<prop::sample::Index>(), any::<u8>()).prop_map(|(at, byte)| Edit::Replace(at, byte)),
        1 => any::<prop::sample::Index>().prop_map(Edit::DuplicateLine),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for edit in edits {
        let at = |index: &prop::sample::Index, len: usize| index.index(len + 1);
        match edit {
            Edit::Insert(index, token) => {
                let at = at(index, bytes.len());
                bytes.splice(at..at, token.bytes());
            }
            Edit::Delete(index, len) => {
                let at = at(index, bytes.len());
                let end = (at + len).min(bytes.len());
                bytes.drain(at..end);
            }
            Edit::Replace(index, byte) if !bytes.is_empty() => {
                let at = index.index(bytes.len());
                bytes[at] = *byte;
            }
            Edit::Replace(..) => {}
            Edit::DuplicateLine(index) => {
                let at = at(index, bytes.len());
                let start = bytes[..at]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1);
                let end = bytes[at..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |i| at + i + 1);
                let line = bytes[start..end].to_vec();
                bytes.splice(start..start, line);
            }
        }
    }
    bytes
}

fn hostile_bytes() -> impl Strategy<Value = Vec<u8>> {
    let seeds = seeds();
    prop_oneof![
        1 => prop::collection::vec(any::<u8>(), 0..200),
        2 => prop::collection::vec(prop::sample::select(TOKENS), 0..60).prop_map(|tokens| tokens.concat().into_bytes()),
        5 => (prop::sample::select(seeds), prop::collection::vec(edit(), 1..8)).prop_map(|(seed, edits)| apply(seed, &edits)),
    ]
}

#[test]
fn loader_on_arbitrary_bytes() {
    let mut runner = TestRunner::new(fuzz::config(2000));
    let (accepted, refused) = (RefCell::new(0u32), RefCell::new(0u32));
    let result = runner.run(&hostile_bytes(), |bytes| {
        match Catalog::from_bytes(&bytes, "fuzz.yaml") {
            Ok(catalog) => {
                *accepted.borrow_mut() += 1;
                // Whatever loads, every emitter takes.
                let _ = documents(&catalog);
                let _ = rust::emit(&catalog);
            }
            Err(error) => {
                *refused.borrow_mut() += 1;
                check_diagnostics(&bytes, &error)?;
            }
        }
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{failure}\n(FUZZ_SEED={:#x})", fuzz::seed());
    }
    eprintln!(
        "loader: {} inputs loaded, {} refused, none panicked",
        accepted.borrow(),
        refused.borrow()
    );
}

fn check_diagnostics(bytes: &[u8], error: &error_codes_gen::Error) -> Result<(), TestCaseError> {
    // Lines as YAML counts them: a line break is CR LF, LF, or a lone CR.
    let lines = 1 + bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count();
    prop_assert!(
        !error.diagnostics().is_empty(),
        "an error without diagnostics"
    );
    for diagnostic in error.diagnostics() {
        let message = &diagnostic.message;
        prop_assert_eq!(&diagnostic.file, "fuzz.yaml");
        prop_assert!(!message.trim().is_empty(), "an empty message");
        prop_assert!(
            !message.chars().any(char::is_control),
            "not one line: {:?}",
            message
        );
        match diagnostic.line {
            Some(line) => {
                prop_assert!(
                    (1..=lines).contains(&line) && diagnostic.column >= 1,
                    "{}:{} is outside the file ({} lines): {}",
                    line,
                    diagnostic.column,
                    lines,
                    message
                );
            }
            None => prop_assert!(message.contains("UTF-16"), "not located: {}", message),
        }
        let shown = diagnostic.to_string();
        let head = format!("{}: {message}", diagnostic.location());
        prop_assert_eq!(shown.lines().next(), Some(head.as_str()));
    }
    Ok(())
}

// ---- Valid catalogues, read back ------------------------------------------

#[test]
fn valid_catalogues_read_back_by_their_parsers() {
    let mut runner = TestRunner::new(fuzz::config(200));
    let codes = RefCell::new(0usize);
    let result = runner.run(&fuzz::catalogue(), |spec| {
        let yaml = spec.yaml();
        let catalog = Catalog::from_yaml(&yaml, "fuzz.yaml").map_err(|error| {
            TestCaseError::fail(format!("refused:\n{error}\n--- yaml:\n{yaml}"))
        })?;
        check_model(&spec, &catalog).map_err(|problem| fail(&problem, &yaml))?;
        check_rust(&catalog).map_err(|problem| fail(&problem, &yaml))?;
        check_openapi(&catalog).map_err(|problem| fail(&problem, &yaml))?;
        check_markdown(&catalog).map_err(|problem| fail(&problem, &yaml))?;
        *codes.borrow_mut() += catalog.codes().count();
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{failure}\n(FUZZ_SEED={:#x})", fuzz::seed());
    }
    eprintln!(
        "catalogues: {} read back through syn, prettyplease, YAML and pulldown-cmark, {} codes",
        runner.config().cases,
        codes.borrow()
    );
}

fn fail(problem: &str, yaml: &str) -> TestCaseError {
    TestCaseError::fail(format!("{problem}\n--- yaml:\n{yaml}"))
}

/// The loaded catalogue is the model the YAML was written from.
fn check_model(spec: &CatalogueSpec, catalog: &Catalog) -> Result<(), String> {
    let same = |what: &str, a: &dyn std::fmt::Debug, b: &dyn std::fmt::Debug| {
        let (a, b) = (format!("{a:?}"), format!("{b:?}"));
        if a == b {
            Ok(())
        } else {
            Err(format!("loaded {what} {a}, written {b}"))
        }
    };
    same("title", &catalog.title, &spec.title)?;
    same("version", &catalog.version, &spec.version)?;
    same("description", &catalog.description, &spec.description)?;
    same(
        "name",
        &catalog.name,
        &spec.name.as_deref().unwrap_or("ApiError"),
    )?;
    same(
        "status count",
        &catalog.statuses.len(),
        &spec.statuses.len(),
    )?;
    for (status, written) in catalog.statuses.iter().zip(&spec.statuses) {
        same("status", &status.status, &written.status)?;
        same(
            "status title",
            &status.title,
            &CatalogueSpec::title_of(written),
        )?;
        same(
            "status description",
            &status.description,
            &written.description,
        )?;
        same(
            "status name",
            &status.name,
            &CatalogueSpec::name_of(written),
        )?;
        let codes: Vec<(&str, &str)> = status
            .codes
            .iter()
            .map(|c| (c.code.as_str(), c.message.as_str()))
            .collect();
        let expected: Vec<(&str, &str)> = written
            .codes
            .iter()
            .map(|c| (c.code.as_str(), c.message.as_str()))
            .collect();
        same("codes", &codes, &expected)?;
    }
    Ok(())
}

/// The Rust parses, survives `prettyplease`, and every group's `code()`,
/// `message()` and `status()` give the catalogue's values.
fn check_rust(catalog: &Catalog) -> Result<(), String> {
    let tokens = rust::emit(catalog);
    let file: syn::File =
        syn::parse2(tokens).map_err(|error| format!("the Rust does not parse: {error}"))?;
    let pretty = prettyplease::unparse(&file);
    let reparsed: syn::File = syn::parse_str(&pretty)
        .map_err(|error| format!("prettyplease's output does not parse: {error}"))?;
    // Not token for token (a `///` comment comes back as a raw string), but a
    // fixed point: formatting the formatted code changes nothing.
    if prettyplease::unparse(&reparsed) != pretty {
        return Err("prettyplease's output formats differently a second time".to_owned());
    }
    for status in catalog.groups() {
        let arms = |function: &str| impl_arms(&file, &status.name, function);
        let (codes, messages, statuses) = (arms("code")?, arms("message")?, arms("status")?);
        for code in &status.codes {
            let expect = |arms: &BTreeMap<String, syn::Lit>, what: &str, value: String| match arms
                .get(&code.name)
            {
                Some(syn::Lit::Str(literal)) if literal.value() == value => Ok(()),
                Some(syn::Lit::Int(literal)) if literal.base10_digits() == value => Ok(()),
                other => Err(format!(
                    "{}::{} {what}: {}, expected {value:?}",
                    status.name,
                    code.name,
                    other.map_or_else(
                        || "no arm".to_owned(),
                        |lit| quote::quote!(#lit).to_string()
                    )
                )),
            };
            expect(&codes, "code", code.code.clone())?;
            expect(&messages, "message", code.message.clone())?;
            expect(&statuses, "status", status.status.to_string())?;
        }
        if codes.len() != status.codes.len() {
            return Err(format!(
                "{}: {} code arms for {} codes",
                status.name,
                codes.len(),
                status.codes.len()
            ));
        }
    }
    Ok(())
}

/// The literal each variant of `ty` gets in `fn function` of its inherent
/// impl: `match self { Self::A => "a", Self::B | Self::C => 401 }`.
fn impl_arms(
    file: &syn::File,
    ty: &str,
    function: &str,
) -> Result<BTreeMap<String, syn::Lit>, String> {
    let body = file
        .items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Impl(item) if item.trait_.is_none() => Some(item),
            _ => None,
        })
        .filter(|item| matches!(&*item.self_ty, syn::Type::Path(path) if path.path.is_ident(ty)))
        .flat_map(|item| &item.items)
        .find_map(|item| match item {
            syn::ImplItem::Fn(f) if f.sig.ident == function => Some(&f.block),
            _ => None,
        })
        .ok_or_else(|| format!("no fn {function} in impl {ty}"))?;
    let Some(syn::Stmt::Expr(syn::Expr::Match(matched), None)) = body.stmts.last() else {
        return Err(format!("{ty}::{function} is not one match"));
    };
    let mut arms = BTreeMap::new();
    for arm in &matched.arms {
        let syn::Expr::Lit(literal) = &*arm.body else {
            return Err(format!("{ty}::{function}: an arm is not a literal"));
        };
        let patterns: Vec<&syn::Pat> = match &arm.pat {
            syn::Pat::Or(or) => or.cases.iter().collect(),
            pattern => vec![pattern],
        };
        for pattern in patterns {
            let syn::Pat::Path(path) = pattern else {
                return Err(format!("{ty}::{function}: an arm is not `Self::Variant`"));
            };
            let variant = path.path.segments.last().unwrap().ident.to_string();
            arms.insert(variant, literal.lit.clone());
        }
    }
    Ok(arms)
}

/// The `OpenAPI` document, parsed as YAML, carries every text exactly.
fn check_openapi(catalog: &Catalog) -> Result<(), String> {
    let text = openapi::emit(catalog);
    let document: Value = serde_saphyr::from_str(&text)
        .map_err(|error| format!("openapi.yaml does not parse: {error}"))?;
    let same = |what: &str, a: &Value, b: Value| {
        if *a == b {
            Ok(())
        } else {
            Err(format!("openapi.yaml {what}: {a}, expected {b}"))
        }
    };
    same(
        "info.title",
        &document["info"]["title"],
        json!(catalog.title),
    )?;
    same(
        "info.version",
        &document["info"]["version"],
        json!(catalog.version.as_deref().unwrap_or("0.0.0")),
    )?;
    same(
        "info.description",
        &document["info"]["description"],
        json!(catalog.description),
    )?;
    let all: Vec<&str> = catalog
        .codes()
        .map(|(_, code)| code.code.as_str())
        .collect();
    same(
        "ErrorCode",
        &document["components"]["schemas"]["ErrorCode"]["enum"],
        json!(all),
    )?;
    for status in &catalog.statuses {
        let response = &document["components"]["responses"][&status.name];
        let mut description = format!("{} {}", status.status, status.title);
        if let Some(text) = &status.description {
            description.push_str("\n\n");
            description.push_str(text);
        }
        same(
            "a response's description",
            &response["description"],
            json!(description),
        )?;
        let content = &response["content"]["application/json"];
        if status.codes.is_empty() {
            continue;
        }
        let branches: Vec<Value> = status
            .codes
            .iter()
            .map(|c| json!({"const": c.code, "description": c.message}))
            .collect();
        same(
            "oneOf",
            &content["schema"]["properties"]["error"]["oneOf"],
            json!(branches),
        )?;
        for code in &status.codes {
            same(
                "an example",
                &content["examples"][&code.code],
                json!({"summary": code.message, "value": {"error": code.code, "message": code.message}}),
            )?;
        }
    }
    Ok(())
}

/// The Markdown page, parsed: every status heading, status description and
/// table cell reads as the catalogue's text, and no text became syntax.
fn check_markdown(catalog: &Catalog) -> Result<(), String> {
    let page = markdown::emit(catalog);
    let sections = markdown_sections(&page)?;
    let expected: Vec<Section> = catalog
        .statuses
        .iter()
        .map(|status| Section {
            heading: format!("{} {}", status.status, status.title),
            paragraphs: status.description.iter().cloned().collect(),
            rows: status
                .codes
                .iter()
                .map(|code| vec![code.code.clone(), code.message.clone()])
                .collect(),
        })
        .collect();
    // A status without codes says so in a paragraph of its own.
    let found: Vec<Section> = sections
        .into_iter()
        .map(|mut section| {
            section
                .paragraphs
                .retain(|p| p != "No error codes are documented for this status yet.");
            section
        })
        .collect();
    if found == expected {
        Ok(())
    } else {
        Err(format!(
            "errors.md reads back as\n{found:#?}\nexpected\n{expected:#?}"
        ))
    }
}

#[derive(Debug, PartialEq, Eq)]
struct Section {
    heading: String,
    paragraphs: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// Each level-2 section of `page`: its heading's text, its paragraphs' text
/// and its table's body rows, every inline container recovered as plain text.
fn markdown_sections(page: &str) -> Result<Vec<Section>, String> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_MATH
        | Options::ENABLE_GFM;
    let mut sections: Vec<Section> = Vec::new();
    let mut text: Option<String> = None;
    let mut row: Vec<String> = Vec::new();
    let mut in_head = false;
    // The document description before the first status is free Markdown.
    let events: Vec<Event<'_>> = Parser::new_ext(page, options).collect();
    let first_status = events
        .windows(2)
        .position(|pair| {
            matches!(
                &pair[0],
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H2,
                    ..
                })
            ) && matches!(&pair[1], Event::InlineHtml(html) if html.starts_with("<a id=\""))
        })
        .unwrap_or(events.len());
    for event in events.into_iter().skip(first_status) {
        match event {
            Event::Start(
                Tag::Heading {
                    level: HeadingLevel::H2,
                    ..
                }
                | Tag::Paragraph
                | Tag::TableCell,
            ) => {
                text = Some(String::new());
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => sections.push(Section {
                heading: text.take().unwrap_or_default(),
                paragraphs: Vec::new(),
                rows: Vec::new(),
            }),
            Event::End(TagEnd::Paragraph) => {
                let paragraph = text.take().unwrap_or_default();
                if let Some(section) = sections.last_mut() {
                    section.paragraphs.push(paragraph);
                }
            }
            Event::End(TagEnd::TableCell) => row.push(text.take().unwrap_or_default()),
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                row.clear();
            }
            Event::End(TagEnd::TableRow) if !in_head => {
                let cells = std::mem::take(&mut row);
                sections
                    .last_mut()
                    .ok_or("a table before any status")?
                    .rows
                    .push(cells);
            }
            Event::Text(piece) | Event::Code(piece) => {
                if let Some(text) = &mut text {
                    text.push_str(&piece);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(text) = &mut text {
                    text.push('\n');
                }
            }
            Event::InlineHtml(html) if text.is_some() => match &*html {
                "<br>" => text.as_mut().unwrap().push('\n'),
                "</a>" => {}
                html if html.starts_with("<a id=\"") => {}
                html => return Err(format!("raw HTML in the text: {html:?}")),
            },
            Event::Start(tag) if text.is_some() => {
                return Err(format!("text became syntax: {tag:?}"));
            }
            _ => {}
        }
    }
    Ok(sections)
}

// ---- Samples through the external tools -----------------------------------

#[test]
fn sampled_catalogues_and_enums_through_tsc_the_validator_and_rustc() {
    let wanted = fuzz::samples();
    // The richest of many generated catalogues, and valid enums.
    let mut runner = TestRunner::new(fuzz::config(200));
    // Each with the YAML it was loaded from, which the macro then loads too.
    let mut samples: Vec<(String, Catalog)> = Vec::new();
    for _ in 0..runner.config().cases {
        let yaml = fuzz::catalogue()
            .new_tree(&mut runner)
            .unwrap()
            .current()
            .yaml();
        let catalog = Catalog::from_yaml(&yaml, "fuzz.yaml").unwrap();
        samples.push((yaml, catalog));
    }
    samples.sort_by_key(|(_, catalog)| std::cmp::Reverse(catalog.codes().count()));
    samples.truncate(wanted);
    let (yamls, catalogues): (Vec<String>, Vec<Catalog>) = samples.into_iter().unzip();
    let mut enums: Vec<EnumCase> = Vec::new();
    while enums.len() < wanted {
        let case = fuzz::derive_enum().new_tree(&mut runner).unwrap().current();
        if case.expected.is_some() {
            enums.push(case);
        }
    }

    let dir = target_dir().join("fuzz-samples");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    typescript_sample(&dir, &catalogues);
    openapi_sample(&dir, &catalogues);
    rust_sample(&yamls, &catalogues, &enums);
    eprintln!(
        "samples: {} catalogues ({} codes) through tsc, Node and check_openapi.py; they and {} enums through rustc",
        catalogues.len(),
        catalogues.iter().map(|c| c.codes().count()).sum::<usize>(),
        enums.len()
    );
}

fn typescript_sample(dir: &Path, catalogues: &[Catalog]) {
    let ts = dir.join("typescript");
    fs::create_dir_all(&ts).unwrap();
    fs::write(
        ts.join("package.json"),
        "{ \"private\": true, \"type\": \"module\" }\n",
    )
    .unwrap();
    let mut files = Vec::new();
    for (index, catalog) in catalogues.iter().enumerate() {
        let case = format!("s{index}");
        fs::create_dir_all(ts.join(&case)).unwrap();
        fs::write(ts.join(&case).join("errors.ts"), typescript::emit(catalog)).unwrap();
        fs::write(
            ts.join(&case).join("read.ts"),
            "import { ERROR_CODES, ERRORS, statusOf } from \"./errors.js\";\n\n\
             declare const console: { log(text: string): void };\n\
             const errors: Record<string, { status: number; message: string }> = {};\n\
             for (const code of ERROR_CODES) {\n  \
               errors[code] = { status: statusOf(code), message: ERRORS[code].message };\n\
             }\n\
             console.log(JSON.stringify({ codes: ERROR_CODES, errors }));\n",
        )
        .unwrap();
        files.push(format!("{case}/errors.ts"));
        files.push(format!("{case}/read.ts"));
    }
    let tsconfig = json!({
        "extends": workspace_root().join("tests").join("ts").join("tsconfig.strict.json"),
        "compilerOptions": { "rootDir": ".", "outDir": "out" },
        "files": files,
    });
    fs::write(ts.join("tsconfig.json"), tsconfig.to_string()).unwrap();
    tools::run(
        node::package_script("typescript", "bin/tsc")
            .args(["--project", "tsconfig.json", "--pretty", "false"])
            .current_dir(&ts),
        "tsc rejects a generated module",
    );
    for (index, catalog) in catalogues.iter().enumerate() {
        let printed = tools::run(
            node::node()
                .arg(format!("out/s{index}/read.js"))
                .current_dir(&ts),
            "a compiled module does not run",
        );
        let read: Value = serde_json::from_str(&printed).unwrap();
        let codes: Vec<&str> = catalog
            .codes()
            .map(|(_, code)| code.code.as_str())
            .collect();
        assert_eq!(read["codes"], json!(codes), "sample s{index}");
        for (status, code) in catalog.codes() {
            assert_eq!(
                read["errors"][&code.code],
                json!({ "status": status.status, "message": code.message }),
                "sample s{index}, code {}",
                code.code
            );
        }
    }
}

fn openapi_sample(dir: &Path, catalogues: &[Catalog]) {
    for (index, catalog) in catalogues.iter().enumerate() {
        let case = dir.join("openapi").join(format!("s{index}"));
        fs::create_dir_all(&case).unwrap();
        let (document, expected) = (case.join("openapi.yaml"), case.join("expected.json"));
        fs::write(&document, openapi::emit(catalog)).unwrap();
        fs::write(&expected, openapi_expectation(catalog).to_string()).unwrap();
        let output = python::run_script("check_openapi.py", &[&document, &expected]);
        assert!(
            output.status.success(),
            "sample s{index}: check_openapi.py fails:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// One crate that includes every sampled catalogue (`yamls`, whose models are
/// `catalogues`) and derives every sampled enum, under `deny(warnings)`, and
/// prints each value's code, message and status as JSON, to be compared with
/// the models.
fn rust_sample(yamls: &[String], catalogues: &[Catalog], enums: &[EnumCase]) {
    let crate_dir = target_dir().join("fuzz-sample-crate");
    let lock = fs::File::create(target_dir().join("fuzz-sample-crate.lock")).unwrap();
    lock.lock().unwrap();
    let mut main = String::from("//! Written by tests/tests/fuzz.rs.\n#![deny(warnings)]\n\n");
    let mut body = String::new();
    let mut expected = Vec::new();
    for (index, (yaml, catalog)) in yamls.iter().zip(catalogues).enumerate() {
        let file = format!("catalogues/c{index}.yaml");
        write_if_changed(&crate_dir.join(&file), yaml);
        let _ = writeln!(
            main,
            "mod c{index} {{\n    ::error_codes::include_errors!({file:?});\n}}"
        );
        let _ = writeln!(
            body,
            "    for error in c{index}::{}::ALL {{\n        show(\"c{index}\", error.code(), error.message(), error.status());\n    }}",
            catalog.name
        );
        for (status, code) in catalog.codes() {
            expected.push(json!([
                format!("c{index}"),
                code.code,
                code.message,
                status.status
            ]));
        }
    }
    for (index, case) in enums.iter().enumerate() {
        let _ = writeln!(main, "mod d{index} {{\n{}}}", case.source);
        // An enum without variants is used nowhere else.
        let _ = writeln!(
            body,
            "    let _ = ::core::marker::PhantomData::<d{index}::{}>;",
            case.name
        );
        for (variant, code, message, status) in case.expected.as_ref().unwrap() {
            let _ = writeln!(
                body,
                "    show(\"d{index}\", ErrorCode::code(&d{index}::{}::{variant}), ErrorCode::message(&d{index}::{}::{variant}), ErrorCode::status(&d{index}::{}::{variant}));",
                case.name, case.name, case.name
            );
            expected.push(json!([format!("d{index}"), code, message, status]));
        }
    }
    let _ = write!(
        main,
        "\nuse error_codes::ErrorCode;\n\n\
         fn show(case: &str, code: &str, message: &str, status: u16) {{\n    \
             println!(\"{{}}\", serde_json::json!([case, code, message, status]));\n}}\n\n\
         fn main() {{\n{body}}}\n"
    );
    fs::create_dir_all(crate_dir.join("src")).unwrap();
    fs::write(crate_dir.join("src").join("main.rs"), main).unwrap();
    write_if_changed(
        &crate_dir.join("Cargo.toml"),
        &scratch_manifest("fuzz-sample", "serde_json = \"1\"\n"),
    );
    seed_lockfile(&crate_dir);
    let output = Command::new(env!("CARGO"))
        .args(["run", "--offline", "--quiet"])
        .current_dir(&crate_dir)
        .env("CARGO_TARGET_DIR", scratch_crates_target())
        .output()
        .expect("run cargo");
    assert!(
        output.status.success(),
        "the sample crate fails:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let printed: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(printed, expected);
}
