//! The seed catalogue with params (`../../params.yaml`) by hand: one enum per
//! status with `thiserror` for `Display` and `Error` (a placeholder is a
//! field in `#[error]`), struct variants for the codes with params, `code`,
//! `message` (rendered where it has a placeholder), `status` and `retry`,
//! `CODES`, and the wire body `{"error", "message", "details"}` through a
//! derived `Serialize` on a borrowed body struct, `details` only for the
//! codes with params and without the optional params that are absent.

use std::borrow::Cow;
use std::time::Duration;

use serde::{Serialize, Serializer};
use thiserror::Error;

/// How a client may retry a request that failed with an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Retry {
    #[default]
    Never,
    Backoff,
    After(Duration),
}

impl Retry {
    /// After `seconds` (a negative number waits for nothing).
    pub const fn after_seconds(seconds: i64) -> Self {
        if seconds < 0 {
            Self::After(Duration::ZERO)
        } else {
            Self::After(Duration::from_secs(seconds.unsigned_abs()))
        }
    }
}

/// One input that failed validation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct FieldViolation {
    pub field: String,
    pub reason: String,
}

/// Errors with status 401 Unauthorized.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Error)]
pub enum Unauthorized {
    #[error("Headers X-Token are missing.")]
    MissingAuthHeaders,
    #[error("The API Token provided is invalid.")]
    InvalidToken,
    #[error("The API Token exists but is currently disabled.")]
    TokenInactive,
    #[error("The API Token has expired.")]
    TokenExpired,
    #[error("Generic authentication failure.")]
    Unauthorized,
    #[error("Signature header is missing.")]
    MissingSignature,
    #[error("Signature is invalid.")]
    InvalidSignature,
    #[error("Signature timestamp is too old.")]
    SignatureExpired,
}

impl Unauthorized {
    pub const fn code(self) -> &'static str {
        match self {
            Self::MissingAuthHeaders => "missing_auth_headers",
            Self::InvalidToken => "invalid_token",
            Self::TokenInactive => "token_inactive",
            Self::TokenExpired => "token_expired",
            Self::Unauthorized => "unauthorized",
            Self::MissingSignature => "missing_signature",
            Self::InvalidSignature => "invalid_signature",
            Self::SignatureExpired => "signature_expired",
        }
    }

    pub const fn message(self) -> &'static str {
        match self {
            Self::MissingAuthHeaders => "Headers X-Token are missing.",
            Self::InvalidToken => "The API Token provided is invalid.",
            Self::TokenInactive => "The API Token exists but is currently disabled.",
            Self::TokenExpired => "The API Token has expired.",
            Self::Unauthorized => "Generic authentication failure.",
            Self::MissingSignature => "Signature header is missing.",
            Self::InvalidSignature => "Signature is invalid.",
            Self::SignatureExpired => "Signature timestamp is too old.",
        }
    }

    pub const fn status(self) -> u16 {
        401
    }

    pub const fn retry(self) -> Retry {
        Retry::Never
    }
}

/// Errors with status 402 Payment Required.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Error)]
pub enum PaymentRequired {
    #[error(
        "Your wallet balance is insufficient for this operation. Top up your wallet in the dashboard."
    )]
    InsufficientBalance,
}

impl PaymentRequired {
    pub const fn code(self) -> &'static str {
        match self {
            Self::InsufficientBalance => "insufficient_balance",
        }
    }

    pub const fn message(self) -> &'static str {
        match self {
            Self::InsufficientBalance => {
                "Your wallet balance is insufficient for this operation. Top up your wallet in the dashboard."
            }
        }
    }

    pub const fn status(self) -> u16 {
        402
    }

    pub const fn retry(self) -> Retry {
        Retry::Never
    }
}

/// Errors with status 403 Forbidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Error)]
pub enum Forbidden {
    #[error("Request IP is not in your allowlist.")]
    IpNotAllowed,
    #[error("The API Token has been deleted.")]
    TokenDeleted,
    #[error("You do not have API access. Activate a subscription or top up your wallet.")]
    NoApiAccess,
}

impl Forbidden {
    pub const fn code(self) -> &'static str {
        match self {
            Self::IpNotAllowed => "ip_not_allowed",
            Self::TokenDeleted => "token_deleted",
            Self::NoApiAccess => "no_api_access",
        }
    }

    pub const fn message(self) -> &'static str {
        match self {
            Self::IpNotAllowed => "Request IP is not in your allowlist.",
            Self::TokenDeleted => "The API Token has been deleted.",
            Self::NoApiAccess => {
                "You do not have API access. Activate a subscription or top up your wallet."
            }
        }
    }

    pub const fn status(self) -> u16 {
        403
    }

    pub const fn retry(self) -> Retry {
        Retry::Never
    }
}

/// Errors with status 409 Conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Error)]
pub enum Conflict {
    #[error("This action requires explicit confirmation that it will charge your wallet (PAYG).")]
    PaygConfirmRequired,
}

impl Conflict {
    pub const fn code(self) -> &'static str {
        match self {
            Self::PaygConfirmRequired => "payg_confirm_required",
        }
    }

    pub const fn message(self) -> &'static str {
        match self {
            Self::PaygConfirmRequired => {
                "This action requires explicit confirmation that it will charge your wallet (PAYG)."
            }
        }
    }

    pub const fn status(self) -> u16 {
        409
    }

    pub const fn retry(self) -> Retry {
        Retry::Never
    }
}

/// Errors with status 422 Unprocessable Entity.
///
/// Validation errors or domain-specific logic failures.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Error)]
pub enum UnprocessableEntity {
    #[error("One or more inputs failed validation.")]
    ValidationError { violations: Vec<FieldViolation> },
    #[error("The resource you are trying to create already exists.")]
    AlreadyExists,
    #[error("The request body or specific field contains invalid JSON.")]
    InvalidJson,
    #[error("The amount format is invalid.")]
    InvalidAmountFormat,
    #[error("The provided OTP is invalid.")]
    InvalidOtp,
    #[error("The OTP has expired.")]
    OtpExpired,
    #[error("Sending the test message failed.")]
    TestMessageFailed,
}

impl UnprocessableEntity {
    pub const fn code(&self) -> &'static str {
        match self {
            Self::ValidationError { .. } => "validation_error",
            Self::AlreadyExists => "already_exists",
            Self::InvalidJson => "invalid_json",
            Self::InvalidAmountFormat => "invalid_amount_format",
            Self::InvalidOtp => "invalid_otp",
            Self::OtpExpired => "otp_expired",
            Self::TestMessageFailed => "test_message_failed",
        }
    }

    pub const fn message(&self) -> &'static str {
        match self {
            Self::ValidationError { .. } => "One or more inputs failed validation.",
            Self::AlreadyExists => "The resource you are trying to create already exists.",
            Self::InvalidJson => "The request body or specific field contains invalid JSON.",
            Self::InvalidAmountFormat => "The amount format is invalid.",
            Self::InvalidOtp => "The provided OTP is invalid.",
            Self::OtpExpired => "The OTP has expired.",
            Self::TestMessageFailed => "Sending the test message failed.",
        }
    }

    pub const fn status(&self) -> u16 {
        422
    }

    pub const fn retry(&self) -> Retry {
        Retry::Never
    }

    fn details(&self) -> Option<Details<'_>> {
        match self {
            Self::ValidationError { violations } => Some(Details::Violations { violations }),
            _ => None,
        }
    }
}

/// Errors with status 429 Too Many Requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Error)]
pub enum TooManyRequests {
    #[error("You have exceeded the global rate limit. Slow down.")]
    RateLimitExceeded {
        retry_after: i64,
        limit: Option<i64>,
    },
    #[error("You have reached the usage limit of your current plan.")]
    PlanLimitReached,
    #[error("You have reached your set PAYG spending limit.")]
    PaygLimitReached,
    #[error("You must wait {retry_after} seconds before requesting another OTP.")]
    OtpWaitRequired { retry_after: i64 },
    #[error("You have reached the maximum OTP resend attempts.")]
    OtpResendLimit,
    #[error("Too many failed attempts.")]
    TooManyAttempts,
}

impl TooManyRequests {
    pub const fn code(self) -> &'static str {
        match self {
            Self::RateLimitExceeded { .. } => "rate_limit_exceeded",
            Self::PlanLimitReached => "plan_limit_reached",
            Self::PaygLimitReached => "payg_limit_reached",
            Self::OtpWaitRequired { .. } => "otp_wait_required",
            Self::OtpResendLimit => "otp_resend_limit",
            Self::TooManyAttempts => "too_many_attempts",
        }
    }

    pub fn message(self) -> Cow<'static, str> {
        match self {
            Self::RateLimitExceeded { .. } => {
                Cow::Borrowed("You have exceeded the global rate limit. Slow down.")
            }
            Self::PlanLimitReached => {
                Cow::Borrowed("You have reached the usage limit of your current plan.")
            }
            Self::PaygLimitReached => {
                Cow::Borrowed("You have reached your set PAYG spending limit.")
            }
            Self::OtpWaitRequired { .. } => Cow::Owned(self.to_string()),
            Self::OtpResendLimit => {
                Cow::Borrowed("You have reached the maximum OTP resend attempts.")
            }
            Self::TooManyAttempts => Cow::Borrowed("Too many failed attempts."),
        }
    }

    pub const fn status(self) -> u16 {
        429
    }

    pub const fn retry(self) -> Retry {
        match self {
            Self::RateLimitExceeded { retry_after, .. } | Self::OtpWaitRequired { retry_after } => {
                Retry::after_seconds(retry_after)
            }
            _ => Retry::Never,
        }
    }

    const fn details(self) -> Option<Details<'static>> {
        match self {
            Self::RateLimitExceeded { retry_after, limit } => {
                Some(Details::RateLimit { retry_after, limit })
            }
            Self::OtpWaitRequired { retry_after } => Some(Details::Wait { retry_after }),
            _ => None,
        }
    }
}

/// Errors with status 500 Internal Server Error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Error)]
pub enum InternalServerError {
    #[error("An unexpected internal error occurred. Please contact support.")]
    InternalError,
}

impl InternalServerError {
    pub const fn code(self) -> &'static str {
        match self {
            Self::InternalError => "internal_error",
        }
    }

    pub const fn message(self) -> &'static str {
        match self {
            Self::InternalError => "An unexpected internal error occurred. Please contact support.",
        }
    }

    pub const fn status(self) -> u16 {
        500
    }

    pub const fn retry(self) -> Retry {
        Retry::Never
    }
}

/// Errors with status 502 Bad Gateway.
///
/// Connectivity issues.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Error)]
pub enum BadGateway {
    #[error("Failed to send message.")]
    SendMessageFailed,
    #[error("Failed to send media.")]
    SendMediaFailed,
}

impl BadGateway {
    pub const fn code(self) -> &'static str {
        match self {
            Self::SendMessageFailed => "send_message_failed",
            Self::SendMediaFailed => "send_media_failed",
        }
    }

    pub const fn message(self) -> &'static str {
        match self {
            Self::SendMessageFailed => "Failed to send message.",
            Self::SendMediaFailed => "Failed to send media.",
        }
    }

    pub const fn status(self) -> u16 {
        502
    }

    pub const fn retry(self) -> Retry {
        Retry::Backoff
    }
}

/// Errors with status 503 Service Unavailable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Error)]
pub enum ServiceUnavailable {
    #[error("The server is down or unreachable.")]
    ServerDown,
    #[error("The WhatsApp session is starting or not ready yet.")]
    SessionNotReady,
    #[error("The application is currently in maintenance mode.")]
    MaintenanceMode,
}

impl ServiceUnavailable {
    pub const fn code(self) -> &'static str {
        match self {
            Self::ServerDown => "server_down",
            Self::SessionNotReady => "session_not_ready",
            Self::MaintenanceMode => "maintenance_mode",
        }
    }

    pub const fn message(self) -> &'static str {
        match self {
            Self::ServerDown => "The server is down or unreachable.",
            Self::SessionNotReady => "The WhatsApp session is starting or not ready yet.",
            Self::MaintenanceMode => "The application is currently in maintenance mode.",
        }
    }

    pub const fn status(self) -> u16 {
        503
    }

    pub const fn retry(self) -> Retry {
        Retry::Backoff
    }
}

/// Every API error, one variant per status.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Error)]
pub enum ApiError {
    #[error(transparent)]
    Unauthorized(#[from] Unauthorized),
    #[error(transparent)]
    PaymentRequired(#[from] PaymentRequired),
    #[error(transparent)]
    Forbidden(#[from] Forbidden),
    #[error(transparent)]
    Conflict(#[from] Conflict),
    #[error(transparent)]
    UnprocessableEntity(#[from] UnprocessableEntity),
    #[error(transparent)]
    TooManyRequests(#[from] TooManyRequests),
    #[error(transparent)]
    InternalServerError(#[from] InternalServerError),
    #[error(transparent)]
    BadGateway(#[from] BadGateway),
    #[error(transparent)]
    ServiceUnavailable(#[from] ServiceUnavailable),
}

impl ApiError {
    pub const CODES: &'static [&'static str] = &[
        "missing_auth_headers",
        "invalid_token",
        "token_inactive",
        "token_expired",
        "unauthorized",
        "missing_signature",
        "invalid_signature",
        "signature_expired",
        "insufficient_balance",
        "ip_not_allowed",
        "token_deleted",
        "no_api_access",
        "payg_confirm_required",
        "validation_error",
        "already_exists",
        "invalid_json",
        "invalid_amount_format",
        "invalid_otp",
        "otp_expired",
        "test_message_failed",
        "rate_limit_exceeded",
        "plan_limit_reached",
        "payg_limit_reached",
        "otp_wait_required",
        "otp_resend_limit",
        "too_many_attempts",
        "internal_error",
        "send_message_failed",
        "send_media_failed",
        "server_down",
        "session_not_ready",
        "maintenance_mode",
    ];

    pub const fn code(&self) -> &'static str {
        match self {
            Self::Unauthorized(error) => error.code(),
            Self::PaymentRequired(error) => error.code(),
            Self::Forbidden(error) => error.code(),
            Self::Conflict(error) => error.code(),
            Self::UnprocessableEntity(error) => error.code(),
            Self::TooManyRequests(error) => error.code(),
            Self::InternalServerError(error) => error.code(),
            Self::BadGateway(error) => error.code(),
            Self::ServiceUnavailable(error) => error.code(),
        }
    }

    pub fn message(&self) -> Cow<'static, str> {
        match self {
            Self::Unauthorized(error) => Cow::Borrowed(error.message()),
            Self::PaymentRequired(error) => Cow::Borrowed(error.message()),
            Self::Forbidden(error) => Cow::Borrowed(error.message()),
            Self::Conflict(error) => Cow::Borrowed(error.message()),
            Self::UnprocessableEntity(error) => Cow::Borrowed(error.message()),
            Self::TooManyRequests(error) => error.message(),
            Self::InternalServerError(error) => Cow::Borrowed(error.message()),
            Self::BadGateway(error) => Cow::Borrowed(error.message()),
            Self::ServiceUnavailable(error) => Cow::Borrowed(error.message()),
        }
    }

    pub const fn status(&self) -> u16 {
        match self {
            Self::Unauthorized(error) => error.status(),
            Self::PaymentRequired(error) => error.status(),
            Self::Forbidden(error) => error.status(),
            Self::Conflict(error) => error.status(),
            Self::UnprocessableEntity(error) => error.status(),
            Self::TooManyRequests(error) => error.status(),
            Self::InternalServerError(error) => error.status(),
            Self::BadGateway(error) => error.status(),
            Self::ServiceUnavailable(error) => error.status(),
        }
    }

    pub const fn retry(&self) -> Retry {
        match self {
            Self::Unauthorized(error) => error.retry(),
            Self::PaymentRequired(error) => error.retry(),
            Self::Forbidden(error) => error.retry(),
            Self::Conflict(error) => error.retry(),
            Self::UnprocessableEntity(error) => error.retry(),
            Self::TooManyRequests(error) => error.retry(),
            Self::InternalServerError(error) => error.retry(),
            Self::BadGateway(error) => error.retry(),
            Self::ServiceUnavailable(error) => error.retry(),
        }
    }

    fn details(&self) -> Option<Details<'_>> {
        match self {
            Self::UnprocessableEntity(error) => error.details(),
            Self::TooManyRequests(error) => error.details(),
            _ => None,
        }
    }
}

/// The `details` of a code with params, borrowing the error's fields.
#[derive(Serialize)]
#[serde(untagged)]
enum Details<'a> {
    Violations {
        violations: &'a [FieldViolation],
    },
    RateLimit {
        retry_after: i64,
        #[serde(skip_serializing_if = "Option::is_none")]
        limit: Option<i64>,
    },
    Wait {
        retry_after: i64,
    },
}

/// The response body, borrowing the error's texts and fields.
#[derive(Serialize)]
struct Body<'a> {
    error: &'static str,
    message: Cow<'static, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    details: Option<Details<'a>>,
}

impl Serialize for ApiError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Body {
            error: self.code(),
            message: self.message(),
            details: self.details(),
        }
        .serialize(serializer)
    }
}
