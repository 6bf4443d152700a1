//! `axum::response::IntoResponse`, through `axum-core` (what axum 0.8
//! re-exports), so the feature does not pull in the rest of axum.

pub use axum_core;

use axum_core::body::Body;
use axum_core::response::Response;
use http::header::{CONTENT_TYPE, HeaderValue};

use crate::ErrorCode;

/// `error` as a response: its status, `content-type: application/json` and
/// the body `{"error": code, "message": message}`.
pub fn into_response(error: &(impl ErrorCode + ?Sized)) -> Response {
    let mut response = Response::new(Body::from(super::json_body(error)));
    *response.status_mut() = error.status_code();
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}
