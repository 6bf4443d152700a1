//! The pinned Python tools under `tests/tools/`, installed on first use.
//!
//! `tests/tools/requirements.txt` locks every package, transitive ones
//! included, to an exact version and hash. [`tools_python`] makes sure a
//! virtual environment at `tests/tools/.venv` (gitignored) holds exactly that
//! lock and returns its interpreter. Setting up needs `python3` and network
//! access to `PyPI`; when either is missing the caller panics with the tool's
//! output, because a test that cannot run its validator must fail, not skip.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use crate::tools::{ensure_installed, run, tools_dir};

/// The interpreter of `tests/tools/.venv`, with `requirements.txt` installed.
///
/// The environment is (re)built when it is missing or was built from another
/// `requirements.txt`, by [`crate::tools`]' one install mechanism.
///
/// # Panics
/// If `python3 -m venv` or `pip install --require-hashes` fails, with their
/// output: the tests that need the tools cannot run without them.
#[must_use]
pub fn tools_python() -> &'static Path {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(ensure_venv)
}

/// Runs `tests/tools/<script>`, which must pass, and returns what it printed.
///
/// # Panics
/// If the tools cannot be set up, or the script fails: the message holds
/// everything it printed.
#[must_use]
pub fn run_passing_script(script: &str, args: &[&Path]) -> String {
    run(
        Command::new(tools_python())
            .arg(tools_dir().join(script))
            .args(args),
        script,
    )
}

/// Runs `tests/tools/<script>` with the tools' interpreter.
///
/// # Panics
/// If the tools cannot be set up, or the interpreter cannot be started.
#[must_use]
pub fn run_script(script: &str, args: &[&Path]) -> Output {
    let python = tools_python();
    Command::new(python)
        .arg(tools_dir().join(script))
        .args(args)
        .output()
        .unwrap_or_else(|error| panic!("cannot run {}: {error}", python.display()))
}

/// A command running `tool` (`mypy`, `ruff`) from the tools' virtual
/// environment, which holds the pinned version.
///
/// # Panics
/// If the tools cannot be set up, or the environment has no such program.
#[must_use]
pub fn venv_tool(tool: &str) -> Command {
    let bin = tools_python()
        .parent()
        .expect("the interpreter lives in the environment's bin folder");
    let path = bin.join(if cfg!(windows) {
        format!("{tool}.exe")
    } else {
        tool.to_owned()
    });
    assert!(
        path.is_file(),
        "{} is missing: is `{tool}` in tests/tools/requirements.in?",
        path.display()
    );
    Command::new(path)
}

fn ensure_venv() -> PathBuf {
    let tools = tools_dir();
    let venv = tools.join(".venv");
    let python = if cfg!(windows) {
        venv.join("Scripts").join("python.exe")
    } else {
        venv.join("bin").join("python")
    };
    let requirements = tools.join("requirements.txt");
    // `venv --clear` empties the folder, so a rebuild also loses the stamp.
    let stamp = venv.join("installed-requirements.txt");
    ensure_installed("python", &requirements, &stamp, || {
        let python3 = if cfg!(windows) { "python" } else { "python3" };
        let what = "installing the Python test tools";
        run(
            Command::new(python3)
                .args(["-m", "venv", "--clear"])
                .arg(&venv),
            what,
        );
        run(
            Command::new(&python)
                .args([
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                    "--no-input",
                    "--require-hashes",
                    "--requirement",
                ])
                .arg(&requirements),
            what,
        );
    });
    python
}
