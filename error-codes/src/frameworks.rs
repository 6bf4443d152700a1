//! Web framework integrations, each behind its feature: the impls that every
//! enum [`include_errors!`](crate::include_errors) generates and every
//! [`#[derive(ErrorCode)]`](macro@crate::ErrorCode) type gets.
//!
//! Generated code cannot see which features this crate was built with, so it
//! calls one hook, [`impl_frameworks!`](support::impl_frameworks), and this
//! crate defines the hook's part for each framework twice: once for the
//! feature on (the impl) and once for it off (nothing). A crate that enables
//! none of the features compiles none of the frameworks.
//!
//! The hook takes the type, its values (for documentation) and, for the
//! enums of a catalogue, each status's title and, if it has one, description,
//! then each code that is deprecated or records `since`, with whether it is
//! deprecated and its notes as `generated/openapi.yaml` words them:
//!
//! ```text
//! ::error_codes::__private::frameworks::impl_frameworks!(
//!     Unauthorized,
//!     Unauthorized::ALL,
//!     [(401, "Unauthorized")],
//!     [("token_inactive", true, "Deprecated: Sent as token_deleted.\n\nAdded in version 1.1.0.")]
//! );
//! ```
//!
//! A status missing from the list (the derive lists none) is documented with
//! its standard reason phrase.

#[cfg(feature = "actix-web")]
mod actix_web;
#[cfg(feature = "axum")]
mod axum;
#[cfg(feature = "utoipa")]
mod utoipa;

/// What the hook's expansion names; not a public API.
pub mod support {
    pub use crate::__error_codes_impl_frameworks as impl_frameworks;

    #[cfg(feature = "actix-web")]
    pub use super::actix_web::{actix_web, error_response, status_code as actix_status_code};
    #[cfg(feature = "axum")]
    pub use super::axum::{axum_core, into_response};
    #[cfg(feature = "utoipa")]
    pub use super::utoipa::{CodeNotes, StatusDoc, responses, utoipa};
}

/// The body of `error`'s response: exactly what serde writes for the generated
/// enums, `{"error": code, "message": message}`.
#[cfg(any(feature = "axum", feature = "actix-web"))]
fn json_body<E: crate::ErrorCode + ?Sized>(error: &E) -> Vec<u8> {
    /// The body, borrowing the code and message rather than copying them.
    struct Body<'a, E: ?Sized>(&'a E);

    impl<E: crate::ErrorCode + ?Sized> serde_core::Serialize for Body<'_, E> {
        fn serialize<S: serde_core::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            crate::__private::serialize(self.0, serializer)
        }
    }

    // Two strings into a `Vec`: the serializer has nothing that can fail.
    serde_json::to_vec(&Body(error)).unwrap_or_default()
}

/// The hook generated code calls: every framework's impls for one type.
#[doc(hidden)]
#[macro_export]
macro_rules! __error_codes_impl_frameworks {
    (
        $ty:ty,
        $values:expr,
        [$(($status:literal, $title:literal $(, $description:literal)?)),* $(,)?],
        [$(($code:literal, $deprecated:literal, $notes:literal)),* $(,)?] $(,)?
    ) => {
        $crate::__error_codes_impl_axum!($ty);
        $crate::__error_codes_impl_actix_web!($ty);
        $crate::__error_codes_impl_utoipa!(
            $ty,
            $values,
            [$(($status, $title, [$($description)?])),*],
            [$(($code, $deprecated, $notes)),*]
        );
    };
}

#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_codes_impl_axum {
    ($ty:ty) => {
        /// The error response: its status, `content-type: application/json`
        /// and the body `{"error": code, "message": message}`.
        #[automatically_derived]
        impl $crate::__private::frameworks::axum_core::response::IntoResponse for $ty {
            fn into_response(self) -> $crate::__private::frameworks::axum_core::response::Response {
                $crate::__private::frameworks::into_response(&self)
            }
        }
    };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_codes_impl_axum {
    ($ty:ty) => {};
}

#[cfg(feature = "actix-web")]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_codes_impl_actix_web {
    ($ty:ty) => {
        /// The error response: its status, `content-type: application/json`
        /// and the body `{"error": code, "message": message}`.
        #[automatically_derived]
        impl $crate::__private::frameworks::actix_web::ResponseError for $ty {
            fn status_code(&self) -> $crate::__private::frameworks::actix_web::http::StatusCode {
                $crate::__private::frameworks::actix_status_code(self)
            }

            fn error_response(&self) -> $crate::__private::frameworks::actix_web::HttpResponse {
                $crate::__private::frameworks::error_response(self)
            }
        }
    };
}

#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_codes_impl_actix_web {
    ($ty:ty) => {};
}

#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_codes_impl_utoipa {
    (
        $ty:ty,
        $values:expr,
        [$(($status:literal, $title:literal, [$($description:literal)?])),*],
        [$(($code:literal, $deprecated:literal, $notes:literal)),*]
    ) => {
        /// One response per status, each with one named example per code.
        #[automatically_derived]
        impl $crate::__private::frameworks::utoipa::IntoResponses for $ty {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::__private::frameworks::utoipa::openapi::RefOr<
                    $crate::__private::frameworks::utoipa::openapi::response::Response,
                >,
            > {
                $crate::__private::frameworks::responses::<Self>(
                    $values,
                    &[$(($status, $title, &[$($description)?])),*],
                    &[$(($code, $deprecated, $notes)),*],
                )
            }
        }
    };
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_codes_impl_utoipa {
    ($($tokens:tt)*) => {};
}
