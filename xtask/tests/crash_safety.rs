//! `gen` killed with SIGKILL at random moments, and `gen` run twice at once
//! on one output folder, on a 10,000-code catalogue: every document is always
//! either its old or its new bytes, the staging files of killed runs are
//! cleared by the next run, and concurrent runs both succeed.
//!
//! Two catalogues, A and B, differ in every message; runs alternate between
//! them, so each document on disk must be exactly A's or B's. Half the kills
//! land at a moment drawn uniformly from 0 to 1.1 times the length of an
//! undisturbed run (so some runs finish first); since writing is only the
//! last few percent of a run, the other half wait until the run's first
//! staging file appears and then land at a moment drawn uniformly from 0 to
//! 1.5 times the length of the write phase. `CRASH_KILLS` (default 200) and
//! `CRASH_SEED` (default fixed) change the count and the moments; the test
//! prints what it saw: how many kills caught a run while it was staging
//! files, and how many between two renames (the documents then come from
//! both catalogues: each is whole, the set is mixed until the next run).
//!
//! The kills run in two lanes (two output folders) at once; nearly all of the
//! test's time is the killed runs.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use error_codes_gen::{Catalog, outputs};

const XTASK: &str = env!("CARGO_BIN_EXE_xtask");
const CODES: usize = 10_000;
const CODES_PER_STATUS: usize = 50;
const CONCURRENT_ROUNDS: usize = 6;

/// A catalogue of `CODES` codes whose every message carries `variant`.
fn catalogue(variant: &str) -> String {
    let mut yaml = format!("title: Crash test {variant}\nstatuses:\n");
    for (index, status) in (400..600).take(CODES / CODES_PER_STATUS).enumerate() {
        let _ = write!(
            yaml,
            "  {status}:\n    title: Status {status}\n    codes:\n"
        );
        for code in 0..CODES_PER_STATUS {
            let _ = writeln!(
                yaml,
                "      code_{index}_{code}: Message {code} of status {status}, from catalogue {variant}."
            );
        }
    }
    yaml
}

/// `SplitMix64`: a fixed, seeded sequence of kill moments.
struct Moments(u64);

impl Moments {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A duration from zero to `max`.
    fn up_to(&mut self, max: Duration) -> Duration {
        let nanos = u64::try_from(max.as_nanos()).unwrap().max(1);
        Duration::from_nanos(self.next() % nanos)
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).map_or(default, |value| {
        value
            .parse()
            .unwrap_or_else(|_| panic!("{name} must be a number"))
    })
}

/// One generated document: its file name, and its bytes from catalogue A
/// and from catalogue B.
struct Document {
    name: &'static str,
    bytes: [Vec<u8>; 2],
}

#[derive(Clone)]
struct Scene {
    out: PathBuf,
    specs: [PathBuf; 2],
    documents: Arc<[Document]>,
}

impl Scene {
    /// The same catalogues, written into another folder.
    fn writing_into(&self, out: PathBuf) -> Self {
        Self {
            out,
            ..self.clone()
        }
    }

    fn spawn(&self, which: usize) -> Child {
        Command::new(XTASK)
            .arg("gen")
            .arg("--spec")
            .arg(&self.specs[which])
            .arg("--out")
            .arg(&self.out)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start xtask")
    }

    /// Runs `gen` undisturbed and checks that it leaves exactly the documents
    /// of catalogue `which`, and nothing else.
    #[track_caller]
    fn full_run(&self, which: usize) -> Duration {
        let started = Instant::now();
        let output = self.spawn(which).wait_with_output().unwrap();
        let took = started.elapsed();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(self.state(), vec![Some(which); self.documents.len()]);
        assert_eq!(self.staging_files(), Vec::<String>::new());
        took
    }

    /// For each document, which catalogue's bytes it holds.
    fn state(&self) -> Vec<Option<usize>> {
        self.documents
            .iter()
            .map(|document| {
                let bytes = fs::read(self.out.join(document.name)).unwrap_or_default();
                (0..2).find(|&which| document.bytes[which] == bytes)
            })
            .collect()
    }

    /// Panics unless every document is whole: A's or B's bytes.
    #[track_caller]
    fn assert_whole(&self, after: &str) -> Vec<usize> {
        let state = self.state();
        let whole: Vec<usize> = state.iter().flatten().copied().collect();
        if whole.len() != self.documents.len() {
            let broken: Vec<_> = self
                .documents
                .iter()
                .zip(&state)
                .filter(|(_, which)| which.is_none())
                .map(|(document, _)| {
                    let len = fs::metadata(self.out.join(document.name)).map(|m| m.len());
                    format!("{} ({len:?} bytes)", document.name)
                })
                .collect();
            panic!("after {after}: neither old nor new: {broken:?}");
        }
        whole
    }

    /// Waits until the run `child` has staged a file (or ended); returns
    /// whether it did.
    fn wait_for_staging(&self, child: &mut Child) -> bool {
        let own = format!(".{}.tmp", child.id());
        loop {
            let staging = fs::read_dir(&self.out)
                .unwrap()
                .any(|entry| entry.unwrap().file_name().to_string_lossy().ends_with(&own));
            if staging {
                return true;
            }
            if child.try_wait().unwrap().is_some() {
                return false;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
    }

    /// An undisturbed run of catalogue `which`, watched: how long it takes,
    /// and how long its write phase (from the first staging file to the end).
    fn timed_run(&self, which: usize) -> (Duration, Duration) {
        let started = Instant::now();
        let mut child = self.spawn(which);
        assert!(self.wait_for_staging(&mut child), "the run wrote nothing");
        let staging = started.elapsed();
        assert!(child.wait().unwrap().success());
        let took = started.elapsed();
        (took, took.saturating_sub(staging))
    }

    fn staging_files(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(&self.out)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| !self.documents.iter().any(|document| document.name == name))
            .collect();
        names.sort();
        names
    }
}

fn scene(dir: &Path) -> Scene {
    let _ = fs::remove_dir_all(dir);
    fs::create_dir_all(dir).unwrap();
    let specs = ["a", "b"].map(|variant| {
        let spec = dir.join(format!("{variant}.yaml"));
        fs::write(&spec, catalogue(variant)).unwrap();
        spec
    });
    let [a, b] = specs.each_ref().map(|spec| {
        let catalog = Catalog::load(spec).unwrap();
        assert_eq!(catalog.codes().count(), CODES);
        outputs(&catalog)
    });
    // `documents` lists the same names in the same order for any catalogue.
    let documents = a
        .into_iter()
        .zip(b)
        .map(|((name, a), (_, b))| Document {
            name,
            bytes: [a.into_bytes(), b.into_bytes()],
        })
        .collect();
    Scene {
        out: dir.join("out"),
        specs,
        documents,
    }
}

/// What the kills of one lane saw.
#[derive(Default)]
struct Seen {
    finished: usize,
    while_staging: usize,
    between_renames: usize,
}

/// `kills` runs of `gen` into `scene`'s folder, each killed at a moment from
/// `moments`: every other pair at a moment of the whole run, the others once
/// the run is writing.
fn kill_lane(
    scene: &Scene,
    kills: u64,
    mut moments: Moments,
    run_length: Duration,
    write_phase: Duration,
) -> Seen {
    let mut seen = Seen::default();
    scene.full_run(0);
    for kill in 0..kills {
        let which = usize::from(kill % 2 == 0);
        let mut child = scene.spawn(which);
        if kill % 4 < 2 {
            std::thread::sleep(moments.up_to(run_length.mul_f64(1.1)));
        } else if scene.wait_for_staging(&mut child) {
            std::thread::sleep(moments.up_to(write_phase.mul_f64(1.5)));
        }
        if child.try_wait().unwrap().is_some() {
            seen.finished += 1;
        }
        // SIGKILL: no destructor, no cleanup, as with `kill -9` or the OOM killer.
        let _ = child.kill();
        child.wait().unwrap();

        let whole = scene.assert_whole(&format!("kill {kill}"));
        if !scene.staging_files().is_empty() {
            seen.while_staging += 1;
        }
        if whole.iter().any(|&w| w != whole[0]) {
            seen.between_renames += 1;
        }
        // Every so often the next run goes undisturbed: it must clear what
        // the killed ones left.
        if kill % 25 == 24 {
            scene.full_run(which);
        }
    }
    seen
}

#[test]
fn killed_and_concurrent_runs_leave_every_document_old_or_new() {
    let kills = env_number("CRASH_KILLS", 200);
    let seed = env_number("CRASH_SEED", 0x5EED_0009);
    let started = Instant::now();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("crash-safety");
    let scene = scene(&dir);
    scene.full_run(0);
    let (run_length, write_phase) = scene.timed_run(1);

    // Two lanes, each with a folder of its own, use both cores of a CI
    // machine; the kills are split between them.
    let lanes: Vec<Seen> = std::thread::scope(|scope| {
        let lanes: Vec<_> = (0..2u64)
            .map(|lane| {
                let scene = scene.writing_into(dir.join(format!("lane-{lane}")));
                let kills = kills / 2 + (kills % 2) * (1 - lane);
                let moments = Moments(seed.wrapping_add(lane));
                scope.spawn(move || kill_lane(&scene, kills, moments, run_length, write_phase))
            })
            .collect();
        lanes.into_iter().map(|lane| lane.join().unwrap()).collect()
    });
    let finished: usize = lanes.iter().map(|seen| seen.finished).sum();
    let while_staging: usize = lanes.iter().map(|seen| seen.while_staging).sum();
    let between_renames: usize = lanes.iter().map(|seen| seen.between_renames).sum();

    // Two runs at once, of different catalogues: both succeed, and every
    // document is one run's. Then again with one of the two killed.
    let mut moments = Moments(seed.wrapping_add(2));
    for round in 0..CONCURRENT_ROUNDS {
        let mut first = scene.spawn(round % 2);
        let second = scene.spawn(1 - round % 2);
        let kill_one = round >= CONCURRENT_ROUNDS / 2;
        if kill_one {
            std::thread::sleep(moments.up_to(run_length));
            let _ = first.kill();
        }
        let first = first.wait_with_output().unwrap();
        let second = second.wait_with_output().unwrap();
        for (output, killed) in [(&first, kill_one), (&second, false)] {
            assert!(
                killed || output.status.success(),
                "round {round}: a concurrent run failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        scene.assert_whole(&format!("concurrent round {round}"));
        if !kill_one {
            assert_eq!(scene.staging_files(), Vec::<String>::new(), "round {round}");
        }
    }
    scene.full_run(1);

    eprintln!(
        "{kills} kills (seed {seed:#x}) on {CODES} codes, an undisturbed run taking {:.2}s \
         ({:.3}s writing): {finished} runs finished first, {while_staging} kills left staging \
         files (cleared by the next run), {between_renames} fell between two renames; every \
         document was always whole; {CONCURRENT_ROUNDS} concurrent rounds; {:.0}s in all",
        run_length.as_secs_f64(),
        write_phase.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        kills < 50 || while_staging > 0,
        "no kill landed while files were being staged: the test proved nothing"
    );
}
