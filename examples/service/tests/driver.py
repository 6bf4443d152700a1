"""The Python half of the end-to-end test (tests/end_to_end.rs).

Usage: python driver.py PLAN.json

Runs every step of the plan's scenarios with urllib, reads each response with
the example client's `request`, and prints one JSON line per step, in the
TypeScript driver's `Report` shape, for the Rust test to compare with what it
expects. Then calls the typed client methods. `errors.py` and `client.py` must
be importable.
"""

from __future__ import annotations

import json
import sys
import time
import urllib.request
from collections.abc import Callable
from typing import Literal, TypedDict, TypeGuard

from client import (
    ApiResponseError,
    Client,
    ClientError,
    TooLargeError,
    TransportError,
    UnexpectedResponseError,
    delay_seconds,
    describe,
    recovery,
    request,
    sign,
    violations,
)
from errors import ERRORS, is_error_code, status_of


class Step(TypedDict):
    """One request of a scenario."""

    server: str
    method: str
    path: str
    token: str | None
    headers: dict[str, str]
    body: str | None
    sign: Literal["valid", "wrong", "stale"] | None


class Scenario(TypedDict):
    """Steps that provoke one error, or a response the API does not send."""

    name: str
    steps: list[Step]


class Typed(TypedDict):
    """Where and as whom to call the typed methods."""

    server: str
    token: str
    signingSecret: str


class Plan(TypedDict):
    """What the Rust test hands the driver."""

    servers: dict[str, str]
    scenarios: list[Scenario]
    typed: Typed


def anything(value: object) -> TypeGuard[object]:
    """Take any success body."""
    del value
    return True


def report(
    scenario: str, step: int, error: ClientError | None, status: int | None
) -> dict[str, object]:
    """Return the report of a step's outcome: `error`, or a success."""
    out: dict[str, object] = {"scenario": scenario, "step": step}
    if error is None:
        out["outcome"] = "ok"
        if status is not None:
            out["status"] = status
        return out
    kinds: dict[type[ClientError], str] = {
        ApiResponseError: "api",
        TooLargeError: "too-large",
        UnexpectedResponseError: "unexpected",
        TransportError: "transport",
    }
    out["outcome"] = kinds[type(error)]
    if isinstance(error, (ApiResponseError, TooLargeError, UnexpectedResponseError)):
        out["status"] = error.status
    decided = recovery(error)
    out["recovery"] = {"kind": decided.kind}
    if decided.after_seconds is not None:
        out["recovery"] = {"kind": decided.kind, "afterSeconds": decided.after_seconds}
    delay = delay_seconds(decided, 0)
    if delay is not None:
        out["delay"] = delay
    if isinstance(error, ApiResponseError):
        body = error.body
        code = body["error"]
        out["code"] = code
        out["message"] = body["message"]
        out["known"] = is_error_code(code)
        if "details" in body:
            out["details"] = body["details"]
        if error.retry_after is not None:
            out["retryAfter"] = error.retry_after
        if violations(error):
            out["described"] = describe(error)
        if is_error_code(code):
            # Narrowed to a catalogue code: its entry and status are typed.
            out["knownStatus"] = status_of(code)
            out["catalogueMessage"] = ERRORS[code].message
    elif isinstance(error, (UnexpectedResponseError, TransportError)):
        out["reason"] = error.reason
    return out


def run_step(plan: Plan, scenario: str, index: int, step: Step) -> dict[str, object]:
    """Send one step's request and report what the client made of it."""
    base = plan["servers"][step["server"]]
    headers = dict(step["headers"])
    token = step["token"]
    if token is not None:
        headers["X-Token"] = token
    body = step["body"] or ""
    if step["body"] is not None:
        headers["Content-Type"] = "application/json"
    if step["sign"] is not None and token is not None:
        secret = f"{token}-signing-secret"
        now = int(time.time())
        timestamp = now - 3600 if step["sign"] == "stale" else now
        headers["X-Timestamp"] = str(timestamp)
        key = "not-the-secret" if step["sign"] == "wrong" else secret
        headers["X-Signature"] = sign(key, timestamp, body)
    data = None if step["body"] is None else body.encode()
    sent = urllib.request.Request(
        f"{base}{step['path']}", data=data, headers=headers, method=step["method"]
    )
    try:
        request(sent, anything)
    except ClientError as error:
        return report(scenario, index, error, None)
    # A success: the status is not kept by `request`, and the Rust test
    # checks only the outcome of one.
    return report(scenario, index, None, None)


def main() -> None:
    """Run the plan given on the command line."""
    with open(sys.argv[1], encoding="utf-8") as file:
        plan: Plan = json.load(file)
    for scenario in plan["scenarios"]:
        for index, step in enumerate(scenario["steps"]):
            print(json.dumps(run_step(plan, scenario["name"], index, step)), flush=True)

    # The typed methods, as an application would call them.
    typed = plan["typed"]
    base = plan["servers"].get(typed["server"], "")
    client = Client(base, typed["token"], typed["signingSecret"])
    expired = Client(base, "expired", "expired-signing-secret")
    calls: list[tuple[str, Callable[[], object]]] = [
        ("typed: account", client.account),
        (
            "typed: send a message",
            lambda: client.send_message("+15551234567", "Hello."),
        ),
        ("typed: account with an expired token", expired.account),
    ]
    for name, call in calls:
        try:
            call()
        except ClientError as error:
            print(json.dumps(report(name, 0, error, None)), flush=True)
        else:
            print(json.dumps(report(name, 0, None, None)), flush=True)


if __name__ == "__main__":
    main()
