//! The lookup tables behind `from_code` are built by the emitter and read by
//! the runtime crate: both must hash codes identically.

use error_codes_tests::{hostile_catalog, seed_catalog};

#[test]
fn emitter_and_runtime_hash_alike() {
    let mut codes: Vec<String> = seed_catalog()
        .codes()
        .chain(hostile_catalog().codes())
        .map(|(_, code)| code.code.clone())
        .collect();
    // Every length around the eight-byte chunks, and bytes outside ASCII.
    codes.extend((0..=33).map(|len| "x".repeat(len)));
    codes.extend(["é", "🔥", "a\0b", "\u{2028}"].map(String::from));
    codes.extend((0..2_000).map(|i| format!("resource_{i}_not_found")));
    for code in &codes {
        assert_eq!(
            error_codes_gen::rust::code_hash(code),
            error_codes::__private::code_hash(code),
            "{code:?}"
        );
    }
}
