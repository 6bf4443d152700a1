//! `gen`: the documents from the catalogue, written or checked.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use error_codes_gen::{Catalog, outputs};

use crate::write::write_changed;
use crate::{Context, EXIT_BAD_INPUT, GenArgs, report_load_error, shell_word};

/// Lines of unified diff shown per stale file before cutting it short.
const DIFF_LINES: usize = 40;

pub(crate) fn run(args: &GenArgs, context: &Context) -> ExitCode {
    let spec = context.spec(args.spec.as_deref());
    let out = args.out.clone().unwrap_or_else(|| context.default_out());
    if out.exists() && !out.is_dir() {
        say!(
            "error: `--out {}` is not a folder; the documents go into a folder",
            out.display()
        );
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    let catalog = match Catalog::load(&spec) {
        Ok(catalog) => catalog,
        Err(error) => return report_load_error(&error, &spec, "nothing was written"),
    };
    // Everything is rendered before anything is written or compared.
    let documents = outputs(&catalog);
    if args.check {
        check(args, context, &spec, &out, &documents)
    } else {
        write(&out, &documents)
    }
}

fn write(out: &Path, documents: &[(&str, String)]) -> ExitCode {
    let paths: Vec<PathBuf> = documents.iter().map(|(name, _)| out.join(name)).collect();
    let files: Vec<(&Path, &str)> = paths
        .iter()
        .zip(documents)
        .map(|(path, (_, contents))| (path.as_path(), contents.as_str()))
        .collect();
    // Unchanged files keep their timestamps, so nothing downstream rebuilds.
    let written = match write_changed(&files) {
        Ok(written) => written,
        Err(error) => {
            say!("error: cannot write {error}");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    for path in written {
        // The documents are written; a closed or full stdout loses only the note.
        let _ = writeln!(std::io::stdout(), "wrote {}", path.display());
    }
    ExitCode::SUCCESS
}

fn check(
    args: &GenArgs,
    context: &Context,
    spec: &Path,
    out: &Path,
    documents: &[(&str, String)],
) -> ExitCode {
    let mut stale = Vec::new();
    for (name, expected) in documents {
        let path = out.join(name);
        let actual = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(error) => {
                say!("error: cannot read {}: {error}", path.display());
                return ExitCode::from(EXIT_BAD_INPUT);
            }
        };
        if actual != expected.as_bytes() {
            let actual = String::from_utf8_lossy(&actual);
            say!("{}", short_diff(&path, &actual, expected));
            stale.push(path);
        }
    }
    if stale.is_empty() {
        let _ = writeln!(std::io::stdout(), "generated documents are fresh");
        return ExitCode::SUCCESS;
    }
    say!(
        "error: stale (they differ from what {} gives):",
        spec.display()
    );
    for path in &stale {
        say!("  {}", path.display());
    }
    // The command that fixes it: the same, without `--check`.
    let mut fix = format!("{} gen", context.program);
    for (flag, value) in [("--spec", &args.spec), ("--out", &args.out)] {
        if let Some(value) = value {
            let _ = write!(fix, " {flag} {}", shell_word(value));
        }
    }
    say!("run `{fix}` to update them");
    ExitCode::from(1)
}

fn short_diff(path: &Path, actual: &str, expected: &str) -> String {
    let path = path.display().to_string();
    let diff = similar::TextDiff::from_lines(actual, expected)
        .unified_diff()
        .context_radius(2)
        .header(
            &format!("{path} (on disk)"),
            &format!("{path} (from the catalogue)"),
        )
        .to_string();
    let total = diff.lines().count();
    let mut shown: String = diff
        .lines()
        .take(DIFF_LINES)
        .flat_map(|line| [line, "\n"])
        .collect();
    if total > DIFF_LINES {
        let _ = writeln!(shown, "… {} more diff lines", total - DIFF_LINES);
    }
    shown
}
