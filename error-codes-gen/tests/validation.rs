//! Every rule of the file format: what is accepted, and what is rejected where.

use error_codes_gen::Catalog;

/// `location: message` for every problem, in file order.
fn problems(yaml: &str) -> Vec<String> {
    match Catalog::from_yaml(yaml, "errors.yaml") {
        Ok(catalog) => panic!("expected problems, got {catalog:#?}"),
        Err(error) => error
            .diagnostics()
            .iter()
            .map(|d| format!("{}: {}", d.location(), d.message))
            .collect(),
    }
}

fn load(yaml: &str) -> Catalog {
    Catalog::from_yaml(yaml, "errors.yaml").unwrap_or_else(|error| panic!("{error}"))
}

#[track_caller]
fn assert_one_problem(yaml: &str, location: &str, message_part: &str) {
    let problems = problems(yaml);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let expected = format!("errors.yaml:{location}: ");
    assert!(
        problems[0].starts_with(&expected) && problems[0].contains(message_part),
        "expected `{expected}…{message_part}…`, got {problems:#?}"
    );
}

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
             expected one of `title`, `version`, `description`, `name`, `statuses`, `removed`",
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
             expected one of `title`, `version`, `description`, `name`, `statuses`, `removed`",
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
             `title`, `version`, `description`, `name`, `statuses`, `removed`, found a list"
        ]
    );
}

#[test]
fn duplicate_status() {
    assert_one_problem(
        "title: T\nstatuses:\n  401: {}\n  401: {}\n",
        "4:3",
        "duplicate key `401`: already at line 3; YAML keys are unique",
    );
}

#[test]
fn duplicate_code_in_one_status() {
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    codes:\n      a: x\n      a: y\n",
        "6:7",
        "duplicate key `a`: already at line 5; YAML keys are unique",
    );
}

#[test]
fn duplicate_code_across_statuses() {
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    codes:\n      a: x\n  403:\n    codes:\n      a: y\n",
        "8:7",
        "duplicate code `a`: already under status 401 (line 5)",
    );
}

#[test]
fn status_outside_400_to_599() {
    assert_one_problem(
        "title: T\nstatuses:\n  302: {}\n",
        "3:3",
        "`302` is not an error status",
    );
    assert_one_problem(
        "title: T\nstatuses:\n  600: {}\n",
        "3:3",
        "`600` is not an error status",
    );
    assert_one_problem(
        "title: T\nstatuses:\n  abc: {}\n",
        "3:3",
        "`abc` is not an error status",
    );
}

#[test]
fn non_standard_status_without_title() {
    assert_one_problem(
        "title: T\nstatuses:\n  499: {}\n",
        "3:3",
        "status 499 has no standard reason phrase; give it a `title:`",
    );
}

#[test]
fn codes_colliding_after_case_conversion() {
    assert_one_problem(
        "title: T\nstatuses:\n  422:\n    codes:\n      invalid-json: a\n      invalid_json: b\n",
        "6:7",
        "code `invalid_json` becomes the Rust variant `UnprocessableEntity::InvalidJson`, like `invalid-json` (line 5)",
    );
    assert_one_problem(
        "title: T\nstatuses:\n  422:\n    codes:\n      INVALID_JSON: a\n      invalid.json: b\n",
        "6:7",
        "like `INVALID_JSON`",
    );
}

#[test]
fn codes_that_cannot_become_identifiers() {
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    codes:\n      2fa_required: x\n",
        "5:7",
        "`2fa_required` cannot become a Rust variant: `2faRequired` is not an identifier",
    );
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    codes:\n      self: x\n",
        "5:7",
        "`self` cannot become a Rust variant: `Self` is a Rust keyword",
    );
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    codes:\n      '': x\n",
        "5:7",
        "empty code",
    );
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    codes:\n      _: x\n",
        "5:7",
        "`_` cannot become a Rust variant: `` is not an identifier",
    );
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    codes:\n      not found: x\n",
        "5:7",
        "code `not found` contains ' '",
    );
}

#[test]
fn names_that_cannot_become_identifiers() {
    assert_one_problem(
        "title: T\nname: type\nstatuses: {}\n",
        "2:7",
        "`type` cannot be a Rust enum name: it is a Rust keyword",
    );
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    name: My-Error\n",
        "4:11",
        "`My-Error` cannot be a Rust enum name: it is not an identifier",
    );
}

#[test]
fn colliding_group_names() {
    assert_one_problem(
        "title: T\nstatuses:\n  401: {}\n  403:\n    name: Unauthorized\n",
        "4:3",
        "status 403 becomes the Rust enum `Unauthorized`, like status 401 (line 3)",
    );
    assert_one_problem(
        "title: T\nname: Conflict\nstatuses:\n  409: {}\n",
        "4:3",
        "the name of the top-level enum",
    );
    assert_one_problem(
        "title: T\nstatuses:\n  500:\n    name: Error\n",
        "3:3",
        "status 500 cannot be named `Error`",
    );
}

#[test]
fn empty_texts() {
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    codes:\n      a: ''\n",
        "5:10",
        "empty message",
    );
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    codes:\n      a:\n        message: '  '\n",
        "6:18",
        "empty message",
    );
    assert_one_problem("title: ''\nstatuses: {}\n", "1:8", "empty title");
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    description: ''\n",
        "4:18",
        "empty description",
    );
}

#[test]
fn a_message_must_be_text() {
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    codes:\n      a: [x, y]\n",
        "5:10",
        "a code must be its message, or a mapping with the keys `message`, `deprecated`, `since`, \
         found a list",
    );
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    codes:\n      a:\n        message: {x: y}\n",
        "6:18",
        "message must be text, found a mapping",
    );
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
fn an_unreadable_file_is_a_diagnostic() {
    let error = Catalog::load(std::path::Path::new("no/such/errors.yaml")).unwrap_err();
    let message = error.to_string();
    assert!(
        message.starts_with("no/such/errors.yaml: cannot read the error catalogue: "),
        "{message}"
    );
}

#[test]
fn a_key_given_twice_is_rejected() {
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    title: A\n    title: B\n",
        "5:5",
        "duplicate",
    );
}

#[test]
fn two_empty_keys_are_a_duplicate() {
    let yaml = "title: T\nstatuses:\n  401:\n    codes:\n      : A.\n      : B.\n";
    assert_eq!(
        problems(yaml),
        [
            "errors.yaml:5:7: empty code",
            "errors.yaml:6:7: duplicate empty key: already at line 5; YAML keys are unique",
        ]
    );
}

#[test]
fn one_status_spelt_two_ways_is_a_duplicate() {
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    codes:\n      a: A.\n  '401':\n    name: Again\n",
        "6:3",
        "duplicate key `401`: already at line 3",
    );
    for key in ["0401", "+401", "' 401'", "4e2"] {
        assert_one_problem(
            &format!("title: T\nstatuses:\n  {key}: {{}}\n"),
            "3:3",
            "is not an error status: write it as three digits, from 400 to 599",
        );
    }
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
            "errors.yaml:9:7: `self` cannot become a Rust variant: `Self` is a Rust keyword",
        ]
    );
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
fn names_of_primitive_types_are_rejected() {
    assert_one_problem(
        "title: T\nname: u16\nstatuses: {}\n",
        "2:7",
        "`u16` cannot be a Rust enum name: it is the name of a primitive type",
    );
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    name: str\n",
        "4:11",
        "`str` cannot be a Rust enum name: it is the name of a primitive type",
    );
}

#[test]
fn a_title_that_gives_no_enum_name_is_reported_once_at_the_title() {
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    title: 1.50\n",
        "4:12",
        "status 401 cannot take its Rust enum name from its title `1.50`: `150` is not an identifier \
         (it must start with a letter and use only ASCII letters, digits and `_`); give the status a `name:`",
    );
    // An empty title is reported as such, not again as a bad enum name.
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    title: '  '\n",
        "4:12",
        "empty title",
    );
}

#[test]
fn apostrophes_in_a_title_do_not_split_the_enum_name() {
    let catalog = load("title: T\nstatuses:\n  418:\n    title: I'm a teapot\n");
    assert_eq!(catalog.statuses[0].name, "ImATeapot");
}

#[test]
fn a_file_that_is_not_utf8_is_located() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join("latin1.yaml");
    std::fs::write(
        &path,
        b"title: T\nstatuses:\n  401:\n    codes:\n      a: Caf\xE9.\n",
    )
    .unwrap();
    let error = Catalog::load(&path).unwrap_err();
    assert_eq!(error.diagnostics().len(), 1);
    let diagnostic = &error.diagnostics()[0];
    assert_eq!((diagnostic.line, diagnostic.column), (Some(5), 13));
    assert!(
        diagnostic.message.contains("not UTF-8: byte 0xE9"),
        "{diagnostic}"
    );
}

#[test]
fn utf8_problems_are_told_apart() {
    let problem = |bytes: &[u8]| {
        let error = Catalog::from_bytes(bytes, "errors.yaml").unwrap_err();
        let diagnostic = &error.diagnostics()[0];
        format!("{}: {}", diagnostic.location(), diagnostic.message)
    };
    assert_eq!(
        problem(b"title: caf\xE2\x28x\n"),
        "errors.yaml:1:11: the file is not UTF-8: byte 0xE2 is not valid here"
    );
    assert_eq!(
        problem(b"title: T\nstatuses: {}\n# caf\xE2\x82"),
        "errors.yaml:3:6: the file is not UTF-8: it ends in the middle of a character"
    );
    assert_eq!(
        problem(b"\xFF\xFEt\0i\0"),
        "errors.yaml: the file is UTF-16; save it as UTF-8"
    );
}

#[test]
fn a_code_cannot_become_the_variant_all() {
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    codes:\n      a-l-l: x\n",
        "5:7",
        "`a-l-l` cannot become a Rust variant: `ALL` is the name of the generated constant `ALL`",
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
fn lifecycle_fields_and_tombstones_are_read() {
    let catalog = load(
        "title: T
statuses:
  401:
    codes:
      token_inactive:
        message: The API Token exists but is currently disabled.
        deprecated: Sent as token_deleted since 1.4.0.
        since: 1.1.0
      invalid_token: The API Token provided is invalid.
removed:
  legacy_auth_failed:
    status: 401
    version: 2.0.0
    reason: Replaced by unauthorized.
  old_thing:
    status: 503
",
    );
    let [inactive, invalid] = &catalog.statuses[0].codes[..] else {
        panic!("two codes")
    };
    assert_eq!(
        inactive.deprecated.as_deref(),
        Some("Sent as token_deleted since 1.4.0.")
    );
    assert_eq!(inactive.since.as_deref(), Some("1.1.0"));
    assert_eq!((inactive.line, invalid.line), (5, 9));
    assert_eq!(
        (invalid.deprecated.as_ref(), invalid.since.as_ref()),
        (None, None)
    );
    assert_eq!(catalog.statuses[0].line, 3);
    let removed: Vec<_> = catalog
        .removed
        .iter()
        .map(|r| {
            (
                r.code.as_str(),
                r.status,
                r.version.as_deref(),
                r.reason.as_deref(),
                r.line,
            )
        })
        .collect();
    assert_eq!(
        removed,
        [
            (
                "legacy_auth_failed",
                401,
                Some("2.0.0"),
                Some("Replaced by unauthorized."),
                11
            ),
            ("old_thing", 503, None, None, 15),
        ]
    );
}

#[test]
fn a_code_that_reuses_a_tombstone_is_reported_naming_it() {
    // The tombstone may come before or after the statuses.
    for (yaml, location) in [
        (
            "title: T\nstatuses:\n  401:\n    codes:\n      gone: Back again.\nremoved:\n  gone:\n    status: 401\n",
            "5:7",
        ),
        (
            "title: T\nremoved:\n  gone:\n    status: 401\nstatuses:\n  401:\n    codes:\n      gone: Back again.\n",
            "8:7",
        ),
    ] {
        let problems = problems(yaml);
        assert_eq!(problems.len(), 1, "{problems:#?}");
        let tombstone_line = if location == "5:7" { 7 } else { 3 };
        assert!(
            problems[0].starts_with(&format!("errors.yaml:{location}: code `gone` was removed"))
                && problems[0].contains(&format!("tombstone at line {tombstone_line}")),
            "{problems:#?}"
        );
    }
}

#[test]
fn lifecycle_problems_are_all_reported_at_once() {
    let problems = problems(
        "title: T
statuses:
  401:
    codes:
      a:
        message: A.
        deprecated: ''
        since:
        replaced_by: b
removed:
  b: {}
  c:
    status: 302
    version: ''
    reson: typo
  'bad code':
    status: 401
",
    );
    assert_eq!(
        problems,
        [
            "errors.yaml:7:21: empty deprecation note",
            "errors.yaml:8:14: empty since",
            "errors.yaml:9:9: unknown key `replaced_by` in a code: expected one of `message`, `deprecated`, `since`",
            "errors.yaml:11:3: removed code `b` has no `status`: the status it was sent with",
            "errors.yaml:13:13: `302` is not an error status: expected an HTTP status from 400 to 599",
            "errors.yaml:14:14: empty version",
            "errors.yaml:15:5: unknown key `reson` in a removed code: did you mean `reason`?",
            "errors.yaml:16:3: code `bad code` contains ' ': codes are ASCII letters, digits, `_`, `-` and `.`",
        ]
    );
}

// ---- YAML a catalogue does not use -----------------------------------------

#[test]
fn tags_anchors_aliases_and_merge_keys_are_refused_all_at_once() {
    assert_eq!(
        problems(
            "title: T
statuses:
  401:
    codes:
      a: !!binary aGVsbG8=
      b: &shared The same text.
      c: *shared
      <<: {d: Merged in.}
"
        ),
        [
            "errors.yaml:5:10: YAML tags are not supported: `!!binary` would change what the \
             value means; remove it and write the value as plain text",
            "errors.yaml:6:10: YAML anchors (`&shared`) are not supported: write each value out \
             where it is used",
            "errors.yaml:7:10: YAML aliases (`*shared`) are not supported: write the value out \
             where it is used",
            "errors.yaml:8:7: merge keys (`<<`) are not supported: write out each entry so that \
             every one is in the file and in its diff",
        ]
    );
}

#[test]
fn tags_on_mappings_and_custom_tags_are_refused_too() {
    assert_one_problem(
        "title: T\nstatuses: !!map\n  401: {}\n",
        "2:11",
        "YAML tags are not supported: `!!map`",
    );
    assert_one_problem(
        "title: !secret T\nstatuses: {}\n",
        "1:8",
        "YAML tags are not supported: `!secret`",
    );
}

#[test]
fn a_second_document_is_refused() {
    assert_one_problem(
        "title: T\nstatuses: {}\n---\ntitle: U\n",
        "3:1",
        "a second YAML document: a catalogue is one document",
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
             `name`, `codes`, found the text `just text`",
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
fn hidden_characters_are_refused_in_every_text() {
    assert_eq!(
        problems(
            "title: \"Errors \\u202E\"
description: \"Intro \\u2066isolated\\u2069\"
statuses:
  401:
    description: \"bell \\a\"
    codes:
      a: \"Pay \\u202Esu \\u202C now.\"
      b:
        message: Fine.
        deprecated: \"Use c \\x1b[31m.\"
removed:
  c:
    status: 401
    reason: \"del \\x7F\"
"
        ),
        [
            "errors.yaml:1:8: the title contains U+202E, a bidirectional control character: it \
             makes text display in another order than it is stored, so what a reviewer reads is \
             not what is sent; remove it",
            "errors.yaml:2:14: the description contains U+2066, a bidirectional control \
             character: it makes text display in another order than it is stored, so what a \
             reviewer reads is not what is sent; remove it",
            "errors.yaml:5:18: the description contains the control character U+0007; only line \
             breaks and tabs are allowed",
            "errors.yaml:7:10: the message contains U+202E, a bidirectional control character: \
             it makes text display in another order than it is stored, so what a reviewer reads \
             is not what is sent; remove it",
            "errors.yaml:10:21: the deprecation note contains the control character U+001B; \
             only line breaks and tabs are allowed",
            "errors.yaml:14:13: the reason contains the control character U+007F; only line \
             breaks and tabs are allowed",
        ]
    );
    // A raw control character in the file is a syntax error, located.
    assert_one_problem(
        "title: T\u{7}\nstatuses: {}\n",
        "1:8",
        "unexpected character",
    );
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

// ---- Limits ----------------------------------------------------------------

mod limits {
    use std::fmt::Write as _;

    use error_codes_gen::Catalog;
    use error_codes_gen::limits::{MAX_BYTES, MAX_CODES, MAX_DEPTH, MAX_MESSAGE_CHARS};

    use super::{assert_one_problem, load, problems};

    /// A catalogue with `codes` short-form codes spread over 100 statuses.
    fn catalogue(codes: usize) -> String {
        let mut yaml = String::from("title: Big\nstatuses:\n");
        let per_status = codes.div_ceil(100);
        for (index, status) in (400..500).enumerate() {
            let first = index * per_status;
            if first >= codes {
                break;
            }
            writeln!(yaml, "  {status}:\n    title: S{status}\n    codes:").unwrap();
            for code in first..(first + per_status).min(codes) {
                writeln!(yaml, "      code_{code}: Message {code}.").unwrap();
            }
        }
        yaml
    }

    #[test]
    fn the_largest_catalogue_loads_and_one_more_code_is_refused() {
        let catalog = load(&catalogue(MAX_CODES));
        assert_eq!(catalog.codes().count(), MAX_CODES);

        let problems = problems(&catalogue(MAX_CODES + 1));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].ends_with(&format!(
                ": more than {MAX_CODES} codes, the most a catalogue may have; \
                 the codes from here on are not read"
            )),
            "{problems:?}"
        );
    }

    #[test]
    fn a_file_over_the_byte_limit_is_refused_before_reading_it() {
        let mut yaml = catalogue(10);
        let error = Catalog::from_yaml(&yaml, "errors.yaml").map(|_| ());
        assert!(error.is_ok());
        yaml.push_str(&"#".repeat(MAX_BYTES + 1 - yaml.len()));
        let error = Catalog::from_bytes(yaml.as_bytes(), "errors.yaml").unwrap_err();
        assert_eq!(
            error.to_string(),
            "errors.yaml: the file is larger than 4 MiB (4194304 bytes), the largest catalogue \
             accepted; split the API's errors or shorten their texts"
        );
        yaml.pop();
        assert!(Catalog::from_bytes(yaml.as_bytes(), "errors.yaml").is_ok());
    }

    #[test]
    fn nesting_deeper_than_the_limit_is_refused() {
        let deep = format!(
            "title: {}x{}\n",
            "[".repeat(MAX_DEPTH),
            "]".repeat(MAX_DEPTH)
        );
        assert_one_problem(&deep, "1:23", "nested more than 16 levels deep");
    }

    #[test]
    fn the_longest_message_is_accepted_and_one_more_character_is_refused() {
        let yaml = |length: usize| {
            format!(
                "title: T\nstatuses:\n  400:\n    codes:\n      a: {}\n",
                "é".repeat(length)
            )
        };
        assert_eq!(
            load(&yaml(MAX_MESSAGE_CHARS)).statuses[0].codes[0]
                .message
                .chars()
                .count(),
            MAX_MESSAGE_CHARS
        );
        assert_one_problem(
            &yaml(MAX_MESSAGE_CHARS + 1),
            "5:10",
            "the message is 2001 characters long; the longest accepted is 2000",
        );
    }
}
