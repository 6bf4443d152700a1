//! `errors.py`: SCAFFOLD, replaced by the Python emitter.

use crate::Catalog;

/// `errors.py` for `catalog`.
#[must_use]
pub fn emit(catalog: &Catalog) -> String {
    format!("# {}\n", catalog.generated_notice())
}
