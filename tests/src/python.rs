//! The pinned Python tools under `tests/tools/`, installed on first use.
//!
//! `tests/tools/requirements.txt` locks every package, transitive ones
//! included, to an exact version and hash. [`tools_python`] makes sure a
//! virtual environment at `tests/tools/.venv` (gitignored) holds exactly that
//! lock and returns its interpreter. Setting up needs `python3` and network
//! access to `PyPI`; when either is missing the caller panics with the tool's
//! output, because a test that cannot run its validator must fail, not skip.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use crate::{target_dir, workspace_root};

/// `tests/tools/`: the lock files and the scripts run with the tools.
#[must_use]
pub fn tools_dir() -> PathBuf {
    workspace_root().join("tests").join("tools")
}

/// The interpreter of `tests/tools/.venv`, with `requirements.txt` installed.
///
/// The environment is (re)built when it is missing or was built from another
/// `requirements.txt` (a copy of the lock installed last is kept inside it as
/// a stamp). An exclusive file lock serialises test processes, so parallel
/// `cargo test` binaries never build it at the same time or use it half-built.
///
/// # Panics
/// If `python3 -m venv` or `pip install --require-hashes` fails, with their
/// output: the tests that need the tools cannot run without them.
#[must_use]
pub fn tools_python() -> &'static Path {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(|| {
        ensure_venv().unwrap_or_else(|message| panic!("cannot set up the Python tools: {message}"))
    })
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

fn ensure_venv() -> Result<PathBuf, String> {
    let tools = tools_dir();
    let venv = tools.join(".venv");
    let python = if cfg!(windows) {
        venv.join("Scripts").join("python.exe")
    } else {
        venv.join("bin").join("python")
    };
    let requirements_path = tools.join("requirements.txt");
    let requirements = fs::read(&requirements_path)
        .map_err(|error| format!("cannot read {}: {error}", requirements_path.display()))?;
    let stamp = venv.join("installed-requirements.txt");

    // The lock lives outside the venv, which `venv --clear` empties.
    let lock_dir = target_dir();
    fs::create_dir_all(&lock_dir)
        .map_err(|error| format!("cannot create {}: {error}", lock_dir.display()))?;
    let lock_path = lock_dir.join("tests-tools-venv.lock");
    let lock = File::create(&lock_path)
        .map_err(|error| format!("cannot create {}: {error}", lock_path.display()))?;
    lock.lock()
        .map_err(|error| format!("cannot lock {}: {error}", lock_path.display()))?;

    if python.is_file() && fs::read(&stamp).is_ok_and(|installed| installed == requirements) {
        return Ok(python);
    }
    // Drop the stamp first: an interrupted rebuild must not look complete.
    let _ = fs::remove_file(&stamp);
    let python3 = if cfg!(windows) { "python" } else { "python3" };
    run(Command::new(python3)
        .args(["-m", "venv", "--clear"])
        .arg(&venv))?;
    run(Command::new(&python)
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
        .arg(&requirements_path))?;
    fs::write(&stamp, &requirements)
        .map_err(|error| format!("cannot write {}: {error}", stamp.display()))?;
    // Only now may another process see the venv: `lock` is released on return.
    Ok(python)
}

fn run(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}");
    let output = command
        .output()
        .map_err(|error| format!("cannot start {shown}: {error}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{shown} failed ({})\n--- stdout\n{}\n--- stderr\n{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
        ))
    }
}
