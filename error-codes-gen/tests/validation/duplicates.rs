//! The same status, code or key twice.

use super::{assert_one_problem, problems};

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
