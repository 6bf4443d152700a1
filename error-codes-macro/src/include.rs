//! `include_errors!("errors.yaml")`: resolve the path, load the catalogue,
//! emit its Rust items or one `compile_error!` per problem.

use std::path::{Path, PathBuf};

use error_codes_gen::Catalog;
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::LitStr;

pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let literal = match syn::parse2::<LitStr>(input) {
        Ok(literal) => literal,
        Err(error) => {
            return syn::Error::new(
                error.span(),
                "expected the catalogue's path as one string literal, \
                 e.g. `include_errors!(\"errors.yaml\")`",
            )
            .to_compile_error();
        }
    };
    let span = literal.span();
    let written = literal.value();

    let path = match resolve(&written) {
        Ok(path) => path,
        Err(message) => return compile_error(span, &message),
    };
    // Only UTF-8 paths can be spelled in the `include_bytes!` that tracks the file.
    let Some(tracked) = path.to_str() else {
        return compile_error(span, &format!("`{}` is not a UTF-8 path", path.display()));
    };
    let bytes = match error_codes_gen::read_catalogue(&path) {
        Ok(bytes) => bytes,
        Err(error) => {
            // The absolute path would say where we looked, but would also make
            // the message differ from machine to machine; the hint suffices.
            let hint = if error.kind() == std::io::ErrorKind::NotFound {
                "\n(the path is relative to the folder of the including crate's Cargo.toml)"
            } else {
                ""
            };
            return compile_error(
                span,
                &format!("{written}: cannot read the error catalogue: {error}{hint}"),
            );
        }
    };

    // Diagnostics name the file as the user wrote it, next to the literal
    // they point at, rather than as a machine-specific absolute path.
    match Catalog::from_bytes(&bytes, &written) {
        Ok(catalog) => {
            let items = error_codes_gen::rust::emit(&catalog);
            quote! {
                #items
                // The compiler does not know that this macro read the file;
                // including its bytes makes editing it rebuild the crate.
                const _: &[u8] = ::core::include_bytes!(#tracked);
            }
        }
        Err(error) => error
            .diagnostics()
            .iter()
            .map(|diagnostic| compile_error(span, &diagnostic.to_string()))
            .collect(),
    }
}

/// The catalogue path, relative to the including crate's manifest folder.
fn resolve(written: &str) -> Result<PathBuf, String> {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR").ok_or_else(|| {
        format!("cannot resolve `{written}`: CARGO_MANIFEST_DIR is not set (build with cargo)")
    })?;
    Ok(Path::new(&manifest_dir).join(written))
}

fn compile_error(span: Span, message: &str) -> TokenStream {
    quote_spanned! {span=> ::core::compile_error! { #message } }
}
