//! The body's layout (`body:`), docs URLs (`docs:`), integer codes
//! (`code_type:`), a code's `name:` and `title:`, codes with `/` and `:`:
//! what is read, and each mistake where it is.

use error_codes_gen::{Body, CodeType, Member, Part, Path, Preset};

use super::{assert_one_problem, load, problems};

/// The parts of a layout as `part: path` strings, in order.
fn parts(body: &Body) -> Vec<String> {
    body.parts
        .iter()
        .map(|(part, path)| format!("{}: {path}", part.key()))
        .collect()
}

const META: &str = "\
title: WhatsApp Cloud API errors (example)
body:
  code: error.code
  message: error.message
  details: error.error_data
  title: error.title
  code_type: integer
docs: https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes#{code}
statuses:
  400:
    codes:
      131047:
        name: ReEngagementMessage
        title: Re-engagement message
        message: More than 24 hours have passed since the recipient last replied.
      131026:
        name: MessageUndeliverable
        docs: https://example.com/errors/{status}/{code}
        message: Message undeliverable.
";

#[test]
fn a_nested_layout_with_integer_codes_is_read_in_file_order() {
    let catalog = load(META);
    let body = &catalog.body;
    assert!(body.is_declared());
    assert_eq!(body.line, Some(2));
    assert_eq!(
        parts(body),
        [
            "code: error.code",
            "message: error.message",
            "details: error.error_data",
            "title: error.title",
        ]
    );
    assert_eq!(body.code_type, CodeType::Integer);
    assert_eq!(body.content_type, "application/json");
    assert_eq!(body.preset, None);

    let codes: Vec<_> = catalog.codes().map(|(_, code)| code).collect();
    assert_eq!(codes[0].code, "131047");
    assert_eq!(codes[0].number(), Some(131_047));
    assert_eq!(codes[0].name, "ReEngagementMessage");
    assert!(codes[0].explicit_name);
    assert_eq!(codes[0].title.as_deref(), Some("Re-engagement message"));
    assert_eq!(
        codes[0].docs.as_deref(),
        Some("https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes#131047")
    );
    // Its own template, with both placeholders.
    assert_eq!(
        codes[1].docs.as_deref(),
        Some("https://example.com/errors/400/131026")
    );
    assert_eq!(codes[1].title, None);
    assert_eq!(codes[1].title_in(&catalog.statuses[0]), "Bad Request");
    assert_eq!(
        catalog.docs.as_deref(),
        Some("https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes#{code}")
    );
    assert_eq!(catalog.docs_line, Some(8));
}

#[test]
fn the_tree_nests_members_in_the_order_they_are_written() {
    let catalog = load(
        "title: T\nbody:\n  message: error.message\n  status: status\n  code: error.code\n  docs: error.links.docs\nstatuses: {}\n",
    );
    assert_eq!(
        parts(&catalog.body),
        [
            "message: error.message",
            "status: status",
            "code: error.code",
            "docs: error.links.docs",
            // Not written: beside the code.
            "details: error.details",
        ]
    );
    let tree = catalog.body.tree();
    let names: Vec<&str> = tree.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["error", "status"]);
    let Member::Object(error) = &tree.members[0].value else {
        panic!("{tree:#?}")
    };
    let names: Vec<&str> = error.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["message", "code", "links", "details"]);
    assert!(!tree.spread && !error.spread);
}

#[test]
fn the_default_details_go_beside_the_code() {
    let flat = load("title: T\nbody:\n  code: code\n  message: message\nstatuses: {}\n");
    assert_eq!(
        parts(&flat.body),
        ["code: code", "message: message", "details: details"]
    );
    let deep = load("title: T\nbody:\n  code: a.b.code\n  message: msg\nstatuses: {}\n");
    assert_eq!(
        deep.body.path(Part::Details),
        Some(&Path::parse("a.b.details"))
    );
}

#[test]
fn details_can_be_spread_into_an_object_or_the_body() {
    let nested = load(
        "title: T\nbody:\n  code: error.code\n  message: error.message\n  details: error.*\nstatuses:\n  429:\n    codes:\n      wait:\n        message: Wait.\n        params:\n          seconds: integer\n",
    );
    let details = nested.body.path(Part::Details).unwrap();
    assert!(details.spread);
    assert_eq!(details.to_string(), "error.*");
    let Member::Object(error) = &nested.body.tree().members[0].value else {
        panic!()
    };
    assert!(error.spread);

    let flat =
        load("title: T\nbody:\n  code: code\n  message: message\n  details: '*'\nstatuses: {}\n");
    assert_eq!(flat.body.path(Part::Details).unwrap().to_string(), "*");
    assert!(flat.body.tree().spread);
}

#[test]
fn member_names_may_use_dashes_dollars_and_at_signs() {
    let catalog = load(
        "title: T\nbody:\n  code: $error.error-code\n  message: '@message'\n  status: 12\n  title: 'true'\nstatuses: {}\n",
    );
    assert_eq!(
        parts(&catalog.body),
        [
            "code: $error.error-code",
            "message: @message",
            "status: 12",
            "title: true",
            "details: $error.details",
        ]
    );
}

#[test]
fn content_type_and_code_type() {
    let catalog = load(
        "title: T\nbody:\n  code: code\n  message: message\n  code_type: string\n  content_type: application/vnd.example+json\nstatuses: {}\n",
    );
    assert_eq!(catalog.body.code_type, CodeType::String);
    assert_eq!(catalog.body.content_type, "application/vnd.example+json");
}

#[test]
fn the_problem_preset() {
    let catalog = load(
        "title: T\nbody: problem\ndocs: https://docs.example.com/errors/{code}\nstatuses:\n  404:\n    codes:\n      not_found:\n        title: Not here\n        message: Nothing here.\n        params:\n          path: string\n",
    );
    assert_eq!(catalog.body, Body::problem(Some(2)));
    assert_eq!(catalog.body.preset, Some(Preset::Problem));
    assert_eq!(catalog.body.content_type, "application/problem+json");
    assert_eq!(
        parts(&catalog.body),
        [
            "docs: type",
            "title: title",
            "status: status",
            "message: detail",
            "code: code",
            "details: *"
        ]
    );
    let (_, code) = catalog.codes().next().unwrap();
    assert_eq!(
        code.docs.as_deref(),
        Some("https://docs.example.com/errors/not_found")
    );
    assert_eq!(code.title.as_deref(), Some("Not here"));
}

#[test]
fn a_catalogue_without_the_new_keys_has_the_default_body_and_no_docs() {
    let catalog = load("title: T\nstatuses:\n  401:\n    codes:\n      invalid_token: Bad.\n");
    assert_eq!(catalog.body, Body::default());
    assert!(!catalog.body.is_declared());
    assert_eq!((catalog.docs.as_deref(), catalog.docs_line), (None, None));
    let (_, code) = catalog.codes().next().unwrap();
    assert_eq!(
        (
            code.name.as_str(),
            code.explicit_name,
            code.title.as_deref(),
            code.docs.as_deref()
        ),
        ("InvalidToken", false, None, None)
    );
    assert_eq!(code.number(), None);
}

#[test]
fn a_short_form_code_gets_the_catalogue_docs_url() {
    let catalog = load(
        "title: T\ndocs: https://x.example/{status}#{code}\nstatuses:\n  401:\n    codes:\n      a: A.\n",
    );
    let (_, code) = catalog.codes().next().unwrap();
    assert_eq!(code.docs.as_deref(), Some("https://x.example/401#a"));
}

#[test]
fn codes_may_hold_slashes_and_colons() {
    let catalog = load(
        "title: T\nstatuses:\n  400:\n    codes:\n      auth/invalid-email: The email address is badly formatted.\n      storage:quota-exceeded: Quota exceeded.\nremoved:\n  auth/old:\n    status: 400\n",
    );
    let names: Vec<(&str, &str)> = catalog
        .codes()
        .map(|(_, code)| (code.code.as_str(), code.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("auth/invalid-email", "AuthInvalidEmail"),
            ("storage:quota-exceeded", "StorageQuotaExceeded")
        ]
    );
    assert_eq!(catalog.removed[0].code, "auth/old");
}

#[test]
fn a_name_gives_any_code_its_variant() {
    let catalog = load(
        "title: T\nstatuses:\n  401:\n    codes:\n      invalid_token:\n        name: BadToken\n        message: A.\n      self:\n        name: Myself\n        message: B.\n",
    );
    let names: Vec<(&str, bool)> = catalog
        .codes()
        .map(|(_, code)| (code.name.as_str(), code.explicit_name))
        .collect();
    assert_eq!(names, [("BadToken", true), ("Myself", true)]);
}

#[test]
fn integer_codes_up_to_the_largest_exact_json_number() {
    let catalog = load(
        "title: T\nbody:\n  code: code\n  message: message\n  code_type: integer\nstatuses:\n  400:\n    codes:\n      0:\n        name: Zero\n        message: A.\n      9007199254740991:\n        name: Largest\n        message: B.\n",
    );
    let numbers: Vec<Option<u64>> = catalog.codes().map(|(_, code)| code.number()).collect();
    assert_eq!(numbers, [Some(0), Some(9_007_199_254_740_991)]);
}

// The bad-input classes of issue 15, each where it is.

#[test]
fn code_without_rust_name() {
    assert_one_problem(
        "title: T\nstatuses:\n  400:\n    codes:\n      131047: Too late.\n",
        "5:7",
        "`131047` cannot become a Rust variant: `131047` is not an identifier (it must start with \
         a letter and use only ASCII letters, digits and `_`); give the code a `name:`",
    );
    assert_one_problem(
        "title: T\nstatuses:\n  400:\n    codes:\n      auth/2fa:\n        message: A.\n      /2fa: B.\n",
        "7:7",
        "`/2fa` cannot become a Rust variant: `2fa` is not an identifier",
    );
}

#[test]
fn an_explicit_name_must_be_a_rust_variant() {
    assert_one_problem(
        "title: T\nstatuses:\n  400:\n    codes:\n      131047:\n        name: 131047\n        message: A.\n",
        "6:15",
        "`131047` cannot be a Rust variant: it is not an identifier",
    );
    assert_one_problem(
        "title: T\nstatuses:\n  400:\n    codes:\n      a:\n        name: self\n        message: A.\n",
        "6:15",
        "`self` cannot be a Rust variant: it is a Rust keyword",
    );
    assert_one_problem(
        "title: T\nstatuses:\n  400:\n    codes:\n      a:\n        name: ''\n        message: A.\n",
        "6:15",
        "empty name",
    );
}

#[test]
fn names_collide() {
    // Two names.
    assert_one_problem(
        "title: T\nstatuses:\n  400:\n    codes:\n      1:\n        name: Same\n        message: A.\n      2:\n        name: Same\n        message: B.\n",
        "9:15",
        "code `2` becomes the Rust variant `BadRequest::Same` (its `name:`), like `1` \
         (line 5, its `name:`); give one of them another `name:`",
    );
    // A name and a derived name, either way round.
    assert_one_problem(
        "title: T\nstatuses:\n  400:\n    codes:\n      same: A.\n      b:\n        name: Same\n        message: B.\n",
        "7:15",
        "code `b` becomes the Rust variant `BadRequest::Same` (its `name:`), like `same` (line 5); \
         give one of them another `name:`",
    );
    assert_one_problem(
        "title: T\nstatuses:\n  400:\n    codes:\n      b:\n        name: Same\n        message: B.\n      same: A.\n",
        "8:7",
        "code `same` becomes the Rust variant `BadRequest::Same`, like `b` (line 5, its `name:`); \
         give one of them another `name:`",
    );
    // Under different statuses, variants are in different enums.
    load(
        "title: T\nstatuses:\n  400:\n    codes:\n      a:\n        name: Same\n        message: A.\n  401:\n    codes:\n      b:\n        name: Same\n        message: B.\n",
    );
}

#[test]
fn code_not_integer() {
    const HEAD: &str = "title: T\nbody:\n  code: code\n  message: message\n  code_type: integer\nstatuses:\n  400:\n    codes:\n";
    for (code, what) in [
        ("abc", "code `abc` is not a decimal integer"),
        (
            "'0123'",
            "code `0123` has a leading zero: as a JSON number it would be `123`",
        ),
        ("'-1'", "code `-1` has a sign"),
        ("1.5", "code `1.5` is not a decimal integer"),
        (
            "9007199254740992",
            "code `9007199254740992` is larger than 9007199254740991 (2^53 - 1)",
        ),
    ] {
        assert_one_problem(
            &format!("{HEAD}      {code}:\n        name: X\n        message: A.\n"),
            "9:7",
            what,
        );
    }
    assert_one_problem(
        &format!("{HEAD}      abc: A.\n"),
        "9:7",
        "with `code_type: integer` every code is sent as a JSON number, written as decimal digits",
    );
}

#[test]
fn member_paths_collide() {
    const HEAD: &str = "title: T\nbody:\n  code: error.code\n";
    // Two parts at one path.
    assert_one_problem(
        &format!("{HEAD}  message: error.code\nstatuses: {{}}\n"),
        "4:12",
        "`message: error.code` is the member of `code: error.code` (line 3) too: each part needs \
         a member of its own",
    );
    // One path through another's member, either way round.
    assert_one_problem(
        &format!("{HEAD}  message: error.message\n  status: error.code.status\nstatuses: {{}}\n"),
        "5:11",
        "`status: error.code.status` and `code: error.code` (line 3) collide: `error.code` \
         carries the code, so it cannot also be the object that holds `error.code.status`",
    );
    assert_one_problem(
        "title: T\nbody:\n  code: error.code\n  message: msg\n  status: error\nstatuses: {}\n",
        "5:11",
        "`status: error` and `code: error.code` (line 3) collide: `error` carries the HTTP \
         status, so it cannot also be the object that holds `error.code`",
    );
    // Spreading into a part's member.
    assert_one_problem(
        &format!("{HEAD}  message: msg\n  details: error.code.*\nstatuses: {{}}\n"),
        "5:12",
        "`details: error.code.*` and `code: error.code` (line 3) collide",
    );
    // The default details taken.
    assert_one_problem(
        &format!("{HEAD}  message: error.message\n  docs: error.details\nstatuses: {{}}\n"),
        "2:1",
        "the params go beside the code by default, at `error.details`, but \
         `docs: error.details` (line 5) is there; give `details:` a path of its own",
    );
    // `*` misplaced.
    assert_one_problem(
        &format!("{HEAD}  message: '*'\nstatuses: {{}}\n"),
        "4:12",
        "`message: *`: only `details` can end in `*` (the params spread into an object); the \
         message needs a member of its own",
    );
    assert_one_problem(
        &format!("{HEAD}  message: msg\n  details: a.*.b\nstatuses: {{}}\n"),
        "5:12",
        "the member path `a.*.b` has `*` before its end",
    );
}

#[test]
fn member_paths_are_names_separated_by_dots() {
    const HEAD: &str = "title: T\nbody:\n  code: code\n";
    for (path, what) in [
        (
            "error..message",
            "the member path `error..message` has an empty member name",
        ),
        (
            "'.message'",
            "the member path `.message` has an empty member name",
        ),
        (
            "'error.'",
            "the member path `error.` has an empty member name",
        ),
        (
            "error message",
            "the member path `error message` contains ' ': member names are ASCII letters, digits, `_`, `-`, `$` and `@`, separated by `.`",
        ),
        ("'é'", "the member path `é` contains 'é'"),
        ("'err*'", "contains '*'"),
        ("''", "empty member path"),
    ] {
        assert_one_problem(
            &format!("{HEAD}  message: {path}\nstatuses: {{}}\n"),
            "4:12",
            what,
        );
    }
    assert_one_problem(
        &format!("{HEAD}  message:\nstatuses: {{}}\n"),
        "4:10",
        "`message` of the body must be a member path, e.g. `error.code`, found nothing",
    );
    assert_one_problem(
        &format!("{HEAD}  message: msg\n  details: [a]\nstatuses: {{}}\n"),
        "5:12",
        "`details` of the body must be a member path, e.g. `error.details`, or `*` to spread \
         the params, found a list",
    );
    assert_one_problem(
        &format!("{HEAD}  message: \"a\\u202Eb\"\nstatuses: {{}}\n"),
        "4:12",
        "the member path contains U+202E, a bidirectional control character",
    );
}

#[test]
fn param_collides_with_member() {
    // Problem details: the preset's members, and RFC 9457's `instance`.
    let yaml = "title: T\nbody: problem\ndocs: https://x.example/{code}\nstatuses:\n  400:\n    codes:\n      a:\n        message: A.\n        params:\n          status: integer\n          instance: string\n          field: string\n";
    assert_eq!(
        problems(yaml),
        [
            "errors.yaml:10:11: param `status` cannot be spread into the body (`body: problem`): \
             its member `status` carries the HTTP status; rename the param",
            "errors.yaml:11:11: param `instance` cannot be spread into the body (`body: problem`): \
             its member `instance` is RFC 9457's `instance`, the URI of the occurrence; rename the param",
        ]
    );
    // Spread into a nested object: its members, objects included.
    assert_one_problem(
        "title: T\nbody:\n  code: error.code\n  message: error.message\n  docs: error.links.docs\n  details: error.*\nstatuses:\n  400:\n    codes:\n      a:\n        message: A.\n        params: {links: string}\n",
        "12:18",
        "param `links` cannot be spread into `error`: its member `links` is an object of the body; \
         rename the param",
    );
    // A member of another object, or params not spread: no collision.
    load(
        "title: T\nbody:\n  code: error.code\n  message: message\n  details: error.*\nstatuses:\n  400:\n    codes:\n      a:\n        message: A.\n        params: {message: string}\n",
    );
    load(
        "title: T\nbody:\n  code: code\n  message: message\nstatuses:\n  400:\n    codes:\n      a:\n        message: A.\n        params: {code: string}\n",
    );
}

#[test]
fn problem_without_docs() {
    // No code has a docs URL: once, at `body:`.
    assert_one_problem(
        "title: T\nbody: problem\nstatuses:\n  400:\n    codes:\n      a: A.\n      b: B.\n",
        "2:1",
        "`body: problem` sends each code's docs URL as `type`, and no code has one: give the \
         catalogue a `docs:` template, e.g. `docs: https://docs.example.com/errors/{code}`",
    );
    // Some do: each one that does not.
    assert_one_problem(
        "title: T\nbody: problem\nstatuses:\n  400:\n    codes:\n      a: A.\n      b:\n        message: B.\n        docs: https://x.example/b\n",
        "6:7",
        "code `a` has no docs URL, which `body: problem` sends as `type`: give it a `docs:`, or \
         the catalogue a `docs:` template",
    );
    // A catalogue without codes needs none.
    load("title: T\nbody: problem\nstatuses:\n  400: {}\n");
}

#[test]
fn docs_unknown_placeholder() {
    for (docs, location, what) in [
        (
            "https://x.example/{slug}",
            "2:7",
            "unknown placeholder `{slug}` in the docs URL, at character 19: the placeholders \
             are `{code}` and `{status}`",
        ),
        (
            "https://x.example/{code",
            "2:7",
            "the docs URL, at character 19: a `{` that is not closed",
        ),
        (
            "https://x.example/code}",
            "2:7",
            "the docs URL, at character 23: a `}` that closes nothing",
        ),
        (
            "https://x.example/{}",
            "2:7",
            "unknown placeholder `{}` in the docs URL",
        ),
        (
            "/errors/{code}",
            "2:7",
            "the docs URL `/errors/{code}` is not an absolute http(s) URL",
        ),
        (
            "ftp://x.example/{code}",
            "2:7",
            "is not an absolute http(s) URL",
        ),
        ("https://", "2:7", "is not an absolute http(s) URL"),
        (
            "https://x.example/a b",
            "2:7",
            "the docs URL `https://x.example/a b` contains ' ': a URL has no spaces",
        ),
    ] {
        assert_one_problem(
            &format!("title: T\ndocs: {docs}\nstatuses:\n  401:\n    codes:\n      a: A.\n"),
            location,
            what,
        );
    }
    // A code's own template, at its place.
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    codes:\n      a:\n        message: A.\n        docs: https://x.example/{name}\n",
        "7:15",
        "unknown placeholder `{name}` in the docs URL",
    );
    assert_one_problem(
        "title: T\ndocs: ''\nstatuses: {}\n",
        "2:7",
        "empty docs URL",
    );
}

#[test]
fn unknown_body_preset() {
    assert_one_problem(
        "title: T\nbody: problme\nstatuses: {}\n",
        "2:7",
        "unknown body preset `problme`: did you mean `problem`?",
    );
    assert_one_problem(
        "title: T\nbody: json\nstatuses: {}\n",
        "2:7",
        "unknown body preset `json`: the one preset is `problem` (RFC 9457 problem details); or \
         declare the layout as a mapping",
    );
    assert_one_problem(
        "title: T\nbody: [code]\nstatuses: {}\n",
        "2:7",
        "`body` must be `problem` or a mapping with the keys `code`, `message`, `details`, \
         `status`, `docs`, `title`, `code_type`, `content_type`, found a list",
    );
}

#[test]
fn a_body_needs_code_and_message() {
    assert_eq!(
        problems("title: T\nbody:\nstatuses: {}\n"),
        [
            "errors.yaml:2:1: the body has no `code`: the member that carries the code, e.g. \
             `code: error.code`",
            "errors.yaml:2:1: the body has no `message`: the member that carries the message, \
             e.g. `message: error.message`",
        ]
    );
    // A misspelt key is reported as such, not also as missing.
    assert_one_problem(
        "title: T\nbody:\n  code: code\n  mesage: message\nstatuses: {}\n",
        "4:3",
        "unknown key `mesage` in the body: did you mean `message`?",
    );
    assert_one_problem(
        "title: T\nbody:\n  code: code\n  message: message\n  colour: blue\nstatuses: {}\n",
        "5:3",
        "unknown key `colour` in the body: expected one of `code`, `message`, `details`, \
         `status`, `docs`, `title`, `code_type`, `content_type`",
    );
}

#[test]
fn unknown_code_type_and_bad_content_type() {
    assert_one_problem(
        "title: T\nbody:\n  code: code\n  message: message\n  code_type: number\nstatuses: {}\n",
        "5:14",
        "unknown code type `number`: expected `string` or `integer`",
    );
    assert_one_problem(
        "title: T\nbody:\n  code: code\n  message: message\n  code_type: [integer]\nstatuses: {}\n",
        "5:14",
        "unknown code type a list: expected `string` or `integer`",
    );
    for content_type in [
        "json",
        "application/",
        "application/json; charset=utf-8",
        "a/b/c",
    ] {
        assert_one_problem(
            &format!(
                "title: T\nbody:\n  code: code\n  message: message\n  content_type: '{content_type}'\nstatuses: {{}}\n"
            ),
            "5:17",
            &format!("`{content_type}` is not a media type: write it as `type/subtype`"),
        );
    }
}

#[test]
fn a_code_title_is_a_text() {
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    codes:\n      a:\n        title: ' '\n        message: A.\n",
        "6:16",
        "empty title",
    );
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    codes:\n      a:\n        title: [x]\n        message: A.\n",
        "6:16",
        "title must be text, found a list",
    );
}

#[test]
fn problems_of_the_body_and_the_codes_are_all_reported_at_once() {
    let yaml = "title: T\nbody:\n  code: error.code\n  message: error.code\n  code_type: integer\ndocs: https://x/{slug}\nstatuses:\n  400:\n    codes:\n      abc: A.\n      131047: B.\n";
    assert_eq!(
        problems(yaml),
        [
            "errors.yaml:4:12: `message: error.code` is the member of `code: error.code` (line 3) \
             too: each part needs a member of its own",
            "errors.yaml:6:7: unknown placeholder `{slug}` in the docs URL, at character 11: the \
             placeholders are `{code}` and `{status}`",
            // The codes are checked against the code type all the same.
            "errors.yaml:10:7: code `abc` is not a decimal integer; with `code_type: integer` \
             every code is sent as a JSON number, written as decimal digits, e.g. `131047`",
            "errors.yaml:11:7: `131047` cannot become a Rust variant: `131047` is not an \
             identifier (it must start with a letter and use only ASCII letters, digits and `_`); \
             give the code a `name:`",
        ]
    );
}
