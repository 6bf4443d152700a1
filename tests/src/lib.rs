//! Support for the workspace tests: where things are, and the catalogues under test.

use std::path::{Path, PathBuf};

use error_codes_gen::Catalog;

pub mod node;

pub mod python;

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

fn load(path: &Path) -> Catalog {
    Catalog::load(path).unwrap_or_else(|error| panic!("{error}"))
}
