//! The web framework features for catalogues that declare their body's
//! layout: axum and actix-web send each error with the layout's content
//! type and its body in the layout (as serde writes it), and utoipa
//! documents the bodies under that media type, their schema and examples in
//! the layout. Problem details (`application/problem+json`, params spread)
//! and a nested layout with integer codes (`application/json`).

// The hook's impls must stay quiet under the strictest settings a user may pick.
#![deny(warnings, missing_docs, clippy::pedantic)]

mod common;

use common::{assert_example, assert_sent, examples, responses};
use serde_json::{Value, json};

mod problem {
    //! RFC 9457 problem details, params spread into the body.
    error_codes::include_errors!("../fixtures/bodies-rust/problem.yaml");
}

mod nested {
    //! Integer codes nested under `error`, details at `error.error_data`.
    error_codes::include_errors!("../fixtures/bodies-rust/nested.yaml");
}

fn problems() -> Vec<problem::ApiError> {
    vec![
        problem::PaymentRequired::LowBalance.into(),
        problem::UnprocessableEntity::PayloadValidation {
            invalid_parameters: vec![problem::InvalidParameter {
                name: "to".to_owned(),
                reason: "Invalid phone number".to_owned(),
            }],
        }
        .into(),
        problem::TooManyRequests::RateLimit {
            retry_after: 30,
            limit: Some(60),
        }
        .into(),
    ]
}

fn graph_errors() -> Vec<nested::GraphError> {
    vec![
        nested::BadRequest::ReEngagementMessage {
            messaging_product: "whatsapp".to_owned(),
            details: None,
        }
        .into(),
        nested::BadRequest::UnsupportedMessageType.into(),
        nested::Unauthorized::AccessTokenExpired.into(),
    ]
}

#[test]
fn the_bodies_sent_are_in_the_layout() {
    // What the frameworks are checked against below, byte for byte.
    assert_eq!(
        serde_json::to_string(&problems()[2]).unwrap(),
        r#"{"type":"https://developer.example.com/api-errors#rate-limit","title":"Too Many Requests","status":429,"detail":"The request was rate limited; retry in 30 seconds.","code":"rate-limit","retry_after":30,"limit":60}"#
    );
    assert_eq!(
        serde_json::to_string(&graph_errors()[2]).unwrap(),
        r#"{"error":{"message":"Error validating access token.","code":190}}"#
    );
}

#[test]
fn axum_sends_the_layouts_content_type_and_body() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    assert_sent("axum", &problems(), "application/problem+json", |value| {
        common::axum(value, &runtime)
    });
    assert_sent("axum", &graph_errors(), "application/json", |value| {
        common::axum(value, &runtime)
    });
    // A group's impl answers the same.
    assert_sent(
        "axum",
        &[problem::PaymentRequired::LowBalance],
        "application/problem+json",
        |value| common::axum(value, &runtime),
    );
}

#[test]
fn actix_web_sends_the_layouts_content_type_and_body() {
    let system = actix_web::rt::System::new();
    assert_sent(
        "actix-web",
        &problems(),
        "application/problem+json",
        |value| common::actix_web(value, &system),
    );
    assert_sent("actix-web", &graph_errors(), "application/json", |value| {
        common::actix_web(value, &system)
    });
    assert_sent(
        "actix-web",
        &[nested::Unauthorized::AuthException],
        "application/json",
        |value| common::actix_web(value, &system),
    );
}

mod openapi {
    //! Operations that fail with the layouts' errors.

    /// Fails with any problem.
    #[utoipa::path(post, path = "/v1/calls", responses((status = 200, description = "Placed."), super::problem::ApiError))]
    #[allow(dead_code)]
    pub(super) fn place_call() {}

    /// Fails with any Graph error.
    #[utoipa::path(post, path = "/v1/messages", responses((status = 200, description = "Sent."), super::nested::GraphError))]
    #[allow(dead_code)]
    pub(super) fn send_message() {}

    /// The operations, and the type the problems' details use.
    #[derive(utoipa::OpenApi)]
    #[openapi(
        paths(place_call, send_message),
        components(schemas(super::problem::InvalidParameter))
    )]
    pub(super) struct Document;
}

#[test]
fn utoipa_documents_bodies_under_the_layouts_media_type() {
    use utoipa::OpenApi as _;

    let document = serde_json::to_value(openapi::Document::openapi()).unwrap();

    // Problem details: one branch per code (a code has params), each with
    // the members of the layout, the code's params spread beside them.
    let calls = responses(&document, "/v1/calls");
    assert_eq!(
        calls.keys().collect::<Vec<_>>(),
        ["200", "402", "422", "429"]
    );
    // Whether each value's code is without params.
    for (value, plain) in problems().into_iter().zip([true, false, false]) {
        let response = &calls[&value.status().to_string()];
        let examples = examples(response, "application/problem+json");
        assert_example(&examples[value.code()]["value"], &value, plain);
    }
    let rate_limit = &calls["429"]["content"]["application/problem+json"];
    let branch = &rate_limit["schema"]["oneOf"][0];
    assert_eq!(
        branch["required"],
        json!(["type", "title", "status", "detail", "code", "retry_after"])
    );
    let properties: Vec<&String> = branch["properties"].as_object().unwrap().keys().collect();
    for member in [
        "type",
        "title",
        "status",
        "detail",
        "code",
        "retry_after",
        "limit",
    ] {
        assert!(
            properties.contains(&&member.to_owned()),
            "{member}: {branch}"
        );
    }
    assert_eq!(branch["properties"]["code"]["enum"], json!(["rate-limit"]));
    assert_eq!(branch["properties"]["status"]["enum"], json!([429]));
    assert_eq!(branch["properties"]["type"]["format"], "uri");
    // The header that says when to retry, as for the default body.
    assert!(calls["429"]["headers"]["Retry-After"].is_object());

    // The nested layout: integer codes, as numbers, under `error`.
    let messages = responses(&document, "/v1/messages");
    for (value, plain) in graph_errors().into_iter().zip([false, true, true]) {
        let response = &messages[&value.status().to_string()];
        let examples = examples(response, "application/json");
        assert_example(&examples[value.code()]["value"], &value, plain);
    }
    let unauthorized = &messages["401"]["content"]["application/json"]["schema"];
    assert_eq!(unauthorized["required"], json!(["error"]));
    let error = &unauthorized["properties"]["error"];
    assert_eq!(error["required"], json!(["message", "code"]));
    let codes: Vec<&Value> = error["properties"]["code"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|branch| {
            assert_eq!(branch["type"], "integer", "{branch}");
            &branch["enum"][0]
        })
        .collect();
    assert_eq!(codes, [&json!(190), &json!(0)]);
    // A status with a code that has params: its branch requires the
    // details where the layout puts them.
    let bad_request = &messages["400"]["content"]["application/json"]["schema"]["oneOf"];
    assert_eq!(
        bad_request[0]["properties"]["error"]["required"],
        json!(["message", "code", "error_data"])
    );
    assert_eq!(
        bad_request[1]["properties"]["error"]["required"],
        json!(["message", "code"])
    );
}

/// The documents pass the validator, every example validates against its
/// schema, and the schemas accept the bodies the enums send and reject
/// bodies of another layout.
#[test]
fn utoipa_documents_of_layouts_pass_the_validator() {
    use std::fs;
    use utoipa::OpenApi as _;

    let dir = error_codes_tests::target_dir().join("tests-frameworks");
    fs::create_dir_all(&dir).unwrap();
    let served = dir.join("layouts.json");
    fs::write(
        &served,
        openapi::Document::openapi().to_pretty_json().unwrap(),
    )
    .unwrap();

    let case = |path: &str, status: u16, media_type: &str, body: Value, valid: bool| json!({ "path": path, "status": status.to_string(), "media_type": media_type, "body": body, "valid": valid });
    let problem = "application/problem+json";
    let mut bodies: Vec<Value> = problems()
        .iter()
        .map(|value| {
            let body = serde_json::to_value(value).unwrap();
            case("/v1/calls", value.status(), problem, body, true)
        })
        .collect();
    bodies.extend(graph_errors().iter().map(|value| {
        let body = serde_json::to_value(value).unwrap();
        case(
            "/v1/messages",
            value.status(),
            "application/json",
            body,
            true,
        )
    }));
    bodies.extend([
        // The default body, not the layout's.
        case(
            "/v1/calls",
            402,
            problem,
            json!({ "error": "low-balance", "message": "m" }),
            false,
        ),
        // A spread param missing, or of the wrong type.
        case(
            "/v1/calls",
            429,
            problem,
            json!({ "type": "https://developer.example.com/api-errors#rate-limit", "title": "t", "status": 429, "detail": "d", "code": "rate-limit" }),
            false,
        ),
        case(
            "/v1/calls",
            429,
            problem,
            json!({ "type": "https://developer.example.com/api-errors#rate-limit", "title": "t", "status": 429, "detail": "d", "code": "rate-limit", "retry_after": "soon" }),
            false,
        ),
        // A string code where the layout sends integers, an unknown one,
        // the code outside its object, details missing.
        case(
            "/v1/messages",
            401,
            "application/json",
            json!({ "error": { "message": "m", "code": "190" } }),
            false,
        ),
        case(
            "/v1/messages",
            401,
            "application/json",
            json!({ "error": { "message": "m", "code": 191 } }),
            false,
        ),
        case(
            "/v1/messages",
            401,
            "application/json",
            json!({ "message": "m", "code": 190 }),
            false,
        ),
        case(
            "/v1/messages",
            400,
            "application/json",
            json!({ "error": { "message": "m", "code": 131_047 } }),
            false,
        ),
    ]);
    let cases = dir.join("layouts-bodies.json");
    fs::write(&cases, serde_json::to_vec(&bodies).unwrap()).unwrap();
    let printed = error_codes_tests::python::run_passing_script(
        "check_served_layouts.py",
        &[served.as_path(), cases.as_path()],
    );
    assert!(
        printed.contains(
            "ok: 5 error responses with valid schemas and examples, 13 bodies as expected"
        ),
        "{printed}"
    );
}
