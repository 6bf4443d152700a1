//! Errors that carry data, at run time: rendered messages, `details` on the
//! wire byte for byte, strict reads, `Received`'s tolerance, `retry()` and
//! `CODES`, on the params catalogue `ui/pass/params.yaml`.

#![deny(warnings, missing_docs, clippy::pedantic)]

use std::time::Duration;

use error_codes::{ErrorCode, Received, Retry};

error_codes::include_errors!("ui/pass/params.yaml");

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap()
}

fn violation(field: &str, reason: &str) -> FieldViolation {
    FieldViolation {
        field: field.to_owned(),
        reason: reason.to_owned(),
        causes: None,
    }
}

#[test]
fn messages_are_rendered_from_the_fields() {
    let cases: [(ApiError, &str); 5] = [
        (
            TooManyRequests::OtpWaitRequired { retry_after: 30 }.into(),
            "You must wait 30 seconds before requesting another OTP.",
        ),
        (
            TooManyRequests::QuotaFlag { blocked: false }.into(),
            "Quota flag is false.",
        ),
        (
            UnprocessableEntity::BadType {
                r#type: "query".to_owned(),
                name: "{x}".to_owned(),
                expected: "a number".to_owned(),
            }
            .into(),
            // `{{field}}` is literal text; a value's braces stay as sent.
            r#"The query {field} is "{x}", not a number."#,
        ),
        (
            InternalServerError::MeasureFailed {
                ratio: 0.1,
                measure: None,
                scores: Vec::new(),
            }
            .into(),
            // As Rust's `Display` writes an `f64`.
            "Measured 0.1 of the threshold.",
        ),
        (
            BadGateway::UpstreamSaidNo { code: -7 }.into(),
            "Upstream refused with -7.",
        ),
    ];
    for (error, message) in cases {
        assert_eq!(error.message(), message);
        assert_eq!(ErrorCode::message(&error), message);
        assert_eq!(error.to_string(), message);
        assert_eq!(format!("{error:>5}"), message, "Display pads like str");
    }
    // Nothing to fill in: borrowed, not allocated.
    let plain = ApiError::from(UnprocessableEntity::PlainInvalid);
    assert!(matches!(
        plain.message(),
        std::borrow::Cow::Borrowed("Invalid input.")
    ));
    let unrendered = ApiError::from(TooManyRequests::RateLimitExceeded {
        retry_after: 1,
        limit: None,
    });
    assert!(matches!(
        unrendered.message(),
        std::borrow::Cow::Borrowed(_)
    ));
}

/// The body's message is written straight into the serializer (on the
/// stack, or piece by piece when long), `message()` renders a `String`:
/// both must give what `format!` gives, for every kind of value.
#[test]
fn the_message_sent_is_the_message_rendered() {
    let long = "\"quoted\", \\ and \u{e9}t\u{e9} ".repeat(12);
    let mut errors: Vec<ApiError> = Vec::new();
    for code in [0, 7, -7, 10, -10, 99_999, i64::MAX, i64::MIN, i64::MIN + 1] {
        errors.push(BadGateway::UpstreamSaidNo { code }.into());
        assert_eq!(
            ApiError::from(BadGateway::UpstreamSaidNo { code }).message(),
            format!("Upstream refused with {code}."),
        );
    }
    for ratio in [
        0.0,
        -0.0,
        1.5,
        -2.25,
        1e21,
        1e-7,
        f64::MAX,
        f64::MIN_POSITIVE,
    ] {
        errors.push(
            InternalServerError::MeasureFailed {
                ratio,
                measure: None,
                scores: Vec::new(),
            }
            .into(),
        );
    }
    for blocked in [true, false] {
        errors.push(TooManyRequests::QuotaFlag { blocked }.into());
    }
    // Short enough for the stack, and too long for it.
    for name in ["", "short", long.as_str()] {
        errors.push(
            UnprocessableEntity::BadType {
                r#type: "query".to_owned(),
                name: name.to_owned(),
                expected: "a number".to_owned(),
            }
            .into(),
        );
    }
    for error in &errors {
        let body: serde_json::Value = serde_json::from_str(&json(error)).unwrap();
        assert_eq!(body["message"], *error.message(), "{error:?}");
        assert_eq!(error.to_string(), error.message());
    }
}

#[test]
fn details_on_the_wire_byte_for_byte() {
    let cases: [(ApiError, &str); 6] = [
        (
            TooManyRequests::OtpWaitRequired { retry_after: 30 }.into(),
            r#"{"error":"otp_wait_required","message":"You must wait 30 seconds before requesting another OTP.","details":{"retry_after":30}}"#,
        ),
        // An absent optional param is left out, never `null`.
        (
            TooManyRequests::RateLimitExceeded {
                retry_after: 5,
                limit: None,
            }
            .into(),
            r#"{"error":"rate_limit_exceeded","message":"You have exceeded the global rate limit. Slow down.","details":{"retry_after":5}}"#,
        ),
        (
            TooManyRequests::RateLimitExceeded {
                retry_after: 5,
                limit: Some(60),
            }
            .into(),
            r#"{"error":"rate_limit_exceeded","message":"You have exceeded the global rate limit. Slow down.","details":{"retry_after":5,"limit":60}}"#,
        ),
        // A code without params sends no `details`, even in a group with params.
        (
            UnprocessableEntity::PlainInvalid.into(),
            r#"{"error":"plain_invalid","message":"Invalid input."}"#,
        ),
        (
            UnprocessableEntity::ValidationError {
                violations: vec![
                    violation("url", "must not be empty"),
                    FieldViolation {
                        causes: Some(vec![violation("scheme", "must be https")]),
                        ..violation("webhook", "is invalid")
                    },
                ],
            }
            .into(),
            r#"{"error":"validation_error","message":"One or more inputs failed validation.","details":{"violations":[{"field":"url","reason":"must not be empty"},{"field":"webhook","reason":"is invalid","causes":[{"field":"scheme","reason":"must be https"}]}]}}"#,
        ),
        (
            InternalServerError::MeasureFailed {
                ratio: 0.5,
                measure: Some(Measure {
                    ratio: 2.0,
                    samples: vec![1.0, -0.25],
                }),
                scores: vec![3.5],
            }
            .into(),
            r#"{"error":"measure_failed","message":"Measured 0.5 of the threshold.","details":{"ratio":0.5,"measure":{"ratio":2.0,"samples":[1.0,-0.25]},"scores":[3.5]}}"#,
        ),
    ];
    for (error, expected) in cases {
        assert_eq!(json(&error), expected);
        // The group writes what the top-level enum writes.
        let group = match &error {
            ApiError::TooManyRequests(group) => json(group),
            ApiError::UnprocessableEntity(group) => json(group),
            ApiError::InternalServerError(group) => json(group),
            other => panic!("{other:?}"),
        };
        assert_eq!(group, expected);
        // And reads back as the same value, through both.
        assert_eq!(serde_json::from_str::<ApiError>(expected).unwrap(), error);
        let received: Received<ApiError> = serde_json::from_str(expected).unwrap();
        assert_eq!(received.known(), Some(error.clone()));
        assert_eq!(json(&received), expected, "written back as it came");
    }
}

#[test]
fn a_number_that_is_not_finite_is_not_sent() {
    for ratio in [f64::NAN, f64::INFINITY] {
        let error = InternalServerError::MeasureFailed {
            ratio,
            measure: None,
            scores: Vec::new(),
        };
        let problem = serde_json::to_string(&error).unwrap_err().to_string();
        assert!(
            problem.contains("param `ratio` of `measure_failed` is")
                && problem.contains("a number sent must be finite"),
            "{problem}"
        );
    }
    // Inside a list, and inside a type of `types:`.
    let error = InternalServerError::MeasureFailed {
        ratio: 1.0,
        measure: None,
        scores: vec![1.0, f64::NEG_INFINITY],
    };
    let problem = serde_json::to_string(&error).unwrap_err().to_string();
    assert!(
        problem.contains("param `scores` of `measure_failed` is -inf"),
        "{problem}"
    );
    let error = InternalServerError::MeasureFailed {
        ratio: 1.0,
        measure: Some(Measure {
            ratio: 1.0,
            samples: vec![f64::NAN],
        }),
        scores: Vec::new(),
    };
    let problem = serde_json::to_string(&ApiError::from(error))
        .unwrap_err()
        .to_string();
    assert!(
        problem.contains("field `samples` of `Measure` is NaN"),
        "{problem}"
    );
}

/// The error of a strict read of `body`.
fn strict_error(body: &str) -> String {
    serde_json::from_str::<ApiError>(body).map_or_else(
        |error| error.to_string(),
        |value| format!("read as {value:?}"),
    )
}

#[test]
fn strict_reads_need_the_details_well_typed() {
    let wait = ApiError::from(TooManyRequests::OtpWaitRequired { retry_after: 30 });
    // In any order: `details` before `error` is held until the code is known.
    for body in [
        r#"{"details":{"retry_after":30},"error":"otp_wait_required","message":"m"}"#,
        r#"{"message":"m","details":{"retry_after":30},"error":"otp_wait_required"}"#,
        r#"{"error":"otp_wait_required","details":{"retry_after":30},"message":"m"}"#,
        // Members a newer server added are ignored.
        r#"{"error":"otp_wait_required","message":"m","details":{"retry_after":30,"new":[1]},"x":1}"#,
    ] {
        assert_eq!(
            serde_json::from_str::<ApiError>(body).unwrap(),
            wait,
            "{body}"
        );
        assert_eq!(
            serde_json::from_str::<TooManyRequests>(body).unwrap(),
            TooManyRequests::OtpWaitRequired { retry_after: 30 }
        );
    }
    // `null` for an optional param reads as absent.
    let limit =
        r#"{"error":"rate_limit_exceeded","message":"m","details":{"retry_after":1,"limit":null}}"#;
    assert_eq!(
        serde_json::from_str::<ApiError>(limit).unwrap(),
        TooManyRequests::RateLimitExceeded {
            retry_after: 1,
            limit: None
        }
        .into()
    );
    // A code without params ignores details.
    assert_eq!(
        serde_json::from_str::<ApiError>(
            r#"{"error":"plain_invalid","message":"m","details":{"a":1}}"#
        )
        .unwrap(),
        UnprocessableEntity::PlainInvalid.into()
    );

    let cases = [
        (
            r#"{"error":"otp_wait_required","message":"m"}"#,
            "missing field `details`",
        ),
        (
            r#"{"error":"otp_wait_required","message":"m","details":{}}"#,
            "missing field `retry_after`",
        ),
        (
            r#"{"error":"otp_wait_required","message":"m","details":{"retry_after":"30"}}"#,
            "invalid type: string \"30\", expected i64",
        ),
        (
            r#"{"details":{"retry_after":1.5},"error":"otp_wait_required","message":"m"}"#,
            "invalid type: floating point `1.5`, expected i64",
        ),
        (
            r#"{"error":"otp_wait_required","message":"m","details":[30]}"#,
            "expected the details of `otp_wait_required`",
        ),
        (
            r#"{"error":"validation_error","message":"m","details":{"violations":[{"field":"a"}]}}"#,
            "missing field `reason`",
        ),
        (
            r#"{"error":"otp_wait_required","message":"m","details":{"retry_after":1,"retry_after":2}}"#,
            "duplicate field `retry_after`",
        ),
        (
            r#"{"error":"otp_wait_required","message":"m","details":{"retry_after":1},"details":{}}"#,
            "duplicate field `details`",
        ),
        (
            r#"{"error":"nope","message":"m","details":{}}"#,
            "unknown error code `nope`",
        ),
        (
            r#"{"error":"otp_wait_required","details":{"retry_after":1}}"#,
            "missing field `message`",
        ),
    ];
    for (body, expected) in cases {
        let error = strict_error(body);
        assert!(error.contains(expected), "{body}: {error}");
    }
    // A group names its status for a code that is not its own.
    let error =
        serde_json::from_str::<TooManyRequests>(r#"{"error":"plain_invalid","message":"m"}"#)
            .unwrap_err()
            .to_string();
    assert!(
        error.contains("`plain_invalid` is not a 429 Too Many Requests error code"),
        "{error}"
    );
}

#[test]
fn received_never_fails_on_details() {
    for body in [
        r#"{"error":"otp_wait_required","message":"Attendez."}"#,
        r#"{"error":"otp_wait_required","message":"Attendez.","details":{"retry_after":"soon"}}"#,
        r#"{"details":null,"error":"otp_wait_required","message":"Attendez."}"#,
        r#"{"error":"otp_wait_required","message":"Attendez.","details":[1,2]}"#,
    ] {
        let received: Received<ApiError> = serde_json::from_str(body).unwrap();
        assert_eq!(received.known(), None, "{body}");
        assert_eq!(
            (received.code(), received.message()),
            ("otp_wait_required", "Attendez.")
        );
        // Written back as it came.
        let back: serde_json::Value = serde_json::from_str(&json(&received)).unwrap();
        assert_eq!(
            back,
            serde_json::from_str::<serde_json::Value>(body).unwrap()
        );
    }
    // A known code's details, in either order.
    let received: Received<TooManyRequests> = serde_json::from_str(
        r#"{"details":{"retry_after":9,"limit":3},"message":"Lent.","error":"rate_limit_exceeded"}"#,
    )
    .unwrap();
    assert_eq!(
        received.known(),
        Some(TooManyRequests::RateLimitExceeded {
            retry_after: 9,
            limit: Some(3)
        })
    );
    assert_eq!(received.message(), "Lent.");
    // An unknown code with details.
    let received: Received<ApiError> = serde_json::from_str(
        r#"{"error":"new_code","message":"New.","details":{"a":{"b":[true,1.5,-2]}}}"#,
    )
    .unwrap();
    assert_eq!((received.known(), received.code()), (None, "new_code"));
    assert_eq!(
        json(&received),
        r#"{"error":"new_code","message":"New.","details":{"a":{"b":[true,1.5,-2]}}}"#
    );
    // Still not an error body.
    assert!(
        serde_json::from_str::<Received<ApiError>>(r#"{"error":"otp_wait_required"}"#).is_err()
    );
}

/// A type written by hand that parses codes with `FromStr` still works with
/// `Received`, beside the generated enums with params (which do not).
#[test]
fn received_reads_into_types_that_parse_codes() {
    #[derive(Debug, Clone, PartialEq)]
    enum Mine {
        Busy,
    }
    impl std::str::FromStr for Mine {
        type Err = error_codes::UnknownCode;
        fn from_str(code: &str) -> Result<Self, Self::Err> {
            match code {
                "busy" => Ok(Self::Busy),
                _ => Err(error_codes::UnknownCode::new(code)),
            }
        }
    }
    let received: Received<Mine> =
        serde_json::from_str(r#"{"error":"busy","message":"Busy.","details":{"x":1}}"#).unwrap();
    assert_eq!(received.known(), Some(Mine::Busy));
    // Any `FromStr`, as before: `String` takes every code.
    let received: Received<String> =
        serde_json::from_str(r#"{"error":"any","message":"m"}"#).unwrap();
    assert_eq!(received.known().as_deref(), Some("any"));
}

#[test]
fn retry_follows_the_catalogue() {
    let cases: [(ApiError, Retry); 6] = [
        (
            TooManyRequests::OtpWaitRequired { retry_after: 30 }.into(),
            Retry::After(Duration::from_secs(30)),
        ),
        (
            TooManyRequests::RateLimitExceeded {
                retry_after: 0,
                limit: None,
            }
            .into(),
            Retry::After(Duration::ZERO),
        ),
        // A negative wait waits for nothing.
        (
            TooManyRequests::OtpWaitRequired {
                retry_after: i64::MIN,
            }
            .into(),
            Retry::After(Duration::ZERO),
        ),
        // The status's `retry: backoff`, and a code that overrides it.
        (BadGateway::SendMessageFailed.into(), Retry::Backoff),
        (BadGateway::UpstreamSaidNo { code: 1 }.into(), Retry::Never),
        (NotFound::UserNotFound.into(), Retry::Never),
    ];
    for (error, retry) in cases {
        assert_eq!(error.retry(), retry, "{error:?}");
        assert_eq!(ErrorCode::retry(&error), retry, "{error:?}");
    }
    assert_eq!(
        TooManyRequests::OtpWaitRequired {
            retry_after: i64::MAX
        }
        .retry(),
        Retry::After(Duration::from_secs(i64::MAX.unsigned_abs()))
    );
    assert_eq!(Retry::default(), Retry::Never);
}

#[test]
fn codes_are_listed_in_file_order() {
    let catalog = error_codes_gen::Catalog::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/pass/params.yaml"),
    )
    .unwrap();
    let all: Vec<&str> = catalog
        .codes()
        .map(|(_, code)| code.code.as_str())
        .collect();
    assert_eq!(ApiError::CODES, all);
    assert_eq!(
        TooManyRequests::CODES,
        ["otp_wait_required", "rate_limit_exceeded", "quota_flag"]
    );
    assert_eq!(NotFound::CODES, ["user_not_found"]);
    // A group without params keeps `ALL` and `from_code`.
    assert_eq!(NotFound::ALL, [NotFound::UserNotFound]);
    assert_eq!(
        NotFound::from_code("user_not_found"),
        Some(NotFound::UserNotFound)
    );
}
