//! The Python emitter: `generated/errors.py`, a module for Python 3.10 and
//! later that needs only the standard library.
//!
//! The codes are `Literal` types (`ErrorCode`, one alias per status), their
//! facts a frozen dataclass per code (`ERRORS`), the bodies `TypedDict`s
//! that follow the catalogue's layout, and the errors exceptions: a base
//! class named after the catalogue (`ApiError`) and one subclass per status,
//! which `ApiError.from_response` picks by the code it reads. A code the
//! module does not know gives the base class, never an error.
//!
//! The guards walk the layout from a few tuples of member names and check
//! the params from a table of their types as the catalogue writes them
//! (`"[FieldViolation]"`): the same small functions serve every layout.
//! Every text is a string literal that evaluates to it exactly, or docstring
//! text that cannot close its docstring (see `syntax`).

mod syntax;

use std::fmt::Write as _;

use crate::model::DEPRECATED;
use crate::names::{python_details, python_exception, python_group_codes};
use crate::{Catalog, Code, CodeType, Member, Object, Param, Part, Retry, Type};

use syntax::{doc_lines, is_attribute, push_docstring, sort_all, string_literal};

/// Renders the catalogue as a Python module (`generated/errors.py`).
///
/// The output is deterministic, formatted as `ruff format` writes it, and
/// clean under `mypy --strict`, pyright's strict mode and `ruff check`.
///
/// ```
/// let catalog = error_codes_gen::Catalog::from_yaml(
///     "title: Errors\nstatuses:\n  401:\n    codes:\n      invalid_token: The API Token provided is \"invalid\".\n",
///     "errors.yaml",
/// )?;
/// let py = error_codes_gen::python::emit(&catalog);
/// assert!(py.contains("Generated from errors.yaml by error-codes; do not edit."));
/// assert!(py.contains("UnauthorizedCode: TypeAlias = Literal[\"invalid_token\"]\n"));
/// assert!(py.contains("        message='The API Token provided is \"invalid\".',\n"));
/// assert!(py.contains("class UnauthorizedError(ApiError):\n"));
/// # Ok::<(), error_codes_gen::Error>(())
/// ```
#[must_use]
pub fn emit(catalog: &Catalog) -> String {
    Module::new(catalog).write()
}

/// The catalogue, and what its module depends on.
#[allow(clippy::struct_excessive_bools)] // Each says whether a part of the module is written.
struct Module<'a> {
    catalog: &'a Catalog,
    /// Whether any code has params: then the module has `ErrorDetails` and
    /// the checks of params.
    params: bool,
    /// Whether some code is retried after `retry_after` seconds.
    after: bool,
    /// Whether some code has a documentation URL.
    docs: bool,
    /// Whether codes are JSON numbers.
    integer: bool,
    /// Whether the params are spread into an object of the body.
    spread: bool,
    /// Whether any code at all.
    codes: bool,
}

/// A member of a `TypedDict`.
struct Field {
    name: String,
    ty: String,
    optional: bool,
    doc: Vec<String>,
}

impl<'a> Module<'a> {
    fn new(catalog: &'a Catalog) -> Self {
        Self {
            catalog,
            params: catalog.codes().any(|(_, code)| !code.params.is_empty()),
            after: catalog.codes().any(|(_, code)| code.retry == Retry::After),
            docs: catalog.codes().any(|(_, code)| code.docs.is_some()),
            integer: catalog.body.code_type == CodeType::Integer,
            spread: catalog
                .body
                .path(Part::Details)
                .is_some_and(|path| path.spread),
            codes: catalog.codes().next().is_some(),
        }
    }

    fn write(&self) -> String {
        let mut out = String::new();
        self.module_doc(&mut out);
        self.imports(&mut out);
        self.all(&mut out);
        self.codes(&mut out);
        self.errors(&mut out);
        if self.params {
            self.types(&mut out);
        }
        self.bodies(&mut out);
        self.layout(&mut out);
        if self.params {
            self.param_table(&mut out);
        }
        self.guards(&mut out);
        self.exceptions(&mut out);
        out
    }

    fn code_literal(&self, code: &Code) -> String {
        match code.number().filter(|_| self.integer) {
            Some(number) => number.to_string(),
            None => string_literal(&code.code),
        }
    }

    /// The Python type of a code as received: `str`, or `int`.
    fn code_type(&self) -> &'static str {
        if self.integer { "int" } else { "str" }
    }

    // The module's head.

    fn module_doc(&self, out: &mut String) {
        let catalog = self.catalog;
        let mut doc = vec![
            "The API's error codes, bodies and exceptions, as Python types and values.".to_owned(),
            String::new(),
        ];
        doc.extend(doc_lines(&catalog.title));
        if let Some(description) = &catalog.description {
            doc.push(String::new());
            doc.extend(doc_lines(description));
        }
        if let Some(version) = &catalog.version {
            doc.push(String::new());
            doc.extend(doc_lines(&format!("Version {version}.")));
        }
        doc.push(String::new());
        doc.push(catalog.generated_notice());
        push_docstring(out, "", &doc);
        out.push('\n');
    }

    fn imports(&self, out: &mut String) {
        out.push_str("from __future__ import annotations\n\n");
        out.push_str("import json\n");
        if self.params {
            out.push_str("import math\n");
        }
        out.push_str("from collections.abc import Mapping\n");
        out.push_str("from dataclasses import dataclass\n");
        let mut typing = vec!["Final", "Literal"];
        if self.params {
            typing.push("NamedTuple");
        }
        if !self.codes {
            typing.push("NoReturn");
        }
        typing.extend(["TypeAlias", "TypedDict", "TypeGuard", "cast"]);
        if self.params {
            typing.push("final");
        }
        let line = format!("from typing import {}", typing.join(", "));
        if fits(&line) {
            out.push_str(&line);
            out.push('\n');
        } else {
            // As isort and ruff wrap an import that does not fit.
            out.push_str("from typing import (\n");
            for name in &typing {
                let _ = writeln!(out, "    {name},");
            }
            out.push_str(")\n");
        }
        out.push('\n');
    }

    fn all(&self, out: &mut String) {
        let catalog = self.catalog;
        let mut names: Vec<String> = [
            "ErrorCode",
            "ERROR_CODES",
            "Retry",
            "ErrorInfo",
            "ERRORS",
            "ErrorBody",
            "ReceivedErrorBody",
            "is_error_code",
            "is_error_body",
            "is_received_error_body",
            "status_of",
        ]
        .map(str::to_owned)
        .to_vec();
        names.push(python_exception(&catalog.name));
        if self.after {
            names.push("retry_after_seconds".to_owned());
        }
        if self.params {
            names.push("ErrorDetails".to_owned());
            names.extend(catalog.types.iter().map(|ty| ty.name.clone()));
        }
        for status in catalog.groups() {
            names.push(python_group_codes(&status.name));
            names.push(python_exception(&status.name));
            for code in status.codes.iter().filter(|code| !code.params.is_empty()) {
                names.push(python_details(&code.name));
            }
        }
        sort_all(&mut names);
        out.push_str("__all__ = [\n");
        for name in &names {
            out.push_str("    ");
            out.push_str(&string_literal(name));
            out.push_str(",\n");
        }
        out.push_str("]\n");
    }

    // The codes and what the catalogue says of them.

    fn codes(&self, out: &mut String) {
        let catalog = self.catalog;
        let member = written(catalog, Part::Code);
        let mut doc = vec![if self.integer {
            format!(
                "An error code, sent as a JSON number in the `{member}` member of an error body."
            )
        } else {
            format!("An error code, as sent in the `{member}` member of an error body.")
        }];
        if let Some(note) = deprecated_note(catalog.codes().map(|(_, code)| code)) {
            doc.push(String::new());
            doc.push(note);
        }
        out.push('\n');
        let literals: Vec<String> = catalog
            .codes()
            .map(|(_, code)| self.code_literal(code))
            .collect();
        if let [_] = literals.as_slice() {
            // One code: ruff joins the lines, comment or not, so none.
            push_subscript(out, "ErrorCode: TypeAlias = Literal", &literals);
        } else if self.codes {
            out.push_str("ErrorCode: TypeAlias = Literal[\n");
            for (_, code) in catalog.codes() {
                out.push_str("    ");
                out.push_str(&self.code_literal(code));
                out.push(',');
                if code.deprecated.is_some() {
                    out.push_str("  # Deprecated.");
                }
                out.push('\n');
            }
            out.push_str("]\n");
        } else {
            // `Literal[()]` is no type: with no codes, no value is a code.
            out.push_str("ErrorCode: TypeAlias = NoReturn\n");
            doc.push(String::new());
            doc.push("The catalogue has no codes yet, so no value is one.".to_owned());
        }
        push_docstring(out, "", &doc);

        for status in catalog.groups() {
            out.push('\n');
            let alias = python_group_codes(&status.name);
            let literals: Vec<String> = status
                .codes
                .iter()
                .map(|code| self.code_literal(code))
                .collect();
            push_subscript(out, &format!("{alias}: TypeAlias = Literal"), &literals);
            let mut doc = doc_lines(&format!("Codes sent with HTTP status {}.", status.line()));
            if let Some(description) = &status.description {
                doc.push(String::new());
                doc.extend(doc_lines(description));
            }
            if let Some(note) = deprecated_note(status.codes.iter()) {
                doc.push(String::new());
                doc.push(note);
            }
            push_docstring(out, "", &doc);
        }

        out.push('\n');
        let one = literals
            .first()
            .map(|one| format!("ERROR_CODES: Final[tuple[ErrorCode, ...]] = ({one},)"));
        if let (Some(line), 1) = (&one, literals.len())
            && fits(line)
        {
            out.push_str(line);
            out.push('\n');
        } else if self.codes {
            out.push_str("ERROR_CODES: Final[tuple[ErrorCode, ...]] = (\n");
            for (_, code) in catalog.codes() {
                out.push_str("    ");
                out.push_str(&self.code_literal(code));
                out.push_str(",\n");
            }
            out.push_str(")\n");
        } else {
            out.push_str("ERROR_CODES: Final[tuple[ErrorCode, ...]] = ()\n");
        }
        push_docstring(
            out,
            "",
            &["Every error code, in catalogue order.".to_owned()],
        );
    }

    fn errors(&self, out: &mut String) {
        let catalog = self.catalog;
        out.push_str(RETRY);
        out.push_str("\n\n\n@dataclass(frozen=True)\nclass ErrorInfo:\n");
        push_docstring(
            out,
            "    ",
            &["What the catalogue says of one error code.".to_owned()],
        );
        out.push_str("\n    status: int\n");
        push_docstring(
            out,
            "    ",
            &["The HTTP status the code is sent with.".to_owned()],
        );
        out.push_str("    message: str\n");
        let message_doc = if self.params {
            vec![
                "The message as the catalogue writes it.".to_owned(),
                String::new(),
                "In the message of a code that has params, `{name}` stands for the value"
                    .to_owned(),
                "of the param `name`, and `{{` and `}}` for braces; a body's message has"
                    .to_owned(),
                "them filled in.".to_owned(),
            ]
        } else {
            vec!["The message, as a body sends it.".to_owned()]
        };
        push_docstring(out, "    ", &message_doc);
        out.push_str("    retry: Retry\n");
        push_docstring(
            out,
            "    ",
            &["Whether and when a client may send the request again.".to_owned()],
        );
        out.push_str("    deprecated: str | None\n");
        push_docstring(
            out,
            "    ",
            &[
                "Why the code is deprecated and what to use instead; None while it is current."
                    .to_owned(),
            ],
        );
        if self.docs {
            out.push_str("    docs: str | None\n");
            push_docstring(
                out,
                "    ",
                &["The URL of the code's documentation, if it has one.".to_owned()],
            );
        }

        out.push_str("\n\n");
        if self.codes {
            out.push_str("ERRORS: Final[Mapping[ErrorCode, ErrorInfo]] = {\n");
            for (status, code) in catalog.codes() {
                out.push_str("    ");
                out.push_str(&self.code_literal(code));
                out.push_str(": ErrorInfo(\n");
                let _ = writeln!(out, "        status={},", status.status);
                out.push_str("        message=");
                out.push_str(&string_literal(&code.message));
                out.push_str(",\n        retry=");
                out.push_str(&string_literal(code.retry.word()));
                out.push_str(",\n        deprecated=");
                match &code.deprecated {
                    Some(note) => out.push_str(&string_literal(note)),
                    None => out.push_str("None"),
                }
                out.push_str(",\n");
                if self.docs {
                    out.push_str("        docs=");
                    match &code.docs {
                        Some(url) => out.push_str(&string_literal(url)),
                        None => out.push_str("None"),
                    }
                    out.push_str(",\n");
                }
                out.push_str("    ),\n");
            }
            out.push_str("}\n");
        } else {
            out.push_str("ERRORS: Final[Mapping[ErrorCode, ErrorInfo]] = {}\n");
        }
        let mut doc = vec![
            "What the catalogue says of every error code: status, message, retry advice."
                .to_owned(),
        ];
        if catalog.codes().any(|(_, code)| code.deprecated.is_some()) {
            doc.push(String::new());
            doc.push(
                "`ERRORS[code].deprecated` says why a code is deprecated and what to use instead."
                    .to_owned(),
            );
        }
        push_docstring(out, "", &doc);
        let _ = writeln!(
            out,
            "\n\ndef status_of(code: ErrorCode) -> int:\n    \"\"\"Return the HTTP status that `code` is sent with.\"\"\"\n    return ERRORS[code].status"
        );
    }

    // The types of the details.

    fn types(&self, out: &mut String) {
        let catalog = self.catalog;
        for ty in &catalog.types {
            let mut doc = vec![format!("The type `{}` of the catalogue.", ty.name)];
            if let Some(description) = &ty.description {
                doc.push(String::new());
                doc.extend(doc_lines(description));
            }
            typed_dict(out, &ty.name, &doc, &fields(&ty.fields), false);
        }
        let mut names = Vec::new();
        for (status, code) in catalog.codes().filter(|(_, code)| !code.params.is_empty()) {
            let name = python_details(&code.name);
            let mut doc = doc_lines(&format!(
                "The details of `{}` ({}).",
                code.code,
                status.line()
            ));
            doc.push(String::new());
            doc.extend(doc_lines(&code.message));
            // Final, so that `"name" in details` narrows `ErrorDetails` to
            // the codes that have the param `name`.
            typed_dict(out, &name, &doc, &fields(&code.params), true);
            names.push(name);
        }
        out.push_str("\n\n");
        let line = format!("ErrorDetails: TypeAlias = {}", names.join(" | "));
        if fits(&line) {
            out.push_str(&line);
            out.push('\n');
        } else {
            out.push_str("ErrorDetails: TypeAlias = ");
            out.push_str("(\n");
            let inner = format!("    {}", names.join(" | "));
            if fits(&inner) {
                out.push_str(&inner);
                out.push_str("\n)\n");
                names.clear();
            }
            for (at, name) in names.iter().enumerate() {
                out.push_str(if at == 0 { "    " } else { "    | " });
                out.push_str(name);
                out.push('\n');
            }
            if !names.is_empty() {
                out.push_str(")\n");
            }
        }
        push_docstring(
            out,
            "",
            &["The details of any code that has params.".to_owned()],
        );
    }

    // The bodies.

    fn bodies(&self, out: &mut String) {
        let tree = self.catalog.body.tree();
        let mut private = Vec::new();
        let fields = self.object_fields(&tree, "_ErrorBody", false, &mut private);
        let mut doc =
            vec!["The JSON body of an error response of a code of this catalogue.".to_owned()];
        if self.params {
            doc.push(String::new());
            doc.push(if self.spread {
                format!(
                    "A code's params are sent as members of {}; `ApiError.details` reads them.",
                    spread_place(self.catalog)
                )
            } else {
                format!(
                    "A code that has params sends them in `{}` (see `ErrorDetails`).",
                    written(self.catalog, Part::Details)
                )
            });
        }
        for (name, fields) in private.drain(..) {
            typed_dict(out, &name, &[], &fields, false);
        }
        typed_dict(out, "ErrorBody", &doc, &fields, false);
        let fields = self.object_fields(&tree, "_ReceivedErrorBody", true, &mut private);
        for (name, fields) in private.drain(..) {
            typed_dict(out, &name, &[], &fields, false);
        }
        let doc = vec![
            "An error response body as a client receives it.".to_owned(),
            String::new(),
            format!(
                "`{}` is one of `ERROR_CODES`, or a code the server added after this module",
                written(self.catalog, Part::Code)
            ),
            "was generated: `is_error_code` tells them apart. Details are unchecked.".to_owned(),
        ];
        typed_dict(out, "ReceivedErrorBody", &doc, &fields, false);
    }

    /// The fields of the `TypedDict` of `object`, whose nested objects
    /// become private `TypedDict`s named after `name` and their path,
    /// pushed to `private` before their parent needs them.
    fn object_fields(
        &self,
        object: &Object,
        name: &str,
        received: bool,
        private: &mut Vec<(String, Vec<Field>)>,
    ) -> Vec<Field> {
        let mut fields = Vec::new();
        for member in &object.members {
            let field = match &member.value {
                Member::Part(part) => {
                    let (ty, optional, doc) = match part {
                        Part::Code if received => (
                            self.code_type().to_owned(),
                            false,
                            "What went wrong, for programs: a known code, or a newer one.",
                        ),
                        Part::Code => (
                            "ErrorCode".to_owned(),
                            false,
                            "What went wrong, for programs.",
                        ),
                        Part::Message => ("str".to_owned(), false, "What went wrong, for people."),
                        Part::Details if !self.params => continue,
                        Part::Details if received => (
                            "object".to_owned(),
                            true,
                            "The data sent with the error, as sent and unchecked.",
                        ),
                        Part::Details => (
                            "ErrorDetails".to_owned(),
                            true,
                            "What went wrong, as data: the code's params, for a code that has them.",
                        ),
                        Part::Status => {
                            ("int".to_owned(), false, "The HTTP status of the response.")
                        }
                        Part::Docs => (
                            "str".to_owned(),
                            received || self.docs_optional(),
                            "Where the code is documented: a URL.",
                        ),
                        Part::Title => {
                            ("str".to_owned(), false, "What went wrong, in a few words.")
                        }
                    };
                    Field {
                        name: member.name.clone(),
                        ty,
                        optional,
                        doc: vec![doc.to_owned()],
                    }
                }
                Member::Object(inner) => {
                    let inner_name = format!("{name}{}", camel(&member.name, private.len()));
                    let inner_fields = self.object_fields(inner, &inner_name, received, private);
                    if inner_fields.is_empty() {
                        continue;
                    }
                    let optional = inner_fields.iter().all(|field| field.optional);
                    private.push((inner_name.clone(), inner_fields));
                    Field {
                        name: member.name.clone(),
                        ty: inner_name,
                        optional,
                        doc: Vec::new(),
                    }
                }
            };
            fields.push(field);
        }
        fields
    }

    fn docs_optional(&self) -> bool {
        self.catalog.codes().any(|(_, code)| code.docs.is_none())
    }

    // The guards.

    /// Where each part is, as tuples of member names.
    fn layout(&self, out: &mut String) {
        let body = &self.catalog.body;
        out.push_str(
            "\n\n# Where each part of a body is: the names of the members that lead to it.\n",
        );
        for (part, path) in &body.parts {
            if *part == Part::Details && !self.params {
                continue;
            }
            let head = format!("{}: Final[tuple[str, ...]] = ", part_constant(*part));
            let line = format!("{head}{}", tuple(&path.members));
            if fits(&line) {
                out.push_str(&line);
            } else {
                // As ruff wraps a tuple that does not fit: an item a line.
                let _ = writeln!(out, "{head}(");
                for name in &path.members {
                    let _ = writeln!(out, "    {},", string_literal(name));
                }
                out.push(')');
            }
            out.push('\n');
        }
    }

    fn param_table(&self, out: &mut String) {
        let catalog = self.catalog;
        out.push_str(PARAM);
        out.push_str("\n\n\n");
        let _ = writeln!(
            out,
            "_PARAMS: Final[Mapping[{}, tuple[_Param, ...]]] = {{",
            self.code_type()
        );
        for (_, code) in catalog.codes().filter(|(_, code)| !code.params.is_empty()) {
            push_params(out, &self.code_literal(code), &code.params);
        }
        out.push_str("}\n");
        out.push_str("\"\"\"The params of each code that has params.\"\"\"\n");
        if catalog.types.is_empty() {
            out.push_str("\n_TYPES: Final[Mapping[str, tuple[_Param, ...]]] = {}\n");
        } else {
            out.push_str("\n_TYPES: Final[Mapping[str, tuple[_Param, ...]]] = {\n");
            for ty in &catalog.types {
                push_params(out, &string_literal(&ty.name), &ty.fields);
            }
            out.push_str("}\n");
        }
        out.push_str("\"\"\"The fields of each type of the catalogue.\"\"\"\n");
        out.push_str(CHECK_PARAMS);
    }

    fn guards(&self, out: &mut String) {
        let parts = &self.catalog.body;
        out.push_str(MEMBER);
        out.push_str(if !self.codes {
            IS_NO_CODE
        } else if self.integer {
            IS_INTEGER_CODE
        } else {
            IS_STRING_CODE
        });
        // The checks every received body passes, and then those of a body
        // of this catalogue.
        let mut received = vec![
            format!("isinstance(_member(value, _CODE), {})", self.code_type()),
            "isinstance(_member(value, _MESSAGE), str)".to_owned(),
        ];
        if self.integer {
            "_is_int(_member(value, _CODE))".clone_into(&mut received[0]);
        }
        if parts.path(Part::Status).is_some() {
            received.push("_is_int(_member(value, _STATUS))".to_owned());
        }
        if parts.path(Part::Title).is_some() {
            received.push("isinstance(_member(value, _TITLE), str)".to_owned());
        }
        if parts.path(Part::Docs).is_some() {
            received.push("_is_absent_or_str(_member(value, _DOCS))".to_owned());
        }
        if parts.path(Part::Docs).is_some() {
            out.push_str(IS_ABSENT_OR_STR);
        }
        let needs_int = self.integer || parts.path(Part::Status).is_some();
        if needs_int && !self.params {
            out.push_str(IS_INT);
        }
        out.push_str(
            "\n\ndef is_received_error_body(value: object) -> TypeGuard[ReceivedErrorBody]:\n",
        );
        push_docstring(
            out,
            "    ",
            &[
                "Return whether `value` has the shape of an error body, with any code.".to_owned(),
                String::new(),
                "Clients check responses with this rather than `is_error_body`, so that a"
                    .to_owned(),
                "newer server's codes do not break them.".to_owned(),
            ],
        );
        push_return(out, &received);

        let mut known = vec!["is_received_error_body(value)".to_owned()];
        known.push("is_error_code(_member(value, _CODE))".to_owned());
        if parts.path(Part::Docs).is_some() && !self.docs_optional() {
            known.push("isinstance(_member(value, _DOCS), str)".to_owned());
        }
        if self.params {
            known.push("_has_params(value)".to_owned());
        }
        out.push_str("\n\ndef is_error_body(value: object) -> TypeGuard[ErrorBody]:\n");
        let mut doc =
            vec!["Return whether `value` is an error body of a code of this catalogue.".to_owned()];
        if self.params {
            doc.push(String::new());
            doc.push(
                "A code that has params must send each required one, and every param sent"
                    .to_owned(),
            );
            doc.push(
                "must have its type; members the catalogue does not name are ignored.".to_owned(),
            );
        }
        push_docstring(out, "    ", &doc);
        push_return(out, &known);

        if self.params {
            let _ = writeln!(
                out,
                "\n\ndef _details(body: object) -> object:\n    \"\"\"Return the object that holds the params of `body`.\"\"\"\n    return _member(body, _DETAILS)\n\n\ndef _has_params(body: object) -> bool:\n    \"\"\"Return whether `body` sends the params of its code, each of its type.\"\"\"\n    params = _PARAMS.get(cast(\"{}\", _member(body, _CODE)))\n    return params is None or _has_fields(_details(body), params)",
                self.code_type()
            );
        }
        if self.after {
            out.push_str(RETRY_AFTER_SECONDS);
        }
    }

    // The exceptions.

    #[allow(clippy::too_many_lines)] // Mostly the text of the base class.
    fn exceptions(&self, out: &mut String) {
        let catalog = self.catalog;
        let base = &python_exception(&catalog.name);
        let details = if self.params {
            "ErrorDetails | None"
        } else {
            "None"
        };
        let code_type = self.code_type();
        out.push_str("\n\n");
        out.push_str(&class_line(base, &["Exception"]));
        push_docstring(
            out,
            "    ",
            &[
                "An error response of the API: its status, code, message and details.".to_owned(),
                String::new(),
                format!("`{base}.from_response` reads one. A code of this catalogue gives the"),
                "subclass of its status; a code the server added since gives this class."
                    .to_owned(),
            ],
        );
        let _ = write!(
            out,
            r#"
    status: int
    """The HTTP status of the response."""
    code: {code_type}
    """The code as sent: one of `ERROR_CODES`, or a newer one."""
    message: str
    """The message as sent (a server may localize it)."""
    details: {details}
    """The code's params, checked against the catalogue; None when it has none."""
    body: ReceivedErrorBody
    """The body as received."""

    def __init__(
        self,
        status: int,
        code: {code_type},
        message: str,
        details: {details},
        body: ReceivedErrorBody,
    ) -> None:
        """Make the error of a response; `from_response` reads one."""
        super().__init__(f"{{status}} {{code}}: {{message}}")
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.body = body

    @classmethod
    def from_response(cls, status: int, body: object) -> {base}:
        """Return the error that a response's status and body say.

        `body` is the parsed JSON, or the raw bytes or text of the body. A
        code of this catalogue gives the subclass of its status, with its
        params checked and typed in `details` (None if they are malformed);
        any other code gives `{base}` itself.

        Raises:
            ValueError: The body is not JSON, or not an error body.
        """
        if isinstance(body, (bytes, bytearray, str)):
            try:
                body = json.loads(body)
            except ValueError as error:
                message = f"not an error body: the body is not JSON ({{error}})"
                raise ValueError(message) from error
        if not is_received_error_body(body):
            message = "not an error body: the code or the message is missing"
            raise ValueError(message)
        code = cast("{code_type}", _member(body, _CODE))
        text = cast("str", _member(body, _MESSAGE))
        if not is_error_code(code):
            return {base}(status, code, text, None, body)
"#
        );
        if self.params {
            out.push_str(
                r#"        details: ErrorDetails | None = None
        params = _PARAMS.get(code)
        if params is not None and _has_params(body):
            found = cast("Mapping[str, object]", _details(body))
            sent = {name: found[name] for name, _, _ in params if name in found}
            details = cast("ErrorDetails", sent)
        return _EXCEPTIONS[ERRORS[code].status](status, code, text, details, body)
"#,
            );
        } else {
            out.push_str(
                "        return _EXCEPTIONS[ERRORS[code].status](status, code, text, None, body)\n",
            );
        }
        for status in catalog.groups() {
            let name = python_exception(&status.name);
            out.push_str("\n\n");
            out.push_str(&class_line(&name, &[base]));
            let mut doc = doc_lines(&format!(
                "An error sent with HTTP status {}.",
                status.line()
            ));
            doc.push(String::new());
            doc.push(format!(
                "Its code is one of `{}`.",
                python_group_codes(&status.name)
            ));
            if let Some(description) = &status.description {
                doc.push(String::new());
                doc.extend(doc_lines(description));
            }
            push_docstring(out, "    ", &doc);
        }
        out.push('\n');
        if self.codes {
            let _ = writeln!(out, "\n_EXCEPTIONS: Final[Mapping[int, type[{base}]]] = {{");
            for status in catalog.groups() {
                let _ = writeln!(
                    out,
                    "    {}: {},",
                    status.status,
                    python_exception(&status.name)
                );
            }
            out.push_str("}\n");
        } else {
            let _ = writeln!(
                out,
                "\n_EXCEPTIONS: Final[Mapping[int, type[{base}]]] = {{}}"
            );
        }
        push_docstring(out, "", &["The exception class of each status.".to_owned()]);
    }
}

/// The fields of a `TypedDict` of params or type fields.
fn fields(params: &[Param]) -> Vec<Field> {
    params
        .iter()
        .map(|param| {
            let mut doc = param
                .description
                .as_deref()
                .map(doc_lines)
                .unwrap_or_default();
            if let Type::Integer = param.ty {
                if !doc.is_empty() {
                    doc.push(String::new());
                }
                doc.push("An integer.".to_owned());
            }
            Field {
                name: param.name.clone(),
                ty: python_type(&param.ty),
                optional: param.optional,
                doc,
            }
        })
        .collect()
}

fn python_type(ty: &Type) -> String {
    match ty {
        Type::String => "str".to_owned(),
        Type::Integer => "int".to_owned(),
        Type::Number => "float".to_owned(),
        Type::Boolean => "bool".to_owned(),
        Type::List(item) => format!("list[{}]", python_type(item)),
        Type::Named(name) => name.clone(),
    }
}

/// Writes a `TypedDict` named `name`: a class, whose optional members are
/// declared by a class of `total=False` (3.10 has no `NotRequired`), or for
/// member names a class body cannot hold, the functional form.
fn typed_dict(out: &mut String, name: &str, doc: &[String], fields: &[Field], sealed: bool) {
    let sealed = if sealed { "@final\n" } else { "" };
    let required: Vec<&Field> = fields.iter().filter(|field| !field.optional).collect();
    let optional: Vec<&Field> = fields.iter().filter(|field| field.optional).collect();
    let attributes = fields.iter().all(|field| is_attribute(&field.name));
    out.push_str("\n\n");
    if !attributes {
        let mut bases = Vec::new();
        for (members, suffix, total) in [
            (&required, "Required", true),
            (&optional, "Optional", false),
        ] {
            if members.is_empty() {
                continue;
            }
            let base = format!("_{}{suffix}", name.trim_start_matches('_'));
            if members.iter().all(|field| is_attribute(&field.name)) {
                let own: &[&str] = if total {
                    &["TypedDict"]
                } else {
                    &["TypedDict", "total=False"]
                };
                out.push_str(&class_line(&base, own));
                push_fields(out, members);
                out.push_str("\n\n");
                bases.push(base);
                continue;
            }
            let _ = writeln!(
                out,
                "{base} = TypedDict(\n    {},\n    {{",
                string_literal(&base)
            );
            for field in members {
                let _ = writeln!(
                    out,
                    "        {}: {},",
                    string_literal(&field.name),
                    quoted(&field.ty)
                );
            }
            out.push_str("    },\n");
            if !total {
                out.push_str("    total=False,\n");
            }
            out.push_str(")\n\n\n");
            bases.push(base);
        }
        out.push_str(sealed);
        let bases: Vec<&str> = bases.iter().map(String::as_str).collect();
        out.push_str(&class_line(name, &bases));
        class_doc(out, name, doc);
        return;
    }
    let mut own = fields.iter().collect::<Vec<_>>();
    if !required.is_empty() && !optional.is_empty() {
        let base = format!("_{}Required", name.trim_start_matches('_'));
        out.push_str(&class_line(&base, &["TypedDict"]));
        push_fields(out, &required);
        out.push_str("\n\n");
        out.push_str(sealed);
        out.push_str(&class_line(name, &[&base, "total=False"]));
        own = optional;
    } else if !optional.is_empty() {
        out.push_str(sealed);
        out.push_str(&class_line(name, &["TypedDict", "total=False"]));
    } else {
        out.push_str(sealed);
        out.push_str(&class_line(name, &["TypedDict"]));
    }
    if !doc.is_empty() || !name.starts_with('_') {
        class_doc(out, name, doc);
        if !own.is_empty() {
            out.push('\n');
        }
    }
    if own.is_empty() && (doc.is_empty() && name.starts_with('_')) {
        out.push_str("    pass\n");
    }
    push_fields(out, &own);
}

fn class_doc(out: &mut String, name: &str, doc: &[String]) {
    if doc.is_empty() {
        push_docstring(
            out,
            "    ",
            &[format!("A part of `{}`.", name.trim_start_matches('_'))],
        );
    } else {
        push_docstring(out, "    ", doc);
    }
}

/// `class name(bases):`, wrapped as ruff wraps it when it does not fit.
fn class_line(name: &str, bases: &[&str]) -> String {
    let bases: Vec<String> = bases.iter().map(|&base| base.to_owned()).collect();
    let mut line = call("", &format!("class {name}"), &bases);
    line.push_str(":\n");
    line
}

fn push_fields(out: &mut String, fields: &[&Field]) {
    for field in fields {
        let line = format!("    {}: {}", field.name, field.ty);
        match field.ty.split_once('[') {
            // As ruff splits an annotation that does not fit: in its brackets.
            Some((outer, inner)) if !fits(&line) => {
                let inner = inner.strip_suffix(']').unwrap_or(inner);
                let _ = writeln!(out, "    {}: {outer}[\n        {inner}\n    ]", field.name);
            }
            // And a name that does not fit, in parentheses if it then fits.
            None if !fits(&line) && fits(&format!("        {}", field.ty)) => {
                let _ = writeln!(out, "    {}: (\n        {}\n    )", field.name, field.ty);
            }
            _ => {
                out.push_str(&line);
                out.push('\n');
            }
        }
        if !field.doc.is_empty() {
            push_docstring(out, "    ", &field.doc);
        }
    }
}

/// A type in a functional `TypedDict`, whose annotations are evaluated: a
/// string, as `from __future__ import annotations` makes the others.
fn quoted(ty: &str) -> String {
    string_literal(ty)
}

/// A member name as a part of a class name: `error_data` → `ErrorData`,
/// or a number for a name with nothing to keep.
fn camel(name: &str, index: usize) -> String {
    use heck::ToUpperCamelCase as _;
    let kept: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let camel = kept.to_upper_camel_case();
    if camel.is_empty() || !camel.starts_with(|c: char| c.is_ascii_alphabetic()) {
        format!("Member{index}{camel}")
    } else {
        camel
    }
}

/// The private constant of the path of `part`.
fn part_constant(part: Part) -> &'static str {
    match part {
        Part::Code => "_CODE",
        Part::Message => "_MESSAGE",
        Part::Details => "_DETAILS",
        Part::Status => "_STATUS",
        Part::Docs => "_DOCS",
        Part::Title => "_TITLE",
    }
}

fn tuple(members: &[String]) -> String {
    match members {
        [] => "()".to_owned(),
        [one] => format!("({},)", string_literal(one)),
        many => format!(
            "({})",
            many.iter()
                .map(|name| string_literal(name))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// An entry of `_PARAMS` or `_TYPES`: `key: (_Param(...), ...),`.
fn push_params(out: &mut String, key: &str, params: &[Param]) {
    let calls: Vec<String> = params
        .iter()
        .map(|param| {
            let optional = if param.optional { "True" } else { "False" };
            let args = [
                string_literal(&param.name),
                string_literal(&param.ty.written()),
                format!("optional={optional}"),
            ];
            call("        ", "_Param", &args)
        })
        .collect();
    if let [one] = calls.as_slice() {
        let line = format!("    {key}: ({},),", one.trim_start());
        if !one.contains('\n') && fits(&line) {
            out.push_str(&line);
            out.push('\n');
            return;
        }
    }
    let _ = writeln!(out, "    {key}: (");
    for call in &calls {
        out.push_str(call);
        out.push_str(",\n");
    }
    out.push_str("    ),\n");
}

/// `name(args)` at `indent`, as ruff formats a call: on one line when it
/// fits, else the arguments on one line of their own, else one a line.
fn call(indent: &str, name: &str, args: &[String]) -> String {
    let one = format!("{indent}{name}({})", args.join(", "));
    // The comma after the call counts too.
    if fits(&format!("{one},")) {
        return one;
    }
    let inner = format!("{indent}    {}", args.join(", "));
    if fits(&inner) {
        return format!("{indent}{name}(\n{inner}\n{indent})");
    }
    let mut text = format!("{indent}{name}(\n");
    for arg in args {
        let _ = writeln!(text, "{indent}    {arg},");
    }
    text.push_str(indent);
    text.push(')');
    text
}

/// Whether a line fits ruff's default width of 88 columns.
fn fits(line: &str) -> bool {
    line.chars().count() <= 88
}

/// `head[items]`: on one line with one item when it fits, else an item a
/// line (with the trailing comma that keeps ruff from joining them).
fn push_subscript(out: &mut String, head: &str, items: &[String]) {
    if let [one] = items {
        let line = format!("{head}[{one}]");
        if fits(&line) {
            out.push_str(&line);
        } else {
            let _ = write!(out, "{head}[\n    {one}\n]");
        }
        out.push('\n');
        return;
    }
    out.push_str(head);
    out.push_str("[\n");
    for item in items {
        let _ = writeln!(out, "    {item},");
    }
    out.push_str("]\n");
}

/// The checks of a guard, all of which must hold: `if not …: return False`
/// for each but the last, whose value is returned.
fn push_return(out: &mut String, checks: &[String]) {
    if let Some((last, first)) = checks.split_last() {
        for check in first {
            let _ = writeln!(out, "    if not {check}:\n        return False");
        }
        let _ = writeln!(out, "    return {last}");
    }
}

/// The member that carries `part`, as the documents write it: `error.code`.
fn written(catalog: &Catalog, part: Part) -> String {
    catalog
        .body
        .path(part)
        .map(|path| path.members.join("."))
        .unwrap_or_default()
}

/// The object the params are spread into, for a docstring.
fn spread_place(catalog: &Catalog) -> String {
    let path = written(catalog, Part::Details);
    if path.is_empty() {
        "the body".to_owned()
    } else {
        format!("`{path}`")
    }
}

/// Which of `codes` are deprecated, for the docstring of a list of codes.
fn deprecated_note<'a>(codes: impl Iterator<Item = &'a Code>) -> Option<String> {
    let deprecated: Vec<String> = codes
        .filter(|code| code.deprecated.is_some())
        .map(|code| format!("`{}`", doc_lines(&code.code).join(" ")))
        .collect();
    match deprecated.as_slice() {
        [] => None,
        [one] => Some(format!(
            "{DEPRECATED} {one} (`ERRORS[code].deprecated` says why)."
        )),
        many => Some(format!(
            "{DEPRECATED} {} (`ERRORS[code].deprecated` says why).",
            many.join(", ")
        )),
    }
}

const RETRY: &str = r#"

Retry: TypeAlias = Literal["never", "backoff", "after"]
"""How a client may retry a request that failed with a code.

`"never"`: the same request fails the same way. `"backoff"`: transient, retry
with exponential backoff. `"after"`: retry after the seconds the body's
`retry_after` param gives (also sent as the `Retry-After` header).
""""#;

const PARAM: &str = r#"

class _Param(NamedTuple):
    """A param of a code, or a field of a type, as the catalogue declares it."""

    name: str
    """The JSON member name."""
    kind: str
    """The type as the catalogue writes it: `integer`, `[FieldViolation]`."""
    optional: bool
    """Whether the member may be left out.""""#;

const CHECK_PARAMS: &str = r#"

def _is_int(value: object) -> bool:
    """Return whether `value` is a JSON integer (a bool is not one)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _is_value(value: object, kind: str) -> bool:
    """Return whether `value` has the type `kind`, as the catalogue writes it."""
    if kind.startswith("["):
        items = cast("list[object]", value) if isinstance(value, list) else None
        return items is not None and all(_is_value(item, kind[1:-1]) for item in items)
    if kind == "string":
        return isinstance(value, str)
    if kind == "integer":
        return _is_int(value)
    if kind == "number":
        return (
            isinstance(value, (int, float))
            and not isinstance(value, bool)
            and math.isfinite(value)
        )
    if kind == "boolean":
        return isinstance(value, bool)
    return _has_fields(value, _TYPES[kind])


def _has_fields(value: object, fields: tuple[_Param, ...]) -> bool:
    """Return whether `value` is an object with each of `fields` of its type."""
    if not isinstance(value, dict):
        return False
    members = cast("dict[str, object]", value)
    return all(
        _is_value(members[field.name], field.kind)
        if field.name in members
        else field.optional
        for field in fields
    )
"#;

const MEMBER: &str = r#"

_MISSING: Final = object()
"""What `_member` returns for a member a body does not send."""


def _member(value: object, path: tuple[str, ...]) -> object:
    """Return the member of `value` at `path`, or `_MISSING`."""
    for name in path:
        if not isinstance(value, dict):
            return _MISSING
        value = cast("dict[str, object]", value).get(name, _MISSING)
    return value
"#;

const IS_ABSENT_OR_STR: &str = r#"

def _is_absent_or_str(value: object) -> bool:
    """Return whether `value` is a member not sent, or a string."""
    return value is _MISSING or isinstance(value, str)
"#;

const IS_INT: &str = r#"

def _is_int(value: object) -> bool:
    """Return whether `value` is a JSON integer (a bool is not one)."""
    return isinstance(value, int) and not isinstance(value, bool)
"#;

const IS_STRING_CODE: &str = r#"

def is_error_code(value: object) -> TypeGuard[ErrorCode]:
    """Return whether `value` is one of the `ERROR_CODES`."""
    return isinstance(value, str) and value in ERRORS
"#;

/// `is_error_code` of a catalogue without codes, where `ErrorCode` is
/// `NoReturn`: a check of `value in ERRORS` is one a type checker knows
/// can never hold.
const IS_NO_CODE: &str = r#"

def is_error_code(value: object) -> TypeGuard[ErrorCode]:
    """Return whether `value` is one of the `ERROR_CODES`: the catalogue has none yet."""
    return False
"#;

const IS_INTEGER_CODE: &str = r#"

def is_error_code(value: object) -> TypeGuard[ErrorCode]:
    """Return whether `value` is one of the `ERROR_CODES` (a bool is none)."""
    return _is_int(value) and value in ERRORS
"#;

const RETRY_AFTER_SECONDS: &str = r#"

def retry_after_seconds(body: ErrorBody) -> int | None:
    """Return how many seconds to wait before sending the request again.

    That is the `retry_after` param of a code whose retry is `"after"`, else
    None (see `ERRORS[code].retry` for the others).
    """
    code = cast("ErrorCode", _member(body, _CODE))
    if ERRORS[code].retry != "after":
        return None
    seconds = _member(_details(body), ("retry_after",))
    return seconds if isinstance(seconds, int) else None
"#;
