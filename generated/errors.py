"""The API's error codes, bodies and exceptions, as Python types and values.

Errors & Troubleshooting

We use standard HTTP status codes to indicate the success or failure of your API requests. In general:

- 2xx: Success
- 4xx: Client error (check your input, auth, or limits)
- 5xx: Server error (our fault or upstream issue)

All error responses return a JSON object with error (code) and message (human-readable) fields.

Version 1.0.0.

Generated from errors.yaml by error-codes; do not edit.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import (
    Final,
    Literal,
    NamedTuple,
    TypeAlias,
    TypedDict,
    TypeGuard,
    cast,
    final,
)

__all__ = [
    "ERRORS",
    "ERROR_CODES",
    "ApiError",
    "BadGatewayCode",
    "BadGatewayError",
    "ConflictCode",
    "ConflictError",
    "ErrorBody",
    "ErrorCode",
    "ErrorDetails",
    "ErrorInfo",
    "FieldViolation",
    "ForbiddenCode",
    "ForbiddenError",
    "InternalServerError",
    "InternalServerErrorCode",
    "OtpWaitRequiredDetails",
    "PaymentRequiredCode",
    "PaymentRequiredError",
    "RateLimitExceededDetails",
    "ReceivedErrorBody",
    "Retry",
    "ServiceUnavailableCode",
    "ServiceUnavailableError",
    "TooManyRequestsCode",
    "TooManyRequestsError",
    "UnauthorizedCode",
    "UnauthorizedError",
    "UnprocessableEntityCode",
    "UnprocessableEntityError",
    "ValidationErrorDetails",
    "is_error_body",
    "is_error_code",
    "is_received_error_body",
    "retry_after_seconds",
    "status_of",
]

ErrorCode: TypeAlias = Literal[
    "missing_auth_headers",
    "invalid_token",
    "token_inactive",
    "token_expired",
    "unauthorized",
    "missing_signature",
    "invalid_signature",
    "signature_expired",
    "insufficient_balance",
    "ip_not_allowed",
    "token_deleted",
    "no_api_access",
    "payg_confirm_required",
    "validation_error",
    "already_exists",
    "invalid_json",
    "invalid_amount_format",
    "invalid_otp",
    "otp_expired",
    "test_message_failed",
    "rate_limit_exceeded",
    "plan_limit_reached",
    "payg_limit_reached",
    "otp_wait_required",
    "otp_resend_limit",
    "too_many_attempts",
    "internal_error",
    "send_message_failed",
    "send_media_failed",
    "server_down",
    "session_not_ready",
    "maintenance_mode",
]
"""An error code, as sent in the `error` member of an error body."""

UnauthorizedCode: TypeAlias = Literal[
    "missing_auth_headers",
    "invalid_token",
    "token_inactive",
    "token_expired",
    "unauthorized",
    "missing_signature",
    "invalid_signature",
    "signature_expired",
]
"""Codes sent with HTTP status 401 Unauthorized."""

PaymentRequiredCode: TypeAlias = Literal["insufficient_balance"]
"""Codes sent with HTTP status 402 Payment Required."""

ForbiddenCode: TypeAlias = Literal[
    "ip_not_allowed",
    "token_deleted",
    "no_api_access",
]
"""Codes sent with HTTP status 403 Forbidden."""

ConflictCode: TypeAlias = Literal["payg_confirm_required"]
"""Codes sent with HTTP status 409 Conflict."""

UnprocessableEntityCode: TypeAlias = Literal[
    "validation_error",
    "already_exists",
    "invalid_json",
    "invalid_amount_format",
    "invalid_otp",
    "otp_expired",
    "test_message_failed",
]
"""Codes sent with HTTP status 422 Unprocessable Entity.

Validation errors or domain-specific logic failures.
"""

TooManyRequestsCode: TypeAlias = Literal[
    "rate_limit_exceeded",
    "plan_limit_reached",
    "payg_limit_reached",
    "otp_wait_required",
    "otp_resend_limit",
    "too_many_attempts",
]
"""Codes sent with HTTP status 429 Too Many Requests."""

InternalServerErrorCode: TypeAlias = Literal["internal_error"]
"""Codes sent with HTTP status 500 Internal Server Error."""

BadGatewayCode: TypeAlias = Literal[
    "send_message_failed",
    "send_media_failed",
]
"""Codes sent with HTTP status 502 Bad Gateway.

Connectivity issues.
"""

ServiceUnavailableCode: TypeAlias = Literal[
    "server_down",
    "session_not_ready",
    "maintenance_mode",
]
"""Codes sent with HTTP status 503 Service Unavailable."""

ERROR_CODES: Final[tuple[ErrorCode, ...]] = (
    "missing_auth_headers",
    "invalid_token",
    "token_inactive",
    "token_expired",
    "unauthorized",
    "missing_signature",
    "invalid_signature",
    "signature_expired",
    "insufficient_balance",
    "ip_not_allowed",
    "token_deleted",
    "no_api_access",
    "payg_confirm_required",
    "validation_error",
    "already_exists",
    "invalid_json",
    "invalid_amount_format",
    "invalid_otp",
    "otp_expired",
    "test_message_failed",
    "rate_limit_exceeded",
    "plan_limit_reached",
    "payg_limit_reached",
    "otp_wait_required",
    "otp_resend_limit",
    "too_many_attempts",
    "internal_error",
    "send_message_failed",
    "send_media_failed",
    "server_down",
    "session_not_ready",
    "maintenance_mode",
)
"""Every error code, in catalogue order."""


Retry: TypeAlias = Literal["never", "backoff", "after"]
"""How a client may retry a request that failed with a code.

`"never"`: the same request fails the same way. `"backoff"`: transient, retry
with exponential backoff. `"after"`: retry after the seconds the body's
`retry_after` param gives (also sent as the `Retry-After` header).
"""


@dataclass(frozen=True)
class ErrorInfo:
    """What the catalogue says of one error code."""

    status: int
    """The HTTP status the code is sent with."""
    message: str
    """The message as the catalogue writes it.

    In the message of a code that has params, `{name}` stands for the value
    of the param `name`, and `{{` and `}}` for braces; a body's message has
    them filled in.
    """
    retry: Retry
    """Whether and when a client may send the request again."""
    deprecated: str | None
    """Why the code is deprecated and what to use instead; None while it is current."""


ERRORS: Final[Mapping[ErrorCode, ErrorInfo]] = {
    "missing_auth_headers": ErrorInfo(
        status=401,
        message="Headers X-Token are missing.",
        retry="never",
        deprecated=None,
    ),
    "invalid_token": ErrorInfo(
        status=401,
        message="The API Token provided is invalid.",
        retry="never",
        deprecated=None,
    ),
    "token_inactive": ErrorInfo(
        status=401,
        message="The API Token exists but is currently disabled.",
        retry="never",
        deprecated=None,
    ),
    "token_expired": ErrorInfo(
        status=401,
        message="The API Token has expired.",
        retry="never",
        deprecated=None,
    ),
    "unauthorized": ErrorInfo(
        status=401,
        message="Generic authentication failure.",
        retry="never",
        deprecated=None,
    ),
    "missing_signature": ErrorInfo(
        status=401,
        message="Signature header is missing.",
        retry="never",
        deprecated=None,
    ),
    "invalid_signature": ErrorInfo(
        status=401,
        message="Signature is invalid.",
        retry="never",
        deprecated=None,
    ),
    "signature_expired": ErrorInfo(
        status=401,
        message="Signature timestamp is too old.",
        retry="never",
        deprecated=None,
    ),
    "insufficient_balance": ErrorInfo(
        status=402,
        message="Your wallet balance is insufficient for this operation. Top up your wallet in the dashboard.",
        retry="never",
        deprecated=None,
    ),
    "ip_not_allowed": ErrorInfo(
        status=403,
        message="Request IP is not in your allowlist.",
        retry="never",
        deprecated=None,
    ),
    "token_deleted": ErrorInfo(
        status=403,
        message="The API Token has been deleted.",
        retry="never",
        deprecated=None,
    ),
    "no_api_access": ErrorInfo(
        status=403,
        message="You do not have API access. Activate a subscription or top up your wallet.",
        retry="never",
        deprecated=None,
    ),
    "payg_confirm_required": ErrorInfo(
        status=409,
        message="This action requires explicit confirmation that it will charge your wallet (PAYG).",
        retry="never",
        deprecated=None,
    ),
    "validation_error": ErrorInfo(
        status=422,
        message="One or more inputs failed validation.",
        retry="never",
        deprecated=None,
    ),
    "already_exists": ErrorInfo(
        status=422,
        message="The resource you are trying to create already exists.",
        retry="never",
        deprecated=None,
    ),
    "invalid_json": ErrorInfo(
        status=422,
        message="The request body or specific field contains invalid JSON.",
        retry="never",
        deprecated=None,
    ),
    "invalid_amount_format": ErrorInfo(
        status=422,
        message="The amount format is invalid.",
        retry="never",
        deprecated=None,
    ),
    "invalid_otp": ErrorInfo(
        status=422,
        message="The provided OTP is invalid.",
        retry="never",
        deprecated=None,
    ),
    "otp_expired": ErrorInfo(
        status=422,
        message="The OTP has expired.",
        retry="never",
        deprecated=None,
    ),
    "test_message_failed": ErrorInfo(
        status=422,
        message="Sending the test message failed.",
        retry="never",
        deprecated=None,
    ),
    "rate_limit_exceeded": ErrorInfo(
        status=429,
        message="You have exceeded the global rate limit. Slow down.",
        retry="after",
        deprecated=None,
    ),
    "plan_limit_reached": ErrorInfo(
        status=429,
        message="You have reached the usage limit of your current plan.",
        retry="never",
        deprecated=None,
    ),
    "payg_limit_reached": ErrorInfo(
        status=429,
        message="You have reached your set PAYG spending limit.",
        retry="never",
        deprecated=None,
    ),
    "otp_wait_required": ErrorInfo(
        status=429,
        message="You must wait before requesting another OTP.",
        retry="after",
        deprecated=None,
    ),
    "otp_resend_limit": ErrorInfo(
        status=429,
        message="You have reached the maximum OTP resend attempts.",
        retry="never",
        deprecated=None,
    ),
    "too_many_attempts": ErrorInfo(
        status=429,
        message="Too many failed attempts.",
        retry="never",
        deprecated=None,
    ),
    "internal_error": ErrorInfo(
        status=500,
        message="An unexpected internal error occurred. Please contact support.",
        retry="never",
        deprecated=None,
    ),
    "send_message_failed": ErrorInfo(
        status=502,
        message="Failed to send message.",
        retry="backoff",
        deprecated=None,
    ),
    "send_media_failed": ErrorInfo(
        status=502,
        message="Failed to send media.",
        retry="backoff",
        deprecated=None,
    ),
    "server_down": ErrorInfo(
        status=503,
        message="The server is down or unreachable.",
        retry="backoff",
        deprecated=None,
    ),
    "session_not_ready": ErrorInfo(
        status=503,
        message="The WhatsApp session is starting or not ready yet.",
        retry="backoff",
        deprecated=None,
    ),
    "maintenance_mode": ErrorInfo(
        status=503,
        message="The application is currently in maintenance mode.",
        retry="backoff",
        deprecated=None,
    ),
}
"""What the catalogue says of every error code: status, message, retry advice."""


def status_of(code: ErrorCode) -> int:
    """Return the HTTP status that `code` is sent with."""
    return ERRORS[code].status


class FieldViolation(TypedDict):
    """The type `FieldViolation` of the catalogue.

    One input that failed validation.
    """

    field: str
    """The input's name as the request sends it, or a JSON pointer to it."""
    reason: str
    """Why the input was refused."""


@final
class ValidationErrorDetails(TypedDict):
    """The details of `validation_error` (422 Unprocessable Entity).

    One or more inputs failed validation.
    """

    violations: list[FieldViolation]
    """Each input that failed, and why."""


class _RateLimitExceededDetailsRequired(TypedDict):
    retry_after: int
    """Seconds to wait before the next request.

    An integer.
    """


@final
class RateLimitExceededDetails(_RateLimitExceededDetailsRequired, total=False):
    """The details of `rate_limit_exceeded` (429 Too Many Requests).

    You have exceeded the global rate limit. Slow down.
    """

    limit: int
    """Requests allowed per minute.

    An integer.
    """


@final
class OtpWaitRequiredDetails(TypedDict):
    """The details of `otp_wait_required` (429 Too Many Requests).

    You must wait before requesting another OTP.
    """

    retry_after: int
    """Seconds to wait before requesting another OTP.

    An integer.
    """


ErrorDetails: TypeAlias = (
    ValidationErrorDetails | RateLimitExceededDetails | OtpWaitRequiredDetails
)
"""The details of any code that has params."""


class _ErrorBodyRequired(TypedDict):
    error: ErrorCode
    """What went wrong, for programs."""
    message: str
    """What went wrong, for people."""


class ErrorBody(_ErrorBodyRequired, total=False):
    """The JSON body of an error response of a code of this catalogue.

    A code that has params sends them in `details` (see `ErrorDetails`).
    """

    details: ErrorDetails
    """What went wrong, as data: the code's params, for a code that has them."""


class _ReceivedErrorBodyRequired(TypedDict):
    error: str
    """What went wrong, for programs: a known code, or a newer one."""
    message: str
    """What went wrong, for people."""


class ReceivedErrorBody(_ReceivedErrorBodyRequired, total=False):
    """An error response body as a client receives it.

    `error` is one of `ERROR_CODES`, or a code the server added after this module
    was generated: `is_error_code` tells them apart. Details are unchecked.
    """

    details: object
    """The data sent with the error, as sent and unchecked."""


# Where each part of a body is: the names of the members that lead to it.
_CODE: Final[tuple[str, ...]] = ("error",)
_MESSAGE: Final[tuple[str, ...]] = ("message",)
_DETAILS: Final[tuple[str, ...]] = ("details",)


class _Param(NamedTuple):
    """A param of a code, or a field of a type, as the catalogue declares it."""

    name: str
    """The JSON member name."""
    kind: str
    """The type as the catalogue writes it: `integer`, `[FieldViolation]`."""
    optional: bool
    """Whether the member may be left out."""


_PARAMS: Final[Mapping[str, tuple[_Param, ...]]] = {
    "validation_error": (_Param("violations", "[FieldViolation]", optional=False),),
    "rate_limit_exceeded": (
        _Param("retry_after", "integer", optional=False),
        _Param("limit", "integer", optional=True),
    ),
    "otp_wait_required": (_Param("retry_after", "integer", optional=False),),
}
"""The params of each code that has params."""

_TYPES: Final[Mapping[str, tuple[_Param, ...]]] = {
    "FieldViolation": (
        _Param("field", "string", optional=False),
        _Param("reason", "string", optional=False),
    ),
}
"""The fields of each type of the catalogue."""


def _is_int(value: object) -> bool:
    """Return whether `value` is a JSON integer (a bool is not one)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _is_value(value: object, kind: str) -> bool:
    """Return whether `value` has the type `kind`, as the catalogue writes it."""
    if kind.startswith("["):
        items = cast("list[object]", value) if isinstance(value, list) else None
        return items is not None and all(_is_value(item, kind[1:-1]) for item in items)
    if kind == "string":
        return isinstance(value, str)
    if kind == "integer":
        return _is_int(value)
    if kind == "number":
        return (
            isinstance(value, (int, float))
            and not isinstance(value, bool)
            and math.isfinite(value)
        )
    if kind == "boolean":
        return isinstance(value, bool)
    return _has_fields(value, _TYPES[kind])


def _has_fields(value: object, fields: tuple[_Param, ...]) -> bool:
    """Return whether `value` is an object with each of `fields` of its type."""
    if not isinstance(value, dict):
        return False
    members = cast("dict[str, object]", value)
    return all(
        _is_value(members[field.name], field.kind)
        if field.name in members
        else field.optional
        for field in fields
    )


_MISSING: Final = object()
"""What `_member` returns for a member a body does not send."""


def _member(value: object, path: tuple[str, ...]) -> object:
    """Return the member of `value` at `path`, or `_MISSING`."""
    for name in path:
        if not isinstance(value, dict):
            return _MISSING
        value = cast("dict[str, object]", value).get(name, _MISSING)
    return value


def is_error_code(value: object) -> TypeGuard[ErrorCode]:
    """Return whether `value` is one of the `ERROR_CODES`."""
    return isinstance(value, str) and value in ERRORS


def is_received_error_body(value: object) -> TypeGuard[ReceivedErrorBody]:
    """Return whether `value` has the shape of an error body, with any code.

    Clients check responses with this rather than `is_error_body`, so that a
    newer server's codes do not break them.
    """
    if not isinstance(_member(value, _CODE), str):
        return False
    return isinstance(_member(value, _MESSAGE), str)


def is_error_body(value: object) -> TypeGuard[ErrorBody]:
    """Return whether `value` is an error body of a code of this catalogue.

    A code that has params must send each required one, and every param sent
    must have its type; members the catalogue does not name are ignored.
    """
    if not is_received_error_body(value):
        return False
    if not is_error_code(_member(value, _CODE)):
        return False
    return _has_params(value)


def _details(body: object) -> object:
    """Return the object that holds the params of `body`."""
    return _member(body, _DETAILS)


def _has_params(body: object) -> bool:
    """Return whether `body` sends the params of its code, each of its type."""
    params = _PARAMS.get(cast("str", _member(body, _CODE)))
    return params is None or _has_fields(_details(body), params)


def retry_after_seconds(body: ErrorBody) -> int | None:
    """Return how many seconds to wait before sending the request again.

    That is the `retry_after` param of a code whose retry is `"after"`, else
    None (see `ERRORS[code].retry` for the others).
    """
    code = cast("ErrorCode", _member(body, _CODE))
    if ERRORS[code].retry != "after":
        return None
    seconds = _member(_details(body), ("retry_after",))
    return seconds if isinstance(seconds, int) else None


class ApiError(Exception):
    """An error response of the API: its status, code, message and details.

    `ApiError.from_response` reads one. A code of this catalogue gives the
    subclass of its status; a code the server added since gives this class.
    """

    status: int
    """The HTTP status of the response."""
    code: str
    """The code as sent: one of `ERROR_CODES`, or a newer one."""
    message: str
    """The message as sent (a server may localize it)."""
    details: ErrorDetails | None
    """The code's params, checked against the catalogue; None when it has none."""
    body: ReceivedErrorBody
    """The body as received."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: ErrorDetails | None,
        body: ReceivedErrorBody,
    ) -> None:
        """Make the error of a response; `from_response` reads one."""
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.body = body

    @classmethod
    def from_response(cls, status: int, body: object) -> ApiError:
        """Return the error that a response's status and body say.

        `body` is the parsed JSON, or the raw bytes or text of the body. A
        code of this catalogue gives the subclass of its status, with its
        params checked and typed in `details` (None if they are malformed);
        any other code gives `ApiError` itself.

        Raises:
            ValueError: The body is not JSON, or not an error body.
        """
        if isinstance(body, (bytes, bytearray, str)):
            try:
                body = json.loads(body)
            except ValueError as error:
                message = f"not an error body: the body is not JSON ({error})"
                raise ValueError(message) from error
        if not is_received_error_body(body):
            message = "not an error body: the code or the message is missing"
            raise ValueError(message)
        code = cast("str", _member(body, _CODE))
        text = cast("str", _member(body, _MESSAGE))
        if not is_error_code(code):
            return ApiError(status, code, text, None, body)
        details: ErrorDetails | None = None
        params = _PARAMS.get(code)
        if params is not None and _has_params(body):
            found = cast("Mapping[str, object]", _details(body))
            sent = {name: found[name] for name, _, _ in params if name in found}
            details = cast("ErrorDetails", sent)
        return _EXCEPTIONS[ERRORS[code].status](status, code, text, details, body)


class UnauthorizedError(ApiError):
    """An error sent with HTTP status 401 Unauthorized.

    Its code is one of `UnauthorizedCode`.
    """


class PaymentRequiredError(ApiError):
    """An error sent with HTTP status 402 Payment Required.

    Its code is one of `PaymentRequiredCode`.
    """


class ForbiddenError(ApiError):
    """An error sent with HTTP status 403 Forbidden.

    Its code is one of `ForbiddenCode`.
    """


class ConflictError(ApiError):
    """An error sent with HTTP status 409 Conflict.

    Its code is one of `ConflictCode`.
    """


class UnprocessableEntityError(ApiError):
    """An error sent with HTTP status 422 Unprocessable Entity.

    Its code is one of `UnprocessableEntityCode`.

    Validation errors or domain-specific logic failures.
    """


class TooManyRequestsError(ApiError):
    """An error sent with HTTP status 429 Too Many Requests.

    Its code is one of `TooManyRequestsCode`.
    """


class InternalServerError(ApiError):
    """An error sent with HTTP status 500 Internal Server Error.

    Its code is one of `InternalServerErrorCode`.
    """


class BadGatewayError(ApiError):
    """An error sent with HTTP status 502 Bad Gateway.

    Its code is one of `BadGatewayCode`.

    Connectivity issues.
    """


class ServiceUnavailableError(ApiError):
    """An error sent with HTTP status 503 Service Unavailable.

    Its code is one of `ServiceUnavailableCode`.
    """


_EXCEPTIONS: Final[Mapping[int, type[ApiError]]] = {
    401: UnauthorizedError,
    402: PaymentRequiredError,
    403: ForbiddenError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: TooManyRequestsError,
    500: InternalServerError,
    502: BadGatewayError,
    503: ServiceUnavailableError,
}
"""The exception class of each status."""
