//! The seed catalogue with params through `include_errors!`: the twin of
//! `../handwritten-params`.

error_codes::include_errors!("../params.yaml");

include!("../../main-params.rs");
