//! `generated/errors.py`: every catalogue of the tests through the Python
//! emitter, then through the real tools and read back.
//!
//! The seed, every fixture, every layout catalogue of the TypeScript tests
//! and `tests/python/long-names.yaml` (names that make every line they are
//! on too long, which the emitter wraps as ruff does) become modules of one
//! folder, which `mypy --strict`, pyright
//! (strict), `ruff check` and `ruff format --check` each check in one run.
//! `tests/tools/check_python_module.py` then imports each module and compares
//! it value by value with what this file writes from the model: every
//! code's status, message, retry, deprecation and class, and
//! `from_response` on bodies built from the catalogue's layout, on a code
//! the module does not know and on bodies that are no error bodies.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Instant;

use error_codes_gen::{Catalog, python};
use error_codes_tests::python::{check_with_tools, expectation, run_passing_script};
use error_codes_tests::{fixture, seed_catalog, target_dir, workspace_root};

#[test]
fn snapshot_seed() {
    insta::assert_snapshot!("python_seed", python::emit(&seed_catalog()));
}

#[test]
fn output_is_deterministic() {
    for (name, catalog) in catalogues() {
        assert_eq!(python::emit(&catalog), python::emit(&catalog), "{name}");
    }
}

/// The committed `generated/errors.py` is the seed's module.
#[test]
fn generated_module_is_the_seeds() {
    let committed = fs::read_to_string(workspace_root().join("generated/errors.py")).unwrap();
    assert_eq!(committed, python::emit(&seed_catalog()));
}

#[test]
fn every_module_passes_the_tools() {
    let folder = modules();
    for (tool, took) in check_with_tools(folder) {
        eprintln!("{tool}: {:.1} s", took.as_secs_f64());
    }
}

#[test]
fn every_module_reads_back() {
    let folder = modules();
    let started = Instant::now();
    let printed = run_passing_script("check_python_module.py", &[folder]);
    eprintln!(
        "{printed}read-back: {:.1} s",
        started.elapsed().as_secs_f64()
    );
    // Every catalogue was checked, each with checks.
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines.len(), catalogues().len(), "{printed}");
    assert!(
        lines.iter().all(|line| !line.ends_with(": 0 checks")),
        "{printed}"
    );
}

/// Every catalogue of the tests that loads, by a name fit for a module.
fn catalogues() -> Vec<(String, Catalog)> {
    let mut catalogues = vec![("seed".to_owned(), seed_catalog())];
    let folders = [
        (fixture(""), ""),
        (fixture("bodies"), "bodies_"),
        (fixture("layouts"), "layouts_"),
        (
            Path::new(env!("CARGO_MANIFEST_DIR")).join("ts/layouts"),
            "ts_layouts_",
        ),
        // Catalogues for the Python output only (long names to wrap).
        (
            Path::new(env!("CARGO_MANIFEST_DIR")).join("python"),
            "python_",
        ),
    ];
    for (folder, prefix) in folders {
        let mut paths: Vec<PathBuf> = fs::read_dir(&folder)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
            .collect();
        paths.sort();
        for path in paths {
            let Ok(catalog) = Catalog::load(&path) else {
                continue;
            };
            let stem = path.file_stem().unwrap().to_str().unwrap();
            catalogues.push((format!("{prefix}{}", stem.replace('-', "_")), catalog));
        }
    }
    catalogues
}

/// The folder of every catalogue's module and expectation, written once.
fn modules() -> &'static Path {
    static FOLDER: OnceLock<PathBuf> = OnceLock::new();
    FOLDER.get_or_init(|| {
        let folder = target_dir().join("python-modules");
        let _ = fs::remove_dir_all(&folder);
        fs::create_dir_all(&folder).unwrap();
        for (name, catalog) in catalogues() {
            fs::write(folder.join(format!("{name}.py")), python::emit(&catalog)).unwrap();
            let expected = expectation(&catalog);
            fs::write(
                folder.join(format!("{name}.expected.json")),
                serde_json::to_string_pretty(&expected).unwrap(),
            )
            .unwrap();
        }
        folder
    })
}
