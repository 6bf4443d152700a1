//! `init` and `schema`: a starter catalogue, and the format's JSON Schema
//! for editors.

use std::fs;
use std::io::{self, Write as _};
use std::path::Path;
use std::process::ExitCode;

use crate::{Context, EXIT_BAD_INPUT, InitArgs};

/// The catalogue `init` writes: every feature of the format, the optional
/// ones as comments. `gen` accepts it as written (a test holds it to that).
pub const STARTER: &str = include_str!("starter.yaml");

pub(crate) fn init(args: &InitArgs, context: &Context) -> ExitCode {
    let spec = context.spec(args.spec.as_deref());
    match write_new(&spec, STARTER) {
        Ok(()) => {
            let _ = writeln!(
                io::stdout(),
                "wrote {}; next: `{} gen`",
                spec.display(),
                context.program
            );
            ExitCode::SUCCESS
        }
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
            say!(
                "error: {} exists; `init` never overwrites a file (give another with --spec)",
                spec.display()
            );
            ExitCode::from(EXIT_BAD_INPUT)
        }
        Err(error) => {
            say!("error: cannot write {}: {error}", spec.display());
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

/// Writes `contents` to `path` only if nothing is there, whole or not at
/// all: it is written in full beside the target, then linked into place,
/// which fails if a file appeared there meanwhile.
fn write_new(path: &Path, contents: &str) -> io::Result<()> {
    if fs::symlink_metadata(path).is_ok() {
        return Err(io::ErrorKind::AlreadyExists.into());
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = path.file_name().ok_or(io::ErrorKind::InvalidInput)?;
    let staging = folder.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = fs::File::create_new(&staging).and_then(|mut file| {
        file.write_all(contents.as_bytes())?;
        file.sync_all()
    });
    // A hard link, unlike a rename, never replaces what is there.
    let linked = written.and_then(|()| fs::hard_link(&staging, path));
    let _ = fs::remove_file(&staging);
    linked
}

pub(crate) fn schema() -> ExitCode {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(error_codes_gen::JSON_SCHEMA.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            say!("error: cannot write the schema: {error}");
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}
