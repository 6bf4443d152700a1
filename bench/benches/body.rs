//! The wire body, both ways, through `serde_json`: the generated `ApiError`
//! and `ErrorBody` (whose serde impls are written by hand) side by side with
//! what a user would otherwise write, a `#[derive(Serialize, Deserialize)]`
//! struct of two strings.
//!
//! Each iteration handles the body of every code of the seed catalogue once.
//! Run with `cargo bench -p error-codes-bench --bench body`; `cargo xtask
//! bench` runs it with the other figures and prints the ratios.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use error_codes::ErrorBody;

error_codes::include_errors!("../errors.yaml");

/// The baseline: the body as a user would derive it.
#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct Derived {
    error: String,
    message: String,
}

fn body(c: &mut Criterion) {
    let errors = ApiError::ALL;
    let derived: Vec<Derived> = errors
        .iter()
        .map(|error| Derived {
            error: error.code().to_owned(),
            message: error.message().to_owned(),
        })
        .collect();
    let bodies: Vec<ErrorBody> = errors.iter().map(ErrorBody::new).collect();
    let json: Vec<String> = derived
        .iter()
        .map(|body| serde_json::to_string(body).expect("serializes"))
        .collect();

    // Every side must produce and accept the same bytes, or the timings
    // compare different work.
    for ((error, body), text) in errors.iter().zip(&bodies).zip(&json) {
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

    let mut group = c.benchmark_group("body");
    group.throughput(Throughput::Elements(errors.len() as u64));
    let mut out = Vec::with_capacity(256);
    let mut serialize = |name: &str, write: &dyn Fn(&mut Vec<u8>, usize)| {
        group.bench_function(format!("serialize/{name}"), |b| {
            b.iter(|| {
                for index in 0..errors.len() {
                    out.clear();
                    write(&mut out, black_box(index));
                    black_box(&out);
                }
            });
        });
    };
    serialize("generated", &|out, index| {
        serde_json::to_writer(out, &errors[index]).expect("serializes");
    });
    serialize("error_body", &|out, index| {
        serde_json::to_writer(out, &bodies[index]).expect("serializes");
    });
    serialize("derived", &|out, index| {
        serde_json::to_writer(out, &derived[index]).expect("serializes");
    });

    let mut deserialize = |name: &str, read: &dyn Fn(&str)| {
        group.bench_function(format!("deserialize/{name}"), |b| {
            b.iter(|| {
                for text in &json {
                    read(black_box(text));
                }
            });
        });
    };
    deserialize("generated", &|text| {
        black_box(serde_json::from_str::<ApiError>(text).expect("reads"));
    });
    deserialize("error_body", &|text| {
        black_box(serde_json::from_str::<ErrorBody>(text).expect("reads"));
    });
    deserialize("derived", &|text| {
        black_box(serde_json::from_str::<Derived>(text).expect("reads"));
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(800));
    targets = body
}
criterion_main!(benches);
