//! Statuses, codes and the Rust names derived from them.

use super::assert_one_problem;

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
fn a_code_cannot_become_the_variant_all() {
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    codes:\n      a-l-l: x\n",
        "5:7",
        "`a-l-l` cannot become a Rust variant: `ALL` is the name of the generated constant `ALL`",
    );
}
