//! Bodies with details, both ways, through `serde_json`: the generated
//! `ApiError` of `twins/params.yaml` and `Received<ApiError>` side by side
//! with what a user would otherwise write:
//! - `derived`: a `#[derive(Serialize, Deserialize)]` struct of the same
//!   shape (`error`, `message` and a `details` struct), its message already
//!   rendered;
//! - `handwritten` (serialize only): the errors of the hand-written twin,
//!   `twins/handwritten-params` (thiserror and serde's derive), which render
//!   the message as they serialize, as the generated enum does.
//!
//! Two cases, each a set of bodies handled once per iteration:
//! - `retry_after`: `{"details": {"retry_after": 30}}`, from
//!   `otp_wait_required` (whose message names it, so the generated side
//!   renders it) and `rate_limit_exceeded` (without its optional `limit`);
//! - `violations`: `validation_error` with two field violations.
//!
//! `--instructions` runs one side for a given number of rounds instead, for
//! instruction counts. Run with `cargo bench -p error-codes-bench --bench
//! details`; `cargo xtask bench` runs it with the other figures and prints
//! the ratios.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group};
use error_codes::Received;
use serde::{Deserialize, Serialize};

error_codes::include_errors!("twins/params.yaml");

/// The hand-written twin's errors, compiled from its own source.
#[allow(
    dead_code,
    unreachable_pub,
    clippy::pedantic,
    clippy::enum_variant_names,
    reason = "written as a user would, to its own crate's lints; the bench serializes its errors only"
)]
#[path = "../twins/handwritten-params/src/errors.rs"]
mod handwritten;

/// The baseline of the `retry_after` case: the body as a user would derive it.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct RetryAfterBody {
    error: String,
    message: String,
    details: RetryAfter,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct RetryAfter {
    retry_after: i64,
}

/// The baseline of the `violations` case.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct ViolationsBody {
    error: String,
    message: String,
    details: Violations,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Violations {
    violations: Vec<Violation>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Violation {
    field: String,
    reason: String,
}

/// The bodies of one case, in every form, checked to agree.
struct Samples {
    errors: Vec<ApiError>,
    handwritten: Vec<handwritten::ApiError>,
    received: Vec<Received<ApiError>>,
    derived: Derived,
    json: Vec<String>,
}

/// The derived bodies of a case.
enum Derived {
    RetryAfter(Vec<RetryAfterBody>),
    Violations(Vec<ViolationsBody>),
}

impl Samples {
    fn new(case: Case) -> Self {
        let errors: Vec<ApiError> = match case {
            Case::RetryAfter => vec![
                TooManyRequests::OtpWaitRequired { retry_after: 30 }.into(),
                TooManyRequests::RateLimitExceeded {
                    retry_after: 30,
                    limit: None,
                }
                .into(),
            ],
            Case::Violations => vec![
                UnprocessableEntity::ValidationError {
                    violations: vec![
                        FieldViolation {
                            field: "url".to_owned(),
                            reason: "must not be empty".to_owned(),
                        },
                        FieldViolation {
                            field: "amount".to_owned(),
                            reason: "must be a decimal number".to_owned(),
                        },
                    ],
                }
                .into(),
            ],
        };
        let handwritten = handwritten_errors(case);
        let (derived, json) = match case {
            Case::RetryAfter => {
                let bodies: Vec<RetryAfterBody> = errors
                    .iter()
                    .map(|error| RetryAfterBody {
                        error: error.code().to_owned(),
                        message: error.message().into_owned(),
                        details: RetryAfter { retry_after: 30 },
                    })
                    .collect();
                let json: Vec<String> = bodies.iter().map(to_json).collect();
                (Derived::RetryAfter(bodies), json)
            }
            Case::Violations => {
                let bodies: Vec<ViolationsBody> = errors
                    .iter()
                    .map(|error| {
                        let ApiError::UnprocessableEntity(UnprocessableEntity::ValidationError {
                            violations,
                        }) = error
                        else {
                            unreachable!("the violations case holds validation errors")
                        };
                        ViolationsBody {
                            error: error.code().to_owned(),
                            message: error.message().into_owned(),
                            details: Violations {
                                violations: violations
                                    .iter()
                                    .map(|violation| Violation {
                                        field: violation.field.clone(),
                                        reason: violation.reason.clone(),
                                    })
                                    .collect(),
                            },
                        }
                    })
                    .collect();
                let json: Vec<String> = bodies.iter().map(to_json).collect();
                (Derived::Violations(bodies), json)
            }
        };
        // Every side must produce and accept the same bytes, or the timings
        // compare different work.
        let received: Vec<Received<ApiError>> = json
            .iter()
            .map(|text| serde_json::from_str(text).expect("reads"))
            .collect();
        for ((error, received), text) in errors.iter().zip(&received).zip(&json) {
            assert!(text.contains(r#","details":{"#), "{text}");
            assert_eq!(&to_json(error), text);
            assert_eq!(
                &serde_json::from_str::<ApiError>(text).expect("reads"),
                error
            );
            assert_eq!(received.known().as_ref(), Some(error));
            assert_eq!(&to_json(received), text);
        }
        for (error, text) in handwritten.iter().zip(&json) {
            assert_eq!(&to_json(error), text);
        }
        match &derived {
            Derived::RetryAfter(bodies) => check_derived(bodies, &json),
            Derived::Violations(bodies) => check_derived(bodies, &json),
        }
        Self {
            errors,
            handwritten,
            received,
            derived,
            json,
        }
    }

    fn len(&self) -> usize {
        self.errors.len()
    }

    /// Writes body `index` of `side`.
    fn serialize(&self, side: Side, index: usize, out: &mut Vec<u8>) {
        out.clear();
        match (side, &self.derived) {
            (Side::Generated, _) => serde_json::to_writer(out, &self.errors[index]),
            (Side::Handwritten, _) => serde_json::to_writer(out, &self.handwritten[index]),
            (Side::Received, _) => serde_json::to_writer(out, &self.received[index]),
            (Side::Derived, Derived::RetryAfter(bodies)) => {
                serde_json::to_writer(out, &bodies[index])
            }
            (Side::Derived, Derived::Violations(bodies)) => {
                serde_json::to_writer(out, &bodies[index])
            }
        }
        .expect("serializes");
    }

    /// Reads body `index` as `side`.
    fn deserialize(&self, side: Side, index: usize) {
        let text = black_box(self.json[index].as_str());
        match (side, &self.derived) {
            // The twin writes bodies only; `count_instructions` refuses it.
            (Side::Generated | Side::Handwritten, _) => {
                drop(black_box(serde_json::from_str::<ApiError>(text)));
            }
            (Side::Received, _) => {
                drop(black_box(serde_json::from_str::<Received<ApiError>>(text)));
            }
            (Side::Derived, Derived::RetryAfter(_)) => {
                drop(black_box(serde_json::from_str::<RetryAfterBody>(text)));
            }
            (Side::Derived, Derived::Violations(_)) => {
                drop(black_box(serde_json::from_str::<ViolationsBody>(text)));
            }
        }
    }
}

/// The errors of a case as the hand-written twin declares them.
fn handwritten_errors(case: Case) -> Vec<handwritten::ApiError> {
    match case {
        Case::RetryAfter => vec![
            handwritten::TooManyRequests::OtpWaitRequired { retry_after: 30 }.into(),
            handwritten::TooManyRequests::RateLimitExceeded {
                retry_after: 30,
                limit: None,
            }
            .into(),
        ],
        Case::Violations => vec![
            handwritten::UnprocessableEntity::ValidationError {
                violations: vec![
                    handwritten::FieldViolation {
                        field: "url".to_owned(),
                        reason: "must not be empty".to_owned(),
                    },
                    handwritten::FieldViolation {
                        field: "amount".to_owned(),
                        reason: "must be a decimal number".to_owned(),
                    },
                ],
            }
            .into(),
        ],
    }
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("serializes")
}

/// The derived bodies write `json` and read back as themselves.
fn check_derived<T>(bodies: &[T], json: &[String])
where
    T: Serialize + for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug,
{
    for (body, text) in bodies.iter().zip(json) {
        assert_eq!(&to_json(body), text);
        assert_eq!(&serde_json::from_str::<T>(text).expect("reads"), body);
    }
}

/// Which bodies.
#[derive(Clone, Copy)]
enum Case {
    RetryAfter,
    Violations,
}

/// Every case, under its benchmark name.
const CASES: [(&str, Case); 2] = [
    ("retry_after", Case::RetryAfter),
    ("violations", Case::Violations),
];

/// Which type handles the body; chosen once, outside the measured loops.
#[derive(Clone, Copy)]
enum Side {
    Generated,
    /// Serialize only.
    Handwritten,
    Received,
    Derived,
}

impl Side {
    /// Whether the side reads bodies too.
    fn reads(self) -> bool {
        !matches!(self, Self::Handwritten)
    }
}

/// Every side, under its benchmark name.
const SIDES: [(&str, Side); 4] = [
    ("generated", Side::Generated),
    ("handwritten", Side::Handwritten),
    ("received", Side::Received),
    ("derived", Side::Derived),
];

fn details(c: &mut Criterion) {
    let mut out = Vec::with_capacity(256);
    for (case_name, case) in CASES {
        let samples = Samples::new(case);
        let count = samples.len();
        let mut group = c.benchmark_group(format!("details/serialize/{case_name}"));
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
        let mut group = c.benchmark_group(format!("details/deserialize/{case_name}"));
        group.throughput(Throughput::Elements(count as u64));
        for (name, side) in SIDES.into_iter().filter(|(_, side)| side.reads()) {
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
}

/// `details --instructions (serialize|deserialize)/CASE SIDE ROUNDS`:
/// handles every body of `CASE` `ROUNDS` times, for `cargo xtask bench` to
/// count the instructions under callgrind.
fn count_instructions(args: &[String]) -> Result<(), String> {
    let [work, side_name, rounds] = args else {
        return Err("usage: --instructions (serialize|deserialize)/CASE SIDE ROUNDS".to_owned());
    };
    let (direction, case) = work
        .split_once('/')
        .ok_or_else(|| format!("`{work}` is not DIRECTION/CASE"))?;
    let serialize = match direction {
        "serialize" => true,
        "deserialize" => false,
        other => return Err(format!("no direction `{other}`")),
    };
    let (_, case) = CASES
        .into_iter()
        .find(|(name, _)| *name == case)
        .ok_or_else(|| format!("no case `{case}`"))?;
    let (_, side) = SIDES
        .into_iter()
        .find(|(name, _)| name == side_name)
        .ok_or_else(|| format!("no side `{side_name}`"))?;
    if !serialize && !side.reads() {
        return Err(format!("the side `{side_name}` writes bodies only"));
    }
    let rounds: usize = rounds.parse().map_err(|error| format!("rounds: {error}"))?;
    let samples = Samples::new(case);
    let mut out = Vec::with_capacity(256);
    for _ in 0..rounds {
        for index in 0..samples.len() {
            if serialize {
                samples.serialize(side, black_box(index), &mut out);
                black_box(&out);
            } else {
                samples.deserialize(side, black_box(index));
            }
        }
    }
    println!("{} bodies per round", samples.len());
    Ok(())
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(800));
    targets = details
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
