//! Synthetic catalogues with params, for the expansion figure with params:
//! the codes of [`synthetic`], every third one with two or
//! three params (alternately a string and an integer named in the message,
//! and `retry: after` with its `retry_after`, a list of a type of `types:`
//! and an optional integer), so that the emitter's every piece for data
//! (struct variants, rendered messages, `retry`, details written and read)
//! grows with the catalogue.

use std::fmt::Write as _;

use crate::synthetic;

/// A catalogue of `count` synthetic codes as `errors.yaml` text, laid out
/// like [`synthetic::yaml`]'s, with one type and params on every third code.
#[must_use]
pub(crate) fn yaml(count: usize) -> String {
    let codes = synthetic::codes(count);
    let mut yaml = String::from(
        "title: Synthetic with params\nversion: 1.0.0\ntypes:\n  Violation:\n    \
         description: One input that failed.\n    fields:\n      field: string\n      \
         reason: string\nstatuses:\n",
    );
    let mut index = 0;
    for (status, chunk) in (400..).zip(codes.chunks(count.div_ceil(10).max(1))) {
        let _ = writeln!(
            yaml,
            "  {status}:\n    description: Synthetic errors with status {status}.\n    codes:"
        );
        for code in chunk {
            match (index % 3, index / 3 % 2) {
                (0, 0) => {
                    let _ = writeln!(
                        yaml,
                        "      {code}:\n        message: The {code} error on {{resource_id}} after {{attempts}} attempts.\n        \
                         params:\n          resource_id: string\n          attempts: integer"
                    );
                }
                (0, _) => {
                    let _ = writeln!(
                        yaml,
                        "      {code}:\n        message: The {code} error; retry in {{retry_after}} seconds.\n        \
                         retry: after\n        params:\n          retry_after: integer\n          \
                         violations: [Violation]\n          \
                         limit: {{ type: integer, optional: true, description: The limit that was reached. }}"
                    );
                }
                _ => {
                    let _ = writeln!(
                        yaml,
                        "      {code}: The {code} error; the request cannot be completed as sent."
                    );
                }
            }
            index += 1;
        }
    }
    yaml
}
