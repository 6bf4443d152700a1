//! The Python output of generated catalogues: the ones Python can name
//! (loaded again with `outputs: [python]`, whose name checks refuse a
//! catalogue with clashing names), written as modules and checked by the
//! real tools and read back value by value.

use std::path::Path;

use error_codes_gen::{Catalog, python};

use crate::python::{check_with_tools, expectation, run_passing_script};

/// The catalogue of `yaml`, loaded with the Python output selected; `None`
/// when Python cannot name its items (a name that clashes or shadows a
/// builtin, which the loader reports).
///
/// # Panics
/// If `yaml` already selects outputs.
#[must_use]
pub fn with_python(yaml: &str) -> Option<Catalog> {
    assert!(
        !yaml.contains("\noutputs:"),
        "a generated catalogue selects no outputs"
    );
    Catalog::from_yaml(&format!("outputs: [python]\n{yaml}"), "fuzz.yaml").ok()
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
