//! A catalogue without codes still yields a (value-less) top-level enum, and
//! no group enums, without warnings.

#![deny(warnings, missing_docs, unreachable_pub)]
#![deny(clippy::pedantic)]

::error_codes::include_errors!("ui/pass/no_codes.yaml");

fn main() {
    assert!(ApiError::ALL.is_empty());
    assert_eq!(ApiError::from_code("anything"), None);
    assert!("anything".parse::<ApiError>().is_err());
    assert!(serde_json::from_str::<ApiError>(r#"{"error":"x","message":"y"}"#).is_err());
}
