//! The real-world layouts of `tests/fixtures/bodies/` (WhatsApp Cloud API,
//! `OpenAI`, Stripe, Twilio, Vonage's problem details, Firebase) on the Rust
//! side, each through `include_errors!`: one value of every code, sent
//! through a real axum and actix-web handler (status, content type,
//! `Retry-After`, and serde's body, which is the body the tests' own walk of
//! the model builds in the layout); each body read back strictly and as
//! `Received`, and a body with a code the catalogue does not know; utoipa's
//! documents of the responses under the layout's media type, passed by the
//! validator with every body sent. `tests/tests/bodies.rs` takes the same
//! fixtures through the other outputs.

// The hook's impls must stay quiet under the strictest settings a user may pick.
#![deny(warnings, missing_docs, clippy::pedantic)]

mod common;

use common::{assert_example, assert_sent, examples, responses};
use error_codes::{ErrorCode, Received};
use error_codes_gen::{Catalog, Member, Object, Part, Retry};
use error_codes_tests::layout;
use serde_json::{Value, json};

mod meta {
    //! Integer codes nested under `error`, details at `error.error_data`.
    error_codes::include_errors!("../fixtures/bodies/meta.yaml");

    /// One value of every code, in the catalogue's order, with its params.
    pub(super) fn sent() -> Vec<(ApiError, serde_json::Value)> {
        let whatsapp = || "whatsapp".to_owned();
        vec![
            (
                BadRequest::MessageUndeliverable {
                    messaging_product: whatsapp(),
                    details: "Unable to deliver message.".to_owned(),
                }
                .into(),
                serde_json::json!({"messaging_product": "whatsapp", "details": "Unable to deliver message."}),
            ),
            (
                BadRequest::ReEngagementMessage {
                    messaging_product: whatsapp(),
                    details: "More than 24 hours have passed since the recipient last replied to the sender number.".to_owned(),
                }
                .into(),
                serde_json::json!({"messaging_product": "whatsapp", "details": "More than 24 hours have passed since the recipient last replied to the sender number."}),
            ),
            (
                BadRequest::UnsupportedMessageType {
                    messaging_product: whatsapp(),
                    details: "Message type is not currently supported.".to_owned(),
                }
                .into(),
                serde_json::json!({"messaging_product": "whatsapp", "details": "Message type is not currently supported."}),
            ),
            (Unauthorized::AuthException.into(), serde_json::json!({})),
            (Unauthorized::AccessTokenExpired.into(), serde_json::json!({})),
            (
                TooManyRequests::RateLimitHit {
                    messaging_product: whatsapp(),
                    details: "Cloud API message throughput has been reached.".to_owned(),
                }
                .into(),
                serde_json::json!({"messaging_product": "whatsapp", "details": "Cloud API message throughput has been reached."}),
            ),
            (
                TooManyRequests::PairRateLimitHit {
                    messaging_product: whatsapp(),
                    details: "Too many messages sent to this phone number in a short period of time.".to_owned(),
                }
                .into(),
                serde_json::json!({"messaging_product": "whatsapp", "details": "Too many messages sent to this phone number in a short period of time."}),
            ),
        ]
    }

    /// A code added after the catalogue was written.
    pub(super) const UNKNOWN: &str = r#"{"error":{"message":"(#131049) This message was not delivered to maintain healthy ecosystem engagement.","type":"OAuthException","code":131049,"error_data":{"messaging_product":"whatsapp","details":"In order to maintain a healthy ecosystem engagement, the message failed to be delivered."},"fbtrace_id":"Az8or2yhqkZfEZ-_4Qn_Bam"}}"#;
}

mod openai {
    //! String codes nested under `error`, the message first, params spread.
    error_codes::include_errors!("../fixtures/bodies/openai.yaml");

    /// One value of every code, in the catalogue's order, with its params.
    pub(super) fn sent() -> Vec<(ApiError, serde_json::Value)> {
        vec![
            (
                BadRequest::ContextLengthExceeded {
                    param: "messages".to_owned(),
                }
                .into(),
                serde_json::json!({"param": "messages"}),
            ),
            (Unauthorized::InvalidApiKey.into(), serde_json::json!({})),
            (
                Forbidden::UnsupportedCountryRegionTerritory.into(),
                serde_json::json!({}),
            ),
            (NotFound::ModelNotFound.into(), serde_json::json!({})),
            (
                TooManyRequests::RateLimitExceeded.into(),
                serde_json::json!({}),
            ),
            (
                TooManyRequests::InsufficientQuota.into(),
                serde_json::json!({}),
            ),
        ]
    }

    /// A code added after the catalogue was written.
    pub(super) const UNKNOWN: &str = r#"{"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":"server_error"}}"#;
}

mod stripe {
    //! String codes nested under `error`, each with its docs URL, params spread.
    error_codes::include_errors!("../fixtures/bodies/stripe.yaml");

    /// One value of every code, in the catalogue's order, with its params.
    pub(super) fn sent() -> Vec<(ApiError, serde_json::Value)> {
        vec![
            (
                BadRequest::ParameterMissing {
                    param: "amount".to_owned(),
                }
                .into(),
                serde_json::json!({"param": "amount"}),
            ),
            (Unauthorized::ApiKeyExpired.into(), serde_json::json!({})),
            (
                RequestFailed::CardDeclined {
                    decline_code: Some("insufficient_funds".to_owned()),
                }
                .into(),
                serde_json::json!({"decline_code": "insufficient_funds"}),
            ),
            (
                RequestFailed::ExpiredCard {
                    param: "exp_month".to_owned(),
                }
                .into(),
                serde_json::json!({"param": "exp_month"}),
            ),
            (
                RequestFailed::IncorrectCvc {
                    param: "cvc".to_owned(),
                }
                .into(),
                serde_json::json!({"param": "cvc"}),
            ),
            // The optional param left out: not sent.
            (
                NotFound::ResourceMissing { param: None }.into(),
                serde_json::json!({}),
            ),
            (TooManyRequests::RateLimit.into(), serde_json::json!({})),
        ]
    }

    /// A code added after the catalogue was written.
    pub(super) const UNKNOWN: &str = r#"{"error":{"code":"account_closed","doc_url":"https://stripe.com/docs/error-codes/account-closed","message":"The customer's bank account has been closed.","request_log_url":"https://dashboard.stripe.com/test/logs/req_123","type":"invalid_request_error"}}"#;
}

mod twilio {
    //! A flat body: integer codes, the docs URL and the status.
    error_codes::include_errors!("../fixtures/bodies/twilio.yaml");

    /// One value of every code, in the catalogue's order, with its params.
    pub(super) fn sent() -> Vec<(ApiError, serde_json::Value)> {
        vec![
            (
                BadRequest::InvalidToPhoneNumber.into(),
                serde_json::json!({}),
            ),
            (
                BadRequest::UnsubscribedRecipient.into(),
                serde_json::json!({}),
            ),
            (
                Unauthorized::AuthenticationFailed.into(),
                serde_json::json!({}),
            ),
            (NotFound::NotFound.into(), serde_json::json!({})),
            (
                TooManyRequests::TooManyRequests.into(),
                serde_json::json!({}),
            ),
        ]
    }

    /// A code added after the catalogue was written.
    pub(super) const UNKNOWN: &str = r#"{"code":21614,"message":"'To' number is not a valid mobile number","more_info":"https://www.twilio.com/docs/errors/21614","status":400}"#;
}

mod problem {
    //! RFC 9457 problem details, params spread into the body.
    error_codes::include_errors!("../fixtures/bodies/problem.yaml");

    /// One value of every code, in the catalogue's order, with its params.
    pub(super) fn sent() -> Vec<(ApiError, serde_json::Value)> {
        vec![
            (Unauthorized::Unauthorized.into(), serde_json::json!({})),
            (PaymentRequired::LowBalance.into(), serde_json::json!({})),
            (Forbidden::Forbidden.into(), serde_json::json!({})),
            (NotFound::NotFound.into(), serde_json::json!({})),
            (
                UnprocessableEntity::PayloadValidation {
                    invalid_parameters: vec![InvalidParameter {
                        name: "to".to_owned(),
                        reason: "Invalid phone number".to_owned(),
                    }],
                }
                .into(),
                serde_json::json!({"invalid_parameters": [{"name": "to", "reason": "Invalid phone number"}]}),
            ),
            (
                TooManyRequests::RateLimit { retry_after: 30 }.into(),
                serde_json::json!({"retry_after": 30}),
            ),
        ]
    }

    /// A code added after the catalogue was written.
    pub(super) const UNKNOWN: &str = r#"{"type":"https://developer.vonage.com/api-errors#invalid-id","title":"Invalid ID","status":400,"detail":"The ID provided does not exist in our system.","code":"invalid-id","instance":"bf0ca0bf927b3b52e3cb03217e1a1ddf"}"#;
}

mod firebase {
    //! Codes with a `/`, flat, details under `customData`.
    error_codes::include_errors!("../fixtures/bodies/firebase.yaml");

    /// One value of every code, in the catalogue's order, with its params.
    pub(super) fn sent() -> Vec<(ApiError, serde_json::Value)> {
        vec![
            (BadRequest::AuthInvalidEmail.into(), serde_json::json!({})),
            (BadRequest::AuthWeakPassword.into(), serde_json::json!({})),
            (
                Unauthorized::AuthWrongPassword.into(),
                serde_json::json!({}),
            ),
            (Forbidden::AuthUserDisabled.into(), serde_json::json!({})),
            (NotFound::AuthUserNotFound.into(), serde_json::json!({})),
            (
                Conflict::AuthEmailAlreadyInUse {
                    email: Some("jane@example.com".to_owned()),
                }
                .into(),
                serde_json::json!({"email": "jane@example.com"}),
            ),
            (
                TooManyRequests::AuthTooManyRequests.into(),
                serde_json::json!({}),
            ),
        ]
    }

    /// A code added after the catalogue was written.
    pub(super) const UNKNOWN: &str = r#"{"code":"auth/network-request-failed","message":"A network AuthError (such as timeout, interrupted connection or unreachable host) has occurred.","customData":{"appName":"[DEFAULT]"}}"#;
}

mod openapi {
    //! One operation per fixture, failing with any of its errors.

    /// Fails with any WhatsApp Cloud API error.
    #[utoipa::path(post, path = "/meta", responses((status = 200, description = "Done."), super::meta::ApiError))]
    #[allow(dead_code)]
    pub(super) fn meta() {}

    /// Fails with any `OpenAI` error.
    #[utoipa::path(post, path = "/openai", responses((status = 200, description = "Done."), super::openai::ApiError))]
    #[allow(dead_code)]
    pub(super) fn openai() {}

    /// Fails with any Stripe error.
    #[utoipa::path(post, path = "/stripe", responses((status = 200, description = "Done."), super::stripe::ApiError))]
    #[allow(dead_code)]
    pub(super) fn stripe() {}

    /// Fails with any Twilio error.
    #[utoipa::path(post, path = "/twilio", responses((status = 200, description = "Done."), super::twilio::ApiError))]
    #[allow(dead_code)]
    pub(super) fn twilio() {}

    /// Fails with any problem.
    #[utoipa::path(post, path = "/problem", responses((status = 200, description = "Done."), super::problem::ApiError))]
    #[allow(dead_code)]
    pub(super) fn problem() {}

    /// Fails with any Firebase Authentication error.
    #[utoipa::path(post, path = "/firebase", responses((status = 200, description = "Done."), super::firebase::ApiError))]
    #[allow(dead_code)]
    pub(super) fn firebase() {}

    /// The operations, and the type the problems' details use.
    #[derive(utoipa::OpenApi)]
    #[openapi(
        paths(meta, openai, stripe, twilio, problem, firebase),
        components(schemas(super::problem::InvalidParameter))
    )]
    pub(super) struct Document;
}

/// The fixture's catalogue, as the tests' walk of the model reads it.
fn catalog(fixture: &str) -> Catalog {
    let path = error_codes_tests::fixture(&format!("bodies/{fixture}.yaml"));
    Catalog::load(&path).unwrap_or_else(|error| panic!("{error}"))
}

/// Every output of the Rust side for one fixture: `sent` is one value of
/// every code with its params as JSON, `unknown` a body in the layout with
/// a code the catalogue does not know.
fn check<E>(fixture: &str, content_type: &str, sent: &[(E, Value)], unknown: &str)
where
    E: ErrorCode
        + serde::Serialize
        + serde::de::DeserializeOwned
        + std::fmt::Debug
        + PartialEq
        + Clone
        + axum::response::IntoResponse
        + actix_web::ResponseError
        + Send
        + Sync
        + 'static,
    Received<E>: serde::de::DeserializeOwned,
{
    use utoipa::OpenApi as _;

    let catalog = catalog(fixture);
    assert_eq!(catalog.body.content_type, content_type, "{fixture}");
    let codes: Vec<&str> = catalog
        .codes()
        .map(|(_, code)| code.code.as_str())
        .collect();
    let values: Vec<E> = sent.iter().map(|(value, _)| value.clone()).collect();
    assert_eq!(
        values.iter().map(ErrorCode::code).collect::<Vec<_>>(),
        codes,
        "{fixture}: one value of every code"
    );

    // serde writes the body the model's walk builds in the layout, members
    // in its order; `Retry-After` where the code says when to retry.
    for ((value, details), (status, code)) in sent.iter().zip(catalog.codes()) {
        let message = layout::render(code, details);
        assert_eq!(value.message(), message, "{fixture}: {value:?}");
        assert_eq!(
            serde_json::to_string(value).unwrap(),
            layout::body_text(&catalog, status, code, details, &message),
            "{fixture}: {value:?}"
        );
        let retry_after =
            matches!(code.retry, Retry::After).then(|| details["retry_after"].to_string());
        assert_eq!(common::expected(value, content_type).2, retry_after);
    }

    // The frameworks send those bodies, with the status, content type and
    // header.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    assert_sent("axum", &values, content_type, |value| {
        common::axum(value, &runtime)
    });
    let system = actix_web::rt::System::new();
    assert_sent("actix-web", &values, content_type, |value| {
        common::actix_web(value, &system)
    });

    // Each body reads back strictly as the value sent, and as `Received`.
    for value in &values {
        let body = serde_json::to_vec(value).unwrap();
        let read: E = serde_json::from_slice(&body)
            .unwrap_or_else(|error| panic!("{fixture}: {value:?}: {error}"));
        assert_eq!(&read, value, "{fixture}");
        let received: Received<E> = serde_json::from_slice(&body)
            .unwrap_or_else(|error| panic!("{fixture}: {value:?}: {error}"));
        assert_eq!(received.known().as_ref(), Some(value), "{fixture}");
        assert_eq!(
            (received.code(), received.message()),
            (value.code(), &*value.message()),
            "{fixture}"
        );
    }

    // A newer code, in the layout: not known, kept as sent (but for the
    // members the layout does not name, which reads ignore).
    let received: Received<E> =
        serde_json::from_str(unknown).unwrap_or_else(|error| panic!("{fixture}: {error}"));
    assert_eq!(received.known(), None, "{fixture}");
    let newer: Value = serde_json::from_str(unknown).unwrap();
    let code_at = |body: &Value| {
        catalog
            .body
            .path(Part::Code)
            .unwrap()
            .members
            .iter()
            .fold(body.clone(), |object, member| object[member].clone())
    };
    let code = code_at(&newer);
    let code = code
        .as_str()
        .map_or_else(|| code.to_string(), str::to_owned);
    assert_eq!(received.code(), code, "{fixture}");
    assert!(
        !catalog.codes().any(|(_, known)| known.code == code),
        "{fixture}"
    );
    assert_eq!(
        serde_json::to_value(&received).unwrap(),
        in_layout(&catalog.body.tree(), &newer),
        "{fixture}"
    );

    // utoipa documents each status's codes under the layout's media type,
    // an example per code that reads back as it.
    let document = serde_json::to_value(openapi::Document::openapi()).unwrap();
    let responses = responses(&document, &format!("/{fixture}"));
    let mut statuses: Vec<String> = catalog
        .statuses
        .iter()
        .map(|status| status.status.to_string())
        .collect();
    statuses.insert(0, "200".to_owned());
    assert_eq!(
        responses.keys().collect::<Vec<_>>(),
        statuses.iter().collect::<Vec<_>>()
    );
    for ((value, details), (_, code)) in sent.iter().zip(catalog.codes()) {
        let response = &responses[&value.status().to_string()];
        let examples = examples(response, content_type);
        let plain = *details == layout::example_details(&catalog, &code.params);
        assert_example(&examples[value.code()]["value"], value, plain);
        if matches!(code.retry, Retry::After) {
            assert!(response["headers"]["Retry-After"].is_object(), "{fixture}");
        }
    }
}

/// `body` with only the members the layout names: those of its tree, and
/// every member of an object the params spread into.
fn in_layout(object: &Object, body: &Value) -> Value {
    if object.spread {
        return body.clone();
    }
    let mut kept = serde_json::Map::new();
    for member in &object.members {
        if let Some(value) = body.get(&member.name) {
            let value = match &member.value {
                Member::Object(inner) => in_layout(inner, value),
                _ => value.clone(),
            };
            kept.insert(member.name.clone(), value);
        }
    }
    Value::Object(kept)
}

/// The cases `check_served_layouts.py` takes for one fixture: every body
/// sent, accepted by its response's schema, and each code's body in the
/// default layout, rejected.
fn served_cases<E: ErrorCode + serde::Serialize>(
    fixture: &str,
    content_type: &str,
    sent: &[(E, Value)],
) -> Vec<Value> {
    let case = |value: &E, body: Value, valid: bool| json!({ "path": format!("/{fixture}"), "status": value.status().to_string(), "media_type": content_type, "body": body, "valid": valid });
    sent.iter()
        .flat_map(|(value, details)| {
            let mut default = json!({ "error": value.code(), "message": value.message() });
            if details.as_object().is_some_and(|params| !params.is_empty()) {
                default["details"] = details.clone();
            }
            [
                case(value, serde_json::to_value(value).unwrap(), true),
                case(value, default, false),
            ]
        })
        .collect()
}

macro_rules! fixtures {
    ($($fixture:ident: $content_type:literal),* $(,)?) => {
        /// Each fixture through every output of the Rust side.
        mod every_output {
            use super::*;
            $(
                #[test]
                fn $fixture() {
                    check(stringify!($fixture), $content_type, &$fixture::sent(), $fixture::UNKNOWN);
                }
            )*
        }

        /// The document of every fixture's responses passes the validator,
        /// every example validates against its schema, and the schemas
        /// accept every body sent and reject the default body.
        #[test]
        fn utoipa_documents_of_real_layouts_pass_the_validator() {
            use std::fs;
            use utoipa::OpenApi as _;

            let dir = error_codes_tests::target_dir().join("tests-frameworks");
            fs::create_dir_all(&dir).unwrap();
            let served = dir.join("real-layouts.json");
            fs::write(&served, openapi::Document::openapi().to_pretty_json().unwrap()).unwrap();
            let mut bodies = Vec::new();
            $(bodies.extend(served_cases(stringify!($fixture), $content_type, &$fixture::sent()));)*
            let responses: usize = [$(catalog(stringify!($fixture)).statuses.len()),*].iter().sum();
            let cases = dir.join("real-layouts-bodies.json");
            fs::write(&cases, serde_json::to_vec(&bodies).unwrap()).unwrap();
            let printed = error_codes_tests::python::run_passing_script(
                "check_served_layouts.py",
                &[served.as_path(), cases.as_path()],
            );
            let expected = format!(
                "ok: {responses} error responses with valid schemas and examples, {} bodies as expected",
                bodies.len()
            );
            assert!(printed.contains(&expected), "{printed}");
        }
    };
}

fixtures! {
    meta: "application/json",
    openai: "application/json",
    stripe: "application/json",
    twilio: "application/json",
    problem: "application/problem+json",
    firebase: "application/json",
}
