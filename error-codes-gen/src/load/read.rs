//! Reading a catalogue: the file, never more of it than the largest
//! catalogue accepted, and its encoding. What follows is
//! [`Catalog::from_yaml`]'s.

use std::io::Read as _;
use std::path::Path;

use crate::diagnostic::{Diagnostic, yaml_lines};
use crate::limits::MAX_BYTES;
use crate::{Catalog, Error};

impl Catalog {
    /// Reads and validates a catalogue file.
    ///
    /// Diagnostics name the file as `path` is written (relative paths stay
    /// relative), so messages match what the user typed.
    ///
    /// ```
    /// let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../errors.yaml");
    /// let catalog = error_codes_gen::Catalog::load(&path)?;
    /// assert_eq!(catalog.source_name, "errors.yaml");
    /// assert_eq!(catalog.codes().count(), 32);
    /// # Ok::<(), error_codes_gen::Error>(())
    /// ```
    ///
    /// # Errors
    /// Every problem in the file, or one saying it cannot be read.
    pub fn load(path: &Path) -> Result<Self, Error> {
        let file = path.display().to_string();
        let bytes = read_catalogue(path).map_err(|error| {
            Error::new(vec![Diagnostic::whole_file(
                &file,
                format!("cannot read the error catalogue: {error}"),
            )])
        })?;
        let source_name = path
            .file_name()
            .map_or_else(|| file.clone(), |name| name.to_string_lossy().into_owned());
        let mut catalog = Self::from_bytes(&bytes, &file)?;
        catalog.source_name = source_name;
        Ok(catalog)
    }

    /// Parses and validates a catalogue file's bytes, which must be UTF-8
    /// (a byte-order mark is allowed); `file` names it in diagnostics.
    ///
    /// ```
    /// let error = error_codes_gen::Catalog::from_bytes(b"title: caf\xE9\n", "errors.yaml").unwrap_err();
    /// assert_eq!(
    ///     error.diagnostics()[0].to_string(),
    ///     "errors.yaml:1:11: the file is not UTF-8: byte 0xE9 is not valid here
    ///   |
    /// 1 | title: caf\u{FFFD}
    ///   |           ^",
    /// );
    /// ```
    ///
    /// # Errors
    /// A file over [`MAX_BYTES`](crate::limits::MAX_BYTES), the first byte
    /// that is not UTF-8, or else as [`Catalog::from_yaml`].
    pub fn from_bytes(bytes: &[u8], file: &str) -> Result<Self, Error> {
        within_size(bytes.len(), file)?;
        let error = match std::str::from_utf8(bytes) {
            Ok(source) => return Self::from_yaml(source, file),
            Err(error) => error,
        };
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            let message = "the file is UTF-16; save it as UTF-8";
            return Err(Error::new(vec![Diagnostic::whole_file(file, message)]));
        }
        let (valid, rest) = bytes.split_at(error.valid_up_to());
        let valid = String::from_utf8_lossy(valid);
        // Lines as YAML counts them, so that the snippet shows this line.
        let (line, last) = yaml_lines(&valid)
            .enumerate()
            .last()
            .map_or((0, ""), |(index, last)| (index, last));
        let ends_in_break = valid.ends_with(['\n', '\r']);
        let (line, column) = if ends_in_break {
            (line + 2, 1)
        } else {
            (line + 1, last.chars().count() + 1)
        };
        let byte = rest.first().copied().unwrap_or_default();
        let message = if error.error_len().is_some() {
            format!("the file is not UTF-8: byte {byte:#04X} is not valid here")
        } else {
            "the file is not UTF-8: it ends in the middle of a character".to_owned()
        };
        let lossy = String::from_utf8_lossy(bytes);
        Err(Error::new(vec![Diagnostic::at(
            file, &lossy, line, column, message,
        )]))
    }
}

/// Reads a catalogue file, but never more than one byte beyond
/// [`MAX_BYTES`](crate::limits::MAX_BYTES): enough for
/// [`Catalog::from_bytes`] to refuse a file that is too large, without
/// reading all of a huge one (or a device that never ends) into memory.
///
/// ```
/// let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../errors.yaml");
/// let bytes = error_codes_gen::read_catalogue(&path)?;
/// assert!(String::from_utf8(bytes).unwrap().contains("title: Errors & Troubleshooting"));
/// # Ok::<(), std::io::Error>(())
/// ```
///
/// # Errors
/// When the file cannot be opened or read.
pub fn read_catalogue(path: &Path) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let limit = MAX_BYTES as u64 + 1;
    // Sized from the file, as `fs::read` does; growing by doubling could
    // hold up to twice the file.
    let size = file
        .metadata()
        .map_or(0, |metadata| metadata.len().min(limit));
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Refuses a file of `length` bytes when it is over
/// [`MAX_BYTES`](crate::limits::MAX_BYTES).
pub(super) fn within_size(length: usize, file: &str) -> Result<(), Error> {
    if length <= MAX_BYTES {
        return Ok(());
    }
    Err(Error::new(vec![Diagnostic::whole_file(
        file,
        format!(
            "the file is larger than {} MiB ({MAX_BYTES} bytes), the largest catalogue accepted; \
             split the API's errors or shorten their texts",
            MAX_BYTES / (1024 * 1024)
        ),
    )]))
}
