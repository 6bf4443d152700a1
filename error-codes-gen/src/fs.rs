//! The one place that writes files.

use std::io::{self, Write as _};
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
/// ```
/// let dir = std::env::temp_dir().join(format!("write-atomic-doc-{}", std::process::id()));
/// let (ts, md) = (dir.join("errors.ts"), dir.join("errors.md"));
/// error_codes_gen::write_atomic(&[(&ts, "export {};\n"), (&md, "# Errors\n")])?;
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
    let mut staged: Vec<PathBuf> = Vec::with_capacity(files.len());
    let result = files
        .iter()
        .try_for_each(|&(path, contents)| {
            staged.push(stage(path, contents).map_err(|error| naming(path, &error))?);
            Ok(())
        })
        .and_then(|()| {
            staged.iter().zip(files).try_for_each(|(temp, &(path, _))| {
                std::fs::rename(temp, path).map_err(|error| naming(path, &error))
            })
        });
    if result.is_err() {
        for temp in &staged {
            // Best effort, and already gone for the files that were renamed:
            // the error that matters is the one in hand.
            let _ = std::fs::remove_file(temp);
        }
    }
    result
}

/// Writes `contents` into a new temporary file beside `path`, on disk.
fn stage(path: &Path, contents: &str) -> io::Result<PathBuf> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    if path.is_dir() {
        // Found now, not when renaming, after other files are replaced.
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "a folder is in the way",
        ));
    }
    let file_name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "path has no file name"))?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(file_name);
    temp_name.push(format!(".{}.tmp", std::process::id()));
    let temp = dir.join(temp_name);

    let written = std::fs::File::create(&temp).and_then(|mut file| {
        file.write_all(contents.as_bytes())?;
        file.sync_all()
    });
    match written {
        Ok(()) => Ok(temp),
        Err(error) => {
            let _ = std::fs::remove_file(&temp);
            Err(error)
        }
    }
}

fn naming(path: &Path, error: &io::Error) -> io::Error {
    io::Error::new(error.kind(), format!("{}: {error}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("error-codes-fs-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_failure_while_staging_changes_no_file() {
        let dir = scratch("staging");
        let first = dir.join("errors.ts");
        std::fs::write(&first, "old").unwrap();
        // The second target's folder cannot be created: a file is in the way.
        std::fs::write(dir.join("blocked"), "").unwrap();
        let second = dir.join("blocked").join("errors.md");

        let error = write_atomic(&[(&first, "new"), (&second, "new")]).unwrap_err();

        assert!(error.to_string().contains("errors.md"), "{error}");
        assert_eq!(std::fs::read_to_string(&first).unwrap(), "old");
        let mut left: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left, ["blocked", "errors.ts"], "no temporary file remains");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn every_file_is_replaced() {
        let dir = scratch("replace");
        let (a, b) = (dir.join("a"), dir.join("sub").join("b"));
        std::fs::write(&a, "old").unwrap();
        write_atomic(&[(&a, "new a"), (&b, "new b")]).unwrap();
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "new a");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "new b");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2, "a and sub/");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
