//! Tests of `error-codes`' web framework features, in `tests/`: every
//! generated and derived error type answering through a real axum and
//! actix-web handler, and documenting itself in a utoipa `OpenAPI` document.
