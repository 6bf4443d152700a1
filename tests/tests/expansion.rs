//! What `include_errors!` expands to, pretty-printed: the seed catalogue, and
//! the hostile one (whose snapshot shows how messages are escaped in string
//! literals and in rustdoc Markdown).

use error_codes_gen::Catalog;
use error_codes_tests::{hostile_catalog, lifecycle_catalog, seed_catalog};

fn pretty(catalog: &Catalog) -> String {
    let tokens = error_codes_gen::rust::emit(catalog);
    let file: syn::File = syn::parse2(tokens).expect("the emitter's output parses as Rust items");
    prettyplease::unparse(&file)
}

#[test]
fn seed_expansion() {
    insta::assert_snapshot!(pretty(&seed_catalog()));
}

#[test]
fn hostile_expansion() {
    insta::assert_snapshot!(pretty(&hostile_catalog()));
}

/// Errors that carry data: struct variants, the structs of `types:`,
/// rendered messages, `retry()` and serde with `details`.
#[test]
fn params_expansion() {
    let catalog = error_codes_gen::Catalog::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/pass/params.yaml"),
    )
    .unwrap_or_else(|error| panic!("{error}"));
    insta::assert_snapshot!(pretty(&catalog));
}

/// A declared layout (`fixtures/bodies-rust/nested.yaml`): integer codes
/// nested under `error` with details at `error.error_data`, variants named
/// by `name:`, docs URLs, serde through the layout's typed tree, the hidden
/// `Decode` impls that hold its `Layout` constant (instead of `FromStr`),
/// and the hook's `layout:`.
#[test]
fn layout_expansion() {
    let catalog = error_codes_gen::Catalog::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/bodies-rust/nested.yaml"),
    )
    .unwrap_or_else(|error| panic!("{error}"));
    insta::assert_snapshot!(pretty(&catalog));
}

/// Deprecated variants, and the allowances that keep the generated impls
/// that name them warning-free.
#[test]
fn lifecycle_expansion() {
    insta::assert_snapshot!(pretty(&lifecycle_catalog()));
}

#[test]
fn expansion_is_deterministic() {
    let catalog = seed_catalog();
    assert_eq!(
        error_codes_gen::rust::emit(&catalog).to_string(),
        error_codes_gen::rust::emit(&catalog).to_string()
    );
}

/// Only statuses with codes become enums; the top-level enum has one variant
/// per group.
#[test]
fn one_enum_per_group_plus_the_top_level() {
    let catalog = seed_catalog();
    let tokens = error_codes_gen::rust::emit(&catalog);
    let file: syn::File = syn::parse2(tokens).expect("parses");
    let enums: Vec<&syn::ItemEnum> = file
        .items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Enum(item) => Some(item),
            _ => None,
        })
        .collect();
    let mut expected: Vec<&str> = catalog
        .groups()
        .map(|status| status.name.as_str())
        .collect();
    expected.push(&catalog.name);
    let names: Vec<String> = enums.iter().map(|item| item.ident.to_string()).collect();
    assert_eq!(names, expected);
    assert!(
        catalog
            .statuses
            .iter()
            .any(|status| status.codes.is_empty()),
        "the seed has a status without codes"
    );

    for (item, status) in enums.iter().zip(catalog.groups()) {
        let variants: Vec<String> = item.variants.iter().map(|v| v.ident.to_string()).collect();
        let codes: Vec<&str> = status.codes.iter().map(|code| code.name.as_str()).collect();
        assert_eq!(variants, codes, "variants of {}", status.name);
    }
    let top = enums.last().expect("the top-level enum");
    let variants: Vec<String> = top.variants.iter().map(|v| v.ident.to_string()).collect();
    assert_eq!(variants, expected[..expected.len() - 1]);
}

/// The 1.0 seed, which uses no key added since: its expansion is the one it
/// had before params, plus `CODES`, `retry()` and the trait's `Cow` message.
#[test]
fn seed_1_0_expansion() {
    let catalog = error_codes_gen::Catalog::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seed-1.0/errors.yaml"),
    )
    .unwrap_or_else(|error| panic!("{error}"));
    insta::assert_snapshot!(pretty(&catalog));
}
