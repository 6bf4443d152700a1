"""A Python client for the example API, on the generated `errors.py`.

It reads every error response with `ApiError.from_response`, which accepts any
code: when the server adds a code after this client was built, the client
still gets the code and the message as sent, and decides what to do from the
HTTP status (`recovery`). How long to wait before a retry is never guessed: it
is what the server says, in the body's `details.retry_after`
(`retry_after_seconds`) or the `Retry-After` header, or else exponential
backoff from `BACKOFF_START_SECONDS` for a code whose `ERRORS[code].retry` is
`"backoff"`. Responses that are not the API's (a proxy's HTML page, a body over
`MAX_BODY_BYTES`) raise errors of their own.

Standard library only (`urllib`), Python 3.10 or later. `errors.py` (the
repository's `generated/errors.py`) must be importable as `errors`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.message import Message
from http.client import HTTPResponse
from typing import Final, Literal, NoReturn, TypedDict, TypeGuard, TypeVar, cast

from errors import (
    ERRORS,
    ApiError,
    ErrorBody,
    FieldViolation,
    ReceivedErrorBody,
    is_error_body,
    retry_after_seconds,
)

__all__ = [
    "BACKOFF_MAX_SECONDS",
    "BACKOFF_START_SECONDS",
    "MAX_BODY_BYTES",
    "Account",
    "ApiResponseError",
    "Client",
    "ClientError",
    "MessageSent",
    "Recovery",
    "TooLargeError",
    "TransportError",
    "UnexpectedResponseError",
    "delay_seconds",
    "describe",
    "recovery",
    "request",
    "sign",
    "violations",
]

MAX_BODY_BYTES: Final = 1 << 20
"""The largest response body the client reads. Error bodies are a few hundred bytes."""

BACKOFF_START_SECONDS: Final = 1
"""The first wait of a "backoff" recovery, in seconds.

It doubles with each attempt up to `BACKOFF_MAX_SECONDS`: for codes whose
`ERRORS[code].retry` is "backoff" when the server says no time, and for
requests that did not complete.
"""

BACKOFF_MAX_SECONDS: Final = 60
"""The longest wait of a "backoff" recovery, in seconds."""

T = TypeVar("T")


class ClientError(Exception):
    """Why a call failed."""


class ApiResponseError(ClientError):
    """The API answered with an error: a known code, or a newer one."""

    def __init__(self, error: ApiError, retry_after: int | None) -> None:
        """Wrap the API's `error`, with the `Retry-After` header's seconds."""
        super().__init__(str(error))
        self.error = error
        """The error as `errors.py` reads it: the class of its status, or `ApiError`."""
        self.retry_after = retry_after
        """The `Retry-After` header's seconds, if the response had one."""

    @property
    def status(self) -> int:
        """The HTTP status of the response."""
        return self.error.status

    @property
    def body(self) -> ReceivedErrorBody:
        """The error body as received."""
        return self.error.body


class TooLargeError(ClientError):
    """The response body is over `MAX_BODY_BYTES`."""

    def __init__(self, status: int) -> None:
        """Say that the body of a response with `status` is too large."""
        super().__init__(f"{status}: the response body is over {MAX_BODY_BYTES} bytes")
        self.status = status
        """The HTTP status of the response."""


class UnexpectedResponseError(ClientError):
    """The response is not what the API sends: not JSON, or JSON of another shape."""

    def __init__(self, status: int, reason: str) -> None:
        """Say what is wrong with the body of a response with `status`."""
        super().__init__(f"{status}: not a response of the API: {reason}")
        self.status = status
        """The HTTP status of the response."""
        self.reason = reason
        """What is wrong with the body."""


class TransportError(ClientError):
    """The request did not complete."""

    def __init__(self, reason: str) -> None:
        """Say why the request did not complete."""
        super().__init__(f"the request failed: {reason}")
        self.reason = reason
        """Why the request did not complete."""


RecoveryKind = Literal[
    "retry", "backoff", "reauthenticate", "fix-request", "add-funds", "give-up"
]


@dataclass(frozen=True)
class Recovery:
    """What to do about a failed call."""

    kind: RecoveryKind
    """`"retry"` after `after_seconds`, `"backoff"` (see `delay_seconds`), or another step."""
    after_seconds: int | None = None
    """For `"retry"`: the seconds the server said to wait."""


def _retry(after_seconds: int) -> Recovery:
    """Return the recovery that retries after `after_seconds`."""
    return Recovery("retry", max(0, after_seconds))


BACKOFF: Final = Recovery("backoff")
REAUTHENTICATE: Final = Recovery("reauthenticate")
FIX_REQUEST: Final = Recovery("fix-request")
ADD_FUNDS: Final = Recovery("add-funds")
GIVE_UP: Final = Recovery("give-up")


def recovery(error: ClientError) -> Recovery:
    """Decide what to do about `error`, by code.

    A code this client does not know (the server is newer), or one whose
    details are not what this client's catalogue says, is handled by its HTTP
    status. The wait of a code to retry is the server's: `retry_after_seconds`
    for a code whose `ERRORS[code].retry` is "after"; else the `Retry-After`
    header; else backoff for one whose retry is "backoff".
    """
    if isinstance(error, ApiResponseError):
        body = error.body
        if is_error_body(body):
            return _by_code(body, error.retry_after)
        return _by_status(error.status, error.retry_after)
    if isinstance(error, TransportError):
        return BACKOFF
    return GIVE_UP


def delay_seconds(recovery: Recovery, attempt: int) -> int | None:
    """Return how long to wait, in seconds, before attempt `attempt` (0 first).

    None when retrying does not help: the server's delay for "retry", and
    `BACKOFF_START_SECONDS` doubled per attempt, up to `BACKOFF_MAX_SECONDS`,
    for "backoff".
    """
    if recovery.kind == "retry":
        return recovery.after_seconds
    if recovery.kind == "backoff":
        return min(BACKOFF_START_SECONDS * (1 << attempt), BACKOFF_MAX_SECONDS)
    return None


def _server_wait(body: ErrorBody, header: int | None) -> Recovery:
    """Return what the catalogue says about retrying `body`'s code, with the server's numbers."""
    seconds = retry_after_seconds(body)
    if seconds is not None:
        return _retry(seconds)
    if ERRORS[body["error"]].retry == "never":
        return GIVE_UP
    return BACKOFF if header is None else _retry(header)


def _by_code(body: ErrorBody, header: int | None) -> Recovery:
    """Decide by code. Every code is a case: a new one fails the type check."""
    code = body["error"]
    match code:
        case (
            "missing_auth_headers"
            | "invalid_token"
            | "token_inactive"
            | "token_expired"
            | "unauthorized"
            | "token_deleted"
        ):
            return REAUTHENTICATE
        # The clock or the signing code is off, not the token.
        case (
            "missing_signature"
            | "invalid_signature"
            | "signature_expired"
            | "payg_confirm_required"
            | "validation_error"
            | "already_exists"
            | "invalid_json"
            | "invalid_amount_format"
            | "invalid_otp"
            | "otp_expired"
            | "test_message_failed"
        ):
            return FIX_REQUEST
        case (
            "insufficient_balance"
            | "no_api_access"
            | "plan_limit_reached"
            | "payg_limit_reached"
        ):
            return ADD_FUNDS
        case (
            "rate_limit_exceeded"
            | "otp_wait_required"
            | "send_message_failed"
            | "send_media_failed"
            | "server_down"
            | "session_not_ready"
            | "maintenance_mode"
        ):
            return _server_wait(body, header)
        case (
            "ip_not_allowed"
            | "otp_resend_limit"
            | "too_many_attempts"
            | "internal_error"
        ):
            return GIVE_UP
        case _:
            # Only a code missing above reaches here, and then the type
            # checkers report that `code` is no `NoReturn`.
            unhandled: NoReturn = code
            raise AssertionError(f"unhandled code {unhandled!r}")


def _by_status(status: int, header: int | None) -> Recovery:
    """Decide for a code this client does not know: by its status, with `Retry-After`."""
    if status in (401, 403):
        return REAUTHENTICATE
    if status == 402:
        return ADD_FUNDS
    if status == 500:
        return GIVE_UP
    if status == 429 or 500 < status <= 599:
        return BACKOFF if header is None else _retry(header)
    return FIX_REQUEST


def violations(error: ClientError) -> list[FieldViolation]:
    """Return the inputs the server refused, and why, for `validation_error`."""
    if (
        not isinstance(error, ApiResponseError)
        or error.error.code != "validation_error"
    ):
        return []
    details = error.error.details
    if details is None or "violations" not in details:
        return []
    return details["violations"]


def describe(error: ClientError) -> str:
    """Return a human-readable account of `error`, with each input refused."""
    if isinstance(error, ApiResponseError):
        body = error.body
        refused = "".join(
            f"\n  {violation['field']}: {violation['reason']}"
            for violation in violations(error)
        )
        return f"{error.status}: {body['message']} ({body['error']}){refused}"
    return str(error)


def request(
    sent: urllib.request.Request, is_value: Callable[[object], TypeGuard[T]]
) -> T:
    """Send a request and read the response: a success body that passes `is_value`.

    Raises:
        ApiResponseError: The API answered with an error body.
        TooLargeError: The body is over `MAX_BODY_BYTES`.
        UnexpectedResponseError: The body is not JSON, or not of the shape expected.
        TransportError: The request did not complete.
    """
    try:
        response: HTTPResponse | urllib.error.HTTPError = urllib.request.urlopen(
            sent, timeout=30
        )
    except urllib.error.HTTPError as error:
        # urllib raises for every 4xx and 5xx; the error is the response.
        response = error
    except OSError as error:
        raise TransportError(str(error)) from error
    with response:
        status = (
            response.status if isinstance(response, HTTPResponse) else response.code
        )
        try:
            body = _read_body(response, response.headers)
        except OSError as error:
            raise TransportError(str(error)) from error
    if body is None:
        raise TooLargeError(status)
    try:
        value: object = json.loads(body)
    except ValueError as error:
        start = body[:80].decode("utf-8", "replace")
        reason = f"{error}; the body starts with {json.dumps(start)}"
        raise UnexpectedResponseError(status, reason) from None
    if 200 <= status < 300:
        if is_value(value):
            return value
        raise UnexpectedResponseError(status, "the success body has another shape")
    try:
        api_error = ApiError.from_response(status, value)
    except ValueError:
        reason = f"not an error body: {json.dumps(value)[:80]}"
        raise UnexpectedResponseError(status, reason) from None
    raise ApiResponseError(api_error, retry_after_header(response.headers))


def retry_after_header(headers: Message) -> int | None:
    """Return the `Retry-After` header's seconds; None without one, or with a date."""
    value = (headers.get("retry-after") or "").strip()
    return int(value) if value.isascii() and value.isdigit() else None


def _read_body(
    response: HTTPResponse | urllib.error.HTTPError, headers: Message
) -> bytes | None:
    """Return the body, or None when it is over `MAX_BODY_BYTES`.

    A declared length over the limit is not read at all, and a body without
    one stops being read one byte past the limit.
    """
    declared = headers.get("content-length") or "0"
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        return None
    body = response.read(MAX_BODY_BYTES + 1)
    return None if len(body) > MAX_BODY_BYTES else body


def sign(secret: str, timestamp: int, body: str) -> str:
    """Return the signature of a request with `body` sent at `timestamp`.

    That is what `X-Signature` carries: the hex HMAC-SHA256 of
    `<timestamp>.<body>`, keyed with the token's signing secret.
    """
    message = f"{timestamp}.{body}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


class Account(TypedDict):
    """The caller's account."""

    name: str
    plan_messages_left: int | None
    wallet_cents: int


def _is_account(value: object) -> TypeGuard[Account]:
    """Return whether `value` is an account: an object with a string `name`."""
    fields = cast("dict[str, object]", value) if isinstance(value, dict) else {}
    return isinstance(fields.get("name"), str)


class MessageSent(TypedDict):
    """A message handed to WhatsApp."""

    charged_cents: int


def _is_message_sent(value: object) -> TypeGuard[MessageSent]:
    """Return whether `value` is an object with an integer `charged_cents`."""
    fields = cast("dict[str, object]", value) if isinstance(value, dict) else {}
    return isinstance(fields.get("charged_cents"), int)


class Client:
    """A client with an API token and its signing secret."""

    def __init__(self, base_url: str, token: str, signing_secret: str) -> None:
        """Make a client of the API at `base_url`."""
        self._base_url = base_url.rstrip("/")
        self._token = token
        self._signing_secret = signing_secret

    def send(
        self,
        method: str,
        path: str,
        is_value: Callable[[object], TypeGuard[T]],
        body: Mapping[str, object] | None = None,
        *,
        signed: bool = False,
    ) -> T:
        """Send a request to `path` with the token; with `signed`, signed too."""
        headers = {"X-Token": self._token}
        text = None if body is None else json.dumps(body)
        if text is not None:
            headers["Content-Type"] = "application/json"
        if signed:
            timestamp = int(time.time())
            headers["X-Timestamp"] = str(timestamp)
            headers["X-Signature"] = sign(self._signing_secret, timestamp, text or "")
        data = None if text is None else text.encode()
        sent = urllib.request.Request(
            f"{self._base_url}{path}", data=data, headers=headers, method=method
        )
        return request(sent, is_value)

    def account(self) -> Account:
        """Return the caller's account."""
        return self.send("GET", "/v1/account", _is_account)

    def send_message(
        self, to: str, text: str, *, confirm_charge: bool = False
    ) -> MessageSent:
        """Send a text message."""
        body = {"to": to, "text": text, "confirm_charge": confirm_charge}
        return self.send("POST", "/v1/messages", _is_message_sent, body, signed=True)
