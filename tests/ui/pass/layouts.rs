//! Catalogues that declare their body's layout compile without a warning
//! under `deny(warnings, missing_docs, clippy::pedantic)`: nested integer
//! codes with details, a flat layout with status and docs, string codes
//! under `error`, and problem details with spread params; their serde impls
//! write and read the layout, and `Received` reads it.

#![deny(warnings, missing_docs, unreachable_pub)]
#![deny(clippy::pedantic)]

use error_codes::{ErrorCode, Received};

/// Integer codes nested under `error`.
pub mod nested {
    ::error_codes::include_errors!("fixtures/bodies-rust/nested.yaml");
}

/// A flat body with the status and a docs URL.
pub mod flat {
    ::error_codes::include_errors!("fixtures/bodies-rust/flat.yaml");
}

/// String codes under `error`.
pub mod openai {
    ::error_codes::include_errors!("fixtures/bodies-rust/openai.yaml");
}

/// Problem details.
pub mod problem {
    ::error_codes::include_errors!("fixtures/bodies-rust/problem.yaml");
}

fn main() {
    let error = nested::GraphError::from(nested::Unauthorized::AccessTokenExpired);
    let json = serde_json::to_string(&error).unwrap();
    assert_eq!(json, r#"{"error":{"message":"Error validating access token.","code":190}}"#);
    assert_eq!(serde_json::from_str::<nested::GraphError>(&json).unwrap(), error);
    assert_eq!(error.code(), "190");
    assert!(error.docs().is_some());

    let flat = flat::ApiError::from(flat::NotFound::NotFound);
    let json = serde_json::to_string(&flat).unwrap();
    let received: Received<flat::ApiError> = serde_json::from_str(&json).unwrap();
    assert_eq!(received.known(), Some(flat));
    assert_eq!(received.status(), Some(404));

    let limited = openai::TooManyRequests::RateLimitExceeded { retry_after: 3 };
    let json = serde_json::to_string(&limited).unwrap();
    assert_eq!(serde_json::from_str::<openai::TooManyRequests>(&json).unwrap(), limited);
    assert_eq!(ErrorCode::docs(&limited), None);

    let problem = problem::ApiError::from(problem::TooManyRequests::RateLimit {
        retry_after: 3,
        limit: None,
    });
    let json = serde_json::to_string(&problem).unwrap();
    assert!(json.starts_with(r#"{"type":"https://developer.example.com/api-errors#rate-limit""#));
    assert_eq!(serde_json::from_str::<problem::ApiError>(&json).unwrap(), problem);
    let received: Received<problem::ApiError> = serde_json::from_str(&json).unwrap();
    assert_eq!(serde_json::to_string(&received).unwrap(), json);
}
