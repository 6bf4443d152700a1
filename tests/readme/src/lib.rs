//! The README's Rust examples, as the workspace builds them: each whole
//! program of the README (a ```` ```rust ```` block) is a module here,
//! written by `build.rs`. `cargo clippy --workspace` lints them like the
//! rest of the code, and `cargo test` runs those that are not servers, so
//! the README cannot show code that does not compile or does not do what it
//! says.

include!(concat!(env!("OUT_DIR"), "/readme.rs"));
