//! The breaking-change check on pairs of catalogues: every kind of change, in
//! both directions, with its class and its line in the new file, the
//! verdict with and without a major version bump, and the README's table of
//! the kinds.

use error_codes_gen::Catalog;
use error_codes_gen::diff::{ChangeKind, Class, Report, compare};

use ChangeKind::*;
use Class::{Breaking, Compatible};

fn catalog(yaml: &str) -> Catalog {
    Catalog::from_yaml(yaml, "errors.yaml").unwrap_or_else(|error| panic!("{error}\n{yaml}"))
}

/// `(kind, class, line)` of every change, in the report's order.
fn summary(report: &Report) -> Vec<(ChangeKind, Class, Option<usize>)> {
    report
        .changes
        .iter()
        .map(|change| (change.kind, change.class, change.line))
        .collect()
}

/// One case: what `a → b` gives, and what `b → a` gives.
struct Case {
    name: &'static str,
    a: &'static str,
    b: &'static str,
    forward: &'static [(ChangeKind, Class, Option<usize>)],
    backward: &'static [(ChangeKind, Class, Option<usize>)],
}

const BASE: &str = "\
title: T
statuses:
  401:
    codes:
      a: A.
      b: B.
";

/// [`BASE`] with a docs URL template, which each code follows.
const DOCUMENTED: &str = "\
title: T
docs: https://docs.t/{code}
statuses:
  401:
    codes:
      a: A.
      b: B.
";

/// A code with one param.
const PARAMS: &str = "\
title: T
statuses:
  429:
    codes:
      slow:
        message: Slow down.
        params:
          wait: integer
";

/// A type, and a code whose param is a list of it.
const TYPES: &str = "\
title: T
types:
  Violation:
    fields:
      field: string
statuses:
  422:
    codes:
      invalid:
        message: Invalid.
        params:
          violations: [Violation]
";

const CASES: &[Case] = &[
    Case {
        name: "a code added / removed without a tombstone",
        a: BASE,
        b: "title: T\nstatuses:\n  401:\n    codes:\n      a: A.\n      b: B.\n      c: C.\n",
        forward: &[(CodeAdded, Compatible, Some(7))],
        backward: &[(CodeRemovedWithoutTombstone, Breaking, None)],
    },
    Case {
        name: "a code removed with a tombstone / the tombstone removed and the code back",
        a: BASE,
        b: "title: T\nstatuses:\n  401:\n    codes:\n      a: A.\nremoved:\n  b:\n    status: 401\n",
        forward: &[(CodeRemoved, Breaking, Some(7))],
        backward: &[
            (TombstoneRemoved, Breaking, None),
            (CodeAdded, Compatible, Some(6)),
        ],
    },
    Case {
        name: "a code moved to another status, and back",
        a: BASE,
        b: "title: T\nstatuses:\n  401:\n    codes:\n      a: A.\n  403:\n    codes:\n      b: B.\n",
        forward: &[
            (StatusAdded, Compatible, Some(6)),
            (CodeMoved, Breaking, Some(8)),
        ],
        backward: &[
            (StatusRemoved, Breaking, None),
            (CodeMoved, Breaking, Some(6)),
        ],
    },
    Case {
        name: "a status without codes added / removed",
        a: BASE,
        b: "title: T\nstatuses:\n  400: {}\n  401:\n    codes:\n      a: A.\n      b: B.\n",
        forward: &[(StatusAdded, Compatible, Some(3))],
        backward: &[(StatusRemoved, Compatible, None)],
    },
    Case {
        name: "a status with codes added / removed",
        a: BASE,
        b: "title: T\nstatuses:\n  401:\n    codes:\n      a: A.\n      b: B.\n  429:\n    codes:\n      slow: Slow down.\n",
        forward: &[
            (StatusAdded, Compatible, Some(7)),
            (CodeAdded, Compatible, Some(9)),
        ],
        backward: &[
            (StatusRemoved, Breaking, None),
            (CodeRemovedWithoutTombstone, Breaking, None),
        ],
    },
    Case {
        name: "a group renamed, and back",
        a: BASE,
        b: "title: T\nstatuses:\n  401:\n    name: AuthError\n    codes:\n      a: A.\n      b: B.\n",
        forward: &[(GroupRenamed, Breaking, Some(3))],
        backward: &[(GroupRenamed, Breaking, Some(3))],
    },
    Case {
        name: "a status without codes renamed, and back: it has no Rust enum",
        a: "title: T\nstatuses:\n  400: {}\n",
        b: "title: T\nstatuses:\n  400:\n    name: Invalid\n",
        forward: &[(GroupRenamed, Compatible, Some(3))],
        backward: &[(GroupRenamed, Compatible, Some(3))],
    },
    Case {
        name: "a status retitled, which renames its group, and back",
        a: BASE,
        b: "title: T\nstatuses:\n  401:\n    title: Unauthenticated\n    codes:\n      a: A.\n      b: B.\n",
        forward: &[
            (GroupRenamed, Breaking, Some(3)),
            (StatusTitleChanged, Compatible, Some(3)),
        ],
        backward: &[
            (GroupRenamed, Breaking, Some(3)),
            (StatusTitleChanged, Compatible, Some(3)),
        ],
    },
    Case {
        name: "a status retitled under a fixed name, and back",
        a: "title: T\nstatuses:\n  401:\n    name: Auth\n    codes:\n      a: A.\n",
        b: "title: T\nstatuses:\n  401:\n    name: Auth\n    title: Unauthenticated\n    codes:\n      a: A.\n",
        forward: &[(StatusTitleChanged, Compatible, Some(3))],
        backward: &[(StatusTitleChanged, Compatible, Some(3))],
    },
    Case {
        name: "a status description added / removed",
        a: BASE,
        b: "title: T\nstatuses:\n  401:\n    description: Who are you?\n    codes:\n      a: A.\n      b: B.\n",
        forward: &[(StatusDescriptionChanged, Compatible, Some(3))],
        backward: &[(StatusDescriptionChanged, Compatible, Some(3))],
    },
    Case {
        name: "the top-level enum renamed, and back to the default",
        a: BASE,
        b: "title: T\nname: Failure\nstatuses:\n  401:\n    codes:\n      a: A.\n      b: B.\n",
        forward: &[(TopLevelRenamed, Breaking, Some(2))],
        // Back to the default: no `name:` line in the new file.
        backward: &[(TopLevelRenamed, Breaking, None)],
    },
    Case {
        name: "a tombstone added for a code never sent / removed",
        a: BASE,
        b: "title: T\nstatuses:\n  401:\n    codes:\n      a: A.\n      b: B.\nremoved:\n  old:\n    status: 401\n",
        forward: &[(TombstoneAdded, Compatible, Some(8))],
        backward: &[(TombstoneRemoved, Breaking, None)],
    },
    Case {
        name: "a tombstone's version and reason changed, and back",
        a: "title: T\nstatuses: {}\nremoved:\n  old:\n    status: 401\n",
        b: "title: T\nstatuses: {}\nremoved:\n  old:\n    status: 401\n    version: 2.0.0\n    reason: Gone.\n",
        forward: &[(TombstoneChanged, Compatible, Some(4))],
        backward: &[(TombstoneChanged, Compatible, Some(4))],
    },
    Case {
        name: "a deprecation added / lifted",
        a: BASE,
        b: "title: T\nstatuses:\n  401:\n    codes:\n      a: A.\n      b:\n        message: B.\n        deprecated: Use a.\n",
        forward: &[(DeprecationAdded, Compatible, Some(6))],
        backward: &[(DeprecationLifted, Compatible, Some(6))],
    },
    Case {
        name: "a deprecation note changed, and back",
        a: "title: T\nstatuses:\n  401:\n    codes:\n      a:\n        message: A.\n        deprecated: Use b.\n",
        b: "title: T\nstatuses:\n  401:\n    codes:\n      a:\n        message: A.\n        deprecated: Use c.\n",
        forward: &[(DeprecationChanged, Compatible, Some(5))],
        backward: &[(DeprecationChanged, Compatible, Some(5))],
    },
    Case {
        name: "a message changed, and back",
        a: BASE,
        b: "title: T\nstatuses:\n  401:\n    codes:\n      a: A, reworded.\n      b: B.\n",
        forward: &[(MessageChanged, Compatible, Some(5))],
        backward: &[(MessageChanged, Compatible, Some(5))],
    },
    Case {
        name: "a since added / removed",
        a: BASE,
        b: "title: T\nstatuses:\n  401:\n    codes:\n      a:\n        message: A.\n        since: 1.2.0\n      b: B.\n",
        forward: &[(SinceChanged, Compatible, Some(5))],
        backward: &[(SinceChanged, Compatible, Some(5))],
    },
    Case {
        name: "the document title, description and version changed, and back",
        a: BASE,
        b: "title: U\nversion: 1.0.0\ndescription: About.\nstatuses:\n  401:\n    codes:\n      a: A.\n      b: B.\n",
        forward: &[
            (TitleChanged, Compatible, Some(1)),
            (VersionChanged, Compatible, Some(2)),
            (DescriptionChanged, Compatible, Some(3)),
        ],
        // The new file has no version or description to point at; changes
        // without a line come first.
        backward: &[
            (DescriptionChanged, Compatible, None),
            (VersionChanged, Compatible, None),
            (TitleChanged, Compatible, Some(1)),
        ],
    },
    Case {
        name: "codes reordered, and back",
        a: BASE,
        b: "title: T\nstatuses:\n  401:\n    codes:\n      b: B.\n      a: A.\n",
        forward: &[(CodesReordered, Compatible, Some(5))],
        backward: &[(CodesReordered, Compatible, Some(5))],
    },
    Case {
        name: "statuses reordered, and back",
        a: "title: T\nstatuses:\n  400: {}\n  401: {}\n",
        b: "title: T\nstatuses:\n  401: {}\n  400: {}\n",
        forward: &[(StatusesReordered, Compatible, Some(3))],
        backward: &[(StatusesReordered, Compatible, Some(3))],
    },
    Case {
        name: "a required param added / removed",
        a: PARAMS,
        b: "title: T\nstatuses:\n  429:\n    codes:\n      slow:\n        message: Slow down.\n        params:\n          wait: integer\n          limit: integer\n",
        forward: &[(RequiredParamAdded, Breaking, Some(9))],
        // A removed param is at its code's line.
        backward: &[(ParamRemoved, Breaking, Some(5))],
    },
    Case {
        name: "an optional param added / removed",
        a: PARAMS,
        b: "title: T\nstatuses:\n  429:\n    codes:\n      slow:\n        message: Slow down.\n        params:\n          wait: integer\n          limit: { type: integer, optional: true }\n",
        forward: &[(OptionalParamAdded, Compatible, Some(9))],
        backward: &[(ParamRemoved, Breaking, Some(5))],
    },
    Case {
        name: "the first param added to a code / the last removed",
        a: "title: T\nstatuses:\n  429:\n    codes:\n      slow: Slow down.\n",
        b: PARAMS,
        forward: &[(RequiredParamAdded, Breaking, Some(8))],
        backward: &[(ParamRemoved, Breaking, Some(5))],
    },
    Case {
        name: "a param retyped, and back",
        a: PARAMS,
        b: "title: T\nstatuses:\n  429:\n    codes:\n      slow:\n        message: Slow down.\n        params:\n          wait: [integer]\n",
        forward: &[(ParamRetyped, Breaking, Some(8))],
        backward: &[(ParamRetyped, Breaking, Some(8))],
    },
    Case {
        name: "a param made optional / required",
        a: PARAMS,
        b: "title: T\nstatuses:\n  429:\n    codes:\n      slow:\n        message: Slow down.\n        params:\n          wait: { type: integer, optional: true }\n",
        forward: &[(ParamMadeOptional, Breaking, Some(8))],
        backward: &[(ParamMadeRequired, Breaking, Some(8))],
    },
    Case {
        name: "a param's description and example added / removed",
        a: PARAMS,
        b: "title: T\nstatuses:\n  429:\n    codes:\n      slow:\n        message: Slow down.\n        params:\n          wait:\n            type: integer\n            description: Seconds to wait.\n            example: 30\n",
        forward: &[(ParamDocsChanged, Compatible, Some(8))],
        backward: &[(ParamDocsChanged, Compatible, Some(8))],
    },
    Case {
        name: "params reordered, and back",
        a: "title: T\nstatuses:\n  429:\n    codes:\n      slow:\n        message: Slow down.\n        params:\n          wait: integer\n          limit: integer\n",
        b: "title: T\nstatuses:\n  429:\n    codes:\n      slow:\n        message: Slow down.\n        params:\n          limit: integer\n          wait: integer\n",
        forward: &[(ParamsReordered, Compatible, Some(8))],
        backward: &[(ParamsReordered, Compatible, Some(8))],
    },
    Case {
        name: "a placeholder changed, and back: the message changed",
        a: "title: T\nstatuses:\n  429:\n    codes:\n      slow:\n        message: Wait {wait} s.\n        params:\n          wait: integer\n          limit: integer\n",
        b: "title: T\nstatuses:\n  429:\n    codes:\n      slow:\n        message: Wait {wait} s, {limit} a minute.\n        params:\n          wait: integer\n          limit: integer\n",
        forward: &[(MessageChanged, Compatible, Some(5))],
        backward: &[(MessageChanged, Compatible, Some(5))],
    },
    Case {
        name: "a status's retry given / taken back: its codes' retry changed",
        a: "title: T\nstatuses:\n  503:\n    codes:\n      down: Down.\n      busy:\n        message: Busy.\n        retry: backoff\n",
        b: "title: T\nstatuses:\n  503:\n    retry: backoff\n    codes:\n      down: Down.\n      busy:\n        message: Busy.\n        retry: backoff\n",
        // `busy` said `backoff` itself, so its retry is the same.
        forward: &[(RetryChanged, Compatible, Some(6))],
        backward: &[(RetryChanged, Compatible, Some(5))],
    },
    Case {
        name: "a code's retry changed, and back",
        a: "title: T\nstatuses:\n  429:\n    codes:\n      slow:\n        message: Slow down.\n        retry: after\n        params:\n          retry_after: integer\n",
        b: "title: T\nstatuses:\n  429:\n    codes:\n      slow:\n        message: Slow down.\n        retry: backoff\n        params:\n          retry_after: integer\n",
        forward: &[(RetryChanged, Compatible, Some(5))],
        backward: &[(RetryChanged, Compatible, Some(5))],
    },
    Case {
        name: "a type added with a param that uses it / both removed",
        a: "title: T\nstatuses:\n  422:\n    codes:\n      invalid: Invalid.\n",
        b: TYPES,
        forward: &[
            (TypeAdded, Compatible, Some(3)),
            (RequiredParamAdded, Breaking, Some(12)),
        ],
        backward: &[
            (TypeRemoved, Breaking, None),
            (ParamRemoved, Breaking, Some(5)),
        ],
    },
    Case {
        name: "a type description added / removed",
        a: TYPES,
        b: "title: T\ntypes:\n  Violation:\n    description: One input that failed.\n    fields:\n      field: string\nstatuses:\n  422:\n    codes:\n      invalid:\n        message: Invalid.\n        params:\n          violations: [Violation]\n",
        forward: &[(TypeDescriptionChanged, Compatible, Some(3))],
        backward: &[(TypeDescriptionChanged, Compatible, Some(3))],
    },
    Case {
        name: "types reordered, and back",
        a: "title: T\ntypes:\n  A:\n    fields:\n      a: string\n  B:\n    fields:\n      b: string\nstatuses: {}\n",
        b: "title: T\ntypes:\n  B:\n    fields:\n      b: string\n  A:\n    fields:\n      a: string\nstatuses: {}\n",
        forward: &[(TypesReordered, Compatible, Some(3))],
        backward: &[(TypesReordered, Compatible, Some(3))],
    },
    Case {
        name: "a required field added / removed",
        a: TYPES,
        b: "title: T\ntypes:\n  Violation:\n    fields:\n      field: string\n      reason: string\nstatuses:\n  422:\n    codes:\n      invalid:\n        message: Invalid.\n        params:\n          violations: [Violation]\n",
        forward: &[(RequiredFieldAdded, Breaking, Some(6))],
        // A removed field is at its type's line.
        backward: &[(FieldRemoved, Breaking, Some(3))],
    },
    Case {
        name: "an optional field added / removed",
        a: TYPES,
        b: "title: T\ntypes:\n  Violation:\n    fields:\n      field: string\n      reason: { type: string, optional: true }\nstatuses:\n  422:\n    codes:\n      invalid:\n        message: Invalid.\n        params:\n          violations: [Violation]\n",
        forward: &[(OptionalFieldAdded, Compatible, Some(6))],
        backward: &[(FieldRemoved, Breaking, Some(3))],
    },
    Case {
        name: "a field retyped, and back",
        a: TYPES,
        b: "title: T\ntypes:\n  Violation:\n    fields:\n      field: integer\nstatuses:\n  422:\n    codes:\n      invalid:\n        message: Invalid.\n        params:\n          violations: [Violation]\n",
        forward: &[(FieldRetyped, Breaking, Some(5))],
        backward: &[(FieldRetyped, Breaking, Some(5))],
    },
    Case {
        name: "a field made optional / required",
        a: TYPES,
        b: "title: T\ntypes:\n  Violation:\n    fields:\n      field: { type: string, optional: true }\nstatuses:\n  422:\n    codes:\n      invalid:\n        message: Invalid.\n        params:\n          violations: [Violation]\n",
        forward: &[(FieldMadeOptional, Breaking, Some(5))],
        backward: &[(FieldMadeRequired, Breaking, Some(5))],
    },
    Case {
        name: "a field's description added / removed",
        a: TYPES,
        b: "title: T\ntypes:\n  Violation:\n    fields:\n      field: { type: string, description: The input. }\nstatuses:\n  422:\n    codes:\n      invalid:\n        message: Invalid.\n        params:\n          violations: [Violation]\n",
        forward: &[(FieldDocsChanged, Compatible, Some(5))],
        backward: &[(FieldDocsChanged, Compatible, Some(5))],
    },
    Case {
        name: "fields reordered, and back",
        a: "title: T\ntypes:\n  Violation:\n    fields:\n      field: string\n      reason: string\nstatuses: {}\n",
        b: "title: T\ntypes:\n  Violation:\n    fields:\n      reason: string\n      field: string\nstatuses: {}\n",
        forward: &[(FieldsReordered, Compatible, Some(5))],
        backward: &[(FieldsReordered, Compatible, Some(5))],
    },
    Case {
        name: "a code's `name:` given, which renames its variant, and taken back",
        a: BASE,
        b: "title: T\nstatuses:\n  401:\n    codes:\n      a: A.\n      b:\n        name: Bee\n        message: B.\n",
        forward: &[(VariantRenamed, Breaking, Some(6))],
        backward: &[(VariantRenamed, Breaking, Some(6))],
    },
    Case {
        name: "a code's title added / removed",
        a: BASE,
        b: "title: T\nstatuses:\n  401:\n    codes:\n      a:\n        message: A.\n        title: Bad A\n      b: B.\n",
        forward: &[(CodeTitleChanged, Compatible, Some(5))],
        backward: &[(CodeTitleChanged, Compatible, Some(5))],
    },
    Case {
        name: "a code's description and resolution added / removed",
        a: BASE,
        b: "title: T\nstatuses:\n  401:\n    codes:\n      a:\n        message: A.\n        description: What `a` means.\n        resolution: What to do.\n      b: B.\n",
        forward: &[
            (CodeDescriptionChanged, Compatible, Some(5)),
            (CodeResolutionChanged, Compatible, Some(5)),
        ],
        backward: &[
            (CodeDescriptionChanged, Compatible, Some(5)),
            (CodeResolutionChanged, Compatible, Some(5)),
        ],
    },
    Case {
        name: "a code's description changed",
        a: "title: T\nstatuses:\n  401:\n    codes:\n      a:\n        message: A.\n        description: What `a` means.\n",
        b: "title: T\nstatuses:\n  401:\n    codes:\n      a:\n        message: A.\n        description: What `a` means, at length.\n",
        forward: &[(CodeDescriptionChanged, Compatible, Some(5))],
        backward: &[(CodeDescriptionChanged, Compatible, Some(5))],
    },
    Case {
        name: "a code's own docs URL added / removed",
        a: BASE,
        b: "title: T\nstatuses:\n  401:\n    codes:\n      a: A.\n      b:\n        message: B.\n        docs: https://docs.t/b\n",
        forward: &[(DocsUrlChanged, Compatible, Some(6))],
        backward: &[(DocsUrlChanged, Compatible, Some(6))],
    },
    Case {
        name: "a docs template added / removed: the codes that follow it are not reported",
        a: BASE,
        b: DOCUMENTED,
        forward: &[(DocsTemplateChanged, Compatible, Some(2))],
        backward: &[(DocsTemplateChanged, Compatible, None)],
    },
    Case {
        name: "a docs template added, which one code overrides with its own URL, and back",
        a: BASE,
        b: "title: T\ndocs: https://docs.t/{code}\nstatuses:\n  401:\n    codes:\n      a:\n        message: A.\n        docs: https://elsewhere.t/a\n      b: B.\n",
        forward: &[
            (DocsTemplateChanged, Compatible, Some(2)),
            (DocsUrlChanged, Compatible, Some(6)),
        ],
        backward: &[
            (DocsTemplateChanged, Compatible, None),
            (DocsUrlChanged, Compatible, Some(5)),
        ],
    },
    Case {
        name: "the problem preset taken up / given up",
        a: DOCUMENTED,
        b: "title: T\ndocs: https://docs.t/{code}\nbody: problem\nstatuses:\n  401:\n    codes:\n      a: A.\n      b: B.\n",
        forward: &[
            (BodyPresetChanged, Breaking, Some(3)),
            (BodyPartMoved, Breaking, Some(3)),
            (BodyPartMoved, Breaking, Some(3)),
            (BodyPartMoved, Breaking, Some(3)),
            (BodyPartAdded, Breaking, Some(3)),
            (BodyPartAdded, Breaking, Some(3)),
            (BodyPartAdded, Breaking, Some(3)),
            (ContentTypeChanged, Breaking, Some(3)),
        ],
        backward: &[
            (BodyPresetChanged, Breaking, None),
            (BodyPartMoved, Breaking, None),
            (BodyPartMoved, Breaking, None),
            (BodyPartMoved, Breaking, None),
            (BodyPartRemoved, Breaking, None),
            (BodyPartRemoved, Breaking, None),
            (BodyPartRemoved, Breaking, None),
            (ContentTypeChanged, Breaking, None),
        ],
    },
    Case {
        name: "the code nested under `error`, its details beside it, and back",
        a: BASE,
        b: "title: T\nbody:\n  code: error.code\n  message: message\nstatuses:\n  401:\n    codes:\n      a: A.\n      b: B.\n",
        // The code, and the details, which go beside it by default.
        forward: &[
            (BodyPartMoved, Breaking, Some(2)),
            (BodyPartMoved, Breaking, Some(2)),
        ],
        backward: &[
            (BodyPartMoved, Breaking, None),
            (BodyPartMoved, Breaking, None),
        ],
    },
    Case {
        name: "the details spread into the body, and back",
        a: BASE,
        b: "title: T\nbody:\n  code: error\n  message: message\n  details: \"*\"\nstatuses:\n  401:\n    codes:\n      a: A.\n      b: B.\n",
        forward: &[(BodyPartMoved, Breaking, Some(2))],
        backward: &[(BodyPartMoved, Breaking, None)],
    },
    Case {
        name: "the status added to the body / removed",
        a: BASE,
        b: "title: T\nbody:\n  code: error\n  message: message\n  status: status\nstatuses:\n  401:\n    codes:\n      a: A.\n      b: B.\n",
        forward: &[(BodyPartAdded, Breaking, Some(2))],
        backward: &[(BodyPartRemoved, Breaking, None)],
    },
    Case {
        name: "the body's members reordered, and back",
        a: BASE,
        b: "title: T\nbody:\n  message: message\n  code: error\nstatuses:\n  401:\n    codes:\n      a: A.\n      b: B.\n",
        forward: &[(BodyPartsReordered, Compatible, Some(2))],
        backward: &[(BodyPartsReordered, Compatible, None)],
    },
    Case {
        name: "codes sent as numbers, and back as strings",
        a: "title: T\nbody:\n  code: code\n  message: message\nstatuses:\n  400:\n    codes:\n      1:\n        name: One\n        message: One.\n",
        b: "title: T\nbody:\n  code: code\n  message: message\n  code_type: integer\nstatuses:\n  400:\n    codes:\n      1:\n        name: One\n        message: One.\n",
        forward: &[(CodeTypeChanged, Breaking, Some(2))],
        backward: &[(CodeTypeChanged, Breaking, Some(2))],
    },
    Case {
        name: "the content type changed, and back",
        a: BASE,
        b: "title: T\nbody:\n  code: error\n  message: message\n  content_type: application/vnd.t+json\nstatuses:\n  401:\n    codes:\n      a: A.\n      b: B.\n",
        forward: &[(ContentTypeChanged, Breaking, Some(2))],
        backward: &[(ContentTypeChanged, Breaking, None)],
    },
];

#[test]
fn every_change_kind_in_both_directions() {
    for case in CASES {
        let (a, b) = (catalog(case.a), catalog(case.b));
        assert_eq!(
            summary(&compare(&a, &b)),
            case.forward,
            "{}: a → b\n{:#?}",
            case.name,
            compare(&a, &b).changes
        );
        assert_eq!(
            summary(&compare(&b, &a)),
            case.backward,
            "{}: b → a\n{:#?}",
            case.name,
            compare(&b, &a).changes
        );
    }
}

#[test]
fn a_changed_template_reports_the_codes_that_do_not_follow_it() {
    // `a` keeps its old URL as its own `docs:`; `b` follows the template.
    let report = compare(
        &catalog(DOCUMENTED),
        &catalog(
            "title: T\ndocs: https://docs.t/v2/{code}\nstatuses:\n  401:\n    codes:\n      a:\n        message: A.\n        docs: https://docs.t/a\n      b: B.\n",
        ),
    );
    assert_eq!(
        summary(&report),
        [(DocsTemplateChanged, Compatible, Some(2))]
    );
    assert_eq!(
        report.changes[0].message,
        "the docs URL template changed from \"https://docs.t/{code}\" to \"https://docs.t/v2/{code}\""
    );
    // Moved to another status, a code whose URL holds `{status}` has another.
    let report = compare(
        &catalog(
            "title: T\ndocs: https://docs.t/{status}/{code}\nstatuses:\n  401:\n    codes:\n      a: A.\n      b: B.\n",
        ),
        &catalog(
            "title: T\ndocs: https://docs.t/{status}/{code}\nstatuses:\n  401:\n    codes:\n      a: A.\n  403:\n    codes:\n      b: B.\n",
        ),
    );
    assert_eq!(
        summary(&report),
        [
            (StatusAdded, Compatible, Some(7)),
            (CodeMoved, Breaking, Some(9)),
            (DocsUrlChanged, Compatible, Some(9)),
        ]
    );
    assert_eq!(
        report.changes[2].message,
        "the docs URL of code `b` changed from \"https://docs.t/401/b\" to \"https://docs.t/403/b\""
    );
}

/// Spelling out the default layout, or a code's derived name, changes
/// nothing clients see.
#[test]
fn declaring_what_was_implied_is_no_change() {
    let declared = catalog(
        "title: T\nbody:\n  code: error\n  message: message\n  details: details\n  code_type: string\n  content_type: application/json\nstatuses:\n  401:\n    codes:\n      a:\n        name: A\n        message: A.\n      b: B.\n",
    );
    for (base, new) in [(&catalog(BASE), &declared), (&declared, &catalog(BASE))] {
        assert_eq!(compare(base, new).changes, []);
    }
}

#[test]
fn messages_name_the_parts_of_the_body() {
    let messages = |a: &str, b: &str| -> Vec<String> {
        compare(&catalog(a), &catalog(b))
            .changes
            .into_iter()
            .map(|change| change.message)
            .collect()
    };
    let problem = CASES
        .iter()
        .find(|case| case.name.starts_with("the problem preset"))
        .expect("the preset's case");
    assert_eq!(
        messages(problem.a, problem.b),
        [
            "the body is the `problem` preset now",
            "the body's code is at `code` now, was at `error`",
            "the body's message is at `detail` now, was at `message`",
            "the body's details are spread into the body now, were at `details`",
            "the body carries the status at `status` now: servers built before do not send it",
            "the body carries the docs URL at `type` now: servers built before do not send it",
            "the body carries the title at `title` now: servers built before do not send it",
            "the body's content type changed from `application/json` to \
             `application/problem+json`",
        ]
    );
    assert_eq!(
        messages(problem.b, problem.a)[..5],
        [
            "the body is no longer the `problem` preset",
            "the body's code is at `error` now, was at `code`",
            "the body's message is at `message` now, was at `detail`",
            "the body's details are at `details` now, were spread into the body",
            "the body no longer carries the status (it was at `status`)",
        ]
    );
    assert_eq!(
        messages(
            BASE,
            "title: T\nbody:\n  message: message\n  code: error\n  details: extra.*\nstatuses:\n  401:\n    codes:\n      a: A.\n      b: B.\n"
        ),
        [
            "the body's details are spread into `extra` now, were at `details`",
            "the body writes its members in another order: message, code (was code, message)",
        ]
    );
    let integer = CASES
        .iter()
        .find(|case| case.name.starts_with("codes sent as numbers"))
        .expect("the code type's case");
    assert_eq!(
        messages(integer.a, integer.b),
        [
            "the codes are sent as JSON numbers now (`code_type: integer`), were JSON strings: \
          clients built before misread every body"
        ]
    );
    assert_eq!(
        messages(
            BASE,
            "title: T\nstatuses:\n  401:\n    codes:\n      a:\n        message: A.\n        title: Bad A\n      b:\n        name: Bee\n        message: B.\n"
        ),
        [
            "the title of code `a` changed from none to \"Bad A\"",
            "the Rust variant of code `b` is renamed from `B` to `Bee`",
        ]
    );
}

#[test]
fn the_cases_cover_every_kind() {
    let seen: Vec<ChangeKind> = CASES
        .iter()
        .flat_map(|case| case.forward.iter().chain(case.backward))
        .map(|&(kind, _, _)| kind)
        .collect();
    for kind in ChangeKind::ALL {
        assert!(seen.contains(&kind), "no case for {kind}");
    }
}

#[test]
fn the_same_catalogue_has_no_changes() {
    let a = catalog(BASE);
    let report = compare(&a, &a);
    assert!(report.changes.is_empty());
    assert!(report.passes());
}

#[test]
fn messages_name_what_changed() {
    let report = compare(
        &catalog(BASE),
        &catalog(
            "title: T\nstatuses:\n  403:\n    codes:\n      a: \"A, \\\"quoted\\\".\"\nremoved:\n  b:\n    status: 401\n",
        ),
    );
    let messages: Vec<&str> = report.changes.iter().map(|c| c.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "status 401 is removed (it was at line 3); its Rust enum is gone",
            "status 403 is added",
            "code `a` moved from status 401 to 403",
            "the message of code `a` changed from \"A.\" to \"A, \\\"quoted\\\".\"",
            "code `b` (status 401) is removed, with a tombstone",
        ]
    );
    let without = compare(
        &catalog(BASE),
        &catalog("title: T\nstatuses:\n  401:\n    codes:\n      a: A.\n"),
    );
    assert_eq!(
        without.changes[0].message,
        "code `b` (status 401, line 6 of the base) is removed without a tombstone: add it under \
         `removed:` so that it can never come back with another meaning"
    );
}

fn versioned(version: &str, body: &str) -> Catalog {
    catalog(&format!("title: T\nversion: {version}\n{body}"))
}

const TWO_CODES: &str = "statuses:\n  401:\n    codes:\n      a: A.\n      b: B.\n";
const TOMBSTONED: &str =
    "statuses:\n  401:\n    codes:\n      a: A.\nremoved:\n  b:\n    status: 401\n";
const DROPPED: &str = "statuses:\n  401:\n    codes:\n      a: A.\n";

#[test]
fn a_major_bump_allows_breaking_changes_but_not_a_dropped_code() {
    // (base version, new version, new body, major bump, passes)
    let cases = [
        ("1.0.0", "1.1.0", TOMBSTONED, false, false),
        ("1.0.0", "2.0.0", TOMBSTONED, true, true),
        ("v1", "v2", TOMBSTONED, true, true),
        ("1.9.0", "10.0.0", TOMBSTONED, true, true),
        ("2.0.0", "1.0.0", TOMBSTONED, false, false),
        ("1.0.0", "2.0.0", DROPPED, true, false),
        ("1.0.0", "next", TOMBSTONED, false, false),
        ("1.0.0", "1.0.1", TWO_CODES, false, true),
    ];
    for (base, new, body, bump, passes) in cases {
        let report = compare(&versioned(base, TWO_CODES), &versioned(new, body));
        assert_eq!(report.major_bump, bump, "{base} → {new}");
        assert_eq!(
            report.passes(),
            passes,
            "{base} → {new}:\n{:#?}",
            report.changes
        );
    }
    // Without a version on either side, there is no bump.
    let unversioned = catalog(&format!("title: T\n{TOMBSTONED}"));
    let report = compare(&versioned("1.0.0", TWO_CODES), &unversioned);
    assert!(!report.major_bump && !report.passes());
}

/// The README's table of change kinds is the `change_kinds!` table in
/// words: one row per kind, in its order, as [`ChangeKind::description`]
/// gives it.
#[test]
fn the_readme_lists_every_kind() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("the workspace README");
    let section = readme
        .split("\n## Breaking changes\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the README has a `## Breaking changes` section");
    let rows: Vec<&str> = section
        .lines()
        .filter(|line| line.starts_with("| `"))
        .collect();
    let expected: Vec<String> = ChangeKind::ALL
        .iter()
        .map(|kind| format!("| `{kind}` | {} |", kind.description()))
        .collect();
    assert_eq!(
        rows,
        expected,
        "the README's table of change kinds should read:\n\n| kind | what changed |\n| --- | --- |\n{}\n",
        expected.join("\n")
    );
}

#[test]
fn messages_name_the_param_the_field_and_their_owner() {
    let report = compare(
        &catalog(TYPES),
        &catalog(
            "title: T\ntypes:\n  Violation:\n    fields:\n      field: integer\n      reason: string\nstatuses:\n  422:\n    retry: backoff\n    codes:\n      invalid:\n        message: Invalid.\n        params:\n          violations: { type: [Violation], optional: true }\n          count: { type: integer, optional: true }\n",
        ),
    );
    let changes: Vec<(&str, Option<&str>, Option<u16>)> = report
        .changes
        .iter()
        .map(|c| (c.message.as_str(), c.code.as_deref(), c.status))
        .collect();
    assert_eq!(
        changes,
        [
            (
                "the type of field `field` of type `Violation` changed from `string` to `integer`",
                None,
                None
            ),
            (
                "required field `reason` (`string`) is added to type `Violation`: servers built \
                 before do not send it",
                None,
                None
            ),
            (
                "the retry of code `invalid` changed from never to backoff",
                Some("invalid"),
                Some(422)
            ),
            (
                "param `violations` of code `invalid` is optional now: clients that rely on it \
                 may find it missing",
                Some("invalid"),
                Some(422)
            ),
            (
                "optional param `count` (`integer`) is added to code `invalid`",
                Some("invalid"),
                Some(422)
            ),
        ]
    );
    let removed = compare(&catalog(TYPES), &catalog("title: T\nstatuses: {}\n"));
    let messages: Vec<&str> = removed.changes.iter().map(|c| c.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "status 422 is removed (it was at line 7); its Rust enum is gone",
            "code `invalid` (status 422, line 9 of the base) is removed without a tombstone: add \
             it under `removed:` so that it can never come back with another meaning",
            "type `Violation` is removed (it was at line 3 of the base): its Rust struct, \
             TypeScript interface and OpenAPI schema are gone",
        ]
    );
}
