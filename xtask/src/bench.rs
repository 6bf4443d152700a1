//! `cargo xtask bench`: every figure of the performance table, each side by
//! side with its baseline in one run, printed as a table of ratios.
//!
//! - Build cost: the twin crates in `bench/twins/`, two pairs (the seed
//!   catalogue without params, and `params.yaml`, the seed with params; each
//!   through `include_errors!` and written by hand), copied under
//!   `target/bench/twins/`, each built in its own target folder. Clean builds
//!   (both pairs) and rebuilds after editing one message (the first pair)
//!   alternate between the twins, pair after pair; the table shows the
//!   medians. After the timings, each twin must print its last edit (so the
//!   rebuilds were real), and the two twins of each pair must print the same,
//!   bodies (with their details) included, or no figure is printed.
//! - Instruction counts (callgrind) and peak heap (massif) of release builds
//!   of `cargo xtask gen` and of the probe in `bench/src/main.rs` on
//!   synthetic catalogues (and the expansion on ones with params too),
//!   against a bare parse of the same file. Counts are
//!   the same from run to run, unlike times on a shared machine.
//! - The benches of `bench/benches/` (`from_code`, `body`, `details`, `layouts`): instruction
//!   counts of their `--instructions` mode (the difference between two run
//!   lengths, so set-up cancels out), then their criterion times, read back
//!   from `estimates.json`.
//!
//! Nothing here asserts a goal: the table says where each figure stands.
//! `--smoke` runs every step once on small inputs and debug builds, for CI.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use crate::workspace_root;

/// The seed catalogue as of 1.0, without params, that the first twin pair
/// compiles (the root `errors.yaml` has params since issue 14).
const SEED: &str = "tests/fixtures/seed-1.0/errors.yaml";

/// One message of the seed catalogue, edited back and forth by the rebuild
/// figure; it is in both twins.
const EDITED_MESSAGE: &str = "The API Token provided is invalid.";
const EDITED_TO: &str = "The API Token provided is not valid.";

/// Runs every benchmark figure side by side with its baseline and prints a
/// table of ratios (see BENCHMARKS.md).
///
/// Needs valgrind. Takes about ten minutes.
#[derive(Debug, clap::Args)]
pub(crate) struct Options {
    /// Every step once, on small inputs and debug builds (a few minutes); the
    /// figures mean nothing, the run proves the benchmarks still work.
    #[arg(long)]
    smoke: bool,
    /// Build pairs per build figure (1 with `--smoke`).
    #[arg(long, value_name = "N", default_value = "5", value_parser = clap::value_parser!(u16).range(1..))]
    pairs: u16,
}

impl Options {
    /// Build pairs per build figure.
    fn pairs(&self) -> usize {
        if self.smoke {
            1
        } else {
            usize::from(self.pairs)
        }
    }

    /// Catalogue sizes: the small and large sizes of the scaling figures, and
    /// a middle one for the memory figures.
    fn sizes(&self) -> [usize; 3] {
        if self.smoke {
            [100, 500, 1_000]
        } else {
            [1_000, 5_000, 10_000]
        }
    }
}

/// One line of the table.
struct Row {
    figure: String,
    goal: &'static str,
    measured: String,
    baseline: String,
    ratio: Option<f64>,
}

pub(crate) fn run(options: &Options) -> ExitCode {
    let started = Instant::now();
    let load_before = load_average();
    match measure(options) {
        Ok(rows) => {
            println!("{}", table(&rows));
            println!(
                "{} in {:.0} s; load average {load_before} before, {} after",
                if options.smoke {
                    "smoke run (figures not meaningful)"
                } else {
                    "measured"
                },
                started.elapsed().as_secs_f64(),
                load_average(),
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn measure(options: &Options) -> Result<Vec<Row>, String> {
    let scratch = target_dir().join("bench");
    let mut rows = Vec::new();

    step("building the probe and xtask");
    let binaries = build_binaries(options)?;
    rows.extend(in_process(options, &binaries, &scratch.join("catalogues"))?);

    rows.extend(runtime(options, &scratch.join("runtime"))?);

    // The twins run last, so that a workspace that does not build or a
    // missing valgrind fails before minutes of timed builds; their rows
    // lead the table.
    rows.splice(0..0, twins(options, &scratch.join("twins"))?);
    Ok(rows)
}

fn step(what: &str) {
    eprintln!("bench: {what}");
}

// ---------------------------------------------------------------------------
// The twin crates: clean builds and rebuilds.

/// A copy of one twin crate under `target/bench/twins/`.
struct Twin {
    name: &'static str,
    dir: PathBuf,
    /// Its own target folder (`dir/target`), but for `--smoke`, see [`twins`].
    target: PathBuf,
    /// The file holding the catalogue's messages, edited by the rebuild figure.
    source: PathBuf,
    /// The crates of this workspace it depends on by path, which a user
    /// gets from the registry instead.
    path_crates: &'static [&'static str],
}

/// The crates a generated twin depends on by path.
const ERROR_CODES_CRATES: &[&str] = &["error-codes", "error-codes-gen", "error-codes-macro"];

impl Twin {
    fn new(
        name: &'static str,
        dir: PathBuf,
        source: PathBuf,
        path_crates: &'static [&'static str],
    ) -> Self {
        Self {
            name,
            target: dir.join("target"),
            dir,
            source,
            path_crates,
        }
    }

    fn target(&self) -> PathBuf {
        self.target.clone()
    }

    /// cargo in the twin's folder, building into its own target folder.
    fn cargo(&self) -> Command {
        let mut command = cargo();
        command
            .current_dir(&self.dir)
            .env("CARGO_TARGET_DIR", self.target());
        command
    }

    /// `cargo build`, timed, in seconds.
    fn build(&self) -> Result<f64, String> {
        self.timed_build(self.cargo())
    }

    /// `cargo build` from an empty target folder, as a user's first build
    /// is. A user gets `error-codes` from the registry, and cargo compiles
    /// registry crates without incremental caches, but path dependencies
    /// with them, at a fifth to a half more instructions: so the twin's
    /// path dependencies are built without, and the twin's own crate with,
    /// as a user's own crate is on both sides.
    fn build_clean(&self) -> Result<f64, String> {
        self.clean()?;
        let mut command = self.cargo();
        for name in self.path_crates {
            command
                .arg("--config")
                .arg(format!("profile.dev.package.{name}.incremental=false"));
        }
        self.timed_build(command)
    }

    fn timed_build(&self, mut command: Command) -> Result<f64, String> {
        command.args(["build", "--locked", "--quiet"]);
        let started = Instant::now();
        run_quiet(&mut command, &format!("building the {} twin", self.name))?;
        Ok(started.elapsed().as_secs_f64())
    }

    fn clean(&self) -> Result<(), String> {
        remove_dir(&self.target())
    }

    /// Replaces every occurrence of `from` in the catalogue source by `to`.
    fn edit(&self, from: &str, to: &str) -> Result<(), String> {
        let text = read(&self.source)?;
        if !text.contains(from) {
            return Err(format!(
                "{} does not contain {from:?}",
                self.source.display()
            ));
        }
        write(&self.source, &text.replace(from, to))
    }
}

fn twins(options: &Options, scratch: &Path) -> Result<Vec<Row>, String> {
    step("copying the twin crates");
    let [generated, handwritten, generated_params, handwritten_params] = copy_twins(scratch)?;
    for twin in [
        &generated,
        &handwritten,
        &generated_params,
        &handwritten_params,
    ] {
        let mut fetch = twin.cargo();
        fetch.args(["fetch", "--locked", "--quiet"]);
        // The lockfiles are committed so the figures can be reproduced; a
        // change to this workspace's dependencies must be recorded in them.
        let what = format!(
            "fetching the {name} twin's dependencies (if its lockfile is out of date, run \
             `cargo fetch --manifest-path bench/twins/{name}/Cargo.toml` and commit it)",
            name = twin.name
        );
        run_quiet(&mut fetch, &what)?;
    }

    step("clean builds of the twins");
    let clean = alternate(options.pairs(), &generated, &handwritten, Twin::build_clean)?;

    let rebuild = rebuilds(options, &generated, &handwritten)?;

    step("clean builds of the params twins");
    // A smoke run builds them into the first pair's target folders, whose
    // dependencies are theirs: it proves they build and agree, in seconds.
    let (generated_params, handwritten_params) = if options.smoke {
        (
            Twin {
                target: generated.target(),
                ..generated_params
            },
            Twin {
                target: handwritten.target(),
                ..handwritten_params
            },
        )
    } else {
        (generated_params, handwritten_params)
    };
    let clean_params = alternate(
        options.pairs(),
        &generated_params,
        &handwritten_params,
        |twin| {
            if options.smoke {
                twin.build()
            } else {
                twin.build_clean()
            }
        },
    )?;

    // Last, so that its extra dependency (`serde_json`) cannot warm the
    // timed builds; no figure is printed if it fails.
    step("checking that the twins of each pair print the same, bodies included");
    same_output(&generated, &handwritten)?;
    let params = same_output(&generated_params, &handwritten_params)?;
    // The params pair must really send details (both sides printing none
    // would agree, and compare nothing).
    if !params.contains(r#","details":{"#) {
        return Err(format!(
            "the params twins print no body with details:\n{params}"
        ));
    }

    let seconds = |(generated, handwritten): &(Vec<f64>, Vec<f64>)| {
        let (generated, handwritten) = (median(generated), median(handwritten));
        (
            format!("{generated:.2} s"),
            format!("{handwritten:.2} s"),
            generated / handwritten,
        )
    };
    let pairs = options.pairs();
    let (measured, baseline, ratio) = seconds(&clean);
    let mut rows = vec![Row {
        figure: format!(
            "clean build (debug) of the seed with `include_errors!`, vs by hand; median of {pairs}"
        ),
        goal: "≤ 1.3× (aim ≤ 1.0×)",
        measured,
        baseline,
        ratio: Some(ratio),
    }];
    let (measured, baseline, ratio) = seconds(&rebuild);
    rows.push(Row {
        figure: format!("rebuild after editing one message, `errors.yaml` vs the hand-written source; median of {pairs}"),
        goal: "≤ 1.2×",
        measured,
        baseline,
        ratio: Some(ratio),
    });
    let (measured, baseline, ratio) = seconds(&clean_params);
    rows.push(Row {
        figure: format!(
            "clean build (debug) of the seed with params with `include_errors!`, vs `thiserror` and serde's derive by hand; median of {pairs}"
        ),
        goal: "≤ 1.0×",
        measured,
        baseline,
        ratio: Some(ratio),
    });
    Ok(rows)
}

/// Rebuilds of the first pair after editing one message, alternating; then
/// checks that each twin prints its last edit, and puts the message back.
fn rebuilds(
    options: &Options,
    generated: &Twin,
    handwritten: &Twin,
) -> Result<(Vec<f64>, Vec<f64>), String> {
    step("rebuilds after editing one message");
    // Each rebuild follows a build of the same twin, and edits the message
    // one way or back, so every edit is a real change.
    for twin in [generated, handwritten] {
        twin.build()?;
    }
    let mut edits = [0_usize; 2];
    let rebuild = alternate(options.pairs(), generated, handwritten, |twin| {
        let count = &mut edits[usize::from(twin.name != generated.name)];
        let (from, to) = if *count % 2 == 0 {
            (EDITED_MESSAGE, EDITED_TO)
        } else {
            (EDITED_TO, EDITED_MESSAGE)
        };
        *count += 1;
        twin.edit(from, to)?;
        twin.build()
    })?;

    // The rebuilds were real: each twin now prints the message of its last
    // edit. Then the message goes back, for the check below.
    let last_edit = if options.pairs() % 2 == 1 {
        (EDITED_TO, EDITED_MESSAGE)
    } else {
        (EDITED_MESSAGE, EDITED_TO)
    };
    for twin in [generated, handwritten] {
        let mut command = twin.cargo();
        command.args(["run", "--locked", "--quiet"]);
        let output = run_quiet(&mut command, &format!("running the {} twin", twin.name))?;
        let (now, before) = last_edit;
        if !output.contains(now) || output.contains(before) {
            return Err(format!(
                "the {} twin was not rebuilt after the edit to {now:?}:\n{output}",
                twin.name
            ));
        }
        if now != EDITED_MESSAGE {
            twin.edit(now, EDITED_MESSAGE)?;
        }
    }
    Ok(rebuild)
}

/// Runs both twins of a pair with `--features check` (which prints every
/// body as JSON too); what they printed, if it is the same.
fn same_output(generated: &Twin, handwritten: &Twin) -> Result<String, String> {
    let [first, second] = [generated, handwritten].map(|twin| {
        let mut command = twin.cargo();
        command.args(["run", "--locked", "--quiet", "--features", "check"]);
        run_quiet(&mut command, &format!("running the {} twin", twin.name))
    });
    let (first, second) = (first?, second?);
    if first != second {
        return Err(format!(
            "the {} and {} twins print different things, so they are not twins:\n{}",
            generated.name,
            handwritten.name,
            first_difference(&first, &second)
        ));
    }
    Ok(first)
}

/// The first line where two outputs differ, with its line number, or where
/// one ends early.
fn first_difference(first: &str, second: &str) -> String {
    let mut lines = (first.lines().map(Some).chain(std::iter::repeat(None)))
        .zip(second.lines().map(Some).chain(std::iter::repeat(None)))
        .enumerate();
    lines
        .find(|(_, (a, b))| a != b)
        .map_or_else(String::new, |(index, (a, b))| {
            format!(
                "line {}:\n--- generated\n{}\n--- handwritten\n{}",
                index + 1,
                a.unwrap_or("(ends)"),
                b.unwrap_or("(ends)")
            )
        })
}

/// Runs `build` on each twin `pairs` times, alternating which goes first.
fn alternate(
    pairs: usize,
    generated: &Twin,
    handwritten: &Twin,
    mut build: impl FnMut(&Twin) -> Result<f64, String>,
) -> Result<(Vec<f64>, Vec<f64>), String> {
    let (mut generated_times, mut handwritten_times) = (Vec::new(), Vec::new());
    for pair in 0..pairs {
        let order = if pair % 2 == 0 {
            [generated, handwritten]
        } else {
            [handwritten, generated]
        };
        for twin in order {
            let seconds = build(twin)?;
            eprintln!("  {} {seconds:.2} s", twin.name);
            if twin.name == generated.name {
                generated_times.push(seconds);
            } else {
                handwritten_times.push(seconds);
            }
        }
    }
    Ok((generated_times, handwritten_times))
}

/// Copies `bench/twins/` (without build output) to `scratch`, pointing the
/// generated twins' path dependencies at this workspace's `error-codes` and
/// giving the first generated twin the seed catalogue ([`SEED`]).
fn copy_twins(scratch: &Path) -> Result<[Twin; 4], String> {
    let source = workspace_root().join("bench").join("twins");
    remove_dir(scratch)?;
    copy_dir(&source, scratch)?;

    let generated = scratch.join("generated");
    let runtime = workspace_root().join("error-codes");
    let runtime = runtime
        .to_str()
        .filter(|path| !path.contains('\''))
        .ok_or("the workspace path must be UTF-8 without `'` to be written into Cargo.toml")?;
    point_at_runtime(&generated, runtime)?;
    // The seed catalogue as of 1.0, without params (the params twins have
    // their own), from the fixture rather than a copy that could drift from it.
    let seed = read(&workspace_root().join(SEED))?;
    write(&generated.join("errors.yaml"), &seed)?;

    // The params twins' catalogue is theirs, `params.yaml` beside them.
    point_at_runtime(&scratch.join("generated-params"), runtime)?;

    let handwritten = scratch.join("handwritten");
    let handwritten_params = scratch.join("handwritten-params");
    Ok([
        Twin::new(
            "generated",
            generated.clone(),
            generated.join("errors.yaml"),
            ERROR_CODES_CRATES,
        ),
        Twin::new(
            "handwritten",
            handwritten.clone(),
            handwritten.join("src/errors.rs"),
            &[],
        ),
        Twin::new(
            "generated-params",
            scratch.join("generated-params"),
            scratch.join("params.yaml"),
            ERROR_CODES_CRATES,
        ),
        Twin::new(
            "handwritten-params",
            handwritten_params.clone(),
            handwritten_params.join("src/errors.rs"),
            &[],
        ),
    ])
}

/// Points the path dependency on `error-codes` of the twin in `dir` at
/// `runtime`, this workspace's.
fn point_at_runtime(dir: &Path, runtime: &str) -> Result<(), String> {
    let manifest = dir.join("Cargo.toml");
    let text = read(&manifest)?;
    let relative = "path = \"../../../error-codes\"";
    if !text.contains(relative) {
        return Err(format!("{} has no `{relative}`", manifest.display()));
    }
    write(
        &manifest,
        &text.replace(relative, &format!("path = '{runtime}'")),
    )
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to)
        .map_err(|error| format!("cannot create {}: {error}", to.display()))?;
    let entries = std::fs::read_dir(from)
        .map_err(|error| format!("cannot list {}: {error}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|error| format!("cannot list {}: {error}", from.display()))?;
        let (path, name) = (entry.path(), entry.file_name());
        if path.is_dir() {
            if name != "target" {
                copy_dir(&path, &to.join(&name))?;
            }
        } else {
            std::fs::copy(&path, to.join(&name))
                .map_err(|error| format!("cannot copy {}: {error}", path.display()))?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Instruction counts and peak heap, under valgrind.

/// The binaries the in-process figures run.
struct Binaries {
    probe: PathBuf,
    xtask: PathBuf,
}

/// Release builds; a smoke run takes the debug builds that `cargo test`
/// has already made, since its figures mean nothing anyway.
fn build_binaries(options: &Options) -> Result<Binaries, String> {
    let mut command = cargo();
    command.current_dir(workspace_root()).args([
        "build",
        "--quiet",
        "-p",
        "xtask",
        "-p",
        "error-codes-bench",
    ]);
    if !options.smoke {
        command.arg("--release");
    }
    run_quiet(&mut command, "building the probe and xtask")?;
    let profile = target_dir().join(if options.smoke { "debug" } else { "release" });
    let exe = |name: &str| profile.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    Ok(Binaries {
        probe: exe("error-codes-bench"),
        xtask: exe("xtask"),
    })
}

/// The synthetic catalogues and what runs on them.
struct Catalogues<'a> {
    binaries: &'a Binaries,
    scratch: &'a Path,
}

impl Catalogues<'_> {
    fn file(&self, size: usize) -> PathBuf {
        self.scratch.join(format!("errors-{size}.yaml"))
    }

    /// The synthetic catalogue of `size` codes with params on every third.
    fn file_with_params(&self, size: usize) -> PathBuf {
        self.scratch.join(format!("errors-params-{size}.yaml"))
    }

    /// The synthetic catalogue of `size` codes with params, selecting every
    /// output (`outputs:` with Python and Go).
    fn file_with_every_output(&self, size: usize) -> PathBuf {
        self.scratch.join(format!("errors-outputs-{size}.yaml"))
    }

    /// Writes [`Self::file_with_every_output`] from the catalogue with
    /// params: the same codes, and `outputs:` after its first line.
    fn write_with_every_output(&self, size: usize) -> Result<(), String> {
        let from = self.file_with_params(size);
        let text = std::fs::read_to_string(&from)
            .map_err(|error| format!("cannot read {}: {error}", from.display()))?;
        let (first, rest) = text.split_once('\n').unwrap_or((&text, ""));
        write(
            &self.file_with_every_output(size),
            &format!("{first}\noutputs: [typescript, openapi, markdown, python, go]\n{rest}"),
        )
    }

    /// The real `cargo xtask gen` on `file`, into `out`.
    fn generate_on(&self, file: &Path, out: &Path) -> Command {
        let mut command = Command::new(&self.binaries.xtask);
        command
            .arg("gen")
            .arg("--spec")
            .arg(file)
            .arg("--out")
            .arg(out);
        command
    }

    /// Writes `out` with the probe's `synth` mode (or `synth-params`).
    fn write(&self, mode: &str, size: usize, out: &Path) -> Result<(), String> {
        let mut command = Command::new(&self.binaries.probe);
        command.arg(mode).arg(size.to_string()).arg(out);
        run_quiet(&mut command, "writing a synthetic catalogue").map(drop)
    }

    /// The probe in one of its modes.
    fn probe(&self, mode: &str, size: usize) -> Command {
        self.probe_on(mode, &self.file(size))
    }

    /// The probe in one of its modes, on `file`.
    fn probe_on(&self, mode: &str, file: &Path) -> Command {
        let mut command = Command::new(&self.binaries.probe);
        command.arg(mode).arg(file);
        command
    }

    /// The real `cargo xtask gen`, into a folder of its own.
    fn generate(&self, size: usize) -> Command {
        let mut command = Command::new(&self.binaries.xtask);
        command
            .arg("gen")
            .arg("--spec")
            .arg(self.file(size))
            .arg("--out")
            .arg(self.out(size));
        command
    }

    /// Where [`Self::generate`] writes.
    fn out(&self, size: usize) -> PathBuf {
        self.scratch.join(format!("generated-{size}"))
    }

    fn callgrind(&self, command: &Command, name: &str) -> Result<u64, String> {
        callgrind(command, &self.scratch.join(format!("{name}.callgrind"))).map(|(count, _)| count)
    }

    fn massif(&self, command: &Command, name: &str) -> Result<u64, String> {
        massif(command, &self.scratch.join(format!("{name}.massif")))
    }
}

/// Instructions of `gen` on the catalogue of `size` codes with params:
/// writing the default three documents, then every output (Python and Go
/// too).
fn every_output(catalogues: &Catalogues<'_>, size: usize) -> Result<(u64, u64), String> {
    let three = catalogues.generate_on(
        &catalogues.file_with_params(size),
        &catalogues.scratch.join("generated-three"),
    );
    let three = catalogues.callgrind(&three, "gen-three")?;
    let five = catalogues.generate_on(
        &catalogues.file_with_every_output(size),
        &catalogues.scratch.join("generated-five"),
    );
    Ok((three, catalogues.callgrind(&five, "gen-five")?))
}

fn in_process(options: &Options, binaries: &Binaries, scratch: &Path) -> Result<Vec<Row>, String> {
    let valgrind = Command::new("valgrind").arg("--version").output();
    if !valgrind.is_ok_and(|output| output.status.success()) {
        return Err(
            "valgrind is needed for the instruction counts and peak heap \
                    (e.g. `apt-get install valgrind`)"
                .to_owned(),
        );
    }
    remove_dir(scratch)?;
    std::fs::create_dir_all(scratch)
        .map_err(|error| format!("cannot create {}: {error}", scratch.display()))?;
    let catalogues = Catalogues { binaries, scratch };
    let sizes = options.sizes();
    for size in sizes {
        catalogues.write("synth", size, &catalogues.file(size))?;
    }
    let [small, _, large] = sizes;
    for size in [small, large] {
        catalogues.write("synth-params", size, &catalogues.file_with_params(size))?;
    }
    catalogues.write_with_every_output(large)?;

    step("instruction counts (callgrind)");
    let parse = catalogues.callgrind(&catalogues.probe("parse", large), "parse")?;
    let load = catalogues.callgrind(&catalogues.probe("load", large), "load")?;
    let generate = catalogues.callgrind(&catalogues.generate(large), "gen")?;
    let expand_small = catalogues.callgrind(&catalogues.probe("expand", small), "expand-small")?;
    let expand_large = catalogues.callgrind(&catalogues.probe("expand", large), "expand-large")?;
    let [params_small, params_large] = [(small, "small"), (large, "large")].map(|(size, name)| {
        let expand = catalogues.probe_on("expand", &catalogues.file_with_params(size));
        catalogues.callgrind(&expand, &format!("expand-params-{name}"))
    });
    let (params_small, params_large) = (params_small?, params_large?);
    let (three, five) = every_output(&catalogues, large)?;

    step("peak heap (massif)");
    let mut gen_heap = Vec::new();
    let mut expand_heap = Vec::new();
    for size in sizes {
        // Into an empty folder each time: the callgrind run above left the
        // large catalogue's documents, which `gen` would first compare.
        remove_dir(&catalogues.out(size))?;
        gen_heap.push(catalogues.massif(&catalogues.generate(size), &format!("gen-{size}"))?);
        let expand = catalogues.probe("expand", size);
        expand_heap.push(catalogues.massif(&expand, &format!("expand-{size}"))?);
    }

    let (small_name, large_name) = (size_name(small), size_name(large));
    let per_code = |count: u64, size: usize| ratio(count, size as u64);
    Ok(vec![
        Row {
            figure: format!(
                "macro expansion (load + `rust::emit`), instructions per code at {large_name} vs at {small_name} codes"
            ),
            goal: "≤ 1.0× (linear or better)",
            measured: format!("{:.0} per code", per_code(expand_large, large)),
            baseline: format!("{:.0} per code", per_code(expand_small, small)),
            ratio: Some(per_code(expand_large, large) / per_code(expand_small, small)),
        },
        Row {
            figure: format!(
                "macro expansion with params (every third code has 2 or 3), instructions per code at {large_name} vs at {small_name} codes"
            ),
            goal: "≤ 1.0× (linear or better)",
            measured: format!("{:.0} per code", per_code(params_large, large)),
            baseline: format!("{:.0} per code", per_code(params_small, small)),
            ratio: Some(per_code(params_large, large) / per_code(params_small, small)),
        },
        Row {
            figure: format!(
                "`cargo xtask gen` at {large_name} codes, vs a bare parse (instructions)"
            ),
            goal: "≤ 3×",
            measured: instructions(generate),
            baseline: instructions(parse),
            ratio: Some(ratio(generate, parse)),
        },
        Row {
            figure: format!(
                "`cargo xtask gen` of every output (Python and Go too) at {large_name} codes with params, vs the default three (instructions)"
            ),
            goal: "≤ 5/3× (per document, no dearer than the three)",
            measured: instructions(five),
            baseline: instructions(three),
            ratio: Some(ratio(five, three)),
        },
        Row {
            figure: format!(
                "load + validate alone at {large_name} codes, vs a bare parse (instructions)"
            ),
            goal: "≤ 2×",
            measured: instructions(load),
            baseline: instructions(parse),
            ratio: Some(ratio(load, parse)),
        },
        heap_row("`cargo xtask gen`", sizes, &gen_heap),
        heap_row(
            "the macro's work (load + `rust::emit`)",
            sizes,
            &expand_heap,
        ),
    ])
}

/// Peak heap at each size, and how the heap per code grows from the
/// smallest size to the largest.
fn heap_row(what: &str, sizes: [usize; 3], heap: &[u64]) -> Row {
    let listed = sizes
        .iter()
        .zip(heap)
        .map(|(&size, &bytes)| format!("{}: {}", size_name(size), mebibytes(bytes)))
        .collect::<Vec<_>>()
        .join(", ");
    let (small, large) = (sizes[0] as u64, sizes[2] as u64);
    Row {
        figure: format!(
            "peak heap of {what}, per code at {} vs at {} codes",
            size_name(sizes[2]),
            size_name(sizes[0])
        ),
        goal: "stated; ≤ 1.0× (linear)",
        measured: listed,
        baseline: String::new(),
        ratio: Some(ratio(heap[2], large) / ratio(heap[0], small)),
    }
}

fn size_name(size: usize) -> String {
    if size >= 1_000 && size.is_multiple_of(1_000) {
        format!("{}k", size / 1_000)
    } else {
        size.to_string()
    }
}

/// `a / b`; counts and sizes here are far below 2^52, so the conversion is exact.
#[allow(clippy::cast_precision_loss)]
fn ratio(a: u64, b: u64) -> f64 {
    a as f64 / b as f64
}

/// Runs `command` under valgrind's `tool`, which writes its report to
/// `out`; what `command` printed.
fn valgrind(tool: &str, command: &Command, out: &Path) -> Result<String, String> {
    let mut valgrind = Command::new("valgrind");
    valgrind
        .arg(format!("--tool={tool}"))
        .arg(format!("--{tool}-out-file={}", out.display()))
        .arg(command.get_program())
        .args(command.get_args());
    run_quiet(&mut valgrind, tool)
}

/// Instructions executed by `command`, counted by callgrind, and what it
/// printed.
fn callgrind(command: &Command, out: &Path) -> Result<(u64, String), String> {
    let stdout = valgrind("callgrind", command, out)?;
    let text = read(out)?;
    let count = text
        .lines()
        .find_map(|line| {
            line.strip_prefix("summary:")
                .or_else(|| line.strip_prefix("totals:"))
        })
        .and_then(|total| total.split_whitespace().next()?.parse().ok())
        .ok_or_else(|| format!("no instruction count in {}", out.display()))?;
    Ok((count, stdout))
}

/// The peak heap of `command` in bytes (requested plus allocator overhead),
/// from massif's snapshots.
fn massif(command: &Command, out: &Path) -> Result<u64, String> {
    valgrind("massif", command, out)?;
    let text = read(out)?;
    let value =
        |line: &str, key: &str| -> Option<u64> { line.strip_prefix(key)?.trim().parse().ok() };
    let mut peak = 0;
    let mut heap = 0;
    for line in text.lines() {
        if let Some(bytes) = value(line, "mem_heap_B=") {
            heap = bytes;
        } else if let Some(extra) = value(line, "mem_heap_extra_B=") {
            peak = peak.max(heap + extra);
        }
    }
    if peak == 0 {
        return Err(format!("no heap snapshot in {}", out.display()));
    }
    Ok(peak)
}

// ---------------------------------------------------------------------------
// The criterion benches.

/// One runtime figure: a benchmark against its baseline, both in one bench
/// binary, as instruction counts (`--instructions ARGS... ROUNDS`) and as
/// criterion times (the benchmark `GROUP/ID`).
struct RuntimeFigure {
    figure: &'static str,
    bench: &'static str,
    /// The `--instructions` argument before the side; criterion's group is
    /// `BENCH/INSTRUCTIONS`.
    instructions: &'static str,
    measured: &'static str,
    baseline: &'static str,
    /// Criterion's parameter after the side, if any.
    value: Option<&'static str>,
    /// Rounds of the work per counted run.
    rounds: usize,
    /// The goal of the issue that asked for the figure; "—" for a figure
    /// kept for information.
    goal: &'static str,
}

const RUNTIME_FIGURES: &[RuntimeFigure] = &[
    RuntimeFigure {
        figure: "`from_code` at 32 codes, vs `phf`",
        bench: "from_code",
        instructions: "32",
        measured: "generated",
        baseline: "phf",
        value: Some("spread"),
        rounds: 2_000,
        goal: "≤ 1.0×",
    },
    RuntimeFigure {
        figure: "`from_code` at 32 codes, vs `HashMap`",
        bench: "from_code",
        instructions: "32",
        measured: "generated",
        baseline: "hashmap",
        value: Some("spread"),
        rounds: 2_000,
        goal: "≤ 1.0×",
    },
    RuntimeFigure {
        figure: "`from_code` at 10k codes, vs `phf`",
        bench: "from_code",
        instructions: "10000",
        measured: "generated",
        baseline: "phf",
        value: Some("spread"),
        rounds: 1_000,
        goal: "≤ 1.0×",
    },
    RuntimeFigure {
        figure: "`from_code` at 10k codes, vs `HashMap`",
        bench: "from_code",
        instructions: "10000",
        measured: "generated",
        baseline: "hashmap",
        value: Some("spread"),
        rounds: 1_000,
        goal: "≤ 1.0×",
    },
    RuntimeFigure {
        figure: "body serialize (`serde_json`), generated enum vs a derived struct",
        bench: "body",
        instructions: "serialize",
        measured: "generated",
        baseline: "derived",
        value: None,
        rounds: 1_000,
        goal: "≤ 1.0×",
    },
    RuntimeFigure {
        figure: "body deserialize (`serde_json`), generated enum vs a derived struct",
        bench: "body",
        instructions: "deserialize",
        measured: "generated",
        baseline: "derived",
        value: None,
        rounds: 1_000,
        goal: "≤ 1.0×",
    },
    RuntimeFigure {
        figure: "`ErrorBody` serialize (serde impl by hand) vs a derived struct",
        bench: "body",
        instructions: "serialize",
        measured: "error_body",
        baseline: "derived",
        value: None,
        rounds: 1_000,
        goal: "≤ 1.0×",
    },
    RuntimeFigure {
        figure: "`ErrorBody` deserialize (serde impl by hand) vs a derived struct",
        bench: "body",
        instructions: "deserialize",
        measured: "error_body",
        baseline: "derived",
        value: None,
        rounds: 1_000,
        goal: "≤ 1.0×",
    },
    RuntimeFigure {
        figure: "body with details (`retry_after`) serialize (`serde_json`), generated enum vs a derived struct",
        bench: "details",
        instructions: "serialize/retry_after",
        measured: "generated",
        baseline: "derived",
        value: None,
        rounds: 1_000,
        goal: "≤ 1.0×",
    },
    RuntimeFigure {
        figure: "body with details (`violations`) serialize (`serde_json`), generated enum vs a derived struct",
        bench: "details",
        instructions: "serialize/violations",
        measured: "generated",
        baseline: "derived",
        value: None,
        rounds: 1_000,
        goal: "≤ 1.0×",
    },
    RuntimeFigure {
        figure: "body with details (`retry_after`) serialize (`serde_json`), generated enum vs the hand-written twin (thiserror, serde's derive)",
        bench: "details",
        instructions: "serialize/retry_after",
        measured: "generated",
        baseline: "handwritten",
        value: None,
        rounds: 1_000,
        goal: "≤ 1.0×",
    },
    RuntimeFigure {
        figure: "body with details (`violations`) serialize (`serde_json`), generated enum vs the hand-written twin (thiserror, serde's derive)",
        bench: "details",
        instructions: "serialize/violations",
        measured: "generated",
        baseline: "handwritten",
        value: None,
        rounds: 1_000,
        goal: "≤ 1.0×",
    },
    RuntimeFigure {
        figure: "body with details (`retry_after`) deserialize (`serde_json`), generated enum vs a derived struct",
        bench: "details",
        instructions: "deserialize/retry_after",
        measured: "generated",
        baseline: "derived",
        value: None,
        rounds: 1_000,
        goal: "≤ 1.0×",
    },
    RuntimeFigure {
        figure: "body with details (`violations`) deserialize (`serde_json`), generated enum vs a derived struct",
        bench: "details",
        instructions: "deserialize/violations",
        measured: "generated",
        baseline: "derived",
        value: None,
        rounds: 1_000,
        goal: "≤ 1.0×",
    },
    RuntimeFigure {
        figure: "body of a declared layout, nested (`error.code` an integer, `error.message`), serialize (`serde_json`), generated enum vs a derived struct",
        bench: "layouts",
        instructions: "serialize/nested",
        measured: "generated",
        baseline: "derived",
        value: None,
        rounds: 1_000,
        goal: "≤ 1.0×",
    },
    RuntimeFigure {
        figure: "body of a declared layout, nested (`error.code` an integer, `error.message`), deserialize (`serde_json`), generated enum vs a derived struct",
        bench: "layouts",
        instructions: "deserialize/nested",
        measured: "generated",
        baseline: "derived",
        value: None,
        rounds: 1_000,
        goal: "≤ 1.0×",
    },
    RuntimeFigure {
        figure: "body of a declared layout, nested with details (`error.error_data`), serialize (`serde_json`), generated enum vs a derived struct",
        bench: "layouts",
        instructions: "serialize/nested_details",
        measured: "generated",
        baseline: "derived",
        value: None,
        rounds: 1_000,
        goal: "≤ 1.0×",
    },
    RuntimeFigure {
        figure: "body of a declared layout, nested with details (`error.error_data`), deserialize (`serde_json`), generated enum vs a derived struct",
        bench: "layouts",
        instructions: "deserialize/nested_details",
        measured: "generated",
        baseline: "derived",
        value: None,
        rounds: 1_000,
        goal: "≤ 1.0×",
    },
    RuntimeFigure {
        figure: "body of a declared layout, RFC 9457 problem details, serialize (`serde_json`), generated enum vs a derived struct",
        bench: "layouts",
        instructions: "serialize/problem",
        measured: "generated",
        baseline: "derived",
        value: None,
        rounds: 1_000,
        goal: "≤ 1.0×",
    },
    RuntimeFigure {
        figure: "body of a declared layout, RFC 9457 problem details, deserialize (`serde_json`), generated enum vs a derived struct",
        bench: "layouts",
        instructions: "deserialize/problem",
        measured: "generated",
        baseline: "derived",
        value: None,
        rounds: 1_000,
        goal: "≤ 1.0×",
    },
    RuntimeFigure {
        figure: "body of a declared layout, RFC 9457 problem details with a spread param (`retry_after`), serialize (`serde_json`), generated enum vs a derived struct",
        bench: "layouts",
        instructions: "serialize/problem_details",
        measured: "generated",
        baseline: "derived",
        value: None,
        rounds: 1_000,
        goal: "≤ 1.0×",
    },
    RuntimeFigure {
        figure: "body of a declared layout, RFC 9457 problem details with a spread param (`retry_after`), deserialize (`serde_json`), generated enum vs a derived struct",
        bench: "layouts",
        instructions: "deserialize/problem_details",
        measured: "generated",
        baseline: "derived",
        value: None,
        rounds: 1_000,
        goal: "≤ 1.0×",
    },
    RuntimeFigure {
        figure: "`Received` of a body with details (`retry_after`), deserialize (`serde_json`), vs a derived struct",
        bench: "details",
        instructions: "deserialize/retry_after",
        measured: "received",
        baseline: "derived",
        value: None,
        rounds: 1_000,
        goal: "—",
    },
    RuntimeFigure {
        figure: "`Received` of a body with details (`violations`), deserialize (`serde_json`), vs a derived struct",
        bench: "details",
        instructions: "deserialize/violations",
        measured: "received",
        baseline: "derived",
        value: None,
        rounds: 1_000,
        goal: "—",
    },
    RuntimeFigure {
        figure: "`Received` of a body with details (`retry_after`), serialize (`serde_json`), vs a derived struct",
        bench: "details",
        instructions: "serialize/retry_after",
        measured: "received",
        baseline: "derived",
        value: None,
        rounds: 1_000,
        goal: "—",
    },
    RuntimeFigure {
        figure: "`Received` of a body with details (`violations`), serialize (`serde_json`), vs a derived struct",
        bench: "details",
        instructions: "serialize/violations",
        measured: "received",
        baseline: "derived",
        value: None,
        rounds: 1_000,
        goal: "—",
    },
];

/// The runtime figures: instruction counts first (the same on a busy
/// machine), then criterion's times (which see memory latency too).
fn runtime(options: &Options, scratch: &Path) -> Result<Vec<Row>, String> {
    let benches = bench_executables(options)?;
    let bench = |name: &str| {
        benches
            .iter()
            .find(|(bench, _)| bench == name)
            .map(|(_, path)| path.clone())
            .ok_or_else(|| format!("cargo built no bench `{name}`"))
    };
    std::fs::create_dir_all(scratch)
        .map_err(|error| format!("cannot create {}: {error}", scratch.display()))?;

    step(
        "instruction counts of from_code, the body, the body with details and declared layouts (callgrind)",
    );
    let mut rows = Vec::new();
    // A baseline serves several figures; each side is counted once.
    let mut counted: Vec<((&str, &str, &str), f64)> = Vec::new();
    for figure in RUNTIME_FIGURES {
        let executable = bench(figure.bench)?;
        let rounds = if options.smoke { 10 } else { figure.rounds };
        let mut per_item = |side| {
            let key = (figure.bench, figure.instructions, side);
            if let Some(&(_, count)) = counted.iter().find(|(seen, _)| *seen == key) {
                return Ok(count);
            }
            let count = per_item(&executable, figure, side, rounds, scratch)?;
            counted.push((key, count));
            Ok::<_, String>(count)
        };
        let (measured, baseline) = (per_item(figure.measured)?, per_item(figure.baseline)?);
        rows.push(Row {
            figure: format!("{} (instructions)", figure.figure),
            goal: figure.goal,
            measured: format!("{measured:.0} per item"),
            baseline: format!("{baseline:.0} per item"),
            ratio: Some(measured / baseline),
        });
    }

    step("criterion benches: from_code, body, details and layouts");
    // Fresh, so a benchmark that did not run cannot show an old figure.
    let home = scratch.join("criterion");
    remove_dir(&home)?;
    for name in ["from_code", "body", "details", "layouts"] {
        let mut command = Command::new(bench(name)?);
        command.env("CRITERION_HOME", &home);
        if options.smoke {
            command.arg("--test");
        } else {
            // The figures of the table only; the benches have more.
            command.args([
                "--bench",
                "^(from_code/[0-9]+/(generated|phf|hashmap)/spread|body/|details/|layouts/)",
            ]);
        }
        run_quiet(&mut command, &format!("running the {name} bench"))?;
    }
    for figure in RUNTIME_FIGURES {
        let row = if options.smoke {
            Row {
                figure: format!("{} (time)", figure.figure),
                goal: figure.goal,
                measured: "ran once".to_owned(),
                baseline: "ran once".to_owned(),
                ratio: None,
            }
        } else {
            let group = format!("{}/{}", figure.bench, figure.instructions);
            let measured = median_ns(&home, &group, figure.measured, figure.value)?;
            let baseline = median_ns(&home, &group, figure.baseline, figure.value)?;
            Row {
                figure: format!("{} (time)", figure.figure),
                goal: figure.goal,
                measured: nanoseconds(measured),
                baseline: nanoseconds(baseline),
                ratio: Some(measured / baseline),
            }
        };
        rows.push(row);
    }
    Ok(rows)
}

/// Instructions per item (lookup or body) of one side of a figure: the
/// difference between `2 × rounds` and `rounds`, so the set-up (building
/// and checking the tables) cancels out.
fn per_item(
    executable: &Path,
    figure: &RuntimeFigure,
    side: &str,
    rounds: usize,
    scratch: &Path,
) -> Result<f64, String> {
    let mut counts = [0; 2];
    let mut items = 0;
    for (count, rounds) in counts.iter_mut().zip([rounds, 2 * rounds]) {
        let mut command = Command::new(executable);
        command
            .args(["--instructions", figure.instructions, side])
            .arg(rounds.to_string());
        let name = format!(
            "{}-{}-{side}-{rounds}.callgrind",
            figure.bench,
            figure.instructions.replace('/', "-")
        );
        let (instructions, stdout) = callgrind(&command, &scratch.join(name))?;
        *count = instructions;
        // "64 lookups per round"
        items = stdout
            .split_whitespace()
            .next()
            .and_then(|items| items.parse::<u64>().ok())
            .ok_or_else(|| format!("{}: no item count in {stdout:?}", executable.display()))?;
    }
    let items = items * rounds as u64;
    Ok(ratio(counts[1].saturating_sub(counts[0]), items))
}

/// The bench binaries, built (optimized unless `--smoke`), by name.
fn bench_executables(options: &Options) -> Result<Vec<(String, PathBuf)>, String> {
    let mut command = cargo();
    command
        .current_dir(workspace_root())
        .args(if options.smoke {
            ["test", "--benches"]
        } else {
            ["bench", "--benches"]
        });
    command.args([
        "--no-run",
        "--quiet",
        "--message-format=json",
        "-p",
        "error-codes-bench",
    ]);
    let messages = run_quiet(&mut command, "building the benches")?;
    let mut executables = Vec::new();
    for line in messages.lines() {
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let kinds = &message["target"]["kind"];
        let is_bench = kinds
            .as_array()
            .is_some_and(|kinds| kinds.iter().any(|kind| kind == "bench"));
        if let (true, Some(name), Some(executable)) = (
            is_bench,
            message["target"]["name"].as_str(),
            message["executable"].as_str(),
        ) {
            executables.push((name.to_owned(), PathBuf::from(executable)));
        }
    }
    Ok(executables)
}

/// The median time of one iteration of a criterion benchmark, in nanoseconds.
fn median_ns(home: &Path, group: &str, function: &str, value: Option<&str>) -> Result<f64, String> {
    // Criterion's folder names replace `/` (and a few more) with `_`.
    let safe = |name: &str| name.replace(['?', '"', '/', '\\', '*', '<', '>', ':', '|', '^'], "_");
    let mut path = home.join(safe(group)).join(safe(function));
    if let Some(value) = value {
        path.push(safe(value));
    }
    path.push("new/estimates.json");
    let text = read(&path)?;
    let estimates: serde_json::Value =
        serde_json::from_str(&text).map_err(|error| format!("{}: {error}", path.display()))?;
    estimates["median"]["point_estimate"]
        .as_f64()
        .ok_or_else(|| format!("no median in {}", path.display()))
}

// ---------------------------------------------------------------------------
// Formatting and helpers.

fn table(rows: &[Row]) -> String {
    let mut out = String::from(
        "| figure | goal | measured | baseline | ratio |\n| --- | --- | --- | --- | --- |\n",
    );
    for row in rows {
        let ratio = row
            .ratio
            .map_or_else(|| "—".to_owned(), |ratio| format!("{ratio:.2}×"));
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {ratio} |",
            row.figure, row.goal, row.measured, row.baseline
        );
    }
    out
}

fn instructions(count: u64) -> String {
    format!("{:.1} M instr", ratio(count, 1_000_000))
}

fn mebibytes(bytes: u64) -> String {
    format!("{:.1} MiB", ratio(bytes, 1 << 20))
}

fn nanoseconds(ns: f64) -> String {
    if ns >= 1_000.0 {
        format!("{:.2} µs", ns / 1_000.0)
    } else {
        format!("{ns:.1} ns")
    }
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let middle = sorted.len() / 2;
    if sorted.len().is_multiple_of(2) {
        f64::midpoint(sorted[middle - 1], sorted[middle])
    } else {
        sorted[middle]
    }
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").map_or_else(
        |_| "unknown".to_owned(),
        |text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        },
    )
}

/// The cargo that runs this command.
fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace_root().join("target"), PathBuf::from)
}

/// Runs `command` to the end; its stdout on success, its output on failure.
fn run_quiet(command: &mut Command, what: &str) -> Result<String, String> {
    let output = command.stdin(Stdio::null()).output().map_err(|error| {
        format!(
            "{what}: cannot run {}: {error}",
            command.get_program().display()
        )
    })?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(format!(
            "{what} failed ({}):\n{}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|error| format!("cannot write {}: {error}", path.display()))
}

fn remove_dir(path: &Path) -> Result<(), String> {
    match std::fs::remove_dir_all(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("cannot remove {}: {error}", path.display()))
        }
        _ => Ok(()),
    }
}
