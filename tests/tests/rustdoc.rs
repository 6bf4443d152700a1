//! A code's `description:` and `resolution:` reach rustdoc as Markdown, and
//! stay inert in a user's library: none of their code blocks becomes a
//! doctest, and `cargo doc` with warnings denied (broken HTML, bare URLs)
//! passes. The catalogue is `tests/fixtures/explained.yaml`, which has
//! every kind of block that could go wrong.

use std::path::Path;
use std::process::Command;

use error_codes_tests::{
    fixture, scratch_crates_target, seed_lockfile, target_dir, workspace_root,
};

#[test]
fn explanations_are_rustdoc_without_doctests_or_warnings() {
    let dir = target_dir().join("rustdoc-check");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::copy(fixture("explained.yaml"), dir.join("explained.yaml")).unwrap();
    let runtime = workspace_root().join("error-codes");
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"rustdoc-check\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nerror-codes = {{ path = {:?} }}\n\n[workspace]\n",
            runtime.to_str().unwrap()
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("src/lib.rs"),
        "//! The errors of `explained.yaml`.\n#![deny(missing_docs)]\n\n\
         error_codes::include_errors!(\"explained.yaml\");\n",
    )
    .unwrap();
    seed_lockfile(&dir);

    let doctests = cargo(&dir, &["test", "--doc"], &[]);
    assert!(
        doctests.contains("running 0 tests"),
        "a description became a doctest:\n{doctests}"
    );
    cargo(
        &dir,
        &["doc", "--no-deps"],
        &[("RUSTDOCFLAGS", "-D warnings")],
    );

    let page = std::fs::read_to_string(
        scratch_crates_target().join("doc/rustdoc_check/enum.Unauthorized.html"),
    )
    .unwrap();
    for shown in [
        // Markdown stays Markdown: a link, a code span, a list.
        "<a href=\"https://dash.example.com\">dashboard</a>",
        "<code>X-Token: &lt;token&gt;</code>",
        "<strong>Resolution:</strong>",
        "<ol>\n<li>\n<p>Copy the token again from the dashboard.</p>",
        // A bare URL became a link.
        "<a href=\"https://docs.example.com/tokens\">",
    ] {
        assert!(page.contains(shown), "{shown:?} not in the page");
    }
    let page = std::fs::read_to_string(
        scratch_crates_target().join("doc/rustdoc_check/enum.UnprocessableEntity.html"),
    )
    .unwrap();
    // Raw HTML is text, not markup.
    assert!(
        page.contains("&lt;b&gt;Raw HTML&lt;/b&gt;"),
        "raw HTML got through"
    );
}

/// Runs cargo in `dir` (offline, into the shared scratch target) and returns
/// what it printed; fails unless it succeeds.
fn cargo(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let output = Command::new(env!("CARGO"))
        .args(args)
        .args(["--offline", "--color=never"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", scratch_crates_target())
        .envs(env.iter().copied())
        .output()
        .expect("cargo runs");
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "cargo {args:?} failed:\n{printed}");
    printed
}
