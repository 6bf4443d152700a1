//! The bad-input catalogue (`error_codes_tests::bad_input`) through the
//! library and the macro; `xtask/tests/bad_input.rs` runs the command line.
//!
//! The macro's rows are compiled together, as one module per row of one
//! scratch crate (one `cargo check`), and the compiler's JSON diagnostics are matched to the rows by line.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use error_codes_gen::{Catalog, documents};
use error_codes_tests::bad_input::{
    At, DERIVE_CLASSES, Expect, FILE_CLASSES, FileClass, Input, MACRO_CALL_CLASSES, MacroExpect,
    VALID, make_readable,
};
use error_codes_tests::sandbox::{rerun_unprivileged, restore_permissions, unprivileged};
use error_codes_tests::{
    scratch_crates_target, scratch_manifest, seed_lockfile, target_dir, workspace_root,
    write_if_changed,
};

fn scratch(name: &str) -> PathBuf {
    let dir = target_dir().join("bad-input").join(name);
    empty_folder(&dir);
    dir
}

/// Makes `dir` an empty folder, whatever an earlier run left in it (an
/// unreadable case file among them).
fn empty_folder(dir: &Path) {
    if dir.exists() {
        restore_permissions(dir);
        fs::remove_dir_all(dir).unwrap();
    }
    fs::create_dir_all(dir).unwrap();
}

/// `file:line:column`, or `file` for the file as a whole.
fn location(file: &str, at: At) -> String {
    match at {
        At::Line(line, column) => format!("{file}:{line}:{column}"),
        At::File => file.to_owned(),
    }
}

#[test]
fn file_classes_through_the_library() {
    if rerun_unprivileged("file_classes_through_the_library") {
        return;
    }
    let dir = scratch("library");
    let mut failures = Vec::new();
    for class in FILE_CLASSES {
        let path = dir.join(format!("{}.yaml", class.name));
        class.create(&path);
        let loaded = std::panic::catch_unwind(|| Catalog::load(&path));
        make_readable(&path);
        let verdict = match loaded {
            Err(_) => Err("the loader panicked".to_owned()),
            Ok(loaded) => check_loaded(class, &path.display().to_string(), loaded),
        };
        if let Err(problem) = verdict {
            failures.push(format!("{}: {problem}", class.name));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn check_loaded(
    class: &FileClass,
    file: &str,
    loaded: Result<Catalog, error_codes_gen::Error>,
) -> Result<(), String> {
    match (class.expect, loaded) {
        (Expect::Accepted(expected), Ok(catalog)) => {
            // What the file says came through the quirk unchanged: a byte
            // order mark or CRLF left in a text, `yes` read as `true`, or a
            // quoted status dropped would show here.
            let loaded: Vec<(u16, &str, &str)> = catalog
                .codes()
                .map(|(status, code)| (status.status, code.code.as_str(), code.message.as_str()))
                .collect();
            if loaded != expected {
                return Err(format!("loaded {loaded:?}, expected {expected:?}"));
            }
            // The documents' contents are the emitters' tests' business;
            // here they must only render.
            let _ = documents(&catalog);
            Ok(())
        }
        (Expect::Accepted(_), Err(error)) => Err(format!("expected to load, got:\n{error}")),
        (Expect::Refused { .. }, Ok(_)) => Err("expected a refusal, but it loaded".to_owned()),
        (Expect::Refused { at, says }, Err(error)) => {
            let first = &error.diagnostics()[0];
            let expected = location(file, at);
            if first.location() != expected || !first.message.contains(says) {
                return Err(format!(
                    "expected `{expected}: …{says}…`, got `{}: {}`",
                    first.location(),
                    first.message
                ));
            }
            for diagnostic in error.diagnostics() {
                if diagnostic.message.chars().any(char::is_control) {
                    return Err(format!("not one line: {:?}", diagnostic.message));
                }
                let shown = diagnostic.to_string();
                let head = format!("{}: {}", diagnostic.location(), diagnostic.message);
                if shown.lines().next() != Some(head.as_str()) {
                    return Err(format!("shown as {shown:?}, not starting with {head:?}"));
                }
            }
            Ok(())
        }
    }
}

/// One row of the macro's scratch crate.
struct MacroRow {
    name: String,
    argument: String,
    expect: RowExpect,
}

enum RowExpect {
    Accepted,
    /// The span's text, the message's start (for a file's location) and a
    /// piece of it.
    Refused {
        span: String,
        starts: Option<String>,
        says: String,
    },
}

#[test]
fn file_classes_and_calls_through_the_macro() {
    let root = target_dir().join("bad-input-macro");
    let crate_dir = root.join("crate");
    fs::create_dir_all(crate_dir.join("src")).unwrap();
    // Parallel test runs share the scratch crate.
    let lock = File::create(root.join(".lock")).unwrap();
    lock.lock().unwrap();

    let cases = crate_dir.join("cases");
    empty_folder(&cases);
    fs::write(cases.join("valid.yaml"), VALID).unwrap();
    write_if_changed(&root.join("shared").join("errors.yaml"), VALID);
    let absolute = cases.join("valid.yaml");
    let absolute = absolute.to_str().expect("a UTF-8 path");

    let rows = macro_rows(&crate_dir, absolute);

    // One module per row, one row per line: line n + 2 is row n.
    let mut lib = String::from(
        "//! One module per class of bad input; written by tests/tests/bad_input.rs.\n",
    );
    for row in &rows {
        writeln!(
            lib,
            "pub mod {} {{ ::error_codes::include_errors!({}); }}",
            row.name, row.argument
        )
        .unwrap();
    }
    // Always written: a new time stamp makes cargo check the crate again
    // even when only a case file changed.
    fs::write(crate_dir.join("src").join("lib.rs"), lib).unwrap();
    write_if_changed(
        &crate_dir.join("Cargo.toml"),
        &scratch_manifest("bad-input-macro", ""),
    );
    seed_lockfile(&crate_dir);

    let output = unprivileged(env!("CARGO"))
        .args(["check", "--offline", "--quiet", "--message-format=json"])
        .current_dir(&crate_dir)
        .env("CARGO_TARGET_DIR", scratch_crates_target())
        .output()
        .expect("run cargo check");
    for entry in fs::read_dir(&cases).unwrap() {
        make_readable(&entry.unwrap().path());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let errors = compiler_errors(&String::from_utf8_lossy(&output.stdout));
    assert!(
        !stderr.contains("panicked")
            && errors
                .values()
                .flatten()
                .all(|error| !error.message.contains("panicked")),
        "the macro panicked:\n{stderr}"
    );

    let mut failures = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        let found = errors.get(&(index + 2)).map_or(&[][..], Vec::as_slice);
        if let Err(problem) = check_row(row, found) {
            failures.push(format!("{}: {problem}", row.name));
        }
    }
    let stray: Vec<_> = errors
        .iter()
        .filter(|(line, _)| **line < 2 || **line >= rows.len() + 2)
        .collect();
    assert!(stray.is_empty(), "errors outside the rows: {stray:?}");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The rows of the macro's scratch crate: every file class (whose case file
/// is created under `crate_dir/cases/`) and every macro-call class.
fn macro_rows(crate_dir: &Path, absolute: &str) -> Vec<MacroRow> {
    let mut rows = Vec::new();
    for class in FILE_CLASSES {
        let file = format!("cases/{}.yaml", class.name);
        class.create(&crate_dir.join(&file));
        let literal = format!("{file:?}");
        let expect = match class.expect {
            Expect::Accepted(_) => RowExpect::Accepted,
            Expect::Refused { at, says } => RowExpect::Refused {
                span: literal.clone(),
                starts: Some(format!("{}: ", location(&file, at))),
                says: says.to_owned(),
            },
        };
        rows.push(MacroRow {
            name: class.name.to_owned(),
            argument: literal,
            expect,
        });
    }
    let fill = |text: &str| {
        text.replace("{valid}", "cases/valid.yaml")
            .replace("{absolute}", absolute)
    };
    for class in MACRO_CALL_CLASSES {
        let expect = match class.expect {
            MacroExpect::Accepted => RowExpect::Accepted,
            MacroExpect::Refused { span, says } => RowExpect::Refused {
                span: fill(span),
                starts: None,
                says: says.to_owned(),
            },
        };
        rows.push(MacroRow {
            name: class.name.to_owned(),
            argument: fill(class.argument),
            expect,
        });
    }

    rows
}

fn check_row(row: &MacroRow, found: &[CompilerError]) -> Result<(), String> {
    match &row.expect {
        RowExpect::Accepted if found.is_empty() => Ok(()),
        RowExpect::Accepted => Err(format!("expected to compile, got {found:?}")),
        RowExpect::Refused { span, starts, says } => {
            let Some(first) = found.first() else {
                return Err("expected a compile error, got none".to_owned());
            };
            if first.span != *span {
                return Err(format!("error spans `{}`, not `{span}`", first.span));
            }
            if let Some(starts) = starts
                && !first.message.starts_with(starts.as_str())
            {
                return Err(format!("expected `{starts}…`, got `{}`", first.message));
            }
            if first.message.contains(says.as_str()) {
                Ok(())
            } else {
                Err(format!("expected `…{says}…`, got `{}`", first.message))
            }
        }
    }
}

#[derive(Debug)]
struct CompilerError {
    message: String,
    /// The source text the primary span covers.
    span: String,
}

/// The compiler's errors in `src/lib.rs`, by line, from cargo's JSON output.
fn compiler_errors(json_lines: &str) -> BTreeMap<usize, Vec<CompilerError>> {
    let mut errors: BTreeMap<usize, Vec<CompilerError>> = BTreeMap::new();
    for line in json_lines.lines() {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if value["reason"] != "compiler-message" || value["message"]["level"] != "error" {
            continue;
        }
        let message = &value["message"];
        let Some(span) = message["spans"]
            .as_array()
            .and_then(|spans| spans.iter().find(|span| span["is_primary"] == true))
        else {
            // "aborting due to N previous errors" has no place.
            continue;
        };
        let text = &span["text"][0];
        let (start, end) = (
            text["highlight_start"].as_u64().unwrap_or(1),
            text["highlight_end"].as_u64().unwrap_or(1),
        );
        let covered: String = text["text"]
            .as_str()
            .unwrap_or_default()
            .chars()
            .skip(usize::try_from(start).unwrap() - 1)
            .take(usize::try_from(end.saturating_sub(start)).unwrap())
            .collect();
        let line = usize::try_from(span["line_start"].as_u64().unwrap()).unwrap();
        errors.entry(line).or_default().push(CompilerError {
            message: message["message"].as_str().unwrap_or_default().to_owned(),
            span: covered,
        });
    }
    errors
}

/// Each derive class is a trybuild case with its expected errors, and each
/// case is a class: a new case must be named in the catalogue.
#[test]
fn derive_classes_are_the_trybuild_cases() {
    let folder = workspace_root().join("tests").join("ui").join("derive");
    let mut cases: Vec<String> = fs::read_dir(&folder)
        .unwrap()
        .filter_map(|entry| {
            let path = entry.unwrap().path();
            (path.extension()? == "rs")
                .then(|| path.file_stem().unwrap().to_string_lossy().into_owned())
        })
        .collect();
    cases.sort();
    let mut listed: Vec<String> = DERIVE_CLASSES
        .iter()
        .map(|(_, case)| (*case).to_owned())
        .collect();
    listed.sort();
    assert_eq!(listed, cases, "tests/ui/derive and DERIVE_CLASSES differ");
    for (name, case) in DERIVE_CLASSES {
        let stderr = fs::read_to_string(folder.join(format!("{case}.stderr")))
            .unwrap_or_else(|error| panic!("{name}: {case}.stderr: {error}"));
        assert!(stderr.starts_with("error: "), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
}

/// A file class's input is what it says: the tables cannot drift from the
/// files the tests write.
#[test]
fn file_inputs_are_created_as_described() {
    let dir = scratch("inputs");
    for class in FILE_CLASSES {
        let path = dir.join(class.name);
        class.create(&path);
        let metadata = fs::symlink_metadata(&path);
        match class.input {
            Input::Missing => assert!(metadata.is_err(), "{}", class.name),
            Input::Folder => assert!(metadata.unwrap().is_dir(), "{}", class.name),
            _ => assert!(metadata.unwrap().is_file(), "{}", class.name),
        }
        make_readable(&path);
    }
}
