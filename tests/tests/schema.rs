//! `errors.schema.json`, the JSON Schema editors validate `errors.yaml` with:
//! checked by a real validator (`jsonschema`, pinned in `tests/tools/`) on
//! every valid catalogue and on structural mistakes, and kept in step with
//! the loader, which stays the authority.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use error_codes_gen::Catalog;
use error_codes_tests::{python, target_dir, workspace_root};
use serde_json::{Value, json};

fn schema() -> Value {
    let path = workspace_root().join("error-codes-gen/errors.schema.json");
    let text = fs::read_to_string(&path).expect("error-codes-gen/errors.schema.json");
    serde_json::from_str(&text).expect("the schema is JSON")
}

/// The levels of the file format: where each lives in the schema, and the
/// unknown key the loader names when it finds one there.
const LEVELS: [(&str, &str); 7] = [
    ("the catalogue", "/properties"),
    ("a status", "/$defs/statusEntry/properties"),
    ("a code", "/$defs/codeEntry/anyOf/1/properties"),
    ("a removed code", "/$defs/tombstone/properties"),
    ("a type", "/$defs/typeEntry/properties"),
    ("a param", "/$defs/paramEntry/anyOf/1/properties"),
    ("the body", "/$defs/body/anyOf/1/properties"),
];

/// The keys the schema allows at a level, and those it requires.
fn schema_keys(pointer: &str) -> (Vec<String>, Vec<String>) {
    let schema = schema();
    let properties = schema
        .pointer(pointer)
        .and_then(Value::as_object)
        .unwrap_or_else(|| panic!("no properties at {pointer}"));
    let object = schema
        .pointer(pointer.strip_suffix("/properties").unwrap())
        .unwrap();
    let required = object["required"]
        .as_array()
        .map(|keys| {
            keys.iter()
                .map(|k| k.as_str().unwrap().to_owned())
                .collect()
        })
        .unwrap_or_default();
    (properties.keys().cloned().collect(), required)
}

/// A value the loader accepts for `key` at `level`.
fn sample(level: &str, key: &str) -> &'static str {
    match (level, key) {
        ("the body", "code") => "error.code",
        ("the body", "message") => "error.message",
        ("the body", "details") => "error.details",
        ("the body", "status") => "error.status",
        ("the body", "docs") => "error.doc_url",
        ("the body", "title") => "error.title",
        ("the body", "code_type") => "string",
        ("the body", "content_type") => "application/vnd.example+json",
        ("the catalogue" | "a code", "docs") => "https://docs.example.com/errors/{code}",
        ("a code", "name") => "BadToken",
        ("a code", "title") => "Invalid token",
        ("the catalogue", "title") => "Errors",
        ("the catalogue", "name") => "Failure",
        ("the catalogue", "outputs") => "[typescript, python, go]",
        ("a status", "title") => "Not Authorised",
        ("a status", "name") => "AuthError",
        ("a removed code", "status") => "401",
        ("the catalogue", "types") | ("a code", "params") => "{}",
        ("a status" | "a code", "retry") => "backoff",
        ("a type", "fields") => "{field: string, reason: {type: string, optional: true}}",
        ("a param", "type") => "integer",
        ("a param", "optional") => "true",
        ("a param", "example") => "60",
        (_, "version" | "since") => "1.2.0",
        ("a code", "resolution") => "Copy the token again from the dashboard.",
        (_, "description") => "What this is about.",
        (_, "message") => "The token is invalid.",
        (_, "deprecated") => "Use invalid_token.",
        (_, "reason") => "Replaced by invalid_token.",
        _ => panic!("no sample value for `{key}` in {level}: teach this test the new key"),
    }
}

/// A catalogue with `keys[i]` at level `i` of [`LEVELS`]: a body layout,
/// one type, one status 401 with one long-form code with one long-form
/// param, and one tombstone. `edit` adds a key or replaces a key's value:
/// `(level, key, value as YAML)`.
fn catalogue(keys: &[Vec<String>; 7], edit: Option<(usize, &str, &str)>) -> String {
    let [top, status, code, tombstone, ty, param, body] = keys;
    let mut yaml = String::new();
    // `key: value` at `level`, the value edited or else a sample.
    let field = |yaml: &mut String, level: usize, key: &str| {
        let indent = ["", "    ", "        ", "    ", "    ", "            ", "  "][level];
        let value = match edit {
            Some((at, edited, value)) if at == level && edited == key => value,
            _ => sample(LEVELS[level].0, key),
        };
        let _ = writeln!(yaml, "{indent}{key}: {value}");
    };
    // The key `edit` adds, if it adds one at `level`.
    let added = |yaml: &mut String, level: usize, keys: &[String]| {
        if let Some((at, key, _)) = edit
            && at == level
            && !keys.iter().any(|known| known == key)
        {
            field(yaml, level, key);
        }
    };
    for key in top {
        match key.as_str() {
            "statuses" => {
                yaml.push_str("statuses:\n  401:\n");
                for key in status {
                    if key == "codes" {
                        yaml.push_str("    codes:\n      invalid_token:\n");
                        for key in code {
                            if key == "params" {
                                yaml.push_str("        params:\n          limit:\n");
                                for key in param {
                                    field(&mut yaml, 5, key);
                                }
                                added(&mut yaml, 5, param);
                            } else {
                                field(&mut yaml, 2, key);
                            }
                        }
                        added(&mut yaml, 2, code);
                    } else {
                        field(&mut yaml, 1, key);
                    }
                }
                added(&mut yaml, 1, status);
            }
            "types" => {
                yaml.push_str("types:\n  FieldViolation:\n");
                for key in ty {
                    field(&mut yaml, 4, key);
                }
                added(&mut yaml, 4, ty);
            }
            // The layout, unless the edit gives `body:` another value.
            "body" if !matches!(edit, Some((0, "body", _))) => {
                yaml.push_str("body:\n");
                for key in body {
                    field(&mut yaml, 6, key);
                }
                added(&mut yaml, 6, body);
            }
            "removed" => {
                yaml.push_str("removed:\n  legacy_auth_failed:\n");
                for key in tombstone {
                    field(&mut yaml, 3, key);
                }
                added(&mut yaml, 3, tombstone);
            }
            key => field(&mut yaml, 0, key),
        }
    }
    added(&mut yaml, 0, top);
    yaml
}

fn every_key() -> [Vec<String>; 7] {
    LEVELS.map(|(_, pointer)| schema_keys(pointer).0)
}

/// The keys a loader diagnostic lists after "expected one of".
fn expected_keys(message: &str) -> Vec<String> {
    let list = message
        .split_once("expected one of ")
        .map(|(_, list)| list)
        .or_else(|| message.split_once("expected ").map(|(_, key)| key))
        .unwrap_or_else(|| panic!("no list of keys in {message:?}"));
    list.split(", ")
        .map(|key| key.trim().trim_matches('`').to_owned())
        .collect()
}

/// At every level, the keys the loader knows (as its diagnostic for an
/// unknown key lists them) are exactly the schema's properties there.
#[test]
fn schema_and_loader_know_the_same_keys() {
    let keys = every_key();
    for (level, (what, pointer)) in LEVELS.iter().enumerate() {
        let yaml = catalogue(&keys, Some((level, "zz_not_a_key", "x")));
        let error = Catalog::from_yaml(&yaml, "errors.yaml").expect_err(&yaml);
        let message = error
            .diagnostics()
            .iter()
            .map(ToString::to_string)
            .find(|message| message.contains("`zz_not_a_key`"))
            .unwrap_or_else(|| panic!("the unknown key is not reported:\n{error}\n{yaml}"));
        assert!(message.contains(&format!("in {what}:")), "{message}");
        let mut loader = expected_keys(message.lines().next().unwrap());
        let mut schema = schema_keys(pointer).0;
        loader.sort();
        schema.sort();
        assert_eq!(loader, schema, "keys of {what}: loader vs schema {pointer}");
    }
}

/// A catalogue with every key the schema allows loads; leaving out one key
/// fails to load exactly when the schema requires it.
#[test]
fn schema_and_loader_agree_on_what_is_required() {
    let keys = every_key();
    let full = catalogue(&keys, None);
    Catalog::from_yaml(&full, "errors.yaml").unwrap_or_else(|error| panic!("{error}\n{full}"));

    for (level, (what, pointer)) in LEVELS.iter().enumerate() {
        let required = schema_keys(pointer).1;
        for key in &keys[level] {
            let mut fewer = keys.clone();
            fewer[level].retain(|other| other != key);
            let yaml = catalogue(&fewer, None);
            let loaded = Catalog::from_yaml(&yaml, "errors.yaml");
            assert_eq!(
                loaded.is_err(),
                required.contains(key),
                "`{key}` of {what}: the schema {} it, the loader {}\n{yaml}",
                if required.contains(key) {
                    "requires"
                } else {
                    "does not require"
                },
                if loaded.is_err() {
                    "rejects its absence"
                } else {
                    "accepts its absence"
                },
            );
        }
    }
}

/// What a user may write where a value belongs, as YAML.
const VALUES: [&str; 10] = [
    "12", "1.5", "true", "\"text\"", "\"\"", "\"  \"", "null", "[a]", "{a: b}", "{}",
];

/// Differential: at every key of every level, and for the containers, their
/// entries and their keys, the schema accepts a value exactly when the
/// loader does. (Rules a schema cannot state, such as Rust keywords, names
/// that collide, or duplicate codes, are the loader's alone and not tried.)
#[test]
fn schema_and_loader_agree_on_every_value() {
    let keys = every_key();
    let mut catalogues: Vec<String> = Vec::new();
    for (level, level_keys) in keys.iter().enumerate() {
        for key in level_keys {
            if matches!(
                key.as_str(),
                "statuses" | "codes" | "removed" | "types" | "fields" | "params"
            ) {
                continue; // Containers, below.
            }
            // An example's type is the loader's rule alone: the schema
            // cannot see the param's type.
            if key == "example" {
                continue;
            }
            for value in VALUES {
                catalogues.push(catalogue(&keys, Some((level, key, value))));
            }
        }
    }
    for value in VALUES {
        catalogues.extend([
            format!("title: T\nstatuses: {value}\n"),
            format!("title: T\nstatuses:\n  401: {value}\n"),
            format!("title: T\nstatuses:\n  401:\n    codes: {value}\n"),
            format!("title: T\nstatuses:\n  401:\n    codes:\n      a: {value}\n"),
            format!("title: T\nstatuses: {{}}\nremoved: {value}\n"),
            format!("title: T\nstatuses: {{}}\nremoved:\n  a: {value}\n"),
            format!("title: T\nstatuses: {{}}\ntypes: {value}\n"),
            format!("title: T\nstatuses: {{}}\ntypes:\n  A: {value}\n"),
            format!("title: T\nstatuses: {{}}\ntypes:\n  A:\n    fields: {value}\n"),
            format!("title: T\nstatuses: {{}}\ntypes:\n  A:\n    fields:\n      f: {value}\n"),
            format!("title: T\nstatuses:\n  401:\n    codes:\n      a:\n        message: A.\n        params: {value}\n"),
            format!("title: T\nstatuses:\n  401:\n    codes:\n      a:\n        message: A.\n        params:\n          p: {value}\n"),
        ]);
    }
    for outputs in [
        "[markdown]",
        "[go, python, openapi, markdown, typescript]",
        "[]",
        "[go, go]",
        "[rust]",
        "[Python]",
        "python",
        "{python: true}",
        "[[python]]",
        "",
    ] {
        catalogues.push(format!("title: T\noutputs: {outputs}\nstatuses: {{}}\n"));
    }
    catalogues.extend(details_catalogues());
    catalogues.extend(body_catalogues());
    for code in [
        "a-b",
        "a.b",
        "A1",
        "\"a b\"",
        "\"\"",
        "é",
        "a/b",
        "auth/invalid-email",
        "storage:quota",
        "a;b",
    ] {
        catalogues.push(format!(
            "title: T\nstatuses:\n  401:\n    codes:\n      {code}: A.\n"
        ));
        catalogues.push(format!(
            "title: T\nstatuses: {{}}\nremoved:\n  {code}:\n    status: 401\n"
        ));
    }

    let dir = target_dir().join("tests-schema").join("differential");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let mut cases = Vec::new();
    let mut accepted = 0;
    for (n, yaml) in catalogues.iter().enumerate() {
        let file = dir.join(format!("{n:03}.yaml"));
        fs::write(&file, yaml).unwrap();
        let valid = Catalog::from_yaml(yaml, "errors.yaml").is_ok();
        accepted += usize::from(valid);
        // A rejection for any reason: the loader's reasons are its own words.
        cases.push(json!({ "file": file, "valid": valid, "expect": "" }));
    }
    // Both verdicts occur often, so agreement means something.
    assert!(
        accepted > 40 && cases.len() - accepted > 80,
        "{accepted} of {}",
        cases.len()
    );
    check("differential", &cases);
}

/// Catalogues with the types a param may be written as, the names of params
/// and types, and statuses, right and wrong.
fn details_catalogues() -> Vec<String> {
    let mut catalogues = Vec::new();
    for ty in [
        "string",
        "integer",
        "number",
        "boolean",
        "[string]",
        "[[integer]]",
        "A",
        "[A]",
        "[A, A]",
        "[]",
        "float",
        "\"[A]\"",
    ] {
        catalogues.push(format!(
            "title: T\ntypes:\n  A:\n    fields: {{f: string}}\nstatuses:\n  401:\n    codes:\n      a:\n        message: A.\n        params:\n          p: {ty}\n"
        ));
    }
    for name in [
        "retry_after",
        "retryAfter",
        "a1",
        "9a",
        "_a",
        "a-b",
        "\"a b\"",
        "é",
    ] {
        catalogues.push(format!(
            "title: T\nstatuses:\n  401:\n    codes:\n      a:\n        message: A.\n        params:\n          {name}: string\n"
        ));
    }
    for name in ["FieldViolation", "A1", "lower", "A_B", "9A", "\"A B\""] {
        catalogues.push(format!(
            "title: T\nstatuses: {{}}\ntypes:\n  {name}:\n    fields: {{f: string}}\n"
        ));
    }
    // Statuses with a standard reason phrase: others need a `title:`, which
    // the schema does not know to ask for.
    for status in [
        "401", "\"401\"", "503", "0401", "4xx", "302", "600", "401.0", "40",
    ] {
        catalogues.push(format!("title: T\nstatuses:\n  {status}: {{}}\n"));
        // JSON has one kind of number: a tombstone's `401.0` is 401 there.
        if status != "401.0" {
            catalogues.push(format!(
                "title: T\nstatuses: {{}}\nremoved:\n  a:\n    status: {status}\n"
            ));
        }
    }
    catalogues
}

/// Catalogues with layouts, presets, integer codes and docs URLs, right and
/// wrong.
fn body_catalogues() -> Vec<String> {
    let mut catalogues = Vec::new();
    for details in [
        "error.*",
        "'*'",
        "a.*.b",
        "'*.a'",
        "error..x",
        "'$e.@x-y'",
        "error.*.*",
        "x.y.z",
    ] {
        catalogues.push(format!(
            "title: T\nbody:\n  code: c\n  message: m\n  details: {details}\nstatuses: {{}}\n"
        ));
    }
    for content_type in [
        "application/problem+json",
        "application/vnd.example+json",
        "json",
        "\"a/b c\"",
        "a/b/c",
    ] {
        catalogues.push(format!(
            "title: T\nbody:\n  code: c\n  message: m\n  content_type: {content_type}\nstatuses: {{}}\n"
        ));
    }
    for preset in ["problem", "problme", "\"\""] {
        catalogues.push(format!(
            "title: T\nbody: {preset}\ndocs: https://x.example/{{code}}\nstatuses:\n  401:\n    codes:\n      a: A.\n"
        ));
    }
    // Problem details need every code's docs URL.
    catalogues.extend([
        "title: T\nbody: problem\nstatuses:\n  401:\n    codes:\n      a: A.\n".to_owned(),
        "title: T\nbody: problem\nstatuses:\n  401:\n    codes:\n      a:\n        message: A.\n        docs: https://x.example/a\n".to_owned(),
        "title: T\nbody: problem\nstatuses:\n  401:\n    codes:\n      a:\n        message: A.\n        docs: https://x.example/a\n      b: B.\n".to_owned(),
        "title: T\nbody: problem\nstatuses:\n  401: {}\n".to_owned(),
    ]);
    // Integer codes, each with a name.
    for code in [
        "131047",
        "0",
        "\"0123\"",
        "\"-1\"",
        "abc",
        "1.5",
        "9007199254740991",
        // Sixteen digits above 2^53 - 1 pass the schema's pattern; only the
        // loader knows the bound.
        "99999999999999999999",
    ] {
        catalogues.push(format!(
            "title: T\nbody:\n  code: code\n  message: message\n  code_type: integer\nstatuses:\n  401:\n    codes:\n      {code}:\n        name: A\n        message: A.\n"
        ));
    }
    for docs in [
        "https://x.example/{code}",
        "http://x.example/{status}/{code}",
        "https://{code}.example",
        "https://x.example/{slug}",
        "https://x.example/{code",
        "https://x.example/code}",
        "ftp://x.example",
        "/errors/{code}",
        "https://",
        "\"https://x.example/a b\"",
    ] {
        catalogues.push(format!(
            "title: T\ndocs: {docs}\nstatuses:\n  401:\n    codes:\n      a: A.\n"
        ));
        catalogues.push(format!(
            "title: T\nstatuses:\n  401:\n    codes:\n      a:\n        message: A.\n        docs: {docs}\n"
        ));
    }
    catalogues
}

/// Every catalogue the loader accepts among the workspace's files: the seed,
/// the starter `error-codes init` writes, the fixtures (the real-world body
/// layouts too) and the trybuild pass cases' catalogues.
fn valid_catalogues() -> Vec<PathBuf> {
    let mut files = vec![
        workspace_root().join("errors.yaml"),
        workspace_root().join("error-codes-cli/src/starter.yaml"),
    ];
    for folder in ["tests/fixtures", "tests/fixtures/bodies", "tests/ui/pass"] {
        let folder = workspace_root().join(folder);
        if !folder.is_dir() {
            continue;
        }
        let mut found: Vec<PathBuf> = fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
            .filter(|path| Catalog::load(path).is_ok())
            .collect();
        found.sort();
        files.extend(found);
    }
    files
}

/// Runs `check_schema.py` on `cases` (`{file, valid, expect}`).
fn check(name: &str, cases: &[Value]) {
    let dir = target_dir().join("tests-schema");
    fs::create_dir_all(&dir).unwrap();
    let cases_file = dir.join(format!("{name}.json"));
    fs::write(&cases_file, serde_json::to_vec_pretty(cases).unwrap()).unwrap();
    let schema = workspace_root().join("error-codes-gen/errors.schema.json");
    let printed = python::run_passing_script("check_schema.py", &[&schema, &cases_file]);
    assert_eq!(
        printed.lines().count(),
        cases.len(),
        "one line per case\n{printed}"
    );
    println!("{printed}");
}

#[test]
fn every_valid_catalogue_passes_the_schema() {
    let files = valid_catalogues();
    let names: Vec<String> = files
        .iter()
        .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for expected in [
        "errors.yaml",
        "hostile.yaml",
        "lifecycle.yaml",
        "no-codes.yaml",
    ] {
        assert!(
            names.iter().any(|name| name == expected),
            "{expected} is not among {names:?}"
        );
    }
    let cases: Vec<Value> = files
        .iter()
        .map(|file| json!({ "file": file, "valid": true, "expect": "" }))
        .collect();
    check("valid", &cases);
}

/// Structural mistakes: each is rejected by the schema, for the stated
/// reason, and by the loader too.
#[test]
fn the_schema_rejects_structural_mistakes() {
    const GOOD: &str = "title: T\nstatuses:\n  401:\n    codes:\n      invalid_token: Invalid.\n";
    // (name, catalogue, what the validator's message or path must mention)
    let cases: [(&str, String, &str); 16] = [
        (
            "unknown_top_key",
            format!("{GOOD}colour: blue\n"),
            "'colour' was unexpected",
        ),
        (
            "unknown_status_key",
            GOOD.replace("    codes:", "    descripton: x\n    codes:"),
            "'descripton' was unexpected",
        ),
        (
            "unknown_code_key",
            GOOD.replace("Invalid.", "\n        mesage: Invalid."),
            "'mesage' was unexpected",
        ),
        (
            "unknown_tombstone_key",
            format!("{GOOD}removed:\n  old:\n    status: 401\n    why: x\n"),
            "'why' was unexpected",
        ),
        (
            "status_with_four_digits",
            GOOD.replace("401:", "0401:"),
            "'0401' does not match",
        ),
        (
            "status_with_letters",
            GOOD.replace("401:", "4xx:"),
            "'4xx' does not match",
        ),
        (
            "status_out_of_range",
            GOOD.replace("401:", "302:"),
            "'302' does not match",
        ),
        (
            "code_with_a_space",
            GOOD.replace("invalid_token:", "\"invalid token\":"),
            "'invalid token' does not match",
        ),
        (
            "message_a_list",
            GOOD.replace("Invalid.", "[a, b]"),
            "statuses/401/codes/invalid_token",
        ),
        (
            "title_a_mapping",
            GOOD.replace("title: T", "title: {a: b}"),
            "title",
        ),
        (
            "statuses_a_list",
            "title: T\nstatuses: [401]\n".to_owned(),
            "is not of type 'object'",
        ),
        (
            "codes_a_list",
            GOOD.replace("      invalid_token: Invalid.", "      - invalid_token"),
            "is not of type 'object', 'null'",
        ),
        (
            "no_title",
            GOOD.replace("title: T\n", ""),
            "'title' is a required property",
        ),
        (
            "empty_message",
            GOOD.replace("Invalid.", "\"  \""),
            "does not match '\\\\S'",
        ),
        (
            "tombstone_without_status",
            format!("{GOOD}removed:\n  old:\n    reason: Gone.\n"),
            "'status' is a required property",
        ),
        (
            "name_not_an_identifier",
            GOOD.replace("title: T", "title: T\nname: Api Error"),
            "'Api Error' does not match",
        ),
    ];
    rejected("invalid", cases);
}

/// Mistakes in types, params and retry: each rejected by the schema, for
/// the stated reason, and by the loader too.
#[test]
fn the_schema_rejects_mistakes_in_details() {
    const DETAILS: &str = "title: T\ntypes:\n  V:\n    fields: {f: string}\nstatuses:\n  429:\n    codes:\n      wait:\n        message: Wait.\n        retry: after\n        params:\n          retry_after: integer\n";
    let cases = [
        (
            "unknown_param_key",
            DETAILS.replace(
                "retry_after: integer",
                "retry_after: {type: integer, optinal: true}",
            ),
            "'optinal' was unexpected",
        ),
        (
            "unknown_retry_word",
            DETAILS.replace("retry: after", "retry: later"),
            "'later' is not one of",
        ),
        (
            "a_list_of_two_types",
            DETAILS.replace(
                "retry_after: integer",
                "retry_after: integer\n          both: [V, V]",
            ),
            "is too long",
        ),
        (
            "param_name_with_a_dash",
            DETAILS.replace(
                "retry_after: integer",
                "retry_after: integer\n          retry-at: string",
            ),
            "'retry-at' does not match",
        ),
        (
            "type_without_fields",
            DETAILS.replace("    fields: {f: string}", "    description: A value."),
            "'fields' is a required property",
        ),
    ];
    rejected("invalid-details", cases);
}

/// Mistakes in the body's layout, integer codes, names and docs URLs: each
/// rejected by the schema, for the stated reason, and by the loader too.
fn body_mistakes() -> [(&'static str, String, &'static str); 10] {
    const LAYOUT: &str = "title: T\nbody:\n  code: error.code\n  message: error.message\nstatuses:\n  400:\n    codes:\n      bad:\n        message: Bad.\n";
    [
        (
            "unknown_body_key",
            LAYOUT.replace(
                "  message: error.message",
                "  message: error.message\n  colour: x",
            ),
            "'colour' was unexpected",
        ),
        (
            "unknown_preset",
            LAYOUT.replace(
                "body:\n  code: error.code\n  message: error.message",
                "body: problme",
            ),
            "'problem' was expected",
        ),
        (
            "body_without_message",
            LAYOUT.replace("  message: error.message\n", ""),
            "'message' is a required property",
        ),
        (
            "member_path_with_a_space",
            LAYOUT.replace("error.message", "\"error message\""),
            "'error message' does not match",
        ),
        (
            "star_not_at_the_end",
            LAYOUT.replace(
                "  message: error.message",
                "  message: error.message\n  details: a.*.b",
            ),
            "'a.*.b' does not match",
        ),
        (
            "unknown_code_type",
            LAYOUT.replace(
                "  message: error.message",
                "  message: error.message\n  code_type: number",
            ),
            "'number' is not one of",
        ),
        (
            "code_not_integer",
            LAYOUT.replace(
                "  message: error.message",
                "  message: error.message\n  code_type: integer",
            ),
            "'bad' does not match",
        ),
        (
            "name_not_an_identifier",
            LAYOUT.replace(
                "        message: Bad.",
                "        name: 2Bad\n        message: Bad.",
            ),
            "'2Bad' does not match",
        ),
        (
            "docs_unknown_placeholder",
            LAYOUT.replace("statuses:", "docs: https://x.example/{slug}\nstatuses:"),
            "'https://x.example/{slug}' does not match",
        ),
        (
            "problem_without_docs",
            LAYOUT.replace(
                "body:\n  code: error.code\n  message: error.message",
                "body: problem",
            ),
            "'docs' is a required property",
        ),
    ]
}

#[test]
fn the_schema_rejects_mistakes_in_the_body() {
    rejected("invalid-body", body_mistakes());
}

/// Checks that the loader and the schema both reject each case, the schema
/// for the reason given: `(name, catalogue, what its message must mention)`.
fn rejected<const N: usize>(name: &str, cases: [(&str, String, &str); N]) {
    let dir = target_dir().join("tests-schema").join(name);
    fs::create_dir_all(&dir).unwrap();
    let mut checks = Vec::new();
    for (case, yaml, expect) in cases {
        let file: PathBuf = dir.join(format!("{case}.yaml"));
        fs::write(&file, &yaml).unwrap();
        assert!(
            Catalog::load(Path::new(&file)).is_err(),
            "{case}: the loader accepts what the schema must reject:\n{yaml}"
        );
        checks.push(json!({ "file": file, "valid": false, "expect": expect }));
    }
    check(name, &checks);
}
