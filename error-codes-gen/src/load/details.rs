//! The data an error carries: `types:`, a code's `params:` (short and long
//! form), their `example:`s, `retry:`, and the placeholders in the message
//! of a code with params, with the rules that tie them together (a
//! placeholder names a required scalar param, `retry: after` needs
//! `retry_after`, no type contains itself).

use heck::ToSnakeCase as _;

use crate::{Code, Example, Param, Piece, RETRY_AFTER_PARAM, Retry, Type, TypeDef};

use super::keys::Keys;
use super::names::{NOT_RAW, identifier_problem};
use super::template::pieces;
use super::validate::Validator;
use super::yaml::{Node, Value};

/// The words the file uses for the built-in types.
const BUILT_IN_TYPES: [(&str, Type); 4] = [
    ("string", Type::String),
    ("integer", Type::Integer),
    ("number", Type::Number),
    ("boolean", Type::Boolean),
];

/// Names a type of `types:` must not take: the Rust types that generated
/// code and its users' code name without a path; the names the documents
/// give their own types (`OpenAPI`'s `ErrorCode` and `ErrorBody`, the
/// TypeScript module's interfaces and the globals it uses) and their
/// helpers' (`isObject`, `isArrayOf` would meet a type's `isObject`).
const RESERVED_TYPE_NAMES: &[&str] = &[
    "String",
    "Vec",
    "Option",
    "Result",
    "Box",
    "Cow",
    "ErrorCode",
    "ErrorBody",
    "ErrorDetails",
    "ErrorBodyWithDetails",
    "ErrorBodyWithoutDetails",
    "ReceivedErrorBody",
    "Exclude",
    "ReadonlySet",
    "Object",
    "ArrayOf",
    "Retry",
];

impl Validator<'_, '_> {
    /// The types of `types:`: every name first, so that fields can use
    /// types declared after them, then the fields and their examples.
    pub(super) fn types(&mut self, node: &Node<'_>) -> Vec<TypeDef> {
        let entries = self.entries(node, "`types`", "a mapping of type names to their fields");
        let names: Vec<&str> = entries.iter().map(|(key, _)| key.key_text()).collect();
        let mut types = Vec::with_capacity(entries.len());
        let mut examples = Vec::new();
        for (key, value) in entries {
            let name = key.key_text();
            if let Some(problem) = type_name_problem(name) {
                self.problem(key.at, format!("type `{name}` {problem}"));
            }
            let mut keys = Keys::new(value);
            let description = keys.take("description");
            let fields = keys.take("fields");
            let finished = keys.finish(self.problems, "a type");
            let description = description.map(|node| self.text(node, "description"));
            let fields = if let Some(fields) = fields {
                let (fields, pending) = self.params(fields, "field", &names);
                examples.push((types.len(), pending));
                fields
            } else {
                if finished.is_some_and(|rest| !rest.has_unknown_keys) {
                    self.problem(
                        key.at,
                        format!("type `{name}` has no `fields`: the members of its objects"),
                    );
                }
                Vec::new()
            };
            types.push(TypeDef {
                name: name.to_owned(),
                description,
                fields,
                line: key.at.line,
            });
        }
        self.cycles(&types);
        // With every type read, the examples can be checked against them.
        for (index, pending) in examples {
            for (field, node) in pending {
                let ty = types[index].fields[field].ty.clone();
                let example = self.example(node, &ty, &types);
                types[index].fields[field].example = example;
            }
        }
        types
    }

    /// Reports each type that contains itself other than through a list:
    /// a value that Rust (and JSON) cannot hold, since it never ends.
    fn cycles(&mut self, types: &[TypeDef]) {
        // Each cycle once, from its first type in the file.
        let mut reported: Vec<&str> = Vec::new();
        for start in types {
            if reported.contains(&start.name.as_str()) {
                continue;
            }
            let mut path = vec![start.name.as_str()];
            if let Some(cycle) = cycle_from(types, start, &start.name, &mut path) {
                reported.extend(
                    types
                        .iter()
                        .map(|ty| ty.name.as_str())
                        .filter(|name| cycle.contains(&format!("{name}."))),
                );
                self.problem(
                    super::yaml::Place {
                        line: start.line,
                        column: 3,
                    },
                    format!(
                        "type `{}` contains itself ({cycle}) other than through a list, \
                         so no value of it could ever end; make one of these fields a list",
                        start.name
                    ),
                );
            }
        }
    }

    /// A mapping of params (`what` is "param" or "field"), and the example
    /// nodes left to check, by index, once every type is known.
    pub(super) fn params<'n, 'a>(
        &mut self,
        node: &'n Node<'a>,
        what: &str,
        type_names: &[&str],
    ) -> (Vec<Param>, Vec<(usize, &'n Node<'a>)>) {
        let entries = self.entries(node, &format!("`{what}s`"), "a mapping of names to types");
        let mut params: Vec<Param> = Vec::with_capacity(entries.len());
        let mut examples = Vec::new();
        for (key, value) in entries {
            let name = key.key_text();
            if let Some(problem) = param_name_problem(name) {
                self.problem(key.at, format!("{what} `{name}` {problem}"));
                continue;
            }
            let field = name.to_snake_case();
            if NOT_RAW.contains(&field.as_str()) {
                self.problem(
                    key.at,
                    format!("{what} `{name}` cannot be a Rust field: `{field}` is a Rust keyword"),
                );
                continue;
            }
            if let Some(other) = params.iter().find(|other| other.field == field) {
                self.problem(
                    key.at,
                    format!(
                        "{what} `{name}` and `{}` (line {}) are both the Rust field `{field}`; \
                         rename one",
                        other.name, other.line
                    ),
                );
                continue;
            }
            let mut param = Param {
                name: name.to_owned(),
                field,
                ty: Type::String,
                optional: false,
                description: None,
                example: None,
                line: key.at.line,
            };
            let ty = if let Value::Map(_) = value.value {
                let mut keys = Keys::new(value);
                let ty = keys.take("type");
                let optional = keys.take("optional");
                let description = keys.take("description");
                let example = keys.take("example");
                let has_unknown_keys = keys
                    .finish(self.problems, &format!("a {what}"))
                    .is_some_and(|rest| rest.has_unknown_keys);
                if let Some(optional) = optional {
                    param.optional = self.boolean(optional, "`optional`").unwrap_or(false);
                }
                param.description = description.map(|node| self.text(node, "description"));
                if let Some(example) = example {
                    examples.push((params.len(), example));
                }
                if ty.is_none() && !has_unknown_keys {
                    self.problem(
                        key.at,
                        format!("{what} `{name}` has no `type`, e.g. `type: integer`"),
                    );
                }
                ty
            } else {
                Some(value)
            };
            // A type that is not one is reported; the param stays, so that
            // placeholders and `retry_after` are not reported a second time.
            if let Some(ty) = ty.and_then(|ty| self.ty(ty, type_names)) {
                param.ty = ty;
            }
            params.push(param);
        }
        (params, examples)
    }

    /// A type as the file writes it: a built-in word, a name of `types:`,
    /// or a list holding one type.
    fn ty(&mut self, node: &Node<'_>, type_names: &[&str]) -> Option<Type> {
        match &node.value {
            Value::Text(word) => {
                if let Some((_, ty)) = BUILT_IN_TYPES.iter().find(|(known, _)| known == word) {
                    return Some(ty.clone());
                }
                if type_names.contains(&word.as_ref()) {
                    return Some(Type::Named(word.to_string()));
                }
                if word.starts_with('[') && word.ends_with(']') {
                    self.problem(
                        node.at,
                        format!(
                            "the type `{word}` is quoted text: write the list without quotes, \
                             {word}, so that YAML reads it as a list"
                        ),
                    );
                    return None;
                }
                let declared = if type_names.is_empty() {
                    String::new()
                } else {
                    format!(", or one of `types:` ({})", quoted(type_names))
                };
                self.problem(
                    node.at,
                    format!(
                        "unknown type `{word}`: expected `string`, `integer`, `number`, \
                         `boolean`, a list such as `[string]`{declared}"
                    ),
                );
                None
            }
            Value::List(items) => match items.as_slice() {
                [item] => Some(Type::List(Box::new(self.ty(item, type_names)?))),
                items => {
                    self.problem(
                        node.at,
                        format!(
                            "a list type holds exactly one type, as in `[FieldViolation]`; \
                             this one holds {}",
                            items.len()
                        ),
                    );
                    None
                }
            },
            Value::Refused => None,
            Value::Blank | Value::Map(_) => {
                self.problems.expected(
                    node,
                    "a type",
                    "`string`, `integer`, `number`, `boolean`, a list such as `[string]`, \
                     or a name from `types:`",
                );
                None
            }
        }
    }

    /// `true` or `false`, written plain.
    fn boolean(&mut self, node: &Node<'_>, what: &str) -> Option<bool> {
        match &node.value {
            Value::Text(text) if node.plain && text == "true" => Some(true),
            Value::Text(text) if node.plain && text == "false" => Some(false),
            Value::Refused => None,
            _ => {
                self.problems.expected(node, what, "`true` or `false`");
                None
            }
        }
    }

    /// An `example:` of type `ty`, if it is one.
    pub(super) fn example(
        &mut self,
        node: &Node<'_>,
        ty: &Type,
        types: &[TypeDef],
    ) -> Option<Example> {
        let found = example_value(node, ty, types, 0);
        match found {
            Ok(example) => Some(example),
            Err((at, problem)) => {
                self.problem(at, format!("the example {problem}"));
                None
            }
        }
    }

    /// A code's long-form `retry:` or a status's: a retry word.
    pub(super) fn retry(&mut self, node: &Node<'_>) -> Option<Retry> {
        let word = match &node.value {
            Value::Text(word) => word.as_ref(),
            Value::Refused => return None,
            _ => "",
        };
        let retry = [Retry::Never, Retry::Backoff, Retry::After]
            .into_iter()
            .find(|retry| retry.word() == word);
        if retry.is_none() {
            let found = match &node.value {
                Value::Text(word) => format!("`{word}`"),
                other => other.describe(),
            };
            self.problem(
                node.at,
                format!("unknown retry {found}: expected `never`, `backoff` or `after`"),
            );
        }
        retry
    }

    /// The rules between a code's message, params and retry: every
    /// placeholder names a required scalar param, and `retry: after` has
    /// its `retry_after`. `message` is where the message is written, `at`
    /// the code's key; `from_status` says the retry is the status's.
    pub(super) fn check_code(
        &mut self,
        code: &Code,
        message: Option<&Node<'_>>,
        at: super::yaml::Place,
        from_status: bool,
    ) {
        let message_at = message.map_or(at, |node| node.at);
        // Only a code with params has placeholders: the message of one
        // without is sent as written, braces and all.
        let placeholders = if code.params.is_empty() {
            Ok(Vec::new())
        } else {
            pieces(&code.message)
        };
        match placeholders {
            Err(problem) => {
                let offset = code.message[..problem.offset].chars().count() + 1;
                self.problem(
                    message_at,
                    format!("the message, at character {offset}: {}", problem.message),
                );
            }
            Ok(pieces) => {
                for piece in pieces {
                    let Piece::Param(name) = piece else { continue };
                    let problem = match code.param(name) {
                        None => format!(
                            "the placeholder `{{{name}}}` names no param of code `{}` (it has {})",
                            code.code,
                            quoted(
                                &code
                                    .params
                                    .iter()
                                    .map(|p| p.name.as_str())
                                    .collect::<Vec<_>>()
                            )
                        ),
                        Some(param) if !param.ty.is_scalar() => format!(
                            "the placeholder `{{{name}}}` names a param of type `{}`: only a \
                             string, integer, number or boolean can be written into a message",
                            param.ty.written()
                        ),
                        Some(param) if param.optional => format!(
                            "the placeholder `{{{name}}}` names an optional param: a message \
                             can only hold a value that is always there"
                        ),
                        Some(_) => continue,
                    };
                    self.problem(message_at, problem);
                }
            }
        }
        if code.retry == Retry::After {
            let whose = if from_status {
                " (its status's `retry: after`)"
            } else {
                ""
            };
            let problem = match code.param(RETRY_AFTER_PARAM) {
                None => Some(format!(
                    "code `{}` has `retry: after`{whose} but no param `{RETRY_AFTER_PARAM}`: \
                     add `{RETRY_AFTER_PARAM}: integer`, the seconds to wait",
                    code.code
                )),
                Some(param) if param.ty != Type::Integer || param.optional => Some(format!(
                    "code `{}` has `retry: after`{whose}, so its param `{RETRY_AFTER_PARAM}` \
                     must be a required `integer` (the seconds to wait), not {}{}",
                    code.code,
                    if param.optional { "optional " } else { "" },
                    format_args!("`{}`", param.ty.written()),
                )),
                Some(_) => None,
            };
            if let Some(problem) = problem {
                self.problem(at, problem);
            }
        }
    }
}

/// Why `name` cannot be a param or field name, as "…", or `None`.
fn param_name_problem(name: &str) -> Option<&'static str> {
    let mut bytes = name.bytes();
    let starts_with_letter = bytes.next().is_some_and(|b| b.is_ascii_alphabetic());
    if starts_with_letter && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        None
    } else {
        Some(
            "is not a name a body can carry: names are ASCII letters, digits and `_`, \
             starting with a letter",
        )
    }
}

/// Why `name` cannot name a type of `types:`, as "…", or `None`.
fn type_name_problem(name: &str) -> Option<String> {
    if !name.starts_with(|c: char| c.is_ascii_uppercase())
        || !name.bytes().all(|b| b.is_ascii_alphanumeric())
    {
        return Some(
            "is not a type name: type names are `UpperCamelCase`, ASCII letters and digits \
             starting with a capital, e.g. `FieldViolation`"
                .to_owned(),
        );
    }
    if let Some(reason) = identifier_problem(name) {
        return Some(format!("cannot be a Rust type: it {reason}"));
    }
    if RESERVED_TYPE_NAMES.contains(&name) {
        return Some(
            "is a name the generated code already uses (Rust, TypeScript or OpenAPI); \
             choose another name"
                .to_owned(),
        );
    }
    None
}

/// A path from `from` back to `target` through fields that are not lists,
/// written `A.b → B.a → A`.
fn cycle_from<'t>(
    types: &'t [TypeDef],
    from: &'t TypeDef,
    target: &str,
    path: &mut Vec<&'t str>,
) -> Option<String> {
    for field in &from.fields {
        let Type::Named(next) = &field.ty else {
            continue;
        };
        let step = format!("{}.{}", from.name, field.name);
        if next == target {
            return Some(format!("{step} → {target}"));
        }
        if path.contains(&next.as_str()) {
            // A cycle that does not pass through `target`: reported from its own types.
            continue;
        }
        let Some(next_type) = types.iter().find(|ty| &ty.name == next) else {
            continue;
        };
        path.push(&next_type.name);
        let found = cycle_from(types, next_type, target, path);
        path.pop();
        if let Some(rest) = found {
            return Some(format!("{step} → {rest}"));
        }
    }
    None
}

/// The example `node` as a value of `ty`, or where and why it is not one.
fn example_value(
    node: &Node<'_>,
    ty: &Type,
    types: &[TypeDef],
    depth: usize,
) -> Result<Example, (super::yaml::Place, String)> {
    let wrong = |expected: &str| {
        Err((
            node.at,
            format!("is {}, not {expected}", node.value.describe()),
        ))
    };
    match (ty, &node.value) {
        (_, Value::Refused) => Err((node.at, "is refused".to_owned())),
        (Type::String, Value::Text(text)) if !node.plain || !looks_typed(text) => {
            Ok(Example::String(text.to_string()))
        }
        (Type::String, _) => wrong("a string (quote it if it is text)"),
        (Type::Integer, Value::Text(text)) if node.plain => match text.parse::<i64>() {
            Ok(value) => Ok(Example::Integer(value)),
            Err(_) => wrong("an integer"),
        },
        (Type::Integer, _) => wrong("an integer"),
        (Type::Number, Value::Text(text)) if node.plain => match text.parse::<f64>() {
            Ok(value) if value.is_finite() && !text.contains(['i', 'I', 'n', 'N']) => {
                Ok(Example::Number(value))
            }
            _ => wrong("a finite number"),
        },
        (Type::Number, _) => wrong("a finite number"),
        (Type::Boolean, Value::Text(text)) if node.plain && text == "true" => {
            Ok(Example::Boolean(true))
        }
        (Type::Boolean, Value::Text(text)) if node.plain && text == "false" => {
            Ok(Example::Boolean(false))
        }
        (Type::Boolean, _) => wrong("`true` or `false`"),
        (Type::List(item), Value::List(items)) => items
            .iter()
            .map(|item_node| example_value(item_node, item, types, depth + 1))
            .collect::<Result<_, _>>()
            .map(Example::List),
        (Type::List(item), _) => wrong(&format!("a list of {}", item.written())),
        (Type::Named(name), Value::Map(entries)) => {
            // The type was reported already if it does not exist.
            let Some(def) = types.iter().find(|ty| &ty.name == name) else {
                return Err((node.at, format!("is of the unknown type `{name}`")));
            };
            if depth > types.len() {
                return Err((node.at, "nests too deep".to_owned()));
            }
            let mut fields = Vec::with_capacity(def.fields.len());
            for (key, _) in entries {
                if def.field(key.key_text()).is_none() {
                    return Err((
                        key.at,
                        format!("has `{}`, which is no field of `{name}`", key.key_text()),
                    ));
                }
            }
            for field in &def.fields {
                match entries.iter().find(|(key, _)| key.key_text() == field.name) {
                    Some((_, value)) => fields.push((
                        field.name.clone(),
                        example_value(value, &field.ty, types, depth + 1)?,
                    )),
                    None if field.optional => {}
                    None => {
                        return Err((
                            node.at,
                            format!("of `{name}` has no `{}`, a required field", field.name),
                        ));
                    }
                }
            }
            Ok(Example::Object(fields))
        }
        (Type::Named(name), _) => wrong(&format!("an object of type `{name}`")),
    }
}

/// Whether a plain scalar reads as something other than text in YAML: a
/// number or a boolean, which an example of a string must quote.
fn looks_typed(text: &str) -> bool {
    text == "true" || text == "false" || text.parse::<f64>().is_ok()
}

/// `` `a`, `b` ``.
fn quoted(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    quoted.join(", ")
}

impl TypeDef {
    /// The field named `name`.
    fn field(&self, name: &str) -> Option<&Param> {
        self.fields.iter().find(|field| field.name == name)
    }
}
