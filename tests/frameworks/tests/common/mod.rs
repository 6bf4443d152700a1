//! What the layout tests share: an error sent through a real axum and
//! actix-web handler (in-process), checked against what serde writes, and
//! the responses and examples of a utoipa document.

use error_codes::ErrorCode;
use serde_json::Value;

/// What a framework sent: status, content type, `Retry-After` and body.
pub(crate) type Sent = (u16, Option<String>, Option<String>, Vec<u8>);

/// What `value` must be sent as: its status, the layout's content type,
/// `Retry-After` for a code that says when to retry, and serde's body.
pub(crate) fn expected<E: ErrorCode + serde::Serialize>(value: &E, content_type: &str) -> Sent {
    let retry_after = match value.retry() {
        error_codes::Retry::After(wait) => Some(wait.as_secs().to_string()),
        _ => None,
    };
    (
        value.status(),
        Some(content_type.to_owned()),
        retry_after,
        serde_json::to_vec(value).unwrap(),
    )
}

/// Each of `values`, sent by `respond`, is sent as [`expected`] says.
pub(crate) fn assert_sent<E: ErrorCode + serde::Serialize + std::fmt::Debug>(
    framework: &str,
    values: &[E],
    content_type: &str,
    respond: impl Fn(&E) -> Sent,
) {
    for value in values {
        let sent = respond(value);
        let expected = expected(value, content_type);
        assert_eq!(
            (sent.0, &sent.1, &sent.2),
            (expected.0, &expected.1, &expected.2),
            "{framework}: {value:?}"
        );
        assert_eq!(
            String::from_utf8_lossy(&sent.3),
            String::from_utf8_lossy(&expected.3),
            "{framework}: body of {value:?}"
        );
    }
}

/// `error`, returned by an axum handler, as the client receives it.
pub(crate) fn axum<E>(error: &E, runtime: &tokio::runtime::Runtime) -> Sent
where
    E: axum::response::IntoResponse + Clone + Send + Sync + 'static,
{
    use axum::Router;
    use axum::body::Body;
    use axum::http::Request;
    use axum::http::header::{CONTENT_TYPE, RETRY_AFTER};
    use axum::routing::get;
    use tower::ServiceExt as _;

    let error = error.clone();
    let app = Router::new().route(
        "/",
        get(move || {
            let error = error.clone();
            async move { Err::<String, E>(error) }
        }),
    );
    runtime.block_on(async {
        let request = Request::get("/").body(Body::empty()).unwrap();
        let response = app.oneshot(request).await.unwrap();
        let header = |name| {
            response
                .headers()
                .get(name)
                .map(|value: &axum::http::HeaderValue| value.to_str().unwrap().to_owned())
        };
        let (content_type, retry_after) = (header(CONTENT_TYPE), header(RETRY_AFTER));
        let status = response.status().as_u16();
        let body = axum::body::to_bytes(response.into_body(), 1 << 16)
            .await
            .unwrap();
        (status, content_type, retry_after, body.to_vec())
    })
}

/// `error`, returned by an actix-web handler, as the client receives it.
pub(crate) fn actix_web<E>(error: &E, system: &actix_web::rt::SystemRunner) -> Sent
where
    E: actix_web::ResponseError + Clone + 'static,
{
    use actix_web::http::header::{CONTENT_TYPE, RETRY_AFTER};
    use actix_web::{App, test, web};

    let error = error.clone();
    let app = App::new().route(
        "/",
        web::get().to(move || {
            let error = error.clone();
            async move { Err::<String, E>(error) }
        }),
    );
    system.block_on(async {
        let service = test::init_service(app).await;
        let response =
            test::call_service(&service, test::TestRequest::get().uri("/").to_request()).await;
        let header = |name| {
            response
                .headers()
                .get(name)
                .map(|value: &actix_web::http::header::HeaderValue| {
                    value.to_str().unwrap().to_owned()
                })
        };
        let (content_type, retry_after) = (header(CONTENT_TYPE), header(RETRY_AFTER));
        let status = response.status().as_u16();
        let body = test::read_body(response).await;
        (status, content_type, retry_after, body.to_vec())
    })
}

/// The responses of one operation, as JSON.
pub(crate) fn responses(document: &Value, path: &str) -> serde_json::Map<String, Value> {
    document["paths"][path]["post"]["responses"]
        .as_object()
        .unwrap_or_else(|| panic!("no responses for {path}"))
        .clone()
}

/// The examples of a response, by name, checked to be under `media_type`
/// only.
pub(crate) fn examples<'a>(
    response: &'a Value,
    media_type: &str,
) -> &'a serde_json::Map<String, Value> {
    let content = response["content"].as_object().unwrap();
    assert_eq!(
        content.keys().collect::<Vec<_>>(),
        [media_type],
        "the layout's media type only"
    );
    content[media_type]["examples"].as_object().unwrap()
}

/// An example is a body of the layout that reads back strictly as a value
/// of the same code, written as that value is; for a code without params
/// (`plain`), it is the body of `value` itself (the examples of params are
/// the catalogue's).
pub(crate) fn assert_example<E>(example: &Value, value: &E, plain: bool)
where
    E: ErrorCode + serde::Serialize + serde::de::DeserializeOwned + std::fmt::Debug,
{
    let read: E = serde_json::from_value(example.clone())
        .unwrap_or_else(|error| panic!("{example}: {error}"));
    assert_eq!(read.code(), value.code());
    assert_eq!(serde_json::to_value(&read).unwrap(), *example);
    if plain {
        assert_eq!(serde_json::to_value(value).unwrap(), *example);
    }
}
