//! The Python output of generated catalogues: the ones Python can name
//! (written with `outputs: [python]`, whose name checks refuse a
//! catalogue with clashing names), written as modules and checked by the
//! real tools and read back value by value.

use std::path::Path;

use error_codes_gen::{Catalog, Output, python};

use super::CatalogueSpec;

use crate::python::{check_with_tools, expectation, run_passing_script};

/// The catalogue of `spec`, written to select the Python output alone;
/// `None` when Python cannot name its items (a name that clashes or shadows
/// a builtin, which the loader reports).
#[must_use]
pub fn with_python(mut spec: CatalogueSpec) -> Option<Catalog> {
    spec.outputs = Some(vec![Output::Python]);
    Catalog::from_yaml(&spec.yaml(), "fuzz.yaml").ok()
}

/// Writes each catalogue's `errors.py` into `dir` (as `s<index>.py`), with
/// what the read-back expects, then runs mypy, pyright, ruff and
/// `check_python_module.py` over them, once each. Returns the read-back's
/// report, one line per module.
///
/// # Panics
/// If a tool finds a problem or a value does not read back.
#[must_use]
pub fn check(dir: &Path, catalogues: &[Catalog]) -> String {
    std::fs::create_dir_all(dir).unwrap();
    for (index, catalog) in catalogues.iter().enumerate() {
        std::fs::write(dir.join(format!("s{index}.py")), python::emit(catalog)).unwrap();
        std::fs::write(
            dir.join(format!("s{index}.expected.json")),
            serde_json::to_string_pretty(&expectation(catalog)).unwrap(),
        )
        .unwrap();
    }
    for (tool, took) in check_with_tools(dir) {
        eprintln!(
            "{tool} on {} fuzz samples: {:.1} s",
            catalogues.len(),
            took.as_secs_f64()
        );
    }
    run_passing_script("check_python_module.py", &[dir])
}
