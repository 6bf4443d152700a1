//! `outputs:`, and the Python and Go names of a catalogue that selects them.

use super::{load, problems};

#[test]
fn outputs_select_the_documents_in_their_order() {
    let catalog = load("title: T\noutputs: [go, markdown]\nstatuses: {}\n");
    let names: Vec<_> = catalog
        .outputs
        .iter()
        .map(|output| output.file_name())
        .collect();
    assert_eq!(names, ["errors.go", "errors.md"]);
    let default = load("title: T\nstatuses: {}\n");
    assert_eq!(default.outputs, error_codes_gen::Output::DEFAULT);
}

#[test]
fn a_param_named_like_the_details_structs_method_is_refused_for_go() {
    let yaml = "title: T\noutputs: [go]\nstatuses:\n  422:\n    codes:\n      a:\n        message: A.\n        params:\n          unmarshal_json: string\n";
    let found = problems(yaml);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("errors.yaml:9:11: ") && found[0].contains("UnmarshalJSON"),
        "{found:?}"
    );
    // Without Go, the name is fine.
    load(&yaml.replace("outputs: [go]\n", ""));
}

#[test]
fn each_clash_is_reported_once_per_item() {
    let found = problems(
        "title: T\noutputs: [python, go]\nstatuses:\n  401:\n    codes:\n      a_b: A.\n  403:\n    codes:\n      a-b: B.\n  501:\n    codes:\n      c: C.\n",
    );
    assert_eq!(
        found,
        [
            "errors.yaml:9:7: the constant of code `a-b` would be `CodeAB`, like the constant of code `a_b` (line 6): the two collide in Go; give the code a `name:`",
            "errors.yaml:10:3: the exception class of status 501 would be `NotImplementedError`, which shadows Python's own `NotImplementedError`; give the status another `name:`",
        ]
    );
}
