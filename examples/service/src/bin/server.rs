//! The example server: `server [ADDRESS] [--stop-on-eof]`.
//!
//! Listens on `ADDRESS` (`127.0.0.1:8080` by default; port 0 picks a free
//! port), prints `listening on http://<address>`, and serves the API with the
//! demo data until killed. `$ADMIN_KEY` (default `admin`) guards the
//! maintenance switch.

use std::process::ExitCode;

use example_service::server::{self, AppState};

#[tokio::main]
async fn main() -> ExitCode {
    server::run(server::app(AppState::new(server::admin_key()))).await
}
