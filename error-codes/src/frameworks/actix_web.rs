//! `actix_web::ResponseError`.

pub use actix_web;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::{ContentType, RETRY_AFTER};

use super::Reply;
use crate::ErrorCode;

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

fn response(reply: Reply) -> HttpResponse {
    let mut response = HttpResponse::build(status(reply.status));
    response.content_type(ContentType::json());
    if let Some(seconds) = reply.retry_after {
        response.insert_header((RETRY_AFTER, seconds.to_string()));
    }
    response.body(reply.body)
}
