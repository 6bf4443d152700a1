//! The server: axum handlers that fail with the catalogue's errors, and the
//! `OpenAPI` document utoipa builds from them.
//!
//! Every error a handler returns is an [`ApiError`] (or one of its groups,
//! such as [`Unauthorized`]): `error-codes`' `axum` feature makes each of
//! them a response with its status, `content-type: application/json`, the
//! body `{"error": code, "message": message}` (with `details` for a code with
//! params, such as `validation_error`'s field violations) and, for a code to
//! retry after some seconds, the `Retry-After` header; its `utoipa` feature lets
//! `#[utoipa::path(responses(...))]` document them by naming the types.
//!
//! The checks run in the order a client would want to hear about them:
//! maintenance, then the token (`X-Token`), the account's address allowlist
//! and access, the rate limit, the signature (`X-Timestamp`, `X-Signature`),
//! the body, and only then what the request asks for.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::BuildHasher as _;
use std::net::{IpAddr, SocketAddr};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request, State};
use axum::http::HeaderMap;
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{MethodRouter, get, post, put};
use axum::{Json, Router};
use hmac::{Hmac, KeyInit as _, Mac as _};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::error::Category;
use sha2::Sha256;
use tokio::net::TcpListener;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

use crate::api::{
    ApiError, BadGateway, Conflict, FieldViolation, Forbidden, InternalServerError,
    PaymentRequired, ServiceUnavailable, TooManyRequests, Unauthorized, UnprocessableEntity,
};
use crate::demo::{self, Account, Session, TokenState};

/// How far a request's `X-Timestamp` may be from the server's clock.
pub const SIGNATURE_TOLERANCE: Duration = Duration::from_secs(300);

/// How long an OTP stays valid.
pub const OTP_LIFETIME: Duration = Duration::from_secs(300);

/// How long to wait between two OTPs to the same number.
pub const OTP_RESEND_WAIT: Duration = Duration::from_secs(60);

/// How many OTPs a number may be sent.
pub const OTP_MAX_SENDS: u32 = 3;

/// How many wrong codes an OTP survives.
pub const OTP_MAX_ATTEMPTS: u32 = 3;

/// The size of the rate limit's window.
const RATE_WINDOW: Duration = Duration::from_secs(60);

/// The server's state: the demo data, and what requests change.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

struct Inner {
    admin_key: String,
    maintenance: AtomicBool,
    tokens: HashMap<&'static str, demo::Token>,
    accounts: Mutex<HashMap<&'static str, Account>>,
    /// Per token: when its window started, and the requests in it.
    rate: Mutex<HashMap<&'static str, (Instant, u32)>>,
    /// Per phone number.
    otps: Mutex<HashMap<String, Otp>>,
    /// (account, URL).
    webhooks: Mutex<Vec<(&'static str, String)>>,
}

struct Otp {
    code: String,
    sent_at: Instant,
    sends: u32,
    attempts: u32,
}

impl AppState {
    /// The demo data, with `admin_key` guarding `PUT /admin/maintenance`.
    #[must_use]
    pub fn new(admin_key: impl Into<String>) -> Self {
        let now = Instant::now();
        let long_ago = now.checked_sub(Duration::from_secs(3600)).unwrap_or(now);
        let otp = |sends| Otp {
            code: "123456".to_owned(),
            sent_at: long_ago,
            sends,
            attempts: 0,
        };
        let otps = [
            (demo::PHONE_WITH_EXPIRED_OTP.to_owned(), otp(1)),
            (demo::PHONE_AT_RESEND_LIMIT.to_owned(), otp(OTP_MAX_SENDS)),
        ];
        Self(Arc::new(Inner {
            admin_key: admin_key.into(),
            maintenance: AtomicBool::new(false),
            tokens: demo::tokens().into_iter().map(|t| (t.token, t)).collect(),
            accounts: Mutex::new(demo::accounts().into_iter().map(|a| (a.name, a)).collect()),
            rate: Mutex::new(HashMap::new()),
            otps: Mutex::new(otps.into_iter().collect()),
            webhooks: Mutex::new(vec![("acme", demo::REGISTERED_WEBHOOK.to_owned())]),
        }))
    }
}

/// Locks `mutex`; a handler that panicked while holding it left nothing
/// half-changed that matters for a demo, so a poisoned lock is used as is.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The application: the API under `/v1`, the maintenance switch, and the
/// `OpenAPI` document at `/openapi.json`.
pub fn app(state: AppState) -> Router {
    routes(&state)
        .route("/openapi.json", openapi_route(&ApiDoc::openapi()))
        .with_state(state)
}

/// The API's routes: everything [`app`] serves but the document, for a
/// server that adds routes of its own (such as `next-server`).
pub fn routes(state: &AppState) -> Router<AppState> {
    Router::new()
        .route("/v1/account", get(account))
        .route("/v1/messages", post(send_message))
        .route("/v1/messages/test", post(send_test_message))
        .route("/v1/media", post(send_media))
        .route("/v1/webhooks", post(add_webhook))
        .route("/v1/payg/limit", put(set_payg_limit))
        .route("/v1/otp/send", post(send_otp))
        .route("/v1/otp/verify", post(verify_otp))
        .route_layer(middleware::from_fn_with_state(state.clone(), maintenance))
        .route("/admin/maintenance", put(set_maintenance))
}

/// Serves `document` as JSON.
pub fn openapi_route(document: &utoipa::openapi::OpenApi) -> MethodRouter<AppState> {
    let json = document.to_json().unwrap_or_default();
    get(|| async move { ([(CONTENT_TYPE, "application/json")], json) })
}

/// Serves `app` on `listener` until the process ends, with each request's
/// peer address available for the allowlist check.
async fn serve(listener: TcpListener, app: Router) -> std::io::Result<()> {
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await
}

/// What the server binaries do: listen on the address given as the first
/// argument (`127.0.0.1:8080` by default; port 0 picks a free one), print
/// `listening on http://<address>` once connections are accepted, and serve
/// `app` until killed. With `--stop-on-eof`, the server also stops when its
/// standard input closes, so that it cannot outlive the process that started
/// it (the end-to-end test does this).
pub async fn run(app: Router) -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let address = args
        .iter()
        .find(|arg| !arg.starts_with("--"))
        .map_or("127.0.0.1:8080", String::as_str);
    if args.iter().any(|arg| arg == "--stop-on-eof") {
        std::thread::spawn(|| {
            let _ = std::io::copy(&mut std::io::stdin().lock(), &mut std::io::sink());
            std::process::exit(0);
        });
    }
    let listener = match TcpListener::bind(address).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("cannot listen on {address}: {error}");
            return ExitCode::FAILURE;
        }
    };
    match listener.local_addr() {
        Ok(local) => println!("listening on http://{local}"),
        Err(error) => {
            eprintln!("cannot read the listening address: {error}");
            return ExitCode::FAILURE;
        }
    }
    match serve(listener, app).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("server error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The admin key for `PUT /admin/maintenance`: `$ADMIN_KEY`, or `admin`.
#[must_use]
pub fn admin_key() -> String {
    std::env::var("ADMIN_KEY").unwrap_or_else(|_| "admin".to_owned())
}

/// Middleware: while maintenance is on, every API request fails with
/// `maintenance_mode`.
///
/// # Errors
/// `maintenance_mode`, while maintenance is on.
pub async fn maintenance(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    if state.0.maintenance.load(Ordering::Relaxed) {
        return Err(ServiceUnavailable::MaintenanceMode.into());
    }
    Ok(next.run(request).await)
}

/// The caller, once its token, address, access and rate limit are checked.
pub struct Caller {
    token: demo::Token,
    account: Account,
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = match parts.headers.get("x-token") {
            None => return Err(Unauthorized::MissingAuthHeaders.into()),
            Some(value) => value.to_str().ok().filter(|token| is_well_formed(token)),
        };
        // A header that cannot be a token: say no more than that it failed.
        let token = token.ok_or(Unauthorized::Unauthorized)?;
        let token = *state
            .0
            .tokens
            .get(token)
            .ok_or(Unauthorized::InvalidToken)?;
        match token.state {
            TokenState::Active => {}
            TokenState::Disabled => return Err(Unauthorized::TokenInactive.into()),
            TokenState::Expired => return Err(Unauthorized::TokenExpired.into()),
            TokenState::Deleted => return Err(Forbidden::TokenDeleted.into()),
        }
        let Some(account) = lock(&state.0.accounts).get(token.account).cloned() else {
            // Our data is inconsistent, not the caller's request: log it here
            // for whoever runs the service.
            eprintln!(
                "token {} refers to the missing account {}",
                token.token, token.account
            );
            return Err(InternalServerError::InternalError.into());
        };
        if let Some(allowed) = &account.allowed_ips {
            let peer = parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|info| info.0.ip());
            if !peer.is_some_and(|ip: IpAddr| allowed.contains(&ip)) {
                return Err(Forbidden::IpNotAllowed.into());
            }
        }
        if account.plan.is_none() && account.wallet_cents == 0 {
            return Err(Forbidden::NoApiAccess.into());
        }
        let mut rate = lock(&state.0.rate);
        let (started, count) = rate.entry(token.token).or_insert((Instant::now(), 0));
        if started.elapsed() >= RATE_WINDOW {
            (*started, *count) = (Instant::now(), 0);
        }
        if *count >= token.requests_per_minute {
            return Err(TooManyRequests::RateLimitExceeded {
                retry_after: seconds_left(*started, RATE_WINDOW),
                limit: Some(i64::from(token.requests_per_minute)),
            }
            .into());
        }
        *count += 1;
        Ok(Self { token, account })
    }
}

/// The whole seconds from now until `wait` has passed since `since`, rounded
/// up and at least 1: what `retry_after` (and so `Retry-After`) says, so that
/// a client that waits that long is not turned away again.
fn seconds_left(since: Instant, wait: Duration) -> i64 {
    let left = wait.saturating_sub(since.elapsed());
    let seconds = left.as_secs() + u64::from(left.subsec_nanos() > 0);
    i64::try_from(seconds.max(1)).unwrap_or(i64::MAX)
}

/// Tokens are short runs of letters, digits, `-` and `_`.
fn is_well_formed(token: &str) -> bool {
    (1..=128).contains(&token.len())
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A JSON body, whose problems are the catalogue's errors: `invalid_json`
/// when it is not JSON, `validation_error` when it is JSON of another shape.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|_| UnprocessableEntity::InvalidJson)?;
        parse_json(&bytes).map(ApiJson)
    }
}

/// `bytes` as a `T`: `invalid_json` when they are not JSON, and
/// `validation_error` naming the input when they are JSON of another shape
/// (serde stops at the first such input, so that one is named).
fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let classify = |path: &str, error: &serde_json::Error| match error.classify() {
        Category::Data => invalid([shape_violation(path, error)]),
        Category::Io | Category::Syntax | Category::Eof => UnprocessableEntity::InvalidJson.into(),
    };
    let mut json = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut json)
        .map_err(|error| classify(&error.path().to_string(), error.inner()))?;
    // Anything but white space after the value is not JSON.
    json.end().map_err(|error| classify(".", &error))?;
    Ok(value)
}

/// The violation serde's `error` at `path` (as `serde_path_to_error` writes
/// it: `.` for the body itself, `to`, `to[0]`) is: the input is named as the
/// request names it, or `""` (the JSON pointer to the body) for the body.
fn shape_violation(path: &str, error: &serde_json::Error) -> FieldViolation {
    let text = error.to_string();
    // serde_json adds where in the text it was; the field says where in the body.
    let reason = text
        .rsplit_once(" at line ")
        .map_or(&*text, |(reason, _)| reason);
    let parent = if path == "." { "" } else { path };
    if let Some(name) = reason
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        let field = if parent.is_empty() {
            name.to_owned()
        } else {
            format!("{parent}.{name}")
        };
        return violation(&field, "is required");
    }
    violation(parent, reason)
}

/// One input that failed, and why.
fn violation(field: &str, reason: &str) -> FieldViolation {
    FieldViolation {
        field: field.to_owned(),
        reason: reason.to_owned(),
    }
}

/// `validation_error` with `violations`.
fn invalid(violations: impl IntoIterator<Item = FieldViolation>) -> ApiError {
    UnprocessableEntity::ValidationError {
        violations: violations.into_iter().collect(),
    }
    .into()
}

/// The inputs of a request that fail their checks, each check an (input,
/// whether it passes, why not): `Ok` when all pass, else `validation_error`
/// listing every one that failed, in the order given.
fn validate<const N: usize>(checks: [(&str, bool, &str); N]) -> Result<(), ApiError> {
    let failed: Vec<FieldViolation> = checks
        .into_iter()
        .filter(|(_, passes, _)| !passes)
        .map(|(field, _, reason)| violation(field, reason))
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(invalid(failed))
    }
}

/// Why a phone number is refused, as `is_phone_number` checks it.
pub const PHONE_REASON: &str = "must be a phone number in E.164 form: + and 8 to 15 digits";

/// Why a message's text is refused.
pub const TEXT_REASON: &str = "must be 1 to 4096 characters";

/// Why a URL is refused.
pub const URL_REASON: &str = "must be an https:// URL";

/// Why an OTP code is refused.
pub const OTP_CODE_REASON: &str = "must be six digits";

/// A signed request's caller and JSON body. The signature is the hex
/// HMAC-SHA256, keyed with the token's signing secret, of
/// `"<X-Timestamp>.<body>"`; see [`signature`].
pub struct Signed<T> {
    caller: Caller,
    body: T,
}

impl<T: DeserializeOwned> FromRequest<AppState> for Signed<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, ApiError> {
        let (mut parts, body) = request.into_parts();
        let caller = Caller::from_request_parts(&mut parts, state).await?;
        let bytes = Bytes::from_request(Request::from_parts(parts.clone(), body), state)
            .await
            .map_err(|_| UnprocessableEntity::InvalidJson)?;
        verify_signature(
            &parts.headers,
            &demo::signing_secret(caller.token.token),
            &bytes,
        )?;
        Ok(Self {
            caller,
            body: parse_json(&bytes)?,
        })
    }
}

fn verify_signature(headers: &HeaderMap, secret: &str, body: &[u8]) -> Result<(), Unauthorized> {
    let (Some(timestamp), Some(signature)) =
        (headers.get("x-timestamp"), headers.get("x-signature"))
    else {
        return Err(Unauthorized::MissingSignature);
    };
    let timestamp: u64 = timestamp
        .to_str()
        .ok()
        .and_then(|text| text.parse().ok())
        .ok_or(Unauthorized::InvalidSignature)?;
    let signature = signature
        .to_str()
        .ok()
        .and_then(from_hex)
        .ok_or(Unauthorized::InvalidSignature)?;
    // Compared in constant time, so the comparison reveals nothing.
    signing_mac(secret, timestamp, body)
        .verify_slice(&signature)
        .map_err(|_| Unauthorized::InvalidSignature)?;
    // Checked after the signature, so that only a signed timestamp counts.
    if now_unix().abs_diff(timestamp) > SIGNATURE_TOLERANCE.as_secs() {
        return Err(Unauthorized::SignatureExpired);
    }
    Ok(())
}

/// The HMAC-SHA256 of `<timestamp>.<body>` keyed with `secret`: the one
/// place the signing scheme is written, for both signing and checking.
fn signing_mac(secret: &str, timestamp: u64, body: &[u8]) -> Hmac<Sha256> {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes keys of any length");
    mac.update(format!("{timestamp}.").as_bytes());
    mac.update(body);
    mac
}

/// The signature of a request with `body` sent at `timestamp` (seconds since
/// 1970), as `X-Signature` carries it: lowercase hex.
#[must_use]
pub fn signature(secret: &str, timestamp: u64, body: &[u8]) -> String {
    signing_mac(secret, timestamp, body)
        .finalize()
        .into_bytes()
        .iter()
        .fold(String::new(), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

fn from_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|at| u8::from_str_radix(&text[at..at + 2], 16).ok())
        .collect()
}

/// Seconds since 1970.
#[must_use]
pub fn now_unix() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

/// An account's billing and limits.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AccountView {
    /// The account's name.
    pub name: String,
    /// Messages left this month on the plan, if there is one.
    pub plan_messages_left: Option<u32>,
    /// The wallet balance, in cents.
    pub wallet_cents: u64,
}

/// The caller's account.
#[utoipa::path(
    get, path = "/v1/account", tag = "account",
    responses(
        (status = 200, description = "The account.", body = AccountView),
        Unauthorized, Forbidden, TooManyRequests, InternalServerError, ServiceUnavailable,
    ),
    security(("token" = [])),
)]
async fn account(caller: Caller) -> Json<AccountView> {
    let account = caller.account;
    Json(AccountView {
        name: account.name.to_owned(),
        plan_messages_left: account
            .plan
            .map(|plan| plan.quota.saturating_sub(plan.used)),
        wallet_cents: account.wallet_cents,
    })
}

/// A text message to send.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SendMessage {
    /// The recipient, in E.164 form: `+` and 8 to 15 digits.
    #[schema(pattern = r"^\+[0-9]{8,15}$")]
    pub to: String,
    /// The text, 1 to 4096 characters.
    #[schema(min_length = 1, max_length = 4096)]
    pub text: String,
    /// On pay-as-you-go, the caller's consent to charge the wallet.
    #[serde(default)]
    pub confirm_charge: bool,
}

/// A message handed to WhatsApp.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MessageSent {
    /// What the wallet was charged, in cents (0 on a plan).
    pub charged_cents: u64,
}

/// Sends a text message. Signed.
#[utoipa::path(
    post, path = "/v1/messages", tag = "messages",
    request_body = SendMessage,
    params(
        ("X-Timestamp" = u64, Header, description = "Seconds since 1970 when the request was signed."),
        ("X-Signature" = String, Header, pattern = "^[0-9a-fA-F]{64}$", description = "Hex HMAC-SHA256 of `<X-Timestamp>.<body>`, keyed with the token's signing secret."),
    ),
    responses((status = 200, description = "Sent.", body = MessageSent), ApiError),
    security(("token" = [])),
)]
async fn send_message(
    State(state): State<AppState>,
    signed: Signed<SendMessage>,
) -> Result<Json<MessageSent>, ApiError> {
    let Signed { caller, body } = signed;
    validate([
        ("to", is_phone_number(&body.to), PHONE_REASON),
        (
            "text",
            (1..=4096).contains(&body.text.chars().count()),
            TEXT_REASON,
        ),
    ])?;
    check_session(&caller.account)?;
    let charged_cents = charge(&state, &caller, body.confirm_charge)?;
    if body.to.starts_with(demo::FAILING_NUMBER_PREFIX) {
        return Err(BadGateway::SendMessageFailed.into());
    }
    Ok(Json(MessageSent { charged_cents }))
}

/// A media message to send.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SendMedia {
    /// The recipient, in E.164 form: `+` and 8 to 15 digits.
    #[schema(pattern = r"^\+[0-9]{8,15}$")]
    pub to: String,
    /// Where WhatsApp fetches the media from: an `https://` URL.
    #[schema(pattern = "^https://")]
    pub url: String,
    /// On pay-as-you-go, the caller's consent to charge the wallet.
    #[serde(default)]
    pub confirm_charge: bool,
}

/// Sends an image, video or document. Signed.
#[utoipa::path(
    post, path = "/v1/media", tag = "messages",
    request_body = SendMedia,
    params(
        ("X-Timestamp" = u64, Header, description = "Seconds since 1970 when the request was signed."),
        ("X-Signature" = String, Header, pattern = "^[0-9a-fA-F]{64}$", description = "Hex HMAC-SHA256 of `<X-Timestamp>.<body>`, keyed with the token's signing secret."),
    ),
    responses((status = 200, description = "Sent.", body = MessageSent), ApiError),
    security(("token" = [])),
)]
async fn send_media(
    State(state): State<AppState>,
    signed: Signed<SendMedia>,
) -> Result<Json<MessageSent>, ApiError> {
    let Signed { caller, body } = signed;
    validate([
        ("to", is_phone_number(&body.to), PHONE_REASON),
        ("url", body.url.starts_with("https://"), URL_REASON),
    ])?;
    check_session(&caller.account)?;
    let charged_cents = charge(&state, &caller, body.confirm_charge)?;
    if body.to.starts_with(demo::FAILING_NUMBER_PREFIX) {
        return Err(BadGateway::SendMediaFailed.into());
    }
    Ok(Json(MessageSent { charged_cents }))
}

/// A free test message, to check that the session works.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TestMessage {
    /// The recipient, in E.164 form: `+` and 8 to 15 digits.
    #[schema(pattern = r"^\+[0-9]{8,15}$")]
    pub to: String,
}

/// Sends a free test message.
#[utoipa::path(
    post, path = "/v1/messages/test", tag = "messages",
    request_body = TestMessage,
    responses(
        (status = 200, description = "Sent.", body = MessageSent),
        Unauthorized, Forbidden, UnprocessableEntity, TooManyRequests, InternalServerError, ServiceUnavailable,
    ),
    security(("token" = [])),
)]
async fn send_test_message(
    caller: Caller,
    ApiJson(body): ApiJson<TestMessage>,
) -> Result<Json<MessageSent>, ApiError> {
    validate([("to", is_phone_number(&body.to), PHONE_REASON)])?;
    check_session(&caller.account)?;
    if body.to.starts_with(demo::FAILING_NUMBER_PREFIX) {
        return Err(UnprocessableEntity::TestMessageFailed.into());
    }
    Ok(Json(MessageSent { charged_cents: 0 }))
}

fn is_phone_number(text: &str) -> bool {
    text.strip_prefix('+').is_some_and(|digits| {
        (8..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
    })
}

fn check_session(account: &Account) -> Result<(), ServiceUnavailable> {
    match account.session {
        Session::Ready => Ok(()),
        Session::Starting => Err(ServiceUnavailable::SessionNotReady),
        Session::Down => Err(ServiceUnavailable::ServerDown),
    }
}

/// Counts a message against the plan, or charges it on pay-as-you-go.
fn charge(state: &AppState, caller: &Caller, confirmed: bool) -> Result<u64, ApiError> {
    let mut accounts = lock(&state.0.accounts);
    let account = accounts
        .get_mut(caller.account.name)
        .ok_or(InternalServerError::InternalError)?;
    if let Some(plan) = &mut account.plan {
        if plan.used >= plan.quota {
            return Err(TooManyRequests::PlanLimitReached.into());
        }
        plan.used += 1;
        return Ok(0);
    }
    let Some(payg) = &mut account.payg else {
        return Err(Forbidden::NoApiAccess.into());
    };
    if !confirmed {
        return Err(Conflict::PaygConfirmRequired.into());
    }
    if payg.spent_cents + demo::MESSAGE_PRICE_CENTS > payg.limit_cents {
        return Err(TooManyRequests::PaygLimitReached.into());
    }
    if account.wallet_cents < demo::MESSAGE_PRICE_CENTS {
        return Err(PaymentRequired::InsufficientBalance.into());
    }
    payg.spent_cents += demo::MESSAGE_PRICE_CENTS;
    account.wallet_cents -= demo::MESSAGE_PRICE_CENTS;
    Ok(demo::MESSAGE_PRICE_CENTS)
}

/// A webhook to call with incoming messages.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Webhook {
    /// An `https://` URL.
    #[schema(pattern = "^https://")]
    pub url: String,
}

/// Registers a webhook.
#[utoipa::path(
    post, path = "/v1/webhooks", tag = "webhooks",
    request_body = Webhook,
    responses(
        (status = 200, description = "Registered.", body = Webhook),
        Unauthorized, Forbidden, UnprocessableEntity, TooManyRequests, InternalServerError, ServiceUnavailable,
    ),
    security(("token" = [])),
)]
async fn add_webhook(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<Webhook>,
) -> Result<Json<Webhook>, ApiError> {
    validate([("url", body.url.starts_with("https://"), URL_REASON)])?;
    let mut webhooks = lock(&state.0.webhooks);
    let entry = (caller.account.name, body.url);
    if webhooks.contains(&entry) {
        return Err(UnprocessableEntity::AlreadyExists.into());
    }
    let url = entry.1.clone();
    webhooks.push(entry);
    Ok(Json(Webhook { url }))
}

/// A new pay-as-you-go spending limit.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PaygLimit {
    /// The limit in dollars, as a decimal string with 1 to 15 digits before
    /// the point and at most two after it: `"25"`, `"12.50"`.
    #[schema(pattern = r"^[0-9]{1,15}(\.[0-9]{1,2})?$")]
    pub amount: String,
}

/// Sets the pay-as-you-go spending limit.
#[utoipa::path(
    put, path = "/v1/payg/limit", tag = "account",
    request_body = PaygLimit,
    responses(
        (status = 200, description = "The new limit.", body = PaygLimit),
        Unauthorized, Forbidden, UnprocessableEntity, TooManyRequests, InternalServerError, ServiceUnavailable,
    ),
    security(("token" = [])),
)]
async fn set_payg_limit(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<PaygLimit>,
) -> Result<Json<PaygLimit>, ApiError> {
    let cents = cents(&body.amount).ok_or(UnprocessableEntity::InvalidAmountFormat)?;
    let mut accounts = lock(&state.0.accounts);
    let account = accounts
        .get_mut(caller.account.name)
        .ok_or(InternalServerError::InternalError)?;
    let payg = account.payg.get_or_insert(demo::Payg {
        limit_cents: 0,
        spent_cents: 0,
    });
    payg.limit_cents = cents;
    Ok(Json(body))
}

/// `"12.5"` → 1250 cents; `None` unless 1 to 15 digits with at most two
/// decimals, as [`PaygLimit`]'s schema says.
fn cents(amount: &str) -> Option<u64> {
    let (whole, fraction) = amount.split_once('.').unwrap_or((amount, ""));
    let digits = |text: &str| text.bytes().all(|b| b.is_ascii_digit());
    // At most 15 digits, so that the cents always fit in a `u64`: where
    // they would overflow is no number of digits the schema could state.
    if !(1..=15).contains(&whole.len())
        || !digits(whole)
        || !digits(fraction)
        || fraction.len() > 2
        || amount.ends_with('.')
    {
        return None;
    }
    let fraction = format!("{fraction:0<2}");
    whole
        .parse::<u64>()
        .ok()?
        .checked_mul(100)?
        .checked_add(fraction.parse().ok()?)
}

/// A phone number to send a one-time password to.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OtpRequest {
    /// In E.164 form: `+` and 8 to 15 digits.
    #[schema(pattern = r"^\+[0-9]{8,15}$")]
    pub phone: String,
}

/// A one-time password sent.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OtpSent {
    /// How long the code stays valid.
    pub expires_in_seconds: u64,
}

/// Sends a one-time password by WhatsApp.
#[utoipa::path(
    post, path = "/v1/otp/send", tag = "otp",
    request_body = OtpRequest,
    responses(
        (status = 200, description = "Sent.", body = OtpSent),
        Unauthorized, Forbidden, UnprocessableEntity, TooManyRequests, InternalServerError, ServiceUnavailable,
    ),
    security(("token" = [])),
)]
async fn send_otp(
    State(state): State<AppState>,
    _caller: Caller,
    ApiJson(body): ApiJson<OtpRequest>,
) -> Result<Json<OtpSent>, ApiError> {
    validate([("phone", is_phone_number(&body.phone), PHONE_REASON)])?;
    let mut otps = lock(&state.0.otps);
    let sends = match otps.get(&body.phone) {
        Some(otp) if otp.sends >= OTP_MAX_SENDS => {
            return Err(TooManyRequests::OtpResendLimit.into());
        }
        Some(otp) if otp.sent_at.elapsed() < OTP_RESEND_WAIT => {
            return Err(TooManyRequests::OtpWaitRequired {
                retry_after: seconds_left(otp.sent_at, OTP_RESEND_WAIT),
            }
            .into());
        }
        Some(otp) => otp.sends + 1,
        None => 1,
    };
    // A real service sends the code by WhatsApp. Codes never start with 0,
    // so "000000" is always wrong (the tests rely on it).
    let random = std::collections::hash_map::RandomState::new().hash_one(&body.phone);
    let code = (100_000 + random % 900_000).to_string();
    otps.insert(
        body.phone,
        Otp {
            code,
            sent_at: Instant::now(),
            sends,
            attempts: 0,
        },
    );
    Ok(Json(OtpSent {
        expires_in_seconds: OTP_LIFETIME.as_secs(),
    }))
}

/// A one-time password to check.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OtpCheck {
    /// The number it was sent to, in E.164 form: `+` and 8 to 15 digits.
    #[schema(pattern = r"^\+[0-9]{8,15}$")]
    pub phone: String,
    /// The six digits.
    #[schema(pattern = "^[0-9]{6}$")]
    pub code: String,
}

/// A one-time password that was right.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OtpVerified {
    /// Always true: a wrong code is an error.
    pub verified: bool,
}

/// Checks a one-time password.
#[utoipa::path(
    post, path = "/v1/otp/verify", tag = "otp",
    request_body = OtpCheck,
    responses(
        (status = 200, description = "The code is right.", body = OtpVerified),
        Unauthorized, Forbidden, UnprocessableEntity, TooManyRequests, InternalServerError, ServiceUnavailable,
    ),
    security(("token" = [])),
)]
async fn verify_otp(
    State(state): State<AppState>,
    _caller: Caller,
    ApiJson(body): ApiJson<OtpCheck>,
) -> Result<Json<OtpVerified>, ApiError> {
    // Malformed input is the caller's mistake, not a wrong code: it costs no
    // attempt, and it is reported as such.
    validate([
        ("phone", is_phone_number(&body.phone), PHONE_REASON),
        ("code", is_otp_code(&body.code), OTP_CODE_REASON),
    ])?;
    let mut otps = lock(&state.0.otps);
    let otp = otps
        .get_mut(&body.phone)
        .ok_or(UnprocessableEntity::InvalidOtp)?;
    if otp.sent_at.elapsed() > OTP_LIFETIME {
        return Err(UnprocessableEntity::OtpExpired.into());
    }
    if otp.attempts >= OTP_MAX_ATTEMPTS {
        return Err(TooManyRequests::TooManyAttempts.into());
    }
    if otp.code != body.code {
        otp.attempts += 1;
        return Err(UnprocessableEntity::InvalidOtp.into());
    }
    otps.remove(&body.phone);
    Ok(Json(OtpVerified { verified: true }))
}

/// Codes are six ASCII digits.
fn is_otp_code(text: &str) -> bool {
    text.len() == 6 && text.bytes().all(|b| b.is_ascii_digit())
}

/// The maintenance switch.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Maintenance {
    /// Whether the API answers every request with `maintenance_mode`.
    pub enabled: bool,
}

/// Turns maintenance on or off. Needs the admin key in `X-Admin-Key`.
#[utoipa::path(
    put, path = "/admin/maintenance", tag = "admin",
    request_body = Maintenance,
    responses(
        (status = 200, description = "The new state.", body = Maintenance),
        Unauthorized, UnprocessableEntity,
    ),
)]
async fn set_maintenance(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<Maintenance>,
) -> Result<Json<Maintenance>, ApiError> {
    let key = headers
        .get("x-admin-key")
        .and_then(|value| value.to_str().ok());
    if key != Some(state.0.admin_key.as_str()) {
        return Err(Unauthorized::Unauthorized.into());
    }
    state.0.maintenance.store(body.enabled, Ordering::Relaxed);
    Ok(Json(body))
}

/// The `OpenAPI` document, served at `/openapi.json`.
#[derive(OpenApi)]
#[openapi(
    info(title = "Example messaging API", version = "1.0.0", description = "The API that errors.yaml describes, as the example service implements it."),
    paths(account, send_message, send_media, send_test_message, add_webhook, set_payg_limit, send_otp, verify_otp, set_maintenance),
    // The catalogue's types, which the error responses' details refer to.
    components(schemas(FieldViolation)),
    modifiers(&TokenScheme),
)]
pub struct ApiDoc;

/// Declares the `X-Token` header as the `token` security scheme.
struct TokenScheme;

impl Modify for TokenScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new("X-Token"))),
        );
    }
}
