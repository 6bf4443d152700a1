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
//!   pulldown-cmark, recovering every heading and table cell. The lifecycle
//!   too: each `#[deprecated]` note and `impl_frameworks!` note, each
//!   `oneOf` branch's `deprecated: true` and notes, each Meaning cell's
//!   deprecation and `since` lines, and the "Removed codes" table. Layouts
//!   too (`body:` mappings with nested paths, spread details, integer codes
//!   with their `name:`s, `body: problem`), docs URLs, titles and codes with
//!   `/` and `:`: read back from the model, the Rust's `docs()` arms and
//!   hook `layout:`, the `OpenAPI` media type, each code's branch wherever
//!   the layout puts the code, its params at the details' path or spread,
//!   and each example as the body the code sends (`error_codes_tests::layout`
//!   walks the layout independently); the page's example body, docs links,
//!   titles and anchors.
//! - `sampled_catalogues_and_enums_through_tsc_the_validator_and_rustc`: the
//!   largest generated catalogues through tsc (strict) and Node (and their
//!   `ERRORS` doc comments through the compiler's `JSDoc` parser: `@deprecated`,
//!   `@since` and `@see` exactly where the catalogue has them, no other tag),
//!   through `check_openapi.py` (`PyYAML`, libyaml and openapi-spec-validator),
//!   and through `include_errors!` in a compiled crate, together with generated
//!   `#[derive(ErrorCode)]` enums, whose values the crate prints. The samples
//!   take the largest of each kind of layout in turn: tsc also runs the guards
//!   on each code's body in its layout (and on bodies of another layout or an
//!   integer code sent as a string, which they refuse), and the crate reads
//!   each body strictly and as `Received`, and writes it back.
//!
//! The derive's expansion on arbitrary enums, valid or not, is fuzzed in
//! process in `error-codes-macro/src/derive.rs`.
//!
//! Bounded for CI (fixed seed and case counts); see
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
    layout, node, openapi_expectation, python, scratch_crates_target, scratch_manifest,
    seed_lockfile, target_dir, tools, workspace_root, write_if_changed,
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
    // Codes; deprecated codes; codes with `since`; tombstones; params;
    // types; codes that may be retried; layouts: mappings, problem details,
    // integer codes, spread details; codes with a docs URL, a title, an
    // explicit name, a `/` or `:`.
    let counts = RefCell::new([0usize; 17]);
    let result = runner.run(&fuzz::catalogue(), |mut spec| {
        let mut yaml = spec.yaml();
        let catalog = match Catalog::from_yaml(&yaml, "fuzz.yaml") {
            Ok(catalog) => catalog,
            // A catalogue that selects Python or Go may give two items one
            // name there, or shadow a builtin (501's `NotImplementedError`):
            // only those may be refused, and without the outputs it loads.
            Err(error) if clashes_only(&spec, &error) => {
                counts.borrow_mut()[16] += 1;
                spec.outputs = None;
                yaml = spec.yaml();
                Catalog::from_yaml(&yaml, "fuzz.yaml").map_err(|error| {
                    TestCaseError::fail(format!("refused:\n{error}\n--- yaml:\n{yaml}"))
                })?
            }
            Err(error) => {
                return Err(TestCaseError::fail(format!(
                    "refused:\n{error}\n--- yaml:\n{yaml}"
                )));
            }
        };
        counts.borrow_mut()[15] += usize::from(spec.outputs.is_some());
        check_model(&spec, &catalog).map_err(|problem| fail(&problem, &yaml))?;
        check_rust(&catalog).map_err(|problem| fail(&problem, &yaml))?;
        check_openapi(&catalog).map_err(|problem| fail(&problem, &yaml))?;
        check_markdown(&catalog).map_err(|problem| fail(&problem, &yaml))?;
        let mut counts = counts.borrow_mut();
        for (_, code) in catalog.codes() {
            counts[0] += 1;
            counts[1] += usize::from(code.deprecated.is_some());
            counts[2] += usize::from(code.since.is_some());
            counts[4] += code.params.len();
            counts[6] += usize::from(code.retry != error_codes_gen::Retry::Never);
        }
        counts[3] += catalog.removed.len();
        counts[5] += catalog.types.len();
        let body = &catalog.body;
        counts[7] += usize::from(body.is_declared() && body.preset.is_none());
        counts[8] += usize::from(body.preset.is_some());
        counts[9] += usize::from(body.code_type == error_codes_gen::CodeType::Integer);
        counts[10] += usize::from(
            body.preset.is_none()
                && body
                    .path(error_codes_gen::Part::Details)
                    .is_some_and(|path| path.spread),
        );
        for (_, code) in catalog.codes() {
            counts[11] += usize::from(code.docs.is_some());
            counts[12] += usize::from(code.title.is_some());
            counts[13] += usize::from(code.explicit_name);
            counts[14] += usize::from(code.code.contains(['/', ':']));
        }
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{failure}\n(FUZZ_SEED={:#x})", fuzz::seed());
    }
    let [
        codes,
        deprecated,
        since,
        removed,
        params,
        types,
        retries,
        mappings,
        problems,
        integers,
        spreads,
        docs,
        titles,
        names,
        slashes,
        outputs,
        clashes,
    ] = *counts.borrow();
    eprintln!(
        "catalogues: {} read back through syn, prettyplease, YAML and pulldown-cmark, \
         {codes} codes ({deprecated} deprecated, {since} with `since`, {retries} to retry, \
         {params} params, {docs} with docs, {titles} with a title, {names} named, \
         {slashes} with `/` or `:`), {types} types, {removed} tombstones; \
         layouts: {mappings} mappings ({integers} with integer codes, {spreads} spreading \
         the details), {problems} problem details; {outputs} with `outputs:` \
         ({clashes} refused for Python or Go names, then read without)",
        runner.config().cases,
    );
    // The generator reaches every part of the format.
    assert!(params > 0 && types > 0 && retries > 0 && removed > 0);
    assert!(mappings > 0 && problems > 0 && integers > 0 && spreads > 0);
    assert!(docs > 0 && titles > 0 && names > 0 && slashes > 0);
    assert!(outputs > clashes);
}

/// Whether every problem of a refused catalogue is a Python or Go name of
/// an output the spec selects.
fn clashes_only(spec: &CatalogueSpec, error: &error_codes_gen::Error) -> bool {
    use error_codes_gen::Output;
    let selects = |output| {
        spec.outputs
            .as_ref()
            .is_some_and(|outputs| outputs.contains(&output))
    };
    let said = |message: &str, language: &str, file: &str| {
        message.contains(&format!("collide in {language};"))
            || message.contains(&format!("shadows {language}'s own"))
            || message.contains(&format!("a name {file} already defines"))
            || message.contains(&format!("become the {language} field"))
    };
    error.diagnostics().iter().all(|diagnostic| {
        let message = diagnostic.message.as_str();
        (selects(Output::Python) && said(message, "Python", "errors.py"))
            || (selects(Output::Go) && said(message, "Go", "errors.go"))
    })
}

/// Up to `wanted` of `samples`, for the slow external tools: the largest
/// (by codes) of each kind of layout in turn (problem details, integer
/// codes, other layouts, none), then the largest of the rest.
fn largest_of_each_layout<T>(
    mut samples: Vec<T>,
    wanted: usize,
    catalog: impl Fn(&T) -> &Catalog,
) -> Vec<T> {
    samples.sort_by_key(|sample| std::cmp::Reverse(catalog(sample).codes().count()));
    let kinds: [fn(&error_codes_gen::Body) -> bool; 4] = [
        |body| body.preset.is_some(),
        |body| body.code_type == error_codes_gen::CodeType::Integer,
        |body| body.is_declared() && body.preset.is_none(),
        |body| !body.is_declared(),
    ];
    let mut chosen = Vec::new();
    while chosen.len() < wanted && !samples.is_empty() {
        let before = chosen.len();
        for kind in kinds {
            if let Some(at) = samples
                .iter()
                .position(|sample| kind(&catalog(sample).body))
            {
                chosen.push(samples.remove(at));
            }
        }
        if chosen.len() == before {
            chosen.append(&mut samples);
        }
    }
    chosen.truncate(wanted);
    chosen
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
    let outputs = spec
        .outputs
        .clone()
        .unwrap_or_else(|| error_codes_gen::Output::DEFAULT.to_vec());
    same("outputs", &catalog.outputs, &outputs)?;
    check_layout_model(spec, catalog)?;
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
        let lifecycle: Vec<(&Option<String>, &Option<String>)> = status
            .codes
            .iter()
            .map(|c| (&c.deprecated, &c.since))
            .collect();
        let expected: Vec<(&Option<String>, &Option<String>)> = written
            .codes
            .iter()
            .map(|c| (&c.deprecated, &c.since))
            .collect();
        same("deprecated and since", &lifecycle, &expected)?;
        same(
            "status retry",
            &status.retry.map(error_codes_gen::Retry::word),
            &written.retry,
        )?;
        for (code, written_code) in status.codes.iter().zip(&written.codes) {
            let retry = written_code.retry.or(written.retry).unwrap_or("never");
            same("retry", &code.retry.word(), &retry)?;
            check_params(&code.code, &code.params, &written_code.params)?;
            check_code_extras(spec, status.status, code, written_code)?;
        }
    }
    same("type count", &catalog.types.len(), &spec.types.len())?;
    for (ty, written) in catalog.types.iter().zip(&spec.types) {
        same(
            "type",
            &(&ty.name, &ty.description),
            &(&written.name, &written.description),
        )?;
        check_params(&ty.name, &ty.fields, &written.fields)?;
    }
    let removed: Vec<_> = catalog
        .removed
        .iter()
        .map(|r| (&r.code, r.status, &r.version, &r.reason))
        .collect();
    let expected: Vec<_> = spec
        .removed
        .iter()
        .map(|r| (&r.code, r.status, &r.version, &r.reason))
        .collect();
    same("removed", &removed, &expected)?;
    Ok(())
}

/// The same Debug text, or what differs.
fn same(what: &str, a: &dyn std::fmt::Debug, b: &dyn std::fmt::Debug) -> Result<(), String> {
    let (a, b) = (format!("{a:?}"), format!("{b:?}"));
    if a == b {
        Ok(())
    } else {
        Err(format!("loaded {what} {a}, written {b}"))
    }
}

/// The loaded layout and docs template are the ones written.
fn check_layout_model(spec: &CatalogueSpec, catalog: &Catalog) -> Result<(), String> {
    let body = spec
        .layout
        .as_ref()
        .map_or_else(error_codes_gen::Body::default, fuzz::LayoutSpec::expected);
    same("body parts", &catalog.body.parts, &body.parts)?;
    same("code_type", &catalog.body.code_type, &body.code_type)?;
    same(
        "content_type",
        &catalog.body.content_type,
        &body.content_type,
    )?;
    same("preset", &catalog.body.preset, &body.preset)?;
    same(
        "declared",
        &catalog.body.is_declared(),
        &spec.layout.is_some(),
    )?;
    same("docs", &catalog.docs.as_deref(), &spec.docs)?;
    Ok(())
}

/// A code's title, docs URL (its own template, else the catalogue's, filled
/// in) and explicit name are the ones written.
fn check_code_extras(
    spec: &CatalogueSpec,
    status: u16,
    code: &error_codes_gen::Code,
    written: &fuzz::CodeSpec,
) -> Result<(), String> {
    same("code title", &code.title, &written.title)?;
    let docs = written
        .docs
        .or(spec.docs)
        .map(|template| fuzz::layout::resolve(template, &code.code, status));
    same("code docs", &code.docs, &docs)?;
    if let Some(name) = &written.name {
        same(
            "code name",
            &(&code.name, code.explicit_name),
            &(name, true),
        )?;
    } else {
        same("explicit name", &code.explicit_name, &false)?;
    }
    Ok(())
}

/// Each loaded param is the one written: name, Rust field, type, optional,
/// description and example.
fn check_params(
    owner: &str,
    loaded: &[error_codes_gen::Param],
    written: &[fuzz::ParamSpec],
) -> Result<(), String> {
    let loaded: Vec<_> = loaded
        .iter()
        .map(|p| {
            (
                p.name.clone(),
                p.field.clone(),
                p.ty.written(),
                p.optional,
                p.description.clone(),
                p.example.as_ref().map(|example| format!("{example:?}")),
            )
        })
        .collect();
    let written: Vec<_> = written
        .iter()
        .map(|p| {
            (
                p.name.clone(),
                p.field.clone(),
                p.ty.clone(),
                p.optional,
                p.description.clone(),
                p.example.as_ref().map(|(_, debug)| debug.clone()),
            )
        })
        .collect();
    if loaded == written {
        Ok(())
    } else {
        Err(format!(
            "params of `{owner}`: loaded {loaded:?}, written {written:?}"
        ))
    }
}

/// The Rust parses, survives `prettyplease`, and every group's `code()`,
/// `message()`, `status()`, `retry()` and `docs()` give the catalogue's
/// values (a code's own `name:` its variant).
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
    check_rust_lifecycle(&file, catalog)?;
    check_hook_details(&file, catalog)?;
    for status in catalog.groups() {
        let arms = |function: &str| impl_arms(&file, &status.name, function);
        let (codes, messages, statuses, retries, docs) = (
            arms("code")?,
            arms("message")?,
            arms("status")?,
            arms("retry")?,
            arms("docs")?,
        );
        for code in &status.codes {
            let arm = |arms: &BTreeMap<String, proc_macro2::TokenStream>, what: &str| {
                arms.get(&code.name)
                    .cloned()
                    .ok_or_else(|| format!("{}::{} {what}: no arm", status.name, code.name))
            };
            let expect = |found: Vec<String>, what: &str, value: Vec<String>| {
                if found == value {
                    Ok(())
                } else {
                    Err(format!(
                        "{}::{} {what}: {found:?}, expected {value:?}",
                        status.name, code.name
                    ))
                }
            };
            expect(
                literals(&arm(&codes, "code")?),
                "code",
                vec![code.code.clone()],
            )?;
            expect(
                literals(&arm(&statuses, "status")?),
                "status",
                vec![status.status.to_string()],
            )?;
            expect(
                literals(&arm(&docs, "docs")?),
                "docs",
                code.docs.iter().cloned().collect(),
            )?;
            // The message's text, its placeholders filled in at run time.
            let texts: Vec<String> = code
                .pieces()
                .into_iter()
                .filter_map(|piece| match piece {
                    error_codes_gen::Piece::Text(text) => Some(text.to_owned()),
                    _ => None,
                })
                .collect();
            let message = literals(&arm(&messages, "message")?);
            expect(vec![message.concat()], "message", vec![texts.concat()])?;
            let retry = arm(&retries, "retry")?;
            let word = match code.retry {
                error_codes_gen::Retry::Backoff => "Backoff",
                error_codes_gen::Retry::After => "after_seconds",
                _ => "Never",
            };
            if !names(&retry, word) {
                return Err(format!(
                    "{}::{} retry: {retry}, expected {word}",
                    status.name, code.name
                ));
            }
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

/// Each variant's `#[deprecated = "<note>"]`, exactly the code's note and
/// only on deprecated codes, and each type's `impl_frameworks!` call, whose
/// `codes` list `{ code, deprecated, notes }` for the codes with lifecycle
/// notes: the group's own, or every code for the top-level enum.
fn check_rust_lifecycle(file: &syn::File, catalog: &Catalog) -> Result<(), String> {
    let enums: BTreeMap<String, &syn::ItemEnum> = file
        .items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Enum(item) => Some((item.ident.to_string(), item)),
            _ => None,
        })
        .collect();
    let mut expected_notes = BTreeMap::new();
    for status in catalog.groups() {
        let item = enums
            .get(&status.name)
            .ok_or_else(|| format!("no enum {}", status.name))?;
        for code in &status.codes {
            let variant = item
                .variants
                .iter()
                .find(|variant| variant.ident == code.name)
                .ok_or_else(|| format!("no variant {}::{}", status.name, code.name))?;
            // A code with params is a struct variant, a field per param in order.
            let fields: Vec<String> = variant
                .fields
                .iter()
                .filter_map(|field| field.ident.as_ref())
                .map(|ident| ident.to_string().trim_start_matches("r#").to_owned())
                .collect();
            let params: Vec<&str> = code.params.iter().map(|p| p.field.as_str()).collect();
            if fields != params || variant.fields.len() != params.len() {
                return Err(format!(
                    "{}::{} has the fields {fields:?}, expected {params:?}",
                    status.name, code.name
                ));
            }
            let notes: Vec<Option<String>> = variant
                .attrs
                .iter()
                .filter(|attr| attr.path().is_ident("deprecated"))
                .map(|attr| match &attr.meta {
                    syn::Meta::NameValue(syn::MetaNameValue {
                        value:
                            syn::Expr::Lit(syn::ExprLit {
                                lit: syn::Lit::Str(note),
                                ..
                            }),
                        ..
                    }) => Some(note.value()),
                    _ => None,
                })
                .collect();
            let expected: Vec<Option<String>> = code.deprecated.iter().cloned().map(Some).collect();
            if notes != expected {
                return Err(format!(
                    "{}::{} has #[deprecated] {notes:?}, expected {expected:?}",
                    status.name, code.name
                ));
            }
        }
        expected_notes.insert(status.name.clone(), lifecycle_entries(status.codes.iter()));
    }
    expected_notes.insert(
        catalog.name.clone(),
        lifecycle_entries(catalog.codes().map(|(_, code)| code)),
    );
    let found = frameworks_notes(file, catalog.body.is_declared())?;
    if found == expected_notes {
        Ok(())
    } else {
        Err(format!(
            "impl_frameworks! lifecycle notes {found:#?}, expected {expected_notes:#?}"
        ))
    }
}

/// Each type's `impl_frameworks!` lifecycle entries, by type name; each
/// call passes `layout:` exactly when the catalogue declares its layout.
fn frameworks_notes(
    file: &syn::File,
    declared: bool,
) -> Result<BTreeMap<String, Vec<LifecycleEntry>>, String> {
    let mut found = BTreeMap::new();
    for item in &file.items {
        let syn::Item::Macro(item) = item else {
            continue;
        };
        if item
            .mac
            .path
            .segments
            .last()
            .is_none_or(|s| s.ident != "impl_frameworks")
        {
            continue;
        }
        let arguments = item
            .mac
            .parse_body_with(hook_arguments)
            .map_err(|error| format!("impl_frameworks! arguments: {error}"))?;
        let mut names: Vec<&str> = arguments.iter().map(|(name, _)| name.as_str()).collect();
        if (names.last() == Some(&"layout")) != declared {
            return Err(format!(
                "impl_frameworks! takes the arguments {names:?} (layout declared: {declared})"
            ));
        }
        if declared {
            names.pop();
        }
        let ["type", "values", "statuses", "codes", rest @ ..] = names.as_slice() else {
            return Err(format!("impl_frameworks! takes the arguments {names:?}"));
        };
        if !matches!(rest, [] | ["advice" | "details"] | ["advice", "details"]) {
            return Err(format!("impl_frameworks! takes the arguments {names:?}"));
        }
        let ty = syn::parse2::<syn::Ident>(arguments[0].1.clone())
            .map_err(|_| "impl_frameworks! on a path".to_owned())?
            .to_string();
        let mut entries = Vec::new();
        for fields in hook_list(&arguments[3].1).map_err(|error| format!("{ty}: {error}"))? {
            let field = |name: &str| {
                fields
                    .iter()
                    .find_map(|field| match (&field.member, &field.expr) {
                        (syn::Member::Named(member), syn::Expr::Lit(literal)) if member == name => {
                            Some(literal.lit.clone())
                        }
                        _ => None,
                    })
            };
            let (
                Some(syn::Lit::Str(code)),
                Some(syn::Lit::Bool(deprecated)),
                Some(syn::Lit::Str(notes)),
            ) = (field("code"), field("deprecated"), field("notes"))
            else {
                return Err(format!(
                    "{ty}: a lifecycle entry is not {{ code, deprecated, notes }}"
                ));
            };
            if fields.len() != 3 {
                return Err(format!("{ty}: a lifecycle entry has other fields"));
            }
            entries.push((code.value(), deprecated.value, notes.value()));
        }
        found.insert(ty, entries);
    }
    Ok(found)
}

/// Each type's hook `details:` names its codes with params, in order, each
/// with the JSON Schema of exactly its params; a type without such codes
/// passes none.
fn check_hook_details(file: &syn::File, catalog: &Catalog) -> Result<(), String> {
    let mut expected: BTreeMap<String, Vec<&error_codes_gen::Code>> = BTreeMap::new();
    for status in catalog.groups() {
        let codes: Vec<_> = status
            .codes
            .iter()
            .filter(|c| !c.params.is_empty())
            .collect();
        expected.insert(status.name.clone(), codes);
    }
    let all: Vec<_> = catalog
        .codes()
        .map(|(_, c)| c)
        .filter(|c| !c.params.is_empty())
        .collect();
    expected.insert(catalog.name.clone(), all);
    for item in &file.items {
        let syn::Item::Macro(item) = item else {
            continue;
        };
        if item
            .mac
            .path
            .segments
            .last()
            .is_none_or(|s| s.ident != "impl_frameworks")
        {
            continue;
        }
        let arguments = item
            .mac
            .parse_body_with(hook_arguments)
            .map_err(|error| format!("impl_frameworks! arguments: {error}"))?;
        let ty = arguments[0].1.to_string();
        let codes = expected
            .remove(&ty)
            .ok_or_else(|| format!("a hook for `{ty}`"))?;
        let Some((_, details)) = arguments.iter().find(|(name, _)| name == "details") else {
            if codes.is_empty() {
                continue;
            }
            return Err(format!("{ty}: no details: for its codes with params"));
        };
        let entries = hook_list(details).map_err(|error| format!("{ty}: {error}"))?;
        if entries.len() != codes.len() {
            return Err(format!(
                "{ty}: {} details entries for {} codes",
                entries.len(),
                codes.len()
            ));
        }
        for (fields, code) in entries.iter().zip(codes) {
            let text = |name: &str| {
                fields
                    .iter()
                    .find_map(|field| match (&field.member, &field.expr) {
                        (
                            syn::Member::Named(member),
                            syn::Expr::Lit(syn::ExprLit {
                                lit: syn::Lit::Str(text),
                                ..
                            }),
                        ) if member == name => Some(text.value()),
                        _ => None,
                    })
            };
            if text("code").as_deref() != Some(code.code.as_str()) {
                return Err(format!(
                    "{ty}: a details entry for {:?}, expected {}",
                    text("code"),
                    code.code
                ));
            }
            let schema: Value =
                serde_json::from_str(&text("schema").unwrap_or_default()).map_err(|error| {
                    format!("{ty}: the schema of `{}` is not JSON: {error}", code.code)
                })?;
            check_details_schema(&schema, &code.params)?;
        }
    }
    Ok(())
}

/// The hook's `name: value` arguments, each value as its tokens.
fn hook_arguments(
    input: syn::parse::ParseStream<'_>,
) -> syn::Result<Vec<(String, proc_macro2::TokenStream)>> {
    use syn::ext::IdentExt as _;
    let mut arguments = Vec::new();
    while !input.is_empty() {
        // `type` is a keyword.
        let name = input.call(syn::Ident::parse_any)?;
        input.parse::<syn::Token![:]>()?;
        let mut value = proc_macro2::TokenStream::new();
        while !input.is_empty() && !input.peek(syn::Token![,]) {
            value.extend([input.parse::<proc_macro2::TokenTree>()?]);
        }
        arguments.push((name.to_string(), value));
        if !input.is_empty() {
            input.parse::<syn::Token![,]>()?;
        }
    }
    Ok(arguments)
}

/// The entries of a hook list, `[{ field: value, … }, …]`, each as its fields.
fn hook_list(value: &proc_macro2::TokenStream) -> Result<Vec<Vec<syn::FieldValue>>, String> {
    let Some(proc_macro2::TokenTree::Group(list)) = value.clone().into_iter().next() else {
        return Err("a hook list is not in brackets".to_owned());
    };
    list.stream()
        .into_iter()
        .filter(|token| !matches!(token, proc_macro2::TokenTree::Punct(p) if p.as_char() == ','))
        .map(|entry| {
            // Read as the fields of a struct literal, which is what the hook makes of it.
            syn::parse2::<syn::ExprStruct>(quote::quote!(Entry #entry))
                .map(|entry| entry.fields.into_iter().collect())
                .map_err(|error| format!("a hook list entry is not {{ field: value, … }}: {error}"))
        })
        .collect()
}

/// A code's entry in the lifecycle argument of `impl_frameworks!`: the
/// code, whether it is deprecated, and its lifecycle notes.
type LifecycleEntry = (String, bool, String);

/// `(code, deprecated, notes)` for each of `codes` with lifecycle notes.
fn lifecycle_entries<'a>(
    codes: impl Iterator<Item = &'a error_codes_gen::Code>,
) -> Vec<LifecycleEntry> {
    codes
        .filter_map(|code| {
            let notes = lifecycle_notes(code)?;
            Some((code.code.clone(), code.deprecated.is_some(), notes))
        })
        .collect()
}

/// What each variant of `ty` gets in `fn function` of its inherent impl,
/// as the arm's tokens: `match self { Self::A => "a", Self::B { .. } | Self::C => 401 }`.
fn impl_arms(
    file: &syn::File,
    ty: &str,
    function: &str,
) -> Result<BTreeMap<String, proc_macro2::TokenStream>, String> {
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
        let patterns: Vec<&syn::Pat> = match &arm.pat {
            syn::Pat::Or(or) => or.cases.iter().collect(),
            pattern => vec![pattern],
        };
        for pattern in patterns {
            let path = match pattern {
                syn::Pat::Path(path) => &path.path,
                syn::Pat::Struct(pattern) => &pattern.path,
                _ => return Err(format!("{ty}::{function}: an arm is not `Self::Variant`")),
            };
            let variant = path.segments.last().unwrap().ident.to_string();
            let body = &arm.body;
            arms.insert(variant, quote::quote!(#body));
        }
    }
    Ok(arms)
}

/// The string and integer literals in `tokens`, in order, as their values.
fn literals(tokens: &proc_macro2::TokenStream) -> Vec<String> {
    let mut found = Vec::new();
    for token in tokens.clone() {
        match token {
            proc_macro2::TokenTree::Group(group) => found.extend(literals(&group.stream())),
            proc_macro2::TokenTree::Literal(literal) => {
                match syn::parse2::<syn::Lit>(quote::quote!(#literal)) {
                    Ok(syn::Lit::Str(text)) => found.push(text.value()),
                    Ok(syn::Lit::Int(number)) => found.push(number.base10_digits().to_owned()),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    found
}

/// Whether `tokens` hold the identifier `word`.
fn names(tokens: &proc_macro2::TokenStream, word: &str) -> bool {
    tokens.clone().into_iter().any(|token| match token {
        proc_macro2::TokenTree::Group(group) => names(&group.stream(), word),
        proc_macro2::TokenTree::Ident(ident) => ident == word,
        _ => false,
    })
}

/// The `OpenAPI` document, parsed as YAML, carries every text exactly, and
/// follows the layout: the media type, the code's JSON type, each code's
/// branch wherever the layout puts the code, each code's params at the
/// details' path (or spread), and each example the body the code sends.
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
    let all: Vec<Value> = catalog
        .codes()
        .map(|(_, code)| code_value(catalog, code))
        .collect();
    same(
        "ErrorCode",
        &document["components"]["schemas"]["ErrorCode"]["enum"],
        json!(all),
    )?;
    let media_type = catalog.body.content_type.as_str();
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
        let media_types: Vec<&String> = response["content"]
            .as_object()
            .map(|content| content.keys().collect())
            .unwrap_or_default();
        same(
            "a response's media types",
            &json!(media_types),
            json!([media_type]),
        )?;
        let content = &response["content"][media_type];
        if status.codes.is_empty() {
            continue;
        }
        check_openapi_branches(catalog, status, content)?;
        let after = status
            .codes
            .iter()
            .any(|c| c.retry == error_codes_gen::Retry::After);
        same(
            "a Retry-After header",
            &json!(response["headers"]["Retry-After"]["schema"]["type"].as_str()),
            json!(after.then_some("integer")),
        )?;
        check_openapi_examples(catalog, content, status)?;
    }
    for ty in &catalog.types {
        check_details_schema(&document["components"]["schemas"][&ty.name], &ty.fields)?;
    }
    Ok(())
}

/// A code as the body sends it: a string, or a number under `code_type:
/// integer`.
fn code_value(catalog: &Catalog, code: &error_codes_gen::Code) -> Value {
    match catalog.body.code_type {
        error_codes_gen::CodeType::Integer => json!(code.number()),
        _ => json!(code.code),
    }
}

/// Each code's branch, where the layout puts the code: exactly one schema
/// in the response says `const: <code>` with a description, and it is the
/// expected branch; a status with params has a whole body per code, each
/// with exactly its params at the details' path, or spread into their
/// object.
fn check_openapi_branches(
    catalog: &Catalog,
    status: &error_codes_gen::Status,
    content: &Value,
) -> Result<(), String> {
    let branches = openapi_branches(catalog, status);
    for (code, branch) in status.codes.iter().zip(&branches) {
        let mut found = Vec::new();
        described_consts(&content["schema"], &code_value(catalog, code), &mut found);
        if found != [branch] {
            return Err(format!(
                "openapi.yaml: the branches of `{}` are {found:?}, expected {branch}",
                code.code
            ));
        }
    }
    if !status.codes.iter().any(|c| !c.params.is_empty()) {
        return Ok(());
    }
    // A whole body per code, its details holding exactly its params.
    let bodies = content["schema"]["oneOf"]
        .as_array()
        .ok_or("a status with params has no oneOf of bodies")?;
    if bodies.len() != status.codes.len() {
        return Err(format!(
            "openapi.yaml: {} bodies for {} codes",
            bodies.len(),
            status.codes.len()
        ));
    }
    let path = catalog
        .body
        .path(error_codes_gen::Part::Details)
        .ok_or("a layout without details")?;
    for (body, code) in bodies.iter().zip(&status.codes) {
        let mut schema = body;
        for member in path.parent() {
            schema = &schema["properties"][member];
        }
        if let Some(leaf) = path.leaf() {
            check_details_schema(&schema["properties"][leaf], &code.params)?;
        } else {
            // Spread: the params among the object's other members.
            let is_param = |name: &str| code.param(name).is_some();
            let properties: serde_json::Map<String, Value> = schema["properties"]
                .as_object()
                .into_iter()
                .flatten()
                .filter(|(name, _)| is_param(name))
                .map(|(name, value)| (name.clone(), value.clone()))
                .collect();
            let required: Vec<&Value> = schema["required"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|name| name.as_str().is_some_and(is_param))
                .collect();
            let spread = json!({"properties": properties, "required": required});
            check_details_schema(&spread, &code.params)?;
        }
    }
    Ok(())
}

/// Every schema under `schema` with `const: value` and a description.
fn described_consts<'a>(schema: &'a Value, value: &Value, found: &mut Vec<&'a Value>) {
    match schema {
        Value::Object(members) => {
            if members.get("const") == Some(value) && members.contains_key("description") {
                found.push(schema);
            }
            for member in members.values() {
                described_consts(member, value, found);
            }
        }
        Value::Array(items) => {
            for item in items {
                described_consts(item, value, found);
            }
        }
        _ => {}
    }
}

/// What a response says of each of its codes: the code, its description
/// (message, retry advice when the catalogue gives any, lifecycle notes),
/// whether it is deprecated, and its docs URL.
fn openapi_branches(catalog: &Catalog, status: &error_codes_gen::Status) -> Vec<Value> {
    status
        .codes
        .iter()
        .map(|c| {
            let mut description = c.plain_message().into_owned();
            if catalog.has_retry() {
                description.push_str("\n\n");
                description.push_str(c.retry.advice());
            }
            if let Some(notes) = lifecycle_notes(c) {
                description.push_str("\n\n");
                description.push_str(&notes);
            }
            let mut branch = json!({"const": code_value(catalog, c), "description": description});
            if c.deprecated.is_some() {
                branch["deprecated"] = json!(true);
            }
            if let Some(url) = &c.docs {
                branch["externalDocs"] = json!({"url": url});
            }
            branch
        })
        .collect()
}

/// Each code's example in a response: the body the code sends, as the
/// layout places its parts, with the example's details, and the message
/// rendered from them.
fn check_openapi_examples(
    catalog: &Catalog,
    content: &Value,
    status: &error_codes_gen::Status,
) -> Result<(), String> {
    let same = |what: &str, a: &Value, b: Value| {
        if *a == b {
            Ok(())
        } else {
            Err(format!("openapi.yaml {what}: {a}, expected {b}"))
        }
    };
    let body = &catalog.body;
    let message_path = body.path(error_codes_gen::Part::Message).unwrap();
    let details_path = body.path(error_codes_gen::Part::Details).unwrap();
    for code in &status.codes {
        let example = &content["examples"][&code.code];
        let value = &example["value"];
        let message = member_at(value, &message_path.members)
            .and_then(Value::as_str)
            .ok_or_else(|| format!("the example of `{}` has no message", code.code))?;
        same("an example's summary", &example["summary"], json!(message))?;
        same(
            "an example's description",
            &example["description"],
            json!(lifecycle_notes(code)),
        )?;
        // The message is rendered from the example details: the text
        // between placeholders is there, in order.
        let mut rest = message;
        for piece in code.pieces() {
            if let error_codes_gen::Piece::Text(text) = piece {
                let at = rest
                    .find(text)
                    .ok_or_else(|| format!("example message {message:?} lacks {text:?}"))?;
                rest = &rest[at + text.len()..];
            }
        }
        let details: serde_json::Map<String, Value> = member_at(value, &details_path.members)
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .filter(|(name, _)| code.param(name).is_some())
            .map(|(name, value)| (name.clone(), value.clone()))
            .collect();
        for param in &code.params {
            if !param.optional && !details.contains_key(&param.name) {
                return Err(format!(
                    "the example of `{}` lacks `{}`",
                    code.code, param.name
                ));
            }
        }
        let sent = layout::body(catalog, status, code, &Value::Object(details), message);
        same("an example's body", value, sent)?;
    }
    Ok(())
}

/// The member at `path` in `value` (`value` itself for an empty path).
fn member_at<'a>(value: &'a Value, path: &[String]) -> Option<&'a Value> {
    path.iter()
        .try_fold(value, |value, member| value.get(member))
}

/// An object schema holds exactly `params`, each with its type, and
/// requires the ones that are not optional, in order. (The members' order
/// is the snapshots' to show: `serde_json` sorts them.)
fn check_details_schema(schema: &Value, params: &[error_codes_gen::Param]) -> Result<(), String> {
    let mut names: Vec<&str> = schema["properties"]
        .as_object()
        .map(|properties| properties.keys().map(String::as_str).collect())
        .unwrap_or_default();
    let mut expected: Vec<&str> = params.iter().map(|p| p.name.as_str()).collect();
    names.sort_unstable();
    expected.sort_unstable();
    if names != expected {
        return Err(format!(
            "details schema members {names:?}, expected {expected:?}"
        ));
    }
    let required: Vec<&str> = params
        .iter()
        .filter(|p| !p.optional)
        .map(|p| p.name.as_str())
        .collect();
    let written: Vec<&str> = schema["required"]
        .as_array()
        .map(|items| items.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if written != required {
        return Err(format!(
            "details schema requires {written:?}, expected {required:?}"
        ));
    }
    for param in params {
        let ty = &schema["properties"][&param.name];
        let expected = match &param.ty {
            error_codes_gen::Type::Named(name) => {
                json!({"$ref": format!("#/components/schemas/{name}")})
            }
            error_codes_gen::Type::List(_) => json!("array"),
            error_codes_gen::Type::String => json!("string"),
            error_codes_gen::Type::Integer => json!("integer"),
            error_codes_gen::Type::Number => json!("number"),
            _ => json!("boolean"),
        };
        let found = if expected.is_object() {
            json!({"$ref": ty["$ref"]})
        } else {
            ty["type"].clone()
        };
        if found != expected {
            return Err(format!(
                "`{}` is typed {found}, expected {expected}",
                param.name
            ));
        }
    }
    Ok(())
}

/// A code's lifecycle notes as the `OpenAPI` document and the framework
/// impls word them: `Deprecated: <note>` and `Added in version <since>.`,
/// as paragraphs.
fn lifecycle_notes(code: &error_codes_gen::Code) -> Option<String> {
    let notes: Vec<String> = [
        code.deprecated
            .as_ref()
            .map(|note| format!("Deprecated: {note}")),
        code.since
            .as_ref()
            .map(|since| format!("Added in version {since}.")),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!notes.is_empty()).then(|| notes.join("\n\n"))
}

/// The Markdown page, parsed: every status heading, status description and
/// table cell reads as the catalogue's text (a code linking to its docs URL,
/// led by its title), no text became syntax, the example body is the one
/// the first code sends, and every link within the page lands on an anchor.
fn check_markdown(catalog: &Catalog) -> Result<(), String> {
    let page = markdown::emit(catalog);
    check_markdown_example(catalog, &page)?;
    check_markdown_links(&page)?;
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
                .map(|code| vec![code_cell(code), meaning(catalog, code)])
                .collect(),
        })
        .chain((!catalog.types.is_empty()).then(|| {
            Section {
                heading: "Types".to_owned(),
                paragraphs: std::iter::once(
                    "The objects that the details of the codes above hold.".to_owned(),
                )
                .chain(catalog.types.iter().filter_map(|ty| ty.description.clone()))
                .collect(),
                rows: catalog
                    .types
                    .iter()
                    .flat_map(|ty| &ty.fields)
                    .map(|field| {
                        vec![
                            field.name.clone(),
                            written_type(field),
                            field.description.clone().unwrap_or_default(),
                        ]
                    })
                    .collect(),
            }
        }))
        .chain((!catalog.removed.is_empty()).then(|| {
            Section {
                heading: "Removed codes".to_owned(),
                paragraphs: vec![
                    "These codes are no longer sent, and no code will ever take their place."
                        .to_owned(),
                ],
                rows: catalog
                    .removed
                    .iter()
                    .map(|removed| {
                        vec![
                            removed.code.clone(),
                            removed.status.to_string(),
                            removed.version.clone().unwrap_or_default(),
                            removed.reason.clone().unwrap_or_default(),
                        ]
                    })
                    .collect(),
            }
        }))
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

/// The example body before the first status: the body the first code
/// sends, with the details and message the example shows.
fn check_markdown_example(catalog: &Catalog, page: &str) -> Result<(), String> {
    let events = page_events(page);
    let intro = &events[..first_status(&events)];
    let mut blocks = Vec::new();
    let mut open: Option<String> = None;
    for event in intro {
        match event {
            Event::Start(Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(info)))
                if info.as_ref() == "json" =>
            {
                open = Some(String::new());
            }
            Event::Text(text) if open.is_some() => open.as_mut().unwrap().push_str(text),
            Event::End(TagEnd::CodeBlock) => blocks.extend(open.take()),
            _ => {}
        }
    }
    let [block] = blocks.as_slice() else {
        return Err(format!(
            "errors.md: {} JSON blocks before the first status",
            blocks.len()
        ));
    };
    let shown: Value = serde_json::from_str(block)
        .map_err(|error| format!("errors.md: the example body is not JSON: {error}\n{block}"))?;
    let Some((status, code)) = catalog.codes().next() else {
        return Ok(());
    };
    let body = &catalog.body;
    let message = member_at(
        &shown,
        &body.path(error_codes_gen::Part::Message).unwrap().members,
    )
    .and_then(Value::as_str)
    .ok_or("errors.md: the example body has no message")?;
    let details: serde_json::Map<String, Value> = member_at(
        &shown,
        &body.path(error_codes_gen::Part::Details).unwrap().members,
    )
    .and_then(Value::as_object)
    .into_iter()
    .flatten()
    .filter(|(name, _)| code.param(name).is_some())
    .map(|(name, value)| (name.clone(), value.clone()))
    .collect();
    let sent = layout::body(catalog, status, code, &Value::Object(details), message);
    if shown == sent {
        Ok(())
    } else {
        Err(format!(
            "errors.md: the example body is {shown}, expected {sent}"
        ))
    }
}

/// Every anchor of the page is unique, and every link to `#…` lands on one.
fn check_markdown_links(page: &str) -> Result<(), String> {
    let events = page_events(page);
    let mut ids = std::collections::BTreeSet::new();
    for event in &events {
        if let Event::Html(html) | Event::InlineHtml(html) = event {
            let mut rest = html.as_ref();
            while let Some(at) = rest.find("<a id=\"") {
                rest = &rest[at + "<a id=\"".len()..];
                let end = rest.find('"').ok_or("errors.md: an unterminated anchor")?;
                if !ids.insert(rest[..end].to_owned()) {
                    return Err(format!("errors.md: the anchor {:?} twice", &rest[..end]));
                }
            }
        }
    }
    for event in &events {
        if let Event::Start(Tag::Link { dest_url, .. }) = event
            && let Some(fragment) = dest_url.strip_prefix('#')
        {
            let id = percent_decoded(fragment);
            if !ids.contains(&id) {
                return Err(format!(
                    "errors.md: the link #{fragment} lands on no anchor"
                ));
            }
        }
    }
    Ok(())
}

/// `text` with its `%XX` escapes decoded.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = bytes
            .get(at + 1..at + 3)
            .and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok());
        match (bytes[at], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                at += 3;
            }
            (byte, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A code's cell as [`markdown_sections`] reads it: the code, linked to its
/// docs URL when it has one (a link shows as `\u{3}URL\u{4}` before its
/// text).
fn code_cell(code: &error_codes_gen::Code) -> String {
    match &code.docs {
        Some(url) => format!("\u{3}{url}\u{4}{}", code.code),
        None => code.code.clone(),
    }
}

/// A code's Meaning cell as [`markdown_sections`] reads it: its bold title
/// when it has one, on a line of its own; the message,
/// then, each on a line of its own, a bold `Details:` and each param, the
/// retry advice when the catalogue gives any, the note after a bold
/// `Deprecated:` (bold shows as `\u{1}…\u{2}`) and the version that added
/// the code.
fn meaning(catalog: &Catalog, code: &error_codes_gen::Code) -> String {
    let mut cell = code
        .title
        .as_ref()
        .map(|title| format!("\u{1}{title}\u{2}\n"))
        .unwrap_or_default();
    cell.push_str(&code.plain_message());
    if !code.params.is_empty() {
        cell.push_str("\n\u{1}Details:\u{2}");
        for param in &code.params {
            let _ = write!(cell, "\n{} ({})", param.name, written_type(param));
            if let Some(description) = &param.description {
                let _ = write!(cell, ": {description}");
            }
        }
    }
    if catalog.has_retry() {
        // Its code spans read as their text.
        let _ = write!(cell, "\n{}", code.retry.advice().replace('`', ""));
    }
    if let Some(note) = &code.deprecated {
        let _ = write!(cell, "\n\u{1}Deprecated:\u{2} {note}");
    }
    if let Some(since) = &code.since {
        let _ = write!(cell, "\nAdded in version {since}.");
    }
    cell
}

/// A param's type as a Meaning cell or a type's table writes it.
fn written_type(param: &error_codes_gen::Param) -> String {
    let optional = if param.optional { ", optional" } else { "" };
    format!("{}{optional}", param.ty.written())
}

#[derive(Debug, PartialEq, Eq)]
struct Section {
    heading: String,
    paragraphs: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// The page's Markdown events, every extension on.
fn page_events(page: &str) -> Vec<Event<'_>> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_MATH
        | Options::ENABLE_GFM;
    Parser::new_ext(page, options).collect()
}

/// Where the first status's section starts: the document description
/// before it (or before the removed codes) is free Markdown.
fn first_status(events: &[Event<'_>]) -> usize {
    events
        .windows(2)
        .position(|pair| {
            matches!(
                &pair[0],
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H2,
                    ..
                })
            ) && match &pair[1] {
                Event::InlineHtml(html) => html.starts_with("<a id=\""),
                // Types, then tombstones, come last, in sections without an
                // anchor.
                Event::Text(text) => matches!(text.as_ref(), "Types" | "Removed codes"),
                _ => false,
            }
        })
        .unwrap_or(events.len())
}

/// Each level-2 section of `page`: its heading's text, its paragraphs' text
/// and its table's body rows, every inline container recovered as plain text.
fn markdown_sections(page: &str) -> Result<Vec<Section>, String> {
    let mut sections: Vec<Section> = Vec::new();
    let mut text: Option<String> = None;
    let mut row: Vec<String> = Vec::new();
    let mut in_head = false;
    let events = page_events(page);
    let first_status = first_status(&events);
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
            // Bold, as in a Meaning cell's `**Deprecated:**`, as control
            // characters that no text holds.
            Event::Start(Tag::Strong) if text.is_some() => text.as_mut().unwrap().push('\u{1}'),
            Event::End(TagEnd::Strong) if text.is_some() => text.as_mut().unwrap().push('\u{2}'),
            // A param's type links to the section of its type.
            Event::Start(Tag::Link { dest_url, .. })
                if text.is_some() && dest_url.starts_with("#type:") => {}
            // A code links to its docs URL, which no text holds as a link.
            Event::Start(Tag::Link { dest_url, .. })
                if text.is_some() && dest_url.starts_with("http") =>
            {
                let text = text.as_mut().unwrap();
                text.push('\u{3}');
                text.push_str(&dest_url);
                text.push('\u{4}');
            }
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
    let samples = largest_of_each_layout(samples, wanted, |(_, catalog)| catalog);
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
        "samples: {} catalogues ({} with a layout; {} codes, {} deprecated or with `since`, {} tombstones) \
         through tsc, Node and check_openapi.py; they and {} enums through rustc",
        catalogues.len(),
        catalogues.iter().filter(|c| c.body.is_declared()).count(),
        catalogues.iter().map(|c| c.codes().count()).sum::<usize>(),
        catalogues
            .iter()
            .flat_map(Catalog::codes)
            .filter(|(_, code)| code.deprecated.is_some() || code.since.is_some())
            .count(),
        catalogues.iter().map(|c| c.removed.len()).sum::<usize>(),
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
        let (bodies, _) = typescript_bodies(catalog);
        fs::write(
            ts.join(&case).join("read.ts"),
            format!(
                "import {{ ERROR_CODES, ERRORS, isErrorBody, isReceivedErrorBody, statusOf }} from \"./errors.js\";\n\n\
                 declare const console: {{ log(text: string): void }};\n\
                 const errors: Record<string, {{ status: number; message: string; docs: unknown }}> = {{}};\n\
                 for (const code of ERROR_CODES) {{\n  \
                   const entry: {{ readonly [key: string]: unknown }} = ERRORS[code];\n  \
                   errors[String(code)] = {{ status: statusOf(code), message: ERRORS[code].message, docs: entry[\"docs\"] ?? null }};\n\
                 }}\n\
                 const bodies: unknown[] = JSON.parse({});\n\
                 console.log(JSON.stringify({{ codes: ERROR_CODES, errors, known: bodies.map(isErrorBody), received: bodies.map(isReceivedErrorBody) }}));\n",
                json!(Value::Array(bodies).to_string())
            ),
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
    typescript_lifecycle_tags(&ts, catalogues);
    for (index, catalog) in catalogues.iter().enumerate() {
        let printed = tools::run(
            node::node()
                .arg(format!("out/s{index}/read.js"))
                .current_dir(&ts),
            "a compiled module does not run",
        );
        let read: Value = serde_json::from_str(&printed).unwrap();
        let codes: Vec<Value> = catalog
            .codes()
            .map(|(_, code)| code_value(catalog, code))
            .collect();
        assert_eq!(read["codes"], json!(codes), "sample s{index}");
        for (status, code) in catalog.codes() {
            assert_eq!(
                read["errors"][&code.code],
                json!({ "status": status.status, "message": code.message, "docs": code.docs }),
                "sample s{index}, code {}",
                code.code
            );
        }
        // Each code's body passes both guards; a body of another layout,
        // or an integer code sent as a string, passes neither.
        let (_, known) = typescript_bodies(catalog);
        assert_eq!(read["known"], json!(known), "sample s{index}: isErrorBody");
        assert_eq!(
            read["received"],
            json!(known),
            "sample s{index}: isReceivedErrorBody"
        );
    }
}

/// Bodies for the TypeScript guards, and whether each is a body of the
/// catalogue: each code's body as the layout sends it (with
/// [`sample_details`]), and under a declared layout, the same code in the
/// default layout and, for integer codes, sent as a string.
fn typescript_bodies(catalog: &Catalog) -> (Vec<Value>, Vec<bool>) {
    let (mut bodies, mut known) = (Vec::new(), Vec::new());
    for (status, code) in catalog.codes() {
        let details = sample_details(catalog, &code.params);
        let message = sample_message(code, &details);
        bodies.push(layout::body(catalog, status, code, &details, &message));
        known.push(true);
        if !catalog.body.is_declared() {
            continue;
        }
        let mut default = json!({"error": code_value(catalog, code), "message": message});
        if !code.params.is_empty() {
            default["details"] = details.clone();
        }
        bodies.push(default);
        known.push(false);
        if catalog.body.code_type == error_codes_gen::CodeType::Integer {
            let mut as_string = layout::body(catalog, status, code, &details, &message);
            let path = &catalog
                .body
                .path(error_codes_gen::Part::Code)
                .unwrap()
                .members;
            let (leaf, parents) = path.split_last().unwrap();
            let mut object = &mut as_string;
            for member in parents {
                object = &mut object[member];
            }
            object[leaf] = json!(code.code);
            bodies.push(as_string);
            known.push(false);
        }
    }
    (bodies, known)
}

/// Reads every `ERRORS` entry's doc comment with the TypeScript compiler's
/// own `JSDoc` parser (the one editors use to strike deprecated names
/// through) and prints, per entry, whether it is deprecated and how many of
/// each block tag it has.
const READ_JSDOC: &str = r#"const ts = require(process.argv[2]);
const fs = require("node:fs");
const out = [];
for (const file of process.argv.slice(3)) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const entries = {};
  const visit = (node) => {
    if (ts.isVariableDeclaration(node) && node.name.getText(source) === "ERRORS") {
      let object = node.initializer;
      while (ts.isAsExpression(object) || ts.isParenthesizedExpression(object)) object = object.expression;
      for (const entry of object.properties) {
        const name = ts.isComputedPropertyName(entry.name) ? entry.name.expression.text : entry.name.text;
        const tags = {};
        for (const tag of ts.getJSDocTags(entry)) tags[tag.tagName.text] = (tags[tag.tagName.text] ?? 0) + 1;
        entries[name] = { deprecated: ts.getJSDocDeprecatedTag(entry) !== undefined, tags };
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  out.push(entries);
}
console.log(JSON.stringify(out));
"#;

/// Each code's `ERRORS` entry, as the TypeScript compiler reads its doc
/// comment: deprecated exactly when the code is, with one `@since` when the
/// code records a version, one `@see` when it has a docs URL, and no other
/// block tag, whatever the message, note or version says.
fn typescript_lifecycle_tags(ts: &Path, catalogues: &[Catalog]) {
    fs::write(ts.join("read-jsdoc.cjs"), READ_JSDOC).unwrap();
    let compiler = node::node_modules()
        .join("typescript-5.9")
        .join("lib")
        .join("typescript.js");
    let printed = tools::run(
        node::node()
            .arg("read-jsdoc.cjs")
            .arg(compiler)
            .args((0..catalogues.len()).map(|index| format!("s{index}/errors.ts")))
            .current_dir(ts),
        "the TypeScript compiler API cannot read a generated module",
    );
    let read: Vec<Value> = serde_json::from_str(&printed).unwrap();
    assert_eq!(read.len(), catalogues.len());
    for (index, (read, catalog)) in read.iter().zip(catalogues).enumerate() {
        let expected: serde_json::Map<String, Value> = catalog
            .codes()
            .map(|(_, code)| {
                let mut tags = serde_json::Map::new();
                if code.since.is_some() {
                    tags.insert("since".to_owned(), json!(1));
                }
                if code.deprecated.is_some() {
                    tags.insert("deprecated".to_owned(), json!(1));
                }
                if code.docs.is_some() {
                    tags.insert("see".to_owned(), json!(1));
                }
                let entry = json!({"deprecated": code.deprecated.is_some(), "tags": tags});
                (code.code.clone(), entry)
            })
            .collect();
        assert_eq!(
            *read,
            Value::Object(expected),
            "sample s{index}: the doc comments of ERRORS, as tsc reads them"
        );
    }
}

fn openapi_sample(dir: &Path, catalogues: &[Catalog]) {
    for (index, catalog) in catalogues.iter().enumerate() {
        let case = dir.join("openapi").join(format!("s{index}"));
        fs::create_dir_all(&case).unwrap();
        let (document, expected) = (case.join("openapi.yaml"), case.join("expected.json"));
        fs::write(&document, openapi::emit(catalog)).unwrap();
        fs::write(&expected, openapi_expectation(catalog).to_string()).unwrap();
        // The sample's index is in the file names the failure shows.
        let _ = python::run_passing_script("check_openapi.py", &[&document, &expected]);
    }
}

/// One crate that includes every sampled catalogue (`yamls`, whose models are
/// `catalogues`) and derives every sampled enum, under `deny(warnings)`, and
/// prints each value's code, message and status as JSON, to be compared with
/// the models.
/// Details for `params`: every param, a value of its type (lists empty,
/// objects with their required fields).
fn sample_details(catalog: &Catalog, params: &[error_codes_gen::Param]) -> Value {
    let mut details = serde_json::Map::new();
    for param in params {
        let value = match &param.ty {
            error_codes_gen::Type::String => json!("s\"{x}"),
            error_codes_gen::Type::Integer => json!(-7),
            error_codes_gen::Type::Number => json!(2.5),
            error_codes_gen::Type::Boolean => json!(true),
            error_codes_gen::Type::List(_) => json!([]),
            error_codes_gen::Type::Named(name) => {
                let fields = &catalog.type_def(name).unwrap().fields;
                let required: Vec<_> = fields.iter().filter(|f| !f.optional).cloned().collect();
                sample_details(catalog, &required)
            }
            _ => unreachable!("no other type"),
        };
        details.insert(param.name.clone(), value);
    }
    Value::Object(details)
}

/// `code`'s message with its placeholders filled from `details`, as a
/// server writes it.
fn sample_message(code: &error_codes_gen::Code, details: &Value) -> String {
    code.pieces()
        .into_iter()
        .map(|piece| match piece {
            error_codes_gen::Piece::Text(text) => text.to_owned(),
            error_codes_gen::Piece::Param(name) => match &details[name] {
                Value::String(text) => text.clone(),
                other => other.to_string(),
            },
            _ => unreachable!("no other piece"),
        })
        .collect()
}

/// The sample crate's lines for catalogue `c{index}` read from bodies,
/// and what they print.
fn rust_sample_bodies(
    index: usize,
    catalog: &Catalog,
    body: &mut String,
    expected: &mut Vec<Value>,
) {
    // Values that carry data, and every value of a declared layout,
    // come from bodies in the layout: each read strictly, shown, written
    // back as the same body, and read as `Received`, whose known value
    // is the same and which keeps what the layout sends.
    let has = |part| catalog.body.path(part).is_some();
    for (status, code) in catalog.codes() {
        let details = sample_details(catalog, &code.params);
        let message = sample_message(code, &details);
        let sent = layout::body(catalog, status, code, &details, &message);
        let text = sent.to_string();
        let ty = format!("c{index}::{}", catalog.name);
        let _ = writeln!(
            body,
            "    {{\n        let error: {ty} = serde_json::from_str({text:?}).unwrap();\n        \
             show(\"c{index}\", error.code(), &error.message(), error.status());\n        \
             println!(\"{{}}\", serde_json::to_string(&error).unwrap());\n        \
             let received: ::error_codes::Received<{ty}> = serde_json::from_str({text:?}).unwrap();\n        \
             println!(\"{{}}\", serde_json::json!([received.code(), received.known().as_ref() == Some(&error), \
             received.status(), received.docs(), received.title(), ErrorCode::docs(&error)]));\n    }}"
        );
        expected.push(json!([
            format!("c{index}"),
            code.code,
            message,
            status.status
        ]));
        expected.push(sent);
        expected.push(json!([
            code.code,
            true,
            has(error_codes_gen::Part::Status).then_some(status.status),
            code.docs
                .as_ref()
                .filter(|_| has(error_codes_gen::Part::Docs)),
            has(error_codes_gen::Part::Title).then(|| code.title_in(status)),
            code.docs,
        ]));
    }
}

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
        if !catalog.has_details() && !catalog.body.is_declared() {
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
            continue;
        }
        rust_sample_bodies(index, catalog, &mut body, &mut expected);
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
                "    show(\"d{index}\", ErrorCode::code(&d{index}::{}::{variant}), &ErrorCode::message(&d{index}::{}::{variant}), ErrorCode::status(&d{index}::{}::{variant}));",
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
    let bodies = expected.iter().filter(|line| line.is_object()).count();
    eprintln!("rust sample: {bodies} bodies read strictly and written back");
}

// ---- Samples through the Go tools -------------------------------------------

/// The largest generated catalogues that the loader accepts with `outputs:
/// [go]` (one that gives two codes the same Go constant is refused), through
/// `gofmt -l`, `go vet` and the Go read-back of `error_codes_tests::fuzz::go`,
/// in one module: codes, statuses, messages, retry advice, deprecation
/// notes, details and `Decode` in each catalogue's layout, value by value.
#[test]
fn sampled_catalogues_through_gofmt_go_vet_and_a_go_read_back() {
    let wanted = fuzz::samples();
    let mut runner = TestRunner::new(fuzz::config(200));
    let mut samples: Vec<Catalog> = Vec::new();
    let mut refused = 0;
    for _ in 0..runner.config().cases {
        let mut spec = fuzz::catalogue().new_tree(&mut runner).unwrap().current();
        spec.outputs = Some(vec![error_codes_gen::Output::Go]);
        match Catalog::from_yaml(&spec.yaml(), "fuzz.yaml") {
            Ok(catalog) => samples.push(catalog),
            Err(_) => refused += 1,
        }
    }
    let chosen = largest_of_each_layout(samples, wanted, |catalog| catalog);
    assert!(!chosen.is_empty(), "no generated catalogue selects go");
    let named: Vec<(String, Catalog)> = chosen
        .into_iter()
        .enumerate()
        .map(|(index, catalog)| (format!("s{index}"), catalog))
        .collect();
    let dir = target_dir().join("fuzz-samples").join("go");
    let _ = fs::remove_dir_all(&dir);
    let [gofmt, vet, run] = fuzz::go::read_back(&dir, &named);
    eprintln!(
        "go samples: {} catalogues ({} codes; {refused} of the generated ones refused for Go names), \
         gofmt {gofmt:.1}s, go vet {vet:.1}s, go run {run:.1}s",
        named.len(),
        named.iter().map(|(_, c)| c.codes().count()).sum::<usize>(),
    );
}

// ---- Samples through the Python tools ---------------------------------------

/// The Python output of the largest generated catalogues that Python can
/// name: `mypy --strict`, pyright (strict), ruff, and a read-back of every
/// code's status, message, retry, deprecation, class and params, and of
/// `from_response` on each code's body in its layout.
#[test]
fn sampled_catalogues_through_the_python_tools() {
    let wanted = fuzz::samples();
    let mut runner = TestRunner::new(fuzz::config(200));
    let mut samples: Vec<Catalog> = Vec::new();
    let mut refused = 0;
    for _ in 0..runner.config().cases {
        let spec = fuzz::catalogue().new_tree(&mut runner).unwrap().current();
        match fuzz::python::with_python(spec) {
            Some(catalog) => samples.push(catalog),
            None => refused += 1,
        }
    }
    let chosen = largest_of_each_layout(samples, wanted, |catalog| catalog);
    assert_eq!(chosen.len(), wanted, "too few catalogues Python can name");

    let dir = target_dir().join("fuzz-samples").join("python");
    let _ = fs::remove_dir_all(&dir);
    let printed = fuzz::python::check(&dir, &chosen);
    assert_eq!(printed.lines().count(), chosen.len(), "{printed}");
    eprintln!(
        "python samples: {} catalogues ({} with a layout; {} codes, {} with params) through \
         mypy, pyright, ruff and the read-back; {refused} of {} generated were refused for \
         names Python cannot give",
        chosen.len(),
        chosen.iter().filter(|c| c.body.is_declared()).count(),
        chosen.iter().map(|c| c.codes().count()).sum::<usize>(),
        chosen
            .iter()
            .flat_map(Catalog::codes)
            .filter(|(_, code)| !code.params.is_empty())
            .count(),
        runner.config().cases,
    );
}
