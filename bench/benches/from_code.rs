//! How should the generated `from_code` find a code? The generated one (a
//! hash table built at compile time) side by side with a `match` on `&str`,
//! a `phf` map (the crate of the field for static maps), a `HashMap`, and
//! binary searches over a table sorted by code bytes, or by length and then
//! bytes.
//!
//! Measured at the seed catalogue's 32 codes and at 10,000 synthetic ones,
//! looking up the first, middle and last code (in file order), a miss, and a
//! spread of codes across the whole table. Run with
//! `cargo bench -p error-codes-bench --bench from_code`; `cargo xtask bench`
//! runs it with the other figures and prints the `spread` ratios.

use std::collections::HashMap;
use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

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
    fn new(
        name: &'static str,
        codes: &'static [&'static str],
        miss: &'static str,
        matcher: fn(&str) -> Option<u32>,
        sorted: &'static [(&'static str, u32)],
        by_length: &'static [(&'static str, u32)],
        phf: &'static phf::Map<&'static str, u32>,
        generated: fn(&str) -> Option<&'static str>,
    ) -> Self {
        let map = codes.iter().copied().zip(0..).collect();
        let set = Self {
            name,
            codes,
            miss,
            matcher,
            sorted,
            by_length,
            phf,
            map,
            generated,
        };
        set.check();
        set
    }

    /// All strategies agree on every code and on the miss; a benchmark
    /// of a wrong lookup would measure nothing useful.
    fn check(&self) {
        for (value, code) in (0..).zip(self.codes) {
            assert_eq!((self.matcher)(code), Some(value), "match: {code}");
            assert_eq!(hash_map(&self.map, code), Some(value), "HashMap: {code}");
            assert_eq!(phf_map(self.phf, code), Some(value), "phf: {code}");
            assert_eq!(
                binary_search(self.sorted, code),
                Some(value),
                "binary search: {code}"
            );
            assert_eq!(
                binary_search_by_length(self.by_length, code),
                Some(value),
                "binary search by length: {code}"
            );
            assert_eq!((self.generated)(code), Some(*code), "generated: {code}");
        }
        assert_eq!((self.matcher)(self.miss), None);
        assert_eq!(hash_map(&self.map, self.miss), None);
        assert_eq!(phf_map(self.phf, self.miss), None);
        assert_eq!(binary_search(self.sorted, self.miss), None);
        assert_eq!(binary_search_by_length(self.by_length, self.miss), None);
        assert_eq!((self.generated)(self.miss), None);
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

type Lookup<'a> = &'a dyn Fn(&str) -> Option<u32>;

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

fn bench_set(c: &mut Criterion, set: &Set) {
    let mut group = c.benchmark_group(format!("from_code/{}", set.name));
    let strategies: [(&str, Lookup<'_>); 6] = [
        ("generated", &|code| (set.generated)(code).map(|_| 0)),
        ("phf", &|code| phf_map(set.phf, code)),
        ("match", &|code| (set.matcher)(code)),
        ("hashmap", &|code| hash_map(&set.map, code)),
        ("binary_search", &|code| binary_search(set.sorted, code)),
        ("binary_search_by_length", &|code| {
            binary_search_by_length(set.by_length, code)
        }),
    ];
    for (strategy, lookup) in strategies {
        for (label, key) in set.keys() {
            group.bench_with_input(BenchmarkId::new(strategy, label), key, |b, key| {
                b.iter(|| lookup(black_box(key)));
            });
        }
    }
    let spread = set.spread();
    group.throughput(Throughput::Elements(spread.len() as u64));
    for (strategy, lookup) in strategies {
        group.bench_with_input(
            BenchmarkId::new(strategy, "spread"),
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

fn from_code(c: &mut Criterion) {
    let seed = Set::new(
        "32",
        &tables::SEED_CODES,
        tables::SEED_MISS,
        tables::seed_match,
        &tables::SEED_SORTED,
        &tables::SEED_BY_LENGTH,
        &tables::SEED_PHF,
        |code| generated::n32::ApiError::from_code(code).map(generated::n32::ApiError::code),
    );
    let synthetic = Set::new(
        "10000",
        &tables::SYNTHETIC_CODES,
        tables::SYNTHETIC_MISS,
        tables::synthetic_match,
        &tables::SYNTHETIC_SORTED,
        &tables::SYNTHETIC_BY_LENGTH,
        &tables::SYNTHETIC_PHF,
        |code| generated::n10000::ApiError::from_code(code).map(generated::n10000::ApiError::code),
    );
    bench_set(c, &seed);
    bench_set(c, &synthetic);
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
criterion_main!(benches);
