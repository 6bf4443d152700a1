//! Proc macros for `error-codes`; use them through the `error-codes` crate,
//! whose re-exports carry the runnable examples.

mod derive;
mod include;

use proc_macro::TokenStream;

// Documented on the re-export in `error-codes`, where its examples can run.
#[allow(missing_docs)]
#[proc_macro]
pub fn include_errors(input: TokenStream) -> TokenStream {
    include::expand(input.into()).into()
}

// Documented on the re-export in `error-codes`, where its examples can run.
#[allow(missing_docs)]
#[proc_macro_derive(ErrorCode, attributes(error_code))]
pub fn derive_error_code(input: TokenStream) -> TokenStream {
    derive::expand(input.into()).into()
}
