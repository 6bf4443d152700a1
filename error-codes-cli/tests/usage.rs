//! The command line itself: help, suggestions and usage errors (exit 2).

use std::process::{Command, Output};

fn error_codes(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_error-codes"))
        .args(args)
        .output()
        .expect("error-codes runs")
}

fn printed(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr)
}

#[test]
fn help_names_every_command_and_the_defaults() {
    let help = error_codes(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    let text = printed(&help);
    for line in [
        "Usage: error-codes <COMMAND>",
        "  gen       Write the documents the catalogue's `outputs:` selects (default: errors.ts, openapi.yaml and errors.md)",
        "  breaking  List every difference from a base catalogue; fail on breaking ones",
        "  explain   Print everything the catalogue knows about a code: status, message, params, retry, lifecycle, docs, description and resolution",
        "  init      Write a starter errors.yaml that shows every feature; never over an existing file",
        "  schema    Print the JSON Schema of errors.yaml, for editors: `error-codes schema > errors.schema.json`",
        "Paths default to errors.yaml and generated/ in the current folder.",
    ] {
        assert!(text.contains(line), "{line:?} missing from:\n{text}");
    }
    let gen_help = printed(&error_codes(&["gen", "--help"]));
    assert!(
        gen_help.contains("--spec <PATH>") && gen_help.contains("--check"),
        "{gen_help}"
    );
}

#[test]
fn usage_errors_exit_2_with_a_suggestion() {
    // Nothing to do: the help, as an error.
    let bare = error_codes(&[]);
    assert_eq!(bare.status.code(), Some(2));
    assert!(printed(&bare).contains("Usage: error-codes <COMMAND>"));

    let cases: [(&[&str], &str); 4] = [
        (&["generate"], "a similar subcommand exists: 'gen'"),
        (&["gen", "--chek"], "a similar argument exists: '--check'"),
        (
            &["breaking"],
            "the following required arguments were not provided:\n  --against <BASE>",
        ),
        (&["gen", "--out"], "a value is required for '--out <DIR>'"),
    ];
    for (args, message) in cases {
        let output = error_codes(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            printed(&output).contains(message),
            "{args:?}: {}",
            printed(&output)
        );
    }
}
