//! The YAML a catalogue does not use.

use super::{assert_one_problem, problems};

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
