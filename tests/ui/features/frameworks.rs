//! The web framework impls in a user's crate that denies every warning,
//! missing docs and clippy's pedantic lints, under every combination of the
//! `http`, `axum`, `actix-web` and `utoipa` features (`tests/clippy.rs` lints
//! this file once per combination, with the scratch crate's features of the
//! same names turning on those of `error-codes`).

#![deny(warnings, missing_docs, unreachable_pub)]
#![deny(clippy::pedantic)]

::error_codes::include_errors!("../errors.yaml");

/// Errors of a user service, written by hand.
#[derive(Debug, Clone, Copy, error_codes::ErrorCode)]
enum Mine {
    /// A code from the variant name.
    #[error_code(status = 404, message = "No such user.")]
    UserNotFound,
    /// A code given explicitly.
    #[error_code(status = 409, code = "number-in-use", message = "Number in use.")]
    NumberInUse,
}

/// An uninhabited error type gets the impls too.
#[derive(Debug, error_codes::ErrorCode)]
enum Never {}

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

    let error = ApiError::from(Unauthorized::InvalidToken);
    assert_eq!(error.code(), "invalid_token");
    assert_eq!(Mine::NumberInUse.code(), "number-in-use");
    assert_eq!(Mine::UserNotFound.status(), 404);
    let _: Option<Never> = None;

    #[cfg(feature = "axum")]
    {
        axum_response(ApiError::from(Unauthorized::InvalidToken));
        axum_response(Unauthorized::InvalidToken);
        axum_response(Mine::UserNotFound);
    }
    #[cfg(feature = "actix-web")]
    {
        actix_response(&error);
        actix_response(&Unauthorized::InvalidToken);
        actix_response(&Mine::UserNotFound);
    }
    #[cfg(feature = "utoipa")]
    {
        assert_eq!(documented::<ApiError>(), 9);
        assert_eq!(documented::<Unauthorized>(), 1);
        assert_eq!(documented::<Mine>(), 2);
        assert_eq!(documented::<Never>(), 0);
    }
}
