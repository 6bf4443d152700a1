//! The seed catalogue through `include_errors!`: the twin of `../handwritten`.

error_codes::include_errors!("errors.yaml");

include!("../../main.rs");
