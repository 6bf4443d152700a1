//! The pinned Python tools under `tests/tools/`, installed on first use.
//!
//! `tests/tools/requirements.txt` locks every package, transitive ones
//! included, to an exact version and hash. [`tools_python`] makes sure a
//! virtual environment at `tests/tools/.venv` (gitignored) holds exactly that
//! lock and returns its interpreter. Setting up needs `python3` and network
//! access to `PyPI`; when either is missing the caller panics with the tool's
//! output, because a test that cannot run its validator must fail, not skip.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use crate::tools::{ensure_installed, run, tools_dir};

/// The interpreter of `tests/tools/.venv`, with `requirements.txt` installed.
///
/// The environment is (re)built when it is missing or was built from another
/// `requirements.txt`, by [`crate::tools`]' one install mechanism.
///
/// # Panics
/// If `python3 -m venv` or `pip install --require-hashes` fails, with their
/// output: the tests that need the tools cannot run without them.
#[must_use]
pub fn tools_python() -> &'static Path {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(ensure_venv)
}

/// Runs `tests/tools/<script>`, which must pass, and returns what it printed.
///
/// # Panics
/// If the tools cannot be set up, or the script fails: the message holds
/// everything it printed.
#[must_use]
pub fn run_passing_script(script: &str, args: &[&Path]) -> String {
    run(
        Command::new(tools_python())
            .arg(tools_dir().join(script))
            .args(args),
        script,
    )
}

/// Runs `tests/tools/<script>` with the tools' interpreter.
///
/// # Panics
/// If the tools cannot be set up, or the interpreter cannot be started.
#[must_use]
pub fn run_script(script: &str, args: &[&Path]) -> Output {
    let python = tools_python();
    Command::new(python)
        .arg(tools_dir().join(script))
        .args(args)
        .output()
        .unwrap_or_else(|error| panic!("cannot run {}: {error}", python.display()))
}

/// A command running `tool` (`mypy`, `ruff`) from the tools' virtual
/// environment, which holds the pinned version.
///
/// # Panics
/// If the tools cannot be set up, or the environment has no such program.
#[must_use]
pub fn venv_tool(tool: &str) -> Command {
    let bin = tools_python()
        .parent()
        .expect("the interpreter lives in the environment's bin folder");
    let path = bin.join(if cfg!(windows) {
        format!("{tool}.exe")
    } else {
        tool.to_owned()
    });
    assert!(
        path.is_file(),
        "{} is missing: is `{tool}` in tests/tools/requirements.in?",
        path.display()
    );
    Command::new(path)
}

fn ensure_venv() -> PathBuf {
    let tools = tools_dir();
    let venv = tools.join(".venv");
    let python = if cfg!(windows) {
        venv.join("Scripts").join("python.exe")
    } else {
        venv.join("bin").join("python")
    };
    let requirements = tools.join("requirements.txt");
    // `venv --clear` empties the folder, so a rebuild also loses the stamp.
    let stamp = venv.join("installed-requirements.txt");
    ensure_installed("python", &requirements, &stamp, || {
        let python3 = if cfg!(windows) { "python" } else { "python3" };
        let what = "installing the Python test tools";
        run(
            Command::new(python3)
                .args(["-m", "venv", "--clear"])
                .arg(&venv),
            what,
        );
        run(
            Command::new(&python)
                .args([
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                    "--no-input",
                    "--require-hashes",
                    "--requirement",
                ])
                .arg(&requirements),
            what,
        );
    });
    python
}

/// The rules `ruff check` applies to the generated Python beyond its
/// defaults: pycodestyle, pyflakes, isort, pep8-naming, pyupgrade, bugbear,
/// builtins, ruff's own and pydocstyle (Google convention). [`RUFF_IGNORE`]
/// leaves some out.
pub const RUFF_SELECT: &str = "E,F,W,I,N,UP,B,A,RUF,D";

/// The rules of [`RUFF_SELECT`] the generated Python leaves out. E501: a
/// message stays one string literal on one line, however long. RUF001 to
/// RUF003: they flag letters of other scripts that look like Latin ones
/// (an Arabic alef, a Cyrillic `о`), and a catalogue's text is the API's own,
/// in any language; the invisible and space-like characters they also flag
/// are written as escapes.
pub const RUFF_IGNORE: &str = "E501,RUF001,RUF002,RUF003";

/// The pyright configuration the generated Python is checked under: strict,
/// for Python 3.10.
pub const PYRIGHT_CONFIG: &str =
    "{\n  \"typeCheckingMode\": \"strict\",\n  \"pythonVersion\": \"3.10\"\n}\n";

/// Runs every Python tool on the `.py` files of `folder`, one run of each
/// tool for the whole folder: `mypy --strict` for Python 3.10, pyright in
/// strict mode, `ruff check` with its defaults and with [`RUFF_SELECT`], and
/// `ruff format --check`. Returns how long each took, for the test output.
///
/// # Panics
/// If a tool cannot run or finds a problem: the message holds its output.
#[must_use]
pub fn check_with_tools(folder: &Path) -> Vec<(&'static str, std::time::Duration)> {
    let mut timings = Vec::new();
    let mut timed = |what: &'static str, command: &mut Command| {
        let started = std::time::Instant::now();
        run(command, what);
        timings.push((what, started.elapsed()));
    };
    timed(
        "mypy --strict",
        venv_tool("mypy")
            .args([
                "--strict",
                "--python-version",
                "3.10",
                "--no-incremental",
                "--cache-dir",
                "/dev/null",
            ])
            .arg(folder),
    );
    std::fs::write(folder.join("pyrightconfig.json"), PYRIGHT_CONFIG)
        .unwrap_or_else(|error| panic!("cannot write pyrightconfig.json: {error}"));
    timed(
        "pyright (strict)",
        crate::node::pyright().arg("--project").arg(folder),
    );
    timed(
        "ruff check (defaults)",
        venv_tool("ruff")
            .args(["check", "--isolated", "--no-cache"])
            .arg(folder),
    );
    timed(
        "ruff check (selected rules)",
        venv_tool("ruff")
            .args(["check", "--isolated", "--no-cache", "--select", RUFF_SELECT])
            .args(["--ignore", RUFF_IGNORE])
            .args(["--config", "lint.pydocstyle.convention = \"google\""])
            .arg(folder),
    );
    timed(
        "ruff format --check",
        venv_tool("ruff")
            .args(["format", "--isolated", "--no-cache", "--check", "--diff"])
            .arg(folder),
    );
    timings
}

/// What `tests/tools/check_python_module.py` compares a generated module
/// with, straight from the model: every code's entry, class, params and a
/// body as the layout sends it (and the same body without its params), the
/// groups, a body of a code the module does not know, and bodies that are
/// no error bodies.
///
/// # Panics
/// Never for a loaded catalogue.
#[must_use]
pub fn expectation(catalog: &error_codes_gen::Catalog) -> serde_json::Value {
    use error_codes_gen::CodeType;
    use serde_json::json;

    let integer = catalog.body.code_type == CodeType::Integer;
    let code_value = |code: &error_codes_gen::Code| -> serde_json::Value {
        match code.number().filter(|_| integer) {
            Some(number) => json!(number),
            None => json!(code.code),
        }
    };
    let codes: Vec<serde_json::Value> = catalog
        .codes()
        .map(|(status, code)| {
            let details = crate::layout::example_details(catalog, &code.params);
            let message = crate::layout::render(code, &details);
            let body = crate::layout::body(catalog, status, code, &details, &message);
            let required = code.params.iter().any(|param| !param.optional);
            let without =
                required.then(|| crate::layout::body(catalog, status, code, &json!({}), &message));
            let params: Vec<&str> = code.params.iter().map(|p| p.name.as_str()).collect();
            json!({
                "code": code_value(code),
                "status": status.status,
                "message": code.message,
                "retry": code.retry.word(),
                "deprecated": code.deprecated,
                "docs": code.docs,
                "class": python_exception(&status.name),
                "params": params,
                "details_class": format!("{}Details", code.name),
                "body": body,
                "body_message": message,
                "details": if code.params.is_empty() { json!(null) } else { details },
                "without_details": without,
            })
        })
        .collect();
    let groups: Vec<serde_json::Value> = catalog
        .groups()
        .map(|status| {
            let codes: Vec<serde_json::Value> = status.codes.iter().map(code_value).collect();
            json!({
                "status": status.status,
                "class": python_exception(&status.name),
                "codes_alias": format!("{}Code", status.name),
                "codes": codes,
            })
        })
        .collect();
    let unknown = match catalog.codes().next() {
        Some((status, code)) => {
            let mut newer = code.clone();
            let code_text = if integer {
                "987654321"
            } else {
                "a_code_added_later"
            };
            code_text.clone_into(&mut newer.code);
            newer.params.clear();
            newer.docs = None;
            let body = crate::layout::body(catalog, status, &newer, &json!({}), "Newer.");
            json!({ "code": code_value(&newer), "status": status.status, "body": body })
        }
        None => json!({
            "code": "a_code_added_later",
            "status": 400,
            "body": { "error": "a_code_added_later", "message": "Newer." },
        }),
    };
    let not_bodies = json!([
        ["an HTML page", { "bytes": "<html><body>Bad Gateway</body></html>" }],
        ["an empty body", { "bytes": "" }],
        ["a JSON array", []],
        ["a JSON string", "\"error\""],
        ["an empty object", {}],
        ["null", null],
        ["a message only", { "message": "no code" }],
    ]);
    json!({
        "base": python_exception(&catalog.name),
        "integer": integer,
        "has_docs": catalog.codes().any(|(_, code)| code.docs.is_some()),
        "codes": codes,
        "groups": groups,
        "unknown": unknown,
        "not_bodies": not_bodies,
    })
}

/// The Python exception class of a group, as the emitter names it: the
/// Rust name with PEP 8's `Error` suffix, once.
fn python_exception(group: &str) -> String {
    if group.ends_with("Error") {
        group.to_owned()
    } else {
        format!("{group}Error")
    }
}
