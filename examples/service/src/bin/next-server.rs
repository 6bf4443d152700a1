//! The example server a release later: `next-server [ADDRESS] [--stop-on-eof]`.
//!
//! The same API as `server`, plus one route, `POST /v1/broadcasts`, that can
//! fail with a code `errors.yaml` does not have: `recipient_opted_out`, from
//! the newer catalogue `errors-next.yaml`. Clients built on `errors.yaml`
//! must handle it; the end-to-end test shows that both example clients do.

use std::process::ExitCode;

use axum::routing::post;
use axum::{Json, Router, middleware};
use example_service::server::{self, ApiDoc, ApiJson, AppState, Caller};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

/// The errors of the next release: `errors.yaml` plus `recipient_opted_out`.
mod next {
    error_codes::include_errors!("errors-next.yaml");
}

use next::{
    ApiError, Forbidden, InternalServerError, ServiceUnavailable, TooManyRequests, Unauthorized,
    UnprocessableEntity,
};

/// The recipient that has opted out of every sender's messages.
const OPTED_OUT: &str = "+15550000099";

/// One text to many recipients.
#[derive(Serialize, Deserialize, ToSchema)]
struct Broadcast {
    /// The recipients, in E.164 form.
    to: Vec<String>,
    /// The text.
    text: String,
}

/// A broadcast handed to WhatsApp.
#[derive(Serialize, Deserialize, ToSchema)]
struct BroadcastSent {
    /// How many messages went out.
    messages: usize,
}

/// Sends one text to many recipients; fails if any has opted out.
#[utoipa::path(
    post, path = "/v1/broadcasts", tag = "messages",
    request_body = Broadcast,
    responses(
        (status = 200, description = "Sent.", body = BroadcastSent),
        Unauthorized, Forbidden, UnprocessableEntity, TooManyRequests, InternalServerError, ServiceUnavailable,
    ),
    security(("token" = [])),
)]
async fn broadcast(
    _caller: Caller,
    ApiJson(body): ApiJson<Broadcast>,
) -> Result<Json<BroadcastSent>, ApiError> {
    if body.to.iter().any(|to| to == OPTED_OUT) {
        return Err(UnprocessableEntity::RecipientOptedOut.into());
    }
    Ok(Json(BroadcastSent {
        messages: body.to.len(),
    }))
}

/// The new route's part of the `OpenAPI` document.
#[derive(OpenApi)]
#[openapi(paths(broadcast))]
struct NextDoc;

#[tokio::main]
async fn main() -> ExitCode {
    let state = AppState::new(server::admin_key());
    let broadcasts = Router::new()
        .route("/v1/broadcasts", post(broadcast))
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            server::maintenance,
        ));
    let mut document = ApiDoc::openapi().merge_from(NextDoc::openapi());
    "1.1.0".clone_into(&mut document.info.version);
    let app = server::routes(&state)
        .merge(broadcasts)
        .route("/openapi.json", server::openapi_route(&document))
        .with_state(state);
    server::run(app).await
}
