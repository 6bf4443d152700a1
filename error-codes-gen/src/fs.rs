//! The one place that writes files.

use std::io::{self, Write as _};
use std::path::Path;

/// Writes `contents` to `path` atomically: into a temporary file beside it,
/// flushed to disk, then renamed over `path`.
///
/// A reader (or a crash, or a kill) sees either the old file or the new one,
/// never a truncated mix. The parent folder is created if missing.
///
/// ```
/// let dir = std::env::temp_dir().join(format!("write-atomic-doc-{}", std::process::id()));
/// let path = dir.join("errors.ts");
/// error_codes_gen::write_atomic(&path, "export {};\n")?;
/// assert_eq!(std::fs::read_to_string(&path)?, "export {};\n");
/// # std::fs::remove_dir_all(dir)?;
/// # Ok::<(), std::io::Error>(())
/// ```
///
/// # Errors
/// Any I/O error; `path` is then left as it was.
pub fn write_atomic(path: &Path, contents: &str) -> io::Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let file_name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "path has no file name"))?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(file_name);
    temp_name.push(format!(".{}.tmp", std::process::id()));
    let temp_path = dir.join(temp_name);

    let result = (|| {
        let mut file = std::fs::File::create(&temp_path)?;
        file.write_all(contents.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&temp_path, path)
    })();
    if result.is_err() {
        // Best effort: the error that matters is the one already in hand.
        let _ = std::fs::remove_file(&temp_path);
    }
    result
}
