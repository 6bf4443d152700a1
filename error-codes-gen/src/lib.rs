//! The generator library behind `error-codes`: one model, pure emitters.
//!
//! `errors.yaml` is loaded and validated into a [`Catalog`] (or every problem is
//! reported at once, each located as `file:line:column`). Emitters are pure
//! functions of the catalogue: [`rust::emit`] for the proc macro,
//! [`typescript::emit`], [`openapi::emit`], [`markdown::emit`],
//! [`python::emit`] and [`go::emit`] for the documents, which [`outputs`]
//! lists under their file names as the catalogue's `outputs:` selects them.
//! [`explain::explain`] words one code for a terminal.
//! [`diff::compare`] lists what changed between two catalogues and which
//! changes break clients. Nothing here writes a file: that is the command
//! line's (`error-codes-cli`).
//!
//! The loader and the Rust emitter are always there. The document emitters,
//! `explain` and the diff are behind the features `typescript`, `openapi`,
//! `markdown`, `python`, `go`, `explain` and `diff`, all on by default; the proc macro turns them off, so users'
//! builds compile only what the macro runs.
//!
//! ```
//! let catalog = error_codes_gen::Catalog::from_yaml(
//!     "title: Errors\nstatuses:\n  404:\n    codes:\n      user_not_found: No such user.\n",
//!     "errors.yaml",
//! )?;
//! for (file_name, text) in error_codes_gen::documents(&catalog) {
//!     assert!(!text.is_empty(), "{file_name} is empty");
//! }
//! # Ok::<(), error_codes_gen::Error>(())
//! ```

#![cfg_attr(docsrs, feature(doc_cfg))]

mod ascii;
mod diagnostic;
#[cfg(feature = "diff")]
#[cfg_attr(docsrs, doc(cfg(feature = "diff")))]
pub mod diff;
#[cfg(any(
    feature = "typescript",
    feature = "openapi",
    feature = "markdown",
    feature = "python",
    feature = "go"
))]
mod escape;
#[cfg(feature = "explain")]
#[cfg_attr(docsrs, doc(cfg(feature = "explain")))]
pub mod explain;
#[cfg(feature = "go")]
#[cfg_attr(docsrs, doc(cfg(feature = "go")))]
pub mod go;
pub mod limits;
mod load;
#[cfg(feature = "markdown")]
#[cfg_attr(docsrs, doc(cfg(feature = "markdown")))]
pub mod markdown;
mod model;
mod names;
#[cfg(feature = "openapi")]
#[cfg_attr(docsrs, doc(cfg(feature = "openapi")))]
pub mod openapi;
#[cfg(feature = "python")]
#[cfg_attr(docsrs, doc(cfg(feature = "python")))]
pub mod python;
pub mod rust;
mod schema;
#[cfg(feature = "typescript")]
#[cfg_attr(docsrs, doc(cfg(feature = "typescript")))]
pub mod typescript;

pub use diagnostic::{Diagnostic, Error};
pub use load::{code_problem, hidden_character_problem, read_catalogue, reason_phrase};
pub use model::{
    Body, Catalog, Code, CodeType, ERROR_STATUSES, Example, JSON_MEDIA_TYPE, Member, Named, Object,
    Output, PROBLEM_MEDIA_TYPE, Param, Part, Path, Piece, Preset, RETRY_AFTER_PARAM, Removed,
    Retry, Status, Type, TypeDef,
};

/// The JSON Schema (2020-12) of the catalogue's file format, for editors:
/// `error-codes schema` prints it. The loader stays the authority; the
/// workspace's tests keep the two in step.
///
/// ```
/// assert!(error_codes_gen::JSON_SCHEMA.contains(r#""$schema": "https://json-schema.org/draft/2020-12/schema""#));
/// ```
pub const JSON_SCHEMA: &str = include_str!("../errors.schema.json");

/// The file names of the documents a catalogue without `outputs:` writes,
/// in the order [`documents`] gives them.
///
/// ```
/// assert_eq!(error_codes_gen::DOCUMENT_NAMES, ["errors.ts", "openapi.yaml", "errors.md"]);
/// ```
pub const DOCUMENT_NAMES: [&str; 3] = ["errors.ts", "openapi.yaml", "errors.md"];

/// The three default documents as `(file name, contents)`, in a fixed
/// order: what a catalogue without `outputs:` writes. [`outputs`] gives the
/// documents a catalogue selects. Needs the features `typescript`,
/// `openapi` and `markdown` (all on by default).
#[cfg(all(feature = "typescript", feature = "openapi", feature = "markdown"))]
#[cfg_attr(
    docsrs,
    doc(cfg(all(feature = "typescript", feature = "openapi", feature = "markdown")))
)]
#[must_use]
pub fn documents(catalog: &Catalog) -> [(&'static str, String); 3] {
    let [typescript, openapi, markdown] = DOCUMENT_NAMES;
    [
        (typescript, typescript::emit(catalog)),
        (openapi, openapi::emit(catalog)),
        (markdown, markdown::emit(catalog)),
    ]
}

/// Every document the catalogue's `outputs:` selects, as `(file name,
/// contents)`, in the order `outputs:` lists them ([`Output::DEFAULT`] when
/// it has none).
///
/// This is what `cargo xtask gen` writes into `generated/` and what
/// `cargo xtask gen --check` compares against. Needs every output's feature
/// (all on by default).
///
/// ```
/// let catalog = error_codes_gen::Catalog::from_yaml(
///     "title: Errors\noutputs: [python, go]\nstatuses:\n  404:\n    codes:\n      user_not_found: No such user.\n",
///     "errors.yaml",
/// )?;
/// let names: Vec<_> = error_codes_gen::outputs(&catalog).into_iter().map(|(name, _)| name).collect();
/// assert_eq!(names, ["errors.py", "errors.go"]);
/// # Ok::<(), error_codes_gen::Error>(())
/// ```
#[cfg(all(
    feature = "typescript",
    feature = "openapi",
    feature = "markdown",
    feature = "python",
    feature = "go"
))]
#[cfg_attr(
    docsrs,
    doc(cfg(all(
        feature = "typescript",
        feature = "openapi",
        feature = "markdown",
        feature = "python",
        feature = "go"
    )))
)]
#[must_use]
pub fn outputs(catalog: &Catalog) -> Vec<(&'static str, String)> {
    catalog
        .outputs
        .iter()
        .map(|&output| {
            let text = match output {
                Output::TypeScript => typescript::emit(catalog),
                Output::OpenApi => openapi::emit(catalog),
                Output::Markdown => markdown::emit(catalog),
                Output::Python => python::emit(catalog),
                Output::Go => go::emit(catalog),
            };
            (output.file_name(), text)
        })
        .collect()
}
