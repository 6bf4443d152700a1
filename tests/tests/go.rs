//! `errors.go` through the real Go tools, and read back.
//!
//! Every catalogue that loads (the seed, the fixtures, the real API bodies
//! and the layouts) goes through `error_codes_tests::fuzz::go::read_back`:
//! one package each in a single scratch module, `gofmt -l`, `go vet` and a
//! program whose every printed value is compared with the catalogue (codes,
//! `Lookup`, sentinels, and `Decode` on each code's body in the layout, the
//! same without details, an unknown code and bodies that are no error
//! bodies). The hostile fixture reads back exactly.

use std::fs;
use std::path::PathBuf;

use error_codes_gen::{Catalog, go};
use error_codes_tests::fuzz::go::read_back;
use error_codes_tests::{fixture, target_dir, workspace_root};

/// Every catalogue the read-back covers, with a Go-friendly short name.
fn catalogues() -> Vec<(String, Catalog)> {
    let mut paths = vec![("seed".to_owned(), workspace_root().join("errors.yaml"))];
    for name in [
        "details",
        "details-shapes",
        "hostile",
        "lifecycle",
        "no-codes",
        "no-statuses",
    ] {
        paths.push((name.replace('-', "_"), fixture(&format!("{name}.yaml"))));
    }
    for folder in ["bodies", "layouts"] {
        let mut found: Vec<PathBuf> = fs::read_dir(fixture(folder))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
            .collect();
        found.sort();
        for path in found {
            let stem = path
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .replace('-', "_");
            paths.push((format!("{folder}_{stem}"), path));
        }
    }
    paths
        .into_iter()
        .map(|(name, path)| {
            let catalog =
                Catalog::load(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            (name, catalog)
        })
        .collect()
}

#[test]
fn every_catalogue_passes_gofmt_and_go_vet_and_reads_back() {
    let catalogues = catalogues();
    let dir = target_dir().join("go").join("readback");
    let [gofmt, vet, run] = read_back(&dir, &catalogues);
    eprintln!("gofmt {gofmt:.1}s, go vet {vet:.1}s, go run {run:.1}s");
}

/// The committed `generated/errors.go` is what the emitter writes for the
/// root catalogue, and holds the generated-code marker Go's tools look for.
#[test]
fn generated_file_is_marked_and_current() {
    let written = fs::read_to_string(workspace_root().join("generated/errors.go")).unwrap();
    assert!(
        written == go::emit(&error_codes_tests::seed_catalog()),
        "generated/errors.go is stale: run `cargo xtask gen`"
    );
    let marker = written.lines().next().unwrap();
    assert!(marker.starts_with("// Code generated ") && marker.ends_with(" DO NOT EDIT."));
    assert!(written.contains(
        "\n// Generated from errors.yaml by error-codes; do not edit.\npackage apierrors\n"
    ));
}

/// A deprecated code carries Go's `Deprecated:` paragraph on its constant.
#[test]
fn deprecated_codes_say_so_where_go_tools_look() {
    let catalog = error_codes_tests::lifecycle_catalog();
    let written = go::emit(&catalog);
    for (_, code) in catalog.codes() {
        let constant = format!("\tCode{} Code = ", code.name);
        let at = written.find(&constant).unwrap();
        let doc: Vec<&str> = written[..at]
            .lines()
            .rev()
            .take_while(|line| line.starts_with("\t//"))
            .collect();
        let marked = doc.iter().any(|line| line.starts_with("\t// Deprecated: "));
        assert_eq!(marked, code.deprecated.is_some(), "{}", code.code);
    }
}

/// The hostile fixture's texts: exact in the string literals, inert in the
/// comments (trimmed lines, invisible characters as spaces).
#[test]
fn snapshot_hostile() {
    insta::assert_snapshot!(
        "go_hostile",
        go::emit(&error_codes_tests::hostile_catalog())
    );
}

/// Deprecated codes, `since` notes and tombstones.
#[test]
fn snapshot_lifecycle() {
    insta::assert_snapshot!(
        "go_lifecycle",
        go::emit(&error_codes_tests::lifecycle_catalog())
    );
}

/// RFC 9457 problem details: the code, message, title and docs URL where
/// the preset puts them, params spread into the body.
#[test]
fn snapshot_problem() {
    let catalog = Catalog::load(&fixture("bodies/problem.yaml")).unwrap();
    insta::assert_snapshot!("go_problem", go::emit(&catalog));
}

/// Integer codes in a nested layout: `type Code int64`.
#[test]
fn snapshot_nested_integer() {
    let catalog = Catalog::load(&fixture("layouts/nested-integer.yaml")).unwrap();
    insta::assert_snapshot!("go_nested_integer", go::emit(&catalog));
}
