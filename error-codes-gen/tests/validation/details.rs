//! Types, params, examples, retry and placeholders: what is read, and each
//! class of mistake, at its place.

use error_codes_gen::{Example, Piece, Retry, Type};

use super::{assert_one_problem, load, problems};

/// A catalogue with one code `c` of status 429 whose long form is `code`
/// (indented under the code), after `types` (the `types:` block, or "").
fn with_code(types: &str, code: &str) -> String {
    let mut indented = String::new();
    for line in code.lines() {
        indented.push_str("        ");
        indented.push_str(line);
        indented.push('\n');
    }
    let code = indented;
    format!("title: T\n{types}statuses:\n  429:\n    codes:\n      c:\n{code}")
}

#[test]
fn short_and_long_params_types_and_retry_are_read() {
    let catalog = load(&with_code(
        "types:\n  FieldViolation:\n    description: One input.\n    fields:\n      field: string\n      reason: { type: string, optional: true }\n",
        "message: Wait {retry_after} s for {who}.\nretry: after\nparams:\n  retry_after: integer\n  who: string\n  ratio: { type: number, example: 0.5, description: A share. }\n  ok: { type: boolean, optional: true }\n  violations:\n    type: [FieldViolation]\n    example: [{field: url}]\n  grid: [[integer]]\n  userId: string",
    ));
    let (_, code) = catalog.codes().next().unwrap();
    assert_eq!(code.retry, Retry::After);
    let names: Vec<_> = code
        .params
        .iter()
        .map(|p| (p.name.as_str(), p.field.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("retry_after", "retry_after"),
            ("who", "who"),
            ("ratio", "ratio"),
            ("ok", "ok"),
            ("violations", "violations"),
            ("grid", "grid"),
            ("userId", "user_id"),
        ]
    );
    let types: Vec<_> = code.params.iter().map(|p| p.ty.written()).collect();
    assert_eq!(
        types,
        [
            "integer",
            "string",
            "number",
            "boolean",
            "[FieldViolation]",
            "[[integer]]",
            "string"
        ]
    );
    assert_eq!(code.params[2].example, Some(Example::Number(0.5)));
    assert_eq!(code.params[2].description.as_deref(), Some("A share."));
    assert!(code.params[3].optional && !code.params[0].optional);
    assert_eq!(
        code.params[4].example,
        Some(Example::List(vec![Example::Object(vec![(
            "field".to_owned(),
            Example::String("url".to_owned())
        )])]))
    );
    assert_eq!(
        code.pieces(),
        [
            Piece::Text("Wait "),
            Piece::Param("retry_after"),
            Piece::Text(" s for "),
            Piece::Param("who"),
            Piece::Text("."),
        ]
    );
    let ty = &catalog.types[0];
    assert_eq!(
        (ty.name.as_str(), ty.description.as_deref()),
        ("FieldViolation", Some("One input."))
    );
    assert_eq!(ty.fields[1].ty, Type::String);
    assert!(ty.fields[1].optional);
    assert!(catalog.has_details() && catalog.has_retry());
}

#[test]
fn a_status_retry_is_its_codes_default() {
    let catalog = load(
        "title: T\nstatuses:\n  502:\n    retry: backoff\n    codes:\n      a: A.\n      b:\n        message: B.\n        retry: never\n",
    );
    let retries: Vec<_> = catalog.codes().map(|(_, code)| code.retry).collect();
    assert_eq!(retries, [Retry::Backoff, Retry::Never]);
    assert_eq!(catalog.statuses[0].retry, Some(Retry::Backoff));
    assert!(!catalog.has_details() && catalog.has_retry());
}

#[test]
fn without_params_braces_are_text_and_nothing_new_is_used() {
    let catalog =
        load("title: T\nstatuses:\n  401:\n    codes:\n      a: \"Use {x}, }{ and ${y}.\"\n");
    let (_, code) = catalog.codes().next().unwrap();
    assert_eq!(code.pieces(), [Piece::Text("Use {x}, }{ and ${y}.")]);
    assert_eq!(code.plain_message(), "Use {x}, }{ and ${y}.");
    assert!(!catalog.has_details() && !catalog.has_retry());
}

#[test]
fn escaped_braces_in_a_code_with_params() {
    let catalog = load(&with_code(
        "",
        "message: \"{{n}} is {n}\"\nparams:\n  n: integer",
    ));
    let (_, code) = catalog.codes().next().unwrap();
    assert_eq!(code.plain_message(), "{n} is {n}");
}

#[test]
fn an_unknown_type_or_a_list_of_more_than_one() {
    assert_one_problem(
        &with_code("", "message: M.\nparams:\n  a: int"),
        "8:14",
        "unknown type `int`: expected `string`, `integer`, `number`, `boolean`",
    );
    assert_one_problem(
        &with_code(
            "types:\n  V:\n    fields: {f: string}\n",
            "message: M.\nparams:\n  a: [V, V]",
        ),
        "11:14",
        "a list type holds exactly one type",
    );
    assert_one_problem(
        &with_code("", "message: M.\nparams:\n  a: []"),
        "8:14",
        "this one holds 0",
    );
    assert_one_problem(
        &with_code("", "message: M.\nparams:\n  a: \"[string]\""),
        "8:14",
        "is quoted text",
    );
    assert_one_problem(
        &with_code("", "message: M.\nparams:\n  a: { optional: true }"),
        "8:11",
        "param `a` has no `type`",
    );
    assert_one_problem(
        "title: T\ntypes:\n  V:\n    fields: {f: W}\nstatuses: {}\n",
        "4:17",
        "unknown type `W`",
    );
}

#[test]
fn a_cycle_of_types_rust_cannot_hold() {
    assert_one_problem(
        "title: T\ntypes:\n  A:\n    fields: {b: B}\n  B:\n    fields: {a: {type: A, optional: true}}\nstatuses: {}\n",
        "3:3",
        "type `A` contains itself (A.b → B.a → A) other than through a list",
    );
    assert_one_problem(
        "title: T\ntypes:\n  A:\n    fields: {me: A}\nstatuses: {}\n",
        "3:3",
        "(A.me → A)",
    );
    // Through a list, a type may hold itself: a tree.
    let catalog = load("title: T\ntypes:\n  Node:\n    fields: {children: [Node]}\nstatuses: {}\n");
    assert_eq!(catalog.types.len(), 1);
}

#[test]
fn placeholders_that_name_no_param_or_the_wrong_kind() {
    let code = "message: \"{missing} {list} {maybe} {object}\"\nparams:\n  list: [string]\n  maybe: { type: string, optional: true }\n  object: V";
    let problems = problems(&with_code("types:\n  V:\n    fields: {f: string}\n", code));
    assert_eq!(
        problems,
        [
            "errors.yaml:9:18: the placeholder `{missing}` names no param of code `c` (it has `list`, `maybe`, `object`)",
            "errors.yaml:9:18: the placeholder `{list}` names a param of type `[string]`: only a string, integer, number or boolean can be written into a message",
            "errors.yaml:9:18: the placeholder `{maybe}` names an optional param: a message can only hold a value that is always there",
            "errors.yaml:9:18: the placeholder `{object}` names a param of type `V`: only a string, integer, number or boolean can be written into a message",
        ]
    );
}

#[test]
fn unbalanced_braces() {
    for (message, at, problem) in [
        ("\"a } b\"", "character 3", "a `}` that closes nothing"),
        ("\"wait {n\"", "character 6", "a `{` that is not closed"),
        ("\"x {}\"", "character 3", "an empty placeholder `{}`"),
        ("\"{{ {n} }\"", "character 8", "a `}` that closes nothing"),
    ] {
        assert_one_problem(
            &with_code("", &format!("message: {message}\nparams:\n  n: integer")),
            "6:18",
            &format!(
                "the message, at character {}: {problem}",
                &at["character ".len()..]
            ),
        );
    }
}

#[test]
fn retry_after_needs_an_integer_retry_after_and_retry_words_are_known() {
    assert_one_problem(
        &with_code("", "message: M.\nretry: after"),
        "5:7",
        "code `c` has `retry: after` but no param `retry_after`: add `retry_after: integer`",
    );
    assert_one_problem(
        &with_code(
            "",
            "message: M.\nretry: after\nparams:\n  retry_after: string",
        ),
        "5:7",
        "its param `retry_after` must be a required `integer` (the seconds to wait), not `string`",
    );
    assert_one_problem(
        &with_code(
            "",
            "message: M.\nretry: after\nparams:\n  retry_after: { type: integer, optional: true }",
        ),
        "5:7",
        "not optional `integer`",
    );
    assert_one_problem(
        "title: T\nstatuses:\n  503:\n    retry: after\n    codes:\n      a: A.\n",
        "6:7",
        "code `a` has `retry: after` (its status's `retry: after`) but no param `retry_after`",
    );
    assert_one_problem(
        &with_code("", "message: M.\nretry: later"),
        "7:16",
        "unknown retry `later`: expected `never`, `backoff` or `after`",
    );
    assert_one_problem(
        "title: T\nstatuses:\n  503:\n    retry: [after]\n    codes: {}\n",
        "4:12",
        "unknown retry a list: expected `never`, `backoff` or `after`",
    );
}

#[test]
fn param_names_that_are_not_names_or_collide() {
    assert_one_problem(
        &with_code("", "message: M.\nparams:\n  9lives: string"),
        "8:11",
        "param `9lives` is not a name a body can carry",
    );
    assert_one_problem(
        &with_code("", "message: M.\nparams:\n  retry-after: string"),
        "8:11",
        "param `retry-after` is not a name",
    );
    assert_one_problem(
        &with_code(
            "",
            "message: M.\nparams:\n  retryAfter: integer\n  retry_after: integer",
        ),
        "9:11",
        "param `retry_after` and `retryAfter` (line 8) are both the Rust field `retry_after`",
    );
    assert_one_problem(
        &with_code("", "message: M.\nparams:\n  self: string"),
        "8:11",
        "param `self` cannot be a Rust field: `self` is a Rust keyword",
    );
    // Other keywords become raw identifiers: `type` is a fine JSON name.
    let catalog = load(&with_code("", "message: M.\nparams:\n  type: string"));
    assert_eq!(catalog.codes().next().unwrap().1.params[0].field, "type");
    assert_one_problem(
        "title: T\ntypes:\n  V:\n    fields: {a_b: string, aB: string}\nstatuses: {}\n",
        "4:27",
        "field `aB` and `a_b` (line 4) are both the Rust field `a_b`",
    );
}

#[test]
fn type_names_that_cannot_be_rust_types() {
    for (name, problem) in [
        ("fieldViolation", "type names are `UpperCamelCase`"),
        ("Field_Violation", "type names are `UpperCamelCase`"),
        ("String", "is a name the generated code already uses"),
        ("ErrorBody", "is a name the generated code already uses"),
        ("Self", "is a Rust keyword"),
    ] {
        assert_one_problem(
            &format!("title: T\ntypes:\n  {name}:\n    fields: {{f: string}}\nstatuses: {{}}\n"),
            "3:3",
            problem,
        );
    }
    assert_one_problem(
        "title: T\ntypes:\n  TooManyRequests:\n    fields: {f: string}\nstatuses:\n  429:\n    codes:\n      a: A.\n",
        "3:3",
        "type `TooManyRequests` has the name of the Rust enum of status 429 (line 6)",
    );
    assert_one_problem(
        "title: T\ntypes:\n  TooManyRequestsCode:\n    fields: {f: string}\nstatuses:\n  429:\n    codes:\n      a: A.\n",
        "3:3",
        "the name of the TypeScript union of the codes of status 429",
    );
    assert_one_problem(
        "title: T\ntypes:\n  ApiError:\n    fields: {f: string}\nstatuses: {}\n",
        "3:3",
        "type `ApiError` has the name of the top-level Rust enum",
    );
    assert_one_problem(
        "title: T\ntypes:\n  V:\n    description: No fields.\nstatuses: {}\n",
        "3:3",
        "type `V` has no `fields`",
    );
}

#[test]
fn examples_of_the_wrong_type() {
    for (ty, example, problem) in [
        ("integer", "\"60\"", "is the text `60`, not an integer"),
        ("integer", "1.5", "is the text `1.5`, not an integer"),
        ("number", ".inf", "is the text `.inf`, not a finite number"),
        ("number", "nan", "is the text `nan`, not a finite number"),
        (
            "string",
            "12",
            "is the text `12`, not a string (quote it if it is text)",
        ),
        ("boolean", "yes", "is the text `yes`, not `true` or `false`"),
        ("[integer]", "1", "is the text `1`, not a list of integer"),
        ("[integer]", "[1, x]", "is the text `x`, not an integer"),
        ("V", "{g: 1}", "has `g`, which is no field of `V`"),
        ("V", "{}", "of `V` has no `f`, a required field"),
    ] {
        let problems = problems(&with_code(
            "types:\n  V:\n    fields: {f: string}\n",
            &format!("message: M.\nparams:\n  p: {{ type: {ty}, example: {example} }}"),
        ));
        assert_eq!(problems.len(), 1, "{ty} {example}: {problems:#?}");
        assert!(
            problems[0].contains(&format!("the example {problem}")),
            "{ty} {example}: {problems:#?}"
        );
    }
    let catalog = load(&with_code(
        "",
        "message: M.\nparams:\n  n: { type: number, example: 2 }\n  s: { type: string, example: \"12\" }",
    ));
    let params = &catalog.codes().next().unwrap().1.params;
    assert_eq!(params[0].example, Some(Example::Number(2.0)));
    assert_eq!(params[1].example, Some(Example::String("12".to_owned())));
}

#[test]
fn optional_is_true_or_false() {
    assert_one_problem(
        &with_code(
            "",
            "message: M.\nparams:\n  p: { type: string, optional: yes }",
        ),
        "8:40",
        "`optional` must be `true` or `false`, found the text `yes`",
    );
}
