//! A Rust client for the example API.
//!
//! It reads every error response as [`Received<ApiError>`], not as
//! `ApiError`: when the server adds a code after this client was built, the
//! client still gets the code and the message as sent, and decides what to do
//! from the HTTP status ([`ClientError::recovery`]). How long to wait before
//! a retry is never guessed: it is what the server says, in the error's
//! `retry_after` or its `Retry-After` header, or else exponential backoff
//! from [`BACKOFF_START`] for an error the catalogue marks transient.
//! Responses that are not
//! the API's (a proxy's HTML page, a body larger than [`MAX_BODY_BYTES`]) are
//! errors of their own, never a panic.

use std::fmt;
use std::time::Duration;

use error_codes::{Received, Retry};
use reqwest::header::{CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::api::{
    ApiError, FieldViolation, Forbidden, TooManyRequests, Unauthorized, UnprocessableEntity,
};
use crate::server::{
    self, AccountView, MessageSent, OtpCheck, OtpRequest, OtpSent, OtpVerified, SendMessage,
};

/// The largest response body the client reads. Error bodies are a few
/// hundred bytes; anything near this is not the API talking.
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// The first wait of [`Recovery::Backoff`], which doubles with each attempt
/// up to [`BACKOFF_MAX`]: for errors the catalogue marks transient
/// (`retry: backoff`) when the server says no time, and for requests that did
/// not complete.
pub const BACKOFF_START: Duration = Duration::from_secs(1);

/// The longest wait of [`Recovery::Backoff`].
pub const BACKOFF_MAX: Duration = Duration::from_secs(60);

/// A client with an API token and its signing secret.
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base_url: String,
    token: String,
    signing_secret: String,
}

/// Why a call failed.
#[derive(Debug)]
pub enum ClientError {
    /// The API answered with an error: a catalogue code, or a newer one.
    Api {
        /// The HTTP status.
        status: StatusCode,
        /// The body, with the code and message as sent.
        error: Received<ApiError>,
        /// The `Retry-After` header's seconds, if the response had one.
        retry_after: Option<Duration>,
    },
    /// The response body is over [`MAX_BODY_BYTES`].
    TooLarge {
        /// The HTTP status.
        status: StatusCode,
    },
    /// The response is not what the API sends: not JSON, or JSON that is
    /// neither the expected value nor an error body.
    Unexpected {
        /// The HTTP status.
        status: StatusCode,
        /// What is wrong with the body.
        reason: String,
    },
    /// The request did not complete (connection refused, reset, timed out).
    Transport(reqwest::Error),
}

/// What to do about a failed call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recovery {
    /// Try again after the delay, as the server said (in the error's
    /// `retry_after`, or its `Retry-After` header).
    Retry(Duration),
    /// Transient: try again with exponential backoff (see [`Recovery::delay`]).
    Backoff,
    /// Get a working token (or signing secret) and try again.
    Reauthenticate,
    /// The request itself is wrong: fix it before sending it again.
    FixRequest,
    /// The account needs money or a plan.
    AddFunds,
    /// Nothing the caller can do; report it.
    GiveUp,
}

impl Recovery {
    /// How long to wait before attempt `attempt` (0 for the first retry), or
    /// `None` when retrying does not help: the server's delay for
    /// [`Retry`](Self::Retry), and [`BACKOFF_START`] doubled per attempt, up
    /// to [`BACKOFF_MAX`], for [`Backoff`](Self::Backoff).
    #[must_use]
    pub fn delay(self, attempt: u32) -> Option<Duration> {
        match self {
            Self::Retry(wait) => Some(wait),
            Self::Backoff => Some(
                BACKOFF_START
                    .saturating_mul(2_u32.saturating_pow(attempt))
                    .min(BACKOFF_MAX),
            ),
            Self::Reauthenticate | Self::FixRequest | Self::AddFunds | Self::GiveUp => None,
        }
    }
}

impl ClientError {
    /// What to do about the error, decided by code. A code this client does
    /// not know (the server is newer), or one whose details are not what this
    /// client's catalogue says, is handled by its HTTP status.
    ///
    /// The wait of a code to retry is the server's: the error's `retry()`
    /// (its `retry_after`) for a `retry: after` code; else the `Retry-After`
    /// header; else [`Recovery::Backoff`] for a `retry: backoff` code.
    #[must_use]
    pub fn recovery(&self) -> Recovery {
        use crate::api::{
            BadGateway as BG, Conflict as C, InternalServerError as ISE, PaymentRequired as PR,
            ServiceUnavailable as SU, UnprocessableEntity as UE,
        };
        let (status, error, retry_after) = match self {
            Self::Api {
                status,
                error,
                retry_after,
            } => (*status, error, *retry_after),
            Self::TooLarge { .. } | Self::Unexpected { .. } => return Recovery::GiveUp,
            Self::Transport(_) => return Recovery::Backoff,
        };
        let Some(known) = error.known() else {
            return by_status(status, retry_after);
        };
        // What the catalogue says about retrying this code, with the
        // server's numbers: what the codes to retry below do.
        let wait = match known.retry() {
            Retry::After(wait) => Recovery::Retry(wait),
            Retry::Backoff => retry_after.map_or(Recovery::Backoff, Recovery::Retry),
            Retry::Never => Recovery::GiveUp,
        };
        // Every group is matched without a wildcard, so a code added to the
        // catalogue is a compile error here until it is handled.
        match known {
            ApiError::Unauthorized(code) => match code {
                Unauthorized::MissingAuthHeaders
                | Unauthorized::InvalidToken
                | Unauthorized::TokenInactive
                | Unauthorized::TokenExpired
                | Unauthorized::Unauthorized => Recovery::Reauthenticate,
                // The clock or the signing code is off, not the token.
                Unauthorized::MissingSignature
                | Unauthorized::InvalidSignature
                | Unauthorized::SignatureExpired => Recovery::FixRequest,
            },
            ApiError::Forbidden(code) => match code {
                Forbidden::TokenDeleted => Recovery::Reauthenticate,
                Forbidden::NoApiAccess => Recovery::AddFunds,
                Forbidden::IpNotAllowed => Recovery::GiveUp,
            },
            ApiError::PaymentRequired(PR::InsufficientBalance) => Recovery::AddFunds,
            ApiError::Conflict(C::PaygConfirmRequired)
            | ApiError::UnprocessableEntity(
                UE::ValidationError { .. }
                | UE::AlreadyExists
                | UE::InvalidJson
                | UE::InvalidAmountFormat
                | UE::InvalidOtp
                | UE::OtpExpired
                | UE::TestMessageFailed,
            ) => Recovery::FixRequest,
            ApiError::TooManyRequests(code) => match code {
                TooManyRequests::RateLimitExceeded { .. }
                | TooManyRequests::OtpWaitRequired { .. } => wait,
                TooManyRequests::PlanLimitReached | TooManyRequests::PaygLimitReached => {
                    Recovery::AddFunds
                }
                TooManyRequests::OtpResendLimit | TooManyRequests::TooManyAttempts => {
                    Recovery::GiveUp
                }
            },
            ApiError::InternalServerError(ISE::InternalError) => Recovery::GiveUp,
            ApiError::BadGateway(BG::SendMessageFailed | BG::SendMediaFailed)
            | ApiError::ServiceUnavailable(
                SU::ServerDown | SU::SessionNotReady | SU::MaintenanceMode,
            ) => wait,
        }
    }

    /// The inputs the server refused, and why, for `validation_error`; none
    /// for every other error.
    #[must_use]
    pub fn violations(&self) -> Vec<FieldViolation> {
        let known = match self {
            Self::Api { error, .. } => error.known(),
            Self::TooLarge { .. } | Self::Unexpected { .. } | Self::Transport(_) => None,
        };
        match known {
            Some(ApiError::UnprocessableEntity(UnprocessableEntity::ValidationError {
                violations,
            })) => violations,
            _ => Vec::new(),
        }
    }
}

/// How to handle a code this client does not know: by its status, waiting
/// what the `Retry-After` header says, if anything.
fn by_status(status: StatusCode, retry_after: Option<Duration>) -> Recovery {
    match status.as_u16() {
        401 | 403 => Recovery::Reauthenticate,
        402 => Recovery::AddFunds,
        429 | 501..=599 => retry_after.map_or(Recovery::Backoff, Recovery::Retry),
        500 => Recovery::GiveUp,
        _ => Recovery::FixRequest,
    }
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Api { status, error, .. } => {
                write!(f, "{status}: {} ({})", error.message(), error.code())?;
                for violation in self.violations() {
                    write!(f, "\n  {}: {}", violation.field, violation.reason)?;
                }
                Ok(())
            }
            Self::TooLarge { status } => {
                write!(
                    f,
                    "{status}: the response body is over {MAX_BODY_BYTES} bytes"
                )
            }
            Self::Unexpected { status, reason } => {
                write!(f, "{status}: not a response of the API: {reason}")
            }
            Self::Transport(error) => write!(f, "the request failed: {error}"),
        }
    }
}

impl std::error::Error for ClientError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Api { error, .. } => Some(error),
            Self::Transport(error) => Some(error),
            Self::TooLarge { .. } | Self::Unexpected { .. } => None,
        }
    }
}

impl From<reqwest::Error> for ClientError {
    fn from(error: reqwest::Error) -> Self {
        Self::Transport(error)
    }
}

impl Client {
    /// A client for the API at `base_url` (such as `http://127.0.0.1:8080`).
    #[must_use]
    pub fn new(base_url: &str, token: &str, signing_secret: &str) -> Self {
        Self {
            http: reqwest::Client::new(),
            base_url: base_url.trim_end_matches('/').to_owned(),
            token: token.to_owned(),
            signing_secret: signing_secret.to_owned(),
        }
    }

    /// A request to `path`, with the token.
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.http
            .request(method, format!("{}{path}", self.base_url))
            .header("X-Token", &self.token)
    }

    /// A request to `path` with a JSON body, with the token, signed now.
    pub fn signed(&self, method: Method, path: &str, body: &impl Serialize) -> RequestBuilder {
        let body = serde_json::to_vec(body).unwrap_or_default();
        let timestamp = server::now_unix();
        let signature = server::signature(&self.signing_secret, timestamp, &body);
        self.request(method, path)
            .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
            .header("X-Timestamp", timestamp)
            .header("X-Signature", signature)
            .body(body)
    }

    /// The caller's account.
    ///
    /// # Errors
    /// What the API or the network said, as a [`ClientError`].
    pub async fn account(&self) -> Result<AccountView, ClientError> {
        read(self.request(Method::GET, "/v1/account").send().await?).await
    }

    /// Sends a text message.
    ///
    /// # Errors
    /// What the API or the network said, as a [`ClientError`].
    pub async fn send_message(&self, message: &SendMessage) -> Result<MessageSent, ClientError> {
        read(
            self.signed(Method::POST, "/v1/messages", message)
                .send()
                .await?,
        )
        .await
    }

    /// Sends a one-time password to `phone`.
    ///
    /// # Errors
    /// What the API or the network said, as a [`ClientError`].
    pub async fn send_otp(&self, phone: &str) -> Result<OtpSent, ClientError> {
        let body = OtpRequest {
            phone: phone.to_owned(),
        };
        read(
            self.request(Method::POST, "/v1/otp/send")
                .json(&body)
                .send()
                .await?,
        )
        .await
    }

    /// Checks a one-time password.
    ///
    /// # Errors
    /// What the API or the network said, as a [`ClientError`].
    pub async fn verify_otp(&self, phone: &str, code: &str) -> Result<OtpVerified, ClientError> {
        let body = OtpCheck {
            phone: phone.to_owned(),
            code: code.to_owned(),
        };
        read(
            self.request(Method::POST, "/v1/otp/verify")
                .json(&body)
                .send()
                .await?,
        )
        .await
    }
}

/// Reads a response: a success body as `T`, anything else as the error it is.
///
/// # Errors
/// [`ClientError::Api`] for an error body (with any code), and the other
/// variants for responses the API does not send.
pub async fn read<T: DeserializeOwned>(response: Response) -> Result<T, ClientError> {
    let status = response.status();
    let retry_after = retry_after(response.headers());
    let body = read_body(response).await?;
    let unexpected = |error: serde_json::Error| ClientError::Unexpected {
        status,
        reason: describe(&error, &body),
    };
    if status.is_success() {
        return serde_json::from_slice(&body).map_err(unexpected);
    }
    let error: Received<ApiError> = serde_json::from_slice(&body).map_err(unexpected)?;
    Err(ClientError::Api {
        status,
        error,
        retry_after,
    })
}

/// The `Retry-After` header's delay in seconds; `None` without one, or with
/// one in another form (an HTTP date, which this API does not send).
#[must_use]
pub fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?;
    value.trim().parse().ok().map(Duration::from_secs)
}

/// The body, read in chunks so that an endless or huge one stops at the limit.
async fn read_body(mut response: Response) -> Result<Vec<u8>, ClientError> {
    let status = response.status();
    if response
        .content_length()
        .is_some_and(|length| length > MAX_BODY_BYTES as u64)
    {
        return Err(ClientError::TooLarge { status });
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        if body.len() + chunk.len() > MAX_BODY_BYTES {
            return Err(ClientError::TooLarge { status });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// serde's reason, and the start of the body for context.
fn describe(error: &serde_json::Error, body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(80)]);
    format!("{error}; the body starts with {text:?}")
}
