//! Generators for the data errors carry: types, params with their examples,
//! and retry, written in every form the file allows.

use std::fmt::Write as _;

use proptest::prelude::*;

use super::{double_quoted, text};

/// A type of `types:`.
#[derive(Debug, Clone)]
pub struct TypeSpec {
    /// Its name, `T0`, `T1`, …
    pub name: String,
    /// `description:`.
    pub description: Option<String>,
    /// Its fields; a field's type is a scalar, a list, or an earlier type,
    /// so no type contains itself.
    pub fields: Vec<ParamSpec>,
}

/// A param of a code or a field of a type.
#[derive(Debug, Clone)]
pub struct ParamSpec {
    /// The name as written (`count0`, `userId1`).
    pub name: String,
    /// The Rust field name the loader derives (`count0`, `user_id1`).
    pub field: String,
    /// The type as the file writes it (`integer`, `[string]`, `T0`).
    pub ty: String,
    /// `optional: true`.
    pub optional: bool,
    /// `description:`.
    pub description: Option<String>,
    /// `example:`, as YAML, and as the `Debug` of the model's `Example`.
    pub example: Option<(String, String)>,
    /// Whether the param is written in the long form.
    pub long: bool,
}

/// How a code may retry, as written (`None`: no `retry:`).
pub type RetrySpec = Option<&'static str>;

const SCALARS: [&str; 4] = ["string", "integer", "number", "boolean"];

const NAMES: [(&str, &str); 6] = [
    ("count", "count"),
    ("userId", "user_id"),
    ("field", "field"),
    ("limit", "limit"),
    ("ratio", "ratio"),
    ("isFinal", "is_final"),
];

/// A type written as the file writes it, from scalars, lists and the
/// first `types` of `types:`.
fn ty(types: usize) -> impl Strategy<Value = String> {
    let named = (0..types.max(1)).prop_map(move |index| {
        if types == 0 {
            "string".to_owned()
        } else {
            format!("T{index}")
        }
    });
    let leaf = prop_oneof![
        4 => proptest::sample::select(&SCALARS[..]).prop_map(str::to_owned),
        1 => named,
    ];
    prop_oneof![
        4 => leaf.clone(),
        1 => leaf.clone().prop_map(|item| format!("[{item}]")),
        1 => leaf.prop_map(|item| format!("[[{item}]]")),
    ]
}

/// An example of a scalar type or a list of one, as YAML and as the
/// `Debug` text of the loaded `Example`; none for other types.
fn example(ty: &str) -> BoxedStrategy<Option<(String, String)>> {
    match ty {
        "integer" => proptest::option::of(
            any::<i32>().prop_map(|n| (n.to_string(), format!("Integer({n})"))),
        )
        .boxed(),
        "number" => proptest::option::of((-1000i32..1000, 1u8..8).prop_map(|(whole, eighths)| {
            let value = f64::from(whole) + f64::from(eighths) / 8.0;
            (format!("{value:?}"), format!("Number({value:?})"))
        }))
        .boxed(),
        "boolean" => proptest::option::of(
            any::<bool>().prop_map(|b| (b.to_string(), format!("Boolean({b})"))),
        )
        .boxed(),
        "string" => proptest::option::of(
            text(20, false)
                .prop_map(|text| (double_quoted(&text, false), format!("String({text:?})"))),
        )
        .boxed(),
        "[integer]" => proptest::option::of(
            proptest::collection::vec(any::<i16>(), 0..3).prop_map(|items| {
                let yaml: Vec<String> = items.iter().map(ToString::to_string).collect();
                let debug: Vec<String> = items.iter().map(|n| format!("Integer({n})")).collect();
                (
                    format!("[{}]", yaml.join(", ")),
                    format!("List([{}])", debug.join(", ")),
                )
            }),
        )
        .boxed(),
        _ => Just(None).boxed(),
    }
}

/// Up to `max` params (or fields), named apart by `index`.
pub fn params(types: usize, max: usize) -> impl Strategy<Value = Vec<ParamSpec>> {
    proptest::collection::vec(
        (
            proptest::sample::select(&NAMES[..]),
            ty(types),
            any::<bool>(),
            proptest::option::of(text(30, true)),
            any::<bool>(),
        ),
        0..=max,
    )
    .prop_flat_map(|drawn| {
        drawn
            .into_iter()
            .enumerate()
            .map(
                |(index, ((name, field), ty, optional, description, long))| {
                    let example = example(&ty);
                    (
                        Just((name, field, ty, optional, description, long, index)),
                        example,
                    )
                },
            )
            .collect::<Vec<_>>()
    })
    .prop_map(|drawn| {
        drawn
            .into_iter()
            .map(
                |((name, field, ty, optional, description, long, index), example)| {
                    let long = long || optional || description.is_some() || example.is_some();
                    ParamSpec {
                        name: format!("{name}{index}"),
                        field: format!("{field}{index}"),
                        ty,
                        optional,
                        description,
                        example,
                        long,
                    }
                },
            )
            .collect()
    })
}

/// Up to two types, each field's type a scalar, a list, or an earlier type.
pub fn types() -> impl Strategy<Value = Vec<TypeSpec>> {
    let count = prop_oneof![3 => Just(0usize), 1 => 1..=2usize];
    count.prop_flat_map(|count| {
        (0..count)
            .map(|index| {
                (params(index, 3), proptest::option::of(text(30, true))).prop_map(
                    move |(mut fields, description)| {
                        if fields.is_empty() {
                            fields.push(ParamSpec {
                                name: "field0".to_owned(),
                                field: "field0".to_owned(),
                                ty: "string".to_owned(),
                                optional: false,
                                description: None,
                                example: None,
                                long: false,
                            });
                        }
                        TypeSpec {
                            name: format!("T{index}"),
                            description,
                            fields,
                        }
                    },
                )
            })
            .collect::<Vec<_>>()
    })
}

/// A code's `retry:`: mostly none.
pub fn retry() -> impl Strategy<Value = RetrySpec> {
    prop_oneof![
        6 => Just(None),
        1 => Just(Some("never")),
        1 => Just(Some("backoff")),
        2 => Just(Some("after")),
    ]
}

/// `{{` and `}}` for each brace: text sent as written in a code with params.
#[must_use]
pub fn escape_braces(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}

/// `params:` (or `fields:`) as a block at `indent` columns.
#[must_use]
pub fn params_yaml(key: &str, params: &[ParamSpec], indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = format!("{pad}{key}:\n");
    for param in params {
        if !param.long {
            let _ = writeln!(out, "{pad}  {}: {}", param.name, param.ty);
            continue;
        }
        let _ = writeln!(out, "{pad}  {}:", param.name);
        let _ = writeln!(out, "{pad}    type: {}", param.ty);
        if param.optional {
            let _ = writeln!(out, "{pad}    optional: true");
        }
        if let Some(description) = &param.description {
            let _ = writeln!(
                out,
                "{pad}    description: {}",
                double_quoted(description, false)
            );
        }
        if let Some((example, _)) = &param.example {
            let _ = writeln!(out, "{pad}    example: {example}");
        }
    }
    out
}

/// `params:` as a flow mapping, for a code written in the flow form.
#[must_use]
pub fn params_flow(params: &[ParamSpec]) -> String {
    let entries: Vec<String> = params
        .iter()
        .map(|param| {
            if !param.long {
                return format!("{}: {}", param.name, param.ty);
            }
            let mut keys = vec![format!("type: {}", param.ty)];
            if param.optional {
                keys.push("optional: true".to_owned());
            }
            if let Some(description) = &param.description {
                keys.push(format!(
                    "description: {}",
                    double_quoted(description, false)
                ));
            }
            if let Some((example, _)) = &param.example {
                keys.push(format!("example: {example}"));
            }
            format!("{}: {{{}}}", param.name, keys.join(", "))
        })
        .collect();
    format!("{{{}}}", entries.join(", "))
}
