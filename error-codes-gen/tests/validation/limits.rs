//! The largest catalogue accepted, and one beyond it.

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
