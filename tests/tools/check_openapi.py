"""End-to-end check of a generated OpenAPI document with real validators.

Usage: check_openapi.py <openapi.yaml> <expected.json> [<bodies.json>]

<expected.json> is the catalogue as the Rust test sees it:
{"title", "version" (or null), "description" (or null),
 "body": {"parts": [[<part>, <path as written>]], "code_type" ("string" or
          "integer"), "content_type", "preset" (or null)},
 "docs" (the catalogue's docs template, or null),
 "types": [{"name", "description" (or null), "fields": [<param>]}],
 "statuses": [{"status", "title", "description", "name",
               "codes": [{"code" (as text, "131047" too), "message" (as
                          written, placeholders and all), "deprecated" (or
                          null), "since" (or null), "params": [<param>],
                          "retry" ("never", "backoff", "after"),
                          "retry_advice" (or null when the catalogue gives
                          no retry advice), "docs" (the code's URL, or null),
                          "title" (its title, else its status's reason
                          phrase)}]}]}
where <part> is "code", "message", "details", "status", "docs" or "title"
(a details path ending in `*` spreads the params into that object), and
<param> is {"name", "type" (as the file writes it: "integer",
"[FieldViolation]"), "optional", "description" (or null)}. A missing "body"
is the default layout, {"error", "message", "details"} as application/json;
missing "docs", "types", "params" and "retry" read as none.

<bodies.json>, if given, is a list of real bodies, as a server sends them,
and whether the response's schema must accept them:
[{"response", "body", "valid", "why"}].

Checks, in order; the first failure exits with status 1 and says what broke:
1. The file is UTF-8, and PyYAML's pure-Python loader and the libyaml-based
   loader openapi-spec-validator reads files with get the same data from it.
2. openapi-spec-validator accepts it as an OpenAPI 3.1 document.
3. Every schema in it is a valid JSON Schema 2020-12 schema, every response
   has exactly the layout's media type, every named example validates
   against its response's schema, and each response schema rejects bodies
   no server of the catalogue sends: a code of the wrong JSON type (a string
   under `code_type: integer`), a missing code or message, a missing or
   mistyped status or title, another status, a missing docs URL where every
   body carries one, a docs URL that is not a string, and the default
   layout's body under another layout. A status with codes rejects another
   status's code and an unknown code; a status without codes accepts any
   code, known or not. The docs URL is not pinned (the breaking check calls
   a changed URL compatible, so a newer server may send another): each
   example with another URL, one no code has or another code's, is
   accepted, and without a URL too unless every body carries one.
4. The catalogue recovered from the document equals <expected.json>: title,
   version, description, statuses in order with their descriptions and the
   status their bodies carry, and codes in order, as sent, with their
   messages, byte for byte, and their docs URLs (`externalDocs`; no
   response or body branch pins the body's docs member with a `const` or an
   `enum`); only a status with a code that carries data has a body branch
   per code; `ErrorCode` and `ErrorBody` have each part at its path, of its
   type, required when every body carries it; each example is the body a
   server sends, members in the layout's order.
5. The lifecycle: exactly the deprecated codes' branches carry the JSON Schema
   annotation `deprecated: true`, and a reader finds the deprecation note and
   the `since` version in the branch's description (after the message) and in
   the example's description; a code with neither has the message alone.
6. Details: each type is a component schema with its fields; a code with
   params has a body branch whose required `details` (or, spread, the
   object they are spread into) has exactly its params (names, order,
   types, which are required, descriptions); its example carries them and
   the message rendered from them; a body without them, without a required
   param or with a param of the wrong type is rejected, and one with a
   member the catalogue does not know (a newer server's optional param) is
   accepted.
7. Retry: when the catalogue gives retry advice, each code's description
   gives its advice right after the message; exactly the responses with a
   `retry: after` code document the `Retry-After` header, a non-negative
   integer, naming where the body carries `retry_after`.
8. Every body of <bodies.json> is accepted or rejected as it says.
"""

import copy
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


DEFAULT_BODY = {
    "parts": [["code", "error"], ["message", "message"], ["details", "details"]],
    "code_type": "string",
    "content_type": "application/json",
    "preset": None,
}
# What a body of each part holds when the check makes one up.
PLACEHOLDER_DOCS = "https://example.com/errors/no-such-page"
PLACEHOLDER_TITLE = "A title"
# Left out of a body (a part the layout does not have, a value there is none of).
ABSENT = object()


def descend(schema, members):
    """The schema of the member at `members` below `schema`, through
    `properties`; None when there is none."""
    for member in members:
        if not isinstance(schema, dict):
            return None
        schema = schema.get("properties", {}).get(member)
    return schema


class Layout:
    """The body's layout as <expected.json> gives it (`body`, absent for the
    default): where each part goes, how the code is sent, the media type."""

    def __init__(self, expected):
        body = expected.get("body") or DEFAULT_BODY
        self.order = [part for part, _ in body["parts"]]
        self.paths = {}
        self.spread = False
        for part, written_path in body["parts"]:
            members = written_path.split(".")
            if part == "details" and members[-1] == "*":
                self.spread = True
                members = members[:-1]
            self.paths[part] = members
        self.code_type = body["code_type"]
        self.content_type = body["content_type"]
        self.preset = body.get("preset")
        # Every body carries a docs URL when every code has one: a catalogue
        # template, or problem details, which requires one for every code.
        self.docs_always = "docs" in self.paths and (
            expected.get("docs") is not None or self.preset == "problem"
        )

    def wire(self, code):
        """The code as a body sends it: its text, or a JSON number."""
        return int(code) if self.code_type == "integer" else code

    def unknown_code(self, codes):
        """A code of the right form that the catalogue does not have."""
        if self.code_type == "string":
            return UNKNOWN_CODE
        unknown = 987654321
        while str(unknown) in codes:
            unknown += 1
        return str(unknown)

    def written(self, part):
        """The path of `part` as the file writes it: `error.code`, `error.*`."""
        return ".".join(self.paths[part] + (["*"] if part == "details" and self.spread else []))

    def param_path(self, name):
        """Where the param `name` goes, as the file writes paths."""
        return ".".join(self.paths["details"] + [name])

    def members_at(self, parent):
        """The names of the layout's members in the object at `parent`."""
        return {
            members[len(parent)]
            for part, members in self.paths.items()
            if not (part == "details" and self.spread)
            and len(members) > len(parent)
            and members[: len(parent)] == parent
        }

    def build(self, code, message, status, details=None, docs=ABSENT, title=PLACEHOLDER_TITLE):
        """A body of this layout, members in the layout's order; `details`
        (or spread params) only when given, `docs` only when not ABSENT (or
        None). `code` is given as sent."""
        values = {"code": code, "message": message, "status": status, "docs": docs, "title": title}
        body = {}
        # Each member comes where the layout first names it, an object too,
        # whether or not this body fills it; empty objects are left out at
        # the end, and spread params come after the members of their object.
        objects = []
        for part in self.order:
            spread = part == "details" and self.spread
            members = self.paths[part] if spread else self.paths[part][:-1]
            for depth in range(1, len(members) + 1):
                self._object(body, members[:depth])
                if members[:depth] not in objects:
                    objects.append(members[:depth])
            value = details if part == "details" else values[part]
            if spread or value is ABSENT or value is None:
                continue
            self._set(body, self.paths[part], value)
        if details and self.spread:
            self._object(body, self.paths["details"]).update(details)
        for members in sorted(objects, key=len, reverse=True):
            parent = self._object(body, members[:-1])
            if parent.get(members[-1]) == {}:
                del parent[members[-1]]
        return body

    def _object(self, body, members):
        for member in members:
            body = body.setdefault(member, {})
        return body

    def _set(self, body, members, value):
        self._object(body, members[:-1])[members[-1]] = value

    def get(self, body, part, default=ABSENT):
        for member in self.paths[part]:
            if not isinstance(body, dict) or member not in body:
                return default
            body = body[member]
        return body

    def replace(self, body, part, value):
        """A copy of `body` with `part` set to `value`, or left out (ABSENT)."""
        body = copy.deepcopy(body)
        members = self.paths[part]
        parent = body
        for member in members[:-1]:
            parent = parent.setdefault(member, {})
        if value is ABSENT:
            parent.pop(members[-1], None)
        else:
            parent[members[-1]] = value
        return body

    def details_of(self, body):
        """The params a body carries: its details, or the members of the
        object they are spread into that are not the layout's; None when
        there are none."""
        if not self.spread:
            details = self.get(body, "details")
            return None if details is ABSENT else details
        target = self.get_object(body, self.paths["details"])
        if not isinstance(target, dict):
            return None
        members = self.members_at(self.paths["details"])
        params = {k: v for k, v in target.items() if k not in members}
        return params or None

    def get_object(self, body, members):
        for member in members:
            if not isinstance(body, dict) or member not in body:
                return None
            body = body[member]
        return body

    def with_details(self, body, details):
        """A copy of `body` carrying `details` instead of its own (none for
        None); spread, `details` must be an object."""
        if not self.spread:
            return self.replace(body, "details", ABSENT if details is None else details)
        body = copy.deepcopy(body)
        target = self._object(body, self.paths["details"])
        members = self.members_at(self.paths["details"])
        for key in [k for k in target if k not in members]:
            del target[key]
        target.update(details or {})
        return body

    def details_schema(self, branch):
        """The schema of a body branch's params: its `details`' schema, or,
        spread, the params' properties (and which are required) of the
        object they are spread into; None when it has none."""
        if not self.spread:
            return descend(branch, self.paths["details"])
        parent = self.paths["details"]
        target = descend(branch, parent) if parent else branch
        if not isinstance(target, dict):
            return None
        members = self.members_at(parent)
        properties = {k: v for k, v in target.get("properties", {}).items() if k not in members}
        if not properties:
            return None
        schema = {"type": "object"}
        required = [name for name in target.get("required", []) if name not in members]
        if required:
            schema["required"] = required
        if "additionalProperties" in target:
            schema["additionalProperties"] = target["additionalProperties"]
        schema["properties"] = properties
        return schema

    def details_required(self, branch):
        """Whether a body branch requires its code's details."""
        if self.spread:
            return self.details_schema(branch) is not None
        parent, leaf = self.paths["details"][:-1], self.paths["details"][-1]
        target = descend(branch, parent) if parent else branch
        return isinstance(target, dict) and leaf in target.get("required", [])


def check_error_body(schemas, layout, has_details):
    """`ErrorCode` sends codes as the layout says; `ErrorBody` has each part
    at its path, of its type, required when every body carries it."""
    error_code = schemas["ErrorCode"]
    expect_equal(error_code.get("type"), layout.code_type, "ErrorCode: type")
    body = schemas["ErrorBody"]
    wanted = {
        "code": {"$ref": REF_PREFIX + "ErrorCode"},
        "message": {"type": "string"},
        "status": {"type": "integer"},
        "docs": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "details": {"type": "object"},
    }
    for part, members in layout.paths.items():
        where = f"ErrorBody: {part} at {layout.written(part)}"
        if part == "details":
            if layout.spread:
                continue
            schema = descend(body, members)
            expect_equal(schema is not None, has_details, "ErrorBody declares details")
            if schema is None:
                continue
        schema = descend(body, members)
        expect(schema is not None, f"{where}: missing")
        got = {k: v for k, v in schema.items() if k != "description"}
        expect_equal(got, wanted[part], where)
        parent = descend(body, members[:-1]) if members[:-1] else body
        expect_equal(parent.get("type"), "object", f"{where}: type of the object holding it")
        always = part in ("code", "message", "status", "title") or (part == "docs" and layout.docs_always)
        expect_equal(members[-1] in parent.get("required", []), always, f"{where}: required")


def check_schemas(document, expected, layout):
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
    docs_of = {c["code"]: c.get("docs") for s in expected["statuses"] for c in s["codes"]}
    urls = sorted({url for url in docs_of.values() if url})
    unknown = layout.unknown_code(all_codes)
    error_code = schema_validator(registry, "components", "schemas", "ErrorCode")
    for code in all_codes:
        expect(error_code.is_valid(layout.wire(code)), f"ErrorCode rejects {code!r}")
    expect(not error_code.is_valid(layout.wire(unknown)), "ErrorCode accepts an unknown code")
    if layout.code_type == "integer":
        for code in all_codes:
            expect(not error_code.is_valid(code), f"ErrorCode accepts {code!r} as a string")

    checked_examples = 0
    for name, response in components["responses"].items():
        expect_equal(list(response["content"]), [layout.content_type], f"response {name}: media types")
        content = response["content"][layout.content_type]
        schema = content["schema"]
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
        except jsonschema.SchemaError as error:
            raise CheckFailed(f"the schema of response {name} is not a 2020-12 schema:\n{error}") from error
        validator = schema_validator(
            registry, "components", "responses", name, "content", layout.content_type, "schema"
        )
        examples = content.get("examples", {})
        for example_name, example in examples.items():
            errors = list(validator.iter_errors(example["value"]))
            expect(
                not errors,
                f"example {name}.{example_name} fails its schema: "
                + "; ".join(e.message for e in errors),
            )
            checked_examples += 1

        status = next(s for s in expected["statuses"] if s["name"] == name)

        def body_of(code, status=status):
            docs = docs_of.get(code) or (PLACEHOLDER_DOCS if layout.docs_always else None)
            return layout.build(layout.wire(code), "a message", status["status"], docs=docs)

        own = [c["code"] for c in status["codes"]]
        if own:
            for code in [code for code in all_codes if code not in own] + [unknown]:
                expect(not validator.is_valid(body_of(code)), f"response {name} accepts the code {code!r}")
        else:
            # No codes documented yet: the real bodies carry codes the catalogue
            # does not know, and must validate.
            for code in all_codes + [unknown]:
                expect(validator.is_valid(body_of(code)), f"response {name} rejects the undocumented code {code!r}")
        code = (own or [unknown])[0]
        # The first code's example, which carries its details if it has any.
        body = copy.deepcopy(examples[code]["value"]) if own else body_of(code)
        check_malformed(validator, name, layout, body, code, status["status"])
        for good in [example["value"] for example in examples.values()] or [body]:
            check_docs_not_pinned(validator, name, layout, good, urls)
        check_details_bodies(validator, name, schema, examples, status["codes"], layout)
    expect_equal(checked_examples, len(all_codes), "number of examples checked")


def check_malformed(validator, name, layout, body, code, status):
    """Bodies no server of the catalogue sends, made from a good `body` of
    `code`: a part missing or of the wrong JSON type, another status, the
    body of the default layout under another one."""
    wrong_code = 401 if layout.code_type == "string" else code  # a string code under an integer layout
    malformed = [
        layout.replace(body, "code", wrong_code),
        layout.replace(body, "code", None),
        layout.replace(body, "code", ABSENT),
        layout.replace(body, "message", ABSENT),
        layout.replace(body, "message", 1),
        [code, "a message"],
    ]
    if "status" in layout.paths:
        other = 598 if status == 599 else 599
        malformed += [
            layout.replace(body, "status", ABSENT),
            layout.replace(body, "status", str(status)),
            layout.replace(body, "status", other),
        ]
    if "title" in layout.paths:
        malformed += [layout.replace(body, "title", ABSENT), layout.replace(body, "title", 1)]
    if "docs" in layout.paths:
        malformed.append(layout.replace(body, "docs", 1))
        if layout.docs_always:
            malformed.append(layout.replace(body, "docs", ABSENT))
    default_fits = (
        layout.paths["code"] == ["error"]
        and layout.paths["message"] == ["message"]
        and not {"status", "title"} & set(layout.paths)
        and not layout.docs_always
    )
    if not default_fits:
        malformed.append({"error": layout.wire(code), "message": "a message"})
    for bad in malformed:
        expect(not validator.is_valid(bad), f"response {name} accepts the malformed body {bad!r}")


def check_docs_not_pinned(validator, name, layout, body, urls):
    """A good `body` with another docs URL (one no code has, and another
    code's among `urls`) passes, as one without a URL does unless every body
    carries one: a changed URL is compatible, and a client validating
    responses must accept a newer server's."""
    if "docs" not in layout.paths:
        return
    own = layout.get(body, "docs")
    changed = [(layout.replace(body, "docs", PLACEHOLDER_DOCS), "with a docs URL no code has")]
    other = next((url for url in urls if url != own), None)
    if other is not None:
        changed.append((layout.replace(body, "docs", other), "with another code's docs URL"))
    if not layout.docs_always:
        changed.append((layout.replace(body, "docs", ABSENT), "without its docs URL"))
    for good, why in changed:
        errors = list(validator.iter_errors(good))
        expect(
            not errors,
            f"response {name} rejects a body {why}: {good!r}" + "".join(f"\n  {e.message}" for e in errors[:3]),
        )


def check_details_bodies(validator, name, schema, examples, codes, layout):
    """Bodies made from each example: what a server of this catalogue sends
    must pass, and bodies whose details are missing, incomplete or mistyped
    must not. A member the catalogue does not know passes: a newer server may
    add an optional param."""
    details_schemas = {
        str(error["const"]): details for error, details, _ in branches_of(schema, name, layout)
    }

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
                layout.with_details(example, {"added_by_a_newer_server": 1}),
                True,
                f"of {code['code']!r} with details a newer server may send",
            )
            continue
        details = layout.details_of(example) or {}
        schema = details_schemas.get(code["code"])
        expect(
            schema is not None,
            f"response {name}: {code['code']!r} has no details schema at `{layout.written('details')}`",
        )
        properties = schema["properties"]
        if not layout.spread or any(not p["optional"] for p in params):
            expect_body(layout.with_details(example, None), False, "without details")
        if not layout.spread:
            expect_body(layout.with_details(example, [details]), False, "whose details are not an object")
        expect_body(
            layout.with_details(example, dict(details, added_by_a_newer_server=1)),
            True,
            "with a param the catalogue does not know",
        )
        for param in params:
            without = {k: v for k, v in details.items() if k != param["name"]}
            if param["optional"]:
                expect_body(layout.with_details(example, without), True, f"without the optional {param['name']!r}")
                expect_body(
                    layout.with_details(example, dict(details, **{param["name"]: None})),
                    False,
                    f"with the optional {param['name']!r} null (servers leave it out)",
                )
            else:
                expect_body(layout.with_details(example, without), False, f"without {param['name']!r}")
            mistyped = dict(details, **{param["name"]: wrong_value(properties[param["name"]])})
            expect_body(layout.with_details(example, mistyped), False, f"with {param['name']!r} mistyped")


def check_bodies(document, bodies, layout):
    """Real bodies, as a server sends them, against their response's schema."""
    registry = Registry().with_resource(
        DOCUMENT_URI, Resource.from_contents(document, default_specification=DRAFT202012)
    )
    for case in bodies:
        validator = schema_validator(
            registry, "components", "responses", case["response"], "content", layout.content_type, "schema"
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


def branches_of(schema, name, layout):
    """A response schema's codes: (code schema, details schema or None, body
    branch or None) per code. A status whose codes' bodies differ only in
    the code narrows the code's member with `const` branches; one with a code
    that carries data has a whole body per code."""
    if "oneOf" in schema:
        out = []
        for body in schema["oneOf"]:
            error = descend(body, layout.paths["code"])
            expect(error is not None, f"response {name}: a body branch does not narrow the code")
            expect_equal(body.get("title"), str(error["const"]), f"response {name}: title of a body branch")
            expect_equal(
                body.get("allOf"),
                [{"$ref": REF_PREFIX + "ErrorBody"}],
                f"response {name}: body branch {error['const']!r} builds on",
            )
            out.append((error, layout.details_schema(body), body))
        return out
    return [(b, None, None) for b in (descend(schema, layout.paths["code"]) or {}).get("oneOf", [])]


def recover(document, layout):
    """The catalogue as the document tells it, in the shape of expected.json."""
    info = document["info"]
    statuses = []
    for name, response in document["components"]["responses"].items():
        head, _, description = response["description"].partition("\n\n")
        number, _, title = head.partition(" ")
        content = response["content"][layout.content_type]
        schema = content["schema"]
        examples = content.get("examples", {})
        codes = [
            {
                "code": str(error["const"]),
                "const": error["const"],
                "description": error["description"],
                "deprecated": error.get("deprecated", False),
                "external_docs": error.get("externalDocs"),
                "example_summary": examples.get(str(error["const"]), {}).get("summary"),
                "example_description": examples.get(str(error["const"]), {}).get("description"),
                "details": details,
                "details_required": body is not None and layout.details_required(body),
                "body_branch": body is not None,
                "example": examples.get(str(error["const"]), {}).get("value"),
            }
            for error, details, body in branches_of(schema, name, layout)
        ]
        expect_equal(
            list(examples), [c["code"] for c in codes], f"response {name}: examples vs oneOf branches"
        )
        if not codes:
            error = descend(schema, layout.paths["code"]) or {}
            expect_equal(error.get("type"), layout.code_type, f"response {name}: type of the code")
            expect(
                "no codes are documented" in error.get("description", "").lower(),
                f"response {name}: the code does not say that no codes are documented: {error!r}",
            )
        status_schema = descend(schema, layout.paths["status"]) if "status" in layout.paths else None
        # The docs member's schema in the response and in each body branch.
        narrowings = [schema] + [body for _, _, body in branches_of(schema, name, layout) if body is not None]
        docs_schemas = [descend(s, layout.paths["docs"]) for s in narrowings] if "docs" in layout.paths else []
        statuses.append(
            {
                "status": int(number),
                "title": title,
                "description": description or None,
                "name": name,
                "codes": codes,
                "headers": response.get("headers"),
                "status_const": (status_schema or {}).get("const"),
                "docs_pinned": [s for s in docs_schemas if isinstance(s, dict) and {"const", "enum"} & set(s)],
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
    }


def check_code(got, code, status, layout, where):
    """One code's branch and example against the catalogue: the code as
    sent, the message, the retry advice and the lifecycle notes a reader
    needs, the `deprecated` annotation, the docs URL, and the details."""
    where = f"{where}: codes: {code['code']!r}"
    expect_equal(got["code"], code["code"], f"{where}: code")
    expect_equal(got["const"], layout.wire(code["code"]), f"{where}: the code as sent")
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

    docs = code.get("docs")
    expect_equal(got["external_docs"], {"url": docs} if docs else None, f"{where}: externalDocs")

    example = got["example"]
    details = layout.details_of(example)
    if params and layout.spread and details is None:
        # Optional params without an example value: none is spread.
        details = {}
    sent = layout.get(example, "message")
    expect_equal(sent, got["example_summary"], f"{where}: example message vs summary")
    if params:
        expect(got["details_required"], f"{where}: details are not required")
        expect(got["details"] is not None, f"{where}: no details schema")
        check_object_schema(got["details"], params, f"{where}: details")
        expect(details is not None, f"{where}: the example has no details")
        expect_equal(sent, render(code["message"], details), f"{where}: example message")
    else:
        expect(got["details"] is None and not got["details_required"], f"{where}: details for a code without params")
        expect(details is None, f"{where}: the example has details")
        expect_equal(sent, message, f"{where}: example message")
    want = layout.build(
        layout.wire(code["code"]), sent, status["status"], details=details, docs=docs, title=code.get("title")
    )
    # Members in the layout's order too, as a server writes them.
    expect_equal(json.dumps(example), json.dumps(want), f"{where}: example value")

    # The code's own explanation ends the description: its description, then
    # its resolution after a bold label, each as written (Markdown).
    explanation = ""
    if code.get("description") is not None:
        explanation += "\n\n" + code["description"]
    if code.get("resolution") is not None:
        explanation += "\n\n**Resolution:**\n\n" + code["resolution"]
    expect(
        notes.endswith(explanation),
        f"{where}: the description does not end with the code's explanation:\n  {description!r}",
    )
    notes = notes[: len(notes) - len(explanation)]

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


def check_catalogue(document, expected, layout):
    recovered = recover(document, layout)
    want = dict(expected)
    want["version"] = expected["version"] if expected["version"] is not None else DEFAULT_VERSION
    want["all_codes"] = [layout.wire(c["code"]) for s in expected["statuses"] for c in s["codes"]]
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
        if "status" in layout.paths:
            expect_equal(got["status_const"], status["status"], f"{where}: the status its bodies carry")
        expect_equal(got["docs_pinned"], [], f"{where}: docs URLs pinned (a changed URL is compatible)")
        expect_equal(
            any(c["body_branch"] for c in got["codes"]),
            any(c.get("params") for c in status["codes"]),
            f"{where}: a body branch per code (only for a status with a code that carries data)",
        )
        expect_equal(
            [c["code"] for c in got["codes"]], [c["code"] for c in status["codes"]], f"{where}: codes"
        )
        # Python compares str by code point, so equal messages are equal UTF-8 bytes.
        for got_code, code in zip(got["codes"], status["codes"]):
            check_code(got_code, code, status, layout, where)
        check_retry_after(got["headers"], status, layout, where)

    types = expected.get("types", [])
    expect_equal(list(recovered["types"]), [t["name"] for t in types], "types, in order")
    for ty in types:
        schema = recovered["types"][ty["name"]]
        where = f"components.schemas.{ty['name']}"
        expect_equal(schema.get("description"), ty["description"], f"{where}: description")
        check_object_schema(schema, ty["fields"], where)
    has_details = bool(types) or any(c.get("params") for s in expected["statuses"] for c in s["codes"])
    check_error_body(document["components"]["schemas"], layout, has_details)


def check_retry_after(headers, status, layout, where):
    """Exactly a status with a `retry: after` code documents `Retry-After`: an
    optional header (the status's other codes, and a newer server's, do not
    send it) whose value is a number of seconds, the same as the body's
    `retry_after`, wherever the layout puts it."""
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
    path = layout.param_path("retry_after")
    expect(f"`{path}`" in header["description"], f"{where}: Retry-After does not name the body's `{path}`")
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
        layout = Layout(expected)
        document = load(document_path)
        check_spec(document)
        check_schemas(document, expected, layout)
        check_catalogue(document, expected, layout)
        check_bodies(document, bodies, layout)
    except CheckFailed as failure:
        print(f"FAIL {document_path}: {failure}", file=sys.stderr)
        return 1
    except (KeyError, TypeError, ValueError, AttributeError, StopIteration) as error:
        print(f"FAIL {document_path}: unexpected document shape: {error!r}", file=sys.stderr)
        return 1
    codes = sum(len(s["codes"]) for s in expected["statuses"])
    print(
        f"ok {document_path}: valid OpenAPI 3.1 ({layout.content_type}); {len(expected['statuses'])} responses, "
        f"{codes} examples valid; wrong codes, malformed bodies and details rejected; catalogue recovered intact"
        + (f"; {len(bodies)} real bodies accepted or rejected as expected" if bodies else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
