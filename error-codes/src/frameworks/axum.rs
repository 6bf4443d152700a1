//! `axum::response::IntoResponse`, through `axum-core` (what axum 0.8
//! re-exports), so the feature does not pull in the rest of axum.

pub use axum_core;

use axum_core::body::Body;
use axum_core::response::Response;
use http::StatusCode;
use http::header::{CONTENT_TYPE, HeaderValue, RETRY_AFTER};

use super::Reply;
use crate::ErrorCode;
use crate::layout::Layout;

/// `error` as a response: its status, `content-type: application/json` and
/// the body `{"error": code, "message": message}`.
pub fn into_response(error: &(impl ErrorCode + ?Sized)) -> Response {
    response(super::reply(error, Ok(super::json_body(error))))
}

/// `error`, a generated enum with param codes, as a response: the body as
/// serde writes it (with `details`), and `Retry-After` when the error says
/// when to retry; or the 500 of an error that cannot be encoded.
pub fn into_serialized_response<E: ErrorCode + serde_core::Serialize + ?Sized>(
    error: &E,
) -> Response {
    response(super::reply(error, serde_json::to_vec(error)))
}

/// `error`, a generated enum of a catalogue that declares its body's
/// layout, as a response: the body in the layout, as serde writes it, with
/// the layout's content type, and `Retry-After` when the error says when to
/// retry; or the 500 of an error that cannot be encoded.
pub fn into_layout_response<E: ErrorCode + serde_core::Serialize + ?Sized>(
    error: &E,
    layout: Option<&'static Layout>,
) -> Response {
    response(super::layout_reply(error, layout))
}

fn response(reply: Reply) -> Response {
    let mut response = Response::new(Body::from(reply.body));
    // Generated and derived types have statuses in 400–599.
    *response.status_mut() =
        StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(reply.content_type));
    if let Some(seconds) = reply.retry_after {
        headers.insert(RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}
