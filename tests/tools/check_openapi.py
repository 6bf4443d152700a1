"""End-to-end check of a generated OpenAPI document with real validators.

Usage: check_openapi.py <openapi.yaml> <expected.json>

<expected.json> is the catalogue as the Rust test sees it:
{"title", "version" (or null), "description" (or null),
 "statuses": [{"status", "title", "description", "name",
               "codes": [{"code", "message", "deprecated" (or null),
                          "since" (or null)}]}]}

Checks, in order; the first failure exits with status 1 and says what broke:
1. The file is UTF-8, and PyYAML's pure-Python loader and the libyaml-based
   loader openapi-spec-validator reads files with get the same data from it.
2. openapi-spec-validator accepts it as an OpenAPI 3.1 document.
3. Every schema in it is a valid JSON Schema 2020-12 schema, every named
   example validates against its response's schema, and each response schema
   rejects a non-string code, a missing code and a missing message. A status
   with codes rejects another status's code and an unknown code; a status
   without codes accepts any string code, known or not.
4. The catalogue recovered from the document equals <expected.json>: title,
   version, description, statuses in order with their descriptions, and codes
   in order with their messages, byte for byte.
5. The lifecycle: exactly the deprecated codes' branches carry the JSON Schema
   annotation `deprecated: true`, and a reader finds the deprecation note and
   the `since` version in the branch's description (after the message) and in
   the example's description; a code with neither has the message alone.
"""

import json
import sys
from pathlib import Path

import jsonschema
import yaml
from openapi_spec_validator import OpenAPIV31SpecValidator, validate
from openapi_spec_validator.readers import read_from_filename
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

DOCUMENT_URI = "urn:error-codes:openapi"
DEFAULT_VERSION = "0.0.0"
UNKNOWN_CODE = "no_such_code_in_the_catalogue"


class CheckFailed(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


def expect_equal(actual, expected, what):
    if actual != expected:
        raise CheckFailed(f"{what}:\n  document: {actual!r}\n  expected: {expected!r}")


def pointer(*parts):
    return "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def load(path):
    raw = path.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CheckFailed(f"{path} is not UTF-8: {error}") from error
    try:
        document = yaml.safe_load(raw)
    except yaml.YAMLError as error:
        raise CheckFailed(f"PyYAML cannot parse {path}:\n{error}") from error
    expect(isinstance(document, dict), f"{path} is not a YAML mapping")
    theirs, _ = read_from_filename(str(path))
    expect_equal(theirs, document, "openapi-spec-validator's loader and PyYAML disagree")
    return document


def check_spec(document):
    expect_equal(document.get("openapi"), "3.1.0", "openapi version")
    try:
        validate(document, cls=OpenAPIV31SpecValidator)
    except Exception as error:  # the validator raises its own error hierarchy
        raise CheckFailed(f"openapi-spec-validator rejects the document:\n{error}") from error


def schema_validator(registry, *path):
    """A Draft 2020-12 validator for the schema at `path` inside the document."""
    ref = f"{DOCUMENT_URI}#/{pointer(*path)}"
    return jsonschema.Draft202012Validator({"$ref": ref}, registry=registry)


def check_schemas(document, expected):
    registry = Registry().with_resource(
        DOCUMENT_URI, Resource.from_contents(document, default_specification=DRAFT202012)
    )
    components = document["components"]
    for name, schema in components["schemas"].items():
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
        except jsonschema.SchemaError as error:
            raise CheckFailed(f"components.schemas.{name} is not a 2020-12 schema:\n{error}") from error

    all_codes = [c["code"] for s in expected["statuses"] for c in s["codes"]]
    error_code = schema_validator(registry, "components", "schemas", "ErrorCode")
    for code in all_codes:
        expect(error_code.is_valid(code), f"ErrorCode rejects {code!r}")
    expect(not error_code.is_valid(UNKNOWN_CODE), "ErrorCode accepts an unknown code")

    checked_examples = 0
    for name, response in components["responses"].items():
        schema = response["content"]["application/json"]["schema"]
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
        except jsonschema.SchemaError as error:
            raise CheckFailed(f"the schema of response {name} is not a 2020-12 schema:\n{error}") from error
        validator = schema_validator(
            registry, "components", "responses", name, "content", "application/json", "schema"
        )
        examples = response["content"]["application/json"].get("examples", {})
        for example_name, example in examples.items():
            errors = list(validator.iter_errors(example["value"]))
            expect(
                not errors,
                f"example {name}.{example_name} fails its schema: "
                + "; ".join(e.message for e in errors),
            )
            checked_examples += 1

        own = [c["code"] for s in expected["statuses"] if s["name"] == name for c in s["codes"]]
        if own:
            for code in [code for code in all_codes if code not in own] + [UNKNOWN_CODE]:
                body = {"error": code, "message": "a message"}
                expect(not validator.is_valid(body), f"response {name} accepts the code {code!r}")
        else:
            # No codes documented yet: the real bodies carry codes the catalogue
            # does not know, and must validate.
            for code in all_codes + [UNKNOWN_CODE]:
                body = {"error": code, "message": "a message"}
                expect(validator.is_valid(body), f"response {name} rejects the undocumented code {code!r}")
        code = (own or [UNKNOWN_CODE])[0]
        malformed = [
            {"error": 401, "message": "a message"},
            {"error": None, "message": "a message"},
            {"message": "a message"},
            {"error": code},
            {"error": code, "message": 1},
            [code, "a message"],
        ]
        for body in malformed:
            expect(not validator.is_valid(body), f"response {name} accepts the malformed body {body!r}")
    expect_equal(checked_examples, len(all_codes), "number of examples checked")


def recover(document):
    """The catalogue as the document tells it, in the shape of expected.json."""
    info = document["info"]
    statuses = []
    for name, response in document["components"]["responses"].items():
        head, _, description = response["description"].partition("\n\n")
        number, _, title = head.partition(" ")
        content = response["content"]["application/json"]
        schema = content["schema"]
        branches = schema.get("properties", {}).get("error", {}).get("oneOf", [])
        examples = content.get("examples", {})
        codes = [
            {
                "code": b["const"],
                "description": b["description"],
                "deprecated": b.get("deprecated", False),
                "example_description": examples.get(b["const"], {}).get("description"),
            }
            for b in branches
        ]
        expect_equal(
            list(examples), [c["code"] for c in codes], f"response {name}: examples vs oneOf branches"
        )
        for key, example in examples.items():
            expect_equal(
                example["value"],
                {"error": key, "message": example["summary"]},
                f"response {name}: example {key!r} value",
            )
        if not codes:
            error = schema.get("properties", {}).get("error", {})
            expect_equal(error.get("type"), "string", f"response {name}: type of error")
            expect(
                "no codes are documented" in error.get("description", "").lower(),
                f"response {name}: error does not say that no codes are documented: {error!r}",
            )
        statuses.append(
            {
                "status": int(number),
                "title": title,
                "description": description or None,
                "name": name,
                "codes": codes,
            }
        )
    return {
        "title": info["title"],
        "version": info["version"],
        "description": info.get("description"),
        "statuses": statuses,
        "all_codes": document["components"]["schemas"]["ErrorCode"]["enum"],
        "summaries": {
            key: e["summary"]
            for response in document["components"]["responses"].values()
            for key, e in response["content"]["application/json"].get("examples", {}).items()
        },
    }


def check_code(got, code, where):
    """One code's branch and example against the catalogue: the message, then
    the lifecycle notes a reader needs, and the `deprecated` annotation."""
    where = f"{where}: codes: {code['code']!r}"
    expect_equal(got["code"], code["code"], f"{where}: code")
    description = got["description"]
    expect(
        description.startswith(code["message"]),
        f"{where}: description does not start with the message:\n  {description!r}",
    )
    notes = description[len(code["message"]):]
    expect_equal(got["deprecated"], code["deprecated"] is not None, f"{where}: deprecated")
    if code["deprecated"] is None and code["since"] is None:
        expect_equal(notes, "", f"{where}: description after the message")
        expect_equal(got["example_description"], None, f"{where}: example description")
        return
    for note in (code["deprecated"], code["since"]):
        if note is not None:
            expect(note in notes, f"{where}: {note!r} is not in the description:\n  {description!r}")
            expect(
                note in (got["example_description"] or ""),
                f"{where}: {note!r} is not in the example's description",
            )


def check_catalogue(document, expected):
    recovered = recover(document)
    want = dict(expected)
    want["version"] = expected["version"] if expected["version"] is not None else DEFAULT_VERSION
    want["all_codes"] = [c["code"] for s in expected["statuses"] for c in s["codes"]]
    for key in ("title", "version", "description", "all_codes"):
        expect_equal(recovered[key], want[key], key)
    expect_equal(
        [s["name"] for s in recovered["statuses"]],
        [s["name"] for s in want["statuses"]],
        "responses, in order",
    )
    for got, status in zip(recovered["statuses"], want["statuses"]):
        for key in ("status", "title", "description"):
            expect_equal(got[key], status[key], f"response {status['name']}: {key}")
        where = f"response {status['name']}"
        expect_equal(
            [c["code"] for c in got["codes"]], [c["code"] for c in status["codes"]], f"{where}: codes"
        )
        for got_code, code in zip(got["codes"], status["codes"]):
            check_code(got_code, code, where)
            # Python compares str by code point, so equal messages are equal UTF-8 bytes.
            expect_equal(
                recovered["summaries"][code["code"]], code["message"], f"{where}: codes: example summary"
            )


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    document_path, expected_path = Path(argv[1]), Path(argv[2])
    try:
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        document = load(document_path)
        check_spec(document)
        check_schemas(document, expected)
        check_catalogue(document, expected)
    except CheckFailed as failure:
        print(f"FAIL {document_path}: {failure}", file=sys.stderr)
        return 1
    except (KeyError, TypeError, ValueError, AttributeError, StopIteration) as error:
        print(f"FAIL {document_path}: unexpected document shape: {error!r}", file=sys.stderr)
        return 1
    codes = sum(len(s["codes"]) for s in expected["statuses"])
    print(
        f"ok {document_path}: valid OpenAPI 3.1; {len(expected['statuses'])} responses, "
        f"{codes} examples valid; wrong codes rejected; catalogue recovered intact"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
