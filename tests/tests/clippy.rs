//! Generated code is clean under clippy in a user's crate that denies
//! warnings, missing docs and `clippy::pedantic`.
//!
//! trybuild (`tests/ui.rs`) proves the pass cases compile warning-free under
//! rustc; this runs `cargo clippy` on the same files, as bins of a scratch
//! crate beside which their catalogues are mirrored (with `serde_json`, as
//! trybuild gives them this crate's dev-dependencies).

use std::fmt::Write as _;
use std::fs::File;
use std::process::Command;

use error_codes_tests::{mirror_catalogues, target_dir, workspace_root};

#[test]
fn pass_cases_are_clean_under_clippy() {
    let root = target_dir().join("clippy-check");
    // The crate's folder plays the part of `tests/`, so `../errors.yaml`
    // resolves to the mirrored copy in `root`.
    let crate_dir = root.join("tests");
    std::fs::create_dir_all(&crate_dir).expect("create the scratch crate");
    let lock = File::create(root.join(".lock")).expect("create the lock file");
    lock.lock().expect("lock the scratch crate");
    mirror_catalogues(&crate_dir);

    let pass_dir = workspace_root().join("tests/ui/pass");
    let mut cases: Vec<_> = std::fs::read_dir(&pass_dir)
        .expect("list tests/ui/pass")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no pass cases found");

    let runtime = workspace_root().join("error-codes");
    let mut manifest = format!(
        "[package]\nname = \"clippy-check\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nerror-codes = {{ path = {:?} }}\nserde_json = \"1\"\n\n[workspace]\n",
        runtime.to_str().expect("a UTF-8 workspace path")
    );
    for case in &cases {
        let name = case.file_stem().expect("a file name").to_string_lossy();
        let path = case.to_str().expect("a UTF-8 workspace path");
        let _ = write!(manifest, "\n[[bin]]\nname = \"{name}\"\npath = {path:?}\n");
    }
    std::fs::write(crate_dir.join("Cargo.toml"), manifest).expect("write Cargo.toml");
    let lockfile = crate_dir.join("Cargo.lock");
    if !lockfile.exists() {
        std::fs::copy(workspace_root().join("Cargo.lock"), &lockfile).expect("seed Cargo.lock");
    }

    let output = Command::new(env!("CARGO"))
        .args([
            "clippy",
            "--offline",
            "--bins",
            "--color=never",
            "--",
            "-D",
            "warnings",
        ])
        .current_dir(&crate_dir)
        .env("CARGO_TARGET_DIR", root.join("target"))
        .output()
        .expect("run cargo clippy");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "cargo clippy failed:\n{stderr}");
    assert!(!stderr.contains("warning"), "clippy warned:\n{stderr}");
}
