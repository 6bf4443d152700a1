//! The external tools the end-to-end tests run, pinned by lockfiles under
//! `tests/tools/` and installed on first use.
//!
//! `ensure_installed` is the one install mechanism: it runs an installer
//! when the stamp it left last time does not hold the current lockfile, under
//! a file lock so that parallel test processes neither race nor install
//! twice. A failed install panics with the installer's output: tests that
//! need a tool fail, they never skip.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

use crate::{target_dir, workspace_root};

/// `tests/tools/`: the lockfiles, and the scripts run with the tools.
#[must_use]
pub fn tools_dir() -> PathBuf {
    workspace_root().join("tests").join("tools")
}

/// Runs `install` unless `stamp` holds exactly the bytes of `lockfile`, then
/// writes the stamp. `name` names the tool set in the lock file and messages.
///
/// The stamp should live inside what `install` recreates, so an interrupted
/// install also loses it; it is removed before `install` runs regardless.
///
/// # Panics
/// If the lockfile cannot be read, the lock cannot be taken or the stamp
/// written; `install` panics itself when it fails.
pub(crate) fn ensure_installed(name: &str, lockfile: &Path, stamp: &Path, install: impl FnOnce()) {
    let locked = fs::read(lockfile)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", lockfile.display()));

    // The lock lives outside what `install` recreates.
    let target = target_dir();
    fs::create_dir_all(&target)
        .unwrap_or_else(|error| panic!("cannot create {}: {error}", target.display()));
    let lock_path = target.join(format!("{name}-tools.lock"));
    let lock = File::create(&lock_path)
        .unwrap_or_else(|error| panic!("cannot create {}: {error}", lock_path.display()));
    lock.lock()
        .unwrap_or_else(|error| panic!("cannot lock {}: {error}", lock_path.display()));

    if fs::read(stamp).is_ok_and(|installed| installed == locked) {
        return;
    }
    let _ = fs::remove_file(stamp);
    let started = Instant::now();
    install();
    fs::write(stamp, &locked)
        .unwrap_or_else(|error| panic!("cannot write {}: {error}", stamp.display()));
    eprintln!(
        "installed the {name} test tools in {:.1}s",
        started.elapsed().as_secs_f64()
    );
    // Only now may another process see the tools: the lock is released here.
    drop(lock);
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
