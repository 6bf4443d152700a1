//! `generated/errors.ts`: snapshots of the emitter, and real compilers.
//!
//! Each catalogue's module is compiled with TypeScript 7 (the native compiler)
//! and TypeScript 5.9 (the last JavaScript one) under `tests/ts/tsconfig.strict.json`,
//! together with type-level assertions and `tests/ts/check.ts`; the compiled
//! check then runs under Node and compares every value with the catalogue.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use error_codes_gen::{Catalog, typescript};
use error_codes_tests::{
    empty_catalogues, hostile_catalog, lifecycle_catalog, node, seed_catalog, target_dir, tools,
    workspace_root,
};
use serde_json::json;

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

#[test]
fn output_is_deterministic_and_enum_free() {
    let [(_, no_codes), (_, no_statuses)] = empty_catalogues();
    for catalog in [seed_catalog(), hostile_catalog(), no_codes, no_statuses] {
        let ts = typescript::emit(&catalog);
        assert_eq!(ts, typescript::emit(&catalog.clone()));
        assert!(ts.starts_with(&format!("// {}\n", catalog.generated_notice())));
        assert!(!ts.contains("enum "), "no TypeScript enum");
        assert!(!ts.contains("import "), "no runtime dependencies");
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
    compile_and_check("seed", &seed_catalog());
}

#[test]
fn hostile_compiles_and_checks_out() {
    compile_and_check("hostile", &hostile_catalog());
}

/// A catalogue without codes (with a status that has none, and with no
/// statuses at all): `ErrorCode` is `never`, which the module must handle
/// wherever it reads a code's entry.
#[test]
fn empty_catalogues_compile_and_check_out() {
    for (case, catalog) in empty_catalogues() {
        assert_eq!(catalog.codes().count(), 0, "{case}");
        compile_and_check(case, &catalog);
    }
}

/// Deprecated codes: the module compiles and checks out like any other, and
/// the TypeScript language service (what editors run) strikes through every
/// use of a deprecated `ERRORS` entry, and only those, showing the note and
/// the `since` version in the hover.
#[test]
fn lifecycle_compiles_and_editors_strike_deprecated_entries() {
    let catalog = lifecycle_catalog();
    let dir = compile_and_check("lifecycle", &catalog);

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
    compile_and_check("prototype", &catalog);
}

/// Writes the module and its checks into a scratch folder, compiles them with
/// every pinned compiler and runs each compiler's output under Node. Returns
/// the folder.
fn compile_and_check(case: &str, catalog: &Catalog) -> PathBuf {
    let dir = target_dir().join("typescript-check").join(case);
    if dir.exists() {
        fs::remove_dir_all(&dir).unwrap();
    }
    fs::create_dir_all(&dir).unwrap();
    let ts_dir = workspace_root().join("tests").join("ts");
    write(&dir, "errors.ts", &typescript::emit(catalog));
    write(&dir, "expected.json", &expected_json(catalog));
    write(&dir, "expected-types.ts", &expected_types(catalog));
    write(
        &dir,
        "check.ts",
        &fs::read_to_string(ts_dir.join("check.ts")).unwrap(),
    );
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
            "files": ["errors.ts", "expected-types.ts", "check.ts"],
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

        let started = Instant::now();
        let printed = tools::run(
            node::node()
                .arg(Path::new(&out_dir).join("check.js"))
                .current_dir(&dir),
            &format!("{case}: the checks compiled by {package} fail"),
        );
        let checks: usize = printed
            .trim()
            .strip_prefix("ok: ")
            .and_then(|rest| rest.strip_suffix(" checks"))
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("unexpected output from check.js: {printed:?}"));
        // At least the per-code checks ran, so the check did look at every code.
        let codes = catalog.codes().count();
        assert!(
            checks >= 15 * codes,
            "only {checks} checks for {codes} codes"
        );
        eprintln!(
            "{case}: {package} compiled in {:.2}s, {checks} checks ran in {:.2}s",
            compiled.as_secs_f64(),
            started.elapsed().as_secs_f64()
        );
    }
    dir
}

fn write(dir: &Path, name: &str, contents: &str) {
    fs::write(dir.join(name), contents).unwrap_or_else(|error| panic!("{name}: {error}"));
}

/// What `check.ts` compares the module's values with, straight from the model.
fn expected_json(catalog: &Catalog) -> String {
    let codes: Vec<_> = catalog
        .codes()
        .map(|(status, code)| json!({ "code": code.code, "status": status.status, "message": code.message }))
        .collect();
    let groups: Vec<_> = catalog
        .groups()
        .map(|status| {
            let codes: Vec<_> = status.codes.iter().map(|code| &code.code).collect();
            json!({ "name": status.name, "status": status.status, "codes": codes })
        })
        .collect();
    serde_json::to_string_pretty(&json!({ "codes": codes, "groups": groups })).unwrap()
}

/// Type-level assertions from the model: each fails to compile when the
/// module's types are wrong. String literal types are written with `serde_json`,
/// independently of the emitter's escaping.
fn expected_types(catalog: &Catalog) -> String {
    let union = |codes: &mut dyn Iterator<Item = &str>| {
        let union: Vec<String> = codes.map(literal).collect();
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
        .map(|(_, code)| literal(&code.code))
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
        union(&mut catalog.codes().map(|(_, c)| c.code.as_str()))
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
            union(&mut status.codes.iter().map(|c| c.code.as_str()))
        )
        .unwrap();
    }
    for (status, code) in catalog.codes() {
        let key = literal(&code.code);
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
    ts.push_str("];\n\n");
    ts.push_str(&expected_type_errors(catalog, &group_types));
    ts
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
            literal(&other.codes[0].code)
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

/// `text` as a TypeScript string literal (type), written by `serde_json`.
fn literal(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}
