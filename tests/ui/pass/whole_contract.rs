//! The whole `include_errors!` contract, used from a crate that denies every
//! warning, missing docs and clippy's pedantic lints, and that shadows the
//! names generated code could lean on by accident.

#![deny(warnings, missing_docs, unreachable_pub)]
#![deny(clippy::pedantic)]

// Shadows. Generated code must not resolve any of these: it names everything
// by absolute path and reaches serde through `error_codes`.
#[allow(dead_code, unreachable_pub)]
mod shadows {
    pub type Result<T> = ::core::result::Result<T, ()>;
    pub struct Option;
    pub struct Some;
    pub struct None;
    pub struct Ok;
    pub struct Err;
    pub struct String;
    pub struct Vec;
    pub struct Box;
    pub trait Default {}
    pub trait Display {}
    pub trait FromStr {}
    pub trait From {}
    pub trait Error {}
    pub mod serde {}
    pub mod core {}
    pub mod std {}
    pub mod error_codes {}

    /// Methods with the names generated code calls, on every type.
    pub trait Hijack {
        fn code(&self) -> u8 {
            0
        }
        fn message(&self) -> u8 {
            0
        }
        fn status(&self) -> u8 {
            0
        }
        fn pad(&mut self, _: &str) -> u8 {
            0
        }
        fn ok_or_else<F>(self, _: F) -> u8
        where
            Self: Sized,
        {
            0
        }
        fn cmp(&self, _: &str) -> u8 {
            0
        }
    }
    impl<T: ?Sized> Hijack for T {}
}
// A glob on purpose: every shadow must be in scope where the macro expands.
#[allow(unused_imports, clippy::wildcard_imports)]
use shadows::*;

// The 1.0 seed: a catalogue without data, whose whole contract is unchanged.
::error_codes::include_errors!("fixtures/seed-1.0/errors.yaml");

fn main() {
    // Per group and across groups: const accessors.
    const TOKEN: Unauthorized = Unauthorized::InvalidToken;
    const CODE: &str = TOKEN.code();
    const MESSAGE: &str = TOKEN.message();
    const STATUS: u16 = TOKEN.status();
    const TOP: ApiError = ApiError::UnprocessableEntity(UnprocessableEntity::InvalidJson);
    const TOP_STATUS: u16 = TOP.status();
    assert_eq!(
        (CODE, MESSAGE, STATUS),
        ("invalid_token", "The API Token provided is invalid.", 401)
    );
    assert_eq!(TOP_STATUS, 422);
    assert_eq!(TOP.code(), "invalid_json");

    // ALL, from_code, From, FromStr, Display, Error.
    assert_eq!(ApiError::ALL.len(), 32);
    assert_eq!(Unauthorized::ALL.len(), 8);
    assert_eq!(
        ApiError::ALL[0],
        ApiError::from(Unauthorized::MissingAuthHeaders)
    );
    for &error in ApiError::ALL {
        assert_eq!(
            ApiError::from_code(error.code()),
            ::core::option::Option::Some(error)
        );
        assert_eq!(
            error.code().parse::<ApiError>(),
            ::core::result::Result::Ok(error)
        );
        assert_eq!(error.to_string(), error.message());
        let as_trait: &dyn ::error_codes::ErrorCode = &error;
        assert_eq!(as_trait.status(), error.status());
        let as_error: &dyn ::std::error::Error = &error;
        assert_eq!(as_error.to_string(), error.message());
    }
    assert_eq!(
        ServiceUnavailable::from_code("invalid_token"),
        ::core::option::Option::None
    );
    assert_eq!(
        "nope".parse::<BadGateway>().unwrap_err().to_string(),
        "`nope` is not a 502 Bad Gateway error code"
    );
    assert_eq!(
        "nope".parse::<ApiError>().unwrap_err().to_string(),
        "unknown error code `nope`"
    );

    // The wire body, without this crate depending on serde itself.
    let body = ::error_codes::ErrorBody::new(&TooManyRequests::OtpWaitRequired);
    assert_eq!(body.error, "otp_wait_required");
    let json = ::serde_json::to_string(&TOP).unwrap();
    assert_eq!(
        json,
        r#"{"error":"invalid_json","message":"The request body or specific field contains invalid JSON."}"#
    );
    assert_eq!(::serde_json::from_str::<ApiError>(&json).unwrap(), TOP);
    assert_eq!(
        ::serde_json::from_str::<UnprocessableEntity>(&json).unwrap(),
        UnprocessableEntity::InvalidJson
    );

    // Every derive.
    let copy = TOKEN;
    let clone = ::core::clone::Clone::clone(&copy);
    let mut seen = ::std::collections::HashSet::new();
    seen.insert(clone);
    assert!(seen.contains(&TOKEN));
    assert_eq!(format!("{TOKEN:?}"), "InvalidToken");
}
