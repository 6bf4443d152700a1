// Generated from errors.yaml by error-codes; do not edit.

/**
 * Errors & Troubleshooting
 *
 * We use standard HTTP status codes to indicate the success or failure of your API requests. In general:
 *
 * - 2xx: Success
 * - 4xx: Client error (check your input, auth, or limits)
 * - 5xx: Server error (our fault or upstream issue)
 *
 * All error responses return a JSON object with error (code) and message (human-readable) fields.
 *
 * Version 1.0.0.
 *
 * @packageDocumentation
 */

/** Every error code, in catalogue order. */
export const ERROR_CODES = [
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
] as const;

/** An error code, as sent in the `error` field of an {@link ErrorBody}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes sent with HTTP status 401 Unauthorized. */
export type UnauthorizedCode =
  | "missing_auth_headers"
  | "invalid_token"
  | "token_inactive"
  | "token_expired"
  | "unauthorized"
  | "missing_signature"
  | "invalid_signature"
  | "signature_expired";

/** Codes sent with HTTP status 402 Payment Required. */
export type PaymentRequiredCode = "insufficient_balance";

/** Codes sent with HTTP status 403 Forbidden. */
export type ForbiddenCode =
  | "ip_not_allowed"
  | "token_deleted"
  | "no_api_access";

/** Codes sent with HTTP status 409 Conflict. */
export type ConflictCode = "payg_confirm_required";

/**
 * Codes sent with HTTP status 422 Unprocessable Entity.
 *
 * Validation errors or domain-specific logic failures.
 */
export type UnprocessableEntityCode =
  | "validation_error"
  | "already_exists"
  | "invalid_json"
  | "invalid_amount_format"
  | "invalid_otp"
  | "otp_expired"
  | "test_message_failed";

/** Codes sent with HTTP status 429 Too Many Requests. */
export type TooManyRequestsCode =
  | "rate_limit_exceeded"
  | "plan_limit_reached"
  | "payg_limit_reached"
  | "otp_wait_required"
  | "otp_resend_limit"
  | "too_many_attempts";

/** Codes sent with HTTP status 500 Internal Server Error. */
export type InternalServerErrorCode = "internal_error";

/**
 * Codes sent with HTTP status 502 Bad Gateway.
 *
 * Connectivity issues.
 */
export type BadGatewayCode =
  | "send_message_failed"
  | "send_media_failed";

/** Codes sent with HTTP status 503 Service Unavailable. */
export type ServiceUnavailableCode =
  | "server_down"
  | "session_not_ready"
  | "maintenance_mode";

/**
 * The HTTP status, message and retry advice of every error code.
 *
 * `ERRORS[code].status` has the status's literal type, e.g. `401`.
 * `ERRORS[code].retry` says whether a client may send the request again:
 * `"never"`, `"backoff"` (with exponential backoff) or `"after"` (after
 * the seconds in the body's `details.retry_after`).
 */
export const ERRORS = {
  /**
   * Headers X-Token are missing.
   *
   * Sent with HTTP status 401 Unauthorized.
   * Do not retry: the same request fails the same way.
   */
  missing_auth_headers: {
    status: 401,
    message: "Headers X-Token are missing.",
    retry: "never",
  },
  /**
   * The API Token provided is invalid.
   *
   * Sent with HTTP status 401 Unauthorized.
   * Do not retry: the same request fails the same way.
   */
  invalid_token: {
    status: 401,
    message: "The API Token provided is invalid.",
    retry: "never",
  },
  /**
   * The API Token exists but is currently disabled.
   *
   * Sent with HTTP status 401 Unauthorized.
   * Do not retry: the same request fails the same way.
   */
  token_inactive: {
    status: 401,
    message: "The API Token exists but is currently disabled.",
    retry: "never",
  },
  /**
   * The API Token has expired.
   *
   * Sent with HTTP status 401 Unauthorized.
   * Do not retry: the same request fails the same way.
   */
  token_expired: {
    status: 401,
    message: "The API Token has expired.",
    retry: "never",
  },
  /**
   * Generic authentication failure.
   *
   * Sent with HTTP status 401 Unauthorized.
   * Do not retry: the same request fails the same way.
   */
  unauthorized: {
    status: 401,
    message: "Generic authentication failure.",
    retry: "never",
  },
  /**
   * Signature header is missing.
   *
   * Sent with HTTP status 401 Unauthorized.
   * Do not retry: the same request fails the same way.
   */
  missing_signature: {
    status: 401,
    message: "Signature header is missing.",
    retry: "never",
  },
  /**
   * Signature is invalid.
   *
   * Sent with HTTP status 401 Unauthorized.
   * Do not retry: the same request fails the same way.
   */
  invalid_signature: {
    status: 401,
    message: "Signature is invalid.",
    retry: "never",
  },
  /**
   * Signature timestamp is too old.
   *
   * Sent with HTTP status 401 Unauthorized.
   * Do not retry: the same request fails the same way.
   */
  signature_expired: {
    status: 401,
    message: "Signature timestamp is too old.",
    retry: "never",
  },
  /**
   * Your wallet balance is insufficient for this operation. Top up your wallet in the dashboard.
   *
   * Sent with HTTP status 402 Payment Required.
   * Do not retry: the same request fails the same way.
   */
  insufficient_balance: {
    status: 402,
    message: "Your wallet balance is insufficient for this operation. Top up your wallet in the dashboard.",
    retry: "never",
  },
  /**
   * Request IP is not in your allowlist.
   *
   * Sent with HTTP status 403 Forbidden.
   * Do not retry: the same request fails the same way.
   */
  ip_not_allowed: {
    status: 403,
    message: "Request IP is not in your allowlist.",
    retry: "never",
  },
  /**
   * The API Token has been deleted.
   *
   * Sent with HTTP status 403 Forbidden.
   * Do not retry: the same request fails the same way.
   */
  token_deleted: {
    status: 403,
    message: "The API Token has been deleted.",
    retry: "never",
  },
  /**
   * You do not have API access. Activate a subscription or top up your wallet.
   *
   * Sent with HTTP status 403 Forbidden.
   * Do not retry: the same request fails the same way.
   */
  no_api_access: {
    status: 403,
    message: "You do not have API access. Activate a subscription or top up your wallet.",
    retry: "never",
  },
  /**
   * This action requires explicit confirmation that it will charge your wallet (PAYG).
   *
   * Sent with HTTP status 409 Conflict.
   * Do not retry: the same request fails the same way.
   */
  payg_confirm_required: {
    status: 409,
    message: "This action requires explicit confirmation that it will charge your wallet (PAYG).",
    retry: "never",
  },
  /**
   * One or more inputs failed validation.
   *
   * Sent with HTTP status 422 Unprocessable Entity.
   * Do not retry: the same request fails the same way.
   */
  validation_error: {
    status: 422,
    message: "One or more inputs failed validation.",
    retry: "never",
  },
  /**
   * The resource you are trying to create already exists.
   *
   * Sent with HTTP status 422 Unprocessable Entity.
   * Do not retry: the same request fails the same way.
   */
  already_exists: {
    status: 422,
    message: "The resource you are trying to create already exists.",
    retry: "never",
  },
  /**
   * The request body or specific field contains invalid JSON.
   *
   * Sent with HTTP status 422 Unprocessable Entity.
   * Do not retry: the same request fails the same way.
   */
  invalid_json: {
    status: 422,
    message: "The request body or specific field contains invalid JSON.",
    retry: "never",
  },
  /**
   * The amount format is invalid.
   *
   * Sent with HTTP status 422 Unprocessable Entity.
   * Do not retry: the same request fails the same way.
   */
  invalid_amount_format: {
    status: 422,
    message: "The amount format is invalid.",
    retry: "never",
  },
  /**
   * The provided OTP is invalid.
   *
   * Sent with HTTP status 422 Unprocessable Entity.
   * Do not retry: the same request fails the same way.
   */
  invalid_otp: {
    status: 422,
    message: "The provided OTP is invalid.",
    retry: "never",
  },
  /**
   * The OTP has expired.
   *
   * Sent with HTTP status 422 Unprocessable Entity.
   * Do not retry: the same request fails the same way.
   */
  otp_expired: {
    status: 422,
    message: "The OTP has expired.",
    retry: "never",
  },
  /**
   * Sending the test message failed.
   *
   * Sent with HTTP status 422 Unprocessable Entity.
   * Do not retry: the same request fails the same way.
   */
  test_message_failed: {
    status: 422,
    message: "Sending the test message failed.",
    retry: "never",
  },
  /**
   * You have exceeded the global rate limit. Slow down.
   *
   * Sent with HTTP status 429 Too Many Requests.
   * Retry after the number of seconds in `retry_after` (also sent as the `Retry-After` header).
   */
  rate_limit_exceeded: {
    status: 429,
    message: "You have exceeded the global rate limit. Slow down.",
    retry: "after",
  },
  /**
   * You have reached the usage limit of your current plan.
   *
   * Sent with HTTP status 429 Too Many Requests.
   * Do not retry: the same request fails the same way.
   */
  plan_limit_reached: {
    status: 429,
    message: "You have reached the usage limit of your current plan.",
    retry: "never",
  },
  /**
   * You have reached your set PAYG spending limit.
   *
   * Sent with HTTP status 429 Too Many Requests.
   * Do not retry: the same request fails the same way.
   */
  payg_limit_reached: {
    status: 429,
    message: "You have reached your set PAYG spending limit.",
    retry: "never",
  },
  /**
   * You must wait before requesting another OTP.
   *
   * Sent with HTTP status 429 Too Many Requests.
   * Retry after the number of seconds in `retry_after` (also sent as the `Retry-After` header).
   */
  otp_wait_required: {
    status: 429,
    message: "You must wait before requesting another OTP.",
    retry: "after",
  },
  /**
   * You have reached the maximum OTP resend attempts.
   *
   * Sent with HTTP status 429 Too Many Requests.
   * Do not retry: the same request fails the same way.
   */
  otp_resend_limit: {
    status: 429,
    message: "You have reached the maximum OTP resend attempts.",
    retry: "never",
  },
  /**
   * Too many failed attempts.
   *
   * Sent with HTTP status 429 Too Many Requests.
   * Do not retry: the same request fails the same way.
   */
  too_many_attempts: {
    status: 429,
    message: "Too many failed attempts.",
    retry: "never",
  },
  /**
   * An unexpected internal error occurred. Please contact support.
   *
   * Sent with HTTP status 500 Internal Server Error.
   * Do not retry: the same request fails the same way.
   */
  internal_error: {
    status: 500,
    message: "An unexpected internal error occurred. Please contact support.",
    retry: "never",
  },
  /**
   * Failed to send message.
   *
   * Sent with HTTP status 502 Bad Gateway.
   * Retry with exponential backoff.
   */
  send_message_failed: {
    status: 502,
    message: "Failed to send message.",
    retry: "backoff",
  },
  /**
   * Failed to send media.
   *
   * Sent with HTTP status 502 Bad Gateway.
   * Retry with exponential backoff.
   */
  send_media_failed: {
    status: 502,
    message: "Failed to send media.",
    retry: "backoff",
  },
  /**
   * The server is down or unreachable.
   *
   * Sent with HTTP status 503 Service Unavailable.
   * Retry with exponential backoff.
   */
  server_down: {
    status: 503,
    message: "The server is down or unreachable.",
    retry: "backoff",
  },
  /**
   * The WhatsApp session is starting or not ready yet.
   *
   * Sent with HTTP status 503 Service Unavailable.
   * Retry with exponential backoff.
   */
  session_not_ready: {
    status: 503,
    message: "The WhatsApp session is starting or not ready yet.",
    retry: "backoff",
  },
  /**
   * The application is currently in maintenance mode.
   *
   * Sent with HTTP status 503 Service Unavailable.
   * Retry with exponential backoff.
   */
  maintenance_mode: {
    status: 503,
    message: "The application is currently in maintenance mode.",
    retry: "backoff",
  },
} as const;

/** One input that failed validation. */
export interface FieldViolation {
  /** The input's name as the request sends it, or a JSON pointer to it. */
  field: string;
  /** Why the input was refused. */
  reason: string;
}

/**
 * The `details` of each code that has params, by code: the data an
 * {@link ErrorBody} with that code sends besides its message.
 */
export interface ErrorDetails {
  /** One or more inputs failed validation. */
  validation_error: {
    /** Each input that failed, and why. */
    violations: readonly FieldViolation[];
  };
  /** You have exceeded the global rate limit. Slow down. */
  rate_limit_exceeded: {
    /**
     * Seconds to wait before the next request.
     *
     * An integer.
     */
    retry_after: number;
    /**
     * Requests allowed per minute.
     *
     * An integer.
     */
    limit?: number;
  };
  /** You must wait before requesting another OTP. */
  otp_wait_required: {
    /**
     * Seconds to wait before requesting another OTP.
     *
     * An integer.
     */
    retry_after: number;
  };
}

/**
 * The JSON body of every error response, discriminated by `error`: a code
 * that has params sends them in `details` (see {@link ErrorDetails}).
 */
export type ErrorBody =
  | ErrorBodyWithoutDetails
  | ErrorBodyWithDetails<"validation_error">
  | ErrorBodyWithDetails<"rate_limit_exceeded">
  | ErrorBodyWithDetails<"otp_wait_required">;

/** The JSON body of an error response whose code has no params. */
export interface ErrorBodyWithoutDetails {
  /** What went wrong, for programs. */
  error: Exclude<ErrorCode, keyof ErrorDetails>;
  /** What went wrong, for people. */
  message: string;
}

/** The JSON body of an error response whose code has params. */
export interface ErrorBodyWithDetails<Code extends keyof ErrorDetails> {
  /** What went wrong, for programs. */
  error: Code;
  /** What went wrong, for people, with the values of `details` filled in. */
  message: string;
  /** What went wrong, as data: the code's params. */
  details: ErrorDetails[Code];
}

// A Set, not `code in ERRORS`: `in` would also find inherited keys such as
// "toString" or "__proto__".
const CODES: ReadonlySet<string> = new Set<string>(ERROR_CODES);

/** Whether `value` is one of the {@link ERROR_CODES}. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && CODES.has(value);
}

/** Whether `value` is an object and not an array: what a JSON object parses to. */
function isObject(value: unknown): value is { readonly [name: string]: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Own members only: a member inherited from `Object.prototype` (`toString`)
// is no member that a body sent.
function hasOwn(value: object, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, name);
}

/** Whether `value` is an array and `check` passes each of its items. */
function isArrayOf(value: unknown, check: (item: unknown) => boolean): boolean {
  if (!Array.isArray(value)) {
    return false;
  }
  const items: readonly unknown[] = value;
  // Not `items.every(check)`, which skips the holes of a sparse array.
  for (const item of items) {
    if (!check(item)) {
      return false;
    }
  }
  return true;
}

/** Whether `value` is a {@link FieldViolation}. */
function isFieldViolation(value: unknown): value is FieldViolation {
  return (
    isObject(value) &&
    hasOwn(value, "field") &&
    typeof value["field"] === "string" &&
    hasOwn(value, "reason") &&
    typeof value["reason"] === "string"
  );
}

/**
 * Whether `value` has the shape of an error response body: an `error` that is
 * a known code, a string `message`, and for a code that has params, `details`
 * that hold each of them (an optional one may be left out) with its type (see
 * {@link ErrorDetails}). An integer must be an integer and a number finite.
 * Members that the catalogue does not name are ignored, so that a newer
 * server may add optional params.
 */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (
    !(
      typeof value === "object" &&
      value !== null &&
      "error" in value &&
      isErrorCode(value.error) &&
      "message" in value &&
      typeof value.message === "string"
    )
  ) {
    return false;
  }
  const details: unknown = "details" in value ? value.details : undefined;
  switch (value.error) {
    case "validation_error":
      return (
        isObject(details) &&
        hasOwn(details, "violations") &&
        isArrayOf(details["violations"], isFieldViolation)
      );
    case "rate_limit_exceeded":
      return (
        isObject(details) &&
        hasOwn(details, "retry_after") &&
        Number.isInteger(details["retry_after"]) &&
        (!hasOwn(details, "limit") || Number.isInteger(details["limit"]))
      );
    case "otp_wait_required":
      return (
        isObject(details) &&
        hasOwn(details, "retry_after") &&
        Number.isInteger(details["retry_after"])
      );
    default:
      // A code without params: there are no details to check.
      return true;
  }
}

/**
 * An error response body as a client receives it: `error` is one of the
 * {@link ERROR_CODES}, or a code the server added after this module was
 * generated. {@link isErrorCode} tells them apart.
 */
export interface ReceivedErrorBody {
  /** What went wrong, for programs: a known code, or a newer one. */
  error: ErrorCode | (string & {});
  /** What went wrong, for people, as sent (a server may localize it). */
  message: string;
  /**
   * The data sent with the error, as sent and unchecked: a server built from
   * another version of the catalogue may send other details, or none.
   * {@link isErrorBody} checks them against this catalogue's
   * {@link ErrorDetails}.
   */
  details?: unknown;
}

/**
 * Whether `value` has the shape of an error response body with any string
 * `error` and a string `message`. Clients check responses with this rather
 * than {@link isErrorBody}, so that a newer server's codes do not break them;
 * `isErrorCode(body.error)` then narrows the code to the known ones.
 */
export function isReceivedErrorBody(value: unknown): value is ReceivedErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    "error" in value &&
    typeof value.error === "string" &&
    "message" in value &&
    typeof value.message === "string"
  );
}

/** The HTTP status that `code` is sent with. */
export function statusOf(code: ErrorCode): number {
  return ERRORS[code].status;
}

/**
 * How many seconds to wait before sending the request that failed with
 * `body` again: its `details.retry_after` when its code's retry is `"after"`,
 * else `undefined` (see `ERRORS[body.error].retry` for the others).
 */
export function retryAfterSeconds(body: ErrorBody): number | undefined {
  switch (body.error) {
    case "rate_limit_exceeded":
    case "otp_wait_required":
      return body.details.retry_after;
    default:
      return undefined;
  }
}
