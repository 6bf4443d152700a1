//! `breaking`: the catalogue against a base, read from a file or from git.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use error_codes_gen::Catalog;
use error_codes_gen::diff::{Change, Report, compare};
use serde_json::json;

use crate::{BreakingArgs, Context, EXIT_BAD_INPUT, Format, report_load_error};

pub(crate) fn run(args: &BreakingArgs, context: &Context) -> ExitCode {
    let spec = context.spec(args.spec.as_deref());
    let new = match Catalog::load(&spec) {
        Ok(catalog) => catalog,
        Err(error) => return report_load_error(&error, &spec, "nothing was compared"),
    };
    let (base_name, bytes) = match read_base(&args.against, &spec) {
        Ok(base) => base,
        Err(message) => {
            say!("error: {message}");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let base = match Catalog::from_bytes(&bytes, &base_name) {
        Ok(catalog) => catalog,
        Err(error) => {
            return report_load_error(&error, Path::new(&base_name), "the base cannot be read");
        }
    };

    let report = compare(&base, &new);
    let printed = match args.format {
        Format::Text => text_report(&report, &spec, &base_name),
        Format::Json => json_report(&report, &spec, &base_name, &base, &new),
    };
    if let Err(failed) = print(&printed) {
        return failed;
    }
    verdict(&report, &base_name, &base, &new, args.format)
}

/// Writes the report to stdout. A reader that stopped reading (`| head`)
/// changes nothing: the exit code still gives the verdict. Any other write
/// error would lose the report silently, so it is an error.
fn print(lines: &[String]) -> Result<(), ExitCode> {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    let written = lines
        .iter()
        .try_for_each(|line| writeln!(stdout, "{line}"))
        .and_then(|()| stdout.flush());
    match written {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => {
            say!("error: cannot print the report: {error}");
            Err(ExitCode::from(EXIT_BAD_INPUT))
        }
    }
}

/// The base's name for messages and its bytes: the file `against`, or else
/// the git object it names, read from the repository that holds `spec`.
fn read_base(against: &str, spec: &Path) -> Result<(String, Vec<u8>), String> {
    if Path::new(against).is_file() {
        // Bounded as `Catalog::load` reads: a file over the limit comes back
        // one byte too long, and `Catalog::from_bytes` refuses it, located.
        let bytes = error_codes_gen::read_catalogue(Path::new(against))
            .map_err(|error| format!("cannot read {against}: {error}"))?;
        return Ok((against.to_owned(), bytes));
    }
    // git runs in the catalogue's folder, wherever this command runs.
    let folder = match spec.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let object = if against.contains(':') {
        // REV:PATH, as git reads it: PATH from the repository's root.
        against.to_owned()
    } else {
        // A revision: the catalogue's own path, from the repository's root.
        let prefix = git(&folder, ["rev-parse", "--show-prefix"]).map_err(|problem| {
            format!("`{against}` is not a file, and it cannot be read as a git revision: {problem}")
        })?;
        let file = spec
            .file_name()
            .map(OsStr::to_string_lossy)
            .unwrap_or_default();
        format!(
            "{against}:{}{file}",
            String::from_utf8_lossy(&prefix).trim_end()
        )
    };
    let bytes = git(&folder, ["cat-file", "blob", &object]).map_err(|problem| {
        format!("`{against}` is not a file, and git cannot read `{object}`: {problem}")
    })?;
    Ok((object, bytes))
}

/// What `git -C folder args` prints, or why it failed.
fn git<'a>(folder: &Path, args: impl IntoIterator<Item = &'a str>) -> Result<Vec<u8>, String> {
    let output = std::process::Command::new("git")
        .arg("-C")
        .arg(folder)
        .args(args)
        .output()
        .map_err(|error| format!("cannot run git (is it installed?): {error}"))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let stderr = stderr.trim();
        Err(if stderr.is_empty() {
            format!("git failed ({})", output.status)
        } else {
            stderr.replace('\n', "; ")
        })
    }
}

fn text_report(report: &Report, spec: &Path, base_name: &str) -> Vec<String> {
    let mut lines: Vec<String> = report
        .changes
        .iter()
        .map(|change| text_line(change, spec))
        .collect();
    let count = report.changes.len();
    let breaking = report.breaking().count();
    if count == 0 {
        lines.push(format!("no differences from {base_name}"));
    } else if breaking == 0 {
        lines.push(format!(
            "{} from {base_name}, none breaking",
            differences(count)
        ));
    }
    lines
}

/// `errors.yaml:12: breaking (code_moved): code `a` moved from status 401 to 403`.
fn text_line(change: &Change, spec: &Path) -> String {
    let location = match change.line {
        Some(line) => format!("{}:{line}", spec.display()),
        None => spec.display().to_string(),
    };
    format!(
        "{location}: {} ({}): {}",
        change.class, change.kind, change.message
    )
}

fn json_report(
    report: &Report,
    spec: &Path,
    base_name: &str,
    base: &Catalog,
    new: &Catalog,
) -> Vec<String> {
    let changes: Vec<serde_json::Value> = report
        .changes
        .iter()
        .map(|change| {
            json!({
                "kind": change.kind.as_str(),
                "class": change.class.as_str(),
                "line": change.line,
                "code": change.code,
                "status": change.status,
                "message": change.message,
                "allowed_by_major_bump": change.allowed_by_major_bump(),
            })
        })
        .collect();
    let document = json!({
        "spec": spec.display().to_string(),
        "base": base_name,
        "version": new.version,
        "base_version": base.version,
        "major_bump": report.major_bump,
        "breaking": report.breaking().count(),
        "passes": report.passes(),
        "changes": changes,
    });
    vec![serde_json::to_string_pretty(&document).expect("a JSON value always serializes")]
}

/// The exit code, and for breaking changes a line saying what allows them.
fn verdict(
    report: &Report,
    base_name: &str,
    base: &Catalog,
    new: &Catalog,
    format: Format,
) -> ExitCode {
    let breaking = report.breaking().count();
    if breaking == 0 {
        return ExitCode::SUCCESS;
    }
    let count = report.changes.len();
    let versions = format!(
        "{} → {}",
        base.version.as_deref().unwrap_or("no version"),
        new.version.as_deref().unwrap_or("no version")
    );
    if report.passes() {
        if format == Format::Text {
            let allowed = format!(
                "{breaking} of {} from {base_name} {} breaking, allowed by the major version bump ({versions})",
                differences(count),
                if breaking == 1 { "is" } else { "are" },
            );
            if let Err(failed) = print(&[allowed]) {
                return failed;
            }
        }
        return ExitCode::SUCCESS;
    }
    say!(
        "error: {breaking} of {} from {base_name} {} breaking",
        differences(count),
        if breaking == 1 { "is" } else { "are" },
    );
    if report.breaking().all(Change::allowed_by_major_bump) {
        say!("a new major version would allow them: raise the major of `version` ({versions})");
    } else {
        say!(
            "a code removed without a tombstone is never allowed, whatever the version: \
             list it under `removed:`"
        );
    }
    ExitCode::from(1)
}

fn differences(count: usize) -> String {
    if count == 1 {
        "1 difference".to_owned()
    } else {
        format!("{count} differences")
    }
}
