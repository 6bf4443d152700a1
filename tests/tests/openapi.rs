//! `generated/openapi.yaml`: snapshots, and real validators on the output.
//!
//! The end-to-end tests run `tests/tools/check_openapi.py` with the pinned
//! Python tools (`openapi-spec-validator` for `OpenAPI` 3.1, `jsonschema` for
//! JSON Schema 2020-12, `PyYAML`). They fail, never skip, when the tools cannot
//! be installed.

use std::fs;
use std::path::PathBuf;
use std::process::Output;

use error_codes_gen::{Catalog, openapi};
use error_codes_tests::{
    empty_catalogues, explained_catalog, fixture, hostile_catalog, lifecycle_catalog,
    openapi_expectation, python, seed_catalog, target_dir,
};
use serde_json::{Value, json};

#[test]
fn snapshot_seed() {
    insta::assert_snapshot!("seed", openapi::emit(&seed_catalog()));
}

#[test]
fn snapshot_hostile() {
    insta::assert_snapshot!("hostile", openapi::emit(&hostile_catalog()));
}

/// Types, params in both forms, placeholders and retry: statuses whose codes
/// all carry data, some do, and none does.
#[test]
fn snapshot_details() {
    insta::assert_snapshot!("details", openapi::emit(&details_catalog()));
}

#[test]
fn snapshot_lifecycle() {
    insta::assert_snapshot!("lifecycle", openapi::emit(&lifecycle_catalog()));
}

/// No statuses: `responses` is an empty mapping, not a null.
#[test]
fn snapshot_no_statuses() {
    let [_, (_, no_statuses)] = empty_catalogues();
    insta::assert_snapshot!("no_statuses", openapi::emit(&no_statuses));
}

/// The root `errors.yaml` as it was before params existed, and the document
/// it wrote then: a catalogue without `types:`, `params:` or `retry:` must
/// still write exactly those bytes.
#[test]
fn seed_1_0_writes_the_document_it_wrote_before_params() {
    let catalog = Catalog::load(&fixture("seed-1.0/errors.yaml")).unwrap();
    assert!(!catalog.has_details() && !catalog.has_retry());
    let expected = fs::read_to_string(fixture("seed-1.0/openapi.yaml")).unwrap();
    let written = openapi::emit(&catalog);
    let first_difference = written
        .lines()
        .zip(expected.lines())
        .position(|(written, expected)| written != expected);
    assert!(
        written == expected,
        "the seed 1.0 document changed, first at line {:?} (of {} written, {} expected)",
        first_difference.map(|index| index + 1),
        written.lines().count(),
        expected.lines().count(),
    );
}

#[test]
fn output_is_deterministic_and_starts_with_the_notice() {
    let catalog = seed_catalog();
    let yaml = openapi::emit(&catalog);
    assert_eq!(yaml, openapi::emit(&catalog.clone()));
    let first_line = yaml.lines().next().unwrap();
    assert_eq!(first_line, format!("# {}", catalog.generated_notice()));
    assert!(yaml.ends_with('\n') && !yaml.ends_with("\n\n"));
    assert!(!yaml.contains('\t') && !yaml.contains('\r'));
}

#[test]
fn hostile_text_stays_inside_its_scalars() {
    let yaml = openapi::emit(&hostile_catalog());
    // Only the characters a YAML 1.1 parser takes for line breaks split lines;
    // none may come from a message.
    for forbidden in ['\r', '\u{85}', '\u{2028}', '\u{2029}', '\u{feff}'] {
        assert!(!yaml.contains(forbidden), "raw {forbidden:?} in the output");
    }
    // Every line is `- `? then `key:`, `key: value` or a lone scalar, where
    // keys and values are fixed plain words or complete one-line quoted
    // scalars: text that broke out of its quotes would leave a line that is not.
    for line in yaml.lines().skip(1) {
        let indent = line.len() - line.trim_start_matches(' ').len();
        assert!(indent % 2 == 0, "odd indent: {line:?}");
        let item = line[indent..].strip_prefix("- ").unwrap_or(&line[indent..]);
        let (key, value) = match scalar_len(item) {
            Some(len) => item.split_at(len),
            None => item
                .split_once(':')
                .map_or((item, ""), |(key, rest)| (key, rest)),
        };
        let value = value
            .strip_prefix(':')
            .unwrap_or(value)
            .trim_start_matches(' ');
        assert!(
            scalar_len(key) == Some(key.len()) || is_plain_word(key),
            "bad key in {line:?}"
        );
        assert!(
            value.is_empty() || scalar_len(value) == Some(value.len()) || is_plain_word(value),
            "bad value in {line:?}"
        );
    }
}

/// The length of the double-quoted scalar `text` starts with, if it does.
fn scalar_len(text: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    if chars.next()?.1 != '"' {
        return None;
    }
    while let Some((at, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next()?;
            }
            '"' => return Some(at + 1),
            c if c.is_control() => return None,
            _ => {}
        }
    }
    None
}

/// Fixed syntax: keys like `application/json` or `$ref`, values like `3.1.0`.
fn is_plain_word(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "$/._{}[]".contains(c))
}

#[test]
fn seed_document_passes_the_validators() {
    let output = check("seed", &openapi::emit(&seed_catalog()), &seed_catalog());
    assert_passed(&output);
}

#[test]
fn hostile_document_passes_the_validators() {
    let output = check(
        "hostile",
        &openapi::emit(&hostile_catalog()),
        &hostile_catalog(),
    );
    assert_passed(&output);
}

/// Deprecated codes are annotated `deprecated: true`, with the note and the
/// `since` version in their descriptions.
#[test]
fn lifecycle_document_passes_the_validators() {
    let catalog = lifecycle_catalog();
    assert_passed(&check("lifecycle", &openapi::emit(&catalog), &catalog));
}

/// A code's description and resolution join its description, as
/// `CommonMark`; the document still passes every check.
#[test]
fn explained_document_passes_the_validators() {
    let catalog = explained_catalog();
    let yaml = openapi::emit(&catalog);
    // In a double-quoted YAML string, as the description's last paragraphs.
    assert!(yaml.contains(r"\n\n**Resolution:**\n\n1. Copy the token again from the dashboard."));
    assert_passed(&check("explained", &yaml, &catalog));
}

/// Each broken copy of a good document must fail the check, for the stated
/// reason: proof that a pass above means something.
#[test]
fn the_check_rejects_broken_documents() {
    let (seed, hostile) = (seed_catalog(), hostile_catalog());
    let [_, (_, no_statuses)] = empty_catalogues();
    let cases: [BrokenCase<'_>; 9] = [
        (
            "response_without_description",
            &seed,
            "\n      description: \"401 Unauthorized\"\n",
            "\n",
            "openapi-spec-validator rejects the document",
        ),
        (
            "example_with_foreign_code",
            &seed,
            "              value:\n                error: \"missing_auth_headers\"",
            "              value:\n                error: \"invalid_otp\"",
            "fails its schema",
        ),
        (
            "status_accepts_any_code",
            &seed,
            "          schema:\n            allOf:\n              - $ref: \"#/components/schemas/ErrorBody\"\n            properties:\n              error:\n                oneOf:\n                  - const: \"missing_auth_headers\"",
            "          schema:\n            allOf:\n              - $ref: \"#/components/schemas/ErrorBody\"\n            properties:\n              error:\n                anyOf:\n                  - $ref: \"#/components/schemas/ErrorCode\"\n                  - const: \"missing_auth_headers\"",
            "accepts the code",
        ),
        (
            // What a catalogue without statuses used to give: a null.
            "responses_null",
            &no_statuses,
            "\n  responses: {}\n",
            "\n  responses:\n",
            "openapi-spec-validator rejects the document",
        ),
        (
            // What the 400 response used to be: any catalogued code, and only those.
            "status_without_codes_limited_to_catalogued_codes",
            &seed,
            "          schema:\n            type: object\n            required:\n              - error\n              - message\n            properties:\n              error:\n                description: \"No codes are documented for this status yet, so this may be any string.\"\n                type: string\n              message:\n                type: string\n",
            "          schema:\n            $ref: \"#/components/schemas/ErrorBody\"\n",
            "response BadRequest rejects the undocumented code",
        ),
        (
            "message_changed",
            &seed,
            "\"Headers X-Token are missing.\"",
            "\"Headers X-Token are missing!\"",
            "response Unauthorized: codes",
        ),
        (
            // `\t` is a valid escape, so this parses, as a different message.
            "unescaped_backslash",
            &hostile,
            r"C:\\path\\to\\file",
            r"C:\\path\to\\file",
            ": codes:",
        ),
        (
            "unescaped_quote",
            &seed,
            "\"Generic authentication failure.\"",
            "\"Generic \"authentication\" failure.\"",
            "PyYAML cannot parse",
        ),
        (
            "code_order_changed",
            &seed,
            "        - \"missing_auth_headers\"\n        - \"invalid_token\"\n",
            "        - \"invalid_token\"\n        - \"missing_auth_headers\"\n",
            "all_codes",
        ),
    ];
    assert_rejected(&cases);
}

/// The lifecycle, broken: the check must notice a missing or misplaced
/// annotation, a lost note, and an annotation that is no valid schema.
#[test]
fn the_check_rejects_broken_lifecycles() {
    let lifecycle = lifecycle_catalog();
    let cases: [BrokenCase<'_>; 4] = [
        (
            "deprecation_not_annotated",
            &lifecycle,
            "\n                    deprecated: true\n                  - const: \"token_revoked\"",
            "\n                  - const: \"token_revoked\"",
            "'token_inactive': deprecated",
        ),
        (
            "current_code_annotated",
            &lifecycle,
            "invalid.\"\n                  - const: \"token_inactive\"",
            "invalid.\"\n                    deprecated: true\n                  - const: \"token_inactive\"",
            "'invalid_token': deprecated",
        ),
        (
            "deprecation_note_lost",
            &lifecycle,
            "\\n\\nDeprecated: Gone for good; stop retrying.\"",
            "\"",
            "'Gone for good; stop retrying.' is not in the description",
        ),
        (
            // A schema keyword with a value of the wrong type is no valid schema.
            "deprecated_not_a_boolean",
            &lifecycle,
            "deprecated: true",
            "deprecated: \"yes\"",
            "is not a 2020-12 schema",
        ),
    ];
    assert_rejected(&cases);
}

/// A good document broken by an edit: (name, catalogue, text to replace
/// everywhere, replacement, what the check's failure must mention).
type BrokenCase<'a> = (&'a str, &'a Catalog, &'a str, &'a str, &'a str);

/// Each broken copy of a good document fails the check, for the stated reason.
fn assert_rejected(cases: &[BrokenCase<'_>]) {
    for &(name, catalog, from, to, reason) in cases {
        let good = openapi::emit(catalog);
        assert!(good.contains(from), "{name}: the edit does not apply");
        // Every occurrence, so a changed message is consistent within the document.
        let broken = good.replace(from, to);
        let output = check(&format!("broken-{name}"), &broken, catalog);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            !output.status.success() && stderr.contains(reason),
            "{name}: expected a failure mentioning {reason:?}, got {}\n{}",
            output.status,
            describe(&output),
        );
    }
}

/// Writes the document and the catalogue it must carry into a scratch folder
/// and runs `check_openapi.py` on them.
fn check(name: &str, yaml: &str, catalog: &Catalog) -> Output {
    check_with_bodies(name, yaml, catalog, None)
}

/// [`check`], and the real bodies of `bodies` (see `check_openapi.py`)
/// against their responses' schemas.
fn check_with_bodies(name: &str, yaml: &str, catalog: &Catalog, bodies: Option<&Value>) -> Output {
    let dir: PathBuf = target_dir().join("tests-openapi").join(name);
    fs::create_dir_all(&dir).unwrap();
    let document = dir.join("openapi.yaml");
    let expected = dir.join("expected.json");
    fs::write(&document, yaml).unwrap();
    fs::write(
        &expected,
        serde_json::to_vec_pretty(&openapi_expectation(catalog)).unwrap(),
    )
    .unwrap();
    let mut args = vec![document.as_path(), expected.as_path()];
    let bodies_path = dir.join("bodies.json");
    if let Some(bodies) = bodies {
        fs::write(&bodies_path, serde_json::to_vec_pretty(bodies).unwrap()).unwrap();
        args.push(&bodies_path);
    }
    python::run_script("check_openapi.py", &args)
}

fn assert_passed(output: &Output) {
    assert!(
        output.status.success(),
        "check_openapi.py failed\n{}",
        describe(output)
    );
    println!("{}", String::from_utf8_lossy(&output.stdout));
}

fn describe(output: &Output) -> String {
    format!(
        "--- stdout\n{}--- stderr\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The edges the seed and hostile catalogues miss: no version, no description,
/// no codes at all (an empty `enum`), no statuses at all (no responses), and
/// the characters outside YAML's printable set that a catalogue may hold (the
/// loader refuses control characters), which must travel as escapes.
#[test]
fn edge_catalogues_pass_the_validators() {
    let [(_, no_codes), (_, no_statuses)] = empty_catalogues();
    let controls = Catalog::from_yaml(
        concat!(
            "title: \"Non-printables \\uFEFF\"\n",
            "statuses:\n",
            "  500:\n",
            "    description: \"bom \\uFEFF line separator \\u2028 end\"\n",
            "    codes:\n",
            "      non_characters: \"\\uFFFE and \\uFFFF and private \\uE000\"\n",
        ),
        "controls.yaml",
    )
    .unwrap();
    for catalog in [&no_codes, &no_statuses] {
        assert!(openapi::emit(catalog).contains("\n      enum: []\n"));
    }
    assert!(openapi::emit(&no_statuses).ends_with("\n  responses: {}\n"));
    assert!(openapi::emit(&controls).contains(r"\uFFFE and \uFFFF and private "));
    assert!(openapi::emit(&controls).contains(r"bom \uFEFF line separator \L end"));
    let cases = [
        ("no-codes", &no_codes),
        ("no-statuses", &no_statuses),
        ("controls", &controls),
    ];
    for (name, catalog) in cases {
        assert_passed(&check(name, &openapi::emit(catalog), catalog));
    }
}

/// `tests/fixtures/details-shapes.yaml`: types, params, placeholders and
/// retry, in every shape a response can take.
fn details_catalog() -> Catalog {
    Catalog::load(&fixture("details-shapes.yaml")).unwrap_or_else(|error| panic!("{error}"))
}

/// Bodies as a server built on `details-shapes.yaml` sends them (the wire of
/// DESIGN.md, "Parameters and details"), and bodies no such server sends:
/// `(response, body, valid, why)`. Written out here rather than serialized by
/// the Rust types, so that the document is checked against the wire format
/// itself.
fn details_bodies() -> Value {
    let accepted = accepted_bodies().into_iter().map(|case| (case, true));
    let rejected = rejected_bodies().into_iter().map(|case| (case, false));
    accepted
        .chain(rejected)
        .map(|((response, body, why), valid)| {
            json!({"response": response, "body": body, "valid": valid, "why": why})
        })
        .collect()
}

/// A real body: (response, body, what it shows).
type Body = (&'static str, Value, &'static str);

/// What a server of `details-shapes.yaml` sends, or a newer one may.
fn accepted_bodies() -> Vec<Body> {
    vec![
        (
            "TooManyRequests",
            json!({"error": "otp_wait_required", "message": "You must wait 30 seconds before requesting another OTP.", "details": {"retry_after": 30}}),
            "a code with one param",
        ),
        (
            "TooManyRequests",
            json!({"error": "rate_limit_exceeded", "message": "You have exceeded the global rate limit. Slow down.", "details": {"retry_after": 5, "limit": 60}}),
            "an optional param present",
        ),
        (
            "TooManyRequests",
            json!({"error": "rate_limit_exceeded", "message": "You have exceeded the global rate limit. Slow down.", "details": {"retry_after": 5}}),
            "an optional param left out",
        ),
        (
            "TooManyRequests",
            json!({"error": "too_many_sessions", "message": "You have too many open sessions."}),
            "a code without params beside codes with them",
        ),
        (
            "TooManyRequests",
            json!({"error": "otp_wait_required", "message": "You must wait 30 seconds before requesting another OTP.", "details": {"retry_after": 30, "channel": "sms"}}),
            "a param a newer server added",
        ),
        (
            "UnprocessableEntity",
            json!({"error": "validation_error", "message": "One or more inputs failed validation.", "details": {"violations": [
                {"field": "url", "reason": "must not be empty"},
                {"field": "amount", "reason": "out of range", "limits": {"min": 1, "max": 100.5}},
            ]}}),
            "a list of objects of a type, one with a nested type",
        ),
        (
            "UnprocessableEntity",
            json!({"error": "validation_error", "message": "One or more inputs failed validation.", "details": {"violations": []}}),
            "an empty list",
        ),
        (
            "UnprocessableEntity",
            json!({"error": "amount_out_of_range", "message": "The amount 7 is outside {min, max}; balance known: false.", "details": {"amount": 7, "known": false, "on": "x", "grid": [[1, 2], []]}}),
            "an integral number, a boolean, a list of lists",
        ),
        (
            "BadGateway",
            json!({"error": "send_message_failed", "message": "Failed to send message."}),
            "a code without params",
        ),
    ]
}

/// What no server of `details-shapes.yaml` sends: details missing or wrong.
fn rejected_bodies() -> Vec<Body> {
    vec![
        (
            "TooManyRequests",
            json!({"error": "otp_wait_required", "message": "You must wait 30 seconds before requesting another OTP."}),
            "details missing",
        ),
        (
            "TooManyRequests",
            json!({"error": "otp_wait_required", "message": "You must wait 30 seconds before requesting another OTP.", "details": null}),
            "details null",
        ),
        (
            "TooManyRequests",
            json!({"error": "otp_wait_required", "message": "You must wait  seconds before requesting another OTP.", "details": {}}),
            "a required param missing",
        ),
        (
            "TooManyRequests",
            json!({"error": "otp_wait_required", "message": "You must wait 30 seconds before requesting another OTP.", "details": {"retry_after": "30"}}),
            "an integer sent as a string",
        ),
        (
            "TooManyRequests",
            json!({"error": "otp_wait_required", "message": "You must wait 2.5 seconds before requesting another OTP.", "details": {"retry_after": 2.5}}),
            "an integer sent as a fraction",
        ),
        (
            "TooManyRequests",
            json!({"error": "rate_limit_exceeded", "message": "You have exceeded the global rate limit. Slow down.", "details": {"retry_after": 5, "limit": null}}),
            "an optional param sent as null",
        ),
        (
            "TooManyRequests",
            json!({"error": "too_many_sessions", "message": "You have too many open sessions.", "details": "none"}),
            "details that are not an object",
        ),
        (
            "UnprocessableEntity",
            json!({"error": "validation_error", "message": "One or more inputs failed validation.", "details": {"violations": [{"field": "url"}]}}),
            "a type's required field missing",
        ),
        (
            "UnprocessableEntity",
            json!({"error": "validation_error", "message": "One or more inputs failed validation.", "details": {"violations": {"field": "url", "reason": "empty"}}}),
            "an object where a list belongs",
        ),
        (
            "UnprocessableEntity",
            json!({"error": "validation_error", "message": "One or more inputs failed validation.", "details": {"violations": [{"field": "amount", "reason": "out of range", "limits": {"min": "1"}}]}}),
            "a nested type's field mistyped",
        ),
        (
            "UnprocessableEntity",
            json!({"error": "amount_out_of_range", "message": "The amount 7 is outside {min, max}; balance known: no.", "details": {"amount": 7, "known": "no", "grid": [[1]]}}),
            "a boolean sent as a string",
        ),
        (
            "UnprocessableEntity",
            json!({"error": "amount_out_of_range", "message": "The amount 7 is outside {min, max}; balance known: true.", "details": {"amount": 7, "known": true, "grid": [1]}}),
            "a list where a list of lists belongs",
        ),
        (
            "UnprocessableEntity",
            json!({"error": "otp_wait_required", "message": "You must wait 30 seconds before requesting another OTP.", "details": {"retry_after": 30}}),
            "another status's code, with its details",
        ),
    ]
}

/// The document of a catalogue with types, params and retry passes the
/// validators, and its response schemas accept exactly the real bodies they
/// must.
#[test]
fn details_document_passes_the_validators_and_checks_real_bodies() {
    let catalog = details_catalog();
    let output = check_with_bodies(
        "details",
        &openapi::emit(&catalog),
        &catalog,
        Some(&details_bodies()),
    );
    assert_passed(&output);
}

/// A catalogue that gives retry advice but no params: every code's
/// description says how to retry, and nothing else changes.
#[test]
fn retry_without_details_passes_the_validators() {
    let catalog = Catalog::from_yaml(
        concat!(
            "title: Retry only\n",
            "statuses:\n",
            "  401:\n",
            "    codes:\n",
            "      invalid_token: The API Token provided is invalid.\n",
            "  502:\n",
            "    retry: backoff\n",
            "    codes:\n",
            "      send_message_failed: Failed to send message.\n",
        ),
        "errors.yaml",
    )
    .unwrap();
    let yaml = openapi::emit(&catalog);
    assert!(!yaml.contains("details") && !yaml.contains("Retry-After"));
    assert!(yaml.contains("\"Failed to send message.\\n\\nRetry with exponential backoff.\""));
    assert_passed(&check("retry-only", &yaml, &catalog));
}

/// The details document, broken: the check must notice each thing a reader
/// or a validating client relies on.
#[test]
fn the_check_rejects_broken_details() {
    let details = details_catalog();
    let cases: [BrokenCase<'_>; 10] = [
        (
            "details_not_required",
            &details,
            "                required:\n                  - details\n",
            "",
            "accepts a body without details",
        ),
        (
            "param_retyped",
            &details,
            "                      \"on\":\n                        type: string\n",
            "                      \"on\":\n                        type: boolean\n",
            "details: on: type",
        ),
        (
            "param_not_required",
            &details,
            "                    required:\n                      - \"retry_after\"\n",
            "",
            "required",
        ),
        (
            "closed_details",
            &details,
            "                  details:\n                    type: object\n",
            "                  details:\n                    type: object\n                    additionalProperties: false\n",
            "rejects a body with a param the catalogue does not know",
        ),
        (
            "closed_type",
            &details,
            "    \"Limits\":\n      type: object\n",
            "    \"Limits\":\n      type: object\n      additionalProperties: false\n",
            "components.schemas.Limits: restricts additional properties",
        ),
        (
            "example_message_not_rendered",
            &details,
            "\"You must wait 30 seconds before requesting another OTP.\"",
            "\"You must wait {retry_after} seconds before requesting another OTP.\"",
            "example message",
        ),
        (
            "example_without_details",
            &details,
            "                details:\n                  \"retry_after\": 30\n                  \"limit\": 60\n",
            "",
            "fails its schema",
        ),
        (
            "retry_after_header_lost",
            &details,
            "      headers:\n        Retry-After:\n",
            "      x-headers:\n        Retry-After:\n",
            "headers",
        ),
        (
            "retry_advice_lost",
            &details,
            "\\n\\nRetry with exponential backoff.",
            "",
            "retry advice",
        ),
        (
            "type_field_lost",
            &details,
            "        \"reason\":\n          type: string\n          description: \"Why it failed, e.g. \\\"too short\\\".\"\n",
            "",
            "components.schemas.FieldViolation",
        ),
    ];
    assert_rejected(&cases);
}

/// A catalogue of `tests/fixtures/layouts/`: a small body layout of each
/// kind, written for these tests.
fn layout_catalog(name: &str) -> Catalog {
    Catalog::load(&fixture(&format!("layouts/{name}.yaml")))
        .unwrap_or_else(|error| panic!("{error}"))
}

/// Real bodies of `response` as JSON for `check_openapi.py`: those a server
/// of the catalogue sends, or a newer one may, and those of another layout.
fn bodies(accepted: Vec<Body>, rejected: Vec<Body>) -> Value {
    let accepted = accepted.into_iter().map(|case| (case, true));
    let rejected = rejected.into_iter().map(|case| (case, false));
    accepted
        .chain(rejected)
        .map(|((response, body, why), valid)| {
            json!({"response": response, "body": body, "valid": valid, "why": why})
        })
        .collect()
}

#[test]
fn snapshot_nested_integer_layout() {
    insta::assert_snapshot!(
        "nested_integer",
        openapi::emit(&layout_catalog("nested-integer"))
    );
}

#[test]
fn snapshot_problem_layout() {
    insta::assert_snapshot!("problem", openapi::emit(&layout_catalog("problem")));
}

/// Each layout's content key is its media type; integer codes are numbers
/// in `ErrorCode` and in each `const`.
#[test]
fn layouts_write_their_media_type_and_code_type() {
    let problem = openapi::emit(&layout_catalog("problem"));
    assert!(problem.contains("\n        \"application/problem+json\":\n          schema:\n"));
    assert!(!problem.contains("application/json"));
    let nested = openapi::emit(&layout_catalog("nested-integer"));
    assert!(
        nested.contains("\n      type: integer\n      enum:\n        - 131047\n        - 131026\n")
    );
    assert!(nested.contains("\n                      - const: 0\n"));
    assert!(!nested.contains("const: \"131047\""));
}

/// A catalogue with `docs:` but no `body:` sends the bodies it sent before,
/// so its document only gains each code's link (`externalDocs`).
#[test]
fn docs_without_a_body_only_link_each_code() {
    let seed = fs::read_to_string(error_codes_tests::workspace_root().join("errors.yaml")).unwrap();
    let with_docs = seed.replacen(
        "\nversion: 1.0.0\n",
        "\nversion: 1.0.0\ndocs: https://docs.example.com/errors/{status}#{code}\n",
        1,
    );
    assert_ne!(seed, with_docs);
    let catalog = Catalog::from_yaml(&with_docs, "errors.yaml").unwrap();
    let yaml = openapi::emit(&catalog);
    let mut linked = 0;
    let mut without_links = String::new();
    let mut rows = yaml.lines();
    while let Some(line) = rows.next() {
        if line.trim_start() == "externalDocs:" {
            let url = rows.next().unwrap();
            assert!(
                url.trim_start()
                    .starts_with("url: \"https://docs.example.com/errors/"),
                "{url}"
            );
            linked += 1;
            continue;
        }
        without_links.push_str(line);
        without_links.push('\n');
    }
    assert_eq!(linked, catalog.codes().count());
    assert_eq!(without_links, openapi::emit(&seed_catalog()));
    assert_passed(&check("seed-with-docs", &yaml, &catalog));
}

/// Meta-like: `error.code` as a JSON number, `error.error_data`.
#[test]
#[allow(clippy::unreadable_literal, reason = "codes as the API writes them")]
fn nested_integer_layout_passes_the_validators_and_checks_real_bodies() {
    let accepted = vec![
        (
            "Unauthorized",
            json!({"error": {"message": "We were unable to authenticate the app user.", "code": 0}}),
            "a code without data",
        ),
        (
            "Unauthorized",
            json!({"error": {"message": "Error validating access token.", "type": "OAuthException", "code": 190, "error_subcode": 463, "fbtrace_id": "AbCdEfGh"}}),
            "members the layout does not have, as the real API sends them",
        ),
        (
            "BadRequest",
            json!({"error": {"message": "More than 24 hours have passed since the recipient last replied to the sender number.", "code": 131047}}),
            "a code without data beside codes with data",
        ),
        (
            "BadRequest",
            json!({"error": {"message": "Message undeliverable: Unable to deliver message.", "code": 131026, "error_data": {"messaging_product": "whatsapp", "details": "Unable to deliver message."}}}),
            "details in error.error_data",
        ),
        (
            "Forbidden",
            json!({"error": {"message": "Permission denied.", "code": 200}}),
            "a status without codes: any integer code",
        ),
        (
            "TooManyRequests",
            json!({"error": {"message": "Message throughput has been reached; retry in 30 seconds.", "code": 130429, "error_data": {"retry_after": 30}}}),
            "retry_after in error.error_data",
        ),
    ];
    let rejected = vec![
        (
            "Unauthorized",
            json!({"error": 190, "message": "Error validating access token."}),
            "the default layout's body",
        ),
        (
            "Unauthorized",
            json!({"error": {"message": "Error validating access token.", "code": "190"}}),
            "a string code under code_type: integer",
        ),
        (
            "Unauthorized",
            json!({"code": 190, "message": "Error validating access token."}),
            "the members at the top level, not under error",
        ),
        (
            "BadRequest",
            json!({"error": {"message": "Message undeliverable: Unable to deliver message.", "code": 131026}}),
            "details missing",
        ),
        (
            "BadRequest",
            json!({"error": {"message": "Message undeliverable: Unable to deliver message.", "code": 131026}, "error_data": {"messaging_product": "whatsapp", "details": "Unable to deliver message."}}),
            "details beside error, not in it",
        ),
        (
            "BadRequest",
            json!({"error": {"message": "Message undeliverable: Unable to deliver message.", "code": 131026, "error_data": {"messaging_product": "whatsapp"}}}),
            "a required param missing",
        ),
        (
            "Forbidden",
            json!({"error": {"message": "Permission denied.", "code": "200"}}),
            "a string code for a status without codes",
        ),
    ];
    let catalog = layout_catalog("nested-integer");
    let output = check_with_bodies(
        "layout-nested-integer",
        &openapi::emit(&catalog),
        &catalog,
        Some(&bodies(accepted, rejected)),
    );
    assert_passed(&output);
}

/// Twilio-like: flat, with `status` and `more_info` on every body.
#[test]
#[allow(clippy::unreadable_literal, reason = "codes as the API writes them")]
fn flat_status_layout_passes_the_validators_and_checks_real_bodies() {
    let accepted = vec![
        (
            "Unauthorized",
            json!({"code": 20003, "message": "Authenticate.", "more_info": "https://www.example.com/docs/errors/20003", "status": 401}),
            "the members in another order",
        ),
        (
            "BadRequest",
            json!({"code": 21211, "message": "The 'To' number +15005550001 is not a valid phone number.", "details": {"to": "+15005550001"}, "status": 400, "more_info": "https://www.example.com/docs/errors/21211"}),
            "details beside the code",
        ),
        (
            "InternalServerError",
            json!({"code": 20500, "message": "An internal server error has occurred.", "status": 500, "more_info": "https://www.example.com/docs/errors/20500"}),
            "a status without codes: any integer code",
        ),
        (
            "Unauthorized",
            json!({"code": 20003, "message": "Authenticate.", "more_info": "https://www.example.com/docs/errors/20404", "status": 401}),
            "another code's docs URL: a changed URL is compatible",
        ),
    ];
    let rejected = vec![
        (
            "Unauthorized",
            json!({"code": 20003, "message": "Authenticate.", "status": 401}),
            "the docs URL missing",
        ),
        (
            "Unauthorized",
            json!({"code": 20003, "message": "Authenticate.", "more_info": "https://www.example.com/docs/errors/20003", "status": 400}),
            "another status",
        ),
        (
            "Unauthorized",
            json!({"code": 20003, "message": "Authenticate.", "more_info": "https://www.example.com/docs/errors/20003", "status": "401"}),
            "the status as a string",
        ),
        (
            "Unauthorized",
            json!({"code": 20003, "message": "Authenticate.", "more_info": 20003, "status": 401}),
            "a docs URL that is not a string",
        ),
        (
            "Unauthorized",
            json!({"error": "20003", "message": "Authenticate."}),
            "the default layout's body",
        ),
        (
            "BadRequest",
            json!({"code": 21211, "message": "The 'To' number +15005550001 is not a valid phone number.", "to": "+15005550001", "status": 400, "more_info": "https://www.example.com/docs/errors/21211"}),
            "a param at the top level, not in details",
        ),
        (
            "InternalServerError",
            json!({"code": 20500, "message": "An internal server error has occurred.", "status": 500}),
            "a status without codes, without the docs URL every body carries",
        ),
    ];
    let catalog = layout_catalog("flat-status");
    let output = check_with_bodies(
        "layout-flat-status",
        &openapi::emit(&catalog),
        &catalog,
        Some(&bodies(accepted, rejected)),
    );
    assert_passed(&output);
}

/// Like `OpenAI`'s and Stripe's: `error.code`, params spread into `error`, a
/// docs URL at `error.doc_url` for some codes only.
#[test]
fn error_code_layout_passes_the_validators_and_checks_real_bodies() {
    let context = "This model's maximum context length is 8192 tokens.";
    let context_docs = "https://platform.example.com/docs/errors#context_length_exceeded";
    let accepted = vec![
        (
            "BadRequest",
            json!({"error": {"message": context, "type": "invalid_request_error", "param": "messages", "code": "context_length_exceeded", "max_tokens": 8192, "doc_url": context_docs}}),
            "params spread into error",
        ),
        (
            "BadRequest",
            json!({"error": {"message": context, "type": "invalid_request_error", "code": "context_length_exceeded", "max_tokens": 8192, "doc_url": context_docs}}),
            "an optional param left out",
        ),
        (
            "BadRequest",
            json!({"error": {"message": "We could not parse the JSON body of your request.", "type": "invalid_request_error", "param": null, "code": "invalid_json"}}),
            "a code without params or docs URL, with members the layout does not have",
        ),
        (
            "NotFound",
            json!({"error": {"message": "The model does not exist or you do not have access to it.", "code": "model_not_found"}}),
            "a code without a docs URL",
        ),
        (
            "TooManyRequests",
            json!({"error": {"message": "Rate limit reached for requests.", "type": "requests", "code": "rate_limit_exceeded"}}),
            "a spread param",
        ),
        (
            "Unauthorized",
            json!({"error": {"message": "Incorrect API key provided.", "code": "invalid_api_key"}}),
            "without the docs URL of a code that has one: not every body carries one",
        ),
        (
            "Unauthorized",
            json!({"error": {"message": "Incorrect API key provided.", "code": "invalid_api_key", "doc_url": context_docs}}),
            "another code's docs URL: a changed URL is compatible",
        ),
    ];
    let rejected = vec![
        (
            "BadRequest",
            json!({"error": {"message": context, "type": "invalid_request_error", "code": "context_length_exceeded", "doc_url": context_docs}}),
            "a required param missing",
        ),
        (
            "BadRequest",
            json!({"error": {"message": context, "code": "context_length_exceeded", "doc_url": context_docs, "details": {"type": "invalid_request_error", "max_tokens": 8192}}}),
            "params in details, not spread",
        ),
        (
            "BadRequest",
            json!({"error": {"message": context, "code": "context_length_exceeded", "doc_url": context_docs}, "type": "invalid_request_error", "max_tokens": 8192}),
            "params spread into the body, not into error",
        ),
        (
            "Unauthorized",
            json!({"error": {"message": "Incorrect API key provided.", "code": "invalid_api_key", "doc_url": null}}),
            "a docs URL that is not a string",
        ),
        (
            "NotFound",
            json!({"error": "model_not_found", "message": "The model does not exist or you do not have access to it."}),
            "the default layout's body",
        ),
        (
            "NotFound",
            json!({"error": {"message": "The model does not exist or you do not have access to it.", "code": 404}}),
            "an integer code under code_type: string",
        ),
    ];
    let catalog = layout_catalog("error-code");
    let output = check_with_bodies(
        "layout-error-code",
        &openapi::emit(&catalog),
        &catalog,
        Some(&bodies(accepted, rejected)),
    );
    assert_passed(&output);
}

/// RFC 9457 problem details, params spread into the body.
#[test]
fn problem_layout_passes_the_validators_and_checks_real_bodies() {
    let docs = "https://developer.example.com/api-errors/messages#";
    let invalid = "The value of one or more parameters is invalid.";
    let accepted = vec![
        (
            "Unauthorized",
            json!({"type": format!("{docs}unauthorized"), "title": "Invalid credentials", "status": 401, "detail": "You did not provide correct credentials.", "instance": "bf0ca0bf927b3b52e3cb03217e1a1ddf", "code": "unauthorized"}),
            "an extension member the layout does not have",
        ),
        (
            "UnprocessableEntity",
            json!({"type": format!("{docs}invalid-params"), "title": "Invalid parameters", "status": 422, "detail": invalid, "code": "invalid-params", "invalid_parameters": [{"name": "messenger.tag", "reason": "Invalid value"}], "request_id": "bf0ca0bf927b3b52e3cb03217e1a1ddf"}),
            "params spread into the body, a list of a type",
        ),
        (
            "UnprocessableEntity",
            json!({"type": "https://developer.example.com/api-errors#unsupported-channel", "title": "Unprocessable Entity", "status": 422, "detail": "The channel is not supported for this message type.", "code": "channel/unsupported"}),
            "a code's own docs URL, and its status's reason phrase as title",
        ),
        (
            "BadRequest",
            json!({"type": "https://developer.example.com/api-errors/messages#1150", "title": "Invalid params", "status": 400, "detail": "The value of one or more parameters is invalid.", "code": "1150"}),
            "a status without codes: any code",
        ),
        (
            "TooManyRequests",
            json!({"type": format!("{docs}throttled"), "title": "Too Many Requests", "status": 429, "detail": "Please wait 30 seconds before sending again.", "code": "throttled", "retry_after": 30}),
            "retry_after spread into the body",
        ),
        (
            "Unauthorized",
            json!({"type": format!("{docs}out-of-credit"), "title": "Invalid credentials", "status": 401, "detail": "You did not provide correct credentials.", "code": "unauthorized"}),
            "another code's type: the docs URL is not pinned, a changed URL is compatible",
        ),
        (
            "Unauthorized",
            json!({"type": "about:blank", "title": "Unauthorized", "status": 401, "detail": "You did not provide correct credentials.", "code": "unauthorized"}),
            "RFC 9457's default type, a URI like any docs URL: not pinned either",
        ),
    ];
    let rejected = vec![
        (
            "Unauthorized",
            json!({"title": "Invalid credentials", "status": 401, "detail": "You did not provide correct credentials.", "code": "unauthorized"}),
            "a problem without type",
        ),
        (
            "Unauthorized",
            json!({"type": 401, "title": "Invalid credentials", "status": 401, "detail": "You did not provide correct credentials.", "code": "unauthorized"}),
            "a type that is not a string",
        ),
        (
            "Unauthorized",
            json!({"type": format!("{docs}unauthorized"), "status": 401, "detail": "You did not provide correct credentials.", "code": "unauthorized"}),
            "a problem without title",
        ),
        (
            "Unauthorized",
            json!({"type": format!("{docs}unauthorized"), "title": "Invalid credentials", "status": 403, "detail": "You did not provide correct credentials.", "code": "unauthorized"}),
            "another status",
        ),
        (
            "UnprocessableEntity",
            json!({"type": format!("{docs}invalid-params"), "title": "Invalid parameters", "status": 422, "detail": invalid, "code": "invalid-params", "details": {"invalid_parameters": [{"name": "messenger.tag", "reason": "Invalid value"}]}}),
            "params in details, not spread",
        ),
        (
            "UnprocessableEntity",
            json!({"type": format!("{docs}invalid-params"), "title": "Invalid parameters", "status": 422, "detail": invalid, "code": "invalid-params", "invalid_parameters": [{"name": "messenger.tag"}]}),
            "a type's required field missing",
        ),
        (
            "BadRequest",
            json!({"error": "1150", "message": "The value of one or more parameters is invalid."}),
            "the default layout's body",
        ),
        (
            "TooManyRequests",
            json!({"type": format!("{docs}throttled"), "title": "Too Many Requests", "status": 429, "detail": "Please wait 30 seconds before sending again.", "code": "throttled"}),
            "retry_after missing",
        ),
    ];
    let catalog = layout_catalog("problem");
    let output = check_with_bodies(
        "layout-problem",
        &openapi::emit(&catalog),
        &catalog,
        Some(&bodies(accepted, rejected)),
    );
    assert_passed(&output);
}

/// The layouts' documents, broken: the check must notice a wrong media
/// type, code type, status, docs URL (required or pinned) or place of the
/// details.
#[test]
fn the_check_rejects_broken_layouts() {
    let nested = layout_catalog("nested-integer");
    let flat = layout_catalog("flat-status");
    let problem = layout_catalog("problem");
    let cases: [BrokenCase<'_>; 11] = [
        (
            "media_type_lost",
            &problem,
            "\"application/problem+json\":",
            "application/json:",
            "media types",
        ),
        (
            "integer_code_as_string",
            &nested,
            "const: 131047\n",
            "const: \"131047\"\n",
            "fails its schema",
        ),
        (
            "error_code_of_strings",
            &nested,
            "      type: integer\n      enum:\n",
            "      type: string\n      enum:\n",
            "ErrorCode rejects",
        ),
        (
            "status_not_narrowed",
            &flat,
            "              \"status\":\n                const: 401\n",
            "",
            "accepts the malformed body",
        ),
        (
            "problem_type_not_required",
            &problem,
            "      required:\n        - \"type\"\n",
            "      required:\n",
            "accepts the malformed body",
        ),
        (
            "docs_url_not_required",
            &flat,
            "        - \"status\"\n        - \"more_info\"\n",
            "        - \"status\"\n",
            "accepts the malformed body",
        ),
        (
            "docs_url_pinned",
            &flat,
            "              \"status\":\n                const: 401\n",
            "              \"status\":\n                const: 401\n              \"more_info\":\n                const: \"https://www.example.com/docs/errors/20003\"\n",
            "rejects a body with a docs URL no code has",
        ),
        (
            "spread_param_not_required",
            &problem,
            "                required:\n                  - \"retry_after\"\n",
            "",
            "accepts a body without",
        ),
        (
            "details_elsewhere",
            &nested,
            "\"error_data\"",
            "\"data\"",
            "has no details schema at `error.error_data`",
        ),
        (
            "docs_link_lost",
            &nested,
            "externalDocs:",
            "x-externalDocs:",
            "externalDocs",
        ),
        (
            "retry_after_elsewhere",
            &problem,
            "the same as the body's `retry_after`.",
            "the same as the body's `details.retry_after`.",
            "does not name the body's `retry_after`",
        ),
    ];
    assert_rejected(&cases);
}

/// Params spread into an object that holds nothing else (`data.*`): only a
/// code's branch has that object, and it says it is one.
#[test]
fn params_spread_into_an_object_of_their_own() {
    let catalog = Catalog::from_yaml(
        concat!(
            "title: Spread alone\n",
            "body:\n",
            "  code: code\n",
            "  message: message\n",
            "  details: data.*\n",
            "statuses:\n",
            "  400:\n",
            "    codes:\n",
            "      out_of_range:\n",
            "        message: \"{n} is out of range.\"\n",
            "        params:\n",
            "          n: integer\n",
            "      empty: Nothing sent.\n",
        ),
        "errors.yaml",
    )
    .unwrap();
    let yaml = openapi::emit(&catalog);
    assert!(yaml.contains("\n                  \"data\":\n                    type: object\n                    required:\n"));
    let accepted = vec![
        (
            "BadRequest",
            json!({"code": "out_of_range", "message": "1 is out of range.", "data": {"n": 1}}),
            "the params in data",
        ),
        (
            "BadRequest",
            json!({"code": "empty", "message": "Nothing sent."}),
            "a code without params and no data",
        ),
    ];
    let rejected = vec![
        (
            "BadRequest",
            json!({"code": "out_of_range", "message": "1 is out of range.", "data": "n"}),
            "data that is not an object",
        ),
        (
            "BadRequest",
            json!({"code": "out_of_range", "message": "1 is out of range.", "n": 1}),
            "the params in the body, not in data",
        ),
    ];
    let output = check_with_bodies(
        "spread-alone",
        &yaml,
        &catalog,
        Some(&bodies(accepted, rejected)),
    );
    assert_passed(&output);
}
