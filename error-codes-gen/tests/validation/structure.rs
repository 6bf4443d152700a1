//! The shape of the file: keys, mappings and value types, and how problems are reported.

use error_codes_gen::Catalog;

use super::{assert_one_problem, problems};

#[test]
fn malformed_yaml() {
    assert_one_problem("title: \"unterminated\nstatuses: {}\n", "1:8", "");
}

#[test]
fn unknown_keys_at_every_level_all_at_once() {
    // A misspelt key is reported, not ignored, and does not hide the others.
    assert_eq!(
        problems(
            "title: T
statuses:
  401:
    titel: Nope
    codes:
      a:
        mesage: x
      b: Fine.
colour: blue
"
        ),
        [
            "errors.yaml:4:5: unknown key `titel` in a status: did you mean `title`?",
            "errors.yaml:7:9: unknown key `mesage` in a code: did you mean `message`?",
            "errors.yaml:9:1: unknown key `colour` in the catalogue: \
             expected one of `title`, `version`, `description`, `name`, `body`, `docs`, `outputs`, `types`, `statuses`, `removed`",
        ]
    );
}

#[test]
fn a_misspelt_required_key_is_unknown_and_missing() {
    assert_eq!(
        problems("title: T\nstatus:\n  401: {}\n"),
        [
            "errors.yaml:1:1: missing `statuses`: the mapping of error statuses to their codes",
            "errors.yaml:2:1: unknown key `status` in the catalogue: \
             expected one of `title`, `version`, `description`, `name`, `body`, `docs`, `outputs`, `types`, `statuses`, `removed`",
        ]
    );
}

#[test]
fn missing_title() {
    assert_one_problem("statuses: {}\n", "1:1", "missing `title`");
}

#[test]
fn the_catalogue_must_be_a_mapping() {
    assert_eq!(
        problems("# A list, not a mapping.\n\n  - title: T\n"),
        [
            "errors.yaml:3:3: the catalogue must be a mapping with the keys \
             `title`, `version`, `description`, `name`, `body`, `docs`, `outputs`, `types`, `statuses`, `removed`, found a list"
        ]
    );
}

#[test]
fn a_message_must_be_text() {
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    codes:\n      a: [x, y]\n",
        "5:10",
        "a code must be its message, or a mapping with the keys `message`, `name`, `title`, `description`, `resolution`, `docs`, \
         `deprecated`, `since`, `params`, `retry`, found a list",
    );
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    codes:\n      a:\n        message: {x: y}\n",
        "6:18",
        "message must be text, found a mapping",
    );
}

#[test]
fn blank_values_are_empty_texts_and_the_rest_is_still_checked() {
    assert_eq!(
        problems(
            "title: T
description:
statuses:
  401:
    title: ~
    name: Unauthorized
    codes:
      a:
      self: Keyword.
"
        ),
        [
            "errors.yaml:2:12: empty description",
            "errors.yaml:5:12: empty title",
            "errors.yaml:8:8: empty message",
            "errors.yaml:9:7: `self` cannot become a Rust variant: `Self` is a Rust keyword; give the code a `name:`",
        ]
    );
}

#[test]
fn an_unknown_key_suggests_the_key_it_nearly_is() {
    let suggestion = |key: &str| {
        let yaml = format!("title: T\nstatuses:\n  401:\n    {key}: x\n");
        problems(&yaml).join("\n")
    };
    for slip in [
        "titel",
        "tite",
        "titles",
        "tutle",
        "Title",
        "descripton",
        "nmae",
    ] {
        assert!(
            suggestion(slip).contains("did you mean"),
            "{slip}: {}",
            suggestion(slip)
        );
    }
    for other in ["colour", "tl", "codez_x", "x"] {
        assert!(
            suggestion(other).contains("expected one of `title`"),
            "{other}: {}",
            suggestion(other)
        );
    }
}

#[test]
fn wrong_types_at_every_level_are_all_reported() {
    assert_eq!(
        problems(
            "title: [T]
description: {a: b}
statuses:
  401: just text
  403:
    codes: [a, b]
  404:
    title: {x: y}
    codes:
      a: {message: [m]}
removed: [gone]
"
        ),
        [
            "errors.yaml:1:8: title must be text, found a list",
            "errors.yaml:2:14: description must be text, found a mapping",
            "errors.yaml:4:8: a status must be a mapping with the keys `title`, `description`, \
             `name`, `retry`, `codes`, found the text `just text`",
            "errors.yaml:6:12: `codes` must be a mapping of codes to their messages, found a list",
            "errors.yaml:8:12: title must be text, found a mapping",
            "errors.yaml:10:20: message must be text, found a list",
            "errors.yaml:11:10: `removed` must be a mapping of removed codes to their \
             tombstones, found a list",
        ]
    );
    assert_one_problem(
        "title: T\nstatuses: [401]\n",
        "2:11",
        "`statuses` must be a mapping of error statuses to their codes, found a list",
    );
    assert_one_problem(
        "title: T\nstatuses:\n  ? [401, 403]\n  : {}\n",
        "3:5",
        "a key must be text, not a list",
    );
}

#[test]
fn an_empty_file_says_so() {
    for source in ["", "\n\n", "# only a comment\n", "---\n"] {
        let problems = problems(source);
        assert_eq!(
            problems,
            [
                "errors.yaml:1:1: the file is empty: a catalogue needs at least `title` and \
                 `statuses`"
            ],
            "{source:?}"
        );
    }
}

#[test]
fn every_problem_is_reported_at_once_in_file_order() {
    let problems = problems(
        "title: T
statuses:
  302: {}
  401:
    codes:
      self: x
      ok: ''
  403:
    codes:
      ok: again
",
    );
    assert_eq!(
        problems
            .iter()
            .map(|p| p.split(": ").next().unwrap())
            .collect::<Vec<_>>(),
        [
            "errors.yaml:3:3",
            "errors.yaml:6:7",
            "errors.yaml:7:11",
            "errors.yaml:10:7"
        ],
        "{problems:#?}"
    );
}

#[test]
fn diagnostics_show_the_line_with_a_caret() {
    let error = Catalog::from_yaml("title: T\nstatuses:\n  302: {}\n", "errors.yaml").unwrap_err();
    assert_eq!(
        error.to_string(),
        "errors.yaml:3:3: `302` is not an error status: expected an HTTP status from 400 to 599
  |
3 |   302: {}
  |   ^"
    );
}

#[test]
fn messages_stay_on_one_line() {
    let problems = problems("title: T\nstatuses:\n  499:\n    title: \"3rd\\nparty\\u001b\"\n");
    assert_eq!(
        problems,
        [
            "errors.yaml:4:12: the title contains the control character U+001B; \
             only line breaks and tabs are allowed",
            "errors.yaml:4:12: status 499 cannot take its Rust enum name from its title \
             `3rd\\nparty\\u{1b}`: `3rdParty` is not an identifier (it must start with a letter \
             and use only ASCII letters, digits and `_`); give the status a `name:`",
        ]
    );
}

#[test]
fn an_unreadable_file_is_a_diagnostic() {
    let error = Catalog::load(std::path::Path::new("no/such/errors.yaml")).unwrap_err();
    let message = error.to_string();
    assert!(
        message.starts_with("no/such/errors.yaml: cannot read the error catalogue: "),
        "{message}"
    );
}
