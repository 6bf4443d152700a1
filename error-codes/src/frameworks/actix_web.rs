//! `actix_web::ResponseError`.

pub use actix_web;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_TYPE, RETRY_AFTER};

use super::Reply;
use crate::ErrorCode;
use crate::layout::Layout;

/// `error`'s status, as actix-web's `StatusCode` (from `http` 0.2, not the
/// `http` 1 that [`ErrorCode::status_code`] returns).
pub fn status_code(error: &(impl ErrorCode + ?Sized)) -> StatusCode {
    status(error.status())
}

fn status(status: u16) -> StatusCode {
    // Generated and derived types have statuses in 400–599, all of which
    // `from_u16` accepts.
    StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// `error` as a response: its status, `content-type: application/json` and
/// the body `{"error": code, "message": message}`.
pub fn error_response(error: &(impl ErrorCode + ?Sized)) -> HttpResponse {
    response(super::reply(error, Ok(super::json_body(error))))
}

/// `error`, a generated enum with param codes, as a response: the body as
/// serde writes it (with `details`), and `Retry-After` when the error says
/// when to retry; or the 500 of an error that cannot be encoded.
pub fn serialized_error_response<E: ErrorCode + serde_core::Serialize + ?Sized>(
    error: &E,
) -> HttpResponse {
    response(super::reply(error, serde_json::to_vec(error)))
}

/// `error`, a generated enum of a catalogue that declares its body's
/// layout, as a response: the body in the layout, as serde writes it, with
/// the layout's content type, and `Retry-After` when the error says when to
/// retry; or the 500 of an error that cannot be encoded.
pub fn layout_error_response<E: ErrorCode + serde_core::Serialize + ?Sized>(
    error: &E,
    layout: Option<&'static Layout>,
) -> HttpResponse {
    response(super::layout_reply(error, layout))
}

fn response(reply: Reply) -> HttpResponse {
    let mut response = HttpResponse::build(status(reply.status));
    response.insert_header((CONTENT_TYPE, reply.content_type));
    if let Some(seconds) = reply.retry_after {
        response.insert_header((RETRY_AFTER, seconds.to_string()));
    }
    response.body(reply.body)
}
