//! `gen` writes byte-identical documents across 50 runs, working folders,
//! locales, time zones and home folders. (The macro's expansion is checked the
//! same way in `error-codes-macro/src/include.rs`.)
//!
//! Every run is a new process, so it also has a new `HashMap` seed: output
//! that iterated a hash map would differ from run to run.

use std::path::{Path, PathBuf};
use std::process::Command;

use error_codes_gen::{Catalog, outputs};
use error_codes_tests::workspace_root;

const XTASK: &str = env!("CARGO_BIN_EXE_xtask");
const RUNS: usize = 50;

/// The environment of run `run`: a locale, a time zone and a home folder
/// from small lists whose lengths are coprime, so the 50 runs meet many
/// combinations; every seventh run has an empty environment.
fn environment(run: usize, home: &Path) -> Option<[(&'static str, Option<PathBuf>); 4]> {
    const LOCALES: [&str; 5] = [
        "C",
        "en_US.UTF-8",
        "tr_TR.UTF-8",
        "de_DE.ISO-8859-1",
        "ja_JP.eucJP",
    ];
    const ZONES: [&str; 4] = [
        "UTC",
        "Pacific/Kiritimati",
        "America/St_Johns",
        "Nowhere/Invalid",
    ];
    if run % 7 == 6 {
        return None;
    }
    let home = match run % 3 {
        0 => None,
        1 => Some(PathBuf::from("/nonexistent")),
        _ => Some(home.to_path_buf()),
    };
    Some([
        ("LC_ALL", Some(PathBuf::from(LOCALES[run % LOCALES.len()]))),
        (
            "LANG",
            Some(PathBuf::from(LOCALES[(run + 1) % LOCALES.len()])),
        ),
        ("TZ", Some(PathBuf::from(ZONES[run % ZONES.len()]))),
        ("HOME", home),
    ])
}

#[test]
fn gen_is_byte_identical_across_runs_folders_and_environments() {
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("determinism");
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(scratch.join("home")).unwrap();
    let fixtures = workspace_root().join("tests").join("fixtures");
    let specs = [
        workspace_root().join("errors.yaml"),
        fixtures.join("hostile.yaml"),
    ];

    for spec in &specs {
        let expected = outputs(&Catalog::load(spec).unwrap());
        let spec_folder = spec.parent().unwrap();
        // The working folder: the spec's own (with a relative spec), the
        // workspace root, a scratch folder, and `/`.
        let folders = [spec_folder, workspace_root(), &scratch, Path::new("/")];
        for run in 0..RUNS {
            let out = scratch.join(format!("out-{run}"));
            let _ = std::fs::remove_dir_all(&out);
            let cwd = folders[run % folders.len()];
            let spec_arg = if cwd == spec_folder {
                PathBuf::from(spec.file_name().unwrap())
            } else {
                spec.clone()
            };
            let mut command = Command::new(XTASK);
            command
                .arg("gen")
                .arg("--spec")
                .arg(&spec_arg)
                .arg("--out")
                .arg(&out)
                .current_dir(cwd);
            match environment(run, &scratch.join("home")) {
                None => {
                    command.env_clear();
                }
                Some(variables) => {
                    for (name, value) in variables {
                        match value {
                            Some(value) => command.env(name, value),
                            None => command.env_remove(name),
                        };
                    }
                }
            }
            let output = command.output().unwrap();
            assert!(
                output.status.success(),
                "run {run}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            for (name, text) in &expected {
                let written = std::fs::read(out.join(name)).unwrap();
                assert!(
                    written == text.as_bytes(),
                    "run {run} of {} ({command:?}): {name} differs",
                    spec.display()
                );
            }
            let entries = std::fs::read_dir(&out).unwrap().count();
            assert_eq!(entries, expected.len(), "run {run}: extra files");
            std::fs::remove_dir_all(&out).unwrap();
        }
    }
}
