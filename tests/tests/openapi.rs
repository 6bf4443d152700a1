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
    empty_catalogues, fixture, hostile_catalog, lifecycle_catalog, openapi_expectation, python,
    seed_catalog, target_dir,
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
