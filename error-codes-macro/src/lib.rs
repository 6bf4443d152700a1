//! Proc macros for `error-codes`; use them through the `error-codes` crate.

mod derive;
mod include;

use proc_macro::TokenStream;

/// Generates status-grouped error enums from a catalogue file.
///
/// ```ignore
/// error_codes::include_errors!("errors.yaml");
/// ```
///
/// The path is a string literal, relative to the folder of the including
/// crate's `Cargo.toml`. The macro expands, where it is called, to:
///
/// - one enum per status that has codes, named after its reason phrase
///   (`Unauthorized`, `TooManyRequests`; a status's `name:` overrides it),
///   with one unit variant per code (`Unauthorized::InvalidToken`);
/// - a top-level enum, `ApiError` unless the file's `name:` says otherwise,
///   with one tuple variant per group (`ApiError::Unauthorized(..)`) and
///   `From<Group>` for each.
///
/// Every one of these enums has `const fn code`, `message` and `status`,
/// `fn from_code(&str) -> Option<Self>`, `const ALL: &[Self]` (file order),
/// and implements `ErrorCode`, `Display` (the message), `Error`, `FromStr`
/// (from the code, failing with `UnknownCode`), serde's `Serialize` and
/// `Deserialize` as the body `{"error": code, "message": message}`, and
/// `Debug, Clone, Copy, PartialEq, Eq, Hash`. Each variant's documentation
/// shows its message, code and status. Generated code needs only the
/// `error-codes` crate as a dependency, not serde.
///
/// Editing the file rebuilds the crate. A file with problems fails the build
/// with one error per problem, each at the path literal and naming the place
/// in the file as `path:line:column`.
///
/// The `error_codes` crate documentation has a runnable example.
#[proc_macro]
pub fn include_errors(input: TokenStream) -> TokenStream {
    include::expand(input.into()).into()
}

/// Implements `ErrorCode`, `Display` and `std::error::Error` for a hand-written enum.
///
/// ```ignore
/// #[derive(Debug, Clone, Copy, error_codes::ErrorCode)]
/// enum Mine {
///     #[error_code(status = 404, message = "No such user.")] // code "user_not_found"
///     UserNotFound,
///     #[error_code(status = 409, code = "number-in-use", message = "Number in use.")]
///     NumberInUse,
/// }
/// ```
///
/// Every variant is a unit variant with one `#[error_code(...)]` (the keys may
/// also be spread over several) holding:
///
/// - `status = 404`: the HTTP status, 400–599;
/// - `message = "..."`: the human-readable message, not empty; `Display`
///   prints it (and honours width and precision like `str` does);
/// - `code = "..."`, optional: the code as the API sends it; by default the
///   variant name in `snake_case` (`UserNotFound` → `"user_not_found"`).
///
/// Codes must be unique within the enum. Anything else (a missing or unknown
/// key, a duplicate key or code, a status out of range, fields, generics, a
/// struct or union) is a compile error at the offending tokens; all problems
/// in the enum are reported at once. The impls name `::error_codes`, so the
/// crate must depend on `error-codes` under that name. They are marked
/// `#[automatically_derived]` and compile cleanly under
/// `#![deny(warnings, clippy::pedantic)]`.
///
/// The `error_codes` crate documentation has a runnable example.
#[proc_macro_derive(ErrorCode, attributes(error_code))]
pub fn derive_error_code(input: TokenStream) -> TokenStream {
    derive::expand(input.into()).into()
}
