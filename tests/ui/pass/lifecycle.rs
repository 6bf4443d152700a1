//! A catalogue with deprecated codes compiles without a single warning under
//! `deny(warnings)`: the generated code names its deprecated variants (in
//! `ALL`, `code()`, the derives) without warning. Only naming one in the
//! user's own code warns (`ui/fail/deprecated_variant.rs`), so everything
//! here reaches them without naming them.

#![deny(warnings, missing_docs, unreachable_pub)]
#![deny(clippy::pedantic)]

::error_codes::include_errors!("fixtures/lifecycle.yaml");

fn main() {
    assert_eq!(ApiError::ALL.len(), 5);
    assert_eq!(Gone::ALL.len(), 1);

    // A deprecated code still round-trips through every door but its name.
    let inactive = Unauthorized::from_code("token_inactive").expect("a deprecated code is a code");
    assert_eq!(inactive.status(), 401);
    assert_eq!(
        inactive.message(),
        "The API Token exists but is currently disabled."
    );
    assert_eq!("token_inactive".parse::<Unauthorized>(), Ok(inactive));
    assert_eq!(ApiError::from_code("token_inactive"), Some(ApiError::from(inactive)));
    let json = serde_json::to_string(&inactive).unwrap();
    assert_eq!(
        json,
        r#"{"error":"token_inactive","message":"The API Token exists but is currently disabled."}"#
    );
    assert_eq!(serde_json::from_str::<ApiError>(&json).unwrap().code(), "token_inactive");
    assert_eq!(format!("{:?}", Gone::ALL[0]), "Sunset");

    // Current codes are named as usual.
    assert_eq!(Unauthorized::TokenRevoked.code(), "token_revoked");

    // Removed codes are gone from the enums.
    assert_eq!(ApiError::from_code("legacy_auth_failed"), None);
}
