//! The probe that `cargo xtask bench` runs, built in release, under valgrind
//! (callgrind for instruction counts, massif for peak heap). Each mode does one
//! piece of work on a catalogue file and prints what it found, so the work
//! cannot be optimized away and the runner can check it:
//!
//! - `synth COUNT OUT`: writes a synthetic catalogue of `COUNT` codes;
//! - `synth-params COUNT OUT`: the same with params on every third code;
//! - `parse FILE`: the baseline, a bare parse: every YAML event of the file,
//!   read by the parser the loader uses, and nothing else;
//! - `load FILE`: `Catalog::load`, the loader and every validation rule;
//! - `expand FILE`: what `include_errors!` runs, `Catalog::load` and
//!   `rust::emit`.
//!
//! `cargo xtask gen` itself is measured as the real command.

mod synthetic;
mod synthetic_params;

use std::path::Path;
use std::process::ExitCode;

use error_codes_gen::Catalog;

const USAGE: &str = "usage: error-codes-bench (synth COUNT OUT | synth-params COUNT OUT | parse FILE | load FILE | expand FILE)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["synth", count, out] => synth(count, Path::new(out), synthetic::yaml),
        ["synth-params", count, out] => synth(count, Path::new(out), synthetic_params::yaml),
        ["parse", file] => parse(Path::new(file)),
        ["load", file] => load(Path::new(file)).map(|catalog| {
            println!("{} codes", catalog.codes().count());
        }),
        ["expand", file] => load(Path::new(file)).map(|catalog| {
            let tokens = error_codes_gen::rust::emit(&catalog);
            println!("{} top-level tokens", tokens.into_iter().count());
        }),
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn synth(count: &str, out: &Path, yaml: fn(usize) -> String) -> Result<(), String> {
    let count: usize = count
        .parse()
        .map_err(|error| format!("`{count}` is not a count: {error}"))?;
    std::fs::write(out, yaml(count))
        .map_err(|error| format!("cannot write {}: {error}", out.display()))
}

fn read(file: &Path) -> Result<String, String> {
    std::fs::read_to_string(file)
        .map_err(|error| format!("cannot read {}: {error}", file.display()))
}

/// Every event of the file, as the parser reports it; nothing is kept.
fn parse(file: &Path) -> Result<(), String> {
    let text = read(file)?;
    let mut events = 0_usize;
    for event in granit_parser::Parser::new_from_str(&text) {
        event.map_err(|error| format!("{}: {error}", file.display()))?;
        events += 1;
    }
    println!("{events} events");
    Ok(())
}

fn load(file: &Path) -> Result<Catalog, String> {
    Catalog::load(file).map_err(|error| error.to_string())
}
