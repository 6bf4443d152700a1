//! `init` and `schema`: a starter catalogue that `gen` accepts as written,
//! never written over a file, and the schema for editors.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use error_codes_cli::STARTER;

fn error_codes(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_error-codes"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("error-codes runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("start")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn init_writes_the_starter_and_gen_takes_it_as_written() {
    let dir = scratch("fresh");
    let init = error_codes(&dir, &["init"]);
    assert_eq!(init.status.code(), Some(0), "{init:?}");
    assert_eq!(
        String::from_utf8_lossy(&init.stdout),
        "wrote errors.yaml; next: `error-codes gen`\n"
    );
    assert_eq!(
        fs::read_to_string(dir.join("errors.yaml")).unwrap(),
        STARTER
    );
    assert_eq!(entries(&dir), ["errors.yaml"]);

    let generated = error_codes(&dir, &["gen"]);
    assert_eq!(generated.status.code(), Some(0), "{generated:?}");
    assert_eq!(
        entries(&dir.join("generated")),
        [
            "errors.go",
            "errors.md",
            "errors.py",
            "errors.ts",
            "openapi.yaml"
        ]
    );
    assert_eq!(
        error_codes(&dir, &["gen", "--check"]).status.code(),
        Some(0)
    );
}

#[test]
fn init_never_writes_over_a_file() {
    let dir = scratch("taken");
    fs::write(dir.join("errors.yaml"), "title: Mine\n").unwrap();
    // A link to nowhere is taken too: writing through it would create a file
    // elsewhere.
    std::os::unix::fs::symlink(dir.join("nowhere.yaml"), dir.join("linked.yaml")).unwrap();

    for (spec, args) in [
        ("errors.yaml", &["init"][..]),
        ("linked.yaml", &["init", "--spec", "linked.yaml"]),
    ] {
        let init = error_codes(&dir, args);
        assert_eq!(init.status.code(), Some(2), "{spec}: {init:?}");
        let stderr = String::from_utf8_lossy(&init.stderr);
        assert_eq!(
            stderr,
            format!(
                "error: {spec} exists; `init` never overwrites a file (give another with --spec)\n"
            )
        );
    }
    assert_eq!(
        fs::read_to_string(dir.join("errors.yaml")).unwrap(),
        "title: Mine\n"
    );
    assert_eq!(entries(&dir), ["errors.yaml", "linked.yaml"]);
}

#[test]
fn init_into_a_missing_folder_writes_nothing() {
    let dir = scratch("missing");
    let init = error_codes(&dir, &["init", "--spec", "no/such/errors.yaml"]);
    assert_eq!(init.status.code(), Some(2), "{init:?}");
    let stderr = String::from_utf8_lossy(&init.stderr);
    assert!(
        stderr.starts_with("error: cannot write no/such/errors.yaml: "),
        "{stderr}"
    );
    assert!(entries(&dir).is_empty());
}

#[test]
fn schema_prints_the_json_schema() {
    let dir = scratch("schema");
    let schema = error_codes(&dir, &["schema"]);
    assert_eq!(schema.status.code(), Some(0), "{schema:?}");
    assert_eq!(schema.stdout, error_codes_gen::JSON_SCHEMA.as_bytes());
    let value: serde_json::Value = serde_json::from_slice(&schema.stdout).unwrap();
    assert_eq!(
        value["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(value["properties"]["outputs"]["type"], "array");
}
