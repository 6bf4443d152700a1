//! The catalogue `error-codes init` writes compiles as written, without a
//! warning under `deny(warnings, missing_docs, clippy::pedantic)`, and holds
//! what its comments say.

#![deny(warnings, missing_docs, unreachable_pub)]
#![deny(clippy::pedantic)]

::error_codes::include_errors!("../error-codes-cli/src/starter.yaml");

fn main() {
    assert_eq!(ApiError::CODES.len(), 7);
    let not_found = NotFound::NotFound {
        kind: "message".to_owned(),
        id: "msg_123".to_owned(),
    };
    assert_eq!(not_found.message(), "No message has the id msg_123.");
    let limited = TooManyRequests::RateLimited { retry_after: 30 };
    assert_eq!(
        limited.retry(),
        error_codes::Retry::After(std::time::Duration::from_secs(30))
    );
    assert_eq!(
        ServiceUnavailable::Unavailable.retry(),
        error_codes::Retry::Backoff
    );
    assert_eq!(Invalid::CODES, ["validation_error", "token_inactive"]);
}
