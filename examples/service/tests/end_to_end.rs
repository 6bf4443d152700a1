//! End to end, with real processes: the example server, its clients, and the
//! pinned tools.
//!
//! Each test starts the servers it needs (`server`, and `next-server`, the
//! same server built on `errors-next.yaml`, which adds one code) as child
//! processes on a loopback port they pick themselves, and talks to them over
//! HTTP:
//!
//! - every one of the 32 codes, each provoked by the request that causes it,
//!   arrives with its status, `content-type: application/json` and exactly
//!   serde's body; the real responses pass openapi-core's validation against
//!   the `OpenAPI` document the server serves and against
//!   `generated/openapi.yaml`, whose responses the served document matches;
//! - the Rust client reads each into `Received<ApiError>`, the TypeScript
//!   client (compiled by the pinned tsc, run by Node with `fetch`) narrows
//!   each with the generated guards, and the Python client (checked by the
//!   pinned mypy, pyright and ruff, run with `urllib`) reads each with the
//!   generated `ApiError.from_response`; all handle a code from the newer
//!   server, decide the same recovery for every code, and turn responses the
//!   API does not send (too large, not JSON) into clear errors;
//! - the clients' typed methods work against the server: the account and a
//!   signed message with the demo token, an expired token's error (and, in
//!   Rust, the OTP flow);
//! - the Go client (`examples/service/go/`, `net/http`) does what the TypeScript one does;
//! - schemathesis (pinned in `tests/tools/requirements.txt`), run against the
//!   served document with every check, finds nothing: no schema-valid request
//!   rejected, no schema-invalid one accepted, no response outside its
//!   schema. Its configuration and hooks are in `tests/schemathesis/`.
//!
//! A [`Server`] kills and reaps its process when dropped, so a failing
//! assertion stops it too; a server also exits when its standard input
//! closes, so it cannot outlive this test process even if that is killed.
//!
//! The test lives in the example crate because cargo builds the example's
//! binaries for it (`CARGO_BIN_EXE_*`) in the same build as everything else.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use std::{fs, thread};

use error_codes::Received;
use error_codes_gen::Catalog;
use error_codes_gen::diff::{self, ChangeKind};
use error_codes_tests::{node, python, target_dir, tools, workspace_root};
use example_service::api::{
    ApiError, BadGateway, Conflict, FieldViolation, Forbidden, InternalServerError,
    PaymentRequired, ServiceUnavailable, TooManyRequests, Unauthorized, UnprocessableEntity,
};
use example_service::client::{self, Client, ClientError, MAX_BODY_BYTES, Recovery};
use example_service::server::SendMessage;
use example_service::{demo, server};
use serde::Serialize;
use serde_json::{Value, json};
use utoipa::OpenApi as _;

const ADMIN_KEY: &str = "end-to-end-admin-key";

/// The code only `next-server`'s catalogue has.
const NEWER_CODE: &str = "recipient_opted_out";
const NEWER_MESSAGE: &str = "The recipient has opted out of messages from you.";

// ---------------------------------------------------------------------------
// Processes

/// A server process, killed and reaped when dropped: on success, on a failed
/// assertion, on any panic.
struct Server {
    child: Child,
    base_url: String,
}

impl Server {
    /// Starts `binary` on `127.0.0.1:0` and waits for the address it prints.
    fn start(binary: &str) -> Self {
        let mut child = Command::new(binary)
            .args(["127.0.0.1:0", "--stop-on-eof"])
            .env("ADMIN_KEY", ADMIN_KEY)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|error| panic!("cannot start {binary}: {error}"));
        let stdout = child.stdout.take().expect("a piped stdout");
        // The guard exists before anything below can fail.
        let mut server = Self {
            child,
            base_url: String::new(),
        };
        let (sender, receiver) = mpsc::channel();
        thread::spawn(move || {
            let mut stdout = BufReader::new(stdout);
            let mut line = String::new();
            let _ = stdout.read_line(&mut line);
            let _ = sender.send(line);
            // Keep reading, so the server never writes into a closed pipe.
            let _ = std::io::copy(&mut stdout, &mut std::io::sink());
        });
        let line = receiver
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("{binary} printed no address within a minute"));
        let url = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("{binary} printed {line:?}"));
        assert!(
            url.starts_with("http://127.0.0.1:"),
            "not on loopback: {url}"
        );
        url.clone_into(&mut server.base_url);
        server
    }

    fn api() -> Self {
        Self::start(env!("CARGO_BIN_EXE_server"))
    }

    fn next() -> Self {
        Self::start(env!("CARGO_BIN_EXE_next-server"))
    }

    fn address(&self) -> SocketAddr {
        self.base_url.trim_start_matches("http://").parse().unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A server the API would never be: answers each path with a canned response
/// that no client may take for an API response. Stops when dropped.
struct Mock {
    address: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<thread::JoinHandle<()>>,
}

impl Mock {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = Arc::clone(&stop);
        let thread = thread::spawn(move || {
            for stream in listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(stream) = stream {
                    // A client that gives up midway is what some cases test.
                    let _ = Self::answer(stream);
                }
            }
        });
        Self {
            address,
            stop,
            thread: Some(thread),
        }
    }

    fn base_url(&self) -> String {
        format!("http://{}", self.address)
    }

    fn answer(mut stream: TcpStream) -> std::io::Result<()> {
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        let mut head = Vec::new();
        let mut byte = [0];
        while !head.ends_with(b"\r\n\r\n") {
            if stream.read(&mut byte)? == 0 {
                return Ok(());
            }
            head.push(byte[0]);
        }
        let head = String::from_utf8_lossy(&head);
        let path = head.split(' ').nth(1).unwrap_or_default();
        let fixed = |status: &str, content_type: &str, body: &[u8]| {
            let mut response = format!(
                "HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                body.len()
            )
            .into_bytes();
            response.extend_from_slice(body);
            response
        };
        match path {
            // Declared too large: the client need not read it.
            "/huge" => stream.write_all(&fixed(
                "500 Internal Server Error",
                "application/json",
                &vec![b' '; MAX_BODY_BYTES + 1],
            ))?,
            // No length, and more than the limit: the client must stop reading.
            "/endless" => {
                stream.write_all(b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n")?;
                let chunk = vec![b' '; 64 * 1024];
                for _ in 0..(4 * MAX_BODY_BYTES / chunk.len()) {
                    write!(stream, "{:x}\r\n", chunk.len())?;
                    stream.write_all(&chunk)?;
                    stream.write_all(b"\r\n")?;
                }
                stream.write_all(b"0\r\n\r\n")?;
            }
            "/html" => stream.write_all(&fixed(
                "502 Bad Gateway",
                "text/html",
                b"<html><body><h1>502 Bad Gateway</h1></body></html>",
            ))?,
            "/not-an-error-body" => stream.write_all(&fixed(
                "400 Bad Request",
                "application/json",
                br#"{"detail":"Bad request"}"#,
            ))?,
            "/wrong-type" => stream.write_all(&fixed(
                "422 Unprocessable Entity",
                "application/json",
                br#"{"error":42,"message":"x"}"#,
            ))?,
            "/empty" => {
                stream.write_all(&fixed("503 Service Unavailable", "application/json", b""))?;
            }
            _ => stream.write_all(&fixed("404 Not Found", "text/plain", b"no such case"))?,
        }
        stream.flush()
    }
}

impl Drop for Mock {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accept loop, which then sees the flag.
        let _ = TcpStream::connect(self.address);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// What the mock sends, and what each client must make of it.
const MOCK_CASES: [(&str, &str); 6] = [
    ("/huge", "too-large"),
    ("/endless", "too-large"),
    ("/html", "unexpected"),
    ("/not-an-error-body", "unexpected"),
    ("/wrong-type", "unexpected"),
    ("/empty", "unexpected"),
];

// ---------------------------------------------------------------------------
// Scenarios: the requests that provoke each error

/// One request. Serialized for the TypeScript driver; `expect` stays here.
#[derive(Serialize, Clone)]
struct Step {
    server: &'static str,
    method: &'static str,
    path: &'static str,
    token: Option<&'static str>,
    headers: BTreeMap<&'static str, &'static str>,
    body: Option<String>,
    sign: Option<&'static str>,
    #[serde(skip)]
    expect: Expect,
}

/// What a step must get back.
#[derive(Clone, Debug)]
enum Expect {
    /// A success.
    Ok,
    /// This catalogue error.
    Error(ApiError),
    /// A code the clients' catalogue does not have: (code, status, message).
    Newer(&'static str, u16, &'static str),
}

fn step(method: &'static str, path: &'static str) -> Step {
    Step {
        server: "api",
        method,
        path,
        token: Some("demo"),
        headers: BTreeMap::new(),
        body: None,
        sign: None,
        expect: Expect::Ok,
    }
}

impl Step {
    fn token(mut self, token: Option<&'static str>) -> Self {
        self.token = token;
        self
    }
    fn body(mut self, body: &Value) -> Self {
        self.body = Some(body.to_string());
        self
    }
    fn raw_body(mut self, body: &str) -> Self {
        self.body = Some(body.to_owned());
        self
    }
    /// Signed now (`valid`), an hour ago (`stale`) or with the wrong secret.
    fn sign(mut self, how: &'static str) -> Self {
        self.sign = Some(how);
        self
    }
    fn unsigned(mut self) -> Self {
        self.sign = None;
        self
    }
    fn header(mut self, name: &'static str, value: &'static str) -> Self {
        self.headers.insert(name, value);
        self
    }
    fn on(mut self, server: &'static str) -> Self {
        self.server = server;
        self
    }
    /// Fails with `code`, a code without params.
    fn fails_with(self, code: &str) -> Self {
        self.fails_with_error(plain_error(code))
    }
    /// Fails with `error`, details and all. A `retry_after` in it is the
    /// most the server may send: see [`as_sent`].
    fn fails_with_error(mut self, error: impl Into<ApiError>) -> Self {
        self.expect = Expect::Error(error.into());
        self
    }
}

/// The catalogue's error for `code`, a code without params.
fn plain_error(code: &str) -> ApiError {
    None.or_else(|| Unauthorized::from_code(code).map(ApiError::from))
        .or_else(|| PaymentRequired::from_code(code).map(ApiError::from))
        .or_else(|| Forbidden::from_code(code).map(ApiError::from))
        .or_else(|| Conflict::from_code(code).map(ApiError::from))
        .or_else(|| InternalServerError::from_code(code).map(ApiError::from))
        .or_else(|| BadGateway::from_code(code).map(ApiError::from))
        .or_else(|| ServiceUnavailable::from_code(code).map(ApiError::from))
        .or_else(|| {
            [
                UnprocessableEntity::AlreadyExists,
                UnprocessableEntity::InvalidJson,
                UnprocessableEntity::InvalidAmountFormat,
                UnprocessableEntity::InvalidOtp,
                UnprocessableEntity::OtpExpired,
                UnprocessableEntity::TestMessageFailed,
            ]
            .into_iter()
            .find(|error| error.code() == code)
            .map(ApiError::from)
        })
        .or_else(|| {
            [
                TooManyRequests::PlanLimitReached,
                TooManyRequests::PaygLimitReached,
                TooManyRequests::OtpResendLimit,
                TooManyRequests::TooManyAttempts,
            ]
            .into_iter()
            .find(|error| error.code() == code)
            .map(ApiError::from)
        })
        .unwrap_or_else(|| panic!("{code} is no code without params"))
}

/// `validation_error` with these (field, reason) violations.
fn invalid(violations: &[(&str, &str)]) -> UnprocessableEntity {
    UnprocessableEntity::ValidationError {
        violations: violations
            .iter()
            .map(|(field, reason)| FieldViolation {
                field: (*field).to_owned(),
                reason: (*reason).to_owned(),
            })
            .collect(),
    }
}

/// The `retry_after` of an error that has one.
fn retry_after_of(error: &ApiError) -> Option<i64> {
    match error {
        ApiError::TooManyRequests(
            TooManyRequests::RateLimitExceeded { retry_after, .. }
            | TooManyRequests::OtpWaitRequired { retry_after },
        ) => Some(*retry_after),
        _ => None,
    }
}

/// The error a step expects as the server sent it: the same, with the
/// `retry_after` that was sent, which must be between 1 and the expected
/// one (the most the server may ask for: the time passes while the test
/// runs) and equal to the `Retry-After` header's. An error without
/// `retry_after` has no header.
#[track_caller]
fn as_sent(name: &str, expected: &ApiError, sent: Option<i64>, header: Option<&str>) -> ApiError {
    let Some(most) = retry_after_of(expected) else {
        assert_eq!(header, None, "{name}: a Retry-After header");
        return expected.clone();
    };
    let sent = sent.unwrap_or_else(|| panic!("{name}: no details.retry_after"));
    assert!((1..=most).contains(&sent), "{name}: retry_after {sent}");
    assert_eq!(
        header,
        Some(sent.to_string().as_str()),
        "{name}: the Retry-After header is details.retry_after"
    );
    match expected.clone() {
        ApiError::TooManyRequests(TooManyRequests::RateLimitExceeded { limit, .. }) => {
            TooManyRequests::RateLimitExceeded {
                retry_after: sent,
                limit,
            }
            .into()
        }
        ApiError::TooManyRequests(TooManyRequests::OtpWaitRequired { .. }) => {
            TooManyRequests::OtpWaitRequired { retry_after: sent }.into()
        }
        other => other,
    }
}

/// The seconds a duration holds, as `retry_after` does.
fn seconds(duration: Duration) -> i64 {
    i64::try_from(duration.as_secs()).unwrap()
}

/// A message to a number, signed, as `POST /v1/messages` takes it.
fn message(token: &'static str, to: &str, confirm: bool) -> Step {
    step("POST", "/v1/messages")
        .token(Some(token))
        .body(&json!({ "to": to, "text": "Hello.", "confirm_charge": confirm }))
        .sign("valid")
}

fn account(token: &'static str) -> Step {
    step("GET", "/v1/account").token(Some(token))
}

/// (name, steps) for every code: the last step that expects an error
/// provokes the code, which names the scenario; the steps before set the
/// state it needs, and the steps after (if any) undo it.
fn scenarios() -> Vec<(&'static str, Vec<Step>)> {
    scenario_steps()
        .into_iter()
        .map(|steps| (provoked(&steps), steps))
        .collect()
}

/// The code the last step that expects an error expects.
fn provoked(steps: &[Step]) -> &'static str {
    steps
        .iter()
        .rev()
        .find_map(|step| match &step.expect {
            Expect::Error(error) => Some(error.code()),
            Expect::Ok | Expect::Newer(..) => None,
        })
        .expect("a scenario whose steps expect no error")
}

/// The steps of each scenario, one scenario per code.
#[allow(clippy::too_many_lines, reason = "a table, one entry per code")]
fn scenario_steps() -> Vec<Vec<Step>> {
    let otp = |phone: &str| step("POST", "/v1/otp/send").body(&json!({ "phone": phone }));
    let verify = |phone: &str| {
        step("POST", "/v1/otp/verify").body(&json!({ "phone": phone, "code": "000000" }))
    };
    let maintenance = |on: bool| {
        step("PUT", "/admin/maintenance")
            .token(None)
            .header("X-Admin-Key", ADMIN_KEY)
            .body(&json!({ "enabled": on }))
    };
    let failing = format!("{}5550100", demo::FAILING_NUMBER_PREFIX);
    vec![
        vec![
            account("demo")
                .token(None)
                .fails_with("missing_auth_headers"),
        ],
        vec![account("no-such-token").fails_with("invalid_token")],
        vec![account("disabled").fails_with("token_inactive")],
        vec![account("expired").fails_with("token_expired")],
        vec![
            account("demo")
                .token(None)
                .header("X-Token", "not a token!")
                .fails_with("unauthorized"),
        ],
        vec![
            message("demo", "+15551234567", false)
                .unsigned()
                .fails_with("missing_signature"),
        ],
        vec![
            message("demo", "+15551234567", false)
                .sign("wrong")
                .fails_with("invalid_signature"),
        ],
        vec![
            message("demo", "+15551234567", false)
                .sign("stale")
                .fails_with("signature_expired"),
        ],
        vec![message("low-balance", "+15551234567", true).fails_with("insufficient_balance")],
        vec![account("office").fails_with("ip_not_allowed")],
        vec![account("deleted").fails_with("token_deleted")],
        vec![account("no-access").fails_with("no_api_access")],
        vec![message("payg", "+15551234567", false).fails_with("payg_confirm_required")],
        vec![
            // A value of the wrong type, named by serde.
            otp("+15553000004")
                .body(&json!({ "phone": 5 }))
                .fails_with_error(invalid(&[(
                    "phone",
                    "invalid type: integer `5`, expected a string",
                )])),
            // A missing one.
            step("POST", "/v1/webhooks")
                .body(&json!({}))
                .fails_with_error(invalid(&[("url", "is required")])),
            // Every input that fails the handler's checks, in the body's order.
            step("POST", "/v1/messages")
                .body(&json!({ "to": "12345", "text": "" }))
                .sign("valid")
                .fails_with_error(invalid(&[
                    ("to", server::PHONE_REASON),
                    ("text", server::TEXT_REASON),
                ])),
        ],
        vec![
            step("POST", "/v1/webhooks")
                .body(&json!({ "url": demo::REGISTERED_WEBHOOK }))
                .fails_with("already_exists"),
        ],
        vec![
            step("POST", "/v1/webhooks")
                .raw_body("{\"url\": ")
                .fails_with("invalid_json"),
        ],
        vec![
            step("PUT", "/v1/payg/limit")
                .token(Some("payg"))
                .body(&json!({ "amount": "12.345" }))
                .fails_with("invalid_amount_format"),
        ],
        vec![
            otp("+15553000001"),
            verify("+15553000001").fails_with("invalid_otp"),
        ],
        vec![verify(demo::PHONE_WITH_EXPIRED_OTP).fails_with("otp_expired")],
        vec![
            step("POST", "/v1/messages/test")
                .body(&json!({ "to": failing }))
                .fails_with("test_message_failed"),
        ],
        vec![
            account("throttled"),
            account("throttled"),
            account("throttled").fails_with_error(TooManyRequests::RateLimitExceeded {
                retry_after: 60,
                limit: Some(2),
            }),
        ],
        vec![message("plan-used-up", "+15551234567", false).fails_with("plan_limit_reached")],
        vec![message("payg-capped", "+15551234567", true).fails_with("payg_limit_reached")],
        vec![
            otp("+15553000002"),
            otp("+15553000002").fails_with_error(TooManyRequests::OtpWaitRequired {
                retry_after: seconds(server::OTP_RESEND_WAIT),
            }),
        ],
        vec![otp(demo::PHONE_AT_RESEND_LIMIT).fails_with("otp_resend_limit")],
        vec![
            otp("+15553000003"),
            verify("+15553000003").fails_with("invalid_otp"),
            verify("+15553000003").fails_with("invalid_otp"),
            verify("+15553000003").fails_with("invalid_otp"),
            verify("+15553000003").fails_with("too_many_attempts"),
        ],
        vec![account("orphan").fails_with("internal_error")],
        vec![message("demo", &failing, false).fails_with("send_message_failed")],
        vec![
            step("POST", "/v1/media")
                .body(&json!({ "to": failing, "url": "https://example.com/cat.jpg" }))
                .sign("valid")
                .fails_with("send_media_failed"),
        ],
        vec![message("offline", "+15551234567", false).fails_with("server_down")],
        vec![message("starting", "+15551234567", false).fails_with("session_not_ready")],
        vec![
            maintenance(true),
            account("demo").fails_with("maintenance_mode"),
            maintenance(false),
            account("demo"),
        ],
    ]
}

/// The steps that show both clients handling the newer server: a code they do
/// not know, and a code they do.
fn newer_server_steps() -> Vec<(&'static str, Vec<Step>)> {
    let mut opted_out = step("POST", "/v1/broadcasts")
        .on("next")
        .body(&json!({ "to": ["+15551234567", "+15550000099"], "text": "Hello, all." }));
    opted_out.expect = Expect::Newer(NEWER_CODE, 422, NEWER_MESSAGE);
    vec![
        ("newer server: unknown code", vec![opted_out]),
        (
            "newer server: known code",
            vec![account("expired").on("next").fails_with("token_expired")],
        ),
    ]
}

/// The scenarios provoke exactly the catalogue's codes, each once, in the
/// catalogue's order.
#[test]
fn the_scenarios_provoke_every_code_once() {
    let provoked: Vec<&str> = scenarios().iter().map(|(name, _)| *name).collect();
    let all: Vec<&str> = ApiError::CODES.to_vec();
    assert_eq!(provoked, all);
}

// ---------------------------------------------------------------------------
// Sending steps from Rust

/// Sends `step` as the TypeScript driver does: the same headers and body,
/// signed now, an hour ago, or with the wrong secret.
async fn send(http: &reqwest::Client, base_url: &str, step: &Step) -> reqwest::Response {
    let method = reqwest::Method::from_bytes(step.method.as_bytes()).unwrap();
    let mut request = http.request(method, format!("{base_url}{}", step.path));
    if let Some(token) = step.token {
        request = request.header("X-Token", token);
    }
    for (name, value) in &step.headers {
        request = request.header(*name, *value);
    }
    let body = step.body.clone().unwrap_or_default();
    if let (Some(how), Some(token)) = (step.sign, step.token) {
        let now = server::now_unix();
        let (secret, timestamp) = match how {
            "valid" => (demo::signing_secret(token), now),
            "stale" => (demo::signing_secret(token), now - 3600),
            _ => ("not-the-secret".to_owned(), now),
        };
        request = request.header("X-Timestamp", timestamp).header(
            "X-Signature",
            server::signature(&secret, timestamp, body.as_bytes()),
        );
    }
    if step.body.is_some() {
        request = request
            .header("content-type", "application/json")
            .body(body);
    }
    request
        .send()
        .await
        .unwrap_or_else(|error| panic!("{} {}: {error}", step.method, step.path))
}

/// A real response, for openapi-core.
#[derive(Serialize)]
struct Exchange {
    name: String,
    method: &'static str,
    path: &'static str,
    status: u16,
    content_type: String,
    body: String,
    in_catalogue: bool,
}

/// Every code over HTTP: status, content type and exactly serde's body; then
/// the real responses against the served document and generated/openapi.yaml.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_code_arrives_with_its_status_content_type_and_body() {
    let server = Server::api();
    let http = reqwest::Client::new();
    let mut exchanges = Vec::new();
    for (name, steps) in scenarios() {
        for step in &steps {
            let response = send(&http, &server.base_url, step).await;
            let status = response.status().as_u16();
            let content_type = response
                .headers()
                .get("content-type")
                .map(|value| value.to_str().unwrap().to_owned());
            let retry_after = response
                .headers()
                .get("retry-after")
                .map(|value| value.to_str().unwrap().to_owned());
            let body = response.bytes().await.unwrap();
            match &step.expect {
                Expect::Ok => assert!(
                    (200..300).contains(&status),
                    "{name}: a setup step got {status}: {body:?}"
                ),
                Expect::Error(error) => {
                    let sent: Value = serde_json::from_slice(&body).unwrap();
                    let error = as_sent(
                        name,
                        error,
                        sent["details"]["retry_after"].as_i64(),
                        retry_after.as_deref(),
                    );
                    assert_eq!(status, error.status(), "{name}: status");
                    assert_eq!(
                        content_type.as_deref(),
                        Some("application/json"),
                        "{name}: content type"
                    );
                    assert_eq!(
                        String::from_utf8_lossy(&body),
                        serde_json::to_string(&error).unwrap(),
                        "{name}: body"
                    );
                    exchanges.push(Exchange {
                        name: format!("{name} #{}", exchanges.len()),
                        method: step.method,
                        path: step.path,
                        status,
                        content_type: content_type.unwrap(),
                        body: String::from_utf8(body.to_vec()).unwrap(),
                        in_catalogue: true,
                    });
                }
                Expect::Newer(..) => unreachable!("the seed server sends no newer code"),
            }
        }
    }
    assert_eq!(
        exchanges.len(),
        ApiError::CODES.len() + 3 + 2,
        "every code, invalid_otp three times more on the way to too_many_attempts, \
         and validation_error twice more"
    );

    let response = http
        .get(format!("{}/openapi.json", server.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["content-type"], "application/json");
    let document = response.text().await.unwrap();
    drop(server);
    let printed = check_openapi("seed", &document, &exchanges, true);
    // Every error response the document declares was compared, none skipped.
    let declared = error_responses(&serde_json::from_str(&document).unwrap());
    assert!(
        printed.contains(&format!(
            "ok: {declared} error responses match openapi.yaml"
        )),
        "{printed}"
    );
    let sent = exchanges.len();
    assert!(
        printed.contains(&format!(
            "ok: {sent} responses valid against the served document, {sent} against openapi.yaml"
        )),
        "{printed}"
    );
}

/// How many 4xx and 5xx responses the operations of an `OpenAPI` document
/// declare.
fn error_responses(document: &Value) -> usize {
    let operations = document["paths"]
        .as_object()
        .expect("a document with paths")
        .values()
        .filter_map(Value::as_object)
        .flat_map(|item| item.values());
    operations
        .filter_map(|operation| operation["responses"].as_object())
        .flat_map(|responses| responses.keys())
        .filter(|status| status.starts_with(['4', '5']))
        .count()
}

/// Runs `check_served_openapi.py` on a served document and real responses.
fn check_openapi(case: &str, document_json: &str, exchanges: &[Exchange], compare: bool) -> String {
    let dir = target_dir().join("end-to-end").join(case);
    fs::create_dir_all(&dir).unwrap();
    let (document, recorded) = (dir.join("served.json"), dir.join("exchanges.json"));
    fs::write(&document, document_json).unwrap();
    fs::write(&recorded, serde_json::to_vec_pretty(exchanges).unwrap()).unwrap();
    let generated = workspace_root().join("generated/openapi.yaml");
    let mut args: Vec<&Path> = vec![
        &document,
        Path::new("--against"),
        &generated,
        Path::new("--exchanges"),
        &recorded,
    ];
    if compare {
        args.push(Path::new("--compare"));
    }
    python::run_passing_script("check_served_openapi.py", &args)
}

/// The Rust client reads every error into `Received<ApiError>`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_rust_client_reads_every_code() {
    let server = Server::api();
    let http = reqwest::Client::new();
    for (name, steps) in scenarios() {
        for step in &steps {
            let result = client::read::<Value>(send(&http, &server.base_url, step).await).await;
            match (&step.expect, result) {
                (Expect::Ok, Ok(_)) => {}
                (Expect::Error(expected), Err(failure @ ClientError::Api { .. })) => {
                    let ClientError::Api {
                        status,
                        error,
                        retry_after,
                    } = &failure
                    else {
                        unreachable!()
                    };
                    let known = error.known().unwrap_or_else(|| panic!("{name}: unknown"));
                    let header = retry_after.map(|wait| wait.as_secs().to_string());
                    let expected =
                        as_sent(name, expected, retry_after_of(&known), header.as_deref());
                    assert_eq!(status.as_u16(), expected.status(), "{name}");
                    assert_eq!(known, expected, "{name}");
                    assert_eq!(
                        (error.code(), error.message()),
                        (expected.code(), &*expected.message()),
                        "{name}"
                    );
                    // The client waits exactly what the server said.
                    if let Some(sent) = retry_after_of(&expected) {
                        let wait = Duration::from_secs(sent.unsigned_abs());
                        assert_eq!(failure.recovery(), Recovery::Retry(wait), "{name}");
                        assert_eq!(failure.recovery().delay(3), Some(wait), "{name}");
                    }
                    // And shows the user what was refused.
                    let shown = failure.to_string();
                    for violation in failure.violations() {
                        let line = format!("\n  {}: {}", violation.field, violation.reason);
                        assert!(shown.contains(&line), "{name}: {shown}");
                    }
                }
                (expect, result) => panic!("{name}: expected {expect:?}, got {result:?}"),
            }
        }
    }
}

/// Both clients, built on `errors.yaml`, read a code only the newer server's
/// catalogue has: kept as sent, unknown, handled by its status.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_rust_client_handles_a_code_from_a_newer_server() {
    let next = Server::next();
    let http = reqwest::Client::new();
    let mut exchanges = Vec::new();
    for (name, steps) in newer_server_steps() {
        for step in &steps {
            let response = send(&http, &next.base_url, step).await;
            let status = response.status().as_u16();
            // As sent, so that openapi-core checks the server's header.
            let content_type = response
                .headers()
                .get("content-type")
                .unwrap_or_else(|| panic!("{name}: no content type"))
                .to_str()
                .unwrap()
                .to_owned();
            let body = response.bytes().await.unwrap();
            exchanges.push(Exchange {
                name: name.to_owned(),
                method: step.method,
                path: step.path,
                status,
                content_type,
                body: String::from_utf8(body.to_vec()).unwrap(),
                in_catalogue: !matches!(&step.expect, Expect::Newer(..)),
            });
            let result = client::read::<Value>(send(&http, &next.base_url, step).await).await;
            match (&step.expect, result) {
                (
                    &Expect::Newer(code, expected_status, message),
                    Err(error @ ClientError::Api { .. }),
                ) => {
                    let ClientError::Api {
                        status,
                        error: received,
                        ..
                    } = &error
                    else {
                        unreachable!()
                    };
                    assert_eq!(status.as_u16(), expected_status);
                    assert_eq!(
                        received.known(),
                        None,
                        "{code} is not in the client's catalogue"
                    );
                    assert_eq!((received.code(), received.message()), (code, message));
                    assert_eq!(
                        error.recovery(),
                        Recovery::FixRequest,
                        "a 422 means the request must change"
                    );
                    // The strict enum would have failed: that is why clients read `Received`.
                    assert!(serde_json::from_slice::<ApiError>(&body).is_err());
                }
                (Expect::Error(expected), Err(ClientError::Api { error, .. })) => {
                    assert_eq!(error.known().as_ref(), Some(expected), "{name}");
                }
                (expect, result) => panic!("{name}: expected {expect:?}, got {result:?}"),
            }
        }
    }
    let document = http
        .get(format!("{}/openapi.json", next.base_url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    drop(next);
    // Valid against the newer server's own document; outside generated/openapi.yaml.
    let printed = check_openapi("next", &document, &exchanges, false);
    assert!(printed.contains("2 responses valid against the served document, 1 against openapi.yaml, 1 rejected there"), "{printed}");
}

/// Responses the API never sends are the Rust client's clear errors.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_rust_client_rejects_what_the_api_does_not_send() {
    let mock = Mock::start();
    let http = reqwest::Client::new();
    for (path, kind) in MOCK_CASES {
        let response = http
            .get(format!("{}{path}", mock.base_url()))
            .send()
            .await
            .unwrap();
        let error = client::read::<Value>(response).await.expect_err(path);
        let text = error.to_string();
        match (kind, &error) {
            ("too-large", ClientError::TooLarge { .. }) => assert!(
                text.contains("response body is over 1048576 bytes"),
                "{text}"
            ),
            ("unexpected", ClientError::Unexpected { .. }) => {
                assert!(text.contains("not a response of the API"), "{text}");
            }
            _ => panic!("{path}: expected {kind}, got {error:?}"),
        }
        assert_eq!(error.recovery(), Recovery::GiveUp, "{path}");
    }
    // A closed port: a transport error, not a panic.
    let closed = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let error = http
        .get(format!("http://{closed}/"))
        .send()
        .await
        .map_err(ClientError::from)
        .unwrap_err();
    assert!(matches!(error, ClientError::Transport(_)), "{error:?}");
}

/// The Rust client's typed methods, as an application calls them (the Rust
/// side of the TypeScript driver's typed section): the account and a signed
/// message with the demo token, an expired token's error, and the OTP flow.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_rust_client_typed_methods_work() {
    let server = Server::api();
    let token = "demo";
    let account_name = demo::tokens()
        .into_iter()
        .find(|demo| demo.token == token)
        .map(|demo| demo.account)
        .expect("the demo token");
    let acme = demo::accounts()
        .into_iter()
        .find(|account| account.name == account_name)
        .expect("the demo token's account");
    let plan = acme.plan.expect("the demo token's account has a plan");
    let client = Client::new(&server.base_url, token, &demo::signing_secret(token));

    let account = client.account().await.expect("the account, demo token");
    assert_eq!(account.name, acme.name);
    assert_eq!(account.plan_messages_left, Some(plan.quota - plan.used));
    assert_eq!(account.wallet_cents, acme.wallet_cents);

    // Signed by `Client::signed`; the plan pays for it, not the wallet.
    let message = SendMessage {
        to: "+15551234567".to_owned(),
        text: "Hello.".to_owned(),
        confirm_charge: false,
    };
    let sent = client
        .send_message(&message)
        .await
        .expect("a signed message, demo token");
    assert_eq!(sent.charged_cents, 0);
    let account = client.account().await.expect("the account after sending");
    assert_eq!(
        account.plan_messages_left,
        Some(plan.quota - plan.used - 1),
        "the message was counted"
    );
    // The server checks the signature: the same call with the wrong secret fails.
    let wrong_secret = Client::new(&server.base_url, token, "not-the-secret");
    assert_api_error(
        wrong_secret.send_message(&message).await,
        &Unauthorized::InvalidSignature.into(),
        Recovery::FixRequest,
    );

    let expired = Client::new(
        &server.base_url,
        "expired",
        &demo::signing_secret("expired"),
    );
    assert_api_error(
        expired.account().await,
        &Unauthorized::TokenExpired.into(),
        Recovery::Reauthenticate,
    );

    let phone = "+15557654321";
    let otp = client.send_otp(phone).await.expect("an OTP sent");
    assert_eq!(otp.expires_in_seconds, server::OTP_LIFETIME.as_secs());
    assert_otp_wait_and_violations(&client, phone).await;
    // Codes never start with 0, so "000000" is wrong.
    for _ in 0..server::OTP_MAX_ATTEMPTS {
        assert_api_error(
            client.verify_otp(phone, "000000").await,
            &UnprocessableEntity::InvalidOtp.into(),
            Recovery::FixRequest,
        );
    }
    // A number with no OTP is invalid_otp forever; this one's OTP counted
    // the wrong codes, so it is the OTP that send_otp sent.
    assert_api_error(
        client.verify_otp(phone, "000000").await,
        &TooManyRequests::TooManyAttempts.into(),
        Recovery::GiveUp,
    );
}

/// Sending a second OTP at once: `otp_wait_required`, whose wait the client
/// takes from the server; and a bad number, which the client names.
async fn assert_otp_wait_and_violations(client: &Client, phone: &str) {
    // The server holds an OTP for the number now, so sending again must
    // wait: as long as the server says, which is what the client waits.
    let error = client
        .send_otp(phone)
        .await
        .expect_err("a second OTP at once");
    let ClientError::Api {
        error: received,
        retry_after,
        ..
    } = &error
    else {
        panic!("expected the API's error, got {error:?}");
    };
    let header = retry_after.map(|wait| wait.as_secs().to_string());
    let known = received
        .known()
        .expect("otp_wait_required, with its details");
    let sent = as_sent(
        "otp_wait_required",
        &TooManyRequests::OtpWaitRequired {
            retry_after: seconds(server::OTP_RESEND_WAIT),
        }
        .into(),
        retry_after_of(&known),
        header.as_deref(),
    );
    assert_eq!(known, sent);
    assert_eq!(
        error.recovery(),
        Recovery::Retry(*retry_after.as_ref().unwrap())
    );
    // A bad input: the client names it to the user.
    let error = client.send_otp("5551234").await.expect_err("a bad number");
    assert_eq!(
        error.violations(),
        [FieldViolation {
            field: "phone".to_owned(),
            reason: server::PHONE_REASON.to_owned(),
        }]
    );
    assert!(
        error.to_string().ends_with(&format!(
            "(validation_error)\n  phone: {}",
            server::PHONE_REASON
        )),
        "{error}"
    );
}

/// `result` is the API's `expected` error, read through `Received` as a known
/// code with its status and message, and the client decides `recovery`.
#[track_caller]
fn assert_api_error<T: std::fmt::Debug>(
    result: Result<T, ClientError>,
    expected: &ApiError,
    recovery: Recovery,
) {
    let error = result.expect_err(expected.code());
    let ClientError::Api {
        status,
        error: received,
        ..
    } = &error
    else {
        panic!(
            "{}: expected the API's error, got {error:?}",
            expected.code()
        );
    };
    assert_eq!(status.as_u16(), expected.status(), "{}", expected.code());
    assert_eq!(received.known().as_ref(), Some(expected));
    assert_eq!(
        (received.code(), received.message()),
        (expected.code(), &*expected.message())
    );
    assert_eq!(error.recovery(), recovery, "{}", expected.code());
}

// ---------------------------------------------------------------------------
// The TypeScript client

/// Compiles the TypeScript client and driver with both pinned compilers, and
/// returns the folder with TypeScript 7's output.
///
/// The sources are copied, with their places relative to each other, into a
/// folder that a `package.json` makes an ES module package, as the
/// `nodenext` settings of `tests/ts/tsconfig.strict.json` need.
fn compile_typescript() -> PathBuf {
    let root = workspace_root();
    let dir = target_dir().join("end-to-end").join("typescript");
    if dir.exists() {
        fs::remove_dir_all(&dir).unwrap();
    }
    let sources = dir.join("src");
    let files = [
        "generated/errors.ts",
        "examples/service/ts/client.ts",
        "examples/service/tests/driver.ts",
    ];
    for file in files {
        let to = sources.join(file);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(root.join(file), &to).unwrap_or_else(|error| panic!("{file}: {error}"));
    }
    let module_package = "{ \"private\": true, \"type\": \"module\" }\n";
    fs::write(sources.join("package.json"), module_package).unwrap();
    let types = node::node_modules().join("@types");
    for package in ["typescript", "typescript-5.9"] {
        let out = dir.join(format!("out-{package}"));
        let config = dir.join(format!("tsconfig-{package}.json"));
        let tsconfig = json!({
            "extends": root.join("tests/ts/tsconfig.strict.json"),
            "compilerOptions": {
                "rootDir": sources,
                "outDir": out,
                "types": ["node"],
                "typeRoots": [types],
            },
            "files": files.iter().map(|file| sources.join(file)).collect::<Vec<_>>(),
        });
        fs::write(&config, serde_json::to_string_pretty(&tsconfig).unwrap()).unwrap();
        tools::run(
            node::package_script(package, "bin/tsc")
                .arg("--project")
                .arg(&config)
                .args(["--pretty", "false"]),
            &format!("{package} rejects the example's TypeScript client or the driver"),
        );
        fs::write(out.join("package.json"), module_package).unwrap();
    }
    dir.join("out-typescript")
}

/// The scenarios every client driver runs (every code, the newer server's
/// code, and the mock's responses the API does not send), and the plan that
/// hands them to a driver: the servers' addresses, the steps, and the typed
/// calls to make after them.
fn driver_plan(
    api: &Server,
    next: &Server,
    mock: &Mock,
) -> (Vec<(&'static str, Vec<Step>)>, Value) {
    let mut scenarios = scenarios();
    scenarios.extend(newer_server_steps());
    for (path, _) in MOCK_CASES {
        let mut step = step("GET", path).on("mock").token(None);
        step.expect = Expect::Ok; // checked separately below
        scenarios.push((path, vec![step]));
    }
    let plan = json!({
        "servers": { "api": api.base_url, "next": next.base_url, "mock": mock.base_url() },
        "scenarios": scenarios.iter().map(|(name, steps)| json!({ "name": name, "steps": steps })).collect::<Vec<_>>(),
        "typed": { "server": "api", "token": "demo", "signingSecret": demo::signing_secret("demo") },
    });
    (scenarios, plan)
}

/// Checks the report lines a client driver printed, one per step of
/// `scenarios`, against what the Rust client decides for the same
/// responses, then the reports of the typed calls after them: a success, a
/// signed success, and an expired token's error.
fn check_driver_reports(scenarios: &[(&'static str, Vec<Step>)], printed: &str) {
    let reports: Vec<Value> = printed
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let mut reports = reports.iter();
    for (name, steps) in scenarios {
        for (index, step) in steps.iter().enumerate() {
            let report = reports
                .next()
                .unwrap_or_else(|| panic!("no report for {name} #{index}"));
            assert_eq!(
                (report["scenario"].as_str(), report["step"].as_u64()),
                (Some(*name), Some(index as u64))
            );
            if let Some(kind) = MOCK_CASES
                .iter()
                .find(|(path, _)| path == name)
                .map(|(_, kind)| kind)
            {
                assert_eq!(report["outcome"], *kind, "{name}: {report}");
                assert_eq!(report["recovery"], json!({ "kind": "give-up" }), "{name}");
                continue;
            }
            match &step.expect {
                Expect::Ok => assert_eq!(report["outcome"], "ok", "{name} #{index}: {report}"),
                Expect::Error(error) => {
                    let header = report["retryAfter"].as_u64().map(|wait| wait.to_string());
                    let error = as_sent(
                        name,
                        error,
                        report["details"]["retry_after"].as_i64(),
                        header.as_deref(),
                    );
                    // The Rust client's view of the same response: both
                    // clients must decide alike, down to the wait.
                    let rust = ClientError::Api {
                        status: reqwest::StatusCode::from_u16(error.status()).unwrap(),
                        error: serde_json::from_value::<Received<ApiError>>(
                            serde_json::to_value(&error).unwrap(),
                        )
                        .unwrap(),
                        retry_after: retry_after_of(&error)
                            .map(|sent| Duration::from_secs(sent.unsigned_abs())),
                    };
                    let expected = expected_report(name, index, &error, &rust);
                    assert_eq!(*report, expected, "{name} #{index}");
                }
                &Expect::Newer(code, status, message) => assert_eq!(
                    *report,
                    json!({
                        "scenario": name, "step": index, "outcome": "api", "status": status,
                        "code": code, "message": message, "known": false,
                        "recovery": { "kind": "fix-request" },
                    }),
                    "{name}"
                ),
            }
        }
    }
    let typed: Vec<&Value> = reports.collect();
    assert_eq!(typed.len(), 3, "{typed:?}");
    assert_eq!(
        (typed[0]["outcome"].as_str(), typed[1]["outcome"].as_str()),
        (Some("ok"), Some("ok")),
        "{typed:?}"
    );
    assert_eq!(
        (typed[2]["code"].as_str(), typed[2]["known"].as_bool()),
        (Some("token_expired"), Some(true))
    );
}

/// The TypeScript client narrows every code from the server, handles the
/// newer server's code, and rejects what the API does not send.
#[test]
fn the_typescript_client_narrows_every_code() {
    let compiled = compile_typescript();
    let (api, next, mock) = (Server::api(), Server::next(), Mock::start());
    let (scenarios, plan) = driver_plan(&api, &next, &mock);
    let plan_path = compiled.join("plan.json");
    fs::write(&plan_path, plan.to_string()).unwrap();

    let started = Instant::now();
    let printed = tools::run(
        node::node()
            .arg(compiled.join("examples/service/tests/driver.js"))
            .arg(&plan_path),
        "the TypeScript driver fails",
    );
    eprintln!(
        "the TypeScript driver ran in {:.1}s",
        started.elapsed().as_secs_f64()
    );
    drop((api, next, mock));

    check_driver_reports(&scenarios, &printed);
}

/// The Python client (`py/client.py`, urllib only) reads every code from
/// the server, handles the newer server's code, and rejects what the API does
/// not send, deciding as the Rust client does. `generated/errors.py`, the
/// client and the driver first pass `mypy --strict`, pyright (strict) and
/// ruff in one folder, as a project that vendors `errors.py` has them.
#[test]
fn the_python_client_reads_every_code() {
    let root = workspace_root();
    let dir = target_dir().join("end-to-end").join("python");
    if dir.exists() {
        fs::remove_dir_all(&dir).unwrap();
    }
    fs::create_dir_all(&dir).unwrap();
    for file in [
        "generated/errors.py",
        "examples/service/py/client.py",
        "examples/service/tests/driver.py",
        "examples/service/py/readme_example.py",
    ] {
        let name = Path::new(file).file_name().unwrap();
        fs::copy(root.join(file), dir.join(name)).unwrap_or_else(|error| panic!("{file}: {error}"));
    }
    for (tool, took) in python::check_with_tools(&dir) {
        eprintln!("{tool} on the Python client: {:.1} s", took.as_secs_f64());
    }

    let (api, next, mock) = (Server::api(), Server::next(), Mock::start());
    let (scenarios, plan) = driver_plan(&api, &next, &mock);
    let plan_path = dir.join("plan.json");
    fs::write(&plan_path, plan.to_string()).unwrap();
    let started = Instant::now();
    let printed = tools::run(
        Command::new(python::tools_python())
            .arg(dir.join("driver.py"))
            .arg(&plan_path),
        "the Python driver fails",
    );
    eprintln!(
        "the Python driver ran in {:.1}s",
        started.elapsed().as_secs_f64()
    );
    // The README's example, against the same server: an error, and a success.
    let example = |token: &str| {
        tools::run(
            Command::new(python::tools_python())
                .arg(dir.join("readme_example.py"))
                .arg(&api.base_url)
                .arg(token),
            "the README's Python example fails",
        )
    };
    assert_eq!(
        example("expired"),
        "get a new token: The API Token has expired. (token_expired)\n"
    );
    assert!(example("demo").starts_with("{'name': "), "the demo account");
    drop((api, next, mock));

    check_driver_reports(&scenarios, &printed);
}

/// The README's Python example is `py/readme_example.py`, which
/// [`the_python_client_reads_every_code`] checks with the tools and runs.
#[test]
fn the_readme_python_example_is_the_checked_file() {
    let root = workspace_root();
    let readme = fs::read_to_string(root.join("README.md")).unwrap();
    let (_, section) = readme
        .split_once("\n### Python\n")
        .expect("a ### Python section in the README");
    let block = section
        .split_once("```python\n")
        .and_then(|(_, rest)| rest.split_once("```\n"))
        .map(|(block, _)| block)
        .expect("a ```python block in the Python section");
    let file = fs::read_to_string(root.join("examples/service/py/readme_example.py")).unwrap();
    assert_eq!(block, file);
}

/// What a client driver must report for a step that got `error`,
/// decided as the Rust client `rust` decides: the recovery and its wait, the
/// details and the `Retry-After` header, and the violations shown.
fn expected_report(name: &str, index: usize, error: &ApiError, rust: &ClientError) -> Value {
    let body = serde_json::to_value(error).unwrap();
    let mut expected = json!({
        "scenario": name, "step": index, "outcome": "api", "status": error.status(),
        "code": error.code(), "message": error.message(), "known": true,
        "knownStatus": error.status(), "catalogueMessage": error.message(),
        "recovery": recovery_json(rust.recovery()),
    });
    if let Some(delay) = rust.recovery().delay(0) {
        expected["delay"] = delay.as_secs().into();
    }
    if let Some(details) = body.get("details") {
        expected["details"] = details.clone();
    }
    if let Some(sent) = retry_after_of(error) {
        expected["retryAfter"] = sent.into();
    }
    let violations = rust.violations();
    if !violations.is_empty() {
        let lines = violations
            .iter()
            .fold(String::new(), |mut lines, violation| {
                let _ = write!(lines, "\n  {}: {}", violation.field, violation.reason);
                lines
            });
        expected["described"] = format!(
            "{}: {} ({}){lines}",
            error.status(),
            error.message(),
            error.code()
        )
        .into();
    }
    expected
}

/// The Rust client's `Recovery` in the TypeScript client's shape.
fn recovery_json(recovery: Recovery) -> Value {
    match recovery {
        Recovery::Retry(after) => json!({ "kind": "retry", "afterSeconds": after.as_secs() }),
        Recovery::Backoff => json!({ "kind": "backoff" }),
        Recovery::Reauthenticate => json!({ "kind": "reauthenticate" }),
        Recovery::FixRequest => json!({ "kind": "fix-request" }),
        Recovery::AddFunds => json!({ "kind": "add-funds" }),
        Recovery::GiveUp => json!({ "kind": "give-up" }),
    }
}

// ---------------------------------------------------------------------------
// schemathesis

/// schemathesis runs every check against the served document and finds
/// nothing. `tests/schemathesis/schemathesis.toml` makes the run
/// deterministic and bounded (a fixed seed, one worker, a fixed number of
/// cases per operation and phase) and keeps it under the demo token's rate
/// limit; `hooks.py` signs the signed operations and adds the service's own
/// checks. The exit status says whether a check failed; the summary is
/// printed either way.
#[test]
fn schemathesis_finds_no_failure() {
    let config = workspace_root().join("examples/service/tests/schemathesis");
    // schemathesis and Hypothesis write their state into the current folder.
    let dir = target_dir().join("end-to-end").join("schemathesis");
    if dir.exists() {
        fs::remove_dir_all(&dir).unwrap();
    }
    fs::create_dir_all(&dir).unwrap();
    let python = python::tools_python();
    let server = Server::api();
    let started = Instant::now();
    let output = Command::new(python)
        .args(["-m", "schemathesis.cli", "--config-file"])
        .arg(config.join("schemathesis.toml"))
        .arg("run")
        .arg(format!("{}/openapi.json", server.base_url))
        .args(["--checks", "all", "--no-color"])
        .env("SCHEMATHESIS_HOOKS", config.join("hooks.py"))
        .env("SERVICE_TOKEN", "demo")
        .env("SERVICE_SIGNING_SECRET", demo::signing_secret("demo"))
        .env("SERVICE_FAILING_NUMBER_PREFIX", demo::FAILING_NUMBER_PREFIX)
        .current_dir(&dir)
        .output()
        .unwrap_or_else(|error| panic!("cannot run {}: {error}", python.display()));
    let elapsed = started.elapsed().as_secs_f64();
    drop(server);
    let printed = String::from_utf8_lossy(&output.stdout);
    let summary = printed.find("=== SUMMARY ===").map_or(&*printed, |at| {
        &printed[printed[..at].rfind('\n').map_or(0, |line| line + 1)..]
    });
    eprintln!("schemathesis ran in {elapsed:.1}s\n{summary}");
    assert!(
        output.status.success(),
        "schemathesis failed ({}):\n{printed}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    // Every operation was tested, not just some.
    let document = serde_json::to_value(server::ApiDoc::openapi()).unwrap();
    let operations: usize = document["paths"]
        .as_object()
        .expect("a document with paths")
        .values()
        .filter_map(Value::as_object)
        .map(|item| {
            item.keys()
                .filter(|key| ["get", "put", "post", "delete", "patch"].contains(&key.as_str()))
                .count()
        })
        .sum();
    assert!(
        printed.contains(&format!("Tested: {operations}\n")),
        "not all {operations} operations were tested:\n{summary}"
    );
}

// ---------------------------------------------------------------------------
// The processes stop, and the newer catalogue is what it claims

/// A server is killed when its guard is dropped during a panic, and exits on
/// its own when its standard input closes (as when this process dies).
#[test]
fn servers_stop_on_every_path() {
    let server = Server::api();
    let address = server.address();
    let pid = server.child.id();
    let panicked = std::panic::catch_unwind(move || {
        let _server = server;
        panic!("a failing assertion");
    });
    assert!(panicked.is_err());
    assert!(
        TcpStream::connect(address).is_err(),
        "the server still accepts connections"
    );
    if cfg!(target_os = "linux") {
        assert!(
            !Path::new(&format!("/proc/{pid}")).exists(),
            "process {pid} was not reaped"
        );
    }

    let mut server = Server::api();
    drop(server.child.stdin.take());
    let deadline = Instant::now() + Duration::from_secs(30);
    while server.child.try_wait().unwrap().is_none() {
        assert!(
            Instant::now() < deadline,
            "the server ignored the end of its input"
        );
        thread::sleep(Duration::from_millis(20));
    }
}

/// `errors-next.yaml` is `errors.yaml` with a minor version bump and exactly
/// the one new code, so the newer server differs from the clients' catalogue
/// in that code alone. The breaking-change diff lists every difference.
#[test]
fn the_next_catalogue_is_the_seed_plus_one_code() {
    let seed = Catalog::load(&workspace_root().join("errors.yaml")).unwrap();
    let next = Catalog::load(&workspace_root().join("examples/service/errors-next.yaml")).unwrap();
    let report = diff::compare(&seed, &next);
    let changes: Vec<(ChangeKind, Option<&str>)> = report
        .changes
        .iter()
        .map(|change| (change.kind, change.code.as_deref()))
        .collect();
    assert_eq!(
        changes,
        [
            (ChangeKind::VersionChanged, None),
            (ChangeKind::CodeAdded, Some(NEWER_CODE)),
        ],
        "{:#?}",
        report.changes
    );
}

// ---------------------------------------------------------------------------
// The Go client

/// A copy of `examples/service/go/` under the target dir, with the generated
/// `errors.go` as its `apierrors` package (the repository keeps one copy of
/// the file, in `generated/`), checked by `gofmt -l` and `go vet`.
fn go_client_module() -> PathBuf {
    fn copy_tree(from: &Path, to: &Path) {
        fs::create_dir_all(to).unwrap();
        for entry in fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy_tree(&entry.path(), &target);
            } else {
                fs::copy(entry.path(), &target).unwrap();
            }
        }
    }
    let root = workspace_root();
    let dir = target_dir().join("end-to-end").join("go");
    if dir.exists() {
        fs::remove_dir_all(&dir).unwrap();
    }
    copy_tree(&root.join("examples/service/go"), &dir);
    fs::create_dir_all(dir.join("apierrors")).unwrap();
    fs::copy(
        root.join("generated/errors.go"),
        dir.join("apierrors/errors.go"),
    )
    .unwrap();
    let started = Instant::now();
    let unformatted = tools::run(
        error_codes_tests::go::gofmt().arg("-l").arg(&dir),
        "gofmt lists the Go client's files",
    );
    assert_eq!(unformatted, "", "gofmt would change these files");
    tools::run(
        error_codes_tests::go::go()
            .current_dir(&dir)
            .args(["vet", "./..."]),
        "go vet rejects the Go client",
    );
    tools::run(
        error_codes_tests::go::go().current_dir(&dir).args([
            "build",
            "-o",
            "driver",
            "./cmd/driver",
        ]),
        "the Go driver does not build",
    );
    eprintln!(
        "gofmt, go vet and go build of the Go client: {:.1}s",
        started.elapsed().as_secs_f64()
    );
    dir
}

/// The Go client reads every code from the server, handles the newer
/// server's code, rejects what the API does not send, and decides every
/// recovery as the Rust and TypeScript clients do; the README's Go example
/// builds and runs.
#[test]
fn the_go_client_reads_every_code() {
    let dir = go_client_module();
    let (api, next, mock) = (Server::api(), Server::next(), Mock::start());
    let (scenarios, plan) = driver_plan(&api, &next, &mock);
    let plan_path = dir.join("plan.json");
    fs::write(&plan_path, plan.to_string()).unwrap();

    let started = Instant::now();
    let printed = tools::run(
        Command::new(dir.join("driver")).arg(&plan_path),
        "the Go driver fails",
    );
    eprintln!(
        "the Go driver ran in {:.1}s",
        started.elapsed().as_secs_f64()
    );
    drop((api, next, mock));

    check_driver_reports(&scenarios, &printed);

    // The README's example is this file, and it runs.
    let example = fs::read_to_string(dir.join("readmeexample/main.go")).unwrap();
    let readme = fs::read_to_string(workspace_root().join("README.md")).unwrap();
    assert!(
        readme.contains(&format!("```go\n{example}```\n")),
        "the README's Go example is not examples/service/go/readmeexample/main.go"
    );
    let printed = tools::run(
        error_codes_tests::go::go()
            .current_dir(&dir)
            .args(["run", "./readmeexample"]),
        "the README's Go example fails",
    );
    assert_eq!(printed, "otp_wait_required: retry in 30s\n");
}
