"""Checks an OpenAPI document that a service builds (with utoipa), and real
responses against it and against generated/openapi.yaml.

Usage: check_served_openapi.py <served.json> [--against <openapi.yaml> [--compare]]
                               [--exchanges <exchanges.json>]

<exchanges.json> is a list of responses a client really received:
[{"name", "method", "path", "status", "content_type", "body" (text),
  "in_catalogue": true if generated/openapi.yaml must accept it}]

Checks, in order; the first failure exits with status 1 and says what broke:
1. openapi-spec-validator accepts <served.json> as an OpenAPI 3.1 document
   (the check generated/openapi.yaml passes, from check_openapi.py).
2. Every error response (status 4xx or 5xx) of every operation has a valid
   JSON Schema 2020-12 schema that accepts each of its named examples, and
   rejects an unknown code, a missing message, a code that is not a string,
   and an example with details without them.
3. With --compare: each such response matches the response of the same
   status in generated/openapi.yaml: its description, its examples (name,
   summary, description and body), its codes with their messages,
   lifecycle notes and deprecation, in order, each code's details schema,
   and whether it documents the Retry-After header. Either document may
   write a status with param codes as body branches (oneOf/anyOf, allOf
   with $refs); the codes are read from whichever layout it has.
4. With --exchanges: openapi-core validates each exchange against the served
   document, and against generated/openapi.yaml (its components.responses,
   put under the served operations) when it is "in_catalogue", and must reject
   it there otherwise. Tampered copies of each exchange (a code of another
   status or no code at all, no message, a text/plain content type) must be
   rejected by both: proof that the passes mean something.
"""

import argparse
import copy
import json
import sys
from pathlib import Path

import jsonschema
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from check_openapi import CheckFailed, check_spec, expect, expect_equal, load, pointer

SERVED_URI = "urn:error-codes:served"
UNKNOWN_CODE = "no_such_code_in_the_catalogue"
HOST = "http://127.0.0.1"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def error_responses(document):
    """(path, method, status, response) of every 4xx/5xx response, in order."""
    for path, item in document.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            for status, response in operation.get("responses", {}).items():
                if status[0] in "45":
                    yield path, method, status, response


def resolve(schema, document):
    """The schema a local $ref names, else the schema itself."""
    while isinstance(schema, dict) and "$ref" in schema and schema["$ref"].startswith("#/"):
        target = document
        for part in schema["$ref"][2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        schema = target
    return schema


def flatten(schema, document):
    """A body schema with its allOf members (and $refs) merged into one:
    their properties and required members, the schema's own over its
    members' (they narrow them), later members over earlier ones."""
    schema = resolve(schema, document)
    if "allOf" not in schema:
        return schema
    merged, properties, required = {}, {}, []
    for member in [flatten(member, document) for member in schema["allOf"]] + [schema]:
        properties.update(member.get("properties", {}))
        required += [name for name in member.get("required", []) if name not in required]
        for key, value in member.items():
            if key not in ("properties", "required", "allOf"):
                merged[key] = value
    merged["properties"], merged["required"] = properties, required
    return merged


def body_branches(schema, document):
    """The bodies a response schema admits: its oneOf/anyOf branches when it
    is a union of bodies, else the schema itself."""
    schema = flatten(schema, document)
    for key in ("oneOf", "anyOf"):
        if key in schema and "error" not in schema.get("properties", {}):
            return [flatten(branch, document) for branch in schema[key]]
    return [schema]


def code_of(branch):
    return branch["const"] if "const" in branch else branch["enum"][0]


def codes_of(schema, document):
    """[(code, description, deprecated, details)] of a response schema, in
    order: the served document's oneOf of one-value enums, or
    generated/openapi.yaml's consts, in one body or in a body per code. A
    description is the code's message, then its lifecycle notes if it has
    any; details is the schema of the code's required `details`, or None."""
    codes = []
    for body in body_branches(schema, document):
        error = resolve(body["properties"]["error"], document)
        details = body["properties"].get("details") if "details" in body.get("required", []) else None
        if "oneOf" in error:
            for branch in error["oneOf"]:
                codes.append((code_of(branch), branch.get("description"), branch.get("deprecated", False), None))
        else:
            description = error.get("description", body.get("description"))
            deprecated = error.get("deprecated", body.get("deprecated", False))
            codes.append((code_of(error), description, deprecated, details))
    return codes


def check_error_responses(document):
    registry = Registry().with_resource(
        SERVED_URI, Resource.from_contents(document, default_specification=DRAFT202012)
    )
    count = 0
    for path, method, status, response in error_responses(document):
        where = f"{method.upper()} {path} {status}"
        content = response.get("content", {}).get("application/json")
        expect(content is not None, f"{where}: no application/json content")
        schema = content["schema"]
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
        except jsonschema.SchemaError as error:
            raise CheckFailed(f"{where}: not a 2020-12 schema:\n{error}") from error
        at = pointer("paths", path, method, "responses", status, "content", "application/json", "schema")
        validator = jsonschema.Draft202012Validator({"$ref": f"{SERVED_URI}#/{at}"}, registry=registry)
        examples = content.get("examples", {})
        expect(examples, f"{where}: no examples")
        for name, example in examples.items():
            value = example["value"]
            errors = list(validator.iter_errors(value))
            expect(not errors, f"{where}: example {name} fails its schema: {[e.message for e in errors]}")
            body = {"error": name, "message": example["summary"]}
            if "details" in value:
                body["details"] = value["details"]
                # A code with params needs its details.
                bare = {key: item for key, item in value.items() if key != "details"}
                expect(not validator.is_valid(bare), f"{where}: the schema accepts {name} without details")
            expect_equal(value, body, f"{where}: example {name}")
        code = next(iter(examples))
        for wrong in ({"error": UNKNOWN_CODE, "message": "m"}, {"error": code}, {"error": 401, "message": "m"}):
            expect(not validator.is_valid(wrong), f"{where}: the schema accepts {wrong!r}")
        count += 1
    return count


def generated_by_status(generated):
    """status -> (name, response) of generated/openapi.yaml's responses."""
    responses = {}
    for name, response in generated["components"]["responses"].items():
        status = response["description"].split(" ", 1)[0]
        responses[status] = (name, response)
    return responses


def compare_with_generated(document, generated):
    by_status = generated_by_status(generated)
    count = 0
    for path, method, status, response in error_responses(document):
        where = f"{method.upper()} {path} {status}"
        expect(status in by_status, f"{where}: generated/openapi.yaml has no response for {status}")
        name, theirs = by_status[status]
        where = f"{where} vs generated response {name}"
        expect_equal(response["description"], theirs["description"], f"{where}: description")
        expect_equal(
            "Retry-After" in response.get("headers", {}),
            "Retry-After" in theirs.get("headers", {}),
            f"{where}: the Retry-After header",
        )
        ours, theirs = response["content"]["application/json"], theirs["content"]["application/json"]
        expect_equal(
            codes_of(ours["schema"], document),
            codes_of(theirs["schema"], generated),
            f"{where}: codes, messages and details",
        )
        # utoipa may sort the examples; the names carry the codes, and the
        # schema's order was compared above.
        expect_equal(
            dict(sorted(ours["examples"].items())),
            dict(sorted(theirs["examples"].items())),
            f"{where}: examples",
        )
        count += 1
    # The types the details name are the same schemas in both documents.
    ours = document.get("components", {}).get("schemas", {})
    for name, schema in generated.get("components", {}).get("schemas", {}).items():
        if name in ours:
            expect_equal(ours[name], schema, f"components.schemas.{name}")
    return count


def with_generated_responses(document, generated):
    """generated/openapi.yaml, with the served operations whose error
    responses are $refs to the generated responses of their statuses."""
    by_status = generated_by_status(generated)
    merged = copy.deepcopy(generated)
    merged["paths"] = {}
    for path, method, status, _ in error_responses(document):
        operation = merged["paths"].setdefault(path, {}).setdefault(method, {"responses": {}})
        if status in by_status:
            name = by_status[status][0]
            operation["responses"][status] = {"$ref": f"#/components/responses/{name}"}
    return merged


def validate(api, exchange, body=None, content_type=None):
    """openapi-core's errors for the exchange (or a tampered copy), as text."""
    request = MockRequest(HOST, exchange["method"].lower(), exchange["path"])
    data = (exchange["body"] if body is None else body).encode("utf-8")
    response = MockResponse(
        data,
        status_code=exchange["status"],
        content_type=content_type or exchange["content_type"],
    )
    errors = list(api.iter_response_errors(request, response))
    return "; ".join(f"{type(e).__name__}: {e}" for e in errors)


def tampered(exchange, generated):
    """Copies of the exchange that no document may accept: (what, body, content type)."""
    body = json.loads(exchange["body"])
    status = str(exchange["status"])
    responses = generated["components"]["responses"].values() if generated else []
    foreign = next(
        (
            response["content"]["application/json"]["examples"]
            for response in responses
            if not response["description"].startswith(status + " ")
            and response["content"]["application/json"].get("examples")
        ),
        None,
    )
    copies = [
        ("an unknown code", dict(body, error=UNKNOWN_CODE), None),
        ("no message", {k: v for k, v in body.items() if k != "message"}, None),
        ("a numeric code", dict(body, error=int(exchange["status"])), None),
        ("a text/plain content type", body, "text/plain"),
    ]
    if foreign:
        copies.append(("a code of another status", dict(body, error=next(iter(foreign))), None))
    return [(what, json.dumps(value), content_type) for what, value, content_type in copies]


def check_exchanges(document, generated, exchanges):
    served_api = OpenAPI.from_dict(document)
    merged = with_generated_responses(document, generated) if generated else None
    if merged is not None:
        check_spec(merged)
    generated_api = OpenAPI.from_dict(merged) if merged is not None else None
    counts = {"served": 0, "generated": 0, "outside": 0, "tampered": 0}
    for exchange in exchanges:
        where = f"{exchange['name']} ({exchange['method']} {exchange['path']} {exchange['status']})"
        errors = validate(served_api, exchange)
        expect(not errors, f"{where}: the served document rejects the response: {errors}")
        counts["served"] += 1
        if generated_api is not None:
            errors = validate(generated_api, exchange)
            if exchange["in_catalogue"]:
                expect(not errors, f"{where}: generated/openapi.yaml rejects the response: {errors}")
                counts["generated"] += 1
            else:
                expect(errors, f"{where}: generated/openapi.yaml accepts a code it does not have")
                counts["outside"] += 1
        for what, body, content_type in tampered(exchange, generated):
            for name, api in (("served", served_api), ("generated", generated_api)):
                if api is None:
                    continue
                expect(
                    validate(api, exchange, body, content_type),
                    f"{where}: the {name} document accepts the response with {what}",
                )
                counts["tampered"] += 1
    return counts


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("served", type=Path)
    parser.add_argument("--against", type=Path)
    parser.add_argument("--compare", action="store_true")
    parser.add_argument("--exchanges", type=Path)
    args = parser.parse_args(argv[1:])
    if args.compare and not args.against:
        parser.error("--compare needs --against")
    try:
        document = json.loads(args.served.read_text(encoding="utf-8"))
        check_spec(document)
        responses = check_error_responses(document)
        print(f"ok {args.served}: valid OpenAPI 3.1; {responses} error responses with valid schemas and examples")
        generated = load(args.against) if args.against else None
        if args.compare:
            matched = compare_with_generated(document, generated)
            print(f"ok: {matched} error responses match {args.against.name}")
        if args.exchanges:
            exchanges = json.loads(args.exchanges.read_text(encoding="utf-8"))
            expect(exchanges, "no exchanges to validate")
            counts = check_exchanges(document, generated, exchanges)
            print(
                f"ok: {counts['served']} responses valid against the served document, "
                f"{counts['generated']} against {args.against.name if args.against else '-'}, "
                f"{counts['outside']} rejected there as outside the catalogue; "
                f"{counts['tampered']} tampered copies rejected"
            )
    except CheckFailed as failure:
        print(f"FAIL {args.served}: {failure}", file=sys.stderr)
        return 1
    except (KeyError, TypeError, ValueError, AttributeError, StopIteration, IndexError) as error:
        print(f"FAIL {args.served}: unexpected document shape: {error!r}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
