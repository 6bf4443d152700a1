//! The body's serde impls are written by hand (the runtime crate has no
//! `serde_derive`); they must behave exactly as derived ones would. Each
//! input is read by `ErrorBody`, by a generated enum and by a derived twin of
//! the body, and the outcomes (value or error message) must agree.

use error_codes::ErrorBody;

// The 1.0 seed, which carries no data (tests/tests/details.rs has the rest).
error_codes::include_errors!("fixtures/seed-1.0/errors.yaml");

/// What `#[derive]` makes of the body: the reference.
mod derived {
    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    pub(crate) struct ErrorBody {
        pub(crate) error: String,
        pub(crate) message: String,
    }
}
use derived::ErrorBody as Derived;

/// Bodies well-formed and not, in JSON.
const INPUTS: &[&str] = &[
    r#"{"error":"invalid_token","message":"The API Token provided is invalid."}"#,
    r#"{"message":"Localisé.","error":"invalid_token"}"#,
    r#"{"error":"invalid_token","extra":[1,{"a":null}],"message":"m"}"#,
    r#"{"error":"inv\u0061lid_token","message":"escaped \"text\" \n"}"#,
    r#"["invalid_token","as a sequence"]"#,
    r#"{"error":"invalid_token"}"#,
    r#"{"message":"m"}"#,
    r#"{"error":"invalid_token","error":"invalid_token","message":"m"}"#,
    r#"{"error":"invalid_token","message":"m","message":"m"}"#,
    r#"{"error":7,"message":"m"}"#,
    r#"{"error":"invalid_token","message":null}"#,
    r#"{"error":"invalid_token","message":["m"]}"#,
    r#"["invalid_token"]"#,
    "[]",
    r#""invalid_token""#,
    "null",
    r#"{"error":"invalid_token","message":"m""#,
    "{}",
];

#[test]
fn error_body_reads_as_a_derived_struct_would() {
    for input in INPUTS {
        let derived = serde_json::from_str::<Derived>(input)
            .map(|body| (body.error, body.message))
            .map_err(|error| error.to_string());
        let hand = serde_json::from_str::<ErrorBody>(input)
            .map(|body| (body.error, body.message))
            .map_err(|error| error.to_string());
        assert_eq!(hand, derived, "{input}");
    }
}

#[test]
fn generated_enums_read_bodies_as_a_derived_struct_would() {
    for input in INPUTS {
        let derived = serde_json::from_str::<Derived>(input).map_err(|error| error.to_string());
        let generated = serde_json::from_str::<ApiError>(input).map_err(|error| error.to_string());
        match (derived, generated) {
            (Ok(body), Ok(error)) => assert_eq!(body.error, error.code(), "{input}"),
            (Err(derived), Err(generated)) => assert_eq!(generated, derived, "{input}"),
            (derived, generated) => panic!("{input}: derived {derived:?}, generated {generated:?}"),
        }
    }
}

#[test]
fn an_unknown_code_is_reported_after_the_body_is_read() {
    // A well-formed body with an unknown code names the code...
    let error = serde_json::from_str::<ApiError>(r#"{"error":"nope","message":"m"}"#).unwrap_err();
    assert_eq!(error.to_string(), "unknown error code `nope`");
    // ... but a malformed one is reported as malformed, as before.
    let error = serde_json::from_str::<ApiError>(r#"{"error":"nope"}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "missing field `message` at line 1 column 16"
    );
}

#[test]
fn bodies_serialize_as_a_derived_struct_would() {
    for &error in ApiError::ALL {
        let derived = Derived {
            error: error.code().to_owned(),
            message: error.message().to_owned(),
        };
        let expected = serde_json::to_string(&derived).unwrap();
        assert_eq!(serde_json::to_string(&error).unwrap(), expected);
        assert_eq!(
            serde_json::to_string(&ErrorBody::new(&error)).unwrap(),
            expected
        );
    }
}

#[test]
fn bodies_sent_as_bytes_read_as_strings() {
    use serde::de::value::{Error, MapDeserializer};
    use serde::de::{Deserialize, IntoDeserializer as _};

    let body = |code: &'static [u8]| {
        MapDeserializer::<_, Error>::new(
            [("error", code), ("message", b"m")]
                .into_iter()
                .map(|(key, value)| (key, value.into_deserializer())),
        )
    };
    let read = ErrorBody::deserialize(body(b"invalid_token")).unwrap();
    assert_eq!(
        (read.error.as_str(), read.message.as_str()),
        ("invalid_token", "m")
    );
    assert_eq!(
        ApiError::deserialize(body(b"invalid_token")).unwrap(),
        ApiError::from(Unauthorized::InvalidToken)
    );
    assert!(ErrorBody::deserialize(body(b"\xFF")).is_err());
    assert!(ApiError::deserialize(body(b"\xFF")).is_err());
}
