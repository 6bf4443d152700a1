"""Checks an OpenAPI document that a service builds with utoipa for errors of
a catalogue that declares its body's layout (`body:`).

Usage: check_served_layouts.py <served.json> <bodies.json>

<bodies.json> is a list of bodies, as the generated enums write them or as
another layout writes them, and whether the response's schema must accept
them: [{"path", "status", "media_type", "body", "valid"}].

Checks, in order; the first failure exits with status 1 and says what broke:
1. openapi-spec-validator accepts <served.json> as an OpenAPI 3.1 document.
2. Every error response has its content under exactly one media type, whose
   schema is a valid JSON Schema 2020-12 schema that accepts each of its
   named examples.
3. Every body of <bodies.json> is accepted or rejected as it says.
"""

import json
import sys
from pathlib import Path

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from check_openapi import CheckFailed, check_spec, expect_equal, pointer

SERVED_URI = "urn:error-codes:served"


def validator(registry, path, status, media_type):
    ref = f"{SERVED_URI}#/" + pointer(
        "paths", path, "post", "responses", status, "content", media_type, "schema"
    )
    return jsonschema.Draft202012Validator({"$ref": ref}, registry=registry)


def main():
    served = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    bodies = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
    check_spec(served)
    registry = Registry().with_resource(
        SERVED_URI, Resource.from_contents(served, default_specification=DRAFT202012)
    )
    responses = 0
    for path, item in served["paths"].items():
        for status, response in item["post"]["responses"].items():
            if status[0] not in "45":
                continue
            content = response["content"]
            expect_equal(len(content), 1, f"{path} {status}: media types")
            (media_type, body), = content.items()
            jsonschema.Draft202012Validator.check_schema(body["schema"])
            check = validator(registry, path, status, media_type)
            for name, example in body["examples"].items():
                errors = list(check.iter_errors(example["value"]))
                if errors:
                    raise CheckFailed(f"{path} {status}: example {name} is rejected: {errors[0].message}")
            responses += 1
    for case in bodies:
        check = validator(registry, case["path"], case["status"], case["media_type"])
        valid = check.is_valid(case["body"])
        if valid != case["valid"]:
            verdict = "accepts" if valid else "rejects"
            raise CheckFailed(f"{case['path']} {case['status']} {verdict} {json.dumps(case['body'])}")
    print(f"ok: {responses} error responses with valid schemas and examples, {len(bodies)} bodies as expected")


if __name__ == "__main__":
    try:
        main()
    except CheckFailed as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
