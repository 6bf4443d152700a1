//! Bodies in declared layouts (`body:`), byte for byte both ways: a nested
//! body with integer codes (`fixtures/bodies-rust/nested.yaml`, as Meta's
//! Graph API sends them), a flat one with an integer code, the status and
//! a docs URL (`flat.yaml`, as Twilio's), string codes nested under `error`
//! (`openai.yaml`) and RFC 9457 problem details with spread params
//! (`problem.yaml`). Strict reads refuse what is not the layout;
//! `Received` reads any body of the layout and writes it back as it came.

use error_codes::{ErrorCode, Received};

mod nested {
    error_codes::include_errors!("fixtures/bodies-rust/nested.yaml");
}
mod flat {
    error_codes::include_errors!("fixtures/bodies-rust/flat.yaml");
}
mod openai {
    error_codes::include_errors!("fixtures/bodies-rust/openai.yaml");
}
mod problem {
    error_codes::include_errors!("fixtures/bodies-rust/problem.yaml");
}

use nested::{BadRequest, GraphError};

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("serializes")
}

fn read<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|error| error.to_string())
}

fn engagement() -> GraphError {
    BadRequest::ReEngagementMessage {
        messaging_product: "whatsapp".to_owned(),
        details: Some("Reply within 24 hours.".to_owned()),
    }
    .into()
}

/// Every body of a catalogue, written by the generated enum, read back
/// into it and through `Received`, which writes the same bytes back.
fn round_trip<E>(values: &[E], bodies: &[&str])
where
    E: serde::Serialize
        + serde::de::DeserializeOwned
        + error_codes::__private::Decode
        + PartialEq
        + Clone
        + std::fmt::Debug,
{
    assert_eq!(values.len(), bodies.len());
    for (value, body) in values.iter().zip(bodies) {
        assert_eq!(json(value), *body);
        assert_eq!(read::<E>(body).as_ref(), Ok(value), "{body}");
        let received: Received<E> = read(body).expect("Received reads the layout");
        assert_eq!(received.known().as_ref(), Some(value), "{body}");
        assert_eq!(json(&received), *body);
    }
}

#[test]
fn nested_integer_codes_on_the_wire() {
    round_trip(
        &[
            engagement(),
            BadRequest::ReEngagementMessage {
                messaging_product: "whatsapp".to_owned(),
                details: None,
            }
            .into(),
            BadRequest::UnsupportedMessageType.into(),
            nested::Unauthorized::AccessTokenExpired.into(),
            nested::Unauthorized::AuthException.into(),
        ],
        &[
            r#"{"error":{"message":"More than 24 hours have passed since the recipient last replied.","code":131047,"error_data":{"messaging_product":"whatsapp","details":"Reply within 24 hours."}}}"#,
            r#"{"error":{"message":"More than 24 hours have passed since the recipient last replied.","code":131047,"error_data":{"messaging_product":"whatsapp"}}}"#,
            r#"{"error":{"message":"Message type is not currently supported.","code":131051}}"#,
            r#"{"error":{"message":"Error validating access token.","code":190}}"#,
            r#"{"error":{"message":"We were unable to authenticate the app user.","code":0}}"#,
        ],
    );
    // The groups write the same bodies as the top-level enum.
    assert_eq!(
        json(&BadRequest::UnsupportedMessageType),
        json(&GraphError::from(BadRequest::UnsupportedMessageType))
    );
    assert_eq!(
        read::<nested::Unauthorized>(r#"{"error":{"code":190,"message":"m"}}"#),
        Ok(nested::Unauthorized::AccessTokenExpired)
    );
    // In Rust the code stays its text; the variant is its `name:`.
    assert_eq!(nested::Unauthorized::AccessTokenExpired.code(), "190");
    assert_eq!(GraphError::CODES, ["131047", "131051", "190", "0"]);
}

#[test]
fn flat_integer_codes_with_status_and_docs_on_the_wire() {
    round_trip::<flat::ApiError>(
        &[
            flat::Unauthorized::AuthenticationFailed.into(),
            flat::NotFound::NotFound.into(),
        ],
        &[
            r#"{"code":20003,"message":"Authentication Error - invalid username","more_info":"https://www.example.com/docs/errors/20003","status":401}"#,
            r#"{"code":20404,"message":"The requested resource was not found","more_info":"https://www.example.com/docs/errors/20404","status":404}"#,
        ],
    );
    assert_eq!(flat::ApiError::ALL.len(), 2);
    assert_eq!(
        flat::ApiError::from_code("20404"),
        Some(flat::NotFound::NotFound.into())
    );
}

#[test]
fn nested_string_codes_on_the_wire() {
    round_trip::<openai::ApiError>(
        &[
            openai::Unauthorized::InvalidApiKey.into(),
            openai::TooManyRequests::RateLimitExceeded { retry_after: 20 }.into(),
            openai::TooManyRequests::InsufficientQuota.into(),
        ],
        &[
            r#"{"error":{"code":"invalid_api_key","message":"Incorrect API key provided."}}"#,
            r#"{"error":{"code":"rate_limit_exceeded","message":"Rate limit reached; please try again in 20 seconds.","details":{"retry_after":20}}}"#,
            r#"{"error":{"code":"insufficient_quota","message":"You exceeded your current quota, please check your plan and billing details."}}"#,
        ],
    );
}

#[test]
fn problem_details_spread_the_params_on_the_wire() {
    round_trip::<problem::ApiError>(
        &[
            problem::PaymentRequired::LowBalance.into(),
            problem::UnprocessableEntity::PayloadValidation {
                invalid_parameters: vec![problem::InvalidParameter {
                    name: "to".to_owned(),
                    reason: "Invalid phone number".to_owned(),
                }],
            }
            .into(),
            problem::TooManyRequests::RateLimit {
                retry_after: 3,
                limit: Some(60),
            }
            .into(),
            problem::TooManyRequests::RateLimit {
                retry_after: 3,
                limit: None,
            }
            .into(),
        ],
        &[
            r#"{"type":"https://developer.example.com/api-errors#low-balance","title":"You do not have enough credit","status":402,"detail":"This request could not be performed due to your account balance being low.","code":"low-balance"}"#,
            r#"{"type":"https://developer.example.com/api-errors#payload/validation","title":"Unprocessable Entity","status":422,"detail":"Invalid request. See invalid_parameters for details.","code":"payload/validation","invalid_parameters":[{"name":"to","reason":"Invalid phone number"}]}"#,
            r#"{"type":"https://developer.example.com/api-errors#rate-limit","title":"Too Many Requests","status":429,"detail":"The request was rate limited; retry in 3 seconds.","code":"rate-limit","retry_after":3,"limit":60}"#,
            r#"{"type":"https://developer.example.com/api-errors#rate-limit","title":"Too Many Requests","status":429,"detail":"The request was rate limited; retry in 3 seconds.","code":"rate-limit","retry_after":3}"#,
        ],
    );
}

#[test]
fn docs_give_each_code_its_url() {
    assert_eq!(
        BadRequest::UnsupportedMessageType.docs(),
        Some("https://developers.example.com/errors#131051")
    );
    // A code's own `docs:` wins over the catalogue's template.
    assert_eq!(
        GraphError::from(nested::Unauthorized::AccessTokenExpired).docs(),
        Some("https://developers.example.com/docs/graph-api/error-handling")
    );
    assert_eq!(
        ErrorCode::docs(&engagement()),
        Some("https://developers.example.com/errors#131047")
    );
    // A catalogue without `docs:` has none.
    assert_eq!(openai::Unauthorized::InvalidApiKey.docs(), None);
    assert_eq!(
        ErrorCode::docs(&openai::ApiError::from(
            openai::TooManyRequests::InsufficientQuota
        )),
        None
    );
}

#[test]
fn strict_reads_take_members_in_any_order_and_ignore_others() {
    let cases = [
        // The code before the message, other members around.
        r#"{"error":{"type":"OAuthException","code":131047,"error_subcode":2494010,"error_data":{"details":"Reply within 24 hours.","messaging_product":"whatsapp"},"message":"Localisé.","fbtrace_id":"Az8"}}"#,
        // The details before the code: held, then decoded.
        r#"{"trace":[1,2],"error":{"error_data":{"messaging_product":"whatsapp","details":"Reply within 24 hours.","extra":true},"message":"m","code":131047}}"#,
    ];
    for body in cases {
        assert_eq!(read::<GraphError>(body), Ok(engagement()), "{body}");
    }
    // Problem details: params before the code are held too; extension
    // members that are no param are ignored.
    let body = r#"{"limit":60,"instance":"/calls/1","retry_after":3,"code":"rate-limit","detail":"d","status":429,"title":"t","type":"about:blank"}"#;
    assert_eq!(
        read::<problem::ApiError>(body),
        Ok(problem::TooManyRequests::RateLimit {
            retry_after: 3,
            limit: Some(60)
        }
        .into())
    );
    // Params after the code are read as they come, members of the layout
    // among them too.
    let body = r#"{"code":"rate-limit","retry_after":3,"detail":"d","instance":"/calls/1","limit":60,"status":429}"#;
    assert_eq!(
        read::<problem::ApiError>(body),
        Ok(problem::TooManyRequests::RateLimit {
            retry_after: 3,
            limit: Some(60)
        }
        .into())
    );
    // Only the code and the message are required; the status, the docs
    // URL and the title may be left out.
    assert_eq!(
        read::<problem::ApiError>(r#"{"detail":"d","code":"low-balance"}"#),
        Ok(problem::PaymentRequired::LowBalance.into())
    );
    assert_eq!(
        read::<flat::ApiError>(r#"{"message":"m","code":20003}"#),
        Ok(flat::Unauthorized::AuthenticationFailed.into())
    );
}

#[test]
fn strict_reads_refuse_what_is_not_the_layout() {
    let nested = [
        // A string code where the layout sends integers.
        (
            r#"{"error":{"message":"m","code":"131051"}}"#,
            "invalid type: string \"131051\", expected an integer code",
        ),
        (
            r#"{"error":{"message":"m","code":131051.0}}"#,
            "invalid type: floating point `131051.0`, expected an integer code",
        ),
        // A code the catalogue does not have.
        (
            r#"{"error":{"message":"m","code":131052}}"#,
            "unknown error code `131052`",
        ),
        (
            r#"{"error":{"message":"m","code":-1}}"#,
            "unknown error code `-1`",
        ),
        // The details of a code with params missing, or of the wrong shape.
        (
            r#"{"error":{"message":"m","code":131047}}"#,
            "missing field `error_data`",
        ),
        (
            r#"{"error":{"message":"m","code":131047,"error_data":{}}}"#,
            "missing field `messaging_product`",
        ),
        (
            r#"{"error":{"error_data":{"messaging_product":7},"message":"m","code":131047}}"#,
            "invalid type: integer `7`, expected a string",
        ),
        // The default body, or the members outside their object.
        (
            r#"{"error":"131051","message":"m"}"#,
            "invalid type: string \"131051\", expected an object `error`",
        ),
        (r#"{"message":"m","code":131051}"#, "missing field `error`"),
        (r#"{"error":{"code":131051}}"#, "missing field `message`"),
        (r#"{"error":{"message":"m"}}"#, "missing field `code`"),
        (
            r#"{"error":{"message":"m","code":131051,"code":131051}}"#,
            "duplicate field `code`",
        ),
        (
            r#"{"error":{"message":"m","code":131051},"error":{}}"#,
            "duplicate field `error`",
        ),
        (
            r#"[{"message":"m","code":131051}]"#,
            "invalid type: sequence, expected an error body",
        ),
    ];
    refused::<GraphError>(&nested);
    // A group's reads say which status they expected.
    let error = read::<nested::Unauthorized>(r#"{"error":{"message":"m","code":131051}}"#)
        .expect_err("another status's code");
    assert!(
        error.starts_with("`131051` is not a 401 Unauthorized error code"),
        "{error}"
    );
}

/// Each body fails to read as `E` with an error that starts with its message.
fn refused<E: serde::de::DeserializeOwned + std::fmt::Debug>(cases: &[(&str, &str)]) {
    for (body, message) in cases {
        let error = read::<E>(body).expect_err(body);
        assert!(error.starts_with(message), "{body}: {error}");
    }
}

#[test]
fn strict_reads_refuse_parts_of_the_wrong_type_and_missing_params() {
    let flat = [
        (
            r#"{"code":20003,"message":"m","status":"401"}"#,
            "invalid type: string \"401\", expected u16",
        ),
        (
            r#"{"code":20003,"message":"m","more_info":7}"#,
            "invalid type: integer `7`, expected a string",
        ),
    ];
    refused::<flat::ApiError>(&flat);
    let problem = [
        // The spread params of a code with params, checked as its details.
        (
            r#"{"detail":"d","code":"rate-limit"}"#,
            "missing field `retry_after`",
        ),
        (
            r#"{"detail":"d","code":"rate-limit","retry_after":"3"}"#,
            "invalid type: string \"3\", expected i64",
        ),
        (
            r#"{"code":"rate-limit","retry_after":3,"title":"t"}"#,
            "missing field `detail`",
        ),
        (
            r#"{"code":"rate-limit","detail":"d","retry_after":3,"code":"rate-limit"}"#,
            "duplicate field `code`",
        ),
        (
            r#"{"code":"rate-limit","detail":"d","limit":"60","retry_after":3}"#,
            "invalid type: string \"60\", expected i64",
        ),
        (
            r#"{"code":"rate-limit","detail":"d","limit":60}"#,
            "missing field `retry_after`",
        ),
        (
            r#"{"detail":"d","code":"nope"}"#,
            "unknown error code `nope`",
        ),
        (
            r#"{"detail":"d","code":131051}"#,
            "invalid type: integer `131051`, expected a string",
        ),
    ];
    refused::<problem::ApiError>(&problem);
}

#[test]
fn received_keeps_a_new_code_and_writes_it_back() {
    // A code the client does not know, with its details, status and docs.
    let body = r#"{"code":21211,"message":"Invalid 'To' Phone Number","more_info":"https://www.example.com/docs/errors/21211","status":400}"#;
    let received: Received<flat::ApiError> = read(body).expect("reads");
    assert_eq!(received.known(), None);
    assert_eq!(received.code(), "21211");
    assert_eq!(received.message(), "Invalid 'To' Phone Number");
    assert_eq!(received.status(), Some(400));
    assert_eq!(
        received.docs(),
        Some("https://www.example.com/docs/errors/21211")
    );
    assert_eq!(received.title(), None);
    assert_eq!(json(&received), body);

    // Left out: written back without.
    let body = r#"{"code":21211,"message":"m"}"#;
    let received: Received<flat::ApiError> = read(body).expect("reads");
    assert_eq!((received.status(), received.docs()), (None, None));
    assert_eq!(json(&received), body);

    // Nested, with details the client cannot know.
    let body = r#"{"error":{"message":"New.","code":131060,"error_data":{"messaging_product":"whatsapp","new":[1,2]}}}"#;
    let received: Received<GraphError> = read(body).expect("reads");
    assert_eq!((received.known(), received.code()), (None, "131060"));
    assert_eq!(json(&received), body);

    // Problem details: every extension member is kept as a param.
    let body = r#"{"type":"https://developer.example.com/api-errors#new","title":"New","status":409,"detail":"A newer code.","code":"new","instance":"/calls/1","balance":1.5}"#;
    let received: Received<problem::ApiError> = read(body).expect("reads");
    assert_eq!((received.known(), received.code()), (None, "new"));
    assert_eq!(received.title(), Some("New"));
    assert_eq!(json(&received), body);
}

#[test]
fn received_is_tolerant_of_details_and_strict_about_the_layout() {
    // A known code whose details are missing or of another shape: not
    // known, but read.
    for body in [
        r#"{"error":{"message":"m","code":131047}}"#,
        r#"{"error":{"message":"m","code":131047,"error_data":{"messaging_product":7}}}"#,
        r#"{"error":{"message":"m","code":131047,"error_data":"x"}}"#,
    ] {
        let received: Received<GraphError> = read(body).expect(body);
        assert_eq!((received.known(), received.code()), (None, "131047"));
        assert_eq!(json(&received), body);
    }
    // Spread params of the wrong type: not known either.
    let body = r#"{"detail":"d","code":"rate-limit","retry_after":"soon"}"#;
    let received: Received<problem::ApiError> = read(body).expect(body);
    assert_eq!(received.known(), None);
    assert_eq!(json(&received), body);
    // Spread params all optional or present: known.
    let body = r#"{"detail":"d","code":"rate-limit","retry_after":1}"#;
    let received: Received<problem::ApiError> = read(body).expect(body);
    assert_eq!(
        received.known(),
        Some(
            problem::TooManyRequests::RateLimit {
                retry_after: 1,
                limit: None
            }
            .into()
        )
    );

    // What is not a body of the layout is an error that says so.
    let cases = [
        (
            r#"{"error":{"message":"m","code":"131047"}}"#,
            "invalid type: string \"131047\", expected an integer code",
        ),
        (
            r#"{"error":"131047","message":"m"}"#,
            "invalid type: string",
        ),
        (r#"{"error":{"code":131047}}"#, "missing field `message`"),
        ("{}", "missing field `error`"),
        (
            r#"{"error":{"message":"m","code":1,"message":"n"}}"#,
            "duplicate field `message`",
        ),
    ];
    for (body, message) in cases {
        let error = read::<Received<GraphError>>(body).expect_err(body);
        assert!(error.starts_with(message), "{body}: {error}");
    }
}

/// A type whose `FromStr` parses codes keeps the default body in
/// `Received`, as before layouts existed.
#[test]
fn hand_written_types_keep_the_default_body() {
    #[derive(Debug, Clone, PartialEq)]
    struct Code(String);
    impl std::str::FromStr for Code {
        type Err = ();
        fn from_str(code: &str) -> Result<Self, ()> {
            Ok(Self(code.to_owned()))
        }
    }
    let body = r#"{"error":"x","message":"m"}"#;
    let received: Received<Code> = read(body).expect("reads");
    assert_eq!(received.known(), Some(Code("x".to_owned())));
    assert_eq!(received.status(), None);
    assert_eq!(json(&received), body);
}
