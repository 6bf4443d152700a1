//! The one place that writes files.
//!
//! A set of documents is written in three steps: every target folder is
//! created and locked; every file is staged in full beside its target (a
//! hidden `.<name>.<pid>.tmp`) and flushed to disk; then the staged files are
//! renamed over their targets. A rename replaces a file as a whole, so a
//! reader, a crash or a `kill -9` sees each document either old or new, never
//! truncated or mixed.
//!
//! The folder lock (Unix: an exclusive `flock` on the folder itself, which the
//! kernel releases when the holder dies, however it dies) does two things. Two
//! runs writing into one folder take turns instead of interleaving, and a run
//! that holds the lock knows that every staging file it finds was left by a
//! run that was killed, so it deletes them: a user's folder does not collect
//! them, and a live run's staging file is never touched.

use std::fs::{self, File};
use std::io::{self, Read as _, Write as _};
use std::path::{Path, PathBuf};

/// Writes a set of files atomically, each as a whole and all of them together
/// as far as the file system allows.
///
/// Every file is first written in full to a temporary file beside its target
/// and flushed to disk; only when all of them are staged are they renamed over
/// their targets. So a reader (or a crash, or a kill) sees each file either old
/// or new, never truncated, and an error (a full disk, a folder that cannot be
/// created) changes none of them. Parent folders are created if missing.
///
/// On Unix, each target folder is locked while the set is written, so that
/// concurrent calls on one folder take turns, and temporary files left in it
/// by a killed writer are removed. A target that is a folder or a symbolic
/// link is refused before anything is written: replacing a link would cut it
/// and leave the file it points to stale. A replaced file keeps its
/// permissions.
///
/// ```
/// let dir = std::env::temp_dir().join(format!("write-atomic-doc-{}", std::process::id()));
/// let (ts, md) = (dir.join("errors.ts"), dir.join("errors.md"));
/// error_codes_cli::write_atomic(&[(&ts, "export {};\n"), (&md, "# Errors\n")])?;
/// assert_eq!(std::fs::read_to_string(&ts)?, "export {};\n");
/// assert_eq!(std::fs::read_to_string(&md)?, "# Errors\n");
/// # std::fs::remove_dir_all(dir)?;
/// # Ok::<(), std::io::Error>(())
/// ```
///
/// # Errors
/// The first I/O error, naming its file. If it came before the renames, every
/// target is left as it was and no temporary file remains.
pub fn write_atomic(files: &[(&Path, &str)]) -> io::Result<()> {
    write_set(files, Replace::Always).map(drop)
}

/// Like [`write_atomic`], but leaves the files that already hold their new
/// contents untouched (so their timestamps stay, and nothing downstream
/// rebuilds), and returns the paths it wrote, in the order given.
///
/// The comparison happens under the folder lock, so two concurrent calls
/// never skip a file because of what the other one is about to replace.
///
/// ```
/// let dir = std::env::temp_dir().join(format!("write-changed-doc-{}", std::process::id()));
/// let (ts, md) = (dir.join("errors.ts"), dir.join("errors.md"));
/// std::fs::create_dir_all(&dir)?;
/// std::fs::write(&ts, "export {};\n")?;
/// let written = error_codes_cli::write_changed(&[(&ts, "export {};\n"), (&md, "# Errors\n")])?;
/// assert_eq!(written, [md.as_path()]);
/// # std::fs::remove_dir_all(dir)?;
/// # Ok::<(), std::io::Error>(())
/// ```
///
/// # Errors
/// As [`write_atomic`]; nothing is written when any file fails.
pub fn write_changed<'a>(files: &[(&'a Path, &str)]) -> io::Result<Vec<&'a Path>> {
    write_set(files, Replace::IfChanged)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Replace {
    Always,
    IfChanged,
}

/// Whether the file at `path` holds exactly `contents`; any error reading it
/// means it does not. Read a block at a time, so that comparing a large
/// document never holds a second copy of it in memory.
fn holds(path: &Path, contents: &[u8]) -> bool {
    let Ok(mut file) = File::open(path) else {
        return false;
    };
    let same_length = file
        .metadata()
        .is_ok_and(|metadata| metadata.len() == contents.len() as u64);
    if !same_length {
        return false;
    }
    let mut block = vec![0; 64 * 1024];
    let mut rest = contents;
    loop {
        match file.read(&mut block) {
            Ok(0) => return rest.is_empty(),
            Ok(read) => match rest.strip_prefix(&block[..read]) {
                Some(after) => rest = after,
                None => return false,
            },
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
}

fn write_set<'a>(files: &[(&'a Path, &str)], replace: Replace) -> io::Result<Vec<&'a Path>> {
    // Locked in a fixed order, so two writers of the same folders cannot
    // each hold one lock and wait for the other.
    let mut folders: Vec<(&Path, &Path)> = files
        .iter()
        .map(|&(path, _)| (folder_of(path), path))
        .collect();
    folders.sort_by_key(|&(folder, _)| folder);
    folders.dedup_by_key(|&mut (folder, _)| folder);
    let mut locks = Vec::with_capacity(folders.len());
    for (folder, first_file) in folders {
        fs::create_dir_all(folder).map_err(|error| naming(first_file, &error))?;
        let lock = FolderLock::acquire(folder).map_err(|error| naming(first_file, &error))?;
        if lock.is_some() {
            clear_stale_staging(folder, files);
        }
        locks.push(lock);
    }

    // Found now, not when renaming, after other files are replaced.
    for &(path, _) in files {
        refuse_in_the_way(path).map_err(|error| naming(path, &error))?;
    }
    let wanted: Vec<(&'a Path, &str)> = files
        .iter()
        .copied()
        .filter(|&(path, contents)| replace == Replace::Always || !holds(path, contents.as_bytes()))
        .collect();

    let mut staged: Vec<PathBuf> = Vec::with_capacity(wanted.len());
    let result = wanted
        .iter()
        .try_for_each(|&(path, contents)| {
            staged.push(stage(path, contents).map_err(|error| naming(path, &error))?);
            Ok(())
        })
        .and_then(|()| {
            staged
                .iter()
                .zip(&wanted)
                .try_for_each(|(temp, &(path, _))| {
                    fs::rename(temp, path).map_err(|error| naming(path, &error))
                })
        });
    if result.is_err() {
        for temp in &staged {
            // Best effort, and already gone for the files that were renamed:
            // the error that matters is the one in hand.
            let _ = fs::remove_file(temp);
        }
    }
    result?;
    for lock in locks.iter().flatten() {
        lock.sync();
    }
    Ok(wanted.into_iter().map(|(path, _)| path).collect())
}

/// The folder a file goes into (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// An error if something other than a file (or nothing) is at `path`.
fn refuse_in_the_way(path: &Path) -> io::Result<()> {
    let Ok(metadata) = fs::symlink_metadata(path) else {
        // Nothing there yet; any other problem shows when staging.
        return Ok(());
    };
    if metadata.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "a folder is in the way",
        ));
    }
    if metadata.file_type().is_symlink() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "it is a symbolic link; the document is replaced as a whole, which would cut \
             the link and leave the file it points to stale (make the document the real \
             file and link to it instead)",
        ));
    }
    Ok(())
}

/// The name of `path`'s staging file for this process: `.<name>.<pid>.tmp`.
fn staging_name(file_name: &std::ffi::OsStr) -> std::ffi::OsString {
    let mut name = std::ffi::OsString::from(".");
    name.push(file_name);
    name.push(format!(".{}.tmp", std::process::id()));
    name
}

/// Whether `entry` is a staging file of `file_name` by any process.
fn is_staging_of(entry: &str, file_name: &str) -> bool {
    entry
        .strip_prefix('.')
        .and_then(|rest| rest.strip_prefix(file_name))
        .and_then(|rest| rest.strip_prefix('.'))
        .and_then(|rest| rest.strip_suffix(".tmp"))
        .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// Deletes the staging files that killed runs left in `folder` for any of
/// `files`. Only called with the folder locked: no live run is staging there.
fn clear_stale_staging(folder: &Path, files: &[(&Path, &str)]) {
    let names: Vec<&str> = files
        .iter()
        .filter(|(path, _)| folder_of(path) == folder)
        .filter_map(|(path, _)| path.file_name()?.to_str())
        .collect();
    // Best effort: a folder that cannot be listed or cleaned will fail more
    // clearly when the new files are staged.
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if names.iter().any(|file_name| is_staging_of(name, file_name)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Writes `contents` into a new temporary file beside `path`, on disk, with
/// the permissions of the file it will replace.
fn stage(path: &Path, contents: &str) -> io::Result<PathBuf> {
    let file_name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "path has no file name"))?;
    let temp = folder_of(path).join(staging_name(file_name));
    let permissions = fs::metadata(path).ok().map(|old| old.permissions());

    let written = File::create(&temp).and_then(|mut file| {
        file.write_all(contents.as_bytes())?;
        if let Some(permissions) = permissions {
            file.set_permissions(permissions)?;
        }
        file.sync_all()
    });
    match written {
        Ok(()) => Ok(temp),
        Err(error) => {
            let _ = fs::remove_file(&temp);
            Err(error)
        }
    }
}

fn naming(path: &Path, error: &io::Error) -> io::Error {
    io::Error::new(error.kind(), format!("{}: {error}", path.display()))
}

/// An exclusive lock on a folder, held while files are written into it and
/// released when dropped or when the process dies.
struct FolderLock {
    folder: File,
}

impl FolderLock {
    /// Waits for the lock on `folder`; `None` where folders cannot be locked
    /// (outside Unix, or a file system without locks), and then stale staging
    /// files are left alone, since a live writer's could not be told apart.
    fn acquire(folder: &Path) -> io::Result<Option<Self>> {
        if !cfg!(unix) {
            return Ok(None);
        }
        let handle = File::open(folder)?;
        match handle.lock() {
            Ok(()) => Ok(Some(Self { folder: handle })),
            Err(error) if error.kind() == io::ErrorKind::Unsupported => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// Flushes the folder's entries (the renames) to disk.
    fn sync(&self) {
        // Durability against power loss only: the renames are done and atomic
        // whether or not this succeeds, and some file systems refuse it.
        let _ = self.folder.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("error-codes-fs-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn holds_compares_every_byte_across_blocks() {
        let dir = scratch("holds");
        let path = dir.join("errors.md");
        // Longer than two blocks, so the comparison crosses block edges.
        let text: Vec<u8> = (0..200_000_u32)
            .map(|i| b"abcdefg\n"[i as usize % 8])
            .collect();
        fs::write(&path, &text).unwrap();
        assert!(holds(&path, &text));
        for at in [0, 65_535, 65_536, 131_072, text.len() - 1] {
            let mut other = text.clone();
            other[at] = b'X';
            assert!(!holds(&path, &other), "a difference at byte {at}");
        }
        assert!(!holds(&path, &text[..text.len() - 1]), "a shorter text");
        assert!(!holds(&dir.join("missing"), b""), "a missing file");
        fs::write(&path, "").unwrap();
        assert!(holds(&path, b""), "an empty file holds the empty text");
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_failure_while_staging_changes_no_file() {
        let dir = scratch("staging");
        let first = dir.join("errors.ts");
        fs::write(&first, "old").unwrap();
        // The second target's folder cannot be created: a file is in the way.
        fs::write(dir.join("blocked"), "").unwrap();
        let second = dir.join("blocked").join("errors.md");

        let error = write_atomic(&[(&first, "new"), (&second, "new")]).unwrap_err();

        assert!(error.to_string().contains("errors.md"), "{error}");
        assert_eq!(fs::read_to_string(&first).unwrap(), "old");
        assert_eq!(
            entries(&dir),
            ["blocked", "errors.ts"],
            "no temporary file remains"
        );
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn every_file_is_replaced() {
        let dir = scratch("replace");
        let (a, b) = (dir.join("a"), dir.join("sub").join("b"));
        fs::write(&a, "old").unwrap();
        write_atomic(&[(&a, "new a"), (&b, "new b")]).unwrap();
        assert_eq!(fs::read_to_string(&a).unwrap(), "new a");
        assert_eq!(fs::read_to_string(&b).unwrap(), "new b");
        assert_eq!(entries(&dir), ["a", "sub"]);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn only_changed_files_are_written() {
        let dir = scratch("changed");
        let (a, b) = (dir.join("a"), dir.join("b"));
        fs::write(&a, "same").unwrap();
        fs::write(&b, "old").unwrap();
        let written = write_changed(&[(&a, "same"), (&b, "new")]).unwrap();
        assert_eq!(written, [b.as_path()]);
        assert_eq!(fs::read_to_string(&b).unwrap(), "new");
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn staging_files_of_killed_runs_are_cleared_and_others_kept() {
        let dir = scratch("stale");
        let target = dir.join("errors.ts");
        let stale = [".errors.ts.4194301.tmp", ".errors.ts.12.tmp"];
        // Not staging files of this set: another document's, a user's own.
        let kept = [
            ".errors.md.12.tmp",
            ".errors.ts.12.tmp.bak",
            "errors.ts.12.tmp",
        ];
        for name in stale.iter().chain(&kept) {
            fs::write(dir.join(name), "left behind").unwrap();
        }
        write_atomic(&[(&target, "new")]).unwrap();
        let mut expected: Vec<&str> = kept.to_vec();
        expected.push("errors.ts");
        expected.sort_unstable();
        assert_eq!(entries(&dir), expected);
        fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_refused_and_left_alone() {
        let dir = scratch("symlink");
        let real = dir.join("real.ts");
        fs::write(&real, "old").unwrap();
        let link = dir.join("errors.ts");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let other = dir.join("errors.md");

        let error = write_atomic(&[(&other, "new"), (&link, "new")]).unwrap_err();

        assert!(error.to_string().contains("symbolic link"), "{error}");
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "old");
        assert!(
            !other.exists(),
            "nothing is written when one target is refused"
        );
        assert_eq!(entries(&dir), ["errors.ts", "real.ts"]);
        fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = scratch("permissions");
        let target = dir.join("errors.ts");
        fs::write(&target, "old").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o444)).unwrap();
        write_atomic(&[(&target, "new")]).unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        let mode = fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o444);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn staging_names_are_recognised_exactly() {
        assert!(is_staging_of(".errors.ts.123.tmp", "errors.ts"));
        assert!(!is_staging_of(".errors.ts..tmp", "errors.ts"));
        assert!(!is_staging_of(".errors.ts.12a.tmp", "errors.ts"));
        assert!(!is_staging_of(".errors.tsx.1.tmp", "errors.ts"));
        assert!(!is_staging_of("errors.ts.1.tmp", "errors.ts"));
        let own = staging_name(std::ffi::OsStr::new("errors.ts"));
        assert!(is_staging_of(own.to_str().unwrap(), "errors.ts"));
    }
}
