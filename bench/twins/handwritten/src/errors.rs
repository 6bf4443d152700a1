//! The seed catalogue by hand: one enum per status with `thiserror` for
//! `Display` and `Error`, `const fn` accessors, a `match` for `from_code`, and
//! the wire body `{"error": code, "message": message}` through a derived
//! `Serialize` on a borrowed body struct.

use serde::{Serialize, Serializer};
use thiserror::Error;

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
}

/// Errors with status 422 Unprocessable Entity.
///
/// Validation errors or domain-specific logic failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Error)]
pub enum UnprocessableEntity {
    #[error("One or more inputs failed validation.")]
    ValidationError,
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
    pub const fn code(self) -> &'static str {
        match self {
            Self::ValidationError => "validation_error",
            Self::AlreadyExists => "already_exists",
            Self::InvalidJson => "invalid_json",
            Self::InvalidAmountFormat => "invalid_amount_format",
            Self::InvalidOtp => "invalid_otp",
            Self::OtpExpired => "otp_expired",
            Self::TestMessageFailed => "test_message_failed",
        }
    }

    pub const fn message(self) -> &'static str {
        match self {
            Self::ValidationError => "One or more inputs failed validation.",
            Self::AlreadyExists => "The resource you are trying to create already exists.",
            Self::InvalidJson => "The request body or specific field contains invalid JSON.",
            Self::InvalidAmountFormat => "The amount format is invalid.",
            Self::InvalidOtp => "The provided OTP is invalid.",
            Self::OtpExpired => "The OTP has expired.",
            Self::TestMessageFailed => "Sending the test message failed.",
        }
    }

    pub const fn status(self) -> u16 {
        422
    }
}

/// Errors with status 429 Too Many Requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Error)]
pub enum TooManyRequests {
    #[error("You have exceeded the global rate limit. Slow down.")]
    RateLimitExceeded,
    #[error("You have reached the usage limit of your current plan.")]
    PlanLimitReached,
    #[error("You have reached your set PAYG spending limit.")]
    PaygLimitReached,
    #[error("You must wait before requesting another OTP.")]
    OtpWaitRequired,
    #[error("You have reached the maximum OTP resend attempts.")]
    OtpResendLimit,
    #[error("Too many failed attempts.")]
    TooManyAttempts,
}

impl TooManyRequests {
    pub const fn code(self) -> &'static str {
        match self {
            Self::RateLimitExceeded => "rate_limit_exceeded",
            Self::PlanLimitReached => "plan_limit_reached",
            Self::PaygLimitReached => "payg_limit_reached",
            Self::OtpWaitRequired => "otp_wait_required",
            Self::OtpResendLimit => "otp_resend_limit",
            Self::TooManyAttempts => "too_many_attempts",
        }
    }

    pub const fn message(self) -> &'static str {
        match self {
            Self::RateLimitExceeded => "You have exceeded the global rate limit. Slow down.",
            Self::PlanLimitReached => "You have reached the usage limit of your current plan.",
            Self::PaygLimitReached => "You have reached your set PAYG spending limit.",
            Self::OtpWaitRequired => "You must wait before requesting another OTP.",
            Self::OtpResendLimit => "You have reached the maximum OTP resend attempts.",
            Self::TooManyAttempts => "Too many failed attempts.",
        }
    }

    pub const fn status(self) -> u16 {
        429
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
}

/// Every API error, one variant per status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Error)]
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
    pub const ALL: &'static [Self] = &[
        Self::Unauthorized(Unauthorized::MissingAuthHeaders),
        Self::Unauthorized(Unauthorized::InvalidToken),
        Self::Unauthorized(Unauthorized::TokenInactive),
        Self::Unauthorized(Unauthorized::TokenExpired),
        Self::Unauthorized(Unauthorized::Unauthorized),
        Self::Unauthorized(Unauthorized::MissingSignature),
        Self::Unauthorized(Unauthorized::InvalidSignature),
        Self::Unauthorized(Unauthorized::SignatureExpired),
        Self::PaymentRequired(PaymentRequired::InsufficientBalance),
        Self::Forbidden(Forbidden::IpNotAllowed),
        Self::Forbidden(Forbidden::TokenDeleted),
        Self::Forbidden(Forbidden::NoApiAccess),
        Self::Conflict(Conflict::PaygConfirmRequired),
        Self::UnprocessableEntity(UnprocessableEntity::ValidationError),
        Self::UnprocessableEntity(UnprocessableEntity::AlreadyExists),
        Self::UnprocessableEntity(UnprocessableEntity::InvalidJson),
        Self::UnprocessableEntity(UnprocessableEntity::InvalidAmountFormat),
        Self::UnprocessableEntity(UnprocessableEntity::InvalidOtp),
        Self::UnprocessableEntity(UnprocessableEntity::OtpExpired),
        Self::UnprocessableEntity(UnprocessableEntity::TestMessageFailed),
        Self::TooManyRequests(TooManyRequests::RateLimitExceeded),
        Self::TooManyRequests(TooManyRequests::PlanLimitReached),
        Self::TooManyRequests(TooManyRequests::PaygLimitReached),
        Self::TooManyRequests(TooManyRequests::OtpWaitRequired),
        Self::TooManyRequests(TooManyRequests::OtpResendLimit),
        Self::TooManyRequests(TooManyRequests::TooManyAttempts),
        Self::InternalServerError(InternalServerError::InternalError),
        Self::BadGateway(BadGateway::SendMessageFailed),
        Self::BadGateway(BadGateway::SendMediaFailed),
        Self::ServiceUnavailable(ServiceUnavailable::ServerDown),
        Self::ServiceUnavailable(ServiceUnavailable::SessionNotReady),
        Self::ServiceUnavailable(ServiceUnavailable::MaintenanceMode),
    ];

    pub const fn code(self) -> &'static str {
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

    pub const fn message(self) -> &'static str {
        match self {
            Self::Unauthorized(error) => error.message(),
            Self::PaymentRequired(error) => error.message(),
            Self::Forbidden(error) => error.message(),
            Self::Conflict(error) => error.message(),
            Self::UnprocessableEntity(error) => error.message(),
            Self::TooManyRequests(error) => error.message(),
            Self::InternalServerError(error) => error.message(),
            Self::BadGateway(error) => error.message(),
            Self::ServiceUnavailable(error) => error.message(),
        }
    }

    pub const fn status(self) -> u16 {
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

    pub fn from_code(code: &str) -> Option<Self> {
        Some(match code {
            "missing_auth_headers" => Unauthorized::MissingAuthHeaders.into(),
            "invalid_token" => Unauthorized::InvalidToken.into(),
            "token_inactive" => Unauthorized::TokenInactive.into(),
            "token_expired" => Unauthorized::TokenExpired.into(),
            "unauthorized" => Unauthorized::Unauthorized.into(),
            "missing_signature" => Unauthorized::MissingSignature.into(),
            "invalid_signature" => Unauthorized::InvalidSignature.into(),
            "signature_expired" => Unauthorized::SignatureExpired.into(),
            "insufficient_balance" => PaymentRequired::InsufficientBalance.into(),
            "ip_not_allowed" => Forbidden::IpNotAllowed.into(),
            "token_deleted" => Forbidden::TokenDeleted.into(),
            "no_api_access" => Forbidden::NoApiAccess.into(),
            "payg_confirm_required" => Conflict::PaygConfirmRequired.into(),
            "validation_error" => UnprocessableEntity::ValidationError.into(),
            "already_exists" => UnprocessableEntity::AlreadyExists.into(),
            "invalid_json" => UnprocessableEntity::InvalidJson.into(),
            "invalid_amount_format" => UnprocessableEntity::InvalidAmountFormat.into(),
            "invalid_otp" => UnprocessableEntity::InvalidOtp.into(),
            "otp_expired" => UnprocessableEntity::OtpExpired.into(),
            "test_message_failed" => UnprocessableEntity::TestMessageFailed.into(),
            "rate_limit_exceeded" => TooManyRequests::RateLimitExceeded.into(),
            "plan_limit_reached" => TooManyRequests::PlanLimitReached.into(),
            "payg_limit_reached" => TooManyRequests::PaygLimitReached.into(),
            "otp_wait_required" => TooManyRequests::OtpWaitRequired.into(),
            "otp_resend_limit" => TooManyRequests::OtpResendLimit.into(),
            "too_many_attempts" => TooManyRequests::TooManyAttempts.into(),
            "internal_error" => InternalServerError::InternalError.into(),
            "send_message_failed" => BadGateway::SendMessageFailed.into(),
            "send_media_failed" => BadGateway::SendMediaFailed.into(),
            "server_down" => ServiceUnavailable::ServerDown.into(),
            "session_not_ready" => ServiceUnavailable::SessionNotReady.into(),
            "maintenance_mode" => ServiceUnavailable::MaintenanceMode.into(),
            _ => return None,
        })
    }
}

/// The response body, borrowing the error's texts.
#[derive(Serialize)]
struct Body {
    error: &'static str,
    message: &'static str,
}

impl Serialize for ApiError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Body {
            error: self.code(),
            message: self.message(),
        }
        .serialize(serializer)
    }
}
