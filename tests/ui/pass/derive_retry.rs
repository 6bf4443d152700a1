//! `#[derive(ErrorCode)]` with `retry` on some variants compiles without a
//! warning under `deny(warnings, missing_docs, clippy::pedantic)`, and each
//! variant says how to retry.

#![deny(warnings, missing_docs, unreachable_pub)]
#![deny(clippy::pedantic)]

use error_codes::{ErrorCode, Retry};

/// Errors of a service that calls another.
#[derive(Debug, Clone, Copy, error_codes::ErrorCode)]
enum Upstream {
    /// Transient.
    #[error_code(status = 502, message = "Upstream down.", retry = "backoff")]
    Down,
    /// Said explicitly.
    #[error_code(status = 502, message = "Upstream refused.", retry = "never")]
    Refused,
    /// The default.
    #[error_code(status = 400, message = "Bad request.")]
    Bad,
}

fn main() {
    assert_eq!(Upstream::Down.retry(), Retry::Backoff);
    assert_eq!(Upstream::Refused.retry(), Retry::Never);
    assert_eq!(Upstream::Bad.retry(), Retry::Never);
    assert_eq!(Upstream::Down.message(), "Upstream down.");
}
