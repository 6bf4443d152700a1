//! The `error-codes` command, as a library: its arguments and what each
//! command does.
//!
//! Two front ends run this code with different defaults: the `error-codes`
//! binary of this crate (`cargo install error-codes-cli`), whose paths are
//! relative to the folder it runs in, and the `cargo xtask` of the
//! error-codes workspace, whose paths are at the workspace root. Both parse
//! [`Command`] (the xtask flattens it into its own list of tasks), so flags,
//! output and exit codes are the same.
//!
//! - `gen [--spec PATH] [--out DIR] [--check]` writes the documents the
//!   catalogue's `outputs:` selects (`errors.ts`, `openapi.yaml` and
//!   `errors.md` by default; `errors.py`, `errors.go`) ([`GenArgs`]);
//! - `breaking --against BASE [--spec PATH] [--format text|json]` lists every
//!   difference from a base catalogue and fails on breaking ones
//!   ([`BreakingArgs`]);
//! - `explain CODE [--spec PATH]` prints everything the catalogue knows
//!   about a code, for a terminal ([`ExplainArgs`]); an unknown code exits
//!   2, naming the nearest;
//! - `init [--spec PATH]` writes a starter catalogue ([`STARTER`]), never
//!   over an existing file ([`InitArgs`]);
//! - `schema` prints the JSON Schema of the file format, for editors.
//!
//! Exit codes: 0 done, 1 stale documents (`gen --check`) or breaking changes
//! (`breaking`), 2 bad input, usage or I/O error ([`EXIT_BAD_INPUT`]).
//!
//! ```
//! use clap::Parser as _;
//! use error_codes_cli::{Command, Context};
//!
//! #[derive(clap::Parser)]
//! struct Cli {
//!     #[command(subcommand)]
//!     command: Command,
//! }
//!
//! let dir = std::env::temp_dir().join(format!("error-codes-cli-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! std::fs::write(dir.join("errors.yaml"), "title: Errors\nstatuses:\n  404:\n    codes:\n      not_found: No such thing.\n")?;
//!
//! let cli = Cli::try_parse_from(["error-codes", "gen"])?;
//! let code = cli.command.run(&Context::new("error-codes", &dir));
//! assert_eq!(code, std::process::ExitCode::SUCCESS);
//! assert!(dir.join("generated/errors.ts").is_file());
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `eprintln!` without its panic: a diagnostic that cannot be written (stderr
/// closed or on a full disk) has nowhere else to go, and the exit code still
/// tells what happened.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod breaking;
mod explain;
mod generate;
mod start;
mod write;

pub use start::STARTER;
pub use write::{write_atomic, write_changed};

/// The exit code for bad input, usage and I/O errors; clap uses it too.
pub const EXIT_BAD_INPUT: u8 = 2;

/// How a front end runs the commands: its name in hints, and where default
/// paths are.
#[derive(Debug, Clone)]
pub struct Context {
    program: String,
    root: PathBuf,
}

impl Context {
    /// `program` is how the user runs the command (`error-codes`,
    /// `cargo xtask`), for the hints the commands print. `root` is the folder
    /// of the default paths: `errors.yaml` and `generated/` are in it. An
    /// empty `root` means the current folder, and keeps the defaults relative
    /// in messages.
    ///
    /// ```
    /// let context = error_codes_cli::Context::new("error-codes", "");
    /// assert_eq!(context.default_spec(), std::path::Path::new("errors.yaml"));
    /// assert_eq!(context.default_out(), std::path::Path::new("generated"));
    /// ```
    #[must_use]
    pub fn new(program: impl Into<String>, root: impl Into<PathBuf>) -> Self {
        Self {
            program: program.into(),
            root: root.into(),
        }
    }

    /// The catalogue when `--spec` is not given: `errors.yaml` in the root.
    #[must_use]
    pub fn default_spec(&self) -> PathBuf {
        self.root.join("errors.yaml")
    }

    /// The documents' folder when `--out` is not given: `generated` in the root.
    #[must_use]
    pub fn default_out(&self) -> PathBuf {
        self.root.join("generated")
    }

    fn spec(&self, spec: Option<&Path>) -> PathBuf {
        spec.map_or_else(|| self.default_spec(), Path::to_path_buf)
    }
}

/// The commands.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum Command {
    /// Write the documents the catalogue's `outputs:` selects (default:
    /// errors.ts, openapi.yaml and errors.md).
    ///
    /// Unchanged documents are left alone; changed ones are replaced as a
    /// set, each written in full before any is renamed into place. A broken
    /// catalogue writes nothing.
    Gen(GenArgs),
    /// List every difference from a base catalogue; fail on breaking ones.
    ///
    /// Breaking: a code removed, moved to another status or renamed in Rust;
    /// a group or the top-level enum renamed; a status that had codes removed;
    /// a tombstone removed. A catalogue whose version has a higher major than
    /// the base's may break clients (the changes are listed and allowed),
    /// except by removing a code without a tombstone.
    Breaking(BreakingArgs),
    /// Print everything the catalogue knows about a code: status, message,
    /// params, retry, lifecycle, docs, description and resolution.
    ///
    /// An unknown code exits 2 and names the nearest codes.
    Explain(ExplainArgs),
    /// Write a starter errors.yaml that shows every feature; never over an
    /// existing file.
    Init(InitArgs),
    /// Print the JSON Schema of errors.yaml, for editors:
    /// `error-codes schema > errors.schema.json`.
    Schema,
}

impl Command {
    /// Runs the command, printing what it does, and returns its exit code.
    #[must_use]
    pub fn run(&self, context: &Context) -> ExitCode {
        match self {
            Self::Gen(args) => generate::run(args, context),
            Self::Breaking(args) => breaking::run(args, context),
            Self::Explain(args) => explain::run(args, context),
            Self::Init(args) => start::init(args, context),
            Self::Schema => start::schema(),
        }
    }
}

/// The arguments of `gen`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct GenArgs {
    /// The catalogue [default: errors.yaml]
    #[arg(long, value_name = "PATH")]
    pub spec: Option<PathBuf>,
    /// Where the documents go [default: generated]
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Write nothing; exit 1 and show a diff if any document is stale
    #[arg(long)]
    pub check: bool,
}

/// The arguments of `explain`.
#[derive(Debug, Clone, clap::Args)]
pub struct ExplainArgs {
    /// The code, as the API sends it (`invalid_token`, `131047`, `auth/invalid-email`)
    pub code: String,
    /// The catalogue [default: errors.yaml]
    #[arg(long, value_name = "PATH")]
    pub spec: Option<PathBuf>,
}

/// The arguments of `init`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct InitArgs {
    /// Where to write the catalogue [default: errors.yaml]
    #[arg(long, value_name = "PATH")]
    pub spec: Option<PathBuf>,
}

/// The arguments of `breaking`.
#[derive(Debug, Clone, clap::Args)]
pub struct BreakingArgs {
    /// The catalogue to compare with: a file, a git revision (the catalogue's
    /// path at that revision) or REV:PATH (PATH from the repository's root)
    #[arg(long, value_name = "BASE")]
    pub against: String,
    /// The catalogue [default: errors.yaml]
    #[arg(long, value_name = "PATH")]
    pub spec: Option<PathBuf>,
    /// One line per difference, or a JSON report for CI
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// How `breaking` prints its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// One line per difference: `file:line: class (kind): what changed`.
    #[default]
    Text,
    /// One JSON object with every difference.
    Json,
}

/// Prints a catalogue's diagnostics and how many there were.
fn report_load_error(error: &error_codes_gen::Error, path: &Path, consequence: &str) -> ExitCode {
    say!("{error}");
    let count = error.diagnostics().len();
    let problems = if count == 1 { "problem" } else { "problems" };
    say!(
        "\nerror: {count} {problems} in {}; {consequence}",
        path.display()
    );
    ExitCode::from(EXIT_BAD_INPUT)
}

/// `path` as a shell word, quoted only when it has to be.
fn shell_word(path: &Path) -> String {
    let text = path.display().to_string();
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+:,@%=".contains(c));
    if plain {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words() {
        assert_eq!(shell_word(Path::new("out/dir")), "out/dir");
        assert_eq!(shell_word(Path::new("my docs")), "'my docs'");
        assert_eq!(shell_word(Path::new("it's")), r"'it'\''s'");
    }
}
