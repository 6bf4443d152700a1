//! The seed catalogue through `include_errors!`: the twin of `../handwritten`.

// `cargo xtask bench` puts the workspace's `errors.yaml` beside this crate's
// manifest in its copy of the twins.
error_codes::include_errors!("errors.yaml");

include!("../../main.rs");
