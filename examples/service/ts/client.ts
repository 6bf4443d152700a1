// A TypeScript client for the example API, on the generated errors.ts.
//
// It checks every error response with `isReceivedErrorBody`, which accepts any
// string code: when the server adds a code after this client was built, the
// client still gets the code and the message as sent, and decides what to do
// from the HTTP status (`recovery`). How long to wait before a retry is never
// guessed: it is what the server says, in the body's `details.retry_after`
// (`retryAfterSeconds`) or the `Retry-After` header, or else exponential
// backoff from BACKOFF_START_SECONDS for a code whose `ERRORS[code].retry` is
// "backoff". Responses that are not the API's (a
// proxy's HTML page, a body over MAX_BODY_BYTES) are errors of their own,
// never an exception. Runs on Node.js 20 or later (global `fetch`), and in
// browsers if `sign` is given another HMAC implementation.

import { createHmac } from "node:crypto";

import {
  ERRORS,
  isErrorBody,
  isReceivedErrorBody,
  retryAfterSeconds,
  type ErrorBody,
  type FieldViolation,
  type ReceivedErrorBody,
} from "../../../generated/errors.js";

/** The largest response body the client reads. Error bodies are a few hundred bytes. */
export const MAX_BODY_BYTES: number = 1 << 20;

/**
 * The first wait of a "backoff" recovery, in seconds, which doubles with each
 * attempt up to BACKOFF_MAX_SECONDS: for codes whose `ERRORS[code].retry` is
 * "backoff" when the server says no time, and for requests that did not
 * complete.
 */
export const BACKOFF_START_SECONDS: number = 1;

/** The longest wait of a "backoff" recovery, in seconds. */
export const BACKOFF_MAX_SECONDS: number = 60;

/** Why a call failed. */
export type ClientError =
  /** The API answered with an error: a known code, or a newer one. */
  | {
      readonly kind: "api";
      readonly status: number;
      readonly body: ReceivedErrorBody;
      /** The `Retry-After` header's seconds, if the response had one. */
      readonly retryAfter: number | undefined;
    }
  /** The response body is over MAX_BODY_BYTES. */
  | { readonly kind: "too-large"; readonly status: number }
  /** The response is not what the API sends: not JSON, or JSON of another shape. */
  | { readonly kind: "unexpected"; readonly status: number; readonly reason: string }
  /** The request did not complete. */
  | { readonly kind: "transport"; readonly reason: string };

/** A call's result: the value, or why there is none. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ClientError };

/** What to do about a failed call. */
export type Recovery =
  /** Try again after the seconds the server said. */
  | { readonly kind: "retry"; readonly afterSeconds: number }
  /** Transient: try again with exponential backoff (see `delaySeconds`). */
  | { readonly kind: "backoff" }
  | { readonly kind: "reauthenticate" }
  | { readonly kind: "fix-request" }
  | { readonly kind: "add-funds" }
  | { readonly kind: "give-up" };

const retry = (afterSeconds: number): Recovery => ({ kind: "retry", afterSeconds: Math.max(0, afterSeconds) });
const BACKOFF: Recovery = { kind: "backoff" };
const REAUTHENTICATE: Recovery = { kind: "reauthenticate" };
const FIX_REQUEST: Recovery = { kind: "fix-request" };
const ADD_FUNDS: Recovery = { kind: "add-funds" };
const GIVE_UP: Recovery = { kind: "give-up" };

/**
 * What to do about `error`, decided by code. A code this client does not know
 * (the server is newer), or one whose details are not what this client's
 * catalogue says, is handled by its HTTP status.
 *
 * The wait of a code to retry is the server's: `retryAfterSeconds(body)` for
 * a code whose `ERRORS[code].retry` is "after"; else the `Retry-After` header;
 * else backoff for one whose retry is "backoff".
 */
export function recovery(error: ClientError): Recovery {
  switch (error.kind) {
    case "api":
      return isErrorBody(error.body) ? byCode(error.body, error.retryAfter) : byStatus(error.status, error.retryAfter);
    case "transport":
      return BACKOFF;
    case "too-large":
    case "unexpected":
      return GIVE_UP;
  }
}

/**
 * How long to wait, in seconds, before attempt `attempt` (0 for the first
 * retry), or `undefined` when retrying does not help: the server's delay for
 * "retry", and BACKOFF_START_SECONDS doubled per attempt, up to
 * BACKOFF_MAX_SECONDS, for "backoff".
 */
export function delaySeconds(recovery: Recovery, attempt: number): number | undefined {
  switch (recovery.kind) {
    case "retry":
      return recovery.afterSeconds;
    case "backoff":
      return Math.min(BACKOFF_START_SECONDS * 2 ** attempt, BACKOFF_MAX_SECONDS);
    case "reauthenticate":
    case "fix-request":
    case "add-funds":
    case "give-up":
      return undefined;
  }
}

/** What the catalogue says about retrying `body`'s code, with the server's numbers. */
function serverWait(body: ErrorBody, header: number | undefined): Recovery {
  const seconds = retryAfterSeconds(body);
  if (seconds !== undefined) return retry(seconds);
  switch (ERRORS[body.error].retry) {
    case "after":
    case "backoff":
      return header === undefined ? BACKOFF : retry(header);
    case "never":
      return GIVE_UP;
  }
}

function byCode(body: ErrorBody, header: number | undefined): Recovery {
  const code = body.error;
  // Every code is a case and the default is `never`: a code added to the
  // catalogue is a type error here until it is handled.
  switch (code) {
    case "missing_auth_headers":
    case "invalid_token":
    case "token_inactive":
    case "token_expired":
    case "unauthorized":
    case "token_deleted":
      return REAUTHENTICATE;
    // The clock or the signing code is off, not the token.
    case "missing_signature":
    case "invalid_signature":
    case "signature_expired":
    case "payg_confirm_required":
    case "validation_error":
    case "already_exists":
    case "invalid_json":
    case "invalid_amount_format":
    case "invalid_otp":
    case "otp_expired":
    case "test_message_failed":
      return FIX_REQUEST;
    case "insufficient_balance":
    case "no_api_access":
    case "plan_limit_reached":
    case "payg_limit_reached":
      return ADD_FUNDS;
    case "rate_limit_exceeded":
    case "otp_wait_required":
    case "send_message_failed":
    case "send_media_failed":
    case "server_down":
    case "session_not_ready":
    case "maintenance_mode":
      return serverWait(body, header);
    case "ip_not_allowed":
    case "otp_resend_limit":
    case "too_many_attempts":
    case "internal_error":
      return GIVE_UP;
    default: {
      const unhandled: never = code;
      return unhandled;
    }
  }
}

/** How to handle a code this client does not know: by its status, waiting what `Retry-After` says, if anything. */
function byStatus(status: number, header: number | undefined): Recovery {
  if (status === 401 || status === 403) return REAUTHENTICATE;
  if (status === 402) return ADD_FUNDS;
  if (status === 500) return GIVE_UP;
  if (status === 429 || (status > 500 && status <= 599)) return header === undefined ? BACKOFF : retry(header);
  return FIX_REQUEST;
}

/** The inputs the server refused, and why, for `validation_error`; none for every other error. */
export function violations(error: ClientError): readonly FieldViolation[] {
  if (error.kind !== "api" || !isErrorBody(error.body)) return [];
  const body = error.body;
  return body.error === "validation_error" ? body.details.violations : [];
}

/** A human-readable account of `error`, with each input the server refused. */
export function describe(error: ClientError): string {
  switch (error.kind) {
    case "api": {
      const refused = violations(error).map((violation) => `\n  ${violation.field}: ${violation.reason}`);
      return `${error.status}: ${error.body.message} (${error.body.error})${refused.join("")}`;
    }
    case "too-large":
      return `${error.status}: the response body is over ${MAX_BODY_BYTES} bytes`;
    case "unexpected":
      return `${error.status}: not a response of the API: ${error.reason}`;
    case "transport":
      return `the request failed: ${error.reason}`;
  }
}

/**
 * Reads a response: a success body that passes `isValue`, or the error it is.
 * Never throws: a body that is too large, not JSON or of another shape is an
 * error of its own kind.
 */
export async function readResponse<T>(response: Response, isValue: (value: unknown) => value is T): Promise<Outcome<T>> {
  const status = response.status;
  const body = await readBody(response);
  if (body === undefined) {
    return { ok: false, error: { kind: "too-large", status } };
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch (error) {
    const reason = `${String(error)}; the body starts with ${JSON.stringify(new TextDecoder().decode(body.slice(0, 80)))}`;
    return { ok: false, error: { kind: "unexpected", status, reason } };
  }
  if (response.ok) {
    return isValue(json)
      ? { ok: true, value: json }
      : { ok: false, error: { kind: "unexpected", status, reason: "the success body has another shape" } };
  }
  const retryAfter = retryAfterHeader(response.headers);
  if (!isReceivedErrorBody(json)) {
    const reason = `not an error body: ${JSON.stringify(json).slice(0, 80)}`;
    return { ok: false, error: { kind: "unexpected", status, reason } };
  }
  return { ok: false, error: { kind: "api", status, body: json, retryAfter } };
}

/** The `Retry-After` header's seconds; `undefined` without one, or with an HTTP date (which this API does not send). */
export function retryAfterHeader(headers: Headers): number | undefined {
  const value = headers.get("retry-after")?.trim();
  return value !== undefined && /^[0-9]+$/.test(value) ? Number(value) : undefined;
}

/** The body, read chunk by chunk so that a huge or endless one stops at the limit; `undefined` when over it. */
async function readBody(response: Response): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES || response.body === null) {
    await response.body?.cancel();
    return declared > MAX_BODY_BYTES ? undefined : new Uint8Array();
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > MAX_BODY_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * The signature of a request with `body` sent at `timestamp` (seconds since
 * 1970), as `X-Signature` carries it: the hex HMAC-SHA256 of
 * `<timestamp>.<body>`, keyed with the token's signing secret.
 */
export function sign(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** The caller's account. */
export interface Account {
  readonly name: string;
  readonly plan_messages_left: number | null;
  readonly wallet_cents: number;
}

function isAccount(value: unknown): value is Account {
  return typeof value === "object" && value !== null && "name" in value && typeof value.name === "string";
}

/** A message handed to WhatsApp. */
export interface MessageSent {
  readonly charged_cents: number;
}

function isMessageSent(value: unknown): value is MessageSent {
  return typeof value === "object" && value !== null && "charged_cents" in value && typeof value.charged_cents === "number";
}

/** A client with an API token and its signing secret. */
export class Client {
  readonly #baseUrl: string;
  readonly #token: string;
  readonly #signingSecret: string;

  constructor(baseUrl: string, token: string, signingSecret: string) {
    this.#baseUrl = baseUrl.replace(/\/+$/, "");
    this.#token = token;
    this.#signingSecret = signingSecret;
  }

  /** Sends a request to `path` with the token; with `signed`, also the signature headers. */
  async send(method: string, path: string, body?: unknown, signed = false): Promise<Outcome<Response>> {
    const headers: Record<string, string> = { "X-Token": this.#token };
    const text = body === undefined ? undefined : JSON.stringify(body);
    if (text !== undefined) headers["Content-Type"] = "application/json";
    if (signed) {
      const timestamp = Math.floor(Date.now() / 1000);
      headers["X-Timestamp"] = String(timestamp);
      headers["X-Signature"] = sign(this.#signingSecret, timestamp, text ?? "");
    }
    try {
      const init: RequestInit = { method, headers, signal: AbortSignal.timeout(30_000) };
      if (text !== undefined) init.body = text;
      return { ok: true, value: await fetch(`${this.#baseUrl}${path}`, init) };
    } catch (error) {
      return { ok: false, error: { kind: "transport", reason: String(error) } };
    }
  }

  /** The caller's account. */
  async account(): Promise<Outcome<Account>> {
    const sent = await this.send("GET", "/v1/account");
    return sent.ok ? readResponse(sent.value, isAccount) : sent;
  }

  /** Sends a text message. */
  async sendMessage(to: string, text: string, confirmCharge = false): Promise<Outcome<MessageSent>> {
    const sent = await this.send("POST", "/v1/messages", { to, text, confirm_charge: confirmCharge }, true);
    return sent.ok ? readResponse(sent.value, isMessageSent) : sent;
  }
}
