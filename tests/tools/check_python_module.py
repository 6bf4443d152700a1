"""Read generated `errors.py` modules back and compare them with the catalogue.

Usage: check_python_module.py FOLDER

For each `NAME.expected.json` in FOLDER, written by `tests/tests/python.rs` straight
from the catalogue model, imports `NAME.py` and checks every value of the
module (codes, groups, `ERRORS`), the guards and `from_response` on bodies
built from the catalogue's layout, a code the module does not know, and
bodies that are no error bodies. Prints one line per module and fails with
every difference found.
"""

import importlib.util
import json
import sys
import typing
from pathlib import Path
from types import ModuleType
from typing import Any


def load(path: Path) -> ModuleType:
    """Import the module at `path` under its file name."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


def literal_values(alias: object) -> tuple[object, ...]:
    """The values of a `Literal` alias; none for `NoReturn`."""
    if alias is typing.NoReturn:
        return ()
    return typing.get_args(alias)


def check(folder: Path, name: str, failures: list[str]) -> int:
    """Check the module `name`; return how many checks ran."""
    expected: dict[str, Any] = json.loads((folder / f"{name}.expected.json").read_text())
    module = load(folder / f"{name}.py")
    checks = 0

    def same(what: str, got: object, want: object) -> None:
        nonlocal checks
        checks += 1
        if got != want or type(got) is not type(want):
            failures.append(f"{name}: {what}: got {got!r}, want {want!r}")

    def true(what: str, ok: bool) -> None:
        same(what, ok, True)

    base = getattr(module, expected["base"])
    true("the base class is an Exception", issubclass(base, Exception))
    codes = [code["code"] for code in expected["codes"]]
    same("ERROR_CODES", module.ERROR_CODES, tuple(codes))
    same("ErrorCode", literal_values(module.ErrorCode), tuple(codes))
    same("ERRORS' codes", list(module.ERRORS), codes)
    for group in expected["groups"]:
        alias = getattr(module, group["codes_alias"])
        same(f"{group['codes_alias']}", literal_values(alias), tuple(group["codes"]))
        cls = getattr(module, group["class"])
        true(f"{group['class']} is a {expected['base']}", issubclass(cls, base))
        true(f"{group['class']} is public", group["class"] in module.__all__)
    for name_ in module.__all__:
        true(f"{name_} in __all__ is defined", hasattr(module, name_))

    for code in expected["codes"]:
        key = code["code"]
        info = module.ERRORS[key]
        same(f"ERRORS[{key!r}].status", info.status, code["status"])
        same(f"ERRORS[{key!r}].message", info.message, code["message"])
        same(f"ERRORS[{key!r}].retry", info.retry, code["retry"])
        same(f"ERRORS[{key!r}].deprecated", info.deprecated, code["deprecated"])
        if expected["has_docs"]:
            same(f"ERRORS[{key!r}].docs", info.docs, code["docs"])
        same(f"status_of({key!r})", module.status_of(key), code["status"])
        true(f"is_error_code({key!r})", module.is_error_code(key))
        if code["params"]:
            details_type = getattr(module, code["details_class"])
            same(
                f"{code['details_class']}'s keys",
                sorted(details_type.__annotations__),
                sorted(code["params"]),
            )
        body = code["body"]
        true(f"is_error_body({key!r}'s body)", module.is_error_body(body))
        true(
            f"is_received_error_body({key!r}'s body)",
            module.is_received_error_body(body),
        )
        for form, sent in [
            ("parsed", body),
            ("bytes", json.dumps(body).encode()),
            ("text", json.dumps(body)),
        ]:
            error = base.from_response(code["status"], sent)
            same(f"from_response({key!r}, {form}) class", type(error).__name__, code["class"])
            same(f"from_response({key!r}, {form}).code", error.code, key)
            same(f"from_response({key!r}, {form}).status", error.status, code["status"])
            same(f"from_response({key!r}, {form}).message", error.message, code["body_message"])
            same(f"from_response({key!r}, {form}).details", error.details, code["details"])
        if hasattr(module, "retry_after_seconds"):
            want = code["details"]["retry_after"] if code["retry"] == "after" else None
            same(f"retry_after_seconds({key!r}'s body)", module.retry_after_seconds(body), want)
        if code["without_details"] is not None:
            without = code["without_details"]
            true(f"{key!r} without its params is no error body", not module.is_error_body(without))
            error = base.from_response(code["status"], without)
            same(f"{key!r} without its params: class", type(error).__name__, code["class"])
            same(f"{key!r} without its params: details", error.details, None)

    unknown = expected["unknown"]
    true("a newer code is no error body", not module.is_error_body(unknown["body"]))
    true("a newer code is a received body", module.is_received_error_body(unknown["body"]))
    true("a newer code is no error code", not module.is_error_code(unknown["code"]))
    error = base.from_response(unknown["status"], unknown["body"])
    same("from_response(newer code) class", type(error).__name__, expected["base"])
    same("from_response(newer code).code", error.code, unknown["code"])
    same("from_response(newer code).details", error.details, None)

    for why, body in expected["not_bodies"]:
        if isinstance(body, dict) and body.get("bytes") is not None:
            body = body["bytes"].encode()
        true(f"{why}: is no received body", not module.is_received_error_body(body))
        try:
            base.from_response(500, body)
        except ValueError:
            true(f"{why}: ValueError", True)
        else:
            true(f"{why}: ValueError", False)
    return checks


def main() -> None:
    """Check every module of the folder given."""
    folder = Path(sys.argv[1])
    sys.path.insert(0, str(folder))
    failures: list[str] = []
    for expected in sorted(folder.glob("*.expected.json")):
        name = expected.name.removesuffix(".expected.json")
        checks = check(folder, name, failures)
        print(f"{name}: {checks} checks")
    if failures:
        print("\n".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
