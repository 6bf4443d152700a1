//! `errors.go`: SCAFFOLD, replaced by the Go emitter.

use crate::Catalog;

/// `errors.go` for `catalog`.
#[must_use]
pub fn emit(catalog: &Catalog) -> String {
    format!("// {}\n\npackage apierrors\n", catalog.generated_notice())
}
