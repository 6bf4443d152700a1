//! Bodies of declared layouts (`body:`), both ways, through `serde_json`:
//! the generated `ApiError` of a nested layout (`layouts/meta.yaml`, integer
//! codes under `error`, details under `error.error_data`) and of RFC 9457
//! problem details (`layouts/problem.yaml`, params spread into the body),
//! side by side with a `#[derive(Serialize, Deserialize)]` struct of the
//! same shape, as a user would write it for that API.
//!
//! Four cases, each a set of bodies handled once per iteration:
//! - `nested`: `{"error": {"message": …, "code": 190}}`, four codes;
//! - `nested_details`: the same with `"error_data": {"messaging_product":
//!   …, "details": …}`, two codes;
//! - `problem`: `{"type", "title", "status", "detail", "code"}`, four codes;
//! - `problem_details`: the same with `"retry_after": 30` spread in.
//!
//! `--instructions` runs one side for a given number of rounds instead, for
//! instruction counts. Run with `cargo bench -p error-codes-bench --bench
//! layouts`; `cargo xtask bench` runs it with the other figures and prints
//! the ratios.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group};
use serde::{Deserialize, Serialize};

/// The nested layout with integer codes.
mod meta {
    error_codes::include_errors!("layouts/meta.yaml");
}

/// RFC 9457 problem details.
mod problem {
    error_codes::include_errors!("layouts/problem.yaml");
}

/// The baseline of `nested`.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Nested {
    error: NestedError,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct NestedError {
    message: String,
    code: u64,
}

/// The baseline of `nested_details`.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct NestedDetails {
    error: NestedErrorDetails,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct NestedErrorDetails {
    message: String,
    code: u64,
    error_data: ErrorData,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct ErrorData {
    messaging_product: String,
    details: String,
}

/// The baseline of `problem`.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Problem {
    #[serde(rename = "type")]
    kind: String,
    title: String,
    status: u16,
    detail: String,
    code: String,
}

/// The baseline of `problem_details`.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct ProblemDetails {
    #[serde(rename = "type")]
    kind: String,
    title: String,
    status: u16,
    detail: String,
    code: String,
    retry_after: i64,
}

/// A set of bodies.
#[derive(Clone, Copy)]
enum Case {
    Nested,
    NestedDetails,
    Problem,
    ProblemDetails,
}

/// Every case, under its benchmark name.
const CASES: [(&str, Case); 4] = [
    ("nested", Case::Nested),
    ("nested_details", Case::NestedDetails),
    ("problem", Case::Problem),
    ("problem_details", Case::ProblemDetails),
];

/// The generated values of a case.
enum Generated {
    Meta(Vec<meta::ApiError>),
    Problem(Vec<problem::ApiError>),
}

/// The derived values of a case.
enum Derived {
    Nested(Vec<Nested>),
    NestedDetails(Vec<NestedDetails>),
    Problem(Vec<Problem>),
    ProblemDetails(Vec<ProblemDetails>),
}

/// The bodies of one case, in every form, checked to agree.
struct Samples {
    case: Case,
    generated: Generated,
    derived: Derived,
    json: Vec<String>,
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("serializes")
}

fn nested_errors() -> Vec<meta::ApiError> {
    use meta::{TooManyRequests, Unauthorized};
    vec![
        Unauthorized::AuthException.into(),
        Unauthorized::AccessTokenExpired.into(),
        meta::BadRequest::UnsupportedMessageType.into(),
        TooManyRequests::RateLimitHit.into(),
    ]
}

fn nested_details_errors() -> Vec<meta::ApiError> {
    use meta::BadRequest;
    vec![
        BadRequest::MessageUndeliverable {
            messaging_product: "whatsapp".to_owned(),
            details: "Unable to deliver message.".to_owned(),
        }
        .into(),
        BadRequest::ReEngagementMessage {
            messaging_product: "whatsapp".to_owned(),
            details: "More than 24 hours have passed since the recipient last replied.".to_owned(),
        }
        .into(),
    ]
}

fn problem_errors() -> Vec<problem::ApiError> {
    use problem::{Forbidden, NotFound, PaymentRequired, Unauthorized};
    vec![
        Unauthorized::Unauthorized.into(),
        PaymentRequired::LowBalance.into(),
        Forbidden::Forbidden.into(),
        NotFound::NotFound.into(),
    ]
}

/// The parts a derived problem body takes from a generated value.
fn problem_parts(error: &problem::ApiError) -> (String, String, u16, String, String) {
    use error_codes::ErrorCode as _;
    let title = match error {
        problem::ApiError::PaymentRequired(_) => "You do not have enough credit",
        problem::ApiError::Unauthorized(_) => "Unauthorized",
        problem::ApiError::Forbidden(_) => "Forbidden",
        problem::ApiError::NotFound(_) => "Not Found",
        problem::ApiError::TooManyRequests(_) => "Too Many Requests",
    };
    (
        error
            .docs()
            .expect("every problem has its docs URL")
            .to_owned(),
        title.to_owned(),
        error.status(),
        error.message().into_owned(),
        error.code().to_owned(),
    )
}

impl Samples {
    fn new(case: Case) -> Self {
        let code_number = |code: &str| code.parse::<u64>().expect("an integer code");
        let (generated, derived) = match case {
            Case::Nested => {
                let errors = nested_errors();
                let derived = errors
                    .iter()
                    .map(|error| Nested {
                        error: NestedError {
                            message: error.message().into_owned(),
                            code: code_number(error.code()),
                        },
                    })
                    .collect();
                (Generated::Meta(errors), Derived::Nested(derived))
            }
            Case::NestedDetails => {
                let errors = nested_details_errors();
                let derived = errors
                    .iter()
                    .map(|error| {
                        let meta::ApiError::BadRequest(
                            meta::BadRequest::MessageUndeliverable {
                                messaging_product,
                                details,
                            }
                            | meta::BadRequest::ReEngagementMessage {
                                messaging_product,
                                details,
                            },
                        ) = error
                        else {
                            unreachable!("the nested_details case holds codes with details")
                        };
                        NestedDetails {
                            error: NestedErrorDetails {
                                message: error.message().into_owned(),
                                code: code_number(error.code()),
                                error_data: ErrorData {
                                    messaging_product: messaging_product.clone(),
                                    details: details.clone(),
                                },
                            },
                        }
                    })
                    .collect();
                (Generated::Meta(errors), Derived::NestedDetails(derived))
            }
            Case::Problem => {
                let errors = problem_errors();
                let derived = errors
                    .iter()
                    .map(|error| {
                        let (kind, title, status, detail, code) = problem_parts(error);
                        Problem {
                            kind,
                            title,
                            status,
                            detail,
                            code,
                        }
                    })
                    .collect();
                (Generated::Problem(errors), Derived::Problem(derived))
            }
            Case::ProblemDetails => {
                let errors: Vec<problem::ApiError> =
                    vec![problem::TooManyRequests::RateLimit { retry_after: 30 }.into()];
                let derived = errors
                    .iter()
                    .map(|error| {
                        let (kind, title, status, detail, code) = problem_parts(error);
                        ProblemDetails {
                            kind,
                            title,
                            status,
                            detail,
                            code,
                            retry_after: 30,
                        }
                    })
                    .collect();
                (Generated::Problem(errors), Derived::ProblemDetails(derived))
            }
        };
        let json: Vec<String> = match &derived {
            Derived::Nested(bodies) => bodies.iter().map(to_json).collect(),
            Derived::NestedDetails(bodies) => bodies.iter().map(to_json).collect(),
            Derived::Problem(bodies) => bodies.iter().map(to_json).collect(),
            Derived::ProblemDetails(bodies) => bodies.iter().map(to_json).collect(),
        };
        let samples = Self {
            case,
            generated,
            derived,
            json,
        };
        samples.check();
        samples
    }

    /// Every side must produce and accept the same bytes, or the timings
    /// compare different work.
    fn check(&self) {
        for (index, text) in self.json.iter().enumerate() {
            match &self.generated {
                Generated::Meta(errors) => {
                    assert_eq!(&to_json(&errors[index]), text);
                    assert_eq!(
                        &serde_json::from_str::<meta::ApiError>(text).expect("reads"),
                        &errors[index]
                    );
                }
                Generated::Problem(errors) => {
                    assert_eq!(&to_json(&errors[index]), text);
                    assert_eq!(
                        &serde_json::from_str::<problem::ApiError>(text).expect("reads"),
                        &errors[index]
                    );
                }
            }
        }
        let check = |text: &String| match self.case {
            Case::Nested | Case::NestedDetails => assert!(text.starts_with(r#"{"error":{"#)),
            Case::Problem | Case::ProblemDetails => assert!(text.starts_with(r#"{"type":"https"#)),
        };
        self.json.iter().for_each(check);
    }

    fn len(&self) -> usize {
        self.json.len()
    }

    /// Writes body `index` of `side`.
    fn serialize(&self, side: Side, index: usize, out: &mut Vec<u8>) {
        out.clear();
        match side {
            Side::Generated => match &self.generated {
                Generated::Meta(errors) => serde_json::to_writer(out, &errors[index]),
                Generated::Problem(errors) => serde_json::to_writer(out, &errors[index]),
            },
            Side::Derived => match &self.derived {
                Derived::Nested(bodies) => serde_json::to_writer(out, &bodies[index]),
                Derived::NestedDetails(bodies) => serde_json::to_writer(out, &bodies[index]),
                Derived::Problem(bodies) => serde_json::to_writer(out, &bodies[index]),
                Derived::ProblemDetails(bodies) => serde_json::to_writer(out, &bodies[index]),
            },
        }
        .expect("serializes");
    }

    /// Reads body `index` as `side`.
    fn deserialize(&self, side: Side, index: usize) {
        let text = black_box(self.json[index].as_str());
        match (side, &self.derived) {
            (Side::Generated, Derived::Nested(_) | Derived::NestedDetails(_)) => {
                drop(black_box(serde_json::from_str::<meta::ApiError>(text)));
            }
            (Side::Generated, Derived::Problem(_) | Derived::ProblemDetails(_)) => {
                drop(black_box(serde_json::from_str::<problem::ApiError>(text)));
            }
            (Side::Derived, Derived::Nested(_)) => {
                drop(black_box(serde_json::from_str::<Nested>(text)));
            }
            (Side::Derived, Derived::NestedDetails(_)) => {
                drop(black_box(serde_json::from_str::<NestedDetails>(text)));
            }
            (Side::Derived, Derived::Problem(_)) => {
                drop(black_box(serde_json::from_str::<Problem>(text)));
            }
            (Side::Derived, Derived::ProblemDetails(_)) => {
                drop(black_box(serde_json::from_str::<ProblemDetails>(text)));
            }
        }
    }
}

/// Which type handles the body; chosen once, outside the measured loops.
#[derive(Clone, Copy)]
enum Side {
    Generated,
    Derived,
}

/// Every side, under its benchmark name.
const SIDES: [(&str, Side); 2] = [("generated", Side::Generated), ("derived", Side::Derived)];

fn layouts(c: &mut Criterion) {
    let mut out = Vec::with_capacity(512);
    for (case_name, case) in CASES {
        let samples = Samples::new(case);
        let count = samples.len() as u64;
        for direction in ["serialize", "deserialize"] {
            let mut group = c.benchmark_group(format!("layouts/{direction}/{case_name}"));
            group.throughput(Throughput::Elements(count));
            for (name, side) in SIDES {
                group.bench_function(name, |b| {
                    b.iter(|| {
                        for index in 0..samples.len() {
                            if direction == "serialize" {
                                samples.serialize(side, black_box(index), &mut out);
                                black_box(&out);
                            } else {
                                samples.deserialize(side, black_box(index));
                            }
                        }
                    });
                });
            }
            group.finish();
        }
    }
}

/// `layouts --instructions (serialize|deserialize)/CASE SIDE ROUNDS`:
/// handles every body of the case `ROUNDS` times, for `cargo xtask bench`
/// to count the instructions under callgrind.
fn count_instructions(args: &[String]) -> Result<(), String> {
    let [what, side, rounds] = args else {
        return Err("usage: --instructions (serialize|deserialize)/CASE SIDE ROUNDS".to_owned());
    };
    let (direction, case) = what
        .split_once('/')
        .ok_or_else(|| format!("`{what}` is not DIRECTION/CASE"))?;
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
        .find(|(name, _)| name == side)
        .ok_or_else(|| format!("no side `{side}`"))?;
    let rounds: usize = rounds.parse().map_err(|error| format!("rounds: {error}"))?;
    let samples = Samples::new(case);
    let mut out = Vec::with_capacity(512);
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
    targets = layouts
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
