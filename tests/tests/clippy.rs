//! Generated code is clean under clippy in a user's crate that denies
//! warnings, missing docs and `clippy::pedantic`, with every combination of
//! the runtime's features (`ui/pass/params.rs` is the catalogue whose
//! errors carry data).
//!
//! trybuild (`tests/ui.rs`) proves the pass cases compile warning-free under
//! rustc; this runs `cargo clippy` on the same files, as bins of a scratch
//! crate beside which their catalogues are mirrored (with `serde_json`, as
//! trybuild gives them this crate's dev-dependencies). `ui/features/frameworks.rs`,
//! which uses the web framework impls, and `ui/pass/whole_contract.rs`, which
//! shadows every name generated code could lean on, are linted once per
//! feature combination, as is the runtime crate itself; and `cargo tree`
//! shows that each framework is compiled only when its feature is on.

use std::fmt::Write as _;
use std::fs::File;
use std::path::Path;
use std::process::Command;

use error_codes_tests::{mirror_catalogues, seed_lockfile, target_dir, workspace_root};

/// The runtime's optional features, and what each brings into the build:
/// `axum` and `utoipa` also turn on `http`.
const FEATURES: [(&str, &[&str]); 4] = [
    ("http", &["http"]),
    ("axum", &["http", "axum-core", "serde_json"]),
    ("actix-web", &["actix-web", "serde_json"]),
    ("utoipa", &["http", "utoipa", "serde_json"]),
];

/// Every combination of [`FEATURES`], less those that differ only in `http`
/// from one that has it through `axum` or `utoipa`.
fn combinations() -> Vec<Vec<&'static str>> {
    let mut combinations: Vec<Vec<&str>> = Vec::new();
    for mask in 0..1_u32 << FEATURES.len() {
        let mut features: Vec<&str> = FEATURES
            .iter()
            .enumerate()
            .filter(|(bit, _)| mask & (1 << bit) != 0)
            .map(|(_, (name, _))| *name)
            .collect();
        if features.iter().any(|f| *f == "axum" || *f == "utoipa") && !features.contains(&"http") {
            features.insert(0, "http");
        }
        if !combinations.contains(&features) {
            combinations.push(features);
        }
    }
    combinations
}

#[test]
fn pass_cases_are_clean_under_clippy_with_every_feature_combination() {
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
    let frameworks = workspace_root().join("tests/ui/features/frameworks.rs");
    cases.push(frameworks.clone());
    let lint_bins: Vec<String> = cases
        .iter()
        .flat_map(|case| ["--bin".to_owned(), bin_name(case)])
        .collect();
    let failing_derive = workspace_root().join("tests/ui/features/failing_derive.rs");
    cases.push(failing_derive);

    let runtime = workspace_root().join("error-codes");
    // The frameworks' own crates are optional dependencies, so that the case
    // can name their traits when (and only when) the feature is on.
    let mut manifest = format!(
        "[package]\nname = \"clippy-check\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nerror-codes = {{ path = {:?} }}\nserde_json = \"1\"\n\
         actix-web = {{ version = \"4\", default-features = false, optional = true }}\n\
         axum-core = {{ version = \"0.5\", optional = true }}\n\
         utoipa = {{ version = \"6\", default-features = false, features = [\"macros\"], optional = true }}\n\n\
         [features]\nhttp = [\"error-codes/http\"]\naxum = [\"error-codes/axum\", \"dep:axum-core\"]\n\
         actix-web = [\"error-codes/actix-web\", \"dep:actix-web\"]\nutoipa = [\"error-codes/utoipa\", \"dep:utoipa\"]\n\n\
         [workspace]\n",
        runtime.to_str().expect("a UTF-8 workspace path")
    );
    for case in &cases {
        let name = bin_name(case);
        let path = case.to_str().expect("a UTF-8 workspace path");
        let _ = write!(manifest, "\n[[bin]]\nname = \"{name}\"\npath = {path:?}\n");
    }
    std::fs::write(crate_dir.join("Cargo.toml"), manifest).expect("write Cargo.toml");
    // The workspace's lock, so that `--offline` finds every version.
    seed_lockfile(&crate_dir);

    // Every pass case, without features.
    let lint_bins: Vec<&str> = lint_bins.iter().map(String::as_str).collect();
    clippy(&crate_dir, &root, &lint_bins);
    // With each combination: the frameworks case, the case that shadows
    // every name generated code could lean on, the case whose errors carry
    // data, and the runtime itself.
    for features in combinations() {
        let features = features.join(",");
        let features = ["--no-default-features", "--features", &features];
        let bins = [
            "--bin",
            "frameworks",
            "--bin",
            "whole_contract",
            "--bin",
            "params",
        ];
        clippy(&crate_dir, &root, &[&bins[..], &features[..]].concat());
        clippy(
            workspace_root(),
            &root,
            &[&["-p", "error-codes", "--lib", "--locked"], &features[..]].concat(),
        );
    }
    only_the_derive_fails(&crate_dir, &root);
}

/// A derive that fails still implements every framework's traits, so that
/// a handler returning the type adds no errors of its own: the build of
/// `ui/features/failing_derive.rs` with every framework on shows just the
/// derive's one error, at the attribute.
fn only_the_derive_fails(dir: &Path, root: &Path) {
    let output = Command::new(env!("CARGO"))
        .args([
            "check",
            "--offline",
            "--color=never",
            "--message-format=short",
        ])
        .args([
            "--bin",
            "failing_derive",
            "--features",
            "axum,actix-web,utoipa",
        ])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", root.join("target"))
        .output()
        .expect("run cargo check");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success(),
        "the broken derive compiled:\n{stderr}"
    );
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|line| line.contains(": error"))
        .collect();
    assert!(
        errors.len() == 1
            && errors[0].contains("failing_derive.rs:8:")
            && errors[0].contains("status"),
        "not just the derive's error:\n{stderr}"
    );
}

/// A case's name as a bin of the scratch crate.
fn bin_name(case: &Path) -> String {
    case.file_stem()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

/// Runs `cargo clippy` in `dir` with `args`, into the scratch target folder,
/// and fails on any warning.
fn clippy(dir: &Path, root: &Path, args: &[&str]) {
    let output = Command::new(env!("CARGO"))
        .args(["clippy", "--offline", "--color=never"])
        .args(args)
        .args(["--", "-D", "warnings"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", root.join("target"))
        .output()
        .expect("run cargo clippy");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "cargo clippy {args:?} failed:\n{stderr}"
    );
    assert!(
        !stderr.contains("warning"),
        "clippy {args:?} warned:\n{stderr}"
    );
}

/// A crate that enables none of the framework features compiles none of the
/// frameworks; each feature brings its framework and nothing else's.
#[test]
fn each_framework_is_compiled_only_with_its_feature() {
    let optional: Vec<&str> = FEATURES
        .iter()
        .flat_map(|(_, crates)| crates.iter().copied())
        .collect();
    for features in combinations() {
        let joined = features.join(",");
        let output = Command::new(env!("CARGO"))
            .args(["tree", "--offline", "--locked", "-p", "error-codes"])
            .args(["-e", "normal", "--prefix", "none", "--format", "{p}"])
            .args(["--no-default-features", "--features", &joined])
            .current_dir(workspace_root())
            .output()
            .expect("run cargo tree");
        let tree = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "cargo tree: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        // Names; `http` only at version 1, which `error-codes` uses (actix-web
        // brings its own `http` 0.2).
        let crates: Vec<&str> = tree
            .lines()
            .filter(|line| !line.starts_with("http v0."))
            .filter_map(|line| line.split(' ').next())
            .collect();
        for name in &optional {
            let wanted = FEATURES
                .iter()
                .any(|(feature, brings)| features.contains(feature) && brings.contains(name));
            assert_eq!(
                crates.contains(name),
                wanted,
                "{name} with features [{joined}]:\n{tree}"
            );
        }
        // The heavy parts of the frameworks, too.
        let actix = features.contains(&"actix-web");
        for heavy in ["tokio", "actix-http", "actix-server"] {
            assert_eq!(crates.contains(&heavy), actix, "{heavy} with [{joined}]");
        }
        let utoipa = features.contains(&"utoipa");
        assert_eq!(
            crates.contains(&"utoipa-gen"),
            utoipa,
            "utoipa-gen with [{joined}]"
        );
    }
}
