//! `outputs:`, and the names the selected outputs give the catalogue's
//! items: two items that would get one name in Python or Go, or a name that
//! shadows what the language or the generated module already has, are
//! problems at the item's line. A catalogue that does not select Python or
//! Go is not held to their rules.

use std::collections::HashMap;

use crate::names::{
    GO_PACKAGE_NAMES, GO_RESERVED, GO_STRUCT_METHODS, PYTHON_MODULE_NAMES, PYTHON_RESERVED,
    go_constant, go_details, go_field, go_sentinel, python_details, python_exception,
    python_group_codes,
};
use crate::{Catalog, Output};

use super::Problems;
use super::keys::quoted;
use super::yaml::{Node, Value};

/// The outputs `node` (the value of `outputs:`) selects, in its order.
pub(super) fn outputs(node: &Node<'_>, problems: &mut Problems<'_>) -> Vec<Output> {
    let words: Vec<&str> = crate::Output::ALL
        .iter()
        .map(|output| output.word())
        .collect();
    let Value::List(items) = &node.value else {
        problems.expected(
            node,
            "`outputs`",
            "a list of outputs, e.g. `[typescript, openapi, markdown, python, go]`",
        );
        return Output::DEFAULT.to_vec();
    };
    let mut outputs = Vec::with_capacity(items.len());
    for item in items {
        let Value::Text(word) = &item.value else {
            problems.expected(item, "an output", &format!("one of {}", quoted(&words)));
            continue;
        };
        match Output::from_word(word) {
            Some(output) if outputs.contains(&output) => {
                problems.at(item.at, format!("output `{word}` is listed twice"));
            }
            Some(output) => outputs.push(output),
            None => problems.at(
                item.at,
                format!(
                    "unknown output `{word}`: expected one of {}",
                    quoted(&words)
                ),
            ),
        }
    }
    if items.is_empty() {
        problems.at(
            node.at,
            "`outputs` is empty: list the documents to write, or leave `outputs` out for \
             the default `[typescript, openapi, markdown]`",
        );
    }
    outputs
}

/// Reports every name the selected Python and Go outputs cannot give.
pub(super) fn check_names(catalog: &Catalog, problems: &mut Problems<'_>) {
    if catalog.selects(Output::Python) {
        Names::new("Python", PYTHON_RESERVED, PYTHON_MODULE_NAMES, "errors.py")
            .check(&python_names(catalog), problems);
    }
    if catalog.selects(Output::Go) {
        Names::new("Go", GO_RESERVED, GO_PACKAGE_NAMES, "errors.go")
            .check(&go_names(catalog), problems);
        go_fields(catalog, problems);
    }
}

/// A name an output gives an item: the name, what it names, and the line of
/// the item that gives it.
struct Given {
    name: String,
    what: String,
    line: usize,
    /// How to give the item another name.
    fix: &'static str,
}

const RENAME_TYPE: &str = "rename the type";
const NAME_STATUS: &str = "give the status another `name:`";
const NAME_CODE: &str = "give the code a `name:`";

fn python_names(catalog: &Catalog) -> Vec<Given> {
    let mut names = vec![Given {
        name: python_exception(&catalog.name),
        what: "the base exception class (the catalogue's `name`, with PEP 8's `Error` suffix)"
            .to_owned(),
        line: catalog.name_line.unwrap_or(catalog.title_line),
        fix: "give the catalogue another `name:`",
    }];
    for ty in &catalog.types {
        names.push(Given {
            name: ty.name.clone(),
            what: format!("the TypedDict of type `{}`", ty.name),
            line: ty.line,
            fix: RENAME_TYPE,
        });
    }
    for status in catalog.groups() {
        names.push(Given {
            name: python_exception(&status.name),
            what: format!("the exception class of status {}", status.status),
            line: status.line,
            fix: NAME_STATUS,
        });
        names.push(Given {
            name: python_group_codes(&status.name),
            what: format!("the Literal of the codes of status {}", status.status),
            line: status.line,
            fix: NAME_STATUS,
        });
        for code in status.codes.iter().filter(|code| !code.params.is_empty()) {
            names.push(Given {
                name: python_details(&code.name),
                what: format!("the TypedDict of the details of code `{}`", code.code),
                line: code.line,
                fix: NAME_CODE,
            });
        }
    }
    names
}

fn go_names(catalog: &Catalog) -> Vec<Given> {
    let mut names = Vec::new();
    for ty in &catalog.types {
        names.push(Given {
            name: ty.name.clone(),
            what: format!("the struct of type `{}`", ty.name),
            line: ty.line,
            fix: RENAME_TYPE,
        });
    }
    for (_, code) in catalog.codes() {
        let mut give = |name: String, what: &str| {
            names.push(Given {
                name,
                what: format!("{what} of code `{}`", code.code),
                line: code.line,
                fix: NAME_CODE,
            });
        };
        give(go_constant(&code.name), "the constant");
        give(go_sentinel(&code.name), "the sentinel error");
        if !code.params.is_empty() {
            give(go_details(&code.name), "the details struct");
        }
    }
    names
}

/// Two params of one code, or two fields of one type, that give one Go
/// field name.
fn go_fields(catalog: &Catalog, problems: &mut Problems<'_>) {
    let owners = catalog
        .types
        .iter()
        .map(|ty| (format!("type `{}`", ty.name), &ty.fields))
        .chain(
            catalog
                .codes()
                .map(|(_, code)| (format!("code `{}`", code.code), &code.params)),
        );
    for (owner, fields) in owners {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for field in fields {
            let go = go_field(&field.name);
            if GO_STRUCT_METHODS.contains(&go.as_str()) {
                problems.at_line(
                    field.line,
                    format!(
                        "`{}` of {owner} becomes the Go field `{go}`, the name of a method \
                         of its struct in errors.go; rename it",
                        field.name
                    ),
                );
            }
            if let Some(first) = seen.insert(go.clone(), &field.name) {
                problems.at_line(
                    field.line,
                    format!(
                        "`{}` and `{first}` of {owner} both become the Go field `{go}`; \
                         rename one",
                        field.name
                    ),
                );
            }
        }
    }
}

/// The rules of one language's names.
struct Names {
    language: &'static str,
    reserved: &'static [&'static str],
    module: &'static [&'static str],
    file: &'static str,
}

impl Names {
    const fn new(
        language: &'static str,
        reserved: &'static [&'static str],
        module: &'static [&'static str],
        file: &'static str,
    ) -> Self {
        Self {
            language,
            reserved,
            module,
            file,
        }
    }

    fn check(&self, names: &[Given], problems: &mut Problems<'_>) {
        let language = self.language;
        let mut seen: HashMap<&str, &Given> = HashMap::new();
        // One problem per item: its constant and its sentinel clash together.
        let mut reported = Vec::new();
        for given in names {
            if reported.contains(&given.line) {
                continue;
            }
            let count = problems.found.len();
            let Given {
                name,
                what,
                line,
                fix,
            } = given;
            if self.reserved.contains(&name.as_str()) {
                problems.at_line(
                    *line,
                    format!(
                        "{what} would be `{name}`, which shadows {language}'s own `{name}`; \
                         {fix}"
                    ),
                );
            } else if self.module.contains(&name.as_str()) {
                problems.at_line(
                    *line,
                    format!(
                        "{what} would be `{name}`, a name {} already defines; {fix}",
                        self.file
                    ),
                );
            } else if let Some(first) = seen.insert(name, given) {
                problems.at_line(
                    *line,
                    format!(
                        "{what} would be `{name}`, like {} (line {}): the two collide in \
                         {language}; {fix}",
                        first.what, first.line
                    ),
                );
            }
            if problems.found.len() > count {
                reported.push(given.line);
            }
        }
    }
}
