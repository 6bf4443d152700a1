//! The web framework features: axum's `IntoResponse` and actix-web's
//! `ResponseError`, each through a real handler in the framework's own
//! router, for every value of every generated enum (the groups and `ApiError`)
//! and of a derived type; and utoipa's `IntoResponses` in a real `OpenApi`
//! document, which the pinned validator checks against `generated/openapi.yaml`.

// The hook's impls must stay quiet under the strictest settings a user may pick.
#![deny(warnings, missing_docs, clippy::pedantic)]

use std::fmt::Debug;
use std::fs;
use std::path::Path;

use error_codes::{ErrorBody, ErrorCode};
use error_codes_tests::{python, target_dir, workspace_root};
use serde_json::Value;

error_codes::include_errors!("../../errors.yaml");

// The senders the layout tests share; the checks of theirs this file does
// not use are unused here.
#[allow(dead_code, reason = "this file uses the senders only")]
mod common;

/// The catalogue as it was before params: every value of every enum can be
/// listed (`ALL`), and each is sent exactly as serde writes it.
mod seed {
    error_codes::include_errors!("../fixtures/seed-1.0/errors.yaml");
}

/// Errors of a user service, written by hand, with text that JSON must escape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, error_codes::ErrorCode)]
enum Mine {
    /// The code from the variant name.
    #[error_code(status = 404, message = "No such user.")]
    UserNotFound,
    /// Quotes, a backslash, a tab, a line break and non-ASCII (the derive
    /// refuses other control characters).
    #[error_code(
        status = 409,
        code = "number-in-use",
        message = "The \"number\" \\ is\tin use.\nDéjà 🔥"
    )]
    NumberInUse,
    /// The other end of the range the derive allows.
    #[error_code(status = 599, message = "Edge of the range.")]
    Edge,
    /// A second code with the first status.
    #[error_code(status = 404, message = "No such number.")]
    NumberNotFound,
}

/// A status whose reason phrase RFC 9110 renamed: the `http` crate still
/// calls 413 "Payload Too Large".
#[derive(Debug, Clone, Copy, error_codes::ErrorCode)]
enum Upload {
    #[error_code(status = 413, message = "The file is too large.")]
    FileTooLarge,
}

/// The values of `Mine`.
const MINE: [Mine; 4] = [
    Mine::UserNotFound,
    Mine::NumberInUse,
    Mine::Edge,
    Mine::NumberNotFound,
];

/// What a framework sent: status, content type and body.
type Sent = (u16, Option<String>, Vec<u8>);

/// Calls `$respond(value, $context)`, a generic function, for every value of
/// every enum of the 1.0 seed (`ApiError` and each group), so that each type's own
/// impl answers; pushes `(value as Debug, what was sent)` onto `$sent`.
macro_rules! respond_generated {
    ($sent:ident, $respond:ident, $context:expr) => {
        respond_generated!(@types $sent, $respond, $context, ApiError, Unauthorized,
            PaymentRequired, Forbidden, Conflict, UnprocessableEntity, TooManyRequests,
            InternalServerError, BadGateway, ServiceUnavailable)
    };
    (@types $sent:ident, $respond:ident, $context:expr, $($ty:ident),*) => {
        $(
            for value in seed::$ty::ALL {
                $sent.push((format!("{value:?}"), $respond(*value, $context)));
            }
        )*
    };
}

/// [`respond_generated!`], then the same for every value of `Mine`.
macro_rules! respond_all {
    ($respond:ident, $context:expr) => {{
        let mut sent: Vec<(String, Sent)> = Vec::new();
        respond_generated!(sent, $respond, $context);
        for value in MINE {
            sent.push((format!("{value:?}"), $respond(value, $context)));
        }
        sent
    }};
}

/// What every value must be sent as, in the order of [`respond_all!`]: its
/// status, `application/json`, and serde's body (`Mine` has no serde impl, so
/// its body is `ErrorBody`'s, the same shape).
fn expected() -> Vec<(String, Sent)> {
    fn expect<E: ErrorCode + Debug>(value: &E, body: Vec<u8>) -> Sent {
        // Serde's body is exactly the plain body type's: nothing else in it.
        assert_eq!(
            body,
            serde_json::to_vec(&ErrorBody::new(value)).unwrap(),
            "{value:?}"
        );
        (value.status(), Some("application/json".to_owned()), body)
    }
    fn serde<E: ErrorCode + serde::Serialize + Debug + Copy>(value: E, (): ()) -> Sent {
        let body = serde_json::to_vec(&value).unwrap();
        expect(&value, body)
    }
    fn plain(value: Mine) -> Sent {
        expect(&value, serde_json::to_vec(&ErrorBody::new(&value)).unwrap())
    }
    let mut expected: Vec<(String, Sent)> = Vec::new();
    respond_generated!(expected, serde, ());
    assert_eq!(
        expected.len(),
        64,
        "32 codes, once through ApiError and once through a group"
    );
    for value in MINE {
        expected.push((format!("{value:?}"), plain(value)));
    }
    expected
}

fn assert_sent(framework: &str, sent: &[(String, Sent)]) {
    let expected = expected();
    assert_eq!(sent.len(), expected.len());
    for ((name, (status, content_type, body)), (expected_name, expected)) in
        sent.iter().zip(&expected)
    {
        assert_eq!(name, expected_name);
        assert_eq!(*status, expected.0, "{framework}: status of {name}");
        assert_eq!(
            *content_type, expected.1,
            "{framework}: content type of {name}"
        );
        assert_eq!(
            String::from_utf8_lossy(body),
            String::from_utf8_lossy(&expected.2),
            "{framework}: body of {name}"
        );
    }
}

#[test]
fn axum_handlers_send_status_content_type_and_body() {
    use axum::Router;
    use axum::body::Body;
    use axum::http::Request;
    use axum::http::header::CONTENT_TYPE;
    use axum::response::IntoResponse;
    use axum::routing::get;
    use tokio::runtime::Runtime;
    use tower::ServiceExt as _;

    /// A request to a router whose one handler fails with `error`, as a user's would.
    fn respond<E: IntoResponse + Copy + Send + Sync + 'static>(
        error: E,
        runtime: &Runtime,
    ) -> Sent {
        let app = Router::new().route("/", get(move || async move { Err::<String, E>(error) }));
        runtime.block_on(async {
            let request = Request::get("/").body(Body::empty()).unwrap();
            let response = app.oneshot(request).await.unwrap();
            let content_type = response
                .headers()
                .get(CONTENT_TYPE)
                .map(|value| value.to_str().unwrap().to_owned());
            let status = response.status().as_u16();
            let body = axum::body::to_bytes(response.into_body(), 1 << 16)
                .await
                .unwrap();
            (status, content_type, body.to_vec())
        })
    }

    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    assert_sent("axum", &respond_all!(respond, &runtime));
}

#[test]
fn actix_web_handlers_send_status_content_type_and_body() {
    use actix_web::http::header::CONTENT_TYPE;
    use actix_web::rt::{System, SystemRunner};
    use actix_web::{App, ResponseError, test, web};

    /// A request to an app whose one handler fails with `error`, as a user's would.
    fn respond<E: ResponseError + Copy + 'static>(error: E, system: &SystemRunner) -> Sent {
        let app = App::new().route(
            "/",
            web::get().to(move || async move { Err::<String, E>(error) }),
        );
        system.block_on(async {
            let service = test::init_service(app).await;
            let response =
                test::call_service(&service, test::TestRequest::get().uri("/").to_request()).await;
            let content_type = response
                .headers()
                .get(CONTENT_TYPE)
                .map(|value| value.to_str().unwrap().to_owned());
            let status = response.status().as_u16();
            let body = test::read_body(response).await;
            (status, content_type, body.to_vec())
        })
    }

    let system = System::new();
    assert_sent("actix-web", &respond_all!(respond, &system));
}

/// The derive limits statuses to 400–599 (`ui/derive/status_out_of_range.rs`
/// shows the compile error), and both `http` crates accept every one of them,
/// so no derived or generated type reaches the 500 fallback of `status_code`.
#[test]
fn every_status_the_derive_allows_is_a_valid_http_status() {
    for status in error_codes_gen::ERROR_STATUSES {
        let http1 = axum::http::StatusCode::from_u16(status).unwrap();
        let http02 = actix_web::http::StatusCode::from_u16(status).unwrap();
        assert_eq!((http1.as_u16(), http02.as_u16()), (status, status));
    }
    let source =
        fs::read_to_string(workspace_root().join("tests/ui/derive/status_out_of_range.stderr"))
            .unwrap();
    for outside in ["399", "600", "200", "70000"] {
        assert!(
            source.contains(&format!(
                "status must be an HTTP error status between 400 and 599, found `{outside}`"
            )),
            "the derive no longer rejects {outside}"
        );
    }
}

mod openapi {
    //! An `OpenAPI` document built by utoipa from handlers that name the
    //! error types in `responses(...)`: the 1.0 seed's, a derived type's, and
    //! the catalogue's as it is now, with details.

    use super::seed::{ApiError, Unauthorized};
    use super::{Mine, Upload};

    /// Fails with any API error.
    #[utoipa::path(post, path = "/v1/messages", responses((status = 200, description = "Sent."), ApiError))]
    #[allow(dead_code)]
    pub(super) fn send_message() {}

    /// Fails with a 401 only.
    #[utoipa::path(get, path = "/v1/account", responses((status = 200, description = "The account."), Unauthorized))]
    #[allow(dead_code)]
    pub(super) fn account() {}

    /// Fails with a derived type's errors.
    #[utoipa::path(get, path = "/v1/users", responses((status = 200, description = "The users."), Mine))]
    #[allow(dead_code)]
    pub(super) fn users() {}

    /// Fails with a derived 413.
    #[utoipa::path(post, path = "/v1/uploads", responses((status = 200, description = "Stored."), Upload))]
    #[allow(dead_code)]
    pub(super) fn upload() {}

    /// The operations that fail with the catalogue's errors.
    #[derive(utoipa::OpenApi)]
    #[openapi(paths(send_message, account))]
    pub(super) struct Catalogue;

    /// The operation that fails with the derived type's errors.
    #[derive(utoipa::OpenApi)]
    #[openapi(paths(users))]
    pub(super) struct Derived;

    /// The operation that fails with a derived 413.
    #[derive(utoipa::OpenApi)]
    #[openapi(paths(upload))]
    pub(super) struct Uploads;

    /// Fails with any error of the catalogue as it is now.
    #[utoipa::path(post, path = "/v1/media", responses((status = 200, description = "Sent."), super::ApiError))]
    #[allow(dead_code)]
    pub(super) fn send_media() {}

    /// The operation that fails with the current catalogue's errors, and the
    /// type their details use.
    #[derive(utoipa::OpenApi)]
    #[openapi(paths(send_media), components(schemas(super::FieldViolation)))]
    pub(super) struct Current;
}

/// Each status of `catalog` that has codes has its response in `responses`:
/// described as `generated/openapi.yaml` describes it, with every code of the
/// status and its message in the schema, in file order, and as examples.
/// (For catalogues without lifecycle notes, whose descriptions are the
/// messages.)
fn assert_catalogue_responses(
    responses: &serde_json::Map<String, Value>,
    catalog: &error_codes_gen::Catalog,
) {
    for status in catalog.groups() {
        let response = &responses[&status.status.to_string()];
        let mut description = format!("{} {}", status.status, status.title);
        if let Some(text) = &status.description {
            description = format!("{description}\n\n{text}");
        }
        assert_eq!(response["description"], description.as_str());
        let mut codes: Vec<(String, String)> = status
            .codes
            .iter()
            .map(|code| (code.code.clone(), code.message.clone()))
            .collect();
        let number = status.status;
        assert_eq!(
            one_of(response),
            codes,
            "status {number}: schema, in file order"
        );
        codes.sort();
        assert_eq!(examples(response), codes, "status {number}: examples");
    }
}

/// The responses of one operation, as JSON.
fn responses(document: &Value, path: &str, method: &str) -> serde_json::Map<String, Value> {
    document["paths"][path][method]["responses"]
        .as_object()
        .unwrap_or_else(|| panic!("no responses for {method} {path}"))
        .clone()
}

/// `(code, message)` of each named example of an error response, sorted (utoipa
/// keeps examples in a sorted map unless its `preserve_order` feature is on),
/// checking that each example is named after its code and holds its body, and
/// that the schema's `oneOf` lists the same codes with the same messages.
fn examples(response: &Value) -> Vec<(String, String)> {
    let content = &response["content"]["application/json"];
    let mut examples: Vec<(String, String)> = content["examples"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(name, example)| {
            let (code, message) = (
                example["value"]["error"].as_str().unwrap(),
                example["value"]["message"].as_str().unwrap(),
            );
            assert_eq!(name, code, "example named after its code");
            assert_eq!(
                example["summary"], message,
                "example summary is the message"
            );
            assert_eq!(example["value"].as_object().unwrap().len(), 2, "{example}");
            (code.to_owned(), message.to_owned())
        })
        .collect();
    examples.sort();
    examples
}

/// `(code, message)` of each branch of the schema's `oneOf` for `error`, in order.
fn one_of(response: &Value) -> Vec<(String, String)> {
    let schema = &response["content"]["application/json"]["schema"];
    assert_eq!(schema["required"], serde_json::json!(["error", "message"]));
    assert_eq!(
        schema["properties"]["message"],
        serde_json::json!({ "type": "string" })
    );
    schema["properties"]["error"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|branch| {
            let codes = branch["enum"].as_array().unwrap();
            assert_eq!(
                (codes.len(), &branch["type"]),
                (1, &Value::from("string")),
                "{branch}"
            );
            (
                codes[0].as_str().unwrap().to_owned(),
                branch["description"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn utoipa_documents_every_status_of_a_catalogue_and_one_status_of_a_group() {
    use utoipa::OpenApi as _;

    let document = serde_json::to_value(
        openapi::Catalogue::openapi()
            .merge_from(openapi::Derived::openapi())
            .merge_from(openapi::Uploads::openapi()),
    )
    .unwrap();
    let catalog = error_codes_gen::Catalog::load(
        &workspace_root().join("tests/fixtures/seed-1.0/errors.yaml"),
    )
    .unwrap();

    // `responses(ApiError)`: every status that has codes (400 has none, so no
    // `ApiError` can be sent with it), each with every code of its status.
    let all = responses(&document, "/v1/messages", "post");
    let mut expected_keys: Vec<String> = catalog
        .groups()
        .map(|status| status.status.to_string())
        .collect();
    expected_keys.push("200".to_owned());
    expected_keys.sort();
    assert_eq!(all.keys().cloned().collect::<Vec<_>>(), expected_keys);
    assert_catalogue_responses(&all, &catalog);

    // `responses(Unauthorized)`: 401 alone.
    let unauthorized = responses(&document, "/v1/account", "get");
    assert_eq!(unauthorized.keys().collect::<Vec<_>>(), ["200", "401"]);
    assert_eq!(unauthorized["401"], all["401"]);

    // A derived type: its statuses, with their reason phrases.
    let mine = responses(&document, "/v1/users", "get");
    assert_eq!(
        mine.keys().collect::<Vec<_>>(),
        ["200", "404", "409", "599"]
    );
    assert_eq!(mine["404"]["description"], "404 Not Found");
    assert_eq!(mine["599"]["description"], "599");
    // The catalogue's reason phrases, not the `http` crate's older ones.
    let upload = responses(&document, "/v1/uploads", "post");
    assert_eq!(upload["413"]["description"], "413 Content Too Large");
    let not_found = [
        ("user_not_found".to_owned(), "No such user.".to_owned()),
        ("number_not_found".to_owned(), "No such number.".to_owned()),
    ];
    assert_eq!(one_of(&mine["404"]), not_found);
    assert_eq!(
        examples(&mine["404"]),
        [not_found[1].clone(), not_found[0].clone()]
    );
    assert_eq!(
        examples(&mine["409"]),
        [(
            "number-in-use".to_owned(),
            Mine::NumberInUse.message().into_owned()
        )]
    );
}

/// The documents pass the validator `generated/openapi.yaml` passes, and the
/// catalogue's error responses carry exactly the codes and messages of the
/// generated document's responses for the same statuses.
#[test]
fn utoipa_documents_pass_the_validator_and_match_generated_openapi() {
    use utoipa::OpenApi as _;

    let dir = target_dir().join("tests-frameworks");
    fs::create_dir_all(&dir).unwrap();
    let check = |name: &str, document: utoipa::openapi::OpenApi, args: &[&Path]| {
        let path = dir.join(name);
        fs::write(&path, document.to_pretty_json().unwrap()).unwrap();
        python::run_passing_script(
            "check_served_openapi.py",
            &[&[path.as_path()], args].concat(),
        )
    };
    let generated = workspace_root().join("tests/fixtures/seed-1.0/openapi.yaml");
    let printed = check(
        "catalogue.json",
        openapi::Catalogue::openapi(),
        &[Path::new("--against"), &generated, Path::new("--compare")],
    );
    // The nine statuses of `ApiError`, and `Unauthorized`'s one.
    assert!(
        printed.contains("ok: 10 error responses match openapi.yaml"),
        "{printed}"
    );
    // The catalogue with details: each body branch, type schema and
    // `Retry-After` header as generated/openapi.yaml has them.
    let generated = workspace_root().join("generated/openapi.yaml");
    let printed = check(
        "current.json",
        openapi::Current::openapi(),
        &[Path::new("--against"), &generated, Path::new("--compare")],
    );
    assert!(
        printed.contains("ok: 9 error responses match openapi.yaml"),
        "{printed}"
    );
    let printed = check("derived.json", openapi::Derived::openapi(), &[]);
    assert!(
        printed.contains("3 error responses with valid schemas and examples"),
        "{printed}"
    );

    // Deprecated codes and `since`: their notes and `deprecated` reach
    // utoipa's document as they reach generated/openapi.yaml.
    let catalog = error_codes_tests::lifecycle_catalog();
    let generated = dir.join("lifecycle-openapi.yaml");
    fs::write(&generated, error_codes_gen::openapi::emit(&catalog)).unwrap();
    let printed = check(
        "lifecycle.json",
        lifecycle::Document::openapi(),
        &[Path::new("--against"), &generated, Path::new("--compare")],
    );
    let statuses = catalog.groups().count();
    assert!(
        printed.contains(&format!(
            "ok: {statuses} error responses match lifecycle-openapi.yaml"
        )),
        "{printed}"
    );
}

mod lifecycle {
    //! The lifecycle catalogue: deprecated codes, `since` versions and
    //! tombstones, through the same hook.
    error_codes::include_errors!("../fixtures/lifecycle.yaml");

    /// Fails with any of the catalogue's errors.
    #[utoipa::path(get, path = "/v1/tokens", responses((status = 200, description = "The tokens."), ApiError))]
    #[allow(dead_code)]
    pub(super) fn tokens() {}

    /// The operation that fails with the lifecycle catalogue's errors.
    #[derive(utoipa::OpenApi)]
    #[openapi(paths(tokens))]
    pub(super) struct Document;
}

mod hostile {
    //! The hostile catalogue: titles, descriptions and messages full of
    //! characters that break careless code, through the same hook.
    error_codes::include_errors!("../fixtures/hostile.yaml");
}

/// The hostile catalogue's text reaches responses and documents unchanged.
#[test]
fn hostile_text_passes_through_the_hook_unchanged() {
    use axum::response::IntoResponse as _;
    use utoipa::IntoResponses as _;

    let catalog = error_codes_tests::hostile_catalog();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    for error in hostile::HostileError::ALL {
        let response = error.into_response();
        let body = runtime
            .block_on(axum::body::to_bytes(response.into_body(), 1 << 16))
            .unwrap();
        assert_eq!(body, serde_json::to_vec(error).unwrap());
        let actix = actix_web::ResponseError::error_response(error);
        let actix = actix_web::body::MessageBody::try_into_bytes(actix.into_body()).unwrap();
        assert_eq!(actix, serde_json::to_vec(error).unwrap());
    }
    let responses = serde_json::to_value(hostile::HostileError::responses()).unwrap();
    assert_catalogue_responses(responses.as_object().unwrap(), &catalog);
}

mod params {
    //! The params catalogue: errors that carry data, through the same hook.
    error_codes::include_errors!("../ui/pass/params.yaml");

    /// Fails with any of the catalogue's errors.
    #[utoipa::path(post, path = "/v1/otp", responses((status = 200, description = "Sent."), ApiError))]
    #[allow(dead_code)]
    pub(super) fn otp() {}

    /// The operation that fails with the params catalogue's errors, and the
    /// types its details use.
    #[derive(utoipa::OpenApi)]
    #[openapi(paths(otp), components(schemas(FieldViolation, Measure)))]
    pub(super) struct Document;
}

/// A value of every code of the params catalogue, with its `Retry-After`
/// seconds when it has one.
fn params_values() -> Vec<(params::ApiError, Option<&'static str>)> {
    use params::{
        BadGateway, FieldViolation, InternalServerError, Measure, NotFound, TooManyRequests,
        UnprocessableEntity,
    };
    vec![
        (NotFound::UserNotFound.into(), None),
        (
            UnprocessableEntity::ValidationError {
                violations: vec![FieldViolation {
                    field: "url".to_owned(),
                    reason: "must not be \"empty\"".to_owned(),
                    causes: None,
                }],
            }
            .into(),
            None,
        ),
        (
            UnprocessableEntity::BadType {
                r#type: "query".to_owned(),
                name: "Déjà 🔥".to_owned(),
                expected: "a number".to_owned(),
            }
            .into(),
            None,
        ),
        (UnprocessableEntity::PlainInvalid.into(), None),
        (
            TooManyRequests::OtpWaitRequired { retry_after: 30 }.into(),
            Some("30"),
        ),
        (
            TooManyRequests::RateLimitExceeded {
                retry_after: 0,
                limit: Some(60),
            }
            .into(),
            Some("0"),
        ),
        // A negative wait is sent as no wait.
        (
            TooManyRequests::RateLimitExceeded {
                retry_after: -5,
                limit: None,
            }
            .into(),
            Some("0"),
        ),
        (TooManyRequests::QuotaFlag { blocked: true }.into(), None),
        (
            InternalServerError::MeasureFailed {
                ratio: 0.5,
                measure: Some(Measure {
                    ratio: 1.0,
                    samples: vec![],
                }),
                scores: vec![2.5],
            }
            .into(),
            None,
        ),
        // `backoff` sends no header: there is no time to name.
        (BadGateway::SendMessageFailed.into(), None),
        (BadGateway::UpstreamSaidNo { code: 418 }.into(), None),
    ]
}

/// Every value of the params catalogue, through a real handler of the
/// framework, as the top-level enum and as its group, is sent with its
/// status, JSON, its `details` and, for `retry: after`, `Retry-After`.
fn assert_params_sent(framework: &str, respond: &dyn Fn(params::ApiError, bool) -> common::Sent) {
    let values = params_values();
    assert_eq!(
        values.len(),
        params::ApiError::CODES.len() + 1,
        "every code"
    );
    for (value, retry_after) in values {
        let body = serde_json::to_vec(&value).unwrap();
        let json: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(json["message"], value.message().as_ref());
        for as_group in [false, true] {
            let (status, content_type, header, sent) = respond(value.clone(), as_group);
            let name = format!("{framework}: {value:?} (group: {as_group})");
            assert_eq!(status, value.status(), "{name}");
            assert_eq!(content_type.as_deref(), Some("application/json"), "{name}");
            assert_eq!(header.as_deref(), retry_after, "{name}");
            assert_eq!(
                String::from_utf8_lossy(&sent),
                String::from_utf8_lossy(&body),
                "{name}"
            );
        }
    }
    // A number JSON cannot carry: a 500 that says why, and no panic.
    let broken = params::ApiError::from(params::InternalServerError::MeasureFailed {
        ratio: f64::NAN,
        measure: None,
        scores: Vec::new(),
    });
    let (status, content_type, header, sent) = respond(broken, false);
    assert_eq!(
        (status, content_type.as_deref(), header),
        (500, Some("application/json"), None)
    );
    let sent: Value = serde_json::from_slice(&sent).unwrap();
    assert_eq!(sent["error"], "error_not_encodable");
    let message = sent["message"].as_str().unwrap();
    assert!(
        message.starts_with("The error `measure_failed` could not be encoded:")
            && message.contains("param `ratio` of `measure_failed` is NaN"),
        "{message}"
    );
}

/// Calls `$respond` with the value as the top-level enum or as its group.
macro_rules! by_group {
    ($value:expr, $as_group:expr, $respond:expr) => {{
        use params::ApiError;
        match ($value, $as_group) {
            (value, false) => $respond(value),
            (ApiError::NotFound(group), true) => $respond(group),
            (ApiError::UnprocessableEntity(group), true) => $respond(group),
            (ApiError::TooManyRequests(group), true) => $respond(group),
            (ApiError::InternalServerError(group), true) => $respond(group),
            (ApiError::BadGateway(group), true) => $respond(group),
        }
    }};
}

#[test]
fn axum_sends_details_and_retry_after() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    assert_params_sent("axum", &|value, as_group| {
        by_group!(value, as_group, |error| common::axum(&error, &runtime))
    });
}

#[test]
fn actix_web_sends_details_and_retry_after() {
    use actix_web::rt::System;

    let system = System::new();
    assert_params_sent("actix-web", &|value, as_group| {
        by_group!(value, as_group, |error| common::actix_web(&error, &system))
    });
}

/// utoipa documents each param code as a body branch whose `details` are
/// required with the generator's schema, examples with details whose
/// messages are rendered, the `Retry-After` header where a code of the
/// status has `retry: after`, and the types of `types:` as components; the
/// document passes the validator, and its examples their schemas.
#[test]
fn utoipa_documents_details_and_retry_after() {
    use utoipa::OpenApi as _;

    let document = serde_json::to_value(params::Document::openapi()).unwrap();
    let responses = responses(&document, "/v1/otp", "post");
    let branches = |status: &str| -> Vec<Value> {
        responses[status]["content"]["application/json"]["schema"]["oneOf"]
            .as_array()
            .unwrap_or_else(|| panic!("{status}: no body branches"))
            .clone()
    };
    // A status without param codes keeps one body and its `error` branches.
    assert!(
        responses["404"]["content"]["application/json"]["schema"]["properties"]["error"]["oneOf"]
            .is_array()
    );
    let too_many = branches("429");
    let codes: Vec<&str> = too_many
        .iter()
        .map(|branch| branch["properties"]["error"]["enum"][0].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        ["otp_wait_required", "rate_limit_exceeded", "quota_flag"]
    );
    assert_eq!(
        too_many[1]["properties"]["details"],
        serde_json::json!({
            "type": "object",
            "required": ["retry_after"],
            "properties": {
                "retry_after": { "type": "integer", "format": "int64" },
                "limit": { "type": "integer", "format": "int64", "description": "Requests allowed per minute." },
            },
        })
    );
    assert_eq!(
        too_many[1]["required"],
        serde_json::json!(["error", "message", "details"])
    );
    let violations = &branches("422")[0]["properties"]["details"]["properties"]["violations"];
    assert_eq!(
        violations["items"]["$ref"],
        "#/components/schemas/FieldViolation"
    );
    assert_eq!(
        branches("422")[2]["required"],
        serde_json::json!(["error", "message"])
    );
    assert!(document["components"]["schemas"]["FieldViolation"].is_object());

    let examples = &responses["429"]["content"]["application/json"]["examples"];
    assert_eq!(
        examples["otp_wait_required"]["value"],
        serde_json::json!({
            "error": "otp_wait_required",
            "message": "You must wait 30 seconds before requesting another OTP.",
            "details": { "retry_after": 30 },
        })
    );
    assert_eq!(
        examples["rate_limit_exceeded"]["value"]["details"],
        serde_json::json!({ "retry_after": 30, "limit": 60 })
    );
    assert_eq!(
        examples["otp_wait_required"]["summary"],
        "You must wait 30 seconds before requesting another OTP."
    );
    assert_eq!(
        responses["429"]["headers"]["Retry-After"]["schema"]["type"],
        "integer"
    );
    for status in ["404", "422", "500", "502"] {
        assert!(responses[status].get("headers").is_none(), "{status}");
    }

    let dir = target_dir().join("tests-frameworks");
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join("params.json");
    fs::write(&path, params::Document::openapi().to_pretty_json().unwrap()).unwrap();
    let printed = python::run_passing_script("check_served_openapi.py", &[path.as_path()]);
    assert!(
        printed.contains("5 error responses with valid schemas and examples"),
        "{printed}"
    );
}
