//! Running a command as an ordinary user would meet a hostile machine: without
//! the root privileges that ignore permission bits, and in a private mount
//! namespace with a full or read-only file system.
//!
//! Tests often run as root (containers, CI), and root reads a file of mode
//! `000` and writes into a folder of mode `555`. [`unprivileged`] runs a
//! command with the capabilities that allow this (`CAP_DAC_OVERRIDE`,
//! `CAP_DAC_READ_SEARCH`) removed from its bounding set with `setpriv`, so
//! permission bits apply to it as to anyone; for a non-root user it is the
//! plain command. [`mount_namespace`] runs a shell script with `unshare` in a
//! mount namespace of its own (inside a user namespace when not root), so its
//! mounts (a small tmpfs for a full disk, a read-only bind mount) vanish with
//! it, even when the test is killed. Both need util-linux; a machine without it
//! fails these tests rather than skipping them.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Whether this process runs with user id 0 (from `/proc/self/status`; false
/// where there is no `/proc`).
#[must_use]
pub fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status").is_ok_and(|status| {
        status
            .lines()
            .find_map(|line| line.strip_prefix("Uid:"))
            .and_then(|ids| ids.split_whitespace().nth(1))
            == Some("0")
    })
}

/// `program`, run so that file permissions apply to it even when the tests
/// run as root.
#[must_use]
pub fn unprivileged(program: impl AsRef<OsStr>) -> Command {
    if !is_root() {
        return Command::new(program);
    }
    let mut command = Command::new("setpriv");
    command
        .args([
            "--inh-caps=-all",
            "--bounding-set=-dac_override,-dac_read_search",
            "--",
        ])
        .arg(program);
    command
}

/// The environment variable that marks a test process re-run by
/// [`rerun_unprivileged`].
const RERUN: &str = "ERROR_CODES_TESTS_UNPRIVILEGED";

/// For an in-process test that needs permission bits to apply: when running
/// as root, runs the test `name` again in a child process of this test binary
/// without the privileges (see [`unprivileged`]) and returns `true` once it
/// passed, so the caller returns; otherwise returns `false`, and the caller
/// runs its checks itself.
///
/// # Panics
/// If the child fails, with its output.
#[must_use]
pub fn rerun_unprivileged(name: &str) -> bool {
    if !is_root() || std::env::var_os(RERUN).is_some() {
        return false;
    }
    let exe = std::env::current_exe().expect("the test binary's path");
    let output = unprivileged(exe)
        .args([name, "--exact", "--nocapture", "--test-threads=1"])
        .env(RERUN, "1")
        .output()
        .expect("run the test binary again");
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success(),
        "{name}, run without root's privileges, failed:\n{printed}"
    );
    assert!(
        printed.contains("1 passed"),
        "{name} did not run in the child:\n{printed}"
    );
    true
}

/// `sh -c script` with `args` as `$1`, `$2`, … in a private mount namespace
/// (and a user namespace that maps this user to root when not root), so that
/// the script may mount file systems that nobody else sees and that disappear
/// with it.
#[must_use]
pub fn mount_namespace(script: &str, args: &[&OsStr]) -> Command {
    let mut command = Command::new("unshare");
    if !is_root() {
        command.args(["--user", "--map-root-user"]);
    }
    command
        .args([
            "--mount",
            "--propagation",
            "private",
            "sh",
            "-euc",
            script,
            "sh",
        ])
        .args(args);
    command
}

/// One entry of a folder, for comparing a folder before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A file: its bytes (`None` when they cannot be read) and permission bits.
    File(Option<Vec<u8>>, u32),
    /// A folder.
    Folder,
    /// A symbolic link, its target.
    Link(PathBuf),
}

/// Everything under `dir`, by path relative to it, without following links.
///
/// # Panics
/// If a folder cannot be listed.
#[must_use]
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Entry> {
    let mut entries = BTreeMap::new();
    add_entries(dir, dir, &mut entries);
    entries
}

fn add_entries(root: &Path, dir: &Path, entries: &mut BTreeMap<PathBuf, Entry>) {
    let listing = std::fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("cannot list {}: {error}", dir.display()));
    for entry in listing {
        let path = entry.expect("a folder entry").path();
        let relative = path.strip_prefix(root).expect("under root").to_path_buf();
        let metadata = std::fs::symlink_metadata(&path).expect("metadata");
        let value = if metadata.file_type().is_symlink() {
            Entry::Link(std::fs::read_link(&path).expect("a link's target"))
        } else if metadata.is_dir() {
            add_entries(root, &path, entries);
            Entry::Folder
        } else {
            Entry::File(std::fs::read(&path).ok(), mode(&metadata))
        };
        entries.insert(relative, value);
    }
}

#[cfg(unix)]
fn mode(metadata: &std::fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    metadata.permissions().mode() & 0o7777
}

#[cfg(not(unix))]
fn mode(_metadata: &std::fs::Metadata) -> u32 {
    0
}

/// Gives every folder under `dir` (and `dir`) its owner's permissions back and
/// every file its owner's read and write permission, so that a test that took
/// them away can inspect and remove its scratch folder.
pub fn restore_permissions(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let Ok(metadata) = std::fs::symlink_metadata(dir) else {
            return;
        };
        let mode = metadata.permissions().mode();
        if metadata.is_dir() {
            let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode | 0o700));
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                restore_permissions(&entry.path());
            }
        } else if metadata.is_file() {
            let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode | 0o600));
        }
    }
}
