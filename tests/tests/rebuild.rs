//! Editing the catalogue rebuilds the crate that includes it.
//!
//! The compiler only tracks files that the source itself includes, not files
//! a proc macro happens to read; `include_errors!` therefore also expands to
//! an `include_bytes!` of the catalogue. This test proves the effect with a
//! real crate: build, edit the YAML, build again, and the new message is
//! there; build once more without an edit, and nothing is recompiled.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

use error_codes_tests::{scratch_manifest, seed_lockfile, target_dir, write_if_changed};

#[test]
fn editing_the_yaml_rebuilds_the_including_crate() {
    let dir = target_dir().join("rebuild-test");
    std::fs::create_dir_all(dir.join("src")).expect("create the scratch crate");
    // Parallel test runs share the scratch crate and its target folder.
    let lock = File::create(dir.join(".lock")).expect("create the lock file");
    lock.lock().expect("lock the scratch crate");

    write_crate(&dir);

    // A fresh message per run, so a stale binary from an earlier run can
    // never print what this run expects.
    let nonce = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("the clock is after 1970")
        .as_nanos();
    let first = format!("First message {nonce}.");
    let second = format!("Second message {nonce}.");

    write_yaml(&dir, &first);
    let run = cargo_run(&dir);
    assert_eq!(
        run.stdout, first,
        "the first build prints the first message"
    );

    write_yaml(&dir, &second);
    let run = cargo_run(&dir);
    assert_eq!(
        run.stdout, second,
        "editing errors.yaml must rebuild the crate; cargo said:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("Compiling rebuild-test"),
        "{}",
        run.stderr
    );

    // Control: without an edit nothing is recompiled, so the rebuild above
    // was caused by the edit.
    let run = cargo_run(&dir);
    assert_eq!(run.stdout, second);
    assert!(
        !run.stderr.contains("Compiling"),
        "nothing changed, yet cargo recompiled:\n{}",
        run.stderr
    );
}

fn write_crate(dir: &Path) {
    let main = "error_codes::include_errors!(\"errors.yaml\");\n\
                \n\
                fn main() {\n    \
                    print!(\"{}\", Unauthorized::InvalidToken.message());\n\
                }\n";
    // Only on change: rewriting the manifest or the source would itself
    // force the rebuild this test is about.
    write_if_changed(
        &dir.join("Cargo.toml"),
        &scratch_manifest("rebuild-test", ""),
    );
    write_if_changed(&dir.join("src/main.rs"), main);
    seed_lockfile(dir);
}

fn write_yaml(dir: &Path, message: &str) {
    let yaml = format!(
        "title: Rebuild test\n\
         statuses:\n  \
           401:\n    \
             codes:\n      \
               invalid_token: {message}\n"
    );
    std::fs::write(dir.join("errors.yaml"), yaml).expect("write errors.yaml");
}

struct Run {
    stdout: String,
    stderr: String,
}

fn cargo_run(dir: &Path) -> Run {
    let target: PathBuf = dir.join("target");
    let output = Command::new(env!("CARGO"))
        // Not `--quiet`: the test reads cargo's "Compiling" lines.
        .args(["run", "--offline", "--color=never"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .expect("run cargo");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        output.status.success(),
        "cargo run failed:\n{stderr}\n{stdout}"
    );
    Run { stdout, stderr }
}
