//! Support for the workspace tests: where things are, and the catalogues under test.

use std::path::{Path, PathBuf};

use error_codes_gen::Catalog;

pub mod bad_input;
pub mod fuzz;
pub mod go;
pub mod layout;
pub mod node;
pub mod python;
pub mod sandbox;
pub mod tools;

/// The workspace root (the folder with `errors.yaml`).
///
/// # Panics
/// Never: the tests crate always has a parent folder.
#[must_use]
pub fn workspace_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate lives one level below the workspace root")
}

/// The cargo target folder, where tools are installed and scratch files go.
#[must_use]
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace_root().join("target"), PathBuf::from)
}

/// A fixture file under `tests/fixtures/`.
#[must_use]
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// The canonical catalogue, `errors.yaml` at the workspace root.
///
/// # Panics
/// If it does not load: every test depends on it.
#[must_use]
pub fn seed_catalog() -> Catalog {
    load(&workspace_root().join("errors.yaml"))
}

/// The hostile fixture: messages full of characters that break careless emitters.
///
/// # Panics
/// If it does not load.
#[must_use]
pub fn hostile_catalog() -> Catalog {
    load(&fixture("hostile.yaml"))
}

/// The lifecycle fixture: deprecated codes (one with a note full of characters
/// to escape), `since` versions, and tombstones.
///
/// # Panics
/// If it does not load.
#[must_use]
pub fn lifecycle_catalog() -> Catalog {
    load(&fixture("lifecycle.yaml"))
}

/// The explained fixture: codes with a `description:` and a `resolution:`
/// in Markdown, full of blocks that must stay inert in every output.
///
/// # Panics
/// If it does not load.
#[must_use]
pub fn explained_catalog() -> Catalog {
    load(&fixture("explained.yaml"))
}

/// The catalogues with no codes: `no-codes.yaml` (one status, documented with no
/// codes yet) and `no-statuses.yaml` (`statuses: {}`), each with a short name
/// for test output and scratch folders.
///
/// # Panics
/// If one does not load.
#[must_use]
pub fn empty_catalogues() -> [(&'static str, Catalog); 2] {
    [
        ("no-codes", load(&fixture("no-codes.yaml"))),
        ("no-statuses", load(&fixture("no-statuses.yaml"))),
    ]
}

fn load(path: &Path) -> Catalog {
    Catalog::load(path).unwrap_or_else(|error| panic!("{error}"))
}

/// Copies every catalogue that a `tests/ui` case may name to the same path
/// relative to `crate_dir` as it has relative to this crate, so that a case
/// compiled as part of a crate in `crate_dir` reads the same files.
///
/// # Panics
/// If a catalogue cannot be read or copied.
pub fn mirror_catalogues(crate_dir: &Path) {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));

    let mut relative_paths = vec![
        PathBuf::from("../errors.yaml"),
        PathBuf::from("../error-codes-cli/src/starter.yaml"),
        PathBuf::from("fixtures/seed-1.0/errors.yaml"),
    ];
    for folder in ["ui/pass", "ui/fail", "fixtures", "fixtures/bodies-rust"] {
        let entries = std::fs::read_dir(manifest_dir.join(folder))
            .unwrap_or_else(|error| panic!("cannot list {folder}: {error}"));
        for entry in entries {
            let name = entry.expect("a directory entry").file_name();
            if Path::new(&name)
                .extension()
                .is_some_and(|ext| ext == "yaml")
            {
                relative_paths.push(Path::new(folder).join(name));
            }
        }
    }

    for relative in relative_paths {
        let from = manifest_dir.join(&relative);
        let to = crate_dir.join(&relative);
        let contents = std::fs::read(&from)
            .unwrap_or_else(|error| panic!("cannot read {}: {error}", from.display()));
        // Rewriting an unchanged file would make every case recompile.
        if std::fs::read(&to).ok().as_deref() == Some(contents.as_slice()) {
            continue;
        }
        let parent = to.parent().expect("a file has a parent folder");
        std::fs::create_dir_all(parent)
            .unwrap_or_else(|error| panic!("cannot create {}: {error}", parent.display()));
        std::fs::write(&to, contents)
            .unwrap_or_else(|error| panic!("cannot write {}: {error}", to.display()));
    }
}

/// The target folder shared by the scratch crates the tests build
/// (`bad_input.rs`, `fuzz.rs`), so their dependencies are compiled once.
#[must_use]
pub fn scratch_crates_target() -> PathBuf {
    target_dir().join("scratch-crates-target")
}

/// Writes `contents` to `path` unless it already holds them, so that cargo
/// sees no change and rebuilds nothing.
///
/// # Panics
/// If the file cannot be written.
pub fn write_if_changed(path: &Path, contents: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(contents) {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .unwrap_or_else(|error| panic!("cannot create {}: {error}", parent.display()));
        }
        std::fs::write(path, contents)
            .unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
    }
}

/// The manifest of a scratch crate named `name` that depends on the runtime
/// crate (and so on the macros) of this workspace, plus `extra` dependency
/// lines; it is its own workspace, so cargo does not take it for a member of
/// this one.
///
/// # Panics
/// If the workspace path is not UTF-8.
#[must_use]
pub fn scratch_manifest(name: &str, extra: &str) -> String {
    let runtime = workspace_root().join("error-codes");
    let runtime = runtime.to_str().expect("a UTF-8 workspace path");
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nerror-codes = {{ path = {runtime:?} }}\n{extra}\n[workspace]\n"
    )
}

/// Gives a scratch crate the workspace's `Cargo.lock`, so it builds offline
/// with the versions the workspace uses, which are already downloaded.
///
/// Copied on every call, not only when the crate has none: a lock left by an
/// earlier run would keep the scratch crate on versions the workspace has
/// since left (and the cache may have dropped). A new copy does not make
/// cargo recompile anything whose versions did not change.
///
/// # Panics
/// If the lock file cannot be copied.
pub fn seed_lockfile(crate_dir: &Path) {
    std::fs::copy(
        workspace_root().join("Cargo.lock"),
        crate_dir.join("Cargo.lock"),
    )
    .expect("seed Cargo.lock");
}

/// What `tests/tools/check_openapi.py` expects to recover from an `OpenAPI`
/// document: the catalogue straight from the model, independent of the
/// emitter.
#[must_use]
pub fn openapi_expectation(catalog: &Catalog) -> serde_json::Value {
    let retry = catalog.has_retry();
    let statuses: Vec<_> = catalog
        .statuses
        .iter()
        .map(|status| {
            let codes: Vec<_> = status
                .codes
                .iter()
                .map(|code| {
                    serde_json::json!({
                        "code": code.code,
                        "message": code.message,
                        "deprecated": code.deprecated,
                        "since": code.since,
                        "params": params_expectation(&code.params),
                        "retry": code.retry.word(),
                        "retry_advice": retry.then(|| code.retry.advice()),
                        "docs": code.docs,
                        "title": code.title_in(status),
                        "description": code.description,
                        "resolution": code.resolution,
                    })
                })
                .collect();
            serde_json::json!({
                "status": status.status,
                "title": status.title,
                "description": status.description,
                "name": status.name,
                "codes": codes,
            })
        })
        .collect();
    let types: Vec<_> = catalog
        .types
        .iter()
        .map(|ty| {
            serde_json::json!({
                "name": ty.name,
                "description": ty.description,
                "fields": params_expectation(&ty.fields),
            })
        })
        .collect();
    let body = &catalog.body;
    let parts: Vec<_> = body
        .parts
        .iter()
        .map(|(part, path)| serde_json::json!([part.key(), path.to_string()]))
        .collect();
    serde_json::json!({
        "title": catalog.title,
        "version": catalog.version,
        "description": catalog.description,
        "body": {
            "parts": parts,
            "code_type": body.code_type.word(),
            "content_type": body.content_type,
            "preset": body.preset.map(error_codes_gen::Preset::word),
        },
        "docs": catalog.docs,
        "types": types,
        "statuses": statuses,
    })
}

fn params_expectation(params: &[error_codes_gen::Param]) -> Vec<serde_json::Value> {
    params
        .iter()
        .map(|param| {
            serde_json::json!({
                "name": param.name,
                "type": param.ty.written(),
                "optional": param.optional,
                "description": param.description,
            })
        })
        .collect()
}
