//! The wire body, both ways, through `serde_json`: the generated `ApiError`
//! and `ErrorBody` (whose serde impls are written by hand) side by side with
//! what a user would otherwise write, a `#[derive(Serialize, Deserialize)]`
//! struct of two strings.
//!
//! Each iteration handles the body of every code of the seed catalogue once.
//! `--instructions` runs one side for a given number of rounds instead, for
//! instruction counts.
//! Run with `cargo bench -p error-codes-bench --bench body`; `cargo xtask
//! bench` runs it with the other figures and prints the ratios.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group};
use error_codes::ErrorBody;

// The seed catalogue as of 1.0, without params: the body of every code is
// `{"error", "message"}` (benches/details.rs has the bodies with details).
error_codes::include_errors!("../tests/fixtures/seed-1.0/errors.yaml");

/// The baseline: the body as a user would derive it.
#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct Derived {
    error: String,
    message: String,
}

/// The bodies of every seed code, in every form, checked to agree.
struct Samples {
    errors: &'static [ApiError],
    derived: Vec<Derived>,
    error_bodies: Vec<ErrorBody>,
    json: Vec<String>,
}

impl Samples {
    fn new() -> Self {
        let errors = ApiError::ALL;
        let derived: Vec<Derived> = errors
            .iter()
            .map(|error| Derived {
                error: error.code().to_owned(),
                message: error.message().to_owned(),
            })
            .collect();
        let error_bodies: Vec<ErrorBody> = errors.iter().map(ErrorBody::new).collect();
        let json: Vec<String> = derived
            .iter()
            .map(|body| serde_json::to_string(body).expect("serializes"))
            .collect();
        // Every side must produce and accept the same bytes, or the timings
        // compare different work.
        for ((error, body), text) in errors.iter().zip(&error_bodies).zip(&json) {
            assert_eq!(&serde_json::to_string(error).expect("serializes"), text);
            assert_eq!(&serde_json::to_string(body).expect("serializes"), text);
            assert_eq!(
                &serde_json::from_str::<ApiError>(text).expect("reads"),
                error
            );
            assert_eq!(
                &serde_json::from_str::<ErrorBody>(text).expect("reads"),
                body
            );
        }
        Self {
            errors,
            derived,
            error_bodies,
            json,
        }
    }

    /// Writes body `index` of `side`.
    fn serialize(&self, side: Side, index: usize, out: &mut Vec<u8>) {
        out.clear();
        match side {
            Side::Generated => serde_json::to_writer(out, &self.errors[index]),
            Side::ErrorBody => serde_json::to_writer(out, &self.error_bodies[index]),
            Side::Derived => serde_json::to_writer(out, &self.derived[index]),
        }
        .expect("serializes");
    }

    /// Reads body `index` as `side`.
    fn deserialize(&self, side: Side, index: usize) {
        let text = black_box(self.json[index].as_str());
        match side {
            Side::Generated => drop(black_box(serde_json::from_str::<ApiError>(text))),
            Side::ErrorBody => drop(black_box(serde_json::from_str::<ErrorBody>(text))),
            Side::Derived => drop(black_box(serde_json::from_str::<Derived>(text))),
        }
    }
}

/// Which type handles the body; chosen once, outside the measured loops.
#[derive(Clone, Copy)]
enum Side {
    Generated,
    ErrorBody,
    Derived,
}

/// Every side, under its benchmark name.
const SIDES: [(&str, Side); 3] = [
    ("generated", Side::Generated),
    ("error_body", Side::ErrorBody),
    ("derived", Side::Derived),
];

fn body(c: &mut Criterion) {
    let samples = Samples::new();
    let count = samples.errors.len();
    let mut out = Vec::with_capacity(256);
    let mut group = c.benchmark_group("body/serialize");
    group.throughput(Throughput::Elements(count as u64));
    for (name, side) in SIDES {
        group.bench_function(name, |b| {
            b.iter(|| {
                for index in 0..count {
                    samples.serialize(side, black_box(index), &mut out);
                    black_box(&out);
                }
            });
        });
    }
    group.finish();
    let mut group = c.benchmark_group("body/deserialize");
    group.throughput(Throughput::Elements(count as u64));
    for (name, side) in SIDES {
        group.bench_function(name, |b| {
            b.iter(|| {
                for index in 0..count {
                    samples.deserialize(side, black_box(index));
                }
            });
        });
    }
    group.finish();
}

/// `body --instructions (serialize|deserialize) SIDE ROUNDS`: handles every
/// body `ROUNDS` times, for `cargo xtask bench` to count the instructions
/// under callgrind.
fn count_instructions(args: &[String]) -> Result<(), String> {
    let [direction, side, rounds] = args else {
        return Err("usage: --instructions (serialize|deserialize) SIDE ROUNDS".to_owned());
    };
    let (_, side) = SIDES
        .into_iter()
        .find(|(name, _)| name == side)
        .ok_or_else(|| format!("no side `{side}`"))?;
    let serialize = match direction.as_str() {
        "serialize" => true,
        "deserialize" => false,
        other => return Err(format!("no direction `{other}`")),
    };
    let rounds: usize = rounds.parse().map_err(|error| format!("rounds: {error}"))?;
    let samples = Samples::new();
    let mut out = Vec::with_capacity(256);
    for _ in 0..rounds {
        for index in 0..samples.errors.len() {
            if serialize {
                samples.serialize(side, black_box(index), &mut out);
                black_box(&out);
            } else {
                samples.deserialize(side, black_box(index));
            }
        }
    }
    println!("{} bodies per round", samples.errors.len());
    Ok(())
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(800));
    targets = body
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
