//! The bad-input catalogue through `xtask gen`: every file class of
//! `error_codes_tests::bad_input`, and the command line's own classes in
//! [`COMMAND_LINE_CLASSES`].
//!
//! Each row runs in a scene of its own: a scratch folder with a valid
//! catalogue whose documents differ from the ones already in `out/` (the
//! seed's), so that any write would show. A refused row must exit with 2,
//! print the expected words on one stderr line, never panic, and leave the
//! whole scene byte for byte (and mode for mode) as it was.
//!
//! Permissions are tested without root's privileges (see
//! `error_codes_tests::sandbox`); a full disk is a 1 MiB tmpfs and a
//! read-only file system a read-only bind mount, both in a mount namespace
//! that vanishes with the command.
//!
//! To add a command-line class, add one row to [`COMMAND_LINE_CLASSES`] (a
//! setup that changes the scene, and the outcome) and name it in the
//! README's bad-input section.

use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use error_codes_gen::{Catalog, outputs};
use error_codes_tests::bad_input::{
    At, DERIVE_CLASSES, Expect, FILE_CLASSES, MACRO_CALL_CLASSES, make_readable, set_mode,
};
use error_codes_tests::sandbox::{
    Entry, mount_namespace, restore_permissions, snapshot, unprivileged,
};
use error_codes_tests::workspace_root;

const XTASK: &str = env!("CARGO_BIN_EXE_xtask");

/// How the command is run.
enum Runner {
    Plain,
    /// Without root's privileges: permission bits apply.
    Unprivileged,
    /// `sh -c script` in a private mount namespace, with these arguments
    /// before the command's own.
    Namespace(&'static str, Vec<OsString>),
}

/// Where the command's stdout or stderr goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sink {
    /// A pipe the test reads.
    Captured,
    /// `/dev/full`: every write fails with "No space left on device".
    Full,
    /// A pipe whose reader is gone: every write fails with "Broken pipe",
    /// as after `| head -1`.
    Closed,
}

impl Sink {
    fn stdio(self) -> Stdio {
        match self {
            Self::Captured => Stdio::piped(),
            Self::Full => Stdio::from(fs::File::create("/dev/full").unwrap()),
            Self::Closed => {
                let (reader, writer) = std::io::pipe().unwrap();
                drop(reader);
                Stdio::from(writer)
            }
        }
    }
}

/// One row's world: `dir` holds everything the command may touch.
struct Scene {
    dir: PathBuf,
    /// A valid catalogue whose documents differ from those in `out`.
    spec: PathBuf,
    /// The output folder, holding the seed's documents.
    out: PathBuf,
    args: Vec<OsString>,
    cwd: PathBuf,
    runner: Runner,
    stdout: Sink,
    stderr: Sink,
    /// Where the documents can be seen after the command, when not in `dir`
    /// itself (a tmpfs, copied out by the script).
    after: Option<PathBuf>,
}

impl Scene {
    fn new(dir: PathBuf) -> Self {
        restore_permissions(&dir);
        let _ = fs::remove_dir_all(&dir);
        let out = dir.join("out");
        fs::create_dir_all(&out).unwrap();
        let seed = Catalog::load(&workspace_root().join("errors.yaml")).unwrap();
        for (name, text) in outputs(&seed) {
            fs::write(out.join(name), text).unwrap();
        }
        let spec = dir.join("spec.yaml");
        let text = fs::read_to_string(workspace_root().join("errors.yaml"))
            .unwrap()
            .replacen("title: ", "title: Changed ", 1);
        fs::write(&spec, text).unwrap();
        let args = [
            "gen".as_ref(),
            "--spec".as_ref(),
            spec.as_os_str(),
            "--out".as_ref(),
            out.as_os_str(),
        ]
        .map(OsStr::to_os_string)
        .to_vec();
        Self {
            cwd: dir.clone(),
            dir,
            spec,
            out,
            args,
            runner: Runner::Plain,
            stdout: Sink::Captured,
            stderr: Sink::Captured,
            after: None,
        }
    }

    /// Runs `breaking` instead of `gen`: the catalogue against the
    /// workspace's, from which it differs by a compatible change.
    fn compare_with_the_seed(&mut self) {
        self.args = [
            "breaking".as_ref(),
            "--spec".as_ref(),
            self.spec.as_os_str(),
            "--against".as_ref(),
            workspace_root().join("errors.yaml").as_os_str(),
        ]
        .map(OsStr::to_os_string)
        .to_vec();
    }

    /// Replaces the value of `flag` in the arguments.
    fn set(&mut self, flag: &str, value: impl AsRef<OsStr>) {
        let at = self.args.iter().position(|arg| arg == flag).unwrap();
        self.args[at + 1] = value.as_ref().to_os_string();
    }

    fn run(&self) -> Output {
        let mut command = match &self.runner {
            Runner::Plain => Command::new(XTASK),
            Runner::Unprivileged => unprivileged(XTASK),
            Runner::Namespace(script, before) => {
                let mut args: Vec<&OsStr> = before.iter().map(OsString::as_os_str).collect();
                args.push(XTASK.as_ref());
                mount_namespace(script, &args)
            }
        };
        command
            .args(&self.args)
            .current_dir(&self.cwd)
            .stdout(self.stdout.stdio())
            .stderr(self.stderr.stdio());
        command.output().expect("run xtask")
    }

    /// The documents the spec gives, to compare with what was written.
    fn expected_documents(&self) -> Vec<(&'static str, String)> {
        outputs(&Catalog::load(&self.spec).unwrap())
    }

    #[track_caller]
    fn assert_documents_in(&self, folder: &Path) {
        let expected = self.expected_documents();
        for (name, text) in &expected {
            let written = fs::read_to_string(folder.join(name))
                .unwrap_or_else(|error| panic!("{name} in {}: {error}", folder.display()));
            assert!(
                written == *text,
                "{name} in {} is not the new document",
                folder.display()
            );
        }
        // The scene started with the seed's documents, which a catalogue
        // selecting fewer outputs leaves as they were.
        let seed = Catalog::load(&workspace_root().join("errors.yaml")).unwrap();
        let names: Vec<&str> = expected
            .iter()
            .map(|(name, _)| *name)
            .chain(seed.outputs.iter().map(|output| output.file_name()))
            .collect();
        let others: Vec<_> = fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| !names.contains(&name.as_str()))
            .collect();
        assert!(
            others.is_empty(),
            "files left beside the documents: {others:?}"
        );
    }
}

/// The decided behaviour of a command-line class.
enum Outcome {
    /// Exit 2, a stderr line containing these words, nothing written.
    Refused(&'static str),
    /// Exit 1 (`--check` found stale documents), these words on stderr,
    /// nothing written.
    Stale(&'static str),
    /// Exit 0, and this check of the scene.
    Done(fn(&Scene)),
    /// Exit with this code, with stderr unseen (it cannot be written), and
    /// nothing written.
    Unheard(i32),
}

struct CommandLineClass {
    name: &'static str,
    setup: fn(&mut Scene),
    outcome: Outcome,
}

const fn row(name: &'static str, setup: fn(&mut Scene), outcome: Outcome) -> CommandLineClass {
    CommandLineClass {
        name,
        setup,
        outcome,
    }
}

/// The script for a full disk: a 1 MiB tmpfs at `$1` holding a copy of the
/// output folder `$2`, filled up but for `$4` bytes (room for the first
/// document and not the second); after the command, the tmpfs's copy is
/// copied out to `$3`.
const FULL_DISK: &str = r#"
disk=$1 out=$2 after=$3 free=$4
shift 4
mount -t tmpfs -o size=1m tmpfs "$disk"
mkdir "$disk/out"
cp -a "$out/." "$disk/out/"
cat /dev/zero > "$disk/fill" 2>/dev/null || true
truncate -s "-$free" "$disk/fill"
status=0
"$@" || status=$?
cp -a "$disk/out/." "$after/"
exit "$status"
"#;

/// The script for a read-only file system: `$1` bind-mounted read-only on
/// itself.
const READ_ONLY: &str = r#"
mount --bind "$1" "$1"
mount -o remount,bind,ro "$1"
shift
"$@"
"#;

/// Every class of bad command-line use or environment.
#[rustfmt::skip]
const COMMAND_LINE_CLASSES: &[CommandLineClass] = &[
    // Arguments.
    row("unknown_command", |s| s.args[0] = "generate".into(), Outcome::Refused("error: unrecognized subcommand 'generate'")),
    row("unknown_flag", |s| s.args.push("--frobnicate".into()), Outcome::Refused("error: unexpected argument '--frobnicate' found")),
    row("repeated_flag", |s| s.args.extend(["--out".into(), "elsewhere".into()]), Outcome::Refused("error: the argument '--out <DIR>' cannot be used multiple times")),
    row("flag_without_value", |s| { s.args.truncate(1); s.args.push("--spec".into()); }, Outcome::Refused("error: a value is required for '--spec <PATH>' but none was supplied")),
    // A Unix path need not be UTF-8; it is used as it is.
    row("non_utf8_path", non_utf8_path, Outcome::Done(|s| s.assert_documents_in(&s.out))),
    // Paths given relative to where the command runs.
    row("relative_paths_from_another_folder", relative_paths, Outcome::Done(|s| s.assert_documents_in(&s.out))),
    row("relative_spec_missing_in_this_folder", relative_spec_missing, Outcome::Refused("spec.yaml: cannot read the error catalogue: No such file or directory")),
    // The output folder.
    row("out_missing", |s| { let new = s.dir.join("new").join("deeper"); s.set("--out", new); }, Outcome::Done(|s| s.assert_documents_in(&s.dir.join("new").join("deeper")))),
    row("out_is_a_file", |s| s.set("--out", s.spec.clone()), Outcome::Refused("is not a folder; the documents go into a folder")),
    row("out_below_a_file", |s| s.set("--out", s.spec.join("out")), Outcome::Refused("Not a directory")),
    row("out_is_a_symlink", out_is_a_symlink, Outcome::Done(|s| { assert!(fs::symlink_metadata(s.dir.join("link")).unwrap().file_type().is_symlink()); s.assert_documents_in(&s.out); })),
    row("out_not_writable", out_not_writable, Outcome::Refused("Permission denied")),
    row("out_on_read_only_file_system", |s| s.runner = Runner::Namespace(READ_ONLY, vec![s.out.clone().into()]), Outcome::Refused("Read-only file system")),
    row("disk_full", disk_full, Outcome::Refused("No space left on device")),
    // The documents in it.
    row("document_is_a_folder", |s| { fs::remove_file(s.out.join("errors.md")).unwrap(); fs::create_dir(s.out.join("errors.md")).unwrap(); }, Outcome::Refused("errors.md: a folder is in the way")),
    row("document_is_a_symlink", document_is_a_symlink, Outcome::Refused("errors.ts: it is a symbolic link")),
    row("document_read_only", |s| set_mode(&s.out.join("errors.ts"), 0o444), Outcome::Done(|s| { s.assert_documents_in(&s.out); assert_eq!(mode_of(&s.out.join("errors.ts")), 0o444); })),
    row("staging_files_left_by_a_killed_run", |s| { for name in [".errors.ts.4194301.tmp", ".openapi.yaml.7.tmp"] { fs::write(s.out.join(name), "half a docu").unwrap(); } }, Outcome::Done(|s| s.assert_documents_in(&s.out))),
    // Checking.
    row("check_documents_missing", |s| { for (name, _) in s.expected_documents() { fs::remove_file(s.out.join(name)).unwrap(); } s.args.push("--check".into()); }, Outcome::Stale("error: stale")),
    row("check_document_unreadable", |s| { set_mode(&s.out.join("openapi.yaml"), 0o000); s.args.push("--check".into()); s.runner = Runner::Unprivileged; }, Outcome::Refused("openapi.yaml: Permission denied")),
    // Where the command prints.
    row("stdout_unwritable", |s| s.stdout = Sink::Full, Outcome::Done(|s| s.assert_documents_in(&s.out))),
    row("stderr_unwritable", |s| { s.stderr = Sink::Full; s.set("--spec", "missing.yaml"); }, Outcome::Unheard(2)),
    row("report_to_unwritable_stdout", |s| { s.compare_with_the_seed(); s.stdout = Sink::Full; }, Outcome::Refused("error: cannot print the report: No space left on device")),
    row("report_to_closed_pipe", |s| { s.compare_with_the_seed(); s.stdout = Sink::Closed; }, Outcome::Done(|_| ())),
];

fn non_utf8_path(scene: &mut Scene) {
    let spec = scene.dir.join(non_utf8("spec-\u{FFFD}.yaml"));
    fs::copy(&scene.spec, &spec).unwrap();
    scene.set("--spec", &spec);
    // The documents name the catalogue they come from.
    scene.spec = spec;
}

fn relative_paths(scene: &mut Scene) {
    scene.cwd = scene.dir.join("elsewhere");
    fs::create_dir(&scene.cwd).unwrap();
    scene.set("--spec", "../spec.yaml");
    scene.set("--out", "../out");
}

fn relative_spec_missing(scene: &mut Scene) {
    scene.cwd = scene.dir.join("elsewhere");
    fs::create_dir(&scene.cwd).unwrap();
    scene.set("--spec", "spec.yaml");
}

fn out_is_a_symlink(scene: &mut Scene) {
    let link = scene.dir.join("link");
    symlink(Path::new("out"), &link);
    scene.set("--out", link);
}

fn out_not_writable(scene: &mut Scene) {
    set_mode(&scene.out, 0o555);
    scene.runner = Runner::Unprivileged;
}

fn document_is_a_symlink(scene: &mut Scene) {
    let elsewhere = scene.dir.join("frontend");
    fs::create_dir(&elsewhere).unwrap();
    fs::rename(scene.out.join("errors.ts"), elsewhere.join("errors.ts")).unwrap();
    symlink(
        Path::new("../frontend/errors.ts"),
        &scene.out.join("errors.ts"),
    );
}

fn disk_full(scene: &mut Scene) {
    let disk = scene.dir.join("disk");
    let after = scene.dir.join("after");
    fs::create_dir(&disk).unwrap();
    fs::create_dir(&after).unwrap();
    // Room for errors.ts, staged first, and not for openapi.yaml.
    let first = scene.expected_documents()[0].1.len();
    let free = first.div_ceil(4096) * 4096 + 4096;
    scene.runner = Runner::Namespace(
        FULL_DISK,
        vec![
            disk.clone().into(),
            scene.out.clone().into(),
            after.clone().into(),
            free.to_string().into(),
        ],
    );
    scene.set("--out", disk.join("out"));
    scene.after = Some(after);
}

#[cfg(unix)]
fn non_utf8(lossy: &str) -> OsString {
    use std::os::unix::ffi::OsStringExt as _;
    let bytes = lossy.replace('\u{FFFD}', "\u{1}").into_bytes();
    OsString::from_vec(
        bytes
            .into_iter()
            .map(|b| if b == 1 { 0xFF } else { b })
            .collect(),
    )
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

#[cfg(unix)]
fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn scratch(group: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("bad-input")
        .join(group)
        .join(name)
}

/// The message of a caught panic: a `String` when formatted (`panic!("{x}")`,
/// `assert!` with a message), a `&'static str` when literal (`panic!("text")`,
/// `unwrap` on `None`).
fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| {
            payload
                .downcast_ref::<&str>()
                .map(|text| (*text).to_owned())
        })
        .unwrap_or_else(|| "a panic without a message".to_owned())
}

#[test]
fn panic_text_reads_literal_and_formatted_messages() {
    let literal = std::panic::catch_unwind(|| panic!("literal")).unwrap_err();
    let formatted = std::panic::catch_unwind(|| panic!("{}", 42)).unwrap_err();
    assert_eq!(panic_text(literal.as_ref()), "literal");
    assert_eq!(panic_text(formatted.as_ref()), "42");
}

/// What is wrong with `output`, if it is not a clean refusal with `says` on
/// one line of stderr and exit code `code`.
fn refusal_problem(output: &Output, code: i32, says: &str) -> Option<String> {
    let stderr = String::from_utf8_lossy(&output.stderr);
    if stderr.contains("panicked") {
        return Some(format!("panicked:\n{stderr}"));
    }
    if output.status.code() != Some(code) {
        return Some(format!(
            "exit {:?}, not {code}:\n{stderr}",
            output.status.code()
        ));
    }
    if !stderr.lines().any(|line| line.contains(says)) {
        return Some(format!("no stderr line says `{says}`:\n{stderr}"));
    }
    None
}

fn unchanged_problem(
    before: &BTreeMap<PathBuf, Entry>,
    after: &BTreeMap<PathBuf, Entry>,
) -> Option<String> {
    (before != after).then(|| {
        let changed: Vec<_> = before
            .keys()
            .chain(after.keys())
            .filter(|path| before.get(*path) != after.get(*path))
            .collect();
        format!("something was written: {changed:?}")
    })
}

#[test]
fn command_line_classes() {
    let mut failures = Vec::new();
    for class in COMMAND_LINE_CLASSES {
        let mut scene = Scene::new(scratch("command-line", class.name));
        (class.setup)(&mut scene);
        let before = snapshot(&scene.dir);
        let observed_before = scene.after.as_ref().map(|_| snapshot(&scene.out));
        let output = scene.run();
        let after = snapshot(&scene.dir);
        let problem = match class.outcome {
            Outcome::Refused(says) | Outcome::Stale(says) => {
                let code = if matches!(class.outcome, Outcome::Stale(_)) {
                    1
                } else {
                    2
                };
                refusal_problem(&output, code, says).or_else(|| {
                    match (&scene.after, &observed_before) {
                        (Some(copied), Some(observed_before)) => {
                            unchanged_problem(observed_before, &snapshot(copied))
                        }
                        _ => unchanged_problem(&before, &after),
                    }
                })
            }
            Outcome::Unheard(code) => {
                if output.status.code() == Some(code) {
                    unchanged_problem(&before, &after)
                } else {
                    Some(format!("exit {:?}, not {code}", output.status.code()))
                }
            }
            Outcome::Done(check) => {
                let stderr = String::from_utf8_lossy(&output.stderr);
                if output.status.success() {
                    std::panic::catch_unwind(|| check(&scene))
                        .err()
                        .map(|panic| panic_text(panic.as_ref()))
                } else {
                    Some(format!("exit {:?}:\n{stderr}", output.status.code()))
                }
            }
        };
        restore_permissions(&scene.dir);
        if let Some(problem) = problem {
            failures.push(format!("{}: {problem}", class.name));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn file_classes_through_the_command_line() {
    let mut failures = Vec::new();
    for class in FILE_CLASSES {
        let mut scene = Scene::new(scratch("file", class.name));
        let spec = scene.dir.join(format!("{}.yaml", class.name));
        class.create(&spec);
        scene.set("--spec", &spec);
        scene.runner = Runner::Unprivileged;
        let before = snapshot(&scene.dir);
        let output = scene.run();
        let after = snapshot(&scene.dir);
        make_readable(&spec);
        let problem = match class.expect {
            Expect::Refused { at, says } => {
                let file = spec.display();
                let located = match at {
                    At::Line(line, column) => format!("{file}:{line}:{column}: "),
                    At::File => format!("{file}: "),
                };
                let stderr = String::from_utf8_lossy(&output.stderr);
                let line_found = stderr
                    .lines()
                    .any(|line| line.starts_with(&located) && line.contains(says));
                refusal_problem(&output, 2, says)
                    .or_else(|| {
                        (!line_found).then(|| format!("no line `{located}…{says}…` in:\n{stderr}"))
                    })
                    .or_else(|| unchanged_problem(&before, &after))
            }
            Expect::Accepted(_) => {
                if output.status.success() {
                    scene.spec = spec;
                    std::panic::catch_unwind(|| scene.assert_documents_in(&scene.out))
                        .err()
                        .map(|panic| panic_text(panic.as_ref()))
                } else {
                    Some(format!(
                        "exit {:?}:\n{}",
                        output.status.code(),
                        String::from_utf8_lossy(&output.stderr)
                    ))
                }
            }
        };
        if let Some(problem) = problem {
            failures.push(format!("{}: {problem}", class.name));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

/// Every class has a unique name, is named in the README's bad-input
/// section, and there are at least the 40 the issue asks for.
#[test]
fn every_class_is_named_once_and_documented() {
    let names: Vec<&str> = FILE_CLASSES
        .iter()
        .map(|class| class.name)
        .chain(MACRO_CALL_CLASSES.iter().map(|class| class.name))
        .chain(DERIVE_CLASSES.iter().map(|(name, _)| *name))
        .chain(COMMAND_LINE_CLASSES.iter().map(|class| class.name))
        .collect();
    let mut unique = names.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), names.len(), "a class name is used twice");
    assert!(names.len() >= 40, "only {} classes", names.len());

    let readme = fs::read_to_string(workspace_root().join("README.md")).unwrap();
    let section = readme
        .split("\n## Bad input\n")
        .nth(1)
        .expect("the README has a `## Bad input` section");
    let section = section.split("\n## ").next().unwrap();
    let missing: Vec<_> = names
        .iter()
        .filter(|name| !section.contains(&format!("`{name}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "not in the README's bad-input section: {missing:?}"
    );
}
