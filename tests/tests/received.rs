//! `error_codes::Received`: reading error bodies from a server whose
//! catalogue may be newer than the client's.

#![deny(warnings, missing_docs, clippy::pedantic)]

use error_codes::Received;

// The 1.0 seed, which carries no data (tests/tests/details.rs has the rest).
error_codes::include_errors!("fixtures/seed-1.0/errors.yaml");

fn read(json: &str) -> Result<Received<ApiError>, serde_json::Error> {
    serde_json::from_str(json)
}

#[test]
fn a_known_code_gives_the_catalogue_value() {
    for error in ApiError::ALL {
        let json = serde_json::to_string(error).unwrap();
        let received = read(&json).unwrap();
        assert_eq!(received.known(), Some(*error), "{json}");
        assert_eq!(
            (received.code(), received.message()),
            (error.code(), error.message())
        );
        // Written back, it is the body it was read from.
        assert_eq!(serde_json::to_string(&received).unwrap(), json);
    }
}

#[test]
fn an_unknown_code_is_kept_as_sent() {
    let json = r#"{"error":"quota_frozen","message":"Your quota is frozen until Monday."}"#;
    let received = read(json).unwrap();
    assert_eq!(received.known(), None);
    assert_eq!(received.code(), "quota_frozen");
    assert_eq!(received.message(), "Your quota is frozen until Monday.");
    assert_eq!(received.to_string(), "Your quota is frozen until Monday.");
    assert_eq!(serde_json::to_string(&received).unwrap(), json);
    // The strict enum still rejects it: only `Received` is lenient.
    let strict = serde_json::from_str::<ApiError>(json).unwrap_err();
    assert!(
        strict
            .to_string()
            .contains("unknown error code `quota_frozen`"),
        "{strict}"
    );
}

/// A group's `Received` knows only its own codes; another group's code is
/// kept like any unknown one.
#[test]
fn a_group_knows_only_its_codes() {
    let received: Received<Unauthorized> =
        serde_json::from_str(r#"{"error":"maintenance_mode","message":"Down."}"#).unwrap();
    assert_eq!(received.known(), None);
    assert_eq!(received.code(), "maintenance_mode");
    let received: Received<Unauthorized> =
        serde_json::from_str(r#"{"error":"token_expired","message":"Expired."}"#).unwrap();
    assert_eq!(received.known(), Some(Unauthorized::TokenExpired));
}

#[test]
fn a_localized_message_is_kept_as_sent() {
    let received =
        read(r#"{"error":"invalid_token","message":"Le jeton d’API fourni n’est pas valide. \u2014 \"ok\"\n"}"#)
            .unwrap();
    assert_eq!(
        received.known(),
        Some(ApiError::Unauthorized(Unauthorized::InvalidToken))
    );
    assert_eq!(
        received.message(),
        "Le jeton d’API fourni n’est pas valide. — \"ok\"\n"
    );
    assert_ne!(received.message(), Unauthorized::InvalidToken.message());
    // An empty message is still a message.
    assert_eq!(
        read(r#"{"error":"invalid_token","message":""}"#)
            .unwrap()
            .message(),
        ""
    );
}

#[test]
fn extra_fields_are_ignored_wherever_they_are() {
    let received = read(
        r#"{"request_id":"r-1","error":"rate_limit_exceeded","details":{"retry_after":[1,{"s":2}]},
            "message":"Slow down.","error_description":null,"messages":["x"]}"#,
    )
    .unwrap();
    assert_eq!(
        received.known(),
        Some(ApiError::TooManyRequests(
            TooManyRequests::RateLimitExceeded
        ))
    );
    assert_eq!(received.message(), "Slow down.");
    // The body's own fields are written back, `details` as sent (so a
    // proxy passes a newer server's details on); other fields are not.
    assert_eq!(
        serde_json::to_string(&received).unwrap(),
        r#"{"error":"rate_limit_exceeded","message":"Slow down.","details":{"retry_after":[1,{"s":2}]}}"#
    );
}

#[test]
fn malformed_bodies_are_clear_errors() {
    let cases = [
        // Not an object.
        (
            "[\"invalid_token\",\"m\"]",
            "invalid type: sequence, expected an error body",
        ),
        (
            "\"invalid_token\"",
            "invalid type: string \"invalid_token\", expected an error body",
        ),
        ("401", "invalid type: integer `401`, expected an error body"),
        ("null", "invalid type: null, expected an error body"),
        // A field missing.
        ("{}", "missing field `error`"),
        (r#"{"error":"invalid_token"}"#, "missing field `message`"),
        (r#"{"message":"m"}"#, "missing field `error`"),
        // A field that is no string.
        (
            r#"{"error":401,"message":"m"}"#,
            "invalid type: integer `401`, expected a string",
        ),
        (
            r#"{"error":null,"message":"m"}"#,
            "invalid type: null, expected a string",
        ),
        (
            r#"{"error":"invalid_token","message":["m"]}"#,
            "invalid type: sequence, expected a string",
        ),
        (
            r#"{"error":{"code":"x"},"message":"m"}"#,
            "invalid type: map, expected a string",
        ),
        // A field twice.
        (
            r#"{"error":"a","error":"b","message":"m"}"#,
            "duplicate field `error`",
        ),
        // Not JSON at all.
        (
            "<html>502 Bad Gateway</html>",
            "expected value at line 1 column 1",
        ),
        ("", "EOF while parsing a value"),
        (
            r#"{"error":"invalid_token","message":"m""#,
            "EOF while parsing an object",
        ),
    ];
    for (json, message) in cases {
        let error = read(json).unwrap_err().to_string();
        assert!(
            error.starts_with(message),
            "{json}: got {error:?}, want {message:?}"
        );
    }
}
