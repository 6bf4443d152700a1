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
 * The HTTP status and message of every error code.
 *
 * `ERRORS[code].status` has the status's literal type, e.g. `401`.
 */
export const ERRORS = {
  /**
   * Headers X-Token are missing.
   *
   * Sent with HTTP status 401 Unauthorized.
   */
  missing_auth_headers: {
    status: 401,
    message: "Headers X-Token are missing.",
  },
  /**
   * The API Token provided is invalid.
   *
   * Sent with HTTP status 401 Unauthorized.
   */
  invalid_token: {
    status: 401,
    message: "The API Token provided is invalid.",
  },
  /**
   * The API Token exists but is currently disabled.
   *
   * Sent with HTTP status 401 Unauthorized.
   */
  token_inactive: {
    status: 401,
    message: "The API Token exists but is currently disabled.",
  },
  /**
   * The API Token has expired.
   *
   * Sent with HTTP status 401 Unauthorized.
   */
  token_expired: {
    status: 401,
    message: "The API Token has expired.",
  },
  /**
   * Generic authentication failure.
   *
   * Sent with HTTP status 401 Unauthorized.
   */
  unauthorized: {
    status: 401,
    message: "Generic authentication failure.",
  },
  /**
   * Signature header is missing.
   *
   * Sent with HTTP status 401 Unauthorized.
   */
  missing_signature: {
    status: 401,
    message: "Signature header is missing.",
  },
  /**
   * Signature is invalid.
   *
   * Sent with HTTP status 401 Unauthorized.
   */
  invalid_signature: {
    status: 401,
    message: "Signature is invalid.",
  },
  /**
   * Signature timestamp is too old.
   *
   * Sent with HTTP status 401 Unauthorized.
   */
  signature_expired: {
    status: 401,
    message: "Signature timestamp is too old.",
  },
  /**
   * Your wallet balance is insufficient for this operation. Top up your wallet in the dashboard.
   *
   * Sent with HTTP status 402 Payment Required.
   */
  insufficient_balance: {
    status: 402,
    message: "Your wallet balance is insufficient for this operation. Top up your wallet in the dashboard.",
  },
  /**
   * Request IP is not in your allowlist.
   *
   * Sent with HTTP status 403 Forbidden.
   */
  ip_not_allowed: {
    status: 403,
    message: "Request IP is not in your allowlist.",
  },
  /**
   * The API Token has been deleted.
   *
   * Sent with HTTP status 403 Forbidden.
   */
  token_deleted: {
    status: 403,
    message: "The API Token has been deleted.",
  },
  /**
   * You do not have API access. Activate a subscription or top up your wallet.
   *
   * Sent with HTTP status 403 Forbidden.
   */
  no_api_access: {
    status: 403,
    message: "You do not have API access. Activate a subscription or top up your wallet.",
  },
  /**
   * This action requires explicit confirmation that it will charge your wallet (PAYG).
   *
   * Sent with HTTP status 409 Conflict.
   */
  payg_confirm_required: {
    status: 409,
    message: "This action requires explicit confirmation that it will charge your wallet (PAYG).",
  },
  /**
   * One or more inputs failed validation.
   *
   * Sent with HTTP status 422 Unprocessable Entity.
   */
  validation_error: {
    status: 422,
    message: "One or more inputs failed validation.",
  },
  /**
   * The resource you are trying to create already exists.
   *
   * Sent with HTTP status 422 Unprocessable Entity.
   */
  already_exists: {
    status: 422,
    message: "The resource you are trying to create already exists.",
  },
  /**
   * The request body or specific field contains invalid JSON.
   *
   * Sent with HTTP status 422 Unprocessable Entity.
   */
  invalid_json: {
    status: 422,
    message: "The request body or specific field contains invalid JSON.",
  },
  /**
   * The amount format is invalid.
   *
   * Sent with HTTP status 422 Unprocessable Entity.
   */
  invalid_amount_format: {
    status: 422,
    message: "The amount format is invalid.",
  },
  /**
   * The provided OTP is invalid.
   *
   * Sent with HTTP status 422 Unprocessable Entity.
   */
  invalid_otp: {
    status: 422,
    message: "The provided OTP is invalid.",
  },
  /**
   * The OTP has expired.
   *
   * Sent with HTTP status 422 Unprocessable Entity.
   */
  otp_expired: {
    status: 422,
    message: "The OTP has expired.",
  },
  /**
   * Sending the test message failed.
   *
   * Sent with HTTP status 422 Unprocessable Entity.
   */
  test_message_failed: {
    status: 422,
    message: "Sending the test message failed.",
  },
  /**
   * You have exceeded the global rate limit. Slow down.
   *
   * Sent with HTTP status 429 Too Many Requests.
   */
  rate_limit_exceeded: {
    status: 429,
    message: "You have exceeded the global rate limit. Slow down.",
  },
  /**
   * You have reached the usage limit of your current plan.
   *
   * Sent with HTTP status 429 Too Many Requests.
   */
  plan_limit_reached: {
    status: 429,
    message: "You have reached the usage limit of your current plan.",
  },
  /**
   * You have reached your set PAYG spending limit.
   *
   * Sent with HTTP status 429 Too Many Requests.
   */
  payg_limit_reached: {
    status: 429,
    message: "You have reached your set PAYG spending limit.",
  },
  /**
   * You must wait before requesting another OTP.
   *
   * Sent with HTTP status 429 Too Many Requests.
   */
  otp_wait_required: {
    status: 429,
    message: "You must wait before requesting another OTP.",
  },
  /**
   * You have reached the maximum OTP resend attempts.
   *
   * Sent with HTTP status 429 Too Many Requests.
   */
  otp_resend_limit: {
    status: 429,
    message: "You have reached the maximum OTP resend attempts.",
  },
  /**
   * Too many failed attempts.
   *
   * Sent with HTTP status 429 Too Many Requests.
   */
  too_many_attempts: {
    status: 429,
    message: "Too many failed attempts.",
  },
  /**
   * An unexpected internal error occurred. Please contact support.
   *
   * Sent with HTTP status 500 Internal Server Error.
   */
  internal_error: {
    status: 500,
    message: "An unexpected internal error occurred. Please contact support.",
  },
  /**
   * Failed to send message.
   *
   * Sent with HTTP status 502 Bad Gateway.
   */
  send_message_failed: {
    status: 502,
    message: "Failed to send message.",
  },
  /**
   * Failed to send media.
   *
   * Sent with HTTP status 502 Bad Gateway.
   */
  send_media_failed: {
    status: 502,
    message: "Failed to send media.",
  },
  /**
   * The server is down or unreachable.
   *
   * Sent with HTTP status 503 Service Unavailable.
   */
  server_down: {
    status: 503,
    message: "The server is down or unreachable.",
  },
  /**
   * The WhatsApp session is starting or not ready yet.
   *
   * Sent with HTTP status 503 Service Unavailable.
   */
  session_not_ready: {
    status: 503,
    message: "The WhatsApp session is starting or not ready yet.",
  },
  /**
   * The application is currently in maintenance mode.
   *
   * Sent with HTTP status 503 Service Unavailable.
   */
  maintenance_mode: {
    status: 503,
    message: "The application is currently in maintenance mode.",
  },
} as const;

/** The JSON body of every error response. */
export interface ErrorBody {
  /** What went wrong, for programs. */
  error: ErrorCode;
  /** What went wrong, for people. */
  message: string;
}

// A Set, not `code in ERRORS`: `in` would also find inherited keys such as
// "toString" or "__proto__".
const CODES: ReadonlySet<string> = new Set<string>(ERROR_CODES);

/** Whether `value` is one of the {@link ERROR_CODES}. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && CODES.has(value);
}

/**
 * Whether `value` has the shape of an error response body: an `error` that is
 * a known code and a string `message`.
 */
export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    "error" in value &&
    isErrorCode(value.error) &&
    "message" in value &&
    typeof value.message === "string"
  );
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
