//! Pinned npm tools for the end-to-end tests, installed on first use.
//!
//! `tests/tools/package.json` names the tools at exact versions and the
//! committed `tests/tools/package-lock.json` pins them (with integrity hashes).
//! The first test that needs them runs `npm ci` into `tests/tools/node_modules`
//! (gitignored), under a file lock so that parallel test processes neither race
//! nor install twice; a stamp file holding the lockfile it was installed from
//! makes a changed lockfile reinstall. A missing npm or a failed install panics
//! with npm's output: tests that need a tool fail, they never skip.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::Instant;

/// The npm tool folder, `tests/tools/`.
#[must_use]
pub fn tools_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tools")
}

/// `tests/tools/node_modules`, installed from the lockfile if it is missing or
/// stale. Installs at most once per test process.
///
/// # Panics
/// If npm cannot be run or `npm ci` fails.
#[must_use]
pub fn node_modules() -> &'static Path {
    static INSTALLED: OnceLock<PathBuf> = OnceLock::new();
    INSTALLED.get_or_init(install)
}

/// A `node` command running `script` (a path inside `package`, e.g.
/// `("typescript", "bin/tsc")`) of an installed tool package. Running package
/// scripts by path, not through `node_modules/.bin`, keeps two versions of one
/// tool apart: `typescript` and `typescript-5.9` both claim `.bin/tsc`.
///
/// # Panics
/// If the tools cannot be installed, or the package has no such script.
#[must_use]
pub fn package_script(package: &str, script: &str) -> Command {
    let path = node_modules().join(package).join(script);
    assert!(
        path.is_file(),
        "{} is missing: is `{package}` in tests/tools/package.json?",
        path.display()
    );
    let mut command = node();
    command.arg(path);
    command
}

/// A `node` command (Node.js from `PATH`).
#[must_use]
pub fn node() -> Command {
    Command::new("node")
}

/// Runs `command` and returns its stdout.
///
/// # Panics
/// If it cannot start or exits unsuccessfully; the message holds `what`, the
/// command line and everything it printed.
pub fn run(command: &mut Command, what: &str) -> String {
    let output = command
        .output()
        .unwrap_or_else(|error| panic!("{what}: cannot run {command:?}: {error}"));
    assert!(
        output.status.success(),
        "{what}: {command:?} failed ({})\n{}",
        output.status,
        printed(&output)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn printed(output: &Output) -> String {
    format!(
        "--- stdout ---\n{}\n--- stderr ---\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn install() -> PathBuf {
    let tools = tools_dir();
    let node_modules = tools.join("node_modules");
    let lockfile_path = tools.join("package-lock.json");
    let lockfile = fs::read(&lockfile_path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", lockfile_path.display()));
    // npm ci empties node_modules first, so the stamp also vanishes when an
    // install is interrupted.
    let stamp = node_modules.join(".installed-from-package-lock.json");

    let target = crate::target_dir();
    fs::create_dir_all(&target)
        .unwrap_or_else(|error| panic!("cannot create {}: {error}", target.display()));
    let lock_path = target.join("npm-tools.lock");
    let lock = fs::File::create(&lock_path)
        .unwrap_or_else(|error| panic!("cannot create {}: {error}", lock_path.display()));
    lock.lock()
        .unwrap_or_else(|error| panic!("cannot lock {}: {error}", lock_path.display()));

    if fs::read(&stamp).is_ok_and(|installed| installed == lockfile) {
        return node_modules;
    }
    let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
    let started = Instant::now();
    // No install scripts are needed: TypeScript 7's native compiler arrives as
    // a platform-specific optional dependency.
    let output = Command::new(npm)
        .args(["ci", "--ignore-scripts", "--no-audit", "--no-fund"])
        .current_dir(&tools)
        .output()
        .unwrap_or_else(|error| {
            panic!(
                "cannot run `{npm} ci` for the test tools (are Node.js and npm installed?): {error}"
            )
        });
    assert!(
        output.status.success(),
        "`{npm} ci` in {} failed ({})\n{}",
        tools.display(),
        output.status,
        printed(&output)
    );
    fs::write(&stamp, &lockfile)
        .unwrap_or_else(|error| panic!("cannot write {}: {error}", stamp.display()));
    eprintln!(
        "installed the npm test tools in {:.1}s",
        started.elapsed().as_secs_f64()
    );
    drop(lock);
    node_modules
}
