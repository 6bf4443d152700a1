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
//! The hook's arguments are named, and so are the fields of each status and
//! code it lists, which become a [`StatusDoc`](support::StatusDoc) and a
//! [`CodeDoc`](support::CodeDoc): the type, its values, what each of its
//! statuses' responses says, and each code with lifecycle notes, all worded
//! by the generator as `generated/openapi.yaml` words them:
//!
//! ```text
//! ::error_codes::__private::frameworks::impl_frameworks! {
//!     type: Unauthorized,
//!     values: Unauthorized::ALL,
//!     statuses: [{ status: 401, description: "401 Unauthorized" }],
//!     codes: [{ code: "token_inactive", deprecated: true, notes: "Deprecated: Sent as token_deleted." }],
//! }
//! ```
//!
//! An enum with param codes also passes `details:`, a
//! [`DetailsDoc`](support::DetailsDoc) per such code with the JSON Schema of
//! its details, and its `values` are one example value per code (values
//! that carry data cannot be listed in a `const`). Its responses are then
//! written through its `Serialize` impl, so they carry `details`. Every
//! response of a value whose [`retry`](crate::ErrorCode::retry) is
//! [`Retry::After`](crate::Retry::After) carries `Retry-After: <seconds>`.
//!
//! A value that cannot be encoded (a `number` param that is NaN or
//! infinite: JSON has no such number) is a bug of the server, not the
//! client's error: it is answered `500 Internal Server Error` with the body
//! `{"error": "error_not_encodable", "message": "…"}`, whose message says
//! which param could not be sent. Nothing panics.

#[cfg(feature = "actix-web")]
mod actix_web;
#[cfg(feature = "axum")]
mod axum;
#[cfg(feature = "utoipa")]
mod utoipa;

/// What the hook's expansion names; not a public API.
pub mod support {
    pub use crate::__error_codes_impl_frameworks as impl_frameworks;
    pub use crate::__error_codes_impl_schema as impl_schema;

    /// A status of the type, as its `OpenAPI` response documents it.
    #[derive(Debug, Clone, Copy)]
    pub struct StatusDoc {
        /// The HTTP status.
        pub status: u16,
        /// What the response says: the status line, then the status's
        /// description, if it has one.
        pub description: &'static str,
    }

    /// A code with params: the JSON Schema of its `details`, as
    /// `generated/openapi.yaml` has it.
    #[derive(Debug, Clone, Copy)]
    pub struct DetailsDoc {
        /// The code.
        pub code: &'static str,
        /// The schema, as JSON text.
        pub schema: &'static str,
    }

    /// A code of the type that is deprecated or records `since`.
    #[derive(Debug, Clone, Copy)]
    pub struct CodeDoc {
        /// The code.
        pub code: &'static str,
        /// Whether it is deprecated.
        pub deprecated: bool,
        /// Its lifecycle notes (`Deprecated: …`, `Added in version ….`).
        pub notes: &'static str,
    }

    /// A code's retry advice, as the documents word it: listed for every
    /// code when the catalogue gives retry advice, and for none otherwise.
    #[derive(Debug, Clone, Copy)]
    pub struct AdviceDoc {
        /// The code.
        pub code: &'static str,
        /// The advice, one sentence.
        pub advice: &'static str,
    }

    #[cfg(feature = "actix-web")]
    pub use super::actix_web::{
        actix_web, error_response, layout_error_response, serialized_error_response,
        status_code as actix_status_code,
    };
    #[cfg(feature = "axum")]
    pub use super::axum::{
        axum_core, into_layout_response, into_response, into_serialized_response,
    };
    #[cfg(feature = "utoipa")]
    pub use super::utoipa::{plain_body, responses, schema, serialized_body, utoipa};
}

/// The body of `error`'s response: exactly what serde writes for the generated
/// enums without params, `{"error": code, "message": message}`.
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

/// What a framework sends for an error: its status, body and content type,
/// and the seconds of its `Retry-After` header, if any.
#[cfg(any(feature = "axum", feature = "actix-web"))]
struct Reply {
    status: u16,
    body: Vec<u8>,
    content_type: &'static str,
    retry_after: Option<u64>,
}

/// The media type of the default body.
#[cfg(any(feature = "axum", feature = "actix-web"))]
const JSON: &str = "application/json";

/// The reply for `error` in `layout` (the default body for `None`):
/// serde's body, with the layout's content type.
#[cfg(any(feature = "axum", feature = "actix-web"))]
fn layout_reply<E: crate::ErrorCode + serde_core::Serialize + ?Sized>(
    error: &E,
    layout: Option<&'static crate::layout::Layout>,
) -> Reply {
    let mut reply = reply(error, serde_json::to_vec(error));
    // The body of an error that could not be encoded is the default one.
    if reply.status == error.status()
        && let Some(layout) = layout
    {
        reply.content_type = layout.content_type;
    }
    reply
}

/// The status of a response whose error could not be encoded.
#[cfg(any(feature = "axum", feature = "actix-web"))]
const NOT_ENCODABLE_STATUS: u16 = 500;

/// The reply for `error`, whose body is `body` (serde's, for a type with
/// details, which fails on a number that is not finite).
#[cfg(any(feature = "axum", feature = "actix-web"))]
fn reply<E: crate::ErrorCode + ?Sized>(
    error: &E,
    body: Result<Vec<u8>, serde_json::Error>,
) -> Reply {
    match body {
        Ok(body) => Reply {
            status: error.status(),
            body,
            content_type: JSON,
            retry_after: match error.retry() {
                crate::Retry::After(wait) => Some(wait.as_secs()),
                crate::Retry::Never | crate::Retry::Backoff => None,
            },
        },
        Err(problem) => {
            let message = format!(
                "The error `{}` could not be encoded: {problem}",
                error.code()
            );
            Reply {
                status: NOT_ENCODABLE_STATUS,
                body: serde_json::to_vec(&crate::ErrorBody {
                    error: "error_not_encodable".to_owned(),
                    message,
                })
                .unwrap_or_default(),
                content_type: JSON,
                retry_after: None,
            }
        }
    }
}

/// The hook generated code calls: every framework's impls for one type.
#[doc(hidden)]
#[macro_export]
macro_rules! __error_codes_impl_frameworks {
    (
        type: $ty:ty,
        values: $values:expr,
        statuses: [$({ $($status_field:ident: $status_value:expr),* $(,)? }),* $(,)?],
        codes: [$({ $($code_field:ident: $code_value:expr),* $(,)? }),* $(,)?],
        $(advice: [$({ $($advice_field:ident: $advice_value:expr),* $(,)? }),* $(,)?],)?
        $(details: [$({ $($details_field:ident: $details_value:expr),* $(,)? }),* $(,)?],)?
        layout: $layout:expr $(,)?
    ) => {
        $crate::__error_codes_impl_axum!($ty, layout: $layout);
        $crate::__error_codes_impl_actix_web!($ty, layout: $layout);
        $crate::__error_codes_impl_utoipa!(
            $ty,
            $values,
            &[$($crate::__private::frameworks::StatusDoc { $($status_field: $status_value),* }),*],
            &[$($crate::__private::frameworks::CodeDoc { $($code_field: $code_value),* }),*],
            &[$($($crate::__private::frameworks::AdviceDoc { $($advice_field: $advice_value),* }),*)?],
            &[$($($crate::__private::frameworks::DetailsDoc { $($details_field: $details_value),* }),*)?],
            serialized_body,
            $layout
        );
    };
    (
        type: $ty:ty,
        values: $values:expr,
        statuses: [$({ $($status_field:ident: $status_value:expr),* $(,)? }),* $(,)?],
        codes: [$({ $($code_field:ident: $code_value:expr),* $(,)? }),* $(,)?],
        $(advice: [$({ $($advice_field:ident: $advice_value:expr),* $(,)? }),* $(,)?],)?
        details: [$({ $($details_field:ident: $details_value:expr),* $(,)? }),* $(,)?] $(,)?
    ) => {
        $crate::__error_codes_impl_axum!($ty, serde);
        $crate::__error_codes_impl_actix_web!($ty, serde);
        $crate::__error_codes_impl_utoipa!(
            $ty,
            $values,
            &[$($crate::__private::frameworks::StatusDoc { $($status_field: $status_value),* }),*],
            &[$($crate::__private::frameworks::CodeDoc { $($code_field: $code_value),* }),*],
            &[$($($crate::__private::frameworks::AdviceDoc { $($advice_field: $advice_value),* }),*)?],
            &[$($crate::__private::frameworks::DetailsDoc { $($details_field: $details_value),* }),*],
            serialized_body,
            ::core::option::Option::None
        );
    };
    (
        type: $ty:ty,
        values: $values:expr,
        statuses: [$({ $($status_field:ident: $status_value:expr),* $(,)? }),* $(,)?],
        codes: [$({ $($code_field:ident: $code_value:expr),* $(,)? }),* $(,)?]
        $(, advice: [$({ $($advice_field:ident: $advice_value:expr),* $(,)? }),* $(,)?])? $(,)?
    ) => {
        $crate::__error_codes_impl_axum!($ty);
        $crate::__error_codes_impl_actix_web!($ty);
        $crate::__error_codes_impl_utoipa!(
            $ty,
            $values,
            &[$($crate::__private::frameworks::StatusDoc { $($status_field: $status_value),* }),*],
            &[$($crate::__private::frameworks::CodeDoc { $($code_field: $code_value),* }),*],
            &[$($($crate::__private::frameworks::AdviceDoc { $($advice_field: $advice_value),* }),*)?],
            &[],
            plain_body,
            ::core::option::Option::None
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
    ($ty:ty, serde) => {
        /// The error response: its status, `content-type: application/json`,
        /// the body with its `details`, and `Retry-After` when the error
        /// says when to retry.
        #[automatically_derived]
        impl $crate::__private::frameworks::axum_core::response::IntoResponse for $ty {
            fn into_response(self) -> $crate::__private::frameworks::axum_core::response::Response {
                $crate::__private::frameworks::into_serialized_response(&self)
            }
        }
    };
    ($ty:ty, layout: $layout:expr) => {
        /// The error response: its status, the content type of the
        /// catalogue's layout, the body in that layout, and `Retry-After`
        /// when the error says when to retry.
        #[automatically_derived]
        impl $crate::__private::frameworks::axum_core::response::IntoResponse for $ty {
            fn into_response(self) -> $crate::__private::frameworks::axum_core::response::Response {
                $crate::__private::frameworks::into_layout_response(&self, $layout)
            }
        }
    };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_codes_impl_axum {
    ($($tokens:tt)*) => {};
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
    ($ty:ty, serde) => {
        /// The error response: its status, `content-type: application/json`,
        /// the body with its `details`, and `Retry-After` when the error
        /// says when to retry.
        #[automatically_derived]
        impl $crate::__private::frameworks::actix_web::ResponseError for $ty {
            fn status_code(&self) -> $crate::__private::frameworks::actix_web::http::StatusCode {
                $crate::__private::frameworks::actix_status_code(self)
            }

            fn error_response(&self) -> $crate::__private::frameworks::actix_web::HttpResponse {
                $crate::__private::frameworks::serialized_error_response(self)
            }
        }
    };
    ($ty:ty, layout: $layout:expr) => {
        /// The error response: its status, the content type of the
        /// catalogue's layout, the body in that layout, and `Retry-After`
        /// when the error says when to retry.
        #[automatically_derived]
        impl $crate::__private::frameworks::actix_web::ResponseError for $ty {
            fn status_code(&self) -> $crate::__private::frameworks::actix_web::http::StatusCode {
                $crate::__private::frameworks::actix_status_code(self)
            }

            fn error_response(&self) -> $crate::__private::frameworks::actix_web::HttpResponse {
                $crate::__private::frameworks::layout_error_response(self, $layout)
            }
        }
    };
}

#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_codes_impl_actix_web {
    ($($tokens:tt)*) => {};
}

#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_codes_impl_utoipa {
    ($ty:ty, $values:expr, $statuses:expr, $codes:expr, $advice:expr, $details:expr, $body:ident, $layout:expr) => {
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
                    $statuses,
                    $codes,
                    $advice,
                    $details,
                    $crate::__private::frameworks::$body::<Self>,
                    $layout,
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

/// The hook of a type of `types:`: with `utoipa`, its `ToSchema`, so that
/// `#[openapi(components(schemas(FieldViolation)))]` puts the schema that
/// the details' `$ref`s name into the document. The schema is the
/// generator's, as JSON text, as `generated/openapi.yaml` has it.
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_codes_impl_schema {
    (type: $ty:ident, schema: $schema:expr $(,)?) => {
        /// The schema of the type, as `generated/openapi.yaml` has it.
        #[automatically_derived]
        impl $crate::__private::frameworks::utoipa::PartialSchema for $ty {
            fn schema() -> $crate::__private::frameworks::utoipa::openapi::RefOr<
                $crate::__private::frameworks::utoipa::openapi::schema::Schema,
            > {
                $crate::__private::frameworks::schema($schema)
            }
        }

        /// Named as the catalogue names it.
        #[automatically_derived]
        impl $crate::__private::frameworks::utoipa::ToSchema for $ty {
            fn name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(::core::stringify!($ty))
            }
        }
    };
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_codes_impl_schema {
    ($($tokens:tt)*) => {};
}
