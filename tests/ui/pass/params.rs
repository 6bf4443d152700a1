//! A catalogue whose errors carry data compiles without a warning under
//! `deny(warnings, missing_docs, clippy::pedantic)`: struct variants, the
//! structs of `types:` (one holds itself through a list), a raw-identifier
//! field, rendered messages, `retry()`, serde with `details`, and the
//! derives each enum's fields allow.

#![deny(warnings, missing_docs, unreachable_pub)]
#![deny(clippy::pedantic)]

use std::time::Duration;

use error_codes::{ErrorCode, Retry};

::error_codes::include_errors!("ui/pass/params.yaml");

/// Holds only for types that are `Copy + Eq + Hash`.
fn copy_eq_hash<T: Copy + Eq + std::hash::Hash>(_: &T) {}

/// Holds only for types that are `Eq + Hash`.
fn eq_hash<T: Eq + std::hash::Hash>(_: &T) {}

fn main() {
    // A group of integers and booleans is `Copy`, `Eq` and `Hash`; one with
    // strings is `Eq` and `Hash`; the others are `Clone + PartialEq`.
    let wait = TooManyRequests::OtpWaitRequired { retry_after: 30 };
    copy_eq_hash(&wait);
    eq_hash(&UnprocessableEntity::PlainInvalid);
    eq_hash(&NotFound::UserNotFound);

    assert_eq!(
        wait.message(),
        "You must wait 30 seconds before requesting another OTP."
    );
    assert_eq!(wait.retry(), Retry::After(Duration::from_secs(30)));
    assert_eq!(ErrorCode::retry(&ApiError::from(wait)), wait.retry());
    assert_eq!(
        TooManyRequests::OtpWaitRequired { retry_after: -3 }.retry(),
        Retry::After(Duration::ZERO)
    );
    assert_eq!(BadGateway::SendMessageFailed.retry(), Retry::Backoff);
    assert_eq!(BadGateway::UpstreamSaidNo { code: 7 }.retry(), Retry::Never);
    assert_eq!(NotFound::UserNotFound.retry(), Retry::Never);

    let bad = UnprocessableEntity::BadType {
        r#type: "query".to_owned(),
        name: "x".to_owned(),
        expected: "a number".to_owned(),
    };
    assert_eq!(bad.to_string(), r#"The query {field} is "x", not a number."#);
    assert_eq!(bad.code(), "bad_type");
    assert_eq!(bad.status(), 422);

    let top = ApiError::from(bad.clone());
    assert_eq!(top.message(), bad.message());
    assert_eq!(ApiError::CODES.len(), 10);
    assert_eq!(
        UnprocessableEntity::CODES,
        ["validation_error", "bad_type", "plain_invalid"]
    );

    let json = serde_json::to_string(&top).unwrap();
    assert_eq!(
        json,
        r#"{"error":"bad_type","message":"The query {field} is \"x\", not a number.","details":{"type":"query","name":"x","expected":"a number"}}"#
    );
    assert_eq!(serde_json::from_str::<ApiError>(&json).unwrap(), top);

    let measure = InternalServerError::MeasureFailed {
        ratio: 0.5,
        measure: Some(Measure {
            ratio: 0.25,
            samples: vec![1.0, 2.5],
        }),
        scores: Vec::new(),
    };
    let json = serde_json::to_string(&measure).unwrap();
    assert_eq!(
        serde_json::from_str::<InternalServerError>(&json).unwrap(),
        measure
    );
}
