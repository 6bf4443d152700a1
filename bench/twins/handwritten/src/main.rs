//! The seed catalogue written by hand: the twin of `../generated`.

mod errors;

use errors::{ApiError, ServiceUnavailable, Unauthorized};

include!("../../main.rs");
