//! What a text may hold, and the encoding of the file.

use error_codes_gen::Catalog;

use super::{assert_one_problem, problems};

#[test]
fn empty_texts() {
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    codes:\n      a: ''\n",
        "5:10",
        "empty message",
    );
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    codes:\n      a:\n        message: '  '\n",
        "6:18",
        "empty message",
    );
    assert_one_problem("title: ''\nstatuses: {}\n", "1:8", "empty title");
    assert_one_problem(
        "title: T\nstatuses:\n  401:\n    description: ''\n",
        "4:18",
        "empty description",
    );
}

#[test]
fn hidden_characters_are_refused_in_every_text() {
    assert_eq!(
        problems(
            "title: \"Errors \\u202E\"
description: \"Intro \\u2066isolated\\u2069\"
statuses:
  401:
    description: \"bell \\a\"
    codes:
      a: \"Pay \\u202Esu \\u202C now.\"
      b:
        message: Fine.
        deprecated: \"Use c \\x1b[31m.\"
removed:
  c:
    status: 401
    reason: \"del \\x7F\"
"
        ),
        [
            "errors.yaml:1:8: the title contains U+202E, a bidirectional control character: it \
             makes text display in another order than it is stored, so what a reviewer reads is \
             not what is sent; remove it",
            "errors.yaml:2:14: the description contains U+2066, a bidirectional control \
             character: it makes text display in another order than it is stored, so what a \
             reviewer reads is not what is sent; remove it",
            "errors.yaml:5:18: the description contains the control character U+0007; only line \
             breaks and tabs are allowed",
            "errors.yaml:7:10: the message contains U+202E, a bidirectional control character: \
             it makes text display in another order than it is stored, so what a reviewer reads \
             is not what is sent; remove it",
            "errors.yaml:10:21: the deprecation note contains the control character U+001B; \
             only line breaks and tabs are allowed",
            "errors.yaml:14:13: the reason contains the control character U+007F; only line \
             breaks and tabs are allowed",
        ]
    );
    // A raw control character in the file is a syntax error, located.
    assert_one_problem(
        "title: T\u{7}\nstatuses: {}\n",
        "1:8",
        "unexpected character",
    );
}

#[test]
fn a_file_that_is_not_utf8_is_located() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join("latin1.yaml");
    std::fs::write(
        &path,
        b"title: T\nstatuses:\n  401:\n    codes:\n      a: Caf\xE9.\n",
    )
    .unwrap();
    let error = Catalog::load(&path).unwrap_err();
    assert_eq!(error.diagnostics().len(), 1);
    let diagnostic = &error.diagnostics()[0];
    assert_eq!((diagnostic.line, diagnostic.column), (Some(5), 13));
    assert!(
        diagnostic.message.contains("not UTF-8: byte 0xE9"),
        "{diagnostic}"
    );
}

#[test]
fn utf8_problems_are_told_apart() {
    let problem = |bytes: &[u8]| {
        let error = Catalog::from_bytes(bytes, "errors.yaml").unwrap_err();
        let diagnostic = &error.diagnostics()[0];
        format!("{}: {}", diagnostic.location(), diagnostic.message)
    };
    assert_eq!(
        problem(b"title: caf\xE2\x28x\n"),
        "errors.yaml:1:11: the file is not UTF-8: byte 0xE2 is not valid here"
    );
    assert_eq!(
        problem(b"title: T\nstatuses: {}\n# caf\xE2\x82"),
        "errors.yaml:3:6: the file is not UTF-8: it ends in the middle of a character"
    );
    assert_eq!(
        problem(b"\xFF\xFEt\0i\0"),
        "errors.yaml: the file is UTF-16; save it as UTF-8"
    );
}
