//! `generated/errors.ts`: snapshots of the emitter, and real compilers.
//!
//! Each catalogue's module is compiled with TypeScript 7 (the native compiler)
//! and TypeScript 5.9 (the last JavaScript one) under `tests/ts/tsconfig.strict.json`,
//! together with type-level assertions and `tests/ts/check.ts`; the compiled
//! check then runs under Node and compares every value with the catalogue.
//!
//! `tests/ts/details.yaml`, a catalogue with params, types and retry, is also
//! compiled with `tests/ts/details.ts`: type tests that must fail where a
//! body lacks its details, and checks of `isErrorBody` against bodies as the
//! wire carries them. Every catalogue's `expected.json` also holds bodies
//! built here from the catalogue (valid ones, and each way one can be
//! malformed), which `check.ts` puts through the guards.
//!
//! Catalogues that declare their body (`body:`) are checked in `layouts`.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use error_codes_gen::{Catalog, Code, CodeType, Param, Part, Piece, Type, typescript};
use error_codes_tests::{
    empty_catalogues, explained_catalog, fixture, hostile_catalog, lifecycle_catalog, node,
    seed_catalog, target_dir, tools, workspace_root,
};
use serde_json::{Map, Value, json};

#[path = "typescript/layouts.rs"]
mod layouts;

/// The pinned compilers: npm package (see `tests/tools/package.json`) and the
/// start of the version it must report.
const COMPILERS: [(&str, &str); 2] = [
    ("typescript", "Version 7."),
    ("typescript-5.9", "Version 5.9."),
];

#[test]
fn snapshot_seed() {
    insta::assert_snapshot!("typescript_seed", typescript::emit(&seed_catalog()));
}

#[test]
fn snapshot_hostile() {
    insta::assert_snapshot!("typescript_hostile", typescript::emit(&hostile_catalog()));
}

#[test]
fn snapshot_lifecycle() {
    insta::assert_snapshot!(
        "typescript_lifecycle",
        typescript::emit(&lifecycle_catalog())
    );
}

/// One status and no codes: `ErrorCode` is `never`, and so is `statusOf`'s
/// parameter.
#[test]
fn snapshot_no_codes() {
    let [(_, no_codes), _] = empty_catalogues();
    insta::assert_snapshot!("typescript_no_codes", typescript::emit(&no_codes));
}

/// The catalogue with params, types and retry.
#[test]
fn snapshot_details() {
    insta::assert_snapshot!("typescript_details", typescript::emit(&details_catalog()));
}

/// A catalogue without `types:`, `params:` or `retry:` writes the module it
/// wrote before they existed, byte for byte: `seed-1.0/` holds the root
/// `errors.yaml` and the `generated/errors.ts` it gave at 773cb43 (the root
/// catalogue itself now uses params).
#[test]
fn catalogue_without_details_writes_the_module_it_wrote_before() {
    let catalog =
        Catalog::load(&fixture("seed-1.0/errors.yaml")).unwrap_or_else(|error| panic!("{error}"));
    assert!(!catalog.has_details() && !catalog.has_retry());
    let before = fs::read_to_string(fixture("seed-1.0/errors.ts")).unwrap();
    assert!(
        typescript::emit(&catalog) == before,
        "errors.ts moved for a catalogue without details"
    );
}

#[test]
fn output_is_deterministic_and_enum_free() {
    let [(_, no_codes), (_, no_statuses)] = empty_catalogues();
    for catalog in [
        seed_catalog(),
        hostile_catalog(),
        details_catalog(),
        no_codes,
        no_statuses,
    ] {
        let ts = typescript::emit(&catalog);
        assert_eq!(ts, typescript::emit(&catalog.clone()));
        assert!(ts.starts_with(&format!("// {}\n", catalog.generated_notice())));
        assert!(!ts.contains("enum "), "no TypeScript enum");
        assert!(!ts.contains("import "), "no runtime dependencies");
        for any in [": any", "as any", "<any", "any>", "any[]", "any,", "any)"] {
            assert!(!ts.contains(any), "no `any`: {any:?}");
        }
    }
}

#[test]
fn compilers_are_the_pinned_versions() {
    for (package, version) in COMPILERS {
        let printed = tools::run(
            node::package_script(package, "bin/tsc").arg("--version"),
            "tsc --version",
        );
        assert!(printed.starts_with(version), "{package}: {printed}");
    }
}

#[test]
fn seed_compiles_and_checks_out() {
    compile_and_check("seed", &seed_catalog(), None);
}

#[test]
fn hostile_compiles_and_checks_out() {
    compile_and_check("hostile", &hostile_catalog(), None);
}

/// Params of every type, types of `types:`, retry: the module compiles with
/// the type tests of `tests/ts/details.ts`, and both checks pass under Node.
/// A code's description and resolution join its `ERRORS` entry's doc
/// comment, and the module still compiles under both compilers.
#[test]
fn explained_compiles_and_checks_out() {
    let catalog = explained_catalog();
    let ts = typescript::emit(&catalog);
    assert!(ts.contains(
        "   * Resolution:\n   *\n   * 1. Copy the token again from the dashboard.\n   * 2. Send it as `X-Token: <token>`:\n"
    ));
    compile_and_check("explained", &catalog, None);
}

#[test]
fn details_compile_and_check_out() {
    compile_and_check("details", &details_catalog(), Some("details.ts"));
}

/// A catalogue without codes (with a status that has none, and with no
/// statuses at all): `ErrorCode` is `never`, which the module must handle
/// wherever it reads a code's entry.
#[test]
fn empty_catalogues_compile_and_check_out() {
    for (case, catalog) in empty_catalogues() {
        assert_eq!(catalog.codes().count(), 0, "{case}");
        compile_and_check(case, &catalog, None);
    }
}

/// Deprecated codes: the module compiles and checks out like any other, and
/// the TypeScript language service (what editors run) strikes through every
/// use of a deprecated `ERRORS` entry, and only those, showing the note and
/// the `since` version in the hover.
#[test]
fn lifecycle_compiles_and_editors_strike_deprecated_entries() {
    let catalog = lifecycle_catalog();
    let dir = compile_and_check("lifecycle", &catalog, None);

    let mut uses = String::from(
        "import { ERRORS } from \"./errors.js\";\n\nexport const uses: readonly unknown[] = [\n",
    );
    for (_, code) in catalog.codes() {
        writeln!(uses, "  ERRORS.{},", code.code).unwrap();
    }
    uses.push_str("];\n");
    write(&dir, "uses.ts", &uses);
    let printed = tools::run(
        node::node().args([
            workspace_root().join("tests/ts/deprecations.mjs"),
            node::node_modules().join("typescript-5.9/lib/typescript.js"),
            workspace_root().join("tests/ts/tsconfig.strict.json"),
            dir.clone(),
        ]),
        "asking the TypeScript language service about deprecations",
    );
    let shown: Vec<serde_json::Value> = printed
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(shown.len(), catalog.codes().count(), "{printed}");
    // Editors render the hover as Markdown, where `\@` and `\/` show as `@` and `/`.
    let rendered = |text: &str| text.replace("\\@", "@").replace("*\\/", "*/");
    for ((_, code), shown) in catalog.codes().zip(&shown) {
        let what = format!("ERRORS.{}: {shown}", code.code);
        assert_eq!(shown["struck"], code.deprecated.is_some(), "{what}");
        assert_eq!(
            shown["deprecated"].as_str().map(rendered),
            code.deprecated,
            "{what}"
        );
        assert_eq!(shown["since"].as_str(), code.since.as_deref(), "{what}");
    }
}

/// Codes that are `Object.prototype` keys, and a status with no codes.
#[test]
fn prototype_keys_compile_and_check_out() {
    let catalog = Catalog::from_yaml(
        "title: Prototype keys\n\
         statuses:\n  \
           400:\n    codes: {}\n  \
           404:\n    codes:\n      \
             __proto__: A code named __proto__.\n      \
             constructor: A code named constructor.\n  \
           409:\n    codes:\n      \
             hasOwnProperty: A code named hasOwnProperty.\n      \
             valueOf: A code named valueOf.\n",
        "prototype.yaml",
    )
    .unwrap_or_else(|error| panic!("{error}"));
    let ts = typescript::emit(&catalog);
    assert!(ts.contains("  [\"__proto__\"]: {\n"), "{ts}");
    compile_and_check("prototype", &catalog, None);
}

/// `tests/ts/details.yaml`.
fn details_catalog() -> Catalog {
    Catalog::load(&workspace_root().join("tests/ts/details.yaml"))
        .unwrap_or_else(|error| panic!("{error}"))
}

/// Writes the module and its checks into a scratch folder, compiles them with
/// every pinned compiler and runs each compiler's output under Node; `extra`
/// names one more file of `tests/ts` to compile and run, written for this
/// catalogue. Returns the folder.
fn compile_and_check(case: &str, catalog: &Catalog, extra: Option<&str>) -> PathBuf {
    let mut run = vec!["check.ts"];
    run.extend(extra);
    compile_and_run(case, catalog, &expected_json(catalog), &run, &[])
}

/// Writes the module, `expected` as `expected.json`, the type assertions of
/// [`expected_types`] and the files of `tests/ts` that `run` and `modules`
/// name (each under its own file name) into a scratch folder, compiles them
/// with every pinned compiler and runs each compiler's output of the `run`
/// files under Node. The first of `run` checks the module's values against
/// `expected.json`, and must make at least 15 checks a code (10 for a layout's
/// checks). Returns the
/// folder.
fn compile_and_run(
    case: &str,
    catalog: &Catalog,
    expected: &str,
    run: &[&str],
    modules: &[&str],
) -> PathBuf {
    let dir = target_dir().join("typescript-check").join(case);
    if dir.exists() {
        fs::remove_dir_all(&dir).unwrap();
    }
    fs::create_dir_all(&dir).unwrap();
    let ts_dir = workspace_root().join("tests").join("ts");
    write(&dir, "errors.ts", &typescript::emit(catalog));
    write(&dir, "expected.json", expected);
    write(&dir, "expected-types.ts", &expected_types(catalog));
    let name = |file: &str| -> String {
        Path::new(file)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned()
    };
    let mut files = vec!["errors.ts".to_owned(), "expected-types.ts".to_owned()];
    for file in run.iter().chain(modules) {
        write(
            &dir,
            &name(file),
            &fs::read_to_string(ts_dir.join(file)).unwrap(),
        );
        files.push(name(file));
    }
    // Node treats the compiled .js files as ES modules, as `nodenext` expects.
    write(
        &dir,
        "package.json",
        "{ \"private\": true, \"type\": \"module\" }\n",
    );

    for (package, _) in COMPILERS {
        let out_dir = format!("out-{package}");
        let config = format!("tsconfig-{package}.json");
        let tsconfig = json!({
            "extends": ts_dir.join("tsconfig.strict.json"),
            "compilerOptions": { "rootDir": ".", "outDir": out_dir },
            "files": files,
        });
        write(
            &dir,
            &config,
            &serde_json::to_string_pretty(&tsconfig).unwrap(),
        );

        let started = Instant::now();
        tools::run(
            node::package_script(package, "bin/tsc")
                .args(["--project", &config, "--pretty", "false"])
                .current_dir(&dir),
            &format!("{case}: {package} rejects the generated module or its checks"),
        );
        let compiled = started.elapsed();
        assert!(
            dir.join(&out_dir).join("errors.d.ts").is_file(),
            "{package} emitted no declarations"
        );

        for (i, file) in run.iter().map(|file| name(file)).enumerate() {
            let started = Instant::now();
            let script = Path::new(&out_dir).join(&file).with_extension("js");
            let printed = tools::run(
                node::node().arg(&script).current_dir(&dir),
                &format!("{case}: the checks of {file} compiled by {package} fail"),
            );
            let checks: usize = printed
                .trim()
                .strip_prefix("ok: ")
                .and_then(|rest| rest.strip_suffix(" checks"))
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("unexpected output from {file}: {printed:?}"));
            // At least the per-code checks of the first file ran, so it did
            // look at every code; a file of one catalogue's checks counts its own.
            let codes = catalog.codes().count();
            let per_code = if file == "check.ts" { 15 } else { 10 };
            let least = if i == 0 { per_code * codes } else { 1 };
            assert!(
                checks >= least,
                "{file}: only {checks} checks for {codes} codes"
            );
            eprintln!(
                "{case}: {package} compiled in {:.2}s, {checks} checks of {file} ran in {:.2}s",
                compiled.as_secs_f64(),
                started.elapsed().as_secs_f64()
            );
        }
    }
    dir
}

fn write(dir: &Path, name: &str, contents: &str) {
    fs::write(dir.join(name), contents).unwrap_or_else(|error| panic!("{name}: {error}"));
}

/// What `check.ts` compares the module's values with, straight from the
/// model: every code's entry and a body of it as the wire carries it, the
/// groups, and bodies to put through the guards (see [`bodies`]).
fn expected_json(catalog: &Catalog) -> String {
    let retry = catalog.has_retry();
    let codes: Vec<_> = catalog
        .codes()
        .map(|(status, code)| {
            json!({
                "code": code.code,
                "status": status.status,
                "message": code.message,
                "retry": retry.then(|| code.retry.word()),
                "body": body(catalog, code),
            })
        })
        .collect();
    let groups: Vec<_> = catalog
        .groups()
        .map(|status| {
            let codes: Vec<_> = status.codes.iter().map(|code| &code.code).collect();
            json!({ "name": status.name, "status": status.status, "codes": codes })
        })
        .collect();
    let (valid, invalid): (Vec<_>, Vec<_>) = bodies(catalog).into_iter().partition(|b| b.valid);
    let listed = |bodies: Vec<Variant>| -> Vec<Value> {
        bodies
            .into_iter()
            .map(|b| json!({ "why": b.why, "body": b.value }))
            .collect()
    };
    serde_json::to_string_pretty(&json!({
        "codes": codes,
        "groups": groups,
        "valid": listed(valid),
        "invalid": listed(invalid),
    }))
    .unwrap()
}

/// A body of `code` as the wire carries it: the rendered message, and
/// `details` with a value for every param when it has params.
fn body(catalog: &Catalog, code: &Code) -> Value {
    if code.params.is_empty() {
        return json!({ "error": code.code, "message": code.message });
    }
    let details = object(catalog, &code.params);
    let message = rendered(code, &details);
    json!({ "error": code.code, "message": message, "details": details })
}

/// The message of `code` with each placeholder filled in from `details`.
fn rendered(code: &Code, details: &Value) -> String {
    let mut message = String::new();
    for piece in code.pieces() {
        match piece {
            Piece::Text(text) => message.push_str(text),
            Piece::Param(name) => match &details[name] {
                Value::String(text) => message.push_str(text),
                value => message.push_str(&value.to_string()),
            },
            _ => unreachable!("a piece of another kind"),
        }
    }
    message
}

/// An object with a value for each of `params`, optional ones included.
fn object(catalog: &Catalog, params: &[Param]) -> Value {
    let members: Map<String, Value> = params
        .iter()
        .map(|param| (param.name.clone(), value(catalog, &param.ty)))
        .collect();
    Value::Object(members)
}

/// A value of `ty`.
fn value(catalog: &Catalog, ty: &Type) -> Value {
    match ty {
        Type::String => json!("text"),
        Type::Integer => json!(30),
        Type::Number => json!(1.5),
        Type::Boolean => json!(true),
        Type::List(item) => json!([value(catalog, item)]),
        Type::Named(name) => object(catalog, &catalog.type_def(name).unwrap().fields),
        _ => unreachable!("a type of another kind"),
    }
}

/// A body or value that the guards must accept (`valid`) or reject, and why.
struct Variant {
    why: String,
    value: Value,
    valid: bool,
}

impl Variant {
    fn new(why: impl Into<String>, value: Value, valid: bool) -> Self {
        Self {
            why: why.into(),
            value,
            valid,
        }
    }
}

/// Bodies of every code with params: its valid body, and every way to
/// change it that `isErrorBody` must reject (a member missing, of another
/// type, or `null`, at any depth, details missing or no object) or accept
/// (an optional member left out, a member the catalogue does not name).
fn bodies(catalog: &Catalog) -> Vec<Variant> {
    let mut bodies = Vec::new();
    for (_, code) in catalog.codes() {
        let body = body(catalog, code);
        let what = |why: &str| format!("{}: {why}", code.code);
        let Some(details) = body.get("details") else {
            let mut with_details = body.clone();
            with_details["details"] = json!({ "sent": "by a newer server" });
            bodies.push(Variant::new(
                what("details it has no params for"),
                with_details,
                true,
            ));
            continue;
        };
        let mut without = body.clone();
        without.as_object_mut().unwrap().remove("details");
        bodies.push(Variant::new(what("without details"), without, false));
        for (why, details) in [
            ("null details", json!(null)),
            ("details an array", json!([])),
            ("details a string", json!("x")),
        ] {
            let mut changed = body.clone();
            changed["details"] = details;
            bodies.push(Variant::new(what(why), changed, false));
        }
        for variant in object_variants(catalog, &code.params, details) {
            let mut changed = body.clone();
            changed["details"] = variant.value;
            bodies.push(Variant::new(
                what(&format!("details{}", variant.why)),
                changed,
                variant.valid,
            ));
        }
    }
    bodies
}

/// Every change of `object`, an object of `params`: each member left out,
/// each changed as [`value_variants`] changes it, and one member added.
fn object_variants(catalog: &Catalog, params: &[Param], object: &Value) -> Vec<Variant> {
    let mut variants = vec![Variant::new(
        ".added_later added",
        {
            let mut added = object.clone();
            added["added_later"] = json!(1);
            added
        },
        true,
    )];
    for param in params {
        let mut without = object.clone();
        without.as_object_mut().unwrap().remove(&param.name);
        let optional = if param.optional {
            "optional"
        } else {
            "required"
        };
        variants.push(Variant::new(
            format!(".{} ({optional}) left out", param.name),
            without,
            param.optional,
        ));
        for variant in value_variants(catalog, &param.ty, &object[&param.name]) {
            let mut changed = object.clone();
            changed[&param.name] = variant.value;
            variants.push(Variant::new(
                format!(".{}{}", param.name, variant.why),
                changed,
                variant.valid,
            ));
        }
    }
    variants
}

/// Changes of `value`, a value of `ty`: other types, `null`, and within
/// lists and objects, changes of their items and members.
fn value_variants(catalog: &Catalog, ty: &Type, value: &Value) -> Vec<Variant> {
    let mut variants = vec![Variant::new(" null", json!(null), false)];
    let mut other = |why: &str, value: Value, valid: bool| {
        variants.push(Variant::new(format!(" {why}"), value, valid));
    };
    match ty {
        Type::String => {
            other("a number", json!(1), false);
            other("empty", json!(""), true);
        }
        Type::Integer => {
            other("a fraction", json!(30.5), false);
            other("a string", json!("30"), false);
            other("beyond 2^53", json!(1_i64 << 60), true);
            other("negative", json!(-1), true);
        }
        Type::Number => {
            other("a string", json!("1.5"), false);
            other("an integer", json!(2), true);
        }
        Type::Boolean => {
            other("a string", json!("true"), false);
            other("a number", json!(1), false);
            other("false", json!(false), true);
        }
        Type::List(item) => {
            other("an object", json!({ "0": value[0].clone() }), false);
            other("empty", json!([]), true);
            for variant in value_variants(catalog, item, &value[0]) {
                variants.push(Variant::new(
                    format!("[1]{}", variant.why),
                    json!([value[0].clone(), variant.value]),
                    variant.valid,
                ));
            }
        }
        Type::Named(name) => {
            other("a string", json!("x"), false);
            other("an array", json!([value.clone()]), false);
            let fields = &catalog.type_def(name).unwrap().fields;
            variants.extend(object_variants(catalog, fields, value));
        }
        _ => unreachable!("a type of another kind"),
    }
    variants
}

/// Type-level assertions from the model: each fails to compile when the
/// module's types are wrong. String literal types are written with `serde_json`,
/// independently of the emitter's escaping.
fn expected_types(catalog: &Catalog) -> String {
    let union = |codes: &mut dyn Iterator<Item = &Code>| {
        let union: Vec<String> = codes.map(|code| code_literal(catalog, code)).collect();
        if union.is_empty() {
            "never".to_owned()
        } else {
            union.join(" | ")
        }
    };
    let group_types: Vec<String> = catalog
        .groups()
        .map(|status| format!("{}Code", status.name))
        .collect();

    let mut ts = String::from("// Written by tests/tests/typescript.rs from the catalogue.\n\n");
    let mut imports: Vec<String> = ["ERROR_CODES", "ERRORS", "statusOf", "type ErrorCode"]
        .map(str::to_owned)
        .into();
    imports.extend(group_types.iter().map(|name| format!("type {name}")));
    let detailed = catalog.codes().any(|(_, code)| !code.params.is_empty());
    if detailed {
        imports.extend(["type ErrorBody".to_owned(), "type ErrorDetails".to_owned()]);
        if !code_narrows_params(catalog) {
            // The guards of `expected_narrowing` narrow to them.
            imports.push("type ErrorBodyWithDetails".to_owned());
            if catalog.codes().any(|(_, code)| code.params.is_empty()) {
                imports.push("type ErrorBodyWithoutDetails".to_owned());
            }
        }
    }
    imports.extend(catalog.types.iter().map(|ty| format!("type {}", ty.name)));
    writeln!(
        ts,
        "import {{ {} }} from \"./errors.js\";\n",
        imports.join(", ")
    )
    .unwrap();
    ts.push_str(
        "type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;\n\
         type Expect<T extends true> = T;\n\n\
         export type Checks = [\n",
    );
    let all: Vec<String> = catalog
        .codes()
        .map(|(_, code)| code_literal(catalog, code))
        .collect();
    writeln!(
        ts,
        "  Expect<Equal<typeof ERROR_CODES, readonly [{}]>>,",
        all.join(", ")
    )
    .unwrap();
    writeln!(
        ts,
        "  Expect<Equal<ErrorCode, {}>>,",
        union(&mut catalog.codes().map(|(_, code)| code))
    )
    .unwrap();
    ts.push_str("  Expect<Equal<keyof typeof ERRORS, ErrorCode>>,\n");
    // Not `ReturnType`: with no codes the parameter is `never`, which no `any`
    // argument list matches, so `ReturnType` would give `any`.
    ts.push_str("  Expect<Equal<typeof statusOf, (code: ErrorCode) => number>>,\n");
    for (status, name) in catalog.groups().zip(&group_types) {
        writeln!(
            ts,
            "  Expect<Equal<{name}, {}>>,",
            union(&mut status.codes.iter())
        )
        .unwrap();
    }
    for (status, code) in catalog.codes() {
        let key = code_literal(catalog, code);
        writeln!(
            ts,
            "  Expect<Equal<(typeof ERRORS)[{key}][\"status\"], {}>>,",
            status.status
        )
        .unwrap();
        writeln!(
            ts,
            "  Expect<Equal<(typeof ERRORS)[{key}][\"message\"], {}>>,",
            literal(&code.message)
        )
        .unwrap();
    }
    ts.push_str(&expected_detail_types(catalog));
    ts.push_str("];\n\n");
    ts.push_str(&expected_type_errors(catalog, &group_types));
    if detailed {
        ts.push_str(&expected_narrowing(catalog));
    }
    ts
}

/// Type-level assertions of what params, types and retry add: each code's
/// `retry` and details, and each type's interface.
fn expected_detail_types(catalog: &Catalog) -> String {
    let mut ts = String::new();
    let docs = catalog.codes().any(|(_, code)| code.docs.is_some());
    for (_, code) in catalog.codes() {
        let key = code_literal(catalog, code);
        if docs {
            let url = code.docs.as_deref().map_or("undefined".to_owned(), literal);
            writeln!(
                ts,
                "  Expect<Equal<(typeof ERRORS)[{key}][\"docs\"], {url}>>,"
            )
            .unwrap();
        }
        if catalog.has_retry() {
            writeln!(
                ts,
                "  Expect<Equal<(typeof ERRORS)[{key}][\"retry\"], {}>>,",
                literal(code.retry.word())
            )
            .unwrap();
        }
        if !code.params.is_empty() {
            writeln!(
                ts,
                "  Expect<Equal<ErrorDetails[{key}], {}>>,",
                object_type(&code.params)
            )
            .unwrap();
        }
    }
    for ty in &catalog.types {
        let fields = object_type(&ty.fields);
        writeln!(ts, "  Expect<Equal<{}, {fields}>>,", ty.name).unwrap();
    }
    let detailed: Vec<String> = catalog
        .codes()
        .filter(|(_, code)| !code.params.is_empty())
        .map(|(_, code)| code_literal(catalog, code))
        .collect();
    if !detailed.is_empty() {
        let codes = detailed.join(" | ");
        writeln!(ts, "  Expect<Equal<keyof ErrorDetails, {codes}>>,").unwrap();
    }
    ts
}

/// Whether comparing the code of an `ErrorBody` narrows its params too.
/// TypeScript narrows a discriminated union only through the object whose
/// member is compared: `body.error.code === …` narrows `body.error`, and so
/// the params in it or below it, but `body.meta.code === …` does not narrow
/// `body.error.details`, nor params spread into the body.
fn code_narrows_params(catalog: &Catalog) -> bool {
    let code = catalog.body.path(Part::Code).unwrap();
    let details = catalog.body.path(Part::Details).unwrap();
    details.parent().starts_with(code.parent())
}

/// Narrowing an `ErrorBody` on `error` gives each code's details, typed, and
/// a code without params has none. When the code does not narrow the params
/// (see [`code_narrows_params`]), a guard on the code narrows the body, as a
/// user of such a layout writes one: the body types are members of
/// `ErrorBody` that such a guard can narrow to.
fn expected_narrowing(catalog: &Catalog) -> String {
    let code_member = access(&catalog.body.path(Part::Code).unwrap().members);
    let details = catalog.body.path(Part::Details).unwrap();
    let narrows = code_narrows_params(catalog);
    // Spread, the params are members of an object of the body: narrowed,
    // it is one of `ErrorDetails[code]` too.
    let details_member = access(&details.members);
    let some_param = catalog
        .codes()
        .find_map(|(_, code)| code.params.first())
        .map(|param| param.name.clone())
        .unwrap_or_default();
    let mut ts = String::new();
    for (i, (_, code)) in catalog.codes().enumerate() {
        let key = code_literal(catalog, code);
        let narrowed = if narrows {
            format!("body{code_member} === {key}")
        } else {
            let body = if code.params.is_empty() {
                "ErrorBodyWithoutDetails".to_owned()
            } else {
                format!("ErrorBodyWithDetails<{key}>")
            };
            writeln!(
                ts,
                "function isBody{i}(body: ErrorBody): body is {body} {{\n  \
                 return body{code_member} === {key};\n}}"
            )
            .unwrap();
            format!("isBody{i}(body)")
        };
        if code.params.is_empty() {
            let read = if details.spread {
                format!("{details_member}.{some_param}")
            } else {
                details_member.clone()
            };
            writeln!(
                ts,
                "export function narrow{i}(body: ErrorBody): unknown {{\n  \
                 if ({narrowed}) {{\n    \
                 // @ts-expect-error a code without params has no details\n    \
                 return body{read};\n  }}\n  return undefined;\n}}"
            )
            .unwrap();
        } else {
            writeln!(
                ts,
                "export function narrow{i}(body: ErrorBody): ErrorDetails[{key}] | undefined {{\n  \
                 if ({narrowed}) {{\n    \
                 const details: {} = body{details_member};\n    return details;\n  }}\n  return undefined;\n}}",
                object_type(&code.params)
            )
            .unwrap();
        }
    }
    ts
}

/// How TypeScript reads the member at `members` of a body: `.error.code`,
/// `["http-status"]` for a name that is no identifier.
fn access(members: &[String]) -> String {
    members
        .iter()
        .map(|name| {
            let identifier = name.chars().enumerate().all(|(i, c)| {
                c.is_ascii_alphabetic() || c == '_' || c == '$' || (i > 0 && c.is_ascii_digit())
            });
            if identifier {
                format!(".{name}")
            } else {
                format!("[{}]", literal(name))
            }
        })
        .collect()
}

/// The TypeScript type of an object of `params`, written from the model
/// independently of the emitter: each list `readonly (T)[]`.
fn object_type(params: &[Param]) -> String {
    let members: Vec<String> = params
        .iter()
        .map(|param| {
            let optional = if param.optional { "?" } else { "" };
            format!("{}{optional}: {}", param.name, ts_type(&param.ty))
        })
        .collect();
    if members.is_empty() {
        "{}".to_owned()
    } else {
        format!("{{ {} }}", members.join("; "))
    }
}

fn ts_type(ty: &Type) -> String {
    match ty {
        Type::String => "string".to_owned(),
        Type::Integer | Type::Number => "number".to_owned(),
        Type::Boolean => "boolean".to_owned(),
        Type::List(item) => format!("readonly ({})[]", ts_type(item)),
        Type::Named(name) => name.clone(),
        _ => unreachable!("a type of another kind"),
    }
}

/// Negative checks: each line must be a type error. Those that need a code
/// are left out without one, where `ERROR_CODES[0]` is an error itself.
fn expected_type_errors(catalog: &Catalog, group_types: &[String]) -> String {
    let mut ts = String::new();
    if catalog.codes().next().is_some() {
        ts.push_str("// @ts-expect-error ERRORS is readonly\nERRORS[ERROR_CODES[0]] = ERRORS[ERROR_CODES[0]];\n");
        ts.push_str("// @ts-expect-error entries are readonly\nERRORS[ERROR_CODES[0]].status = ERRORS[ERROR_CODES[0]].status;\n");
        ts.push_str(
            "// @ts-expect-error ERROR_CODES is readonly\nERROR_CODES.push(ERROR_CODES[0]);\n",
        );
    }
    ts.push_str("// @ts-expect-error statusOf takes codes only\nstatusOf(\"not a code\");\n");
    let groups: Vec<_> = catalog.groups().zip(group_types).collect();
    if let [(_, first), (other, _), ..] = groups.as_slice() {
        writeln!(
            ts,
            "// @ts-expect-error a code of another status\nexport const wrongGroup: {first} = {};",
            code_literal(catalog, &other.codes[0])
        )
        .unwrap();
    }
    for status in catalog
        .statuses
        .iter()
        .filter(|status| status.codes.is_empty())
    {
        writeln!(
            ts,
            "// @ts-expect-error a status without codes has no type\nexport type No{0}Code = import(\"./errors.js\").{0}Code;",
            status.name
        )
        .unwrap();
    }
    ts
}

/// `code` as a TypeScript literal (type): under `code_type: integer` its
/// number, else a string literal.
fn code_literal(catalog: &Catalog, code: &Code) -> String {
    match catalog.body.code_type {
        CodeType::Integer => code.code.clone(),
        _ => literal(&code.code),
    }
}

/// `text` as a TypeScript string literal (type), written by `serde_json`.
fn literal(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}
