//! The generated enums at run time, walked code by code against the
//! catalogue the macro read.

use std::collections::HashSet;

use error_codes::{ErrorBody, ErrorCode, UnknownCode};
use error_codes_gen::Catalog;
use error_codes_tests::hostile_catalog;

// The 1.0 seed, which carries no data: every value can be listed and
// checked through every method (tests/tests/details.rs has the rest).
error_codes::include_errors!("fixtures/seed-1.0/errors.yaml");

/// The catalogue the enums above come from.
fn seed_catalog() -> Catalog {
    Catalog::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seed-1.0/errors.yaml"),
    )
    .unwrap_or_else(|error| panic!("{error}"))
}

/// The hostile fixture, whose messages must survive the trip into string
/// literals byte for byte.
mod hostile {
    error_codes::include_errors!("fixtures/hostile.yaml");
}

/// Every check that holds for one value of any generated enum.
fn check<E>(value: E, code: &str, message: &str, status: u16)
where
    E: ErrorCode
        + std::fmt::Display
        + std::fmt::Debug
        + std::str::FromStr<Err = UnknownCode>
        + std::error::Error
        + serde::Serialize
        + serde::de::DeserializeOwned
        + PartialEq
        + Copy,
{
    assert_eq!(ErrorCode::code(&value), code);
    assert_eq!(ErrorCode::message(&value), message);
    assert_eq!(ErrorCode::status(&value), status);
    assert_eq!(value.status_code().as_u16(), status, "the `http` feature");
    assert_eq!(value.to_string(), message);
    assert_eq!(code.parse::<E>(), Ok(value));

    let json = serde_json::to_value(value).expect("serializes");
    assert_eq!(
        json,
        serde_json::json!({ "error": code, "message": message }),
        "{value:?} serializes as the wire body"
    );
    assert_eq!(
        serde_json::from_value::<E>(json).expect("deserializes"),
        value
    );
    // Servers may localize the message: only the code identifies the error.
    let localized = serde_json::json!({ "error": code, "message": "Localisé." });
    assert_eq!(
        serde_json::from_value::<E>(localized).expect("any message"),
        value
    );
    let body: ErrorBody =
        serde_json::from_value(serde_json::to_value(value).expect("serializes")).expect("body");
    assert_eq!(body, ErrorBody::new(&value));
    assert_eq!(
        (body.error.as_str(), body.message.as_str()),
        (code, message)
    );
}

/// `(code, message, status)` of every code in the catalogue, in file order;
/// the message as sent (`{{` as `{`).
fn catalogued(catalog: &Catalog) -> Vec<(&str, String, u16)> {
    catalog
        .codes()
        .map(|(status, code)| {
            (
                code.code.as_str(),
                code.plain_message().into_owned(),
                status.status,
            )
        })
        .collect()
}

/// `(code, message, status)` of every value in a generated `ALL`.
fn generated<E: ErrorCode>(all: &[E]) -> Vec<(&'static str, String, u16)> {
    all.iter()
        .map(|error| (error.code(), error.message().into_owned(), error.status()))
        .collect()
}

#[test]
fn every_seed_code_through_every_method() {
    let catalog = seed_catalog();
    let expected = catalogued(&catalog);
    assert_eq!(expected.len(), 32, "the seed page documents 32 codes");

    // `ALL` holds every code once, in file order.
    assert_eq!(generated(ApiError::ALL), expected);

    for (&error, (code, message, status)) in ApiError::ALL.iter().zip(&expected) {
        let (code, message, status) = (*code, message.as_str(), *status);
        // Const methods.
        assert_eq!(
            (error.code(), error.message(), error.status()),
            (code, message, status)
        );
        assert_eq!(ApiError::from_code(code), Some(error));
        check(error, code, message, status);
    }

    let distinct: HashSet<ApiError> = ApiError::ALL.iter().copied().collect();
    assert_eq!(distinct.len(), ApiError::ALL.len());
}

/// Each group enum holds exactly its status's codes, in file order, and
/// converts into the matching `ApiError`.
#[test]
fn every_group_matches_its_status() {
    let catalog = seed_catalog();
    let status = |name: &str| {
        catalog
            .statuses
            .iter()
            .find(|status| status.name == name)
            .unwrap_or_else(|| panic!("no status named {name}"))
    };

    macro_rules! check_group {
        ($($group:ident),* $(,)?) => {{
            let mut checked = Vec::new();
            $(
                let expected = status(stringify!($group));
                // By value: the inherent `message`, not the trait's `Cow`.
                let codes: Vec<(&str, &str)> = $group::ALL
                    .iter()
                    .map(|&value| (value.code(), value.message()))
                    .collect();
                let expected_codes: Vec<(&str, &str)> = expected
                    .codes
                    .iter()
                    .map(|code| (code.code.as_str(), code.message.as_str()))
                    .collect();
                assert_eq!(codes, expected_codes, "codes of {}", stringify!($group));
                for &value in $group::ALL {
                    assert_eq!(value.status(), expected.status);
                    assert_eq!($group::from_code(value.code()), Some(value));
                    check(value, value.code(), value.message(), expected.status);

                    let top = ApiError::from(value);
                    assert_eq!(top, ApiError::$group(value));
                    assert_eq!(
                        (top.code(), top.message(), top.status()),
                        (value.code(), value.message(), value.status())
                    );
                }
                // Codes of other groups are not this group's.
                for other in ApiError::ALL.iter().filter(|e| e.status() != expected.status) {
                    assert_eq!($group::from_code(other.code()), None);
                    assert!(other.code().parse::<$group>().is_err());
                }
                checked.push(stringify!($group));
            )*
            checked
        }};
    }

    let checked = check_group!(
        Unauthorized,
        PaymentRequired,
        Forbidden,
        Conflict,
        UnprocessableEntity,
        TooManyRequests,
        InternalServerError,
        BadGateway,
        ServiceUnavailable,
    );
    let groups: Vec<&str> = catalog
        .groups()
        .map(|status| status.name.as_str())
        .collect();
    assert_eq!(
        checked, groups,
        "every group with codes is an enum, in order"
    );
    assert!(
        catalog
            .statuses
            .iter()
            .any(|status| status.status == 400 && status.codes.is_empty()),
        "400 has no codes, so no enum (`BadRequest` would not compile above)"
    );
}

#[test]
fn unknown_codes_are_clear_errors() {
    for unknown in [
        "",
        "nope",
        "Invalid_Token",
        "invalid_token ",
        "invalid-token",
    ] {
        assert_eq!(ApiError::from_code(unknown), None, "{unknown:?}");
        assert_eq!(Unauthorized::from_code(unknown), None, "{unknown:?}");

        let error = unknown.parse::<ApiError>().unwrap_err();
        assert_eq!(error.code(), unknown);
        assert_eq!(error.to_string(), format!("unknown error code `{unknown}`"));
        let in_group = unknown.parse::<Unauthorized>().unwrap_err();
        assert_eq!(in_group.code(), unknown);
        assert_eq!(
            in_group.to_string(),
            format!("`{unknown}` is not a 401 Unauthorized error code")
        );

        let body = serde_json::json!({ "error": unknown, "message": "Whatever." });
        let error = serde_json::from_value::<ApiError>(body).unwrap_err();
        assert!(
            error
                .to_string()
                .contains(&format!("unknown error code `{unknown}`")),
            "{error}"
        );
    }

    // A code of another group is unknown to this group, which says so.
    let error = serde_json::from_str::<Unauthorized>(
        r#"{"error":"ip_not_allowed","message":"Request IP is not in your allowlist."}"#,
    )
    .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("`ip_not_allowed` is not a 401 Unauthorized error code"),
        "{error}"
    );

    // Not a body at all.
    assert!(serde_json::from_str::<ApiError>(r#""invalid_token""#).is_err());
    assert!(serde_json::from_str::<ApiError>(r#"{"error":"invalid_token"}"#).is_err());
    assert!(serde_json::from_str::<ApiError>(r#"{"error":7,"message":"x"}"#).is_err());
}

#[test]
fn from_code_finds_every_code_among_many_near_misses() {
    // The lookup is a binary search over codes sorted by bytes; probe the
    // neighbourhood of every code so an ordering mistake cannot hide.
    for &error in ApiError::ALL {
        let code = error.code();
        assert_eq!(ApiError::from_code(code), Some(error));
        for probe in [
            format!("{code}_"),
            format!("_{code}"),
            code[..code.len() - 1].to_owned(),
            code.to_uppercase(),
        ] {
            assert_eq!(ApiError::from_code(&probe), None, "{probe:?}");
        }
    }
}

#[test]
fn display_honours_width_and_alignment() {
    let error = ApiError::from(Unauthorized::TokenExpired);
    assert_eq!(format!("{error:>30}"), "    The API Token has expired.");
    assert_eq!(format!("{error:.9}"), "The API T");
}

#[test]
fn generic_code_sees_the_trait() {
    fn describe(error: &dyn ErrorCode) -> String {
        format!("{} {}: {}", error.status(), error.code(), error.message())
    }
    assert_eq!(
        describe(&Forbidden::TokenDeleted),
        "403 token_deleted: The API Token has been deleted."
    );
    assert_eq!(
        describe(&ApiError::from(Forbidden::TokenDeleted)),
        "403 token_deleted: The API Token has been deleted."
    );
    let boxed: Box<dyn std::error::Error> = Box::new(ApiError::from(Conflict::PaygConfirmRequired));
    assert_eq!(boxed.to_string(), Conflict::PaygConfirmRequired.message());
}

#[test]
fn methods_are_const() {
    const CODE: &str = ApiError::ALL[0].code();
    const MESSAGE: &str = Unauthorized::InvalidToken.message();
    const STATUS: u16 = ApiError::BadGateway(BadGateway::SendMediaFailed).status();
    let catalog = seed_catalog();
    let (_, first) = catalog.codes().next().expect("a code");
    assert_eq!(CODE, first.code);
    assert_eq!(MESSAGE, "The API Token provided is invalid.");
    assert_eq!(STATUS, 502);
}

#[test]
fn hostile_messages_survive_byte_for_byte() {
    let catalog = hostile_catalog();
    let expected = catalogued(&catalog);
    assert_eq!(generated(hostile::HostileError::ALL), expected);
    for (&error, (code, message, status)) in hostile::HostileError::ALL.iter().zip(&expected) {
        let (code, message, status) = (*code, message.as_str(), *status);
        assert_eq!(hostile::HostileError::from_code(code), Some(error));
        check(error, code, message, status);
    }
}
