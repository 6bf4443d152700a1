//! How should the generated `from_code` find a code? The generated one (a
//! hash table built at compile time) side by side with a `match` on `&str`,
//! a `phf` map (the crate of the field for static maps), a `HashMap`, and
//! binary searches over a table sorted by code bytes, or by length and then
//! bytes.
//!
//! Measured at the seed catalogue's 32 codes and at 10,000 synthetic ones,
//! looking up the first, middle and last code (in file order), a miss, and a
//! spread of codes across the whole table. `--instructions` runs one
//! strategy on the spread for a given number of rounds instead, for
//! instruction counts. Run with
//! `cargo bench -p error-codes-bench --bench from_code`; `cargo xtask bench`
//! runs it with the other figures and prints the `spread` ratios.

use std::collections::HashMap;
use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};

#[allow(
    clippy::unreadable_literal,
    reason = "generated tables: phf's keys are hashes"
)]
mod tables {
    include!(concat!(env!("OUT_DIR"), "/from_code_tables.rs"));
}

/// What `include_errors!` expands to, for the seed catalogue and the
/// synthetic one.
#[allow(
    dead_code,
    unreachable_pub,
    clippy::all,
    clippy::pedantic,
    reason = "macro output included as source: only from_code is measured, and clippy skips these lints in real macro expansions"
)]
mod generated {
    pub(crate) mod n32 {
        include!(concat!(env!("OUT_DIR"), "/generated_32.rs"));
    }
    pub(crate) mod n10000 {
        include!(concat!(env!("OUT_DIR"), "/generated_10000.rs"));
    }
}

/// How many codes the `spread` benchmark looks up per iteration.
const SPREAD: usize = 64;

/// One code set and its three lookup structures.
struct Set {
    name: &'static str,
    codes: &'static [&'static str],
    miss: &'static str,
    matcher: fn(&str) -> Option<u32>,
    sorted: &'static [(&'static str, u32)],
    by_length: &'static [(&'static str, u32)],
    phf: &'static phf::Map<&'static str, u32>,
    map: HashMap<&'static str, u32>,
    /// The generated `ApiError::from_code`, answering with the found code.
    generated: fn(&str) -> Option<&'static str>,
}

impl Set {
    /// Fills the `HashMap`, the one table not built at compile time.
    fn ready(mut self) -> Self {
        self.map = self.codes.iter().copied().zip(0..).collect();
        self.check_generated();
        self
    }

    /// `lookup` finds every code and misses the miss; a benchmark of a
    /// wrong lookup would measure nothing useful.
    fn check(&self, strategy: &str, lookup: &Lookup<'_>) {
        for (value, code) in (0..).zip(self.codes) {
            // The generated lookup answers with 0 for any code it finds;
            // `check_generated` makes sure it finds the right one.
            let expected = if strategy == "generated" { 0 } else { value };
            assert_eq!(lookup(code), Some(expected), "{strategy}: {code}");
        }
        assert_eq!(lookup(self.miss), None, "{strategy}: {}", self.miss);
    }

    /// The generated lookup finds each code itself, not just some code.
    fn check_generated(&self) {
        for code in self.codes {
            assert_eq!((self.generated)(code), Some(*code), "generated: {code}");
        }
    }

    /// The single keys looked up: first, middle and last in file order, and a miss.
    fn keys(&self) -> [(&'static str, &'static str); 4] {
        let last = self.codes.len() - 1;
        [
            ("first", self.codes[0]),
            ("middle", self.codes[last / 2]),
            ("last", self.codes[last]),
            ("miss", self.miss),
        ]
    }

    /// Up to `SPREAD` codes evenly spaced over the file, for an average.
    fn spread(&self) -> Vec<&'static str> {
        let step = self.codes.len().div_ceil(SPREAD);
        self.codes.iter().step_by(step).copied().collect()
    }
}

#[inline(never)]
fn hash_map(map: &HashMap<&'static str, u32>, code: &str) -> Option<u32> {
    map.get(code).copied()
}

#[inline(never)]
fn phf_map(map: &phf::Map<&'static str, u32>, code: &str) -> Option<u32> {
    map.get(code).copied()
}

#[inline(never)]
fn binary_search(sorted: &[(&'static str, u32)], code: &str) -> Option<u32> {
    sorted
        .binary_search_by(|(candidate, _)| candidate.as_bytes().cmp(code.as_bytes()))
        .ok()
        .map(|index| sorted[index].1)
}

type Lookup<'a> = dyn Fn(&str) -> Option<u32> + 'a;

/// A variant: the table ordered by length first, so most steps compare two
/// integers and only codes of equal length reach `memcmp`.
#[inline(never)]
fn binary_search_by_length(sorted: &[(&'static str, u32)], code: &str) -> Option<u32> {
    sorted
        .binary_search_by(|(candidate, _)| {
            (candidate.len(), candidate.as_bytes()).cmp(&(code.len(), code.as_bytes()))
        })
        .ok()
        .map(|index| sorted[index].1)
}

impl Set {
    /// Every strategy, by name, answering with the code's value.
    fn strategies(&self) -> [(&'static str, Box<Lookup<'_>>); 6] {
        [
            (
                "generated",
                Box::new(|code| (self.generated)(code).map(|_| 0)),
            ),
            ("phf", Box::new(|code| phf_map(self.phf, code))),
            ("match", Box::new(|code| (self.matcher)(code))),
            ("hashmap", Box::new(|code| hash_map(&self.map, code))),
            (
                "binary_search",
                Box::new(|code| binary_search(self.sorted, code)),
            ),
            (
                "binary_search_by_length",
                Box::new(|code| binary_search_by_length(self.by_length, code)),
            ),
        ]
    }
}

fn bench_set(c: &mut Criterion, set: &Set) {
    let mut group = c.benchmark_group(format!("from_code/{}", set.name));
    let strategies = set.strategies();
    for (strategy, lookup) in &strategies {
        set.check(strategy, lookup);
    }
    for (strategy, lookup) in &strategies {
        for (label, key) in set.keys() {
            group.bench_with_input(BenchmarkId::new(*strategy, label), key, |b, key| {
                b.iter(|| lookup(black_box(key)));
            });
        }
    }
    let spread = set.spread();
    group.throughput(Throughput::Elements(spread.len() as u64));
    for (strategy, lookup) in &strategies {
        group.bench_with_input(
            BenchmarkId::new(*strategy, "spread"),
            &spread,
            |b, spread| {
                b.iter(|| {
                    for code in spread {
                        black_box(lookup(black_box(code)));
                    }
                });
            },
        );
    }
    group.finish();
}

fn seed() -> Set {
    Set {
        name: "32",
        codes: &tables::SEED_CODES,
        miss: tables::SEED_MISS,
        matcher: tables::seed_match,
        sorted: &tables::SEED_SORTED,
        by_length: &tables::SEED_BY_LENGTH,
        phf: &tables::SEED_PHF,
        map: HashMap::new(),
        generated: |code| {
            generated::n32::ApiError::from_code(code).map(generated::n32::ApiError::code)
        },
    }
    .ready()
}

fn synthetic() -> Set {
    Set {
        name: "10000",
        codes: &tables::SYNTHETIC_CODES,
        miss: tables::SYNTHETIC_MISS,
        matcher: tables::synthetic_match,
        sorted: &tables::SYNTHETIC_SORTED,
        by_length: &tables::SYNTHETIC_BY_LENGTH,
        phf: &tables::SYNTHETIC_PHF,
        map: HashMap::new(),
        generated: |code| {
            generated::n10000::ApiError::from_code(code).map(generated::n10000::ApiError::code)
        },
    }
    .ready()
}

fn from_code(c: &mut Criterion) {
    bench_set(c, &seed());
    bench_set(c, &synthetic());
}

/// `from_code --instructions SET STRATEGY ROUNDS`: looks the `spread` codes
/// of `SET` (`32` or `10000`) up `ROUNDS` times with `STRATEGY`, for
/// `cargo xtask bench` to count the instructions under callgrind.
fn count_instructions(args: &[String]) -> Result<(), String> {
    let [set, strategy, rounds] = args else {
        return Err("usage: --instructions SET STRATEGY ROUNDS".to_owned());
    };
    let set = match set.as_str() {
        "32" => seed(),
        "10000" => synthetic(),
        other => return Err(format!("no set `{other}`")),
    };
    let rounds: usize = rounds.parse().map_err(|error| format!("rounds: {error}"))?;
    let strategies = set.strategies();
    let (_, lookup) = strategies
        .iter()
        .find(|(name, _)| name == strategy)
        .ok_or_else(|| format!("no strategy `{strategy}`"))?;
    set.check(strategy, lookup);
    let spread = set.spread();
    for _ in 0..rounds {
        for code in &spread {
            black_box(lookup(black_box(code)));
        }
    }
    println!("{} lookups per round", spread.len());
    Ok(())
}

criterion_group! {
    name = benches;
    // Short runs: the differences measured here are large (or absent), and the
    // whole benchmark should finish in about a minute.
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(800));
    targets = from_code
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|arg| arg == "--instructions") {
        if let Err(message) = count_instructions(&args[1..]) {
            eprintln!("error: {message}");
            std::process::exit(2);
        }
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
