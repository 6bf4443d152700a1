//! `cargo xtask gen` as a user runs it: exit codes, what is written, `--check`.
//!
//! The command is `error-codes gen` with the workspace's defaults
//! (`error_codes_cli`); these tests pin both the defaults and the behaviour.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use error_codes_tests::{seed_catalog, workspace_root};

fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .expect("xtask runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The files `gen` writes for `errors.yaml`: each output it selects.
fn document_names() -> Vec<&'static str> {
    seed_catalog()
        .outputs
        .iter()
        .map(|output| output.file_name())
        .collect()
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 scratch path")
}

/// `dir/out` with the documents of `errors.yaml` in it, and their bytes.
fn generated_into(dir: &Path) -> (PathBuf, Vec<Vec<u8>>) {
    let out = dir.join("out");
    assert!(xtask(&["gen", "--out", path_str(&out)]).status.success());
    let bytes = document_names()
        .iter()
        .map(|f| std::fs::read(out.join(f)).unwrap())
        .collect();
    (out, bytes)
}

/// The first `count` documents in `out` still have the bytes `before`.
#[track_caller]
fn assert_unchanged(out: &Path, before: &[Vec<u8>], count: usize) {
    for (file, bytes) in document_names().iter().zip(before).take(count) {
        assert_eq!(
            &std::fs::read(out.join(file)).unwrap(),
            bytes,
            "{file} changed"
        );
    }
}

/// The committed documents are what `errors.yaml` gives: CI fails when
/// someone edits the catalogue and forgets `cargo xtask gen`.
#[test]
fn committed_documents_are_fresh() {
    let output = xtask(&["gen", "--check"]);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn gen_writes_every_document_deterministically() {
    let dir = scratch("writes");
    let out = dir.join("out");
    let output = xtask(&["gen", "--out", path_str(&out)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let files = document_names();
    let first: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(out.join(f)).unwrap())
        .collect();
    for (file, bytes) in files.iter().zip(&first) {
        let text = String::from_utf8(bytes.clone()).unwrap();
        let first_line = text.lines().next().unwrap();
        assert!(
            first_line.contains("Generated from errors.yaml by error-codes; do not edit."),
            "{file}: {first_line}"
        );
    }
    // Same input, same bytes; and they match the committed ones.
    let again = xtask(&["gen", "--out", path_str(&out)]);
    assert!(again.status.success());
    for (file, bytes) in files.iter().zip(&first) {
        assert_eq!(&std::fs::read(out.join(file)).unwrap(), bytes, "{file}");
        let committed = std::fs::read(workspace_root().join("generated").join(file)).unwrap();
        assert_eq!(&committed, bytes, "generated/{file} is stale");
    }
}

#[test]
fn check_reports_stale_and_missing_files_and_writes_nothing() {
    let dir = scratch("check");
    let out = dir.join("out");
    assert!(xtask(&["gen", "--out", path_str(&out)]).status.success());
    let fresh = xtask(&["gen", "--out", path_str(&out), "--check"]);
    assert_eq!(fresh.status.code(), Some(0), "{}", stderr(&fresh));

    let ts = out.join("errors.ts");
    let edited = std::fs::read_to_string(&ts)
        .unwrap()
        .replace("The API Token has expired.", "The token is old.");
    std::fs::write(&ts, &edited).unwrap();
    std::fs::remove_file(out.join("errors.md")).unwrap();

    let stale = xtask(&["gen", "--out", path_str(&out), "--check"]);
    assert_eq!(stale.status.code(), Some(1));
    let message = stderr(&stale);
    assert!(
        message.contains(&format!("  {}\n", ts.display())),
        "{message}"
    );
    assert!(
        message.contains(&format!("  {}\n", out.join("errors.md").display())),
        "{message}"
    );
    assert!(
        !message.contains(&format!("  {}\n", out.join("openapi.yaml").display())),
        "{message}"
    );
    let diff_line = |sign: char, text: &str| {
        message
            .lines()
            .any(|line| line.starts_with(sign) && line.contains(text))
    };
    assert!(diff_line('-', "The token is old."), "{message}");
    assert!(diff_line('+', "The API Token has expired."), "{message}");
    assert!(
        message.contains(&format!("run `cargo xtask gen --out {}`", out.display())),
        "{message}"
    );
    // --check wrote nothing.
    assert_eq!(std::fs::read_to_string(&ts).unwrap(), edited);
    assert!(!out.join("errors.md").exists());
}

#[test]
fn a_broken_spec_writes_nothing_and_exits_2() {
    let dir = scratch("broken");
    let (out, before) = generated_into(&dir);

    let spec = dir.join("errors.yaml");
    std::fs::write(
        &spec,
        "title: T\nstatuses:\n  302: {}\n  401:\n    codes:\n      self: x\n",
    )
    .unwrap();
    let output = xtask(&["gen", "--spec", path_str(&spec), "--out", path_str(&out)]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    let spec = spec.display();
    assert!(
        message.contains(&format!("{spec}:3:3: `302` is not an error status")),
        "{message}"
    );
    assert!(
        message.contains(&format!("{spec}:6:7: `self` cannot become a Rust variant")),
        "{message}"
    );
    assert!(
        message.contains("3 |   302: {}"),
        "snippet missing: {message}"
    );
    assert!(
        message.contains("2 problems") && message.contains("nothing was written"),
        "{message}"
    );
    let count = document_names().len();
    assert_unchanged(&out, &before, count);
    // No temporary files are left behind either.
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), count);
}

/// The documents are replaced as a set: one that cannot be written leaves
/// the others as they were.
#[test]
fn a_write_error_changes_no_document() {
    let dir = scratch("unwritable");
    let (out, before) = generated_into(&dir);
    // The document written last is now a folder; every document would change.
    let names = document_names();
    let (last, others) = names.split_last().unwrap();
    std::fs::remove_file(out.join(last)).unwrap();
    std::fs::create_dir(out.join(last)).unwrap();
    let spec = dir.join("errors.yaml");
    // The same outputs as the seed's, so that every document would change.
    let words: Vec<&str> = seed_catalog()
        .outputs
        .iter()
        .map(|output| output.word())
        .collect();
    std::fs::write(
        &spec,
        format!(
            "title: Another title\noutputs: [{}]\nstatuses:\n  401:\n    codes:\n      a: A.\n",
            words.join(", ")
        ),
    )
    .unwrap();

    let output = xtask(&["gen", "--spec", path_str(&spec), "--out", path_str(&out)]);

    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("cannot write") && message.contains(last),
        "{message}"
    );
    // The last is the folder in the way; the others are as they were.
    assert_unchanged(&out, &before, others.len());
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        names.len(),
        "temporary files left"
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(xtask(&["gen", "--frobnicate"]).status.code(), Some(2));
    assert_eq!(xtask(&["gen", "--spec"]).status.code(), Some(2));
    assert_eq!(xtask(&["generate"]).status.code(), Some(2));
    let twice = xtask(&["gen", "--spec", "a.yaml", "--spec", "b.yaml"]);
    assert_eq!(twice.status.code(), Some(2));
    assert!(
        stderr(&twice).contains("'--spec <PATH>' cannot be used multiple times"),
        "{}",
        stderr(&twice)
    );
    // A flag is not a value: `--spec --out` lacks the path (`--spec=--out`
    // would name a file `--out`).
    let odd = xtask(&["gen", "--spec", "--out", "x", "--check"]);
    assert_eq!(odd.status.code(), Some(2));
    assert!(
        stderr(&odd).contains("a value is required for '--spec <PATH>'"),
        "{}",
        stderr(&odd)
    );
    let typo = xtask(&["gen", "--chek"]);
    assert_eq!(typo.status.code(), Some(2));
    assert!(
        stderr(&typo).contains("a similar argument exists: '--check'"),
        "{}",
        stderr(&typo)
    );
    let out_is_a_file = xtask(&["gen", "--out", "Cargo.toml"]);
    assert_eq!(out_is_a_file.status.code(), Some(2));
    assert!(
        stderr(&out_is_a_file).contains("`--out Cargo.toml` is not a folder"),
        "{}",
        stderr(&out_is_a_file)
    );
    let missing = xtask(&["gen", "--spec", "no/such/errors.yaml", "--check"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no/such/errors.yaml: cannot read the error catalogue"));
}

/// `breaking` with the workspace's catalogue by default, from any folder.
#[test]
fn breaking_compares_the_workspace_catalogue() {
    let same = workspace_root().join("errors.yaml");
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["breaking", "--against", path_str(&same)])
        .current_dir(workspace_root().join("tests"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        format!("no differences from {}\n", same.display())
    );
    assert_eq!(
        xtask(&["breaking"]).status.code(),
        Some(2),
        "--against is required"
    );
}
