//! The seed catalogue with params written by hand: the twin of
//! `../generated-params`.

mod errors;

use errors::{
    ApiError, BadGateway, Conflict, FieldViolation, Forbidden, InternalServerError,
    PaymentRequired, ServiceUnavailable, TooManyRequests, Unauthorized, UnprocessableEntity,
};

include!("../../main-params.rs");
