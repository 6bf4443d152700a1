//! Every rule of the file format: what is accepted, and what is rejected where.

use error_codes_gen::Catalog;

mod accepted;
mod body;
mod details;
mod duplicates;
mod lifecycle;
mod limits;
mod names;
mod outputs;
mod structure;
mod texts;
mod yaml;

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
