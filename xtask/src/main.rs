//! Workspace automation: `cargo xtask <task>`.
//!
//! `gen` and `breaking` are the `error-codes` command's own
//! ([`error_codes_cli::Command`]), run with this workspace's defaults: the
//! catalogue is `errors.yaml` and the documents go to `generated/`, both at
//! the workspace root, wherever `cargo xtask` runs. Flags, output and exit
//! codes are the command's: 0 done, 1 stale documents or breaking changes,
//! 2 bad input, usage or I/O error.
//!
//! `bench [--smoke] [--pairs N]` runs the benchmarks (see `bench.rs` and
//! BENCHMARKS.md).

mod bench;

use std::path::Path;
use std::process::ExitCode;

use clap::Parser as _;
use error_codes_cli::Context;

/// Workspace tasks.
///
/// Paths default to errors.yaml and generated/ at the workspace root.
#[derive(clap::Parser)]
#[command(
    name = "xtask",
    bin_name = "cargo xtask",
    arg_required_else_help = true
)]
struct Xtask {
    #[command(subcommand)]
    task: Task,
}

#[derive(clap::Subcommand)]
enum Task {
    /// `gen` and `breaking`, exactly as `error-codes` has them.
    #[command(flatten)]
    Catalogue(error_codes_cli::Command),
    /// Run every benchmark figure against its baseline; print the ratios.
    Bench(bench::Options),
}

fn workspace_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
}

fn main() -> ExitCode {
    match Xtask::parse().task {
        Task::Catalogue(command) => command.run(&Context::new("cargo xtask", workspace_root())),
        Task::Bench(options) => bench::run(&options),
    }
}
