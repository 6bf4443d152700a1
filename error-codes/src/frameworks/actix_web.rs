//! `actix_web::ResponseError`.

pub use actix_web;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::ContentType;

use crate::ErrorCode;

/// `error`'s status, as actix-web's `StatusCode` (from `http` 0.2, not the
/// `http` 1 that [`ErrorCode::status_code`] returns).
pub fn status_code(error: &(impl ErrorCode + ?Sized)) -> StatusCode {
    // Generated and derived types have statuses in 400–599, all of which
    // `from_u16` accepts.
    StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// `error` as a response: its status, `content-type: application/json` and
/// the body `{"error": code, "message": message}`.
pub fn error_response(error: &(impl ErrorCode + ?Sized)) -> HttpResponse {
    HttpResponse::build(status_code(error))
        .content_type(ContentType::json())
        .body(super::json_body(error))
}
