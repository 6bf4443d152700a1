//! Catalogues that declare their body (`body:`): the layouts of
//! `tests/ts/layouts/*.yaml`, each compiled with every pinned compiler
//! together with the type assertions of `expected_types`, the run-time checks
//! of `tests/ts/layout-check.ts` and the type tests and real-world bodies of
//! its own `tests/ts/layouts/<name>.ts`.
//!
//! `expected.json` holds, straight from the model and independently of the
//! emitter, each code's entry and a body of it laid out as the catalogue
//! says, and bodies to put through the guards: changed in every way the
//! layout allows or forbids, and the catalogue's codes laid out as each other
//! layout says, which [`fits`] sorts by what the layout requires.

use error_codes_gen::{Body, Catalog, Code, CodeType, Member, Object, Part, Status, typescript};
use error_codes_tests::workspace_root;
use serde_json::{Map, Value, json};

use super::{Variant, compile_and_run, object, object_variants, rendered};

/// The catalogues of `tests/ts/layouts/`, by file stem.
const LAYOUTS: [&str; 6] = ["nested", "flat", "openai", "problem", "spread", "aside"];

fn layout_catalog(name: &str) -> Catalog {
    Catalog::load(&workspace_root().join(format!("tests/ts/layouts/{name}.yaml")))
        .unwrap_or_else(|error| panic!("{error}"))
}

/// The nested layout with integer codes, a title, params of every kind,
/// `retry: after`, a deprecated code and docs URLs (`ERRORS[code].docs`).
#[test]
fn snapshot_nested() {
    // Beside the other snapshots of the TypeScript module.
    insta::with_settings!({ snapshot_path => "../snapshots" }, {
        insta::assert_snapshot!(
            "typescript_layout_nested",
            typescript::emit(&layout_catalog("nested"))
        );
    });
}

#[test]
fn every_layout_is_deterministic_and_has_no_any() {
    for name in LAYOUTS {
        let catalog = layout_catalog(name);
        assert!(catalog.body.is_declared(), "{name}");
        let ts = typescript::emit(&catalog);
        assert_eq!(ts, typescript::emit(&catalog.clone()), "{name}");
        for any in [": any", "as any", "<any", "any>", "any[]", "any,", "any)"] {
            assert!(!ts.contains(any), "{name}: no `any`: {any:?}");
        }
    }
}

/// A catalogue without `body:` whose codes have docs URLs gains
/// `ERRORS[code].docs` and nothing else: its body types and guards are
/// those of a catalogue without `docs:`.
#[test]
fn docs_without_a_layout_only_add_to_errors() {
    let yaml =
        "title: T\nstatuses:\n  404:\n    codes:\n      not_found: Not found.\n      gone: Gone.\n";
    let plain = Catalog::from_yaml(yaml, "errors.yaml").unwrap();
    let documented = Catalog::from_yaml(
        &yaml.replace(
            "title: T\n",
            "title: T\ndocs: https://docs.example.com/{code}\n",
        ),
        "errors.yaml",
    )
    .unwrap();
    let (before, after) = (typescript::emit(&plain), typescript::emit(&documented));
    let gained: Vec<&str> = after
        .lines()
        .filter(|line| !before.lines().any(|old| old == *line))
        .collect();
    assert_eq!(
        gained,
        [
            " * The HTTP status, message and documentation URL of every error code.",
            " * `ERRORS[code].docs` is the URL of the code's documentation.",
            "   * @see {@link https://docs.example.com/not_found}",
            "    docs: \"https://docs.example.com/not_found\",",
            "   * @see {@link https://docs.example.com/gone}",
            "    docs: \"https://docs.example.com/gone\",",
        ]
    );
    // And an empty line before each `@see`, which the filter above cannot show.
    assert_eq!(
        after.lines().count(),
        before.lines().count() - 1 + gained.len() + 2
    );
    let body = |ts: &str| ts[ts.find("/** The JSON body").unwrap()..].to_owned();
    assert_eq!(body(&before), body(&after));
}

#[test]
fn nested_compiles_and_checks_out() {
    compile_and_check_layout("nested");
}

#[test]
fn flat_compiles_and_checks_out() {
    compile_and_check_layout("flat");
}

#[test]
fn openai_compiles_and_checks_out() {
    compile_and_check_layout("openai");
}

#[test]
fn problem_compiles_and_checks_out() {
    compile_and_check_layout("problem");
}

#[test]
fn spread_compiles_and_checks_out() {
    compile_and_check_layout("spread");
}

#[test]
fn aside_compiles_and_checks_out() {
    compile_and_check_layout("aside");
}

/// The catalogue of params of every kind (`tests/ts/details.yaml`: a code
/// named `__proto__`, a param named `toString`, lists of lists, types of
/// types) as problem details, its params spread into the body.
#[test]
fn details_as_problems_compile_and_check_out() {
    let catalog = with_layout(
        "tests/ts/details.yaml",
        "body: problem\ndocs: https://docs.example.com/errors/{status}#{code}\n",
    );
    compile_and_run(
        "layout-details-problem",
        &catalog,
        &expected_json(&catalog),
        &["layout-check.ts"],
        &[],
    );
}

/// The same, nested under `error` with the params spread into it, a
/// status and a title.
#[test]
fn details_spread_into_error_compile_and_check_out() {
    let catalog = with_layout(
        "tests/ts/details.yaml",
        "body:\n  code: error.code\n  message: error.message\n  details: error.*\n  \
         status: error.status\n  title: error.title\n",
    );
    compile_and_run(
        "layout-details-spread",
        &catalog,
        &expected_json(&catalog),
        &["layout-check.ts"],
        &[],
    );
}

/// Texts that break careless emitters (`tests/fixtures/hostile.yaml`),
/// nested two deep, with docs URLs for some codes only.
#[test]
fn hostile_nested_compiles_and_checks_out() {
    let mut catalog = with_layout(
        "tests/fixtures/hostile.yaml",
        "body:\n  code: $error.meta.code\n  message: $error.meta.message\n  docs: $error.see-also\n",
    );
    for (i, status) in catalog.statuses.iter_mut().enumerate() {
        for code in status.codes.iter_mut().filter(|_| i % 2 == 0) {
            code.docs = Some(format!("https://docs.example.com/{}?a=*/&b=@c", code.code));
        }
    }
    compile_and_run(
        "layout-hostile",
        &catalog,
        &expected_json(&catalog),
        &["layout-check.ts"],
        &[],
    );
}

/// The catalogue at `path` (from the workspace root) with `layout` (keys of
/// the file) inserted before its `statuses:`.
fn with_layout(path: &str, layout: &str) -> Catalog {
    let text = std::fs::read_to_string(workspace_root().join(path)).unwrap();
    let at = text.find("\nstatuses:").unwrap() + 1;
    let text = format!("{}{layout}{}", &text[..at], &text[at..]);
    Catalog::from_yaml(&text, path).unwrap_or_else(|error| panic!("{error}"))
}

fn compile_and_check_layout(name: &str) {
    let catalog = layout_catalog(name);
    let own = format!("layouts/{name}.ts");
    assert!(
        workspace_root().join("tests/ts").join(&own).is_file(),
        "{own} is missing"
    );
    compile_and_run(
        &format!("layout-{name}"),
        &catalog,
        &expected_json(&catalog),
        &["layout-check.ts", &own],
        &["layouts/bodies.ts"],
    );
}

/// What `layout-check.ts` compares the module's values with: each code's
/// entry and its body, the groups, bodies the guards must accept or reject,
/// and values that are no code.
fn expected_json(catalog: &Catalog) -> String {
    let retry = catalog.has_retry();
    let docs = catalog.codes().any(|(_, code)| code.docs.is_some());
    let layout = &catalog.body;
    let codes: Vec<Value> = catalog
        .codes()
        .map(|(status, code)| {
            json!({
                "code": code_value(layout, code),
                "status": status.status,
                "message": code.message,
                "retry": retry.then(|| code.retry.word()),
                "docs": code.docs,
                "body": laid_out(catalog, layout, status, code, full_details(catalog, code).as_ref()),
            })
        })
        .collect();
    let mut keys = vec!["status", "message"];
    keys.extend(retry.then_some("retry"));
    keys.extend(docs.then_some("docs"));
    let groups: Vec<Value> = catalog
        .groups()
        .map(|status| {
            let codes: Vec<Value> = status
                .codes
                .iter()
                .map(|code| code_value(layout, code))
                .collect();
            json!({ "name": status.name, "status": status.status, "codes": codes })
        })
        .collect();
    let bodies = bodies(catalog);
    let listed = |which: Fit| -> Vec<Value> {
        bodies
            .iter()
            .filter(|(fit, _)| *fit == which)
            .map(|(_, variant)| json!({ "why": variant.why, "body": variant.value }))
            .collect()
    };
    serde_json::to_string_pretty(&json!({
        "codes": codes,
        "entryKeys": keys.join(","),
        "groups": groups,
        "valid": listed(Fit::Both),
        "invalid": listed(Fit::Received),
        "malformed": listed(Fit::Neither),
        "notCodes": not_codes(catalog),
    }))
    .unwrap()
}

/// Which guards take a body: both, only `isReceivedErrorBody` (an unknown
/// code, missing or malformed params), or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    Both,
    Received,
    Neither,
}

/// The params of `code` with a value each, as the body carries them; `None`
/// for a code without params.
fn full_details(catalog: &Catalog, code: &Code) -> Option<Value> {
    (!code.params.is_empty()).then(|| object(catalog, &code.params))
}

/// `code` as `layout` sends it: a JSON number under `code_type: integer`
/// (when it is a decimal integer), else its text.
fn code_value(layout: &Body, code: &Code) -> Value {
    match (layout.code_type, code.code.parse::<u64>()) {
        (CodeType::Integer, Ok(number)) if number.to_string() == code.code => json!(number),
        _ => json!(code.code),
    }
}

/// A body of `code` as `layout` lays it out, with `details` (its params, or
/// another value in their place) where the layout puts them, and no docs
/// member for a code without a docs URL. An object that would hold nothing
/// is left out.
fn laid_out(
    catalog: &Catalog,
    layout: &Body,
    status: &Status,
    code: &Code,
    details: Option<&Value>,
) -> Value {
    let message = full_details(catalog, code)
        .map_or_else(|| code.message.clone(), |full| rendered(code, &full));
    let mut root = Map::new();
    for (part, path) in &layout.parts {
        let value = match part {
            Part::Code => code_value(layout, code),
            Part::Message => json!(message),
            Part::Status => json!(status.status),
            Part::Title => json!(code.title_in(status)),
            Part::Docs => match &code.docs {
                Some(url) => json!(url),
                None => continue,
            },
            Part::Details => match details {
                Some(details) => details.clone(),
                None => continue,
            },
            _ => unreachable!("a part of another kind"),
        };
        let mut object = &mut root;
        for name in path.parent() {
            object = object
                .entry(name.clone())
                .or_insert_with(|| json!({}))
                .as_object_mut()
                .unwrap();
        }
        match (path.leaf(), value) {
            (Some(leaf), value) => {
                object.insert(leaf.to_owned(), value);
            }
            (None, Value::Object(members)) => object.extend(members),
            (None, other) => panic!("params spread from {other}"),
        }
    }
    Value::Object(root)
}

/// The body at `members` of `value`.
enum Lookup<'a> {
    Found(&'a Value),
    Missing,
    /// An object on the way is something else.
    NotObject,
}

fn lookup<'a>(value: &'a Value, members: &[String]) -> Lookup<'a> {
    let mut at = value;
    for name in members {
        let Some(object) = at.as_object() else {
            return Lookup::NotObject;
        };
        match object.get(name) {
            Some(inner) => at = inner,
            None => return Lookup::Missing,
        }
    }
    Lookup::Found(at)
}

/// Which guards of `catalog`'s module take `body`, by what its layout
/// requires (written from the spec, not from the emitter): every part but
/// the details where the layout puts it, of its JSON type (the docs URL may
/// be left out, and every object on the way is an object); then, for
/// `isErrorBody`, a known code, a docs URL when every code has one, and a
/// code's params where the layout puts them, as `laid_out` writes them.
fn fits(catalog: &Catalog, body: &Value) -> Fit {
    let layout = &catalog.body;
    if !body.is_object() {
        return Fit::Neither;
    }
    for (part, path) in &layout.parts {
        if *part == Part::Details {
            if let Lookup::NotObject = lookup(body, path.parent()) {
                return Fit::Neither;
            }
            continue;
        }
        let value = match lookup(body, &path.members) {
            Lookup::Found(value) => value,
            Lookup::Missing if *part == Part::Docs => continue,
            Lookup::Missing | Lookup::NotObject => return Fit::Neither,
        };
        let typed = match part {
            Part::Code if layout.code_type == CodeType::Integer => value.is_u64() || value.is_i64(),
            Part::Status => value.is_u64() || value.is_i64(),
            _ => value.is_string(),
        };
        if !typed {
            return Fit::Neither;
        }
    }
    let code_path = &layout.path(Part::Code).unwrap().members;
    let Lookup::Found(sent) = lookup(body, code_path) else {
        unreachable!()
    };
    let Some((_, code)) = catalog
        .codes()
        .find(|(_, code)| code_value(layout, code) == *sent)
    else {
        return Fit::Received;
    };
    let every_docs = catalog.codes().all(|(_, code)| code.docs.is_some());
    if let Some(path) = layout.path(Part::Docs)
        && every_docs
        && matches!(lookup(body, &path.members), Lookup::Missing)
    {
        return Fit::Received;
    }
    let Some(full) = full_details(catalog, code) else {
        return Fit::Both;
    };
    let details = layout.path(Part::Details).unwrap();
    let placed = if details.spread {
        let Lookup::Found(object) = lookup(body, &details.members) else {
            return Fit::Received;
        };
        full.as_object()
            .unwrap()
            .iter()
            .all(|(name, value)| object.get(name) == Some(value))
    } else {
        matches!(lookup(body, &details.members), Lookup::Found(value) if *value == full)
    };
    if placed { Fit::Both } else { Fit::Received }
}

/// Bodies to try the guards with, and which of them take each.
#[derive(Default)]
struct Tried(Vec<(Fit, Variant)>);

impl Tried {
    fn add(&mut self, fit: Fit, why: String, value: Value) {
        self.0
            .push((fit, Variant::new(why, value, fit == Fit::Both)));
    }
}

/// Every body the guards are tried with, and which of them take it.
fn bodies(catalog: &Catalog) -> Vec<(Fit, Variant)> {
    let layout = &catalog.body;
    let mut tried = Tried::default();
    for (status, code) in catalog.codes() {
        let full = full_details(catalog, code);
        let body = laid_out(catalog, layout, status, code, full.as_ref());
        tried.add(Fit::Both, format!("{}: as sent", code.code), body.clone());
        changed_members(catalog, status, code, &body, &mut tried);
        changed_params(catalog, status, code, &mut tried);
        // Laid out as another layout says: taken as far as that layout
        // happens to have what this one requires.
        for (name, other) in other_layouts(catalog) {
            let foreign = laid_out(catalog, &other, status, code, full.as_ref());
            tried.add(
                fits(catalog, &foreign),
                format!("{}: laid out as {name}", code.code),
                foreign,
            );
        }
    }

    // A code the catalogue does not have, in a body otherwise well-formed.
    if let Some((status, code)) = catalog.codes().find(|(_, code)| code.params.is_empty()) {
        let mut unknown = laid_out(catalog, layout, status, code, None);
        let path = &layout.path(Part::Code).unwrap().members;
        *pointer(&mut unknown, path) = match layout.code_type {
            CodeType::Integer => json!(999_999_999),
            _ => json!("added_later"),
        };
        tried.add(
            Fit::Received,
            "a code added later".to_owned(),
            unknown.clone(),
        );
        tried.add(
            Fit::Neither,
            "an array of a body".to_owned(),
            json!([unknown]),
        );
    }
    tried.add(Fit::Neither, "null".to_owned(), json!(null));
    tried.add(Fit::Neither, "an empty object".to_owned(), json!({}));
    tried.0
}

/// `body`, the body of `code`, with a member added to each of its objects
/// (ignored), each part left out or of another JSON type, and each object
/// of the layout something else.
fn changed_members(
    catalog: &Catalog,
    status: &Status,
    code: &Code,
    body: &Value,
    tried: &mut Tried,
) {
    let layout = &catalog.body;
    let docs_optional = catalog.codes().any(|(_, code)| code.docs.is_none());
    let what = |why: &str| format!("{}: {why}", code.code);
    let objects: Vec<Vec<String>> = object_paths(&layout.tree(), &mut Vec::new())
        .into_iter()
        .filter(|members| matches!(lookup(body, members), Lookup::Found(Value::Object(_))))
        .collect();
    for members in &objects {
        let mut added = body.clone();
        pointer(&mut added, members)["added_later"] = json!(1);
        let why = what(&format!("a member added to `{}`", shown(members)));
        tried.add(Fit::Both, why, added);
        for other in [json!("text"), json!([])] {
            let mut changed = body.clone();
            *pointer(&mut changed, members) = other.clone();
            tried.add(
                Fit::Neither,
                what(&format!("`{}` is {other}", shown(members))),
                changed,
            );
        }
    }
    for (part, path) in &layout.parts {
        let fit = match part {
            Part::Details => continue,
            Part::Docs if code.docs.is_none() => continue,
            Part::Docs if docs_optional => Fit::Both,
            Part::Docs => Fit::Received,
            _ => Fit::Neither,
        };
        let written = path.to_string();
        tried.add(
            fit,
            what(&format!("`{written}` left out")),
            without(body, &path.members),
        );
        let others = match part {
            Part::Code if layout.code_type == CodeType::Integer => {
                vec![json!(code.code), json!(0.5)]
            }
            Part::Code => vec![json!(1), json!(null)],
            Part::Status => vec![json!(status.status.to_string()), json!(400.5)],
            _ => vec![json!(1), json!(null), json!(["text"])],
        };
        for other in others {
            let mut changed = body.clone();
            *pointer(&mut changed, &path.members) = other.clone();
            tried.add(
                Fit::Neither,
                what(&format!("`{written}` is {other}")),
                changed,
            );
        }
    }
}

/// The body of `code` with its params missing, no object, or changed in
/// every way; for a code without params, with another code's.
fn changed_params(catalog: &Catalog, status: &Status, code: &Code, tried: &mut Tried) {
    let layout = &catalog.body;
    let spread = layout.path(Part::Details).unwrap().spread;
    let what = |why: &str| format!("{}: {why}", code.code);
    let Some(full) = full_details(catalog, code) else {
        if let Some((_, other)) = catalog.codes().find(|(_, other)| !other.params.is_empty())
            && !spread
        {
            // A code without params ignores what it does not have.
            let details = full_details(catalog, other);
            tried.add(
                Fit::Both,
                what(&format!("the params of {}", other.code)),
                laid_out(catalog, layout, status, code, details.as_ref()),
            );
        }
        return;
    };
    tried.add(
        Fit::Received,
        what("without its params"),
        laid_out(catalog, layout, status, code, None),
    );
    if !spread {
        for other in [json!(null), json!([]), json!("x")] {
            tried.add(
                Fit::Received,
                what(&format!("details {other}")),
                laid_out(catalog, layout, status, code, Some(&other)),
            );
        }
    }
    for variant in object_variants(catalog, &code.params, &full) {
        let fit = if variant.valid {
            Fit::Both
        } else {
            Fit::Received
        };
        tried.add(
            fit,
            what(&format!("params{}", variant.why)),
            laid_out(catalog, layout, status, code, Some(&variant.value)),
        );
    }
}

/// The paths of the objects of the layout (not of the details), outermost
/// first.
fn object_paths(object: &Object, at: &mut Vec<String>) -> Vec<Vec<String>> {
    let mut paths = vec![at.clone()];
    for member in &object.members {
        if let Member::Object(inner) = &member.value {
            at.push(member.name.clone());
            paths.extend(object_paths(inner, at));
            at.pop();
        }
    }
    paths
}

/// The other layouts of `tests/ts/layouts/`, and the default one, that lay
/// out a body otherwise than `catalog`'s.
fn other_layouts(catalog: &Catalog) -> Vec<(String, Body)> {
    let mut layouts = vec![("the default layout".to_owned(), Body::default())];
    for name in LAYOUTS {
        layouts.push((format!("{name}.yaml"), layout_catalog(name).body));
    }
    layouts.retain(|(_, body)| {
        body.parts != catalog.body.parts || body.code_type != catalog.body.code_type
    });
    layouts
}

/// `value` with the member at `members` removed.
fn without(value: &Value, members: &[String]) -> Value {
    let mut value = value.clone();
    let (last, parent) = members.split_last().unwrap();
    pointer(&mut value, parent)
        .as_object_mut()
        .unwrap()
        .remove(last);
    value
}

/// The member at `members` of `value`, which must be there.
fn pointer<'a>(value: &'a mut Value, members: &[String]) -> &'a mut Value {
    members
        .iter()
        .fold(value, |at, name| at.get_mut(name).unwrap())
}

/// A path as the layout writes it; the body itself as `(the body)`.
fn shown(members: &[String]) -> String {
    if members.is_empty() {
        "(the body)".to_owned()
    } else {
        members.join(".")
    }
}

/// Values that are no code: each code as the other JSON type, and others.
fn not_codes(catalog: &Catalog) -> Vec<Value> {
    let codes: Vec<Value> = catalog
        .codes()
        .map(|(_, code)| code_value(&catalog.body, code))
        .collect();
    let mut values = Vec::new();
    for (_, code) in catalog.codes() {
        if catalog.body.code_type == CodeType::Integer {
            values.push(json!(code.code));
            values.push(json!(code.code.parse::<f64>().unwrap() + 0.5));
        } else {
            values.push(json!(format!("{} ", code.code)));
            values.push(json!(code.code.to_uppercase()));
        }
    }
    values.extend([
        json!(999_999_999),
        json!(-1),
        json!("toString"),
        json!("__proto__"),
        json!(""),
        json!(null),
        json!(true),
        json!({}),
        json!([]),
    ]);
    values.retain(|value| !codes.contains(value));
    values
}
