//! Deprecations, `since` and tombstones.

use super::{load, problems};

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
            "errors.yaml:9:9: unknown key `replaced_by` in a code: expected one of `message`, `name`, `title`, `description`, `resolution`, `docs`, `deprecated`, `since`, `params`, `retry`",
            "errors.yaml:11:3: removed code `b` has no `status`: the status it was sent with",
            "errors.yaml:13:13: `302` is not an error status: expected an HTTP status from 400 to 599",
            "errors.yaml:14:14: empty version",
            "errors.yaml:15:5: unknown key `reson` in a removed code: did you mean `reason`?",
            "errors.yaml:16:3: code `bad code` contains ' ': codes are ASCII letters, digits, `_`, `-`, `.`, `/` and `:`",
        ]
    );
}
