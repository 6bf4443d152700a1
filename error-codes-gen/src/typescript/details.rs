//! What a catalogue with params adds to `errors.ts`: an interface per type
//! of `types:`, `ErrorDetails`, an `ErrorBody` discriminated by `error`, the
//! checks `isErrorBody` makes of `details`, and `retryAfterSeconds`.
//!
//! A catalogue without params writes none of it (the module of such a
//! catalogue is byte for byte what it was before params existed), and a
//! catalogue without `types:` writes no interfaces.
//!
//! The checks follow what the catalogue's types are, not only what
//! TypeScript's are: an `integer` is a `number` to TypeScript, but
//! `isErrorBody` admits only integers for it, and only finite numbers for a
//! `number` (JSON cannot carry any other, and neither can the catalogue).
//! Members are read only when they are the value's own, so that an optional
//! param named like a member of `Object.prototype` (`toString`) is absent
//! unless the body sends it; members the catalogue does not name are
//! ignored, so that a newer server may add optional params.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::escape::string_literal;
use crate::model::RETRY_AFTER_PARAM;
use crate::{Catalog, Code, Param, Part, Retry, Type};

use super::syntax::{doc_lines, push_doc, push_line, wrap};
use super::{code_literal, layout, lifecycle_tags, param_path, push_code_member_key};

/// Whether any code has params: only then is `ErrorBody` a union and does
/// `isErrorBody` look at `details`.
pub(super) fn has_params(catalog: &Catalog) -> bool {
    catalog.codes().any(|(_, code)| !code.params.is_empty())
}

/// An `interface` per type of `types:`, in file order.
pub(super) fn types(out: &mut String, catalog: &Catalog) {
    for ty in &catalog.types {
        out.push('\n');
        let doc = match &ty.description {
            Some(description) => doc_lines(description),
            None => {
                vec!["A type of the catalogue, which errors send in their `details`.".to_owned()]
            }
        };
        push_doc(out, "", &doc, false);
        if ty.fields.is_empty() {
            push_line(out, &format!("export interface {} {{}}", ty.name));
            continue;
        }
        push_line(out, &format!("export interface {} {{", ty.name));
        push_members(out, "  ", &ty.fields, None);
        push_line(out, "}");
    }
}

/// The codes that have params, in file order.
pub(super) fn detailed(catalog: &Catalog) -> Vec<&Code> {
    catalog
        .codes()
        .map(|(_, code)| code)
        .filter(|code| !code.params.is_empty())
        .collect()
}

/// `ErrorDetails`: the params of each code that has them, by code, under
/// the comment `doc`.
pub(super) fn error_details(out: &mut String, catalog: &Catalog, doc: &[String]) {
    out.push('\n');
    push_doc(out, "", doc, false);
    push_line(out, "export interface ErrorDetails {");
    for code in detailed(catalog) {
        let mut doc = doc_lines(&code.message);
        doc.extend(lifecycle_tags(code));
        push_doc(out, "  ", &doc, false);
        out.push_str("  ");
        push_code_member_key(out, catalog, code);
        out.push_str(": {\n");
        push_members(out, "    ", &code.params, Some(code));
        push_line(out, "  };");
    }
    push_line(out, "}");
}

/// `ErrorBody = ErrorBodyWithoutDetails | ErrorBodyWithDetails<…> | …`,
/// under the comment `doc`: the union of a catalogue with params, one
/// member for the codes without params (if any) and one per code with.
pub(super) fn error_body_union(out: &mut String, catalog: &Catalog, doc: &[String]) {
    out.push('\n');
    push_doc(out, "", doc, false);
    let mut members: Vec<String> = Vec::new();
    if has_plain(catalog) {
        members.push("ErrorBodyWithoutDetails".to_owned());
    }
    members.extend(
        detailed(catalog)
            .into_iter()
            .map(|code| format!("ErrorBodyWithDetails<{}>", code_literal(catalog, code))),
    );
    if let [member] = members.as_slice() {
        push_line(out, &format!("export type ErrorBody = {member};"));
    } else {
        push_line(out, "export type ErrorBody =");
        let last = members.len() - 1;
        for (i, member) in members.iter().enumerate() {
            let end = if i == last { ";" } else { "" };
            push_line(out, &format!("  | {member}{end}"));
        }
    }
}

/// Whether some code has no params: only then does the union `ErrorBody`
/// have a member for such codes.
pub(super) fn has_plain(catalog: &Catalog) -> bool {
    catalog.codes().any(|(_, code)| code.params.is_empty())
}

/// `ErrorDetails`, the union `ErrorBody` and the two kinds of body it joins,
/// as a catalogue without `body:` writes them.
pub(super) fn error_body(out: &mut String, catalog: &Catalog) {
    error_details(
        out,
        catalog,
        &[
            "The `details` of each code that has params, by code: the data an".to_owned(),
            "{@link ErrorBody} with that code sends besides its message.".to_owned(),
        ],
    );
    error_body_union(
        out,
        catalog,
        &[
            "The JSON body of every error response, discriminated by `error`: a code".to_owned(),
            "that has params sends them in `details` (see {@link ErrorDetails}).".to_owned(),
        ],
    );
    if has_plain(catalog) {
        out.push_str(
            r"
/** The JSON body of an error response whose code has no params. */
export interface ErrorBodyWithoutDetails {
  /** What went wrong, for programs. */
  error: Exclude<ErrorCode, keyof ErrorDetails>;
  /** What went wrong, for people. */
  message: string;
}
",
        );
    }
    out.push_str(
        r"
/** The JSON body of an error response whose code has params. */
export interface ErrorBodyWithDetails<Code extends keyof ErrorDetails> {
  /** What went wrong, for programs. */
  error: Code;
  /** What went wrong, for people, with the values of `details` filled in. */
  message: string;
  /** What went wrong, as data: the code's params. */
  details: ErrorDetails[Code];
}
",
    );
}

/// The members of a type or of a code's details, one per param, each with
/// its doc comment. `code` is the code whose details they are, if they are.
fn push_members(out: &mut String, indent: &str, params: &[Param], code: Option<&Code>) {
    for param in params {
        let doc = member_doc(param, code);
        if !doc.is_empty() {
            push_doc(out, indent, &doc, false);
        }
        let optional = if param.optional { "?" } else { "" };
        push_line(
            out,
            &format!(
                "{indent}{}{optional}: {};",
                param.name,
                type_text(&param.ty)
            ),
        );
    }
}

/// A member's doc comment: its description, and what TypeScript's type does
/// not say (that a `number` is an integer), or nothing at all.
fn member_doc(param: &Param, code: Option<&Code>) -> Vec<String> {
    let mut doc = match &param.description {
        Some(description) => doc_lines(description),
        None if param.name == RETRY_AFTER_PARAM
            && code.is_some_and(|code| code.retry == Retry::After) =>
        {
            vec!["The seconds to wait before retrying (also the `Retry-After` header).".to_owned()]
        }
        None => Vec::new(),
    };
    let note = match &param.ty {
        Type::Integer => Some("An integer."),
        Type::List(item) if innermost(item) == &Type::Integer => Some("A list of integers."),
        _ => None,
    };
    if let Some(note) = note {
        if !doc.is_empty() {
            doc.push(String::new());
        }
        doc.push(note.to_owned());
    }
    doc
}

/// The type a list holds, through lists of lists.
fn innermost(ty: &Type) -> &Type {
    match ty {
        Type::List(item) => innermost(item),
        ty => ty,
    }
}

/// A catalogue type as TypeScript writes it. A list is `readonly T[]`: it is
/// data received (or about to be sent), which a reader has no business
/// changing in place, and a mutable `T[]` is still assignable to it, so a
/// program that builds a body may pass either.
fn type_text(ty: &Type) -> String {
    match ty {
        Type::String => "string".to_owned(),
        Type::Integer | Type::Number => "number".to_owned(),
        Type::Boolean => "boolean".to_owned(),
        Type::List(item) => match **item {
            // `readonly readonly T[][]` does not parse.
            Type::List(_) => format!("readonly ({})[]", type_text(item)),
            _ => format!("readonly {}[]", type_text(item)),
        },
        Type::Named(name) => name.clone(),
    }
}

/// `isObject`, and `hasOwn` when `has_own` (the module compiles under
/// `noUnusedLocals`, so nothing is written that goes unused).
pub(super) fn object_helpers(out: &mut String, has_own: bool) {
    out.push_str(
        r#"
/** Whether `value` is an object and not an array: what a JSON object parses to. */
function isObject(value: unknown): value is { readonly [name: string]: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
"#,
    );
    if has_own {
        out.push_str(
            r"
// Own members only: a member inherited from `Object.prototype` (`toString`)
// is no member that a body sent.
function hasOwn(value: object, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, name);
}
",
        );
    }
}

/// `isArrayOf`, when some checked param or field is a list, and a check of
/// each type of `types:` that the params reach.
pub(super) fn type_checks(out: &mut String, catalog: &Catalog) {
    let checked = checked_types(catalog);
    let lists = catalog
        .codes()
        .flat_map(|(_, code)| &code.params)
        .chain(
            catalog
                .types
                .iter()
                .filter(|ty| checked.contains(ty.name.as_str()))
                .flat_map(|ty| &ty.fields),
        )
        .any(|param| matches!(param.ty, Type::List(_)));
    if lists {
        out.push_str(
            r"
/** Whether `value` is an array and `check` passes each of its items. */
function isArrayOf(value: unknown, check: (item: unknown) => boolean): boolean {
  if (!Array.isArray(value)) {
    return false;
  }
  const items: readonly unknown[] = value;
  // Not `items.every(check)`, which skips the holes of a sparse array.
  for (const item of items) {
    if (!check(item)) {
      return false;
    }
  }
  return true;
}
",
        );
    }
    for ty in catalog
        .types
        .iter()
        .filter(|ty| checked.contains(ty.name.as_str()))
    {
        out.push('\n');
        push_line(
            out,
            &format!("/** Whether `value` is a {{@link {}}}. */", ty.name),
        );
        push_line(
            out,
            &format!("function is{0}(value: unknown): value is {0} {{", ty.name),
        );
        let mut conjuncts = vec!["isObject(value)".to_owned()];
        conjuncts.extend(member_checks("value", &ty.fields));
        push_return(out, "  ", &conjuncts);
        push_line(out, "}");
    }
}

/// The helpers and checks `isErrorBody` needs, then `isErrorBody` itself,
/// as a catalogue without `body:` writes them.
pub(super) fn is_error_body(out: &mut String, catalog: &Catalog) {
    object_helpers(out, true);
    type_checks(out, catalog);
    out.push_str(
        r#"
/**
 * Whether `value` has the shape of an error response body: an `error` that is
 * a known code, a string `message`, and for a code that has params, `details`
 * that hold each of them (an optional one may be left out) with its type (see
 * {@link ErrorDetails}). An integer must be an integer and a number finite.
 * Members that the catalogue does not name are ignored, so that a newer
 * server may add optional params.
 */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (
    !(
      typeof value === "object" &&
      value !== null &&
      "error" in value &&
      isErrorCode(value.error) &&
      "message" in value &&
      typeof value.message === "string"
    )
  ) {
    return false;
  }
  const details: unknown = "details" in value ? value.details : undefined;
  switch (value.error) {
"#,
    );
    for code in detailed(catalog) {
        push_line(out, &format!("    case {}:", code_literal(catalog, code)));
        let mut conjuncts = vec!["isObject(details)".to_owned()];
        conjuncts.extend(member_checks("details", &code.params));
        push_return(out, "      ", &conjuncts);
    }
    out.push_str(
        r"    default:
      // A code without params: there are no details to check.
      return true;
  }
}
",
    );
}

/// The types whose checks `isErrorBody` calls: those the codes' params use,
/// and those their fields use in turn. Checks of the others would be unused.
fn checked_types(catalog: &Catalog) -> BTreeSet<&str> {
    let mut checked = BTreeSet::new();
    let mut to_visit: Vec<&Type> = catalog
        .codes()
        .flat_map(|(_, code)| &code.params)
        .map(|param| &param.ty)
        .collect();
    while let Some(ty) = to_visit.pop() {
        if let Type::Named(name) = innermost(ty)
            && checked.insert(name.as_str())
            && let Some(def) = catalog.type_def(name)
        {
            to_visit.extend(def.fields.iter().map(|field| &field.ty));
        }
    }
    checked
}

/// The checks of `params` as members of `object` (an expression that
/// `isObject` has narrowed): a required one must be an own member of its
/// type, an optional one of its type when it is an own member.
pub(super) fn member_checks(object: &str, params: &[Param]) -> Vec<String> {
    let mut checks = Vec::new();
    for param in params {
        let name = string_literal(&param.name);
        let has = format!("hasOwn({object}, {name})");
        let value = check(&param.ty, &format!("{object}[{name}]"), 0);
        if param.optional {
            checks.push(format!("(!{has} || {value})"));
        } else {
            checks.push(has);
            checks.push(value);
        }
    }
    checks
}

/// An expression that is true when `value`, an expression of type
/// `unknown`, holds a value of `ty`. `depth` counts the lists around it,
/// so that each list's item has a name of its own.
fn check(ty: &Type, value: &str, depth: usize) -> String {
    match ty {
        Type::String => format!("typeof {value} === \"string\""),
        Type::Boolean => format!("typeof {value} === \"boolean\""),
        Type::Integer => format!("Number.isInteger({value})"),
        Type::Number => format!("Number.isFinite({value})"),
        Type::List(item) => format!("isArrayOf({value}, {})", item_check(item, depth)),
        Type::Named(name) => format!("is{name}({value})"),
    }
}

/// A function that checks one item of a list of `ty`, for `isArrayOf`.
fn item_check(ty: &Type, depth: usize) -> String {
    match ty {
        Type::Integer => "Number.isInteger".to_owned(),
        Type::Number => "Number.isFinite".to_owned(),
        Type::Named(name) => format!("is{name}"),
        ty => {
            let item = if depth == 0 {
                "item".to_owned()
            } else {
                format!("item{depth}")
            };
            format!("({item}: unknown) => {}", check(ty, &item, depth + 1))
        }
    }
}

/// `return a && b && …;` at `indent`, on one line when there is one
/// conjunct, else one conjunct a line in parentheses.
pub(super) fn push_return(out: &mut String, indent: &str, conjuncts: &[String]) {
    if let [only] = conjuncts {
        push_line(out, &format!("{indent}return {only};"));
        return;
    }
    push_line(out, &format!("{indent}return ("));
    let last = conjuncts.len() - 1;
    for (i, conjunct) in conjuncts.iter().enumerate() {
        let and = if i == last { "" } else { " &&" };
        push_line(out, &format!("{indent}  {conjunct}{and}"));
    }
    push_line(out, &format!("{indent});"));
}

/// `retryAfterSeconds`, when some code's retry is `after`: the helper a
/// client wants to wait exactly what the server says.
pub(super) fn retry_after_seconds(out: &mut String, catalog: &Catalog) {
    let after: Vec<&Code> = catalog
        .codes()
        .map(|(_, code)| code)
        .filter(|code| code.retry == Retry::After)
        .collect();
    if after.is_empty() {
        return;
    }
    let code = layout::accessor(catalog, Part::Code);
    let doc = if catalog.body.is_declared() {
        wrap(
            &format!(
                "How many seconds to wait before sending the request that failed with \
                 `body` again: its `{}` when its code's retry is `\"after\"`, else \
                 `undefined` (see `ERRORS[body{code}].retry` for the others).",
                param_path(catalog, RETRY_AFTER_PARAM)
            ),
            77,
        )
    } else {
        [
            "How many seconds to wait before sending the request that failed with",
            "`body` again: its `details.retry_after` when its code's retry is `\"after\"`,",
            "else `undefined` (see `ERRORS[body.error].retry` for the others).",
        ]
        .map(str::to_owned)
        .into()
    };
    out.push('\n');
    push_doc(out, "", &doc, true);
    push_line(
        out,
        "export function retryAfterSeconds(body: ErrorBody): number | undefined {",
    );
    push_line(out, &format!("  switch (body{code}) {{"));
    for code in after {
        push_line(out, &format!("    case {}:", code_literal(catalog, code)));
    }
    let params = layout::accessor(catalog, Part::Details);
    let _ = writeln!(out, "      return body{params}.{RETRY_AFTER_PARAM};");
    out.push_str(
        r"    default:
      return undefined;
  }
}
",
    );
}

#[cfg(test)]
mod tests {
    use super::{check, type_text};
    use crate::Type;

    fn list(item: Type) -> Type {
        Type::List(Box::new(item))
    }

    #[test]
    fn lists_are_readonly_and_lists_of_lists_parenthesized() {
        assert_eq!(type_text(&list(Type::Integer)), "readonly number[]");
        assert_eq!(
            type_text(&list(list(Type::Named("Cell".to_owned())))),
            "readonly (readonly Cell[])[]"
        );
    }

    #[test]
    fn each_list_item_has_a_name_of_its_own() {
        assert_eq!(
            check(&list(list(list(Type::String))), "v", 0),
            "isArrayOf(v, (item: unknown) => isArrayOf(item, (item1: unknown) => \
             isArrayOf(item1, (item2: unknown) => typeof item2 === \"string\")))"
        );
        assert_eq!(
            check(&list(Type::Number), "v", 0),
            "isArrayOf(v, Number.isFinite)"
        );
    }
}
