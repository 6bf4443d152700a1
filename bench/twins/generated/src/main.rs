//! The seed catalogue through `include_errors!`: the twin of `../handwritten`.

// `cargo xtask bench` puts the seed catalogue as of 1.0, without params
// (`tests/fixtures/seed-1.0/errors.yaml`), beside this crate's manifest in its
// copy of the twins.
error_codes::include_errors!("errors.yaml");

include!("../../main.rs");
