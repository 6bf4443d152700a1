//! `explain CODE`: everything about a code, for an 80-column terminal; an
//! unknown code exits 2 with the nearest ones.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn workspace_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

fn explain(spec: &Path, code: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_error-codes"))
        .args(["explain", code, "--spec"])
        .arg(spec)
        .output()
        .expect("error-codes runs")
}

fn fixture(name: &str) -> PathBuf {
    workspace_root().join("tests/fixtures").join(name)
}

#[track_caller]
fn explained(spec: &Path, code: &str) -> String {
    let output = explain(spec, code);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(output.stderr.is_empty(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn a_code_with_params_and_retry() {
    let text = explained(&workspace_root().join("errors.yaml"), "otp_wait_required");
    assert!(
        text.starts_with(
            "otp_wait_required: 429 Too Many Requests\n\n\
             You must wait before requesting another OTP.\n\n  \
             Rust       TooManyRequests::OtpWaitRequired\n  \
             Retry      after: Retry after the number of seconds in `retry_after` (also\n             \
             sent as the `Retry-After` header).\n\n\
             Params (sent in the body's details)\n  \
             retry_after  integer: "
        ),
        "{text}"
    );
}

#[test]
fn lifecycle_and_tombstones() {
    let text = explained(&fixture("lifecycle.yaml"), "token_inactive");
    assert!(text.contains("\n  Since      1.1.0\n"), "{text}");
    assert!(
        text.contains("\n  Deprecated Sent as token_deleted since 1.4.0.\n"),
        "{text}"
    );
    let removed = explained(&fixture("lifecycle.yaml"), "legacy_auth_failed");
    assert!(
        removed.starts_with("legacy_auth_failed: removed (it was sent with status 401)\n"),
        "{removed}"
    );
}

#[test]
fn integer_codes_and_codes_with_slashes() {
    let meta = explained(&fixture("bodies/meta.yaml"), "131047");
    assert!(meta.starts_with("131047: 400 Bad Request\n"), "{meta}");
    assert!(meta.contains("\n  Docs       https://"), "{meta}");
    let firebase = explained(&fixture("bodies/firebase.yaml"), "auth/invalid-email");
    assert!(
        firebase.starts_with("auth/invalid-email: 400 "),
        "{firebase}"
    );
}

#[test]
fn description_and_resolution_keep_their_markdown_blocks() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("explain");
    std::fs::create_dir_all(&dir).unwrap();
    let spec = dir.join("errors.yaml");
    std::fs::write(
        &spec,
        "title: T\nstatuses:\n  401:\n    codes:\n      invalid_token:\n        message: The token is invalid.\n        \
         description: |\n          The `X-Token` header matches no token of the account. This happens after a\n          \
         token is rotated, or when the header holds another account's token.\n\n          \
         ```sh\n          curl -H 'X-Token: …' https://api.example.com/account\n          ```\n        \
         resolution: |\n          - Copy the token again from the dashboard.\n          - Check the account.\n",
    )
    .unwrap();
    let text = explained(&spec, "invalid_token");
    assert!(
        text.ends_with(
            "\nDescription\n  \
             The `X-Token` header matches no token of the account. This happens after a\n  \
             token is rotated, or when the header holds another account's token.\n\n  \
             ```sh\n  curl -H 'X-Token: …' https://api.example.com/account\n  ```\n\n\
             Resolution\n  - Copy the token again from the dashboard.\n  - Check the account.\n"
        ),
        "{text}"
    );
}

#[test]
fn every_code_of_every_fixture_fits_80_columns() {
    let mut specs = vec![workspace_root().join("errors.yaml")];
    for folder in ["tests/fixtures", "tests/fixtures/bodies"] {
        for entry in std::fs::read_dir(workspace_root().join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|ext| ext == "yaml") {
                specs.push(path);
            }
        }
    }
    let mut explained_codes = 0;
    for spec in specs {
        let Ok(catalog) = error_codes_gen::Catalog::load(&spec) else {
            continue;
        };
        let codes = catalog
            .codes()
            .map(|(_, code)| code.code.clone())
            .chain(catalog.removed.iter().map(|removed| removed.code.clone()));
        for code in codes {
            let text = error_codes_gen::explain::explain(&catalog, &code).unwrap();
            // Code blocks are kept as written, however long their lines.
            let mut in_code = false;
            let prose = text.lines().filter(|line| {
                let fence =
                    line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~");
                if fence {
                    in_code = !in_code;
                }
                !fence && !in_code
            });
            for line in prose.filter(|line| line.chars().count() > 80) {
                // Only a word too long for any line may overflow, after its
                // label at most (a long docs URL).
                let lead = line
                    .trim_end()
                    .rsplit_once(' ')
                    .map_or("", |(lead, _)| lead);
                assert!(
                    lead.chars().count() <= 13 && lead.split_whitespace().count() <= 1,
                    "{}: {code}: {line:?}",
                    spec.display()
                );
            }
            explained_codes += 1;
        }
    }
    assert!(explained_codes > 100, "{explained_codes}");
}

#[test]
fn an_unknown_code_exits_2_with_the_nearest() {
    let output = explain(&workspace_root().join("errors.yaml"), "invalid_tokne");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let spec = workspace_root().join("errors.yaml");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!(
            "error: {} has no code `invalid_tokne`; the nearest: `invalid_token`, `invalid_json`, `invalid_otp`\n",
            spec.display()
        )
    );
    let meta = explain(&fixture("bodies/meta.yaml"), "131048");
    assert_eq!(meta.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&meta.stderr).contains("the nearest: `131047`"),
        "{meta:?}"
    );
}
