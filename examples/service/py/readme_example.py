"""Read the account, handling the API's errors (the README's Python example)."""

import json
import sys
import urllib.error
import urllib.request

from errors import (
    ApiError,
    TooManyRequestsError,
    UnauthorizedError,
    is_error_body,
    is_error_code,
    retry_after_seconds,
)


def account(base_url: str, token: str) -> object:
    """Return the caller's account, or raise the API's error."""
    request = urllib.request.Request(
        f"{base_url}/v1/account", headers={"X-Token": token}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read(1 << 20))
    except urllib.error.HTTPError as response:
        # Error bodies are small: read at most 1 MiB of one.
        body = response.read(1 << 20)
        # ValueError for a body that is not the API's (a proxy's HTML page).
        raise ApiError.from_response(response.code, body) from None


def main() -> None:
    """Print the account, or what to do about the error."""
    base_url, token = sys.argv[1:3]
    try:
        print(account(base_url, token))
    except UnauthorizedError as error:
        print(f"get a new token: {error.message} ({error.code})")
    except TooManyRequestsError as error:
        seconds = retry_after_seconds(error.body) if is_error_body(error.body) else None
        print(f"retry in {seconds or 60} s: {error.message}")
    except ApiError as error:
        if is_error_code(error.code):
            print(f"{error.status}: {error.message} ({error.code})")
        else:
            # A code added after errors.py was generated: decide by the status.
            print(f"{error.status}, a newer code: {error.message} ({error.code})")


if __name__ == "__main__":
    main()
