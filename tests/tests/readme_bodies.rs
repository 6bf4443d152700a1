//! README's "Your body": each YAML block loads, and each JSON block after it
//! is, byte for byte once its indentation is taken out, the body its code
//! sends: the layout walked by `error_codes_tests::layout` from the loaded
//! model, with the code, params and message the block shows; and what the
//! generated Rust writes, each body read strictly and written back by a
//! crate that includes the catalogue.

use std::fmt::Write as _;
use std::process::Command;

use error_codes_gen::{Catalog, Part, Path};
use error_codes_tests::{
    layout, scratch_crates_target, scratch_manifest, seed_lockfile, target_dir, workspace_root,
    write_if_changed,
};
use serde_json::Value;

/// A catalogue of the section and the bodies shown after it, each with its
/// line in the README.
struct Example {
    line: usize,
    yaml: String,
    bodies: Vec<(usize, String)>,
}

/// The fenced blocks of the section `## Your body`, in order: each YAML
/// block and the JSON blocks that follow it.
fn examples() -> Vec<Example> {
    let readme = std::fs::read_to_string(workspace_root().join("README.md")).unwrap();
    let mut examples: Vec<Example> = Vec::new();
    let mut in_section = false;
    let mut open: Option<(usize, &str, String)> = None;
    for (index, line) in readme.lines().enumerate() {
        if line.starts_with("## ") {
            in_section = line == "## Your body";
            continue;
        }
        if !in_section {
            continue;
        }
        match &mut open {
            None => {
                if let Some(language) = line.strip_prefix("```") {
                    open = Some((index + 1, language, String::new()));
                }
            }
            Some(_) if line == "```" => {
                let (line, language, text) = open.take().unwrap();
                match language {
                    "yaml" => examples.push(Example {
                        line,
                        yaml: text,
                        bodies: Vec::new(),
                    }),
                    "json" => examples
                        .last_mut()
                        .unwrap_or_else(|| panic!("README.md:{line}: a body before any catalogue"))
                        .bodies
                        .push((line, text)),
                    other => panic!("README.md:{line}: a ```{other} block in \"Your body\""),
                }
            }
            Some((_, _, text)) => {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    examples
}

/// `text` without the whitespace outside its strings.
fn compact(text: &str) -> String {
    let (mut out, mut in_string, mut escaped) = (String::new(), false, false);
    for c in text.chars() {
        if in_string {
            in_string = escaped || c != '"';
            escaped = !escaped && c == '\\';
        } else if c.is_whitespace() {
            continue;
        } else {
            in_string = c == '"';
        }
        out.push(c);
    }
    out
}

/// The value at `path` in `body`, or for a spread, the object the params
/// go into.
fn at<'a>(body: &'a Value, path: &Path) -> Option<&'a Value> {
    path.members
        .iter()
        .try_fold(body, |value, member| value.get(member))
}

#[test]
fn the_readme_bodies_are_the_bodies_sent() {
    let examples = examples();
    assert_eq!(examples.len(), 3, "three layouts in \"Your body\"");
    let mut bodies = 0;
    for example in &examples {
        let file = format!("README.md:{}", example.line);
        let catalog = Catalog::from_yaml(&example.yaml, &file).unwrap_or_else(|e| panic!("{e}"));
        assert!(catalog.body.is_declared(), "{file}: declares a layout");
        assert!(!example.bodies.is_empty(), "{file}: shows a body");
        for (line, text) in &example.bodies {
            let shown = compact(text);
            let body: Value = serde_json::from_str(&shown)
                .unwrap_or_else(|error| panic!("README.md:{line}: {error}"));
            let part = |part: Part| at(&body, catalog.body.path(part).unwrap());
            let code = match part(Part::Code) {
                Some(Value::String(code)) => code.clone(),
                Some(Value::Number(code)) => code.to_string(),
                other => panic!("README.md:{line}: no code, {other:?}"),
            };
            let (status, code) = catalog
                .codes()
                .find(|(_, each)| each.code == code)
                .unwrap_or_else(|| panic!("README.md:{line}: `{code}` is not in the catalogue"));
            // The params as shown, spread or in their own object.
            let details = match part(Part::Details) {
                Some(Value::Object(members)) => {
                    let params = members
                        .iter()
                        .filter(|(name, _)| code.param(name).is_some())
                        .map(|(name, value)| (name.clone(), value.clone()));
                    Value::Object(params.collect())
                }
                _ => Value::Object(serde_json::Map::new()),
            };
            let message = layout::render(code, &details);
            let sent = layout::body_text(&catalog, status, code, &details, &message);
            assert_eq!(
                shown, sent,
                "README.md:{line}: the body `{}` sends",
                code.code
            );
            bodies += 1;
        }
    }
    assert_eq!(bodies, 5);
}

#[test]
fn the_generated_rust_writes_the_readme_bodies() {
    let crate_dir = target_dir().join("readme-bodies-crate");
    let mut main =
        String::from("//! Written by tests/tests/readme_bodies.rs.\n#![deny(warnings)]\n\n");
    let mut body = String::new();
    let mut expected = Vec::new();
    for (index, example) in examples().iter().enumerate() {
        let file = format!("catalogues/c{index}.yaml");
        write_if_changed(&crate_dir.join(&file), &example.yaml);
        let _ = writeln!(
            main,
            "mod c{index} {{\n    ::error_codes::include_errors!({file:?});\n}}"
        );
        for (_, text) in &example.bodies {
            let shown = compact(text);
            let _ = writeln!(
                body,
                "    let error: c{index}::ApiError = serde_json::from_str({shown:?}).unwrap();\n    \
                 println!(\"{{}}\", serde_json::to_string(&error).unwrap());"
            );
            expected.push(shown);
        }
    }
    let _ = write!(main, "\nfn main() {{\n{body}}}\n");
    std::fs::create_dir_all(crate_dir.join("src")).unwrap();
    write_if_changed(&crate_dir.join("src").join("main.rs"), &main);
    write_if_changed(
        &crate_dir.join("Cargo.toml"),
        &scratch_manifest("readme-bodies", "serde_json = \"1\"\n"),
    );
    seed_lockfile(&crate_dir);
    let output = Command::new(env!("CARGO"))
        .args(["run", "--offline", "--quiet"])
        .current_dir(&crate_dir)
        .env("CARGO_TARGET_DIR", scratch_crates_target())
        .output()
        .expect("run cargo");
    assert!(
        output.status.success(),
        "the README bodies' crate fails:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let printed: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(printed, expected, "what the generated Rust writes");
}
