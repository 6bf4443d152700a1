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
///
/// An absolute path is refused: it would build on one machine only. `..` is
/// fine (`"../errors.yaml"` shares one catalogue across a workspace).
fn resolve(written: &str) -> Result<PathBuf, String> {
    if written.is_empty() {
        return Err(
            "the path is empty: name the catalogue file, e.g. `include_errors!(\"errors.yaml\")`"
                .to_owned(),
        );
    }
    if Path::new(written).is_absolute() {
        return Err(format!(
            "`{written}` is an absolute path, so the crate would build on this machine only: \
             write it relative to the folder of the crate's Cargo.toml"
        ));
    }
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR").ok_or_else(|| {
        format!("cannot resolve `{written}`: CARGO_MANIFEST_DIR is not set (build with cargo)")
    })?;
    Ok(Path::new(&manifest_dir).join(written))
}

fn compile_error(span: Span, message: &str) -> TokenStream {
    quote_spanned! {span=> ::core::compile_error! { #message } }
}

#[cfg(test)]
mod tests {
    //! The expansion is byte-identical across 50 processes (each with its own
    //! `HashMap` seed), working folders, locales, time zones and home folders.
    //!
    //! The test runs this test binary again, once per environment, with
    //! `EXPANSION_OUT` set: the child then expands `include_errors!("../errors.yaml")`
    //! exactly as the compiler's call would (same `CARGO_MANIFEST_DIR`, same
    //! code path, `proc_macro2`'s own token types instead of the compiler's)
    //! and writes the tokens as text. That proves the front end, the loader and
    //! the emitter depend on nothing but the file; it does not cover what
    //! rustc then does with the tokens, nor spans, which the text leaves out.
    //! The tracked path in the `include_bytes!` is absolute, so it depends on
    //! where the checkout is, by design, and on nothing else.

    use std::path::Path;
    use std::process::Command;

    use quote::quote;

    const OUT: &str = "EXPANSION_OUT";
    const RUNS: usize = 50;
    const TEST: &str = "include::tests::expansion_is_identical_across_processes_and_environments";

    fn expansion() -> String {
        super::expand(quote!("../errors.yaml")).to_string()
    }

    #[test]
    fn expansion_is_identical_across_processes_and_environments() {
        if let Some(out) = std::env::var_os(OUT) {
            std::fs::write(out, expansion()).unwrap();
            return;
        }
        let expected = expansion();
        assert!(expected.contains("pub enum ApiError"), "{expected}");
        assert!(!expected.contains("compile_error"), "{expected}");

        let exe = std::env::current_exe().unwrap();
        let manifest_dir = env!("CARGO_MANIFEST_DIR");
        let scratch = std::env::temp_dir().join(format!("expansion-{}", std::process::id()));
        std::fs::create_dir_all(&scratch).unwrap();
        let folders = [Path::new(manifest_dir), Path::new("/"), scratch.as_path()];
        let locales = [
            "C",
            "en_US.UTF-8",
            "tr_TR.UTF-8",
            "de_DE.ISO-8859-1",
            "ja_JP.eucJP",
        ];
        let zones = [
            "UTC",
            "Pacific/Kiritimati",
            "America/St_Johns",
            "Nowhere/Invalid",
        ];
        for run in 0..RUNS {
            let out = scratch.join(format!("expansion-{run}.txt"));
            let mut command = Command::new(&exe);
            command
                .args([TEST, "--exact", "--test-threads=1"])
                .current_dir(folders[run % folders.len()])
                // Not `env_clear`: the test binary of a proc-macro crate finds
                // the standard library through the loader's search path.
                .env_remove("LANG")
                .env_remove("HOME")
                .env(OUT, &out)
                .env("CARGO_MANIFEST_DIR", manifest_dir)
                .env("LC_ALL", locales[run % locales.len()])
                .env("TZ", zones[run % zones.len()]);
            if run % 2 == 0 {
                command.env("HOME", &scratch);
            }
            let output = command.output().unwrap();
            assert!(
                output.status.success(),
                "run {run}: {}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
            let written = std::fs::read_to_string(&out).unwrap();
            assert!(
                written == expected,
                "run {run} ({command:?}) expanded differently"
            );
        }
        std::fs::remove_dir_all(scratch).unwrap();
    }
}
