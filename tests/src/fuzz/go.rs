//! The Go read-back, shared by the fixtures' test (`tests/tests/go.rs`) and
//! the fuzz samples (`tests/tests/fuzz.rs`).
//!
//! Every catalogue becomes one package of a single scratch module, so that
//! one `go vet ./...` and one `go run` cover them all (Go builds are the slow
//! part). Each package must be what `gofmt` prints, byte for byte, and clean
//! under `go vet`. A generated program then prints, per package, `Codes`
//! with what `Lookup` says of each, and what `Decode` makes of bodies built
//! here from the catalogue (by [`crate::layout`]): each code's body in the
//! catalogue's layout, the same without its details, a code no catalogue
//! has, and bodies that are no error bodies. Every value is compared with
//! the catalogue: codes, statuses, messages, retry advice, deprecation
//! notes, titles and docs URLs, details, the sentinels `errors.Is` matches,
//! and `Error.RetryAfter`.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::time::Instant;

use error_codes_gen::{Catalog, CodeType, Part, Retry, go};
use serde_json::{Map, Value, json};

use crate::go::{go, gofmt};
use crate::layout::{body_text, example_details, render};
use crate::tools::run;
use crate::write_if_changed;

/// Writes a module of `catalogues` (each a Go-friendly folder name and its
/// catalogue) into `dir`, runs `gofmt -l` and `go vet` on it and the
/// read-back program, and compares what it prints with each catalogue.
/// Returns the seconds `gofmt`, `go vet` and `go run` took.
///
/// # Panics
/// If a tool cannot run or fails, or a value read back differs.
#[must_use = "the tools' timings"]
pub fn read_back(dir: &Path, catalogues: &[(String, Catalog)]) -> [f64; 3] {
    module(dir, catalogues);

    let started = Instant::now();
    let mut gofmt = gofmt();
    gofmt.arg("-l");
    for (name, _) in catalogues {
        gofmt.arg(dir.join(name).join("errors.go"));
    }
    let unformatted = run(&mut gofmt, "gofmt -l");
    assert_eq!(unformatted, "", "gofmt would change these files");
    let formatted = started.elapsed().as_secs_f64();

    let started = Instant::now();
    run(go().current_dir(dir).args(["vet", "./..."]), "go vet");
    let vetted = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let printed = run(
        go().current_dir(dir).args(["run", ".", "cases.json"]),
        "the read-back program",
    );
    let ran = started.elapsed().as_secs_f64();
    let printed: Value = serde_json::from_str(&printed).expect("the program prints JSON");
    for (name, catalog) in catalogues {
        check(name, catalog, &printed[name], &cases(catalog));
    }
    [formatted, vetted, ran]
}

/// A body with only a code and a message, where the layout puts them.
fn minimal_body(catalog: &Catalog, code: Value, message: &str) -> String {
    let mut body = Value::Object(Map::new());
    for (part, value) in [(Part::Code, code), (Part::Message, json!(message))] {
        let path = catalog.body.path(part).expect("every layout has them");
        let mut object = &mut body;
        for name in path.parent() {
            object = object
                .as_object_mut()
                .unwrap()
                .entry(name.clone())
                .or_insert_with(|| json!({}));
        }
        object
            .as_object_mut()
            .unwrap()
            .insert(path.leaf().unwrap().to_owned(), value);
    }
    body.to_string()
}

/// What one decode must give.
#[derive(Debug)]
enum Expected {
    /// A known code: its text, message, details (or null) and, for `retry:
    /// after`, the seconds.
    Error {
        code: String,
        message: String,
        known: bool,
        details: Value,
        retry_after: Option<i64>,
        title: Option<String>,
        docs: Option<String>,
    },
    /// A code the catalogue does not list.
    Unknown { code: String },
    /// No error body at all.
    NotErrorBody,
}

/// The bodies to decode for `catalog`, each with its status and what
/// `Decode` must make of it.
fn cases(catalog: &Catalog) -> Vec<(u16, String, Expected)> {
    let mut cases = Vec::new();
    let integer = catalog.body.code_type == CodeType::Integer;
    let sends = |part: Part| catalog.body.path(part).is_some();
    for (status, code) in catalog.codes() {
        let title = sends(Part::Title).then(|| code.title_in(status).to_owned());
        let docs = sends(Part::Docs).then(|| code.docs.clone().unwrap_or_default());
        let details = example_details(catalog, &code.params);
        let message = render(code, &details);
        let retry_after = (code.retry == Retry::After)
            .then(|| details.get("retry_after").and_then(Value::as_i64))
            .flatten();
        cases.push((
            status.status,
            body_text(catalog, status, code, &details, &message),
            Expected::Error {
                code: code.code.clone(),
                message: message.clone(),
                known: true,
                details: if code.params.is_empty() {
                    Value::Null
                } else {
                    details.clone()
                },
                retry_after,
                title: title.clone(),
                docs: docs.clone(),
            },
        ));
        if code.params.iter().any(|param| !param.optional) {
            // As from a server built on another version: the code is kept,
            // the details are not read.
            cases.push((
                status.status,
                body_text(catalog, status, code, &json!({}), &message),
                Expected::Error {
                    code: code.code.clone(),
                    message,
                    known: false,
                    details: Value::Null,
                    retry_after: None,
                    title,
                    docs,
                },
            ));
        }
    }
    let unknown = if integer {
        json!(987_654_321)
    } else {
        json!("a_code_from_a_newer_server")
    };
    cases.push((
        418,
        minimal_body(catalog, unknown.clone(), "Newer."),
        Expected::Unknown {
            code: match &unknown {
                Value::String(text) => text.clone(),
                other => other.to_string(),
            },
        },
    ));
    let wrong_code = if integer { json!("1") } else { json!(1) };
    for body in [
        "<html><body>502 Bad Gateway</body></html>".to_owned(),
        "not json".to_owned(),
        "[]".to_owned(),
        "null".to_owned(),
        "{}".to_owned(),
        minimal_body(catalog, wrong_code, "The code has the wrong type."),
        minimal_body(catalog, Value::Null, "No code."),
    ] {
        cases.push((502, body, Expected::NotErrorBody));
    }
    cases
}

/// The `main.go` that reads every package back.
fn main_go(catalogues: &[(String, Catalog)]) -> String {
    let mut out = String::from(
        "package main\n\nimport (\n\t\"encoding/json\"\n\t\"errors\"\n\t\"fmt\"\n\t\"os\"\n\t\"sort\"\n\t\"time\"\n\n",
    );
    for (name, _) in catalogues {
        let _ = writeln!(out, "\t{name} \"readback/{name}\"");
    }
    out.push_str(MAIN_HELPERS);
    out.push_str("\nfunc main() {\n\tcases := readCases()\n\tout := map[string]any{}\n");
    for (name, catalog) in catalogues {
        let _ = writeln!(out, "\tout[\"{name}\"] = read_{name}(cases[\"{name}\"])");
        let _ = catalog;
    }
    out.push_str("\tif err := json.NewEncoder(os.Stdout).Encode(out); err != nil {\n\t\tpanic(err)\n\t}\n}\n");
    for (name, catalog) in catalogues {
        let _ = write!(
            out,
            "\nfunc read_{name}(cases []testCase) any {{\n\tsentinels := map[string]error{{\n"
        );
        for (_, code) in catalog.codes() {
            let sentinel = go::sentinel_name(code);
            let _ = writeln!(out, "\t\t{:?}: {name}.{sentinel},", code.code);
        }
        let _ = write!(
            out,
            "\t}}\n\
             \tcodes := []any{{}}\n\
             \tfor _, code := range {name}.Codes {{\n\
             \t\tinfo, ok := {name}.Lookup(code)\n\
             \t\tcodes = append(codes, map[string]any{{\"code\": fmt.Sprint(code), \"info\": info, \"ok\": ok}})\n\
             \t}}\n\
             \tdecoded := []any{{}}\n\
             \tfor _, c := range cases {{\n\
             \t\te, err := {name}.Decode(c.Status, []byte(c.Body))\n\
             \t\tif err != nil {{\n\
             \t\t\tdecoded = append(decoded, map[string]any{{\"error\": err.Error(), \"not_error_body\": errors.Is(err, {name}.ErrNotErrorBody)}})\n\
             \t\t\tcontinue\n\
             \t\t}}\n\
             \t\td := describe(e, e.Status, fmt.Sprint(e.Code), e.Message, e.Known(), e.Details, sentinels)\n\
             {}\
             \t\tdecoded = append(decoded, d)\n\
             \t}}\n\
             \t_, unknown := {name}.Lookup({name}.Code({}))\n\
             \treturn map[string]any{{\"codes\": codes, \"decoded\": decoded, \"lookup_unknown\": unknown}}\n\
             }}\n",
            layout_members(catalog),
            if catalog.body.code_type == CodeType::Integer {
                "987654321"
            } else {
                "\"a_code_from_a_newer_server\""
            }
        );
    }
    out
}

/// The lines that add what `Error` holds of the layout's title and docs
/// URL, when the layout sends them.
fn layout_members(catalog: &Catalog) -> String {
    let mut lines = String::new();
    if catalog.body.path(Part::Title).is_some() {
        lines.push_str("\t\td[\"title\"] = e.Title\n");
    }
    if catalog.body.path(Part::Docs).is_some() {
        lines.push_str("\t\td[\"docs\"] = e.DocsURL\n");
    }
    lines
}

const MAIN_HELPERS: &str = ")

type testCase struct {
\tStatus int
\tBody   string
}

func readCases() map[string][]testCase {
\tdata, err := os.ReadFile(os.Args[1])
\tif err != nil {
\t\tpanic(err)
\t}
\tvar cases map[string][]testCase
\tif err := json.Unmarshal(data, &cases); err != nil {
\t\tpanic(err)
\t}
\treturn cases
}

// describe prints what a decoded error holds, and which sentinels match it.
func describe(e error, status int, code, message string, known bool, details any, sentinels map[string]error) map[string]any {
\tmatches := []string{}
\tfor name, sentinel := range sentinels {
\t\tif errors.Is(e, sentinel) {
\t\t\tmatches = append(matches, name)
\t\t}
\t}
\tsort.Strings(matches)
\tout := map[string]any{\"status\": status, \"code\": code, \"message\": message, \"known\": known, \"details\": details, \"text\": e.Error(), \"matches\": matches}
\tif r, ok := e.(interface{ RetryAfter() (time.Duration, bool) }); ok {
\t\tif wait, ok := r.RetryAfter(); ok {
\t\t\tout[\"retry_after\"] = wait.Seconds()
\t\t}
\t}
\treturn out
}
";

/// Numbers compared by value (Go writes `2` for the float 2.0).
fn same(left: &Value, right: &Value) -> bool {
    match (left, right) {
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
        }
        _ => left == right,
    }
}

fn check(name: &str, catalog: &Catalog, printed: &Value, cases: &[(u16, String, Expected)]) {
    let codes = printed["codes"].as_array().unwrap();
    assert_eq!(codes.len(), catalog.codes().count(), "{name}: Codes");
    let titles = catalog.body.path(Part::Title).is_some()
        || catalog.codes().any(|(_, code)| code.title.is_some());
    let docs = catalog.codes().any(|(_, code)| code.docs.is_some());
    for ((status, code), got) in catalog.codes().zip(codes) {
        let info = &got["info"];
        let what = format!("{name}: {}", code.code);
        assert_eq!(got["code"], json!(code.code), "{what}");
        assert_eq!(got["ok"], json!(true), "{what}");
        assert_eq!(info["Status"], json!(status.status), "{what}");
        assert_eq!(info["Message"], json!(code.plain_message()), "{what}");
        assert_eq!(info["Retry"], json!(code.retry.word()), "{what}");
        assert_eq!(
            info["Deprecated"],
            json!(code.deprecated.as_deref().unwrap_or_default()),
            "{what}"
        );
        let expected_title = titles.then(|| json!(code.title_in(status)));
        assert_eq!(info.get("Title").cloned(), expected_title, "{what}: Title");
        let expected_docs = docs.then(|| json!(code.docs.as_deref().unwrap_or_default()));
        assert_eq!(
            info.get("DocsURL").cloned(),
            expected_docs,
            "{what}: DocsURL"
        );
    }
    assert_eq!(printed["lookup_unknown"], json!(false), "{name}");

    let decoded = printed["decoded"].as_array().unwrap();
    assert_eq!(decoded.len(), cases.len(), "{name}: decodes");
    for ((status, body, expected), got) in cases.iter().zip(decoded) {
        let what = format!("{name}: {body}\n{got:#}");
        match expected {
            Expected::NotErrorBody => {
                assert_eq!(got["not_error_body"], json!(true), "{what}");
            }
            Expected::Unknown { code } => {
                assert_eq!(got["code"], json!(code), "{what}");
                assert_eq!(got["known"], json!(false), "{what}");
                assert_eq!(got["details"], Value::Null, "{what}");
                assert_eq!(got["matches"], json!([]), "{what}");
                assert_eq!(got["status"], json!(status), "{what}");
            }
            Expected::Error {
                code,
                message,
                known,
                details,
                retry_after,
                title,
                docs,
            } => {
                assert_eq!(
                    got.get("title"),
                    title.as_ref().map(|t| json!(t)).as_ref(),
                    "{what}"
                );
                assert_eq!(
                    got.get("docs"),
                    docs.as_ref().map(|d| json!(d)).as_ref(),
                    "{what}"
                );
                assert_eq!(got["status"], json!(status), "{what}");
                assert_eq!(got["code"], json!(code), "{what}");
                assert_eq!(got["message"], json!(message), "{what}");
                assert_eq!(got["known"], json!(known), "{what}");
                assert!(same(&got["details"], details), "{what}: details");
                assert_eq!(got["matches"], json!([code]), "{what}");
                assert_eq!(
                    got["text"],
                    json!(format!("{status} {code}: {message}")),
                    "{what}"
                );
                let wait = got.get("retry_after").and_then(Value::as_f64);
                #[allow(clippy::cast_precision_loss)]
                let expected_wait = retry_after.map(|seconds| seconds as f64);
                assert_eq!(wait, expected_wait, "{what}: RetryAfter");
            }
        }
    }
}

/// The module of every catalogue's package, written under the target dir.
fn module(dir: &Path, catalogues: &[(String, Catalog)]) {
    fs::create_dir_all(dir).unwrap();
    write_if_changed(&dir.join("go.mod"), "module readback\n\ngo 1.21\n");
    let mut inputs = Map::new();
    for (name, catalog) in catalogues {
        let package = dir.join(name);
        fs::create_dir_all(&package).unwrap();
        write_if_changed(&package.join("errors.go"), &go::emit(catalog));
        let cases: Vec<Value> = cases(catalog)
            .into_iter()
            .map(|(status, body, _)| json!({"Status": status, "Body": body}))
            .collect();
        inputs.insert(name.clone(), Value::Array(cases));
    }
    write_if_changed(&dir.join("main.go"), &main_go(catalogues));
    write_if_changed(&dir.join("cases.json"), &Value::Object(inputs).to_string());
}
