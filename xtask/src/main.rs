//! Workspace automation.
//!
//! `cargo xtask gen [--spec PATH] [--out DIR] [--check]` renders `generated/`
//! from `errors.yaml` through the library's emitters. Exit codes: 0 done (or
//! fresh), 1 stale (with `--check`), 2 bad input, usage or I/O error.
//!
//! `cargo xtask bench [--smoke]` runs the benchmarks (see `bench.rs`).

mod bench;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use error_codes_gen::{Catalog, documents, write_atomic};

const USAGE: &str = "\
usage: cargo xtask gen [--spec PATH] [--out DIR] [--check]
       cargo xtask bench [--smoke] [--pairs N]   (benchmarks; see BENCHMARKS.md)

Writes errors.ts, openapi.yaml and errors.md from the error catalogue.

  --spec PATH  the catalogue (default: errors.yaml at the workspace root)
  --out DIR    where the documents go (default: generated/ at the workspace root)
  --check      write nothing; exit 1 and show a diff if any document is stale";

/// Lines of unified diff shown per stale file before cutting it short.
const DIFF_LINES: usize = 40;

struct Args {
    spec: PathBuf,
    out: PathBuf,
    check: bool,
    /// The flags as given, to repeat them in the command that fixes a stale check.
    given: Vec<String>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|command| command == "bench") {
        return bench::run(&args[1..]);
    }
    match parse_args(&args) {
        Ok(Some(args)) => generate(&args),
        Ok(None) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn workspace_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
}

/// `Ok(None)` means help was asked for.
fn parse_args(args: &[String]) -> Result<Option<Args>, String> {
    let mut rest = args.iter();
    match rest.next().map(String::as_str) {
        Some("gen") => {}
        None | Some("-h" | "--help" | "help") => return Ok(None),
        Some(other) => return Err(format!("unknown command `{other}`")),
    }
    let mut parsed = Args {
        spec: workspace_root().join("errors.yaml"),
        out: workspace_root().join("generated"),
        check: false,
        given: Vec::new(),
    };
    while let Some(flag) = rest.next() {
        match flag.as_str() {
            "--check" => parsed.check = true,
            "--spec" | "--out" => {
                let value = rest
                    .next()
                    .ok_or_else(|| format!("`{flag}` needs a value"))?;
                // `given` holds flag-value pairs: look at the flags only.
                if parsed.given.iter().step_by(2).any(|given| given == flag) {
                    return Err(format!("`{flag}` is given twice"));
                }
                if flag == "--spec" {
                    parsed.spec = PathBuf::from(value);
                } else {
                    parsed.out = PathBuf::from(value);
                }
                parsed.given.extend([flag.clone(), value.clone()]);
            }
            "-h" | "--help" => return Ok(None),
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    Ok(Some(parsed))
}

fn generate(args: &Args) -> ExitCode {
    if args.out.exists() && !args.out.is_dir() {
        eprintln!(
            "error: `--out {}` is not a folder; the documents go into a folder",
            args.out.display()
        );
        return ExitCode::from(2);
    }
    let catalog = match Catalog::load(&args.spec) {
        Ok(catalog) => catalog,
        Err(error) => {
            eprintln!("{error}");
            let count = error.diagnostics().len();
            let problems = if count == 1 { "problem" } else { "problems" };
            eprintln!(
                "\nerror: {count} {problems} in {}; nothing was written",
                args.spec.display()
            );
            return ExitCode::from(2);
        }
    };
    // Everything is rendered before anything is written or compared.
    let documents = documents(&catalog);
    if args.check {
        check(args, &documents)
    } else {
        write(args, &documents)
    }
}

fn write(args: &Args, documents: &[(&str, String)]) -> ExitCode {
    let paths: Vec<PathBuf> = documents
        .iter()
        .map(|(name, _)| args.out.join(name))
        .collect();
    // Unchanged files keep their timestamps, so nothing downstream rebuilds.
    let changed: Vec<(&Path, &str)> = paths
        .iter()
        .zip(documents)
        .filter(|(path, (_, contents))| {
            !std::fs::read(path).is_ok_and(|old| old == contents.as_bytes())
        })
        .map(|(path, (_, contents))| (path.as_path(), contents.as_str()))
        .collect();
    if let Err(error) = write_atomic(&changed) {
        eprintln!("error: cannot write {error}");
        return ExitCode::from(2);
    }
    for (path, _) in changed {
        println!("wrote {}", path.display());
    }
    ExitCode::SUCCESS
}

fn check(args: &Args, documents: &[(&str, String)]) -> ExitCode {
    let mut stale = Vec::new();
    for (name, expected) in documents {
        let path = args.out.join(name);
        let actual = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(error) => {
                eprintln!("error: cannot read {}: {error}", path.display());
                return ExitCode::from(2);
            }
        };
        if actual != expected.as_bytes() {
            let actual = String::from_utf8_lossy(&actual);
            eprintln!("{}", short_diff(&path, &actual, expected));
            stale.push(path);
        }
    }
    if stale.is_empty() {
        println!("generated documents are fresh");
        return ExitCode::SUCCESS;
    }
    eprintln!(
        "error: stale (they differ from what {} gives):",
        args.spec.display()
    );
    for path in &stale {
        eprintln!("  {}", path.display());
    }
    let mut fix = String::from("cargo xtask gen");
    for part in &args.given {
        fix.push(' ');
        fix.push_str(part);
    }
    eprintln!("run `{fix}` to update them");
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
