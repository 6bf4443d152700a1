//! `error-codes`: the error-codes pipeline for any repository.
//!
//! Paths default to `errors.yaml` and `generated/` in the current folder.
//! See [`error_codes_cli`] for the commands.

use std::process::ExitCode;

use clap::Parser as _;
use error_codes_cli::{Command, Context};

/// Generate TypeScript, OpenAPI, Markdown, Python and Go from errors.yaml,
/// and check it for breaking changes.
///
/// Paths default to errors.yaml and generated/ in the current folder.
#[derive(clap::Parser)]
#[command(name = "error-codes", version, arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    cli.command.run(&Context::new("error-codes", ""))
}
