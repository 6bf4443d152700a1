//! Pinned npm tools for the end-to-end tests, installed on first use.
//!
//! `tests/tools/package.json` names the tools at exact versions and the
//! committed `tests/tools/package-lock.json` pins them (with integrity hashes).
//! The first test that needs them runs `npm ci` into `tests/tools/node_modules`
//! (gitignored) through [`crate::tools`]; a missing npm or a failed install
//! panics with npm's output.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::tools::{ensure_installed, run, tools_dir};

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

fn install() -> PathBuf {
    let tools = tools_dir();
    let node_modules = tools.join("node_modules");
    // `npm ci` empties node_modules first, so an interrupted install also
    // loses the stamp.
    let stamp = node_modules.join(".installed-from-package-lock.json");
    ensure_installed("npm", &tools.join("package-lock.json"), &stamp, || {
        let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
        // No install scripts are needed: TypeScript 7's native compiler
        // arrives as a platform-specific optional dependency.
        run(
            Command::new(npm)
                .args(["ci", "--ignore-scripts", "--no-audit", "--no-fund"])
                .current_dir(&tools),
            "installing the npm test tools (are Node.js and npm installed?)",
        );
    });
    node_modules
}

/// A `pyright` command (the pinned npm package), for the generated Python.
///
/// # Panics
/// If the tools cannot be installed.
#[must_use]
pub fn pyright() -> Command {
    package_script("pyright", "index.js")
}
