//! The hostile catalogue (quotes, backslashes, HTML, Markdown, newlines,
//! U+2028, emoji, a code named `toString`) compiles without a single warning,
//! rustdoc's Markdown included, and keeps every message intact.

#![deny(warnings, missing_docs, unreachable_pub)]
#![deny(clippy::pedantic)]

/// The hostile errors, in a public module as a library would have them.
pub mod hostile {
    ::error_codes::include_errors!("fixtures/hostile.yaml");
}

use hostile::{BadRequestB, HostileError, Teapot};

fn main() {
    assert_eq!(
        Teapot::Newline.message(),
        "first line\nsecond line\nthird\ttabbed"
    );
    assert_eq!(
        Teapot::LineSeparator.message(),
        "before\u{2028}after\u{2029}paragraph"
    );
    assert_eq!(
        BadRequestB::BackSlash.message(),
        "C:\\path\\to\\file and a trailing backslash \\"
    );
    assert_eq!(Teapot::from_code("toString"), Some(Teapot::ToString));
    assert_eq!(
        HostileError::from_code("number-in-use").map(HostileError::status),
        Some(418)
    );
    assert_eq!(HostileError::ALL.len(), 17);
}
