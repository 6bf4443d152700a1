//! `explain`: one code, everything the catalogue knows about it.

use std::io::Write as _;
use std::process::ExitCode;

use error_codes_gen::Catalog;
use error_codes_gen::explain::explain;

use crate::{Context, EXIT_BAD_INPUT, ExplainArgs, report_load_error};

pub(crate) fn run(args: &ExplainArgs, context: &Context) -> ExitCode {
    let spec = context.spec(args.spec.as_deref());
    let catalog = match Catalog::load(&spec) {
        Ok(catalog) => catalog,
        Err(error) => return report_load_error(&error, &spec, "nothing to explain"),
    };
    match explain(&catalog, &args.code) {
        Ok(text) => {
            let _ = std::io::stdout().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(unknown) => {
            let nearest: Vec<String> = unknown
                .nearest
                .iter()
                .map(|code| format!("`{code}`"))
                .collect();
            let hint = if nearest.is_empty() {
                "it has no codes".to_owned()
            } else {
                format!("the nearest: {}", nearest.join(", "))
            };
            say!(
                "error: {} has no code `{}`; {hint}",
                spec.display(),
                args.code
            );
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}
