//! The body a server sends for a code, built from the catalogue's layout
//! (`body:`) by the tests' own walk of the model, so that every output can
//! be compared with it: the Rust serde bodies, the `OpenAPI` examples, the
//! README's bodies.

use error_codes_gen::{
    Catalog, Code, CodeType, Example, Member, Object, Param, Part, Status, Type,
};
use serde_json::{Map, Value, json};

/// The body `code` (of `status`) sends with `details`, its params' values
/// (an object; ignored for a code without params), and its rendered
/// `message`.
///
/// A code without params sends no `details` member and spreads nothing; a
/// code without a docs URL sends no `docs` member.
///
/// # Panics
/// If the catalogue sends integer codes and `code` is not one (the loader
/// refuses such a catalogue).
#[must_use]
pub fn body(
    catalog: &Catalog,
    status: &Status,
    code: &Code,
    details: &Value,
    message: &str,
) -> Value {
    serde_json::from_str(&body_text(catalog, status, code, details, message))
        .expect("the body is JSON")
}

/// [`body`] as compact JSON text, its members in the order the layout
/// writes them: each object's members in order, then the params spread
/// into it; params in the code's order (the members of a param's object
/// value sorted by name).
///
/// # Panics
/// As [`body`].
#[must_use]
pub fn body_text(
    catalog: &Catalog,
    status: &Status,
    code: &Code,
    details: &Value,
    message: &str,
) -> String {
    let sent = Sent {
        catalog,
        status,
        code,
        details,
        message,
    };
    sent.object(&catalog.body.tree())
}

struct Sent<'a> {
    catalog: &'a Catalog,
    status: &'a Status,
    code: &'a Code,
    details: &'a Value,
    message: &'a str,
}

impl Sent<'_> {
    fn object(&self, object: &Object) -> String {
        let mut members = Vec::new();
        for member in &object.members {
            let value = match &member.value {
                Member::Object(inner) => Some(self.object(inner)),
                Member::Part(part) => self.part(*part),
                _ => unreachable!("no other member"),
            };
            if let Some(value) = value {
                members.push(format!("{}:{value}", json!(member.name)));
            }
        }
        if object.spread {
            members.extend(self.params());
        }
        format!("{{{}}}", members.join(","))
    }

    /// The params that have a value, as `"name":value`, in the code's order.
    fn params(&self) -> Vec<String> {
        self.code
            .params
            .iter()
            .filter_map(|param| {
                let value = self.details.get(&param.name)?;
                Some(format!("{}:{value}", json!(param.name)))
            })
            .collect()
    }

    fn part(&self, part: Part) -> Option<String> {
        let value = match part {
            Part::Code => match self.catalog.body.code_type {
                CodeType::Integer => json!(
                    self.code
                        .number()
                        .expect("the loader checked that the code is an integer")
                ),
                _ => json!(self.code.code),
            },
            Part::Message => json!(self.message),
            Part::Details if self.code.params.is_empty() => return None,
            Part::Details => return Some(format!("{{{}}}", self.params().join(","))),
            Part::Status => json!(self.status.status),
            Part::Docs => json!(self.code.docs.as_ref()?),
            Part::Title => json!(self.code.title_in(self.status)),
            _ => unreachable!("no other part"),
        };
        Some(value.to_string())
    }
}

/// Values for a code's params from their examples where the catalogue
/// gives one, else a value of their type (lists empty, objects with their
/// required fields); optional params without an example are left out.
#[must_use]
pub fn example_details(catalog: &Catalog, params: &[Param]) -> Value {
    let mut details = Map::new();
    for param in params {
        let value = match &param.example {
            Some(example) => example_json(example),
            None if param.optional => continue,
            None => sample_value(catalog, &param.ty),
        };
        details.insert(param.name.clone(), value);
    }
    Value::Object(details)
}

/// An example as JSON (object members sorted, as `serde_json` keeps them).
#[must_use]
pub fn example_json(example: &Example) -> Value {
    match example {
        Example::String(text) => json!(text),
        Example::Integer(n) => json!(n),
        Example::Number(n) => json!(n),
        Example::Boolean(b) => json!(b),
        Example::List(items) => Value::Array(items.iter().map(example_json).collect()),
        Example::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(name, value)| (name.clone(), example_json(value)))
                .collect(),
        ),
        _ => unreachable!("no other example"),
    }
}

fn sample_value(catalog: &Catalog, ty: &Type) -> Value {
    match ty {
        Type::String => json!("text"),
        Type::Integer => json!(7),
        Type::Number => json!(2.5),
        Type::Boolean => json!(true),
        Type::List(_) => json!([]),
        Type::Named(name) => {
            let fields = &catalog
                .type_def(name)
                .expect("the loader checked the type's name")
                .fields;
            let required: Vec<Param> = fields.iter().filter(|f| !f.optional).cloned().collect();
            example_details(catalog, &required)
        }
        _ => unreachable!("no other type"),
    }
}

/// `code`'s message with its placeholders filled from `details`, as a
/// server writes it.
#[must_use]
pub fn render(code: &Code, details: &Value) -> String {
    code.pieces()
        .into_iter()
        .map(|piece| match piece {
            error_codes_gen::Piece::Text(text) => text.to_owned(),
            error_codes_gen::Piece::Param(name) => match &details[name] {
                Value::String(text) => text.clone(),
                other => other.to_string(),
            },
            _ => unreachable!("no other piece"),
        })
        .collect()
}
