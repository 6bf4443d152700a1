//! The bad-input catalogue: every class of bad input, named, with the
//! behaviour decided for it, as tables that tests run through every front end.
//!
//! | table | run by | through |
//! | --- | --- | --- |
//! | [`FILE_CLASSES`] | `tests/tests/bad_input.rs`, `xtask/tests/bad_input.rs` | the library (`Catalog::load`), the macro (`include_errors!`) and the command line (`xtask gen`) |
//! | [`MACRO_CALL_CLASSES`] | `tests/tests/bad_input.rs` | the macro |
//! | [`DERIVE_CLASSES`] | `tests/tests/bad_input.rs` (the compile itself is `tests/ui.rs`) | `#[derive(ErrorCode)]` |
//! | command-line classes | `xtask/tests/bad_input.rs` | `xtask gen` |
//!
//! A refused file must give, through each front end: from the library, an
//! `Err` whose first diagnostic is at the row's place and says the row's
//! words, every message one line; from the command line, exit code 2, a
//! stderr line `file:line:column: message` (`file: message` for a problem
//! with the file as a whole), no panic, and the output folder byte for byte as
//! it was; from the macro, a compile error spanning the path literal whose
//! text starts with the same location, and no panic. An accepted file must
//! load with the row's codes and messages, generate the library's documents,
//! and compile.
//!
//! # Adding a class
//!
//! Add one row to the table; nothing else. For a file:
//!
//! ```text
//! refused("merge_key", Text("title: T\nstatuses:\n  <<: {}\n"), at(3, 3), "merge keys"),
//! accepted("byte_order_mark", Bytes(b"\xEF\xBB\xBFtitle: T\nstatuses:\n  401:\n    codes:\n      a: A.\n"), &[(401, "a", "A.")]),
//! refused("too_many_codes", Built(too_many_codes), at(1, 1), "at most"),
//! ```
//!
//! `Text` is the file as text, `Bytes` as raw bytes, `Built` a function that
//! builds the bytes (for huge files, put it below the table); `at(line,
//! column)` is where the first diagnostic points (1-based, columns in
//! characters) and `says` a piece of its message; an accepted row lists
//! every code the file must load to, as `(status, code, message)` in file
//! order. Then name the class in the README's bad-input section (a test
//! checks that every class is there). The README already names the
//! loader's classes by the names their rows should take: `yaml_tag`,
//! `anchor_and_alias`, `merge_key`, `several_documents`, `control_character`,
//! `bidi_control`, `byte_order_mark`, `crlf_line_ends`, `wrong_type_at_top`,
//! `wrong_type_in_status`, `wrong_type_in_code`, `file_too_large`,
//! `too_many_codes`, `nesting_too_deep`, `message_too_long`.

/// One class of bad catalogue file.
#[derive(Debug)]
pub struct FileClass {
    /// The class's name: a Rust identifier, unique across every table.
    pub name: &'static str,
    /// What is at the catalogue's path.
    pub input: Input,
    /// What every front end must do with it.
    pub expect: Expect,
}

/// What is at the catalogue's path.
#[derive(Debug, Clone, Copy)]
pub enum Input {
    /// A file with this text.
    Text(&'static str),
    /// A file with these bytes.
    Bytes(&'static [u8]),
    /// A file with the bytes this function builds.
    Built(fn() -> Vec<u8>),
    /// Nothing.
    Missing,
    /// An empty folder.
    Folder,
    /// A valid catalogue that the user may not read (mode `000`; tests that
    /// run as root drop the capabilities that would bypass it).
    Unreadable,
}

/// The decided behaviour for a class.
#[derive(Debug, Clone, Copy)]
pub enum Expect {
    /// Loaded and generated like any good file, to exactly these codes, as
    /// `(status, code, message)` in file order: the quirk of the input
    /// changes nothing that the file says.
    Accepted(&'static [(u16, &'static str, &'static str)]),
    /// Refused: the first diagnostic is `at` and its message contains `says`.
    Refused {
        /// Where the first diagnostic points.
        at: At,
        /// A piece of its message.
        says: &'static str,
    },
}

/// Where a diagnostic points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    /// A line and column, 1-based.
    Line(usize, usize),
    /// The file as a whole: `file: message`.
    File,
}

/// A refused class.
#[must_use]
pub const fn refused(name: &'static str, input: Input, at: At, says: &'static str) -> FileClass {
    FileClass {
        name,
        input,
        expect: Expect::Refused { at, says },
    }
}

/// An accepted class.
#[must_use]
pub const fn accepted(
    name: &'static str,
    input: Input,
    codes: &'static [(u16, &'static str, &'static str)],
) -> FileClass {
    FileClass {
        name,
        input,
        expect: Expect::Accepted(codes),
    }
}

/// Line and column, 1-based.
#[must_use]
pub const fn at(line: usize, column: usize) -> At {
    At::Line(line, column)
}

/// The file as a whole, for the table.
const WHOLE_FILE: At = At::File;

use Input::{Built, Bytes, Folder, Missing, Text, Unreadable};

/// A valid catalogue, for the classes that are about the path, not the text.
pub const VALID: &str =
    "title: T\nstatuses:\n  401:\n    codes:\n      invalid_token: The token is invalid.\n";

/// Every class of bad catalogue file.
#[rustfmt::skip]
pub const FILE_CLASSES: &[FileClass] = &[
    // The file itself.
    refused("missing_file", Missing, WHOLE_FILE, "cannot read the error catalogue: No such file"),
    refused("unreadable_file", Unreadable, WHOLE_FILE, "cannot read the error catalogue: Permission denied"),
    refused("spec_is_a_folder", Folder, WHOLE_FILE, "cannot read the error catalogue: Is a directory"),
    refused("empty_file", Text(""), at(1, 1), "the file is empty"),
    refused("comments_only", Text("# nothing yet\n"), at(1, 1), "the file is empty"),
    refused("file_too_large", Built(too_large), WHOLE_FILE, "larger than 4 MiB (4194304 bytes), the largest catalogue accepted"),
    // Encoding.
    refused("invalid_utf8", Bytes(b"title: caf\xE9\nstatuses: {}\n"), at(1, 11), "not UTF-8: byte 0xE9"),
    refused("truncated_utf8", Bytes(b"title: caf\xC3"), at(1, 11), "ends in the middle of a character"),
    refused("utf16_le", Bytes(b"\xFF\xFEt\0i\0t\0l\0e\0:\0 \0T\0\n\0"), WHOLE_FILE, "UTF-16; save it as UTF-8"),
    refused("utf16_be", Bytes(b"\xFE\xFF\0t\0i\0t\0l\0e\0:\0 \0T\0\n"), WHOLE_FILE, "UTF-16; save it as UTF-8"),
    accepted("byte_order_mark", Bytes(b"\xEF\xBB\xBFtitle: T\nstatuses:\n  401:\n    codes:\n      a: A.\n"), &[(401, "a", "A.")]),
    accepted("crlf_line_ends", Text("title: T\r\nstatuses:\r\n  401:\r\n    codes:\r\n      a: |\r\n        Two\r\n        lines.\r\n"), &[(401, "a", "Two\nlines.")]),
    // YAML syntax.
    refused("unclosed_quote", Text("title: T\nstatuses:\n  401:\n    codes:\n      a: \"open\n"), at(5, 10), "unclosed quote"),
    refused("tab_indentation", Text("title: T\nstatuses:\n\t401: {}\n"), at(3, 2), "tabs"),
    refused("duplicate_key", Text("title: T\ntitle: U\nstatuses: {}\n"), at(2, 1), "duplicate key `title`: already at line 1"),
    // YAML that a catalogue does not use.
    refused("yaml_tag", Text("title: T\nstatuses:\n  401:\n    codes:\n      a: !!binary aGVsbG8=\n"), at(5, 10), "YAML tags are not supported: `!!binary`"),
    refused("anchor_and_alias", Text("title: &t T\ndescription: *t\nstatuses: {}\n"), at(1, 8), "YAML anchors (`&t`) are not supported"),
    refused("merge_key", Text("title: T\nstatuses:\n  401:\n    codes:\n      <<: {a: A.}\n"), at(5, 7), "merge keys (`<<`) are not supported"),
    refused("several_documents", Text("title: T\nstatuses: {}\n---\ntitle: U\nstatuses: {}\n"), at(3, 1), "a second YAML document"),
    refused("nesting_too_deep", Text("title: [[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]\nstatuses: {}\n"), at(1, 24), "nested more than 16 levels deep"),
    // Wrong types, reported where they are, beside every other problem.
    refused("wrong_type_at_top", Text("- title: T\n"), at(1, 1), "the catalogue must be a mapping"),
    refused("wrong_type_in_status", Text("title: T\nstatuses:\n  401: [a, b]\n"), at(3, 8), "a status must be a mapping with the keys"),
    refused("wrong_type_in_code", Text("title: T\nstatuses:\n  401:\n    codes:\n      a:\n        message: {text: A.}\n"), at(6, 18), "message must be text, found a mapping"),
    // Texts that would not show as what they are.
    refused("control_character", Text("title: T\nstatuses:\n  401:\n    codes:\n      a: \"\\e[31mRed.\"\n"), at(5, 10), "the control character U+001B"),
    refused("bidi_control", Text("title: T\nstatuses:\n  401:\n    codes:\n      a: \"Pay \\u202Esu.\"\n"), at(5, 10), "U+202E, a bidirectional control character"),
    // YAML 1.1 reads `yes` as a boolean; here a message is text.
    accepted("yes_as_message", Text("title: T\nstatuses:\n  401:\n    codes:\n      a: yes\n"), &[(401, "a", "yes")]),
    accepted("quoted_status", Text("title: T\nstatuses:\n  \"401\":\n    codes:\n      a: A.\n"), &[(401, "a", "A.")]),
    // The file format's rules.
    refused("every_field_empty", Text("title:\nstatuses:\n  401:\n    title:\n    description:\n    codes:\n      a:\n"), at(1, 6), "empty title"),
    refused("unknown_key", Text("title: T\nstatuses:\n  401:\n    codes:\n      a:\n        mesage: A.\n"), at(6, 9), "did you mean `message`?"),
    refused("status_not_a_number", Text("title: T\nstatuses:\n  abc: {}\n"), at(3, 3), "write it as three digits"),
    refused("status_out_of_range", Text("title: T\nstatuses:\n  302: {}\n"), at(3, 3), "from 400 to 599"),
    refused("duplicate_status", Text("title: T\nstatuses:\n  401: {}\n  '401': {}\n"), at(4, 3), "duplicate key `401`: already at line 3"),
    refused("duplicate_code", Text("title: T\nstatuses:\n  401:\n    codes:\n      a: A.\n  403:\n    codes:\n      a: B.\n"), at(8, 7), "duplicate code `a`"),
    refused("case_collision", Text("title: T\nstatuses:\n  401:\n    codes:\n      bad_token: A.\n      BadToken: B.\n"), at(6, 7), "becomes the Rust variant"),
    refused("keyword_code", Text("title: T\nstatuses:\n  401:\n    codes:\n      self: A.\n"), at(5, 7), "is a Rust keyword"),
    refused("invalid_code_character", Text("title: T\nstatuses:\n  401:\n    codes:\n      no space: A.\n"), at(5, 7), "contains ' '"),
    refused("nonstandard_status_without_title", Text("title: T\nstatuses:\n  499:\n    codes: {}\n"), at(3, 3), "give it a `title:`"),
    refused("invalid_rust_name", Text("title: T\nname: 9x\nstatuses: {}\n"), at(2, 7), "cannot be a Rust enum name"),
    refused("too_many_codes", Built(too_many_codes), at(20_005, 7), "more than 20000 codes, the most a catalogue may have"),
    refused("message_too_long", Built(message_too_long), at(5, 10), "the message is 2001 characters long; the longest accepted is 2000"),
    refused("removed_code_reused", Text("title: T\nremoved:\n  a:\n    status: 401\nstatuses:\n  401:\n    codes:\n      a: A.\n"), at(8, 7), "tombstone at line 3"),
    // Types, params, examples, retry and placeholders.
    refused("unknown_type", Text("title: T\nstatuses:\n  422:\n    codes:\n      a:\n        message: A.\n        params:\n          p: int\n"), at(8, 14), "unknown type `int`"),
    refused("list_of_several_types", Text("title: T\nstatuses:\n  422:\n    codes:\n      a:\n        message: A.\n        params:\n          p: [string, integer]\n"), at(8, 14), "a list type holds exactly one type"),
    refused("type_cycle", Text("title: T\ntypes:\n  A:\n    fields: {b: B}\n  B:\n    fields: {a: A}\nstatuses: {}\n"), at(3, 3), "type `A` contains itself (A.b → B.a → A)"),
    refused("placeholder_without_param", Text("title: T\nstatuses:\n  429:\n    codes:\n      a:\n        message: Wait {seconds} s.\n        params:\n          retry_after: integer\n"), at(6, 18), "the placeholder `{seconds}` names no param of code `a`"),
    refused("placeholder_not_scalar", Text("title: T\nstatuses:\n  422:\n    codes:\n      a:\n        message: Bad {fields}.\n        params:\n          fields: [string]\n"), at(6, 18), "names a param of type `[string]`"),
    refused("placeholder_optional", Text("title: T\nstatuses:\n  422:\n    codes:\n      a:\n        message: Bad {field}.\n        params:\n          field: {type: string, optional: true}\n"), at(6, 18), "names an optional param"),
    refused("unbalanced_brace", Text("title: T\nstatuses:\n  422:\n    codes:\n      a:\n        message: Bad {field.\n        params:\n          field: string\n"), at(6, 18), "a `{` that is not closed"),
    refused("retry_after_without_param", Text("title: T\nstatuses:\n  429:\n    codes:\n      a:\n        message: Slow down.\n        retry: after\n"), at(5, 7), "has `retry: after` but no param `retry_after`"),
    refused("retry_after_not_integer", Text("title: T\nstatuses:\n  429:\n    codes:\n      a:\n        message: Slow down.\n        retry: after\n        params:\n          retry_after: string\n"), at(5, 7), "must be a required `integer`"),
    refused("unknown_retry", Text("title: T\nstatuses:\n  503:\n    retry: later\n    codes: {}\n"), at(4, 12), "unknown retry `later`: expected `never`, `backoff` or `after`"),
    refused("param_not_an_identifier", Text("title: T\nstatuses:\n  422:\n    codes:\n      a:\n        message: A.\n        params:\n          retry-after: integer\n"), at(8, 11), "param `retry-after` is not a name a body can carry"),
    refused("param_case_collision", Text("title: T\nstatuses:\n  422:\n    codes:\n      a:\n        message: A.\n        params:\n          userId: string\n          user_id: string\n"), at(9, 11), "are both the Rust field `user_id`"),
    refused("example_of_wrong_type", Text("title: T\nstatuses:\n  429:\n    codes:\n      a:\n        message: A.\n        params:\n          limit: {type: integer, example: sixty}\n"), at(8, 43), "the example is the text `sixty`, not an integer"),
    // The body's layout, codes of any form and docs URLs.
    refused("code_without_rust_name", Text("title: T\nstatuses:\n  400:\n    codes:\n      131047: Too late to reply.\n"), at(5, 7), "`131047` cannot become a Rust variant: `131047` is not an identifier"),
    refused("names_collide", Text("title: T\nstatuses:\n  400:\n    codes:\n      131047:\n        name: Undeliverable\n        message: A.\n      131026:\n        name: Undeliverable\n        message: B.\n"), at(9, 15), "give one of them another `name:`"),
    refused("code_not_integer", Text("title: T\nbody:\n  code: code\n  message: message\n  code_type: integer\nstatuses:\n  400:\n    codes:\n      '0123':\n        name: A\n        message: A.\n"), at(9, 7), "code `0123` has a leading zero"),
    refused("member_paths_collide", Text("title: T\nbody:\n  code: error\n  message: error.message\nstatuses: {}\n"), at(4, 12), "`message: error.message` and `code: error` (line 3) collide"),
    refused("param_collides_with_member", Text("title: T\nbody: problem\ndocs: https://docs.example.com/errors/{code}\nstatuses:\n  400:\n    codes:\n      a:\n        message: A.\n        params:\n          status: integer\n"), at(10, 11), "param `status` cannot be spread into the body"),
    refused("problem_without_docs", Text("title: T\nbody: problem\nstatuses:\n  400:\n    codes:\n      a: A.\n"), at(2, 1), "`body: problem` sends each code's docs URL as `type`"),
    refused("docs_unknown_placeholder", Text("title: T\ndocs: https://docs.example.com/errors/{slug}\nstatuses: {}\n"), at(2, 7), "unknown placeholder `{slug}` in the docs URL"),
    refused("unknown_body_preset", Text("title: T\nbody: problme\nstatuses: {}\n"), at(2, 7), "unknown body preset `problme`: did you mean `problem`?"),
    refused("unknown_code_type", Text("title: T\nbody:\n  code: code\n  message: message\n  code_type: number\nstatuses: {}\n"), at(5, 14), "unknown code type `number`: expected `string` or `integer`"),
    refused("unknown_output", Text("title: T\noutputs: [typescript, rust]\nstatuses: {}\n"), at(2, 23), "unknown output `rust`: expected one of `typescript`, `openapi`, `markdown`, `python`, `go`"),
    refused("duplicate_output", Text("title: T\noutputs: [go, go]\nstatuses: {}\n"), at(2, 15), "output `go` is listed twice"),
    refused("empty_outputs", Text("title: T\noutputs: []\nstatuses: {}\n"), at(2, 10), "`outputs` is empty"),
    refused("python_name_shadows_builtin", Text("title: T\noutputs: [python]\nstatuses:\n  501:\n    codes:\n      a: A.\n"), at(4, 3), "the exception class of status 501 would be `NotImplementedError`, which shadows Python's own `NotImplementedError`"),
    refused("python_names_collide", Text("title: T\noutputs: [python]\ntypes:\n  UnauthorizedError:\n    fields:\n      a: string\nstatuses:\n  401:\n    codes:\n      a: A.\n"), at(8, 3), "would be `UnauthorizedError`, like the TypedDict of type `UnauthorizedError` (line 4)"),
    refused("go_names_collide", Text("title: T\noutputs: [go]\nstatuses:\n  401:\n    codes:\n      a_b: A.\n  403:\n    codes:\n      a-b: B.\n"), at(9, 7), "the constant of code `a-b` would be `CodeAB`, like the constant of code `a_b` (line 6)"),
    refused("go_fields_collide", Text("title: T\noutputs: [go]\nstatuses:\n  422:\n    codes:\n      a:\n        message: A.\n        params:\n          a1b: string\n          a_1b: string\n"), at(10, 11), "`a_1b` and `a1b` of code `a` both become the Go field `A1b`"),
    refused("description_breaks_markdown", Text("title: T\nstatuses:\n  401:\n    codes:\n      a:\n        message: A.\n        description: |\n          Call it so:\n\n          ```sh\n          curl -H 'X-Token: …'\n"), at(10, 11), "the description opens a code block on its line 3 (a fence of 3 backticks) that it never closes"),
    accepted("outputs_not_selected", Text("title: T\nstatuses:\n  401:\n    codes:\n      a_b: A.\n  403:\n    codes:\n      a-b: B.\n  501:\n    codes:\n      c: C.\n"), &[(401, "a_b", "A."), (403, "a-b", "B."), (501, "c", "C.")]),
];

/// A valid catalogue padded with a comment to one byte over the limit.
fn too_large() -> Vec<u8> {
    let mut bytes = VALID.as_bytes().to_vec();
    bytes.push(b'#');
    bytes.resize(error_codes_gen::limits::MAX_BYTES + 1, b'x');
    bytes
}

/// One code more than the limit, all under one status.
fn too_many_codes() -> Vec<u8> {
    let mut yaml = String::from("title: T\nstatuses:\n  400:\n    codes:\n");
    for code in 0..=error_codes_gen::limits::MAX_CODES {
        yaml.push_str("      c");
        yaml.push_str(&code.to_string());
        yaml.push_str(": M.\n");
    }
    yaml.into_bytes()
}

/// A message one character longer than the limit.
fn message_too_long() -> Vec<u8> {
    let message = "é".repeat(error_codes_gen::limits::MAX_MESSAGE_CHARS + 1);
    format!("title: T\nstatuses:\n  400:\n    codes:\n      a: {message}\n").into_bytes()
}

/// One class of bad `include_errors!` call.
#[derive(Debug)]
pub struct MacroCallClass {
    /// The class's name: a Rust identifier, unique across every table.
    pub name: &'static str,
    /// What is written between the parentheses. `{valid}` stands for the
    /// path of a valid catalogue relative to the crate and `{absolute}` for its
    /// absolute path; the crate's parent folder holds `shared/errors.yaml`.
    pub argument: &'static str,
    /// What the macro must do.
    pub expect: MacroExpect,
}

/// The decided behaviour for a macro call.
#[derive(Debug, Clone, Copy)]
pub enum MacroExpect {
    /// It expands to the catalogue's items.
    Accepted,
    /// A compile error whose span covers exactly `span` and whose message
    /// contains `says`.
    Refused {
        /// The source text the error's span covers.
        span: &'static str,
        /// A piece of the message.
        says: &'static str,
    },
}

const fn call(
    name: &'static str,
    argument: &'static str,
    span: &'static str,
    says: &'static str,
) -> MacroCallClass {
    MacroCallClass {
        name,
        argument,
        expect: MacroExpect::Refused { span, says },
    }
}

const fn good_call(name: &'static str, argument: &'static str) -> MacroCallClass {
    MacroCallClass {
        name,
        argument,
        expect: MacroExpect::Accepted,
    }
}

/// Every class of bad `include_errors!` call. (The classes of the file it
/// names are [`FILE_CLASSES`], which also run through the macro.)
#[rustfmt::skip]
pub const MACRO_CALL_CLASSES: &[MacroCallClass] = &[
    call("not_a_literal", "errors.yaml", "errors", "expected the catalogue's path as one string literal"),
    call("byte_string", "b\"{valid}\"", "b\"{valid}\"", "expected the catalogue's path as one string literal"),
    call("macro_as_path", "concat!(\"{valid}\")", "concat", "expected the catalogue's path as one string literal"),
    call("two_paths", "\"{valid}\", \"{valid}\"", ",", "expected the catalogue's path as one string literal"),
    call("no_path", "", "::error_codes::include_errors!()", "expected the catalogue's path as one string literal"),
    call("empty_path", "\"\"", "\"\"", "the path is empty"),
    call("absolute_path", "\"{absolute}\"", "\"{absolute}\"", "is an absolute path"),
    good_call("parent_folder_path", "\"../shared/errors.yaml\""),
    good_call("raw_string_path", "r\"{valid}\""),
];

/// Every class of bad `#[derive(ErrorCode)]` input, as `(name, case)`: the
/// trybuild case `tests/ui/derive/<case>.rs` shows it, and its `.stderr`
/// holds the exact errors (`tests/ui.rs` compiles it).
pub const DERIVE_CLASSES: &[(&str, &str)] = &[
    ("derive_on_struct_or_union", "not_an_enum"),
    ("derive_on_generic_enum", "generic"),
    ("variant_with_fields", "fields"),
    ("attribute_on_the_enum", "enum_attribute"),
    ("variant_without_attribute", "missing_attribute"),
    ("missing_status_or_message", "missing_keys"),
    ("malformed_attribute", "malformed"),
    ("key_given_twice", "duplicate_key"),
    ("unknown_attribute_key", "unknown_key"),
    ("status_not_an_error_status", "status_out_of_range"),
    ("empty_or_non_string_text", "empty_text"),
    ("code_with_whitespace_or_control", "invalid_code"),
    ("hidden_characters_in_text", "hidden_characters"),
    ("derive_duplicate_code", "duplicate_code"),
    ("retry_not_never_or_backoff", "retry"),
    ("several_problems_at_once", "all_problems_at_once"),
];

impl FileClass {
    /// Puts the class's input at `path`, replacing whatever is there.
    ///
    /// # Panics
    /// If the file system refuses.
    pub fn create(&self, path: &std::path::Path) {
        use std::fs;
        if let Ok(metadata) = fs::symlink_metadata(path) {
            if metadata.is_dir() {
                fs::remove_dir_all(path).expect("remove an old case folder");
            } else {
                make_readable(path);
                fs::remove_file(path).expect("remove an old case file");
            }
        }
        let bytes = match self.input {
            Text(text) => text.as_bytes().to_vec(),
            Bytes(bytes) => bytes.to_vec(),
            Built(build) => build(),
            Missing => return,
            Folder => {
                fs::create_dir_all(path).expect("create the case folder");
                return;
            }
            Unreadable => VALID.as_bytes().to_vec(),
        };
        fs::write(path, bytes)
            .unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
        if matches!(self.input, Unreadable) {
            set_mode(path, 0o000);
        }
    }
}

/// Gives `path` back its read permission, if it is a file that lost it.
pub fn make_readable(path: &std::path::Path) {
    if std::fs::symlink_metadata(path).is_ok_and(|metadata| metadata.is_file()) {
        set_mode(path, 0o644);
    }
}

/// Sets the permission bits of `path` to `mode` (nothing where there are no
/// Unix permissions).
///
/// # Panics
/// If the file system refuses.
#[cfg(unix)]
pub fn set_mode(path: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .unwrap_or_else(|error| panic!("cannot chmod {}: {error}", path.display()));
}

/// Sets the permission bits of `path` to `mode` (nothing where there are no
/// Unix permissions).
#[cfg(not(unix))]
pub fn set_mode(_path: &std::path::Path, _mode: u32) {}
