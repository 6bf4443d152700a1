//! A derive that fails still gives every framework's impls, so a user sees
//! its error once, at the attribute, and not again at every handler that
//! returns the type. `tests/clippy.rs` checks this with every framework on:
//! the only error is the derive's.

#[derive(Debug, Clone, Copy, error_codes::ErrorCode)]
enum Broken {
    #[error_code(status = 200, message = "Not an error.")]
    Fine,
}

#[cfg(feature = "axum")]
fn axum_response(_: impl axum_core::response::IntoResponse) {}

#[cfg(feature = "actix-web")]
fn actix_response(_: &impl actix_web::ResponseError) {}

#[cfg(feature = "utoipa")]
fn documented<T: utoipa::IntoResponses>() -> usize {
    T::responses().len()
}

fn main() {
    use error_codes::ErrorCode as _;

    let error = Broken::Fine;
    let _ = (error.code(), error.to_string());
    #[cfg(feature = "axum")]
    axum_response(error);
    #[cfg(feature = "actix-web")]
    actix_response(&error);
    #[cfg(feature = "utoipa")]
    let _ = documented::<Broken>();
}
