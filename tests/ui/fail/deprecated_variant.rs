//! Naming a deprecated variant warns with the catalogue's note; here the
//! warning is denied so that trybuild can show it.

#![deny(deprecated)]

error_codes::include_errors!("fixtures/lifecycle.yaml");

fn main() {
    let _ = Unauthorized::TokenInactive;
    let _ = ApiError::Gone(Gone::Sunset);
    // Not deprecated: no warning.
    let _ = Unauthorized::InvalidToken;
}
