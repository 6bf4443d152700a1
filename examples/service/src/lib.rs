//! An example service built on `errors.yaml`: copy it to start your own.
//!
//! - [`api`]: the catalogue's error types, from `include_errors!`;
//! - [`server`]: an axum server for the API the catalogue describes (tokens,
//!   request signatures, a rate limit, plans and pay-as-you-go billing, an OTP
//!   flow, a maintenance switch), whose handlers return those errors, and its
//!   `OpenAPI` document, built by utoipa and served at `/openapi.json`;
//! - [`client`]: a Rust client that reads every error as
//!   [`Received<ApiError>`](error_codes::Received), so that codes a newer
//!   server adds do not break it, and decides what to do by code.
//!
//! `ts/client.ts` is the same client in TypeScript, on the generated
//! `generated/errors.ts`. The binaries `server`, `next-server` (the same
//! server a release later, with one more code) and `client` run them.

pub mod client;
pub mod demo;
pub mod server;

/// The API's errors, generated from the repository's `errors.yaml`.
pub mod api {
    error_codes::include_errors!("../../errors.yaml");
}
