//! Compile-time behaviour, with trybuild: `ui/pass/*.rs` compile (warning-free
//! under `deny(warnings)`) and run; `ui/fail/*.rs` and `ui/derive/*.rs` fail
//! to compile with exactly the errors in their `.stderr` files.
//!
//! `include_errors!` resolves its path against the including crate's
//! `CARGO_MANIFEST_DIR`. trybuild compiles every case inside a generated
//! crate at `<target>/tests/trybuild/error-codes-tests/`, so that is the
//! manifest folder the cases see, not `tests/`. Rather than writing cases
//! with paths that climb out of the target folder (which would break as soon
//! as `CARGO_TARGET_DIR` points elsewhere), the cases name their catalogues
//! exactly as code in this crate would (`ui/fail/malformed.yaml`,
//! `fixtures/hostile.yaml`, `../errors.yaml`), and this driver first copies
//! each of those files to the same relative place beside the generated
//! crate. A case therefore reads the same file as this crate's own tests do,
//! and diagnostics show the path as the case wrote it.

use std::path::{Path, PathBuf};

use error_codes_tests::target_dir;

#[test]
fn ui() {
    mirror_catalogues();

    let cases = trybuild::TestCases::new();
    cases.pass("ui/pass/*.rs");
    cases.compile_fail("ui/fail/*.rs");
    cases.compile_fail("ui/derive/*.rs");
}

/// Copies every catalogue a case may name to the same path relative to the
/// trybuild crate as it has relative to this crate.
fn mirror_catalogues() {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let trybuild_crate = target_dir()
        .join("tests")
        .join("trybuild")
        .join(env!("CARGO_PKG_NAME"));

    let mut relative_paths = vec![PathBuf::from("../errors.yaml")];
    for folder in ["ui/pass", "ui/fail", "fixtures"] {
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
        let to = trybuild_crate.join(&relative);
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
