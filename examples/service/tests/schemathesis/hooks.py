"""Schemathesis hooks for the example service, loaded by the end-to-end test.

- Signing: the signed operations (`POST /v1/messages`, `POST /v1/media`)
  declare the headers `X-Timestamp` and `X-Signature`, the hex HMAC-SHA256,
  keyed with the token's signing secret, of `"<X-Timestamp>.<body>"`. No
  schema can say how to compute that, so unsigned, every generated request
  would stop at `invalid_signature` and never reach the handler.
- Three checks of our own, beside schemathesis' built-in ones: see each.

The end-to-end test passes the token's signing secret in
`$SERVICE_SIGNING_SECRET`, and `demo::FAILING_NUMBER_PREFIX` in
`$SERVICE_FAILING_NUMBER_PREFIX`.
"""

import hashlib
import hmac
import json
import os
import time

import schemathesis
from schemathesis.core.parameters import ParameterLocation

SIGNED_HEADERS = ("x-timestamp", "x-signature")

# The 422 codes that a schema-valid request can get, by operation: they depend
# on what the server holds (the OTP it sent, the webhooks registered), which no
# schema can state. `schemathesis.toml` lets these operations answer a
# schema-valid request with 422; `rejected_only_for_server_state` makes sure
# such a 422 is one of these codes, never `validation_error`, `invalid_json`
# or `invalid_amount_format`.
STATE_CODES = {
    "POST /v1/otp/verify": {"invalid_otp", "otp_expired"},
    "POST /v1/webhooks": {"already_exists"},
}

# Recipients with this prefix fail at the demo's simulated WhatsApp gateway,
# by design (the end-to-end scenarios provoke those errors on purpose).
# `map_body` keeps generated recipients off it, so that a 502 or
# `test_message_failed` here is never the demo's planned failure.
FAILING_NUMBER_PREFIX = os.environ["SERVICE_FAILING_NUMBER_PREFIX"]

# Every other operation must answer some generated request with a 2xx, to
# show that the run got past authentication and the signature into the
# handlers. These two cannot: the run is not given the admin key, because
# turning maintenance on would answer every later request with 503; and an
# OTP's code is random and only ever sent to the phone.
MUST_SUCCEED_EXCEPT = {"PUT /admin/maintenance", "POST /v1/otp/verify"}


def _signer(secret: bytes):
    """A `requests` auth callable: it runs on the prepared request, after the
    body is serialized, so the signature covers the exact bytes sent."""

    def sign(request):
        timestamp = str(int(time.time()))
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode()
        mac = hmac.new(secret, f"{timestamp}.".encode() + body, hashlib.sha256)
        request.headers["X-Timestamp"] = timestamp
        request.headers["X-Signature"] = mac.hexdigest()
        return request

    return sign


@schemathesis.hook
def before_call(context, case, kwargs):
    """Signs a case whose signature headers were generated valid.

    A case that leaves a signature header out or makes it invalid is sent as
    drawn, so that the server's 401 for it is checked too.
    """
    sent = {name.lower() for name in (case.headers or {})}
    if not all(name in sent for name in SIGNED_HEADERS):
        return
    meta = case.meta
    if meta is not None and meta.is_negative_at(ParameterLocation.HEADER):
        return
    kwargs["auth"] = _signer(os.environ["SERVICE_SIGNING_SECRET"].encode())


@schemathesis.hook
def map_body(context, body):
    """Moves a recipient off `FAILING_NUMBER_PREFIX`, keeping its length."""
    if isinstance(body, dict):
        to = body.get("to")
        if isinstance(to, str) and to.startswith(FAILING_NUMBER_PREFIX):
            prefix = "+" + "0" * (len(FAILING_NUMBER_PREFIX) - 1)
            body = {**body, "to": prefix + to[len(FAILING_NUMBER_PREFIX) :]}
    return body


def _label(case):
    # The operation's, not the request's: a check may send another method.
    operation = case.operation
    return f"{operation.method.upper()} {operation.path}"


def _error_code(response):
    try:
        body = json.loads(response.content)
    except ValueError:
        return None
    return body.get("error") if isinstance(body, dict) else None


def _is_positive(case):
    return case.meta is not None and case.meta.generation.mode.is_positive


@schemathesis.check
def rejected_only_for_server_state(ctx, response, case):
    """A schema-valid request answered with 422 got a code of `STATE_CODES`."""
    if response.status_code != 422 or not _is_positive(case):
        return None
    code = _error_code(response)
    if code not in STATE_CODES.get(_label(case), set()):
        raise AssertionError(
            f"a schema-valid request was rejected with {code!r}, "
            "which no state of the server explains"
        )
    return None


@schemathesis.check
def stays_under_the_rate_limit(ctx, response, case):
    """No request met `rate_limit_exceeded`: the run keeps to the token's limit
    (`rate-limit` in `schemathesis.toml`), and a request stopped by it would
    test nothing."""
    if response.status_code == 429 and _error_code(response) == "rate_limit_exceeded":
        raise AssertionError("the run exceeded the token's rate limit")
    return None


@schemathesis.check
class ReachesTheHandlers:
    """Every tested operation but `MUST_SUCCEED_EXCEPT` returned a 2xx once."""

    def __init__(self):
        self.tested = set()
        self.succeeded = set()

    def after_response(self, ctx, response, case):
        label = _label(case)
        self.tested.add(label)
        if 200 <= response.status_code < 300:
            self.succeeded.add(label)

    def after_run(self, ctx):
        never = self.tested - self.succeeded - MUST_SUCCEED_EXCEPT
        if never:
            raise AssertionError("never answered with a 2xx: " + ", ".join(sorted(never)))
