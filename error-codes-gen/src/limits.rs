//! The largest catalogue the loader accepts.
//!
//! Each limit is far above what a real API documents and low enough that a file beyond it is refused
//! quickly and in little memory, also by the unoptimized builds that
//! `cargo xtask gen` and proc macros run as. A file over a limit gets one
//! diagnostic that names the limit.
//!
//! ```
//! use error_codes_gen::limits::{MAX_BYTES, MAX_CODES};
//!
//! let huge = "x".repeat(MAX_BYTES + 1);
//! let error = error_codes_gen::Catalog::from_yaml(&huge, "errors.yaml").unwrap_err();
//! assert!(error.to_string().contains("larger than 4 MiB"), "{error}");
//! assert_eq!(MAX_CODES, 20_000);
//! ```

/// The largest file, in bytes: 4 MiB.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

/// The most codes under `statuses`, across all of them.
pub const MAX_CODES: usize = 20_000;

/// The deepest nesting of mappings and lists. A catalogue needs 7 for a
/// param's long form (catalogue, `statuses`, a status, `codes`, a code's
/// long form, `params`, the param), and one more for each list in a type
/// or an example.
pub const MAX_DEPTH: usize = 16;

/// The longest message, in characters.
pub const MAX_MESSAGE_CHARS: usize = 2_000;
