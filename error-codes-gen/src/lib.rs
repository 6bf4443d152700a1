//! The generator library behind `error-codes`: one model, pure emitters.
//!
//! `errors.yaml` is loaded and validated into a [`Catalog`] (or every problem is
//! reported at once, each located as `file:line:column`). Emitters are pure
//! functions of the catalogue: [`rust::emit`] for the proc macro,
//! [`typescript::emit`], [`openapi::emit`] and [`markdown::emit`] for the
//! documents. [`documents`] lists the documents under their file names, and
//! [`write_atomic`] and [`write_changed`] are the only places that write a
//! file. [`diff::compare`] lists what changed between two catalogues and
//! which changes break clients.
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

mod diagnostic;
pub mod diff;
mod fs;
pub mod limits;
mod load;
pub mod markdown;
mod model;
pub mod openapi;
pub mod rust;
pub mod typescript;
mod yaml;

pub use diagnostic::{Diagnostic, Error};
pub use fs::{write_atomic, write_changed};
pub use load::read_catalogue;
pub use model::{
    Catalog, Code, ERROR_STATUSES, Removed, Status, code_problem, hidden_character_problem,
};

/// Every generated document as `(file name, contents)`, in a fixed order.
///
/// This is what `cargo xtask gen` writes into `generated/` and what
/// `cargo xtask gen --check` compares against.
#[must_use]
pub fn documents(catalog: &Catalog) -> [(&'static str, String); 3] {
    [
        ("errors.ts", typescript::emit(catalog)),
        ("openapi.yaml", openapi::emit(catalog)),
        ("errors.md", markdown::emit(catalog)),
    ]
}
