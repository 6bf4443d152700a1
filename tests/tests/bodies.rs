//! The real-world layouts of `tests/fixtures/bodies/` (WhatsApp Cloud API,
//! `OpenAI`, Stripe, Twilio, Vonage's problem details, Firebase), each taken
//! through every output: the model, the TypeScript (both pinned compilers,
//! and its guards on each code's body), the `OpenAPI` document
//! (`check_openapi.py`, and each code's body against its response), and the
//! Markdown page (its example body, docs links and anchors). The Rust side
//! (serde, the frameworks, `Received`, utoipa) takes the same fixtures in
//! `tests/frameworks/tests/real_layouts.rs`.
//!
//! Each code's body is built by `error_codes_tests::layout` from the model,
//! with its params' examples.

use std::collections::BTreeSet;
use std::fs;

use error_codes_gen::{
    Catalog, Code, CodeType, Part, Preset, Status, markdown, openapi, typescript,
};
use error_codes_tests::{fixture, layout, node, openapi_expectation, python, target_dir, tools};
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use serde_json::{Value, json};

/// Every fixture of `tests/fixtures/bodies/`, by name, loaded.
fn fixtures() -> Vec<(&'static str, Catalog)> {
    ["meta", "openai", "stripe", "twilio", "problem", "firebase"]
        .into_iter()
        .map(|name| {
            let path = fixture(&format!("bodies/{name}.yaml"));
            let catalog = Catalog::load(&path).unwrap_or_else(|error| panic!("{error}"));
            (name, catalog)
        })
        .collect()
}

/// Where a part goes, as the file writes it.
fn path(catalog: &Catalog, part: Part) -> Option<String> {
    catalog.body.path(part).map(ToString::to_string)
}

#[test]
fn every_fixture_loads_as_its_api_sends_errors() {
    for (name, catalog) in fixtures() {
        let codes: Vec<_> = catalog.codes().map(|(_, code)| code).collect();
        assert!(codes.len() >= 5, "{name}: a handful of codes");
        assert!(catalog.body.is_declared(), "{name}: a declared layout");
        match name {
            "meta" => {
                assert_eq!(catalog.body.code_type, CodeType::Integer);
                assert_eq!(path(&catalog, Part::Code).as_deref(), Some("error.code"));
                assert_eq!(
                    path(&catalog, Part::Details).as_deref(),
                    Some("error.error_data")
                );
                // Named, since a number cannot be a Rust variant.
                assert!(codes.iter().all(|code| code.explicit_name));
                let expired = codes.iter().find(|code| code.code == "190").unwrap();
                assert_eq!(
                    expired.docs.as_deref(),
                    Some("https://developers.facebook.com/docs/graph-api/guides/error-handling")
                );
                let window = codes.iter().find(|code| code.code == "131047").unwrap();
                assert_eq!(window.name, "ReEngagementMessage");
                assert_eq!(window.number(), Some(131_047));
                assert_eq!(
                    window.docs.as_deref(),
                    Some(
                        "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes#131047"
                    )
                );
            }
            "openai" => {
                // The message first, as OpenAI writes it; params spread.
                assert_eq!(catalog.body.parts[0].0, Part::Message);
                assert_eq!(path(&catalog, Part::Details).as_deref(), Some("error.*"));
            }
            "stripe" => {
                assert_eq!(path(&catalog, Part::Docs).as_deref(), Some("error.doc_url"));
                assert!(codes.iter().all(|code| code.docs.is_some()));
                let declined = codes.iter().find(|c| c.code == "card_declined").unwrap();
                assert_eq!(
                    declined.docs.as_deref(),
                    Some("https://stripe.com/docs/error-codes/card-declined")
                );
            }
            "twilio" => {
                assert_eq!(catalog.body.code_type, CodeType::Integer);
                assert_eq!(path(&catalog, Part::Docs).as_deref(), Some("more_info"));
                assert_eq!(path(&catalog, Part::Status).as_deref(), Some("status"));
                let invalid = codes.iter().find(|code| code.code == "21211").unwrap();
                assert_eq!(
                    invalid.docs.as_deref(),
                    Some("https://www.twilio.com/docs/errors/21211")
                );
            }
            "problem" => {
                assert_eq!(catalog.body.preset, Some(Preset::Problem));
                assert_eq!(catalog.body.content_type, "application/problem+json");
                assert!(codes.iter().all(|code| code.docs.is_some()));
            }
            "firebase" => {
                assert!(codes.iter().all(|code| code.code.starts_with("auth/")));
                assert_eq!(path(&catalog, Part::Details).as_deref(), Some("customData"));
            }
            _ => unreachable!(),
        }
    }
}

/// A code's body as a server sends it, with its params' examples.
fn sent(catalog: &Catalog, status: &Status, code: &Code) -> Value {
    let details = layout::example_details(catalog, &code.params);
    let message = layout::render(code, &details);
    layout::body(catalog, status, code, &details, &message)
}

/// The same code in the default layout: what a server of this catalogue
/// never sends.
fn in_default_layout(catalog: &Catalog, code: &Code) -> Value {
    let details = layout::example_details(catalog, &code.params);
    let mut body = json!({"error": code.code, "message": layout::render(code, &details)});
    if !code.params.is_empty() {
        body["details"] = details;
    }
    body
}

/// The body with its integer code sent as a string.
fn with_string_code(catalog: &Catalog, body: &Value, code: &Code) -> Value {
    let mut body = body.clone();
    let members = &catalog.body.path(Part::Code).unwrap().members;
    let (leaf, parents) = members.split_last().unwrap();
    let mut object = &mut body;
    for member in parents {
        object = &mut object[member];
    }
    object[leaf] = json!(code.code);
    body
}

#[test]
fn every_fixture_compiles_in_typescript_and_its_guards_read_each_body() {
    let dir = target_dir().join("bodies-typescript");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("package.json"),
        "{ \"private\": true, \"type\": \"module\" }\n",
    )
    .unwrap();
    let mut files = Vec::new();
    let mut expected = Vec::new();
    for (name, catalog) in fixtures() {
        fs::create_dir_all(dir.join(name)).unwrap();
        fs::write(dir.join(name).join("errors.ts"), typescript::emit(&catalog)).unwrap();
        // Each code's body passes both guards; the same code in the default
        // layout, or an integer code sent as a string, passes neither.
        let (mut bodies, mut known) = (Vec::new(), Vec::new());
        for (status, code) in catalog.codes() {
            let body = sent(&catalog, status, code);
            if catalog.body.code_type == CodeType::Integer {
                bodies.push(with_string_code(&catalog, &body, code));
                known.push(false);
            }
            bodies.push(body);
            known.push(true);
            bodies.push(in_default_layout(&catalog, code));
            known.push(false);
        }
        let docs: Vec<Value> = catalog.codes().map(|(_, code)| json!(code.docs)).collect();
        fs::write(
            dir.join(name).join("read.ts"),
            format!(
                "import {{ ERROR_CODES, ERRORS, isErrorBody, isReceivedErrorBody }} from \"./errors.js\";\n\n\
                 declare const console: {{ log(text: string): void }};\n\
                 const bodies: unknown[] = JSON.parse({});\n\
                 const docs = ERROR_CODES.map((code) => {{\n  \
                   const entry: {{ readonly [key: string]: unknown }} = ERRORS[code];\n  \
                   return entry[\"docs\"] ?? null;\n\
                 }});\n\
                 console.log(JSON.stringify({{ known: bodies.map(isErrorBody), received: bodies.map(isReceivedErrorBody), docs }}));\n",
                json!(Value::Array(bodies).to_string())
            ),
        )
        .unwrap();
        files.push(format!("{name}/errors.ts"));
        files.push(format!("{name}/read.ts"));
        expected.push((
            name,
            json!({"known": known, "received": known, "docs": docs}),
        ));
    }
    for package in ["typescript", "typescript-5.9"] {
        let out = format!("out-{package}");
        let config = format!("tsconfig-{package}.json");
        let tsconfig = json!({
            "extends": error_codes_tests::workspace_root().join("tests/ts/tsconfig.strict.json"),
            "compilerOptions": { "rootDir": ".", "outDir": out },
            "files": files,
        });
        fs::write(dir.join(&config), tsconfig.to_string()).unwrap();
        tools::run(
            node::package_script(package, "bin/tsc")
                .args(["--project", &config, "--pretty", "false"])
                .current_dir(&dir),
            &format!("{package} rejects a fixture's module"),
        );
        for (name, expected) in &expected {
            let printed = tools::run(
                node::node()
                    .arg(format!("{out}/{name}/read.js"))
                    .current_dir(&dir),
                &format!("{name}: the module compiled by {package} does not run"),
            );
            let read: Value = serde_json::from_str(&printed).unwrap();
            assert_eq!(&read, expected, "{name}, compiled by {package}");
        }
    }
}

#[test]
fn every_fixture_document_validates_and_each_body_against_its_response() {
    for (name, catalog) in fixtures() {
        let dir = target_dir().join("bodies-openapi").join(name);
        fs::create_dir_all(&dir).unwrap();
        let (document, expected, bodies) = (
            dir.join("openapi.yaml"),
            dir.join("expected.json"),
            dir.join("bodies.json"),
        );
        fs::write(&document, openapi::emit(&catalog)).unwrap();
        fs::write(&expected, openapi_expectation(&catalog).to_string()).unwrap();
        // Each code's body in its response; not in another status's, nor in
        // the default layout, nor with an integer code as a string.
        let mut cases = Vec::new();
        let groups: Vec<&Status> = catalog.groups().collect();
        for (status, code) in catalog.codes() {
            let body = sent(&catalog, status, code);
            let case = |response: &str, body: &Value, valid: bool, why: &str| json!({"response": response, "body": body, "valid": valid, "why": format!("`{}` {why}", code.code)});
            cases.push(case(&status.name, &body, true, "as sent"));
            if let Some(other) = groups.iter().find(|other| other.status != status.status) {
                cases.push(case(&other.name, &body, false, "under another status"));
            }
            let default = in_default_layout(&catalog, code);
            cases.push(case(&status.name, &default, false, "in the default layout"));
            if catalog.body.code_type == CodeType::Integer {
                let string = with_string_code(&catalog, &body, code);
                cases.push(case(&status.name, &string, false, "sent as a string"));
            }
        }
        fs::write(&bodies, Value::Array(cases).to_string()).unwrap();
        let printed =
            python::run_passing_script("check_openapi.py", &[&document, &expected, &bodies]);
        eprintln!("{name}: {}", printed.trim());
    }
}

#[test]
fn every_fixture_page_shows_its_body_and_its_links_land() {
    for (name, catalog) in fixtures() {
        let page = markdown::emit(&catalog);
        let events: Vec<Event<'_>> = Parser::new_ext(&page, Options::ENABLE_TABLES).collect();
        // The example body: the first code's, as sent.
        let mut json_blocks = Vec::new();
        let mut block: Option<String> = None;
        for event in &events {
            match event {
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                    if info.as_ref() == "json" =>
                {
                    block = Some(String::new());
                }
                Event::Text(text) if block.is_some() => block.as_mut().unwrap().push_str(text),
                Event::End(TagEnd::CodeBlock) => json_blocks.extend(block.take()),
                _ => {}
            }
        }
        let (status, code) = catalog.codes().next().unwrap();
        let shown: Value = serde_json::from_str(&json_blocks[0]).unwrap();
        assert_eq!(
            shown,
            sent(&catalog, status, code),
            "{name}: the page's example body"
        );
        // Anchors are unique; every link within the page lands on one; each
        // code links to its docs URL.
        let mut ids = BTreeSet::new();
        let mut links = Vec::new();
        for event in &events {
            match event {
                Event::Html(html) | Event::InlineHtml(html) => {
                    for piece in html.split("<a id=\"").skip(1) {
                        let id = piece.split('"').next().unwrap();
                        assert!(ids.insert(id.to_owned()), "{name}: the anchor {id:?} twice");
                    }
                }
                Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
                _ => {}
            }
        }
        for link in links.iter().filter_map(|link| link.strip_prefix('#')) {
            assert!(ids.contains(link), "{name}: #{link} lands on no anchor");
        }
        for (_, code) in catalog.codes() {
            if let Some(url) = &code.docs {
                assert!(
                    links.contains(url),
                    "{name}: `{}` does not link {url}",
                    code.code
                );
            }
        }
    }
}
