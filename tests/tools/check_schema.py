"""Validates catalogues against errors.schema.json with a real JSON Schema
validator, as an editor's YAML language server would.

Usage: check_schema.py <errors.schema.json> <cases.json>

<cases.json> is a list of {"file": <path>, "valid": <bool>, "expect": <text>}:
each file must validate (valid: true) or must fail with an error whose
message or path contains <text> (valid: false).

The YAML is read the way yaml-language-server reads it, by the YAML 1.2 core
schema: only true/false are booleans (not yes/no/on/off), there are no
timestamps, U+0085, U+2028 and U+2029 are no line breaks, and mapping keys
are strings as written (a status key 401 is "401", 0401 is "0401"), as they
are in the JSON data model that JSON Schema describes.

Prints one line per case; exits 1 if any case fails, 2 on bad usage.
"""

import json
import re
import sys
from pathlib import Path

import jsonschema
import yaml


class CoreSchemaLoader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema's scalars."""


CoreSchemaLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
def construct_key_as_written(loader, node, deep=False):
    """A mapping whose scalar keys are strings as written (`0401` stays
    `0401`), as JSON object keys are: JSON Schema sees property names."""
    pairs = []
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            key = key_node.value
        else:
            key = loader.construct_object(key_node, deep=deep)
        pairs.append((key, loader.construct_object(value_node, deep=deep)))
    return dict(pairs)


CoreSchemaLoader.add_constructor("tag:yaml.org,2002:map", construct_key_as_written)
CoreSchemaLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


# PyYAML reads YAML 1.1, where U+0085, U+2028 and U+2029 break lines. In YAML
# 1.2, which the loader and yaml-language-server read, they are characters
# like any other. They are swapped for noncharacters while PyYAML reads, and
# swapped back in the data.
YAML_1_1_BREAKS = {"\x85": "\ufdd0", "\u2028": "\ufdd1", "\u2029": "\ufdd2"}


def load_yaml(text):
    for stand_in in YAML_1_1_BREAKS.values():
        if stand_in in text or f"\\u{ord(stand_in):04x}" in text.lower():
            raise ValueError(f"the file holds U+{ord(stand_in):04X}, which this reader uses itself")
    for char, stand_in in YAML_1_1_BREAKS.items():
        text = text.replace(char, stand_in)
    return restore(yaml.load(text, Loader=CoreSchemaLoader))


def restore(value):
    """The data with the stand-ins swapped back, every mapping key a string."""
    if isinstance(value, dict):
        return {restore(key if isinstance(key, str) else str(key)): restore(item) for key, item in value.items()}
    if isinstance(value, list):
        return [restore(item) for item in value]
    if isinstance(value, str):
        for char, stand_in in YAML_1_1_BREAKS.items():
            value = value.replace(stand_in, char)
    return value


def describe(error):
    where = "/".join(str(part) for part in error.absolute_path) or "(root)"
    return f"{where}: {error.message}"


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    schema = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    cases = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as error:
        print(f"FAIL the schema is not a valid 2020-12 schema: {error.message}", file=sys.stderr)
        return 1
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    failed = 0
    for case in cases:
        path = Path(case["file"])
        document = load_yaml(path.read_text(encoding="utf-8"))
        # anyOf failures carry the reasons of each branch in their context,
        # and a branch's reasons may be nested deeper still.
        errors = []
        pending = list(validator.iter_errors(document))
        while pending:
            error = pending.pop(0)
            errors.append(describe(error))
            pending.extend(error.context or [])
        if case["valid"]:
            ok = not errors
            verdict = "valid" if ok else "rejected: " + "; ".join(errors)
        else:
            ok = any(case["expect"] in error for error in errors)
            verdict = (
                f"rejected, as expected ({case['expect']!r})"
                if ok
                else f"expected a rejection mentioning {case['expect']!r}, got: {errors or 'valid'}"
            )
        print(f"{'ok' if ok else 'FAIL'} {path.name}: {verdict}", file=sys.stdout if ok else sys.stderr)
        failed += not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
