//! `error-codes breaking` against bases in a temporary git repository: a
//! file, a revision, `REV:PATH`, run from inside and outside the repository,
//! text and JSON, and every exit code.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A scratch git repository, isolated from the machine's git configuration.
struct Repo {
    root: PathBuf,
}

impl Repo {
    fn new(name: &str) -> Self {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("breaking")
            .join(name);
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("api")).unwrap();
        let repo = Self { root };
        repo.git(&["init", "--quiet", "--initial-branch=main"]);
        repo
    }

    fn git(&self, args: &[&str]) -> String {
        let output = git_command(&self.root)
            .args(args)
            .output()
            .expect("git runs");
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    /// Writes `api/errors.yaml` and commits it; returns the commit.
    fn commit(&self, yaml: &str, message: &str) -> String {
        self.write(yaml);
        self.git(&["add", "api/errors.yaml"]);
        self.git(&["commit", "--quiet", "--message", message]);
        self.git(&["rev-parse", "HEAD"]).trim().to_owned()
    }

    /// Writes `api/errors.yaml` without committing it.
    fn write(&self, yaml: &str) {
        std::fs::write(self.spec(), yaml).unwrap();
    }

    fn spec(&self) -> PathBuf {
        self.root.join("api").join("errors.yaml")
    }
}

/// `command` with no user or system git configuration: the machine's must
/// not matter.
fn isolated_git(command: &mut Command) -> &mut Command {
    command
        .env(
            "GIT_CONFIG_GLOBAL",
            if cfg!(windows) { "NUL" } else { "/dev/null" },
        )
        .env("GIT_CONFIG_NOSYSTEM", "1")
}

/// git with no user or system configuration but a name to commit with.
fn git_command(dir: &Path) -> Command {
    let mut command = Command::new("git");
    isolated_git(&mut command).current_dir(dir).args([
        "-c",
        "user.name=Test",
        "-c",
        "user.email=test@example.com",
    ]);
    command
}

fn error_codes(dir: &Path, args: &[&str]) -> Output {
    // The base is read by the machine's git, which must not need a config.
    isolated_git(&mut Command::new(env!("CARGO_BIN_EXE_error-codes")))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("error-codes runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[track_caller]
fn assert_contains(text: &str, part: &str) {
    assert!(text.contains(part), "no {part:?} in:\n{text}");
}

#[track_caller]
fn assert_exit(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "--- stdout\n{}--- stderr\n{}",
        stdout(output),
        stderr(output)
    );
}

const V1: &str = "\
title: API
version: 1.0.0
statuses:
  401:
    codes:
      invalid_token: The API Token provided is invalid.
      token_inactive: The API Token exists but is currently disabled.
";

/// V1 with a code added and one deprecated: compatible.
const V1_1: &str = "\
title: API
version: 1.1.0
statuses:
  401:
    codes:
      invalid_token: The API Token provided is invalid.
      token_inactive:
        message: The API Token exists but is currently disabled.
        deprecated: Sent as token_deleted since 1.1.0.
      token_deleted: The API Token has been deleted.
";

/// V1.1 with the deprecated code removed and tombstoned, as a minor version.
const V1_2_TOMBSTONED: &str = "\
title: API
version: 1.2.0
statuses:
  401:
    codes:
      invalid_token: The API Token provided is invalid.
      token_deleted: The API Token has been deleted.
removed:
  token_inactive:
    status: 401
    version: 1.2.0
    reason: Sent as token_deleted.
";

#[test]
fn a_revision_of_the_same_path_from_anywhere() {
    let repo = Repo::new("revision");
    repo.commit(V1, "v1");
    repo.write(V1_1);
    let spec = repo.spec();
    let spec = spec.to_str().unwrap();

    // From the repository's root, from its subfolder, and from outside it.
    let outside = Path::new(env!("CARGO_TARGET_TMPDIR"));
    for dir in [repo.root.as_path(), &repo.root.join("api"), outside] {
        let output = error_codes(dir, &["breaking", "--against", "main", "--spec", spec]);
        assert_exit(&output, 0);
        let printed = stdout(&output);
        assert_eq!(
            printed,
            format!(
                "{spec}:2: compatible (version_changed): the version changed from \"1.0.0\" to \"1.1.0\"\n\
                 {spec}:7: compatible (deprecation_added): code `token_inactive` is deprecated: \"Sent as token_deleted since 1.1.0.\"\n\
                 {spec}:10: compatible (code_added): code `token_deleted` is added to status 401\n\
                 3 differences from main:api/errors.yaml, none breaking\n"
            ),
            "run from {}",
            dir.display()
        );
    }
}

#[test]
fn the_default_spec_is_in_the_current_folder() {
    let repo = Repo::new("default-spec");
    repo.commit(V1, "v1");
    let output = error_codes(&repo.root.join("api"), &["breaking", "--against", "HEAD"]);
    assert_exit(&output, 0);
    assert_eq!(
        stdout(&output),
        "no differences from HEAD:api/errors.yaml\n"
    );
}

#[test]
fn a_file_and_rev_path_bases() {
    let repo = Repo::new("file-and-rev-path");
    let first = repo.commit(V1, "v1");
    repo.commit(V1_1, "v1.1");
    let spec = repo.spec();
    let spec = spec.to_str().unwrap();

    // REV:PATH, with PATH from the repository's root.
    let against = format!("{first}:api/errors.yaml");
    let output = error_codes(
        &repo.root,
        &["breaking", "--against", &against, "--spec", spec],
    );
    assert_exit(&output, 0);
    assert!(
        stdout(&output).ends_with(&format!("3 differences from {against}, none breaking\n")),
        "{}",
        stdout(&output)
    );

    // A file, relative to where the command runs.
    std::fs::write(repo.root.join("old.yaml"), V1_1).unwrap();
    let output = error_codes(
        &repo.root,
        &["breaking", "--against", "old.yaml", "--spec", spec],
    );
    assert_exit(&output, 0);
    assert_eq!(stdout(&output), "no differences from old.yaml\n");
}

#[test]
fn breaking_changes_exit_1_unless_the_major_version_rises() {
    let repo = Repo::new("major");
    repo.commit(V1_1, "v1.1");
    let spec = repo.spec();
    let spec = spec.to_str().unwrap();
    let run = || {
        error_codes(
            &repo.root,
            &["breaking", "--against", "HEAD", "--spec", spec],
        )
    };

    // A minor version removes a code (with its tombstone): breaking.
    repo.write(V1_2_TOMBSTONED);
    let output = run();
    assert_exit(&output, 1);
    assert_contains(
        &stdout(&output),
        &format!(
            "{spec}:9: breaking (code_removed): code `token_inactive` (status 401) is removed, with a tombstone\n"
        ),
    );
    assert_eq!(
        stderr(&output),
        "error: 1 of 2 differences from HEAD:api/errors.yaml is breaking\n\
         a new major version would allow them: raise the major of `version` (1.1.0 → 1.2.0)\n"
    );

    // The same as a major version: listed, and allowed.
    repo.write(&V1_2_TOMBSTONED.replace("version: 1.2.0\nstatuses", "version: 2.0.0\nstatuses"));
    let output = run();
    assert_exit(&output, 0);
    assert_contains(&stdout(&output), "breaking (code_removed)");
    assert!(
        stdout(&output).ends_with(
            "1 of 2 differences from HEAD:api/errors.yaml is breaking, allowed by the major \
             version bump (1.1.0 → 2.0.0)\n"
        ),
        "{}",
        stdout(&output)
    );

    // Without the tombstone, not even a major version may remove it.
    let untombstoned = V1_2_TOMBSTONED
        .replace("version: 1.2.0\nstatuses", "version: 2.0.0\nstatuses")
        .split("removed:")
        .next()
        .unwrap()
        .to_owned();
    repo.write(&untombstoned);
    let output = run();
    assert_exit(&output, 1);
    assert_contains(
        &stdout(&output),
        &format!("{spec}: breaking (code_removed_without_tombstone): code `token_inactive`"),
    );
    assert_contains(
        &stderr(&output),
        "a code removed without a tombstone is never allowed",
    );
}

#[test]
fn json_for_ci() {
    let repo = Repo::new("json");
    repo.commit(V1_1, "v1.1");
    repo.write(V1_2_TOMBSTONED);
    let spec = repo.spec();
    let spec = spec.to_str().unwrap();
    let output = error_codes(
        &repo.root,
        &[
            "breaking",
            "--against",
            "main",
            "--spec",
            spec,
            "--format",
            "json",
        ],
    );
    assert_exit(&output, 1);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    assert_eq!(
        report,
        serde_json::json!({
            "spec": spec,
            "base": "main:api/errors.yaml",
            "version": "1.2.0",
            "base_version": "1.1.0",
            "major_bump": false,
            "breaking": 1,
            "passes": false,
            "changes": [
                {
                    "kind": "version_changed",
                    "class": "compatible",
                    "line": 2,
                    "code": null,
                    "status": null,
                    "message": "the version changed from \"1.1.0\" to \"1.2.0\"",
                    "allowed_by_major_bump": true,
                },
                {
                    "kind": "code_removed",
                    "class": "breaking",
                    "line": 9,
                    "code": "token_inactive",
                    "status": 401,
                    "message": "code `token_inactive` (status 401) is removed, with a tombstone",
                    "allowed_by_major_bump": true,
                },
            ],
        })
    );
}

#[test]
fn bad_input_exits_2() {
    let repo = Repo::new("bad-input");
    repo.commit(V1, "v1");
    let spec = repo.spec();
    let spec = spec.to_str().unwrap();
    let run = |args: &[&str]| error_codes(&repo.root, args);

    // A base that is neither a file nor a revision.
    let output = run(&["breaking", "--against", "no-such-branch", "--spec", spec]);
    assert_exit(&output, 2);
    assert_contains(
        &stderr(&output),
        "error: `no-such-branch` is not a file, and git cannot read `no-such-branch:api/errors.yaml`",
    );
    // A path that is not in the revision.
    let output = run(&["breaking", "--against", "HEAD:nowhere.yaml", "--spec", spec]);
    assert_exit(&output, 2);
    assert_contains(&stderr(&output), "git cannot read `HEAD:nowhere.yaml`");

    // A broken base: its problems, located in the base.
    std::fs::write(
        repo.root.join("broken.yaml"),
        "title: T\nstatuses:\n  302: {}\n",
    )
    .unwrap();
    let output = run(&["breaking", "--against", "broken.yaml", "--spec", spec]);
    assert_exit(&output, 2);
    assert_contains(
        &stderr(&output),
        "broken.yaml:3:3: `302` is not an error status",
    );

    // A base file over the 4 MiB limit (sparse: 1 GiB that takes no disk),
    // refused after reading one byte beyond the limit.
    let huge = std::fs::File::create(repo.root.join("huge.bin")).unwrap();
    huge.set_len(1 << 30).unwrap();
    drop(huge);
    let output = run(&["breaking", "--against", "huge.bin", "--spec", spec]);
    std::fs::remove_file(repo.root.join("huge.bin")).unwrap();
    assert_exit(&output, 2);
    assert_contains(&stderr(&output), "huge.bin: the file is larger than 4 MiB");

    // A broken catalogue.
    repo.write("title: T\nstatuses:\n  401:\n    codes:\n      self: x\n");
    let output = run(&["breaking", "--against", "HEAD", "--spec", spec]);
    assert_exit(&output, 2);
    assert_contains(&stderr(&output), "nothing was compared");

    // A catalogue outside any git repository, against a revision.
    let outside = std::env::temp_dir().join(format!("error-codes-no-repo-{}", std::process::id()));
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("errors.yaml"), V1).unwrap();
    let output = error_codes(&outside, &["breaking", "--against", "HEAD"]);
    std::fs::remove_dir_all(&outside).unwrap();
    assert_exit(&output, 2);
    assert_contains(&stderr(&output), "cannot be read as a git revision");

    // Usage: no base, an unknown format.
    assert_exit(&run(&["breaking"]), 2);
    let output = run(&["breaking", "--against", "HEAD", "--format", "yaml"]);
    assert_exit(&output, 2);
    assert_contains(&stderr(&output), "[possible values: text, json]");
}

/// The kinds of params, types and retry reach the JSON report like any
/// other: a required param added breaks, an optional one and a new retry
/// do not.
#[test]
fn json_names_the_kinds_of_params_and_retry() {
    let repo = Repo::new("json-params");
    repo.commit(
        "title: API\nstatuses:\n  429:\n    codes:\n      slow:\n        message: Slow down.\n        params:\n          wait: integer\n",
        "base",
    );
    repo.write(
        "title: API\nstatuses:\n  429:\n    retry: backoff\n    codes:\n      slow:\n        message: Slow down.\n        params:\n          wait: integer\n          limit: integer\n          burst: { type: integer, optional: true }\n",
    );
    let output = error_codes(
        &repo.root.join("api"),
        &["breaking", "--against", "main", "--format", "json"],
    );
    assert_exit(&output, 1);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    let changes: Vec<(&str, &str, u64)> = report["changes"]
        .as_array()
        .expect("a list of changes")
        .iter()
        .map(|change| {
            assert_eq!(change["code"], "slow");
            assert_eq!(change["status"], 429);
            (
                change["kind"].as_str().unwrap(),
                change["class"].as_str().unwrap(),
                change["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            ("retry_changed", "compatible", 6),
            ("required_param_added", "breaking", 10),
            ("optional_param_added", "compatible", 11),
        ]
    );
    assert_eq!(report["breaking"], 1);
}

/// The kinds of the body's layout, docs URLs and titles reach the JSON
/// report too: a change to the body concerns no code or status and is at
/// the line of `body:`; a new template is one change, not one per code.
#[test]
fn json_names_the_kinds_of_the_body_docs_and_titles() {
    let repo = Repo::new("json-body");
    repo.commit(
        "title: API\nstatuses:\n  404:\n    codes:\n      gone: Gone.\n",
        "base",
    );
    repo.write(
        "title: API\ndocs: https://docs.example.com/errors/{code}\nbody:\n  code: error.code\n  message: error.message\n  status: error.status\nstatuses:\n  404:\n    codes:\n      gone:\n        title: Gone for good\n        message: Gone.\n",
    );
    let output = error_codes(
        &repo.root.join("api"),
        &["breaking", "--against", "main", "--format", "json"],
    );
    assert_exit(&output, 1);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    let changes: Vec<(&str, &str, u64, &serde_json::Value, &serde_json::Value)> = report["changes"]
        .as_array()
        .expect("a list of changes")
        .iter()
        .map(|change| {
            (
                change["kind"].as_str().unwrap(),
                change["class"].as_str().unwrap(),
                change["line"].as_u64().unwrap(),
                &change["code"],
                &change["status"],
            )
        })
        .collect();
    let none = &serde_json::Value::Null;
    let (gone, status) = (&serde_json::json!("gone"), &serde_json::json!(404));
    assert_eq!(
        changes,
        [
            ("docs_template_changed", "compatible", 2, none, none),
            ("body_part_moved", "breaking", 3, none, none),
            ("body_part_moved", "breaking", 3, none, none),
            ("body_part_moved", "breaking", 3, none, none),
            ("body_part_added", "breaking", 3, none, none),
            ("code_title_changed", "compatible", 10, gone, status),
        ]
    );
    assert_eq!(report["breaking"], 4);
}
