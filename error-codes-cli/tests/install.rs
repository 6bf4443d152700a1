//! `cargo install --path error-codes-cli` gives an `error-codes` that works in
//! another repository: installed into a temporary root and run from a folder
//! outside the workspace, on a catalogue there, and through the README's
//! first steps of a new project (`init`, `schema`, `gen`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A folder outside the workspace, removed when the test ends, failed or not.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn workspace_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

#[track_caller]
fn assert_exit(output: &Output, code: i32) -> String {
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(code),
        "--- stdout\n{stdout}--- stderr\n{stderr}"
    );
    stdout + &stderr
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

fn git(dir: &Path, args: &[&str]) {
    let output = isolated_git(Command::new("git").current_dir(dir))
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args(args)
        .output()
        .expect("git runs");
    assert_exit(&output, 0);
}

const CATALOGUE: &str = "\
# yaml-language-server: $schema=https://example.com/errors.schema.json
title: Shop errors
version: 1.0.0
statuses:
  404:
    codes:
      order_not_found: No such order.
  409:
    codes:
      order_paid: The order is paid already.
";

#[test]
fn installed_command_runs_in_another_repository() {
    let scratch =
        Scratch(std::env::temp_dir().join(format!("error-codes-install-{}", std::process::id())));
    let _ = std::fs::remove_dir_all(&scratch.0);
    let (install_root, project) = (scratch.0.join("root"), scratch.0.join("shop"));
    std::fs::create_dir_all(&project).unwrap();

    // A debug build into a target folder of its own (cargo test holds the
    // workspace's), kept between runs so only the first one compiles much.
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("install-check");
    let install = Command::new(env!("CARGO"))
        .args([
            "install",
            "--quiet",
            "--debug",
            "--locked",
            "--offline",
            "--path",
        ])
        .arg(workspace_root().join("error-codes-cli"))
        .arg("--root")
        .arg(&install_root)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .expect("cargo install runs");
    assert_exit(&install, 0);
    let binary = install_root
        .join("bin")
        .join(format!("error-codes{}", std::env::consts::EXE_SUFFIX));
    assert!(binary.is_file(), "no {}", binary.display());
    first_steps(&binary, &scratch.0.join("new"));
    let run = |args: &[&str]| {
        isolated_git(Command::new(&binary).current_dir(&project))
            .args(args)
            .output()
            .expect("error-codes runs")
    };

    let version = assert_exit(&run(&["--version"]), 0);
    assert_eq!(
        version,
        format!("error-codes {}\n", env!("CARGO_PKG_VERSION"))
    );

    std::fs::write(project.join("errors.yaml"), CATALOGUE).unwrap();
    git(&project, &["init", "--quiet", "--initial-branch=main"]);
    git(&project, &["add", "errors.yaml"]);
    git(&project, &["commit", "--quiet", "--message", "errors"]);

    // gen: the defaults are in the current folder, and stay relative.
    let printed = assert_exit(&run(&["gen"]), 0);
    assert_eq!(
        printed,
        format!(
            "wrote {ts}\nwrote {openapi}\nwrote {md}\n",
            ts = Path::new("generated").join("errors.ts").display(),
            openapi = Path::new("generated").join("openapi.yaml").display(),
            md = Path::new("generated").join("errors.md").display(),
        )
    );
    let ts = std::fs::read_to_string(project.join("generated/errors.ts")).unwrap();
    assert!(ts.starts_with("// Generated from errors.yaml by error-codes; do not edit.\n"));
    assert!(
        ts.contains("export type ConflictCode = \"order_paid\";"),
        "{ts}"
    );
    assert_eq!(
        assert_exit(&run(&["gen", "--check"]), 0),
        "generated documents are fresh\n"
    );

    // An edit makes the documents stale, and is a compatible change.
    let edited = CATALOGUE.replace("No such order.", "There is no such order.");
    std::fs::write(project.join("errors.yaml"), &edited).unwrap();
    let stale = assert_exit(&run(&["gen", "--check"]), 1);
    assert!(
        stale.contains("run `error-codes gen` to update them"),
        "{stale}"
    );
    let compatible = assert_exit(&run(&["breaking", "--against", "main"]), 0);
    assert!(
        compatible.starts_with("errors.yaml:7: compatible (message_changed): "),
        "{compatible}"
    );

    // Moving a code to another status breaks clients.
    let moved = edited.replace(
        "      order_not_found: There is no such order.\n  409:\n    codes:\n",
        "  409:\n    codes:\n      order_not_found: There is no such order.\n",
    );
    std::fs::write(project.join("errors.yaml"), &moved).unwrap();
    let breaking = assert_exit(&run(&["breaking", "--against", "main"]), 1);
    assert!(
        breaking.contains("errors.yaml:9: breaking (code_moved): code `order_not_found` moved from status 404 to 409"),
        "{breaking}"
    );
}

/// The README's first steps of a new project, in an empty folder: `init`,
/// `schema > errors.schema.json`, `gen`.
fn first_steps(binary: &Path, project: &Path) {
    std::fs::create_dir_all(project).unwrap();
    let run = |args: &[&str]| {
        Command::new(binary)
            .current_dir(project)
            .args(args)
            .output()
            .expect("error-codes runs")
    };
    assert_exit(&run(&["init"]), 0);
    let schema = run(&["schema"]);
    assert_exit(&schema, 0);
    std::fs::write(project.join("errors.schema.json"), &schema.stdout).unwrap();
    let starter = std::fs::read_to_string(project.join("errors.yaml")).unwrap();
    assert!(
        starter.starts_with("# yaml-language-server: $schema=errors.schema.json\n"),
        "{starter}"
    );
    let printed = assert_exit(&run(&["gen"]), 0);
    assert_eq!(printed.lines().count(), 5, "{printed}");
    assert_exit(&run(&["gen", "--check"]), 0);
    // A second `init` leaves the edited catalogue alone.
    assert_exit(&run(&["init"]), 2);
    assert_eq!(
        std::fs::read_to_string(project.join("errors.yaml")).unwrap(),
        starter
    );
}
