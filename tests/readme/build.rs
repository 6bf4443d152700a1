//! Turns every ```` ```rust ```` block of the workspace README into a module
//! of this crate (`$OUT_DIR/readme.rs`), so that the examples a user copies
//! are compiled, linted and, when they are not servers, run by the tests.
//!
//! A block marked `rust,ignore` is a fragment (it leans on code around it)
//! and is left out; every other Rust block must be a whole program, with a
//! `fn main`. A program's `include_errors!("errors.yaml")`, relative to the
//! user's crate, becomes the workspace's catalogue.

use std::fmt::Write as _;
use std::path::Path;

/// Fewer whole programs than this means the blocks were not found.
const AT_LEAST: usize = 4;

fn main() {
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let readme_path = Path::new(&manifest_dir).join("../../README.md");
    println!("cargo::rerun-if-changed={}", readme_path.display());
    let readme = std::fs::read_to_string(&readme_path).expect("read the workspace README");

    let mut modules = String::new();
    let mut count = 0;
    for (line, code) in rust_blocks(&readme) {
        assert!(
            code.contains("fn main()"),
            "README.md:{line}: a ```rust block must be a whole program with `fn main`; \
             mark a fragment ```rust,ignore"
        );
        let code = code.replace(
            "include_errors!(\"errors.yaml\")",
            "include_errors!(\"../../errors.yaml\")",
        );
        // Servers (`async fn main`) are compiled only; the rest also run.
        let runs = code.contains("\nfn main()");
        let test = if runs {
            "\n#[test]\nfn runs() {\n    main();\n}\n"
        } else {
            ""
        };
        count += 1;
        let _ = write!(
            modules,
            "/// README.md, the block at line {line}.\n\
             #[allow(dead_code)]\nmod readme_line_{line} {{\n{code}{test}}}\n\n"
        );
    }
    assert!(
        count >= AT_LEAST,
        "only {count} whole ```rust programs found in README.md"
    );
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("readme.rs"), modules).expect("write readme.rs");
}

/// The line of the opening fence and the code of each ```` ```rust ````
/// block (not `rust,ignore`).
fn rust_blocks(readme: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (index, line) in readme.lines().enumerate() {
        match &mut open {
            None if line.trim_end() == "```rust" => open = Some((index + 1, String::new())),
            Some(_) if line.trim_end() == "```" => blocks.extend(open.take()),
            Some((_, code)) => {
                code.push_str(line);
                code.push('\n');
            }
            None => {}
        }
    }
    blocks
}
