"""End-to-end check of a generated OpenAPI document with real validators.

Usage: check_openapi.py <openapi.yaml> <expected.json> [<bodies.json>]

<expected.json> is the catalogue as the Rust test sees it:
{"title", "version" (or null), "description" (or null),
 "types": [{"name", "description" (or null), "fields": [<param>]}],
 "statuses": [{"status", "title", "description", "name",
               "codes": [{"code", "message" (as written, placeholders and
                          all), "deprecated" (or null), "since" (or null),
                          "params": [<param>], "retry" ("never", "backoff",
                          "after"), "retry_advice" (or null when the
                          catalogue gives no retry advice)}]}]}
where <param> is {"name", "type" (as the file writes it: "integer",
"[FieldViolation]"), "optional", "description" (or null)}. Missing "types",
"params" and "retry" read as none.

<bodies.json>, if given, is a list of real bodies, as a server sends them,
and whether the response's schema must accept them:
[{"response", "body", "valid", "why"}].

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
6. Details: each type is a component schema with its fields; a code with
   params has a body branch whose required `details` has exactly its params
   (names, order, types, which are required, descriptions); its example
   carries details and the message rendered from them; a body without
   details, without a required param or with a param of the wrong type is
   rejected, and one with a member the catalogue does not know (a newer
   server's optional param) is accepted.
7. Retry: when the catalogue gives retry advice, each code's description
   gives its advice right after the message; exactly the responses with a
   `retry: after` code document the `Retry-After` header, a non-negative
   integer.
8. Every body of <bodies.json> is accepted or rejected as it says.
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


def pieces(message, has_params):
    """The message in pieces, as the catalogue's rule reads it: ("text", t)
    or ("param", name). Only a code with params has placeholders, and then
    `{{` and `}}` are literal braces; any other message is sent as written."""
    if not has_params:
        return [("text", message)]
    out, text, at = [], "", 0
    while at < len(message):
        c = message[at]
        if c in "{}" and message[at + 1:at + 2] == c:
            text += c
            at += 2
        elif c == "{":
            end = message.index("}", at)
            if text:
                out.append(("text", text))
                text = ""
            out.append(("param", message[at + 1:end]))
            at = end + 1
        else:
            text += c
            at += 1
    if text:
        out.append(("text", text))
    return out


def plain(message, has_params):
    """The message as the documents show it: literal braces single, and
    placeholders where they are."""
    return "".join(
        t if kind == "text" else "{" + t + "}" for kind, t in pieces(message, has_params)
    )


def scalar_text(value):
    """A detail's value as the Rust server writes it into a message. The test
    catalogues keep to numbers that Python and Rust write alike."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def render(message, details):
    """The message of a code with params, filled from its details."""
    return "".join(
        t if kind == "text" else scalar_text(details[t]) for kind, t in pieces(message, True)
    )


SCALAR_SCHEMAS = {
    "string": {"type": "string"},
    "integer": {"type": "integer", "format": "int64"},
    "number": {"type": "number", "format": "double"},
    "boolean": {"type": "boolean"},
}
REF_PREFIX = "#/components/schemas/"


def written(schema, where):
    """The type a value schema stands for, as the file writes it."""
    schema = {k: v for k, v in schema.items() if k != "description"}
    for word, scalar in SCALAR_SCHEMAS.items():
        if schema == scalar:
            return word
    if schema.get("type") == "array" and set(schema) == {"type", "items"}:
        return "[" + written(schema["items"], where) + "]"
    if set(schema) == {"$ref"} and schema["$ref"].startswith(REF_PREFIX):
        return schema["$ref"][len(REF_PREFIX):]
    raise CheckFailed(f"{where}: not a schema of a catalogue type: {schema!r}")


def wrong_value(schema):
    """A value that a value schema must reject: of another JSON type."""
    return "1" if schema.get("type") in ("integer", "number", "boolean") else 1


def check_object_schema(schema, fields, where):
    """An object schema (a type's or a code's details) against its fields."""
    expect_equal(schema.get("type"), "object", f"{where}: type")
    expect(
        "additionalProperties" not in schema,
        f"{where}: restricts additional properties, which a newer server's optional params would break",
    )
    properties = schema.get("properties", {})
    expect_equal(list(properties), [f["name"] for f in fields], f"{where}: properties, in order")
    expect_equal(
        schema.get("required", []),
        [f["name"] for f in fields if not f["optional"]],
        f"{where}: required",
    )
    for field in fields:
        prop = properties[field["name"]]
        at = f"{where}: {field['name']}"
        expect_equal(written(prop, at), field["type"], f"{at}: type")
        expect_equal(prop.get("description"), field["description"], f"{at}: description")


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
        own_codes = [c for s in expected["statuses"] if s["name"] == name for c in s["codes"]]
        check_details_bodies(validator, name, schema, examples, own_codes)
    expect_equal(checked_examples, len(all_codes), "number of examples checked")


def check_details_bodies(validator, name, schema, examples, codes):
    """Bodies made from each example: what a server of this catalogue sends
    must pass, and bodies whose details are missing, incomplete or mistyped
    must not. A member the catalogue does not know passes: a newer server may
    add an optional param."""
    details_schemas = {error["const"]: details for error, details, _ in branches_of(schema, name)}

    def expect_body(body, valid, why):
        errors = list(validator.iter_errors(body))
        expect(
            not errors if valid else errors,
            f"response {name} {'rejects' if valid else 'accepts'} a body {why}: {body!r}"
            + "".join(f"\n  {e.message}" for e in errors[:3]),
        )

    for code in codes:
        example = examples[code["code"]]["value"]
        params = code.get("params", [])
        if not params:
            expect_body(
                dict(example, details={"added_by_a_newer_server": 1}),
                True,
                f"of {code['code']!r} with details a newer server may send",
            )
            continue
        details = example["details"]
        properties = details_schemas[code["code"]]["properties"]
        expect_body({k: v for k, v in example.items() if k != "details"}, False, "without details")
        expect_body(dict(example, details=[details]), False, "whose details are not an object")
        expect_body(
            dict(example, details=dict(details, added_by_a_newer_server=1)),
            True,
            "with a param the catalogue does not know",
        )
        for param in params:
            if param["optional"]:
                without = {k: v for k, v in details.items() if k != param["name"]}
                expect_body(dict(example, details=without), True, f"without the optional {param['name']!r}")
                expect_body(
                    dict(example, details=dict(details, **{param["name"]: None})),
                    False,
                    f"with the optional {param['name']!r} null (servers leave it out)",
                )
            else:
                without = {k: v for k, v in details.items() if k != param["name"]}
                expect_body(dict(example, details=without), False, f"without {param['name']!r}")
            mistyped = dict(details, **{param["name"]: wrong_value(properties[param["name"]])})
            expect_body(dict(example, details=mistyped), False, f"with {param['name']!r} mistyped")


def check_bodies(document, bodies):
    """Real bodies, as a server sends them, against their response's schema."""
    registry = Registry().with_resource(
        DOCUMENT_URI, Resource.from_contents(document, default_specification=DRAFT202012)
    )
    for case in bodies:
        validator = schema_validator(
            registry, "components", "responses", case["response"], "content", "application/json", "schema"
        )
        errors = list(validator.iter_errors(case["body"]))
        if case["valid"]:
            expect(
                not errors,
                f"response {case['response']} rejects a real body ({case['why']}): {case['body']!r}: "
                + "; ".join(e.message for e in errors),
            )
        else:
            expect(
                errors,
                f"response {case['response']} accepts a real body it must reject ({case['why']}): {case['body']!r}",
            )


def branches_of(schema, name):
    """A response schema's codes: (error schema, details schema or None, body
    branch or None) per code. A status whose codes carry no data narrows
    `error` with `const` branches; one with a code that carries data has a
    whole body per code."""
    if "oneOf" in schema:
        out = []
        for body in schema["oneOf"]:
            error = body["properties"]["error"]
            expect_equal(body.get("title"), error["const"], f"response {name}: title of a body branch")
            expect_equal(
                body.get("allOf"),
                [{"$ref": REF_PREFIX + "ErrorBody"}],
                f"response {name}: body branch {error['const']!r} builds on",
            )
            out.append((error, body["properties"].get("details"), body))
        return out
    return [(b, None, None) for b in schema.get("properties", {}).get("error", {}).get("oneOf", [])]


def recover(document):
    """The catalogue as the document tells it, in the shape of expected.json."""
    info = document["info"]
    statuses = []
    for name, response in document["components"]["responses"].items():
        head, _, description = response["description"].partition("\n\n")
        number, _, title = head.partition(" ")
        content = response["content"]["application/json"]
        schema = content["schema"]
        examples = content.get("examples", {})
        codes = [
            {
                "code": error["const"],
                "description": error["description"],
                "deprecated": error.get("deprecated", False),
                "example_description": examples.get(error["const"], {}).get("description"),
                "details": details,
                "details_required": body is not None and "details" in body.get("required", []),
                "example": examples.get(error["const"], {}).get("value"),
            }
            for error, details, body in branches_of(schema, name)
        ]
        expect_equal(
            list(examples), [c["code"] for c in codes], f"response {name}: examples vs oneOf branches"
        )
        for key, example in examples.items():
            value = {k: v for k, v in example["value"].items() if k != "details"}
            expect_equal(
                value,
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
                "headers": response.get("headers"),
            }
        )
    schemas = document["components"]["schemas"]
    return {
        "title": info["title"],
        "version": info["version"],
        "description": info.get("description"),
        "statuses": statuses,
        "all_codes": schemas["ErrorCode"]["enum"],
        "types": {k: v for k, v in schemas.items() if k not in ("ErrorCode", "ErrorBody")},
        "body_details": schemas["ErrorBody"]["properties"].get("details"),
    }


def check_code(got, code, where):
    """One code's branch and example against the catalogue: the message, the
    retry advice and the lifecycle notes a reader needs, the `deprecated`
    annotation, and the details."""
    where = f"{where}: codes: {code['code']!r}"
    expect_equal(got["code"], code["code"], f"{where}: code")
    description = got["description"]
    params = code.get("params", [])
    message = plain(code["message"], bool(params))
    expect(
        description.startswith(message),
        f"{where}: description does not start with the message:\n  {description!r}",
    )
    notes = description[len(message):]
    advice = code.get("retry_advice")
    if advice is not None:
        expect(
            notes.startswith("\n\n" + advice),
            f"{where}: the retry advice {advice!r} does not follow the message:\n  {description!r}",
        )
        notes = notes[len("\n\n" + advice):]
    expect_equal(got["deprecated"], code["deprecated"] is not None, f"{where}: deprecated")

    example = got["example"]
    if params:
        expect(got["details_required"], f"{where}: details are not required")
        expect(got["details"] is not None, f"{where}: no details schema")
        check_object_schema(got["details"], params, f"{where}: details")
        expect("details" in example, f"{where}: the example has no details")
        expect_equal(
            example["message"], render(code["message"], example["details"]), f"{where}: example message"
        )
    else:
        expect(got["details"] is None and not got["details_required"], f"{where}: details for a code without params")
        expect("details" not in example, f"{where}: the example has details")
        expect_equal(example["message"], message, f"{where}: example message")

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
        # Python compares str by code point, so equal messages are equal UTF-8 bytes.
        for got_code, code in zip(got["codes"], status["codes"]):
            check_code(got_code, code, where)
        check_retry_after(got["headers"], status, where)

    types = expected.get("types", [])
    expect_equal(list(recovered["types"]), [t["name"] for t in types], "types, in order")
    for ty in types:
        schema = recovered["types"][ty["name"]]
        where = f"components.schemas.{ty['name']}"
        expect_equal(schema.get("description"), ty["description"], f"{where}: description")
        check_object_schema(schema, ty["fields"], where)
    has_details = bool(types) or any(c.get("params") for s in expected["statuses"] for c in s["codes"])
    expect_equal(
        recovered["body_details"] is not None, has_details, "ErrorBody declares details"
    )


def check_retry_after(headers, status, where):
    """Exactly a status with a `retry: after` code documents `Retry-After`: an
    optional header (the status's other codes, and a newer server's, do not
    send it) whose value is a number of seconds."""
    after = [c["code"] for c in status["codes"] if c.get("retry") == "after"]
    if not after:
        expect_equal(headers, None, f"{where}: headers")
        return
    expect_equal(list(headers or {}), ["Retry-After"], f"{where}: headers")
    header = headers["Retry-After"]
    expect(not header.get("required", False), f"{where}: Retry-After is required")
    if len(after) < len(status["codes"]):
        for code in after:
            expect(f"`{code}`" in header["description"], f"{where}: Retry-After does not name {code!r}")
    schema = jsonschema.Draft202012Validator(header["schema"])
    for value in (0, 30):
        expect(schema.is_valid(value), f"{where}: Retry-After rejects {value!r}")
    for value in (-1, "30", 1.5, None):
        expect(not schema.is_valid(value), f"{where}: Retry-After accepts {value!r}")


def main(argv):
    if len(argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    document_path, expected_path = Path(argv[1]), Path(argv[2])
    bodies = []
    try:
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        if len(argv) == 4:
            bodies = json.loads(Path(argv[3]).read_text(encoding="utf-8"))
        document = load(document_path)
        check_spec(document)
        check_schemas(document, expected)
        check_catalogue(document, expected)
        check_bodies(document, bodies)
    except CheckFailed as failure:
        print(f"FAIL {document_path}: {failure}", file=sys.stderr)
        return 1
    except (KeyError, TypeError, ValueError, AttributeError, StopIteration) as error:
        print(f"FAIL {document_path}: unexpected document shape: {error!r}", file=sys.stderr)
        return 1
    codes = sum(len(s["codes"]) for s in expected["statuses"])
    print(
        f"ok {document_path}: valid OpenAPI 3.1; {len(expected['statuses'])} responses, "
        f"{codes} examples valid; wrong codes and details rejected; catalogue recovered intact"
        + (f"; {len(bodies)} real bodies accepted or rejected as expected" if bodies else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
