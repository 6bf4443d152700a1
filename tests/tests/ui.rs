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
//! and diagnostics show the path as the case wrote it. `tests/clippy.rs`
//! lints the pass cases the same way.

use error_codes_tests::{mirror_catalogues, target_dir};

#[test]
fn ui() {
    let trybuild_crate = target_dir()
        .join("tests")
        .join("trybuild")
        .join(env!("CARGO_PKG_NAME"));
    mirror_catalogues(&trybuild_crate);

    let cases = trybuild::TestCases::new();
    cases.pass("ui/pass/*.rs");
    cases.compile_fail("ui/fail/*.rs");
    cases.compile_fail("ui/derive/*.rs");
}
