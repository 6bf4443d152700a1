//! What the format accepts, and how it reads it.

use error_codes_gen::Catalog;

use super::load;

#[test]
fn the_seed_catalogue_loads_in_file_order() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../errors.yaml");
    let catalog = Catalog::load(&path).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(catalog.source_name, "errors.yaml");
    assert_eq!(catalog.title, "Errors & Troubleshooting");
    assert_eq!(catalog.name, "ApiError");
    let statuses: Vec<_> = catalog.statuses.iter().map(|s| s.status).collect();
    assert_eq!(statuses, [400, 401, 402, 403, 409, 422, 429, 500, 502, 503]);
    assert_eq!(catalog.codes().count(), 32);
    assert_eq!(catalog.groups().count(), 9);
    assert!(catalog.statuses[0].codes.is_empty());
}

#[test]
fn short_and_long_forms_and_names() {
    let catalog = load(
        "title: T
name: MyError
statuses:
  409:
    codes:
      number-in-use: The number is in use.
      RATE_LIMITED: Upper snake case.
      WA401:
        message: Upper case with digits.
  422:
    name: Invalid
    description: Validation failures.
    codes:
      validation_error: One or more inputs failed validation.
",
    );
    assert_eq!(catalog.name, "MyError");
    let [conflict, invalid] = &catalog.statuses[..] else {
        panic!("two statuses")
    };
    assert_eq!(
        (conflict.title.as_str(), conflict.name.as_str()),
        ("Conflict", "Conflict")
    );
    let names: Vec<_> = conflict
        .codes
        .iter()
        .map(|c| (c.code.as_str(), c.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("number-in-use", "NumberInUse"),
            ("RATE_LIMITED", "RateLimited"),
            ("WA401", "Wa401"),
        ]
    );
    assert_eq!(conflict.codes[2].message, "Upper case with digits.");
    assert_eq!(invalid.name, "Invalid");
    assert_eq!(invalid.description.as_deref(), Some("Validation failures."));
}

#[test]
fn yaml_1_1_booleans_stay_text() {
    let catalog = load("title: T\nstatuses:\n  400:\n    codes:\n      a: no\n      b: y\n");
    let messages: Vec<_> = catalog.codes().map(|(_, c)| c.message.as_str()).collect();
    assert_eq!(messages, ["no", "y"]);
}

#[test]
fn a_status_may_have_no_codes_yet() {
    let catalog = load("title: T\nstatuses:\n  400:\n  404: {}\n  409:\n    codes:\n");
    assert!(catalog.statuses.iter().all(|s| s.codes.is_empty()));
    assert_eq!(catalog.groups().count(), 0);
}

#[test]
fn a_non_standard_status_with_a_title() {
    let catalog = load("title: T\nstatuses:\n  499:\n    title: Client Closed Request\n");
    assert_eq!(catalog.statuses[0].name, "ClientClosedRequest");
}

#[test]
fn every_scalar_is_text_as_written() {
    // YAML would read these as numbers, and 1.10 as 1.1; a catalogue keeps
    // what the file says.
    let catalog = load("title: 404\nversion: 1.10\nstatuses:\n  400:\n    codes:\n      a: 12\n");
    assert_eq!(catalog.title, "404");
    assert_eq!(catalog.version.as_deref(), Some("1.10"));
    assert_eq!(catalog.statuses[0].codes[0].message, "12");
}

#[test]
fn trailing_line_breaks_of_block_scalars_are_dropped() {
    let catalog = load(
        "title: T
description: |
  Intro.

statuses:
  401:
    description: >
      Folded
      text.
    codes:
      a: |
        Line one.
        Line two.
",
    );
    assert_eq!(catalog.description.as_deref(), Some("Intro."));
    let status = &catalog.statuses[0];
    assert_eq!(status.description.as_deref(), Some("Folded text."));
    assert_eq!(status.codes[0].message, "Line one.\nLine two.");
}

#[test]
fn apostrophes_in_a_title_do_not_split_the_enum_name() {
    let catalog = load("title: T\nstatuses:\n  418:\n    title: I'm a teapot\n");
    assert_eq!(catalog.statuses[0].name, "ImATeapot");
}

#[test]
fn line_breaks_tabs_and_right_to_left_text_are_kept() {
    let catalog = load(
        "title: T\nstatuses:\n  400:\n    codes:\n      a: \"one\\ntwo\\tthree\"\n      b: الرمز غير صالح\n      c: \"mark \\u200F and separator \\u2028\"\n",
    );
    let messages: Vec<_> = catalog.codes().map(|(_, c)| c.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "one\ntwo\tthree",
            "الرمز غير صالح",
            "mark \u{200F} and separator \u{2028}"
        ]
    );
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_are_accepted() {
    let catalog = Catalog::from_bytes(
        b"\xEF\xBB\xBFtitle: T\r\nstatuses:\r\n  401:\r\n    codes:\r\n      a: |\r\n        A\r\n        B\r\n",
        "errors.yaml",
    )
    .unwrap_or_else(|error| panic!("{error}"));
    let code = &catalog.statuses[0].codes[0];
    assert_eq!((code.message.as_str(), code.line), ("A\nB", 5));
    let error =
        Catalog::from_bytes(b"title: T\r\nstatuses:\r\n  302: {}\r\n", "errors.yaml").unwrap_err();
    assert_eq!(error.diagnostics()[0].location(), "errors.yaml:3:3");
}
