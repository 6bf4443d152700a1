// Type tests and real bodies of the errors.ts of tests/ts/layouts/openai.yaml
// (string codes, some with `/` and `:`, nested under `error`, the params in
// `error.details`), compiled and run as nested.ts is.

import {
  ERRORS,
  isErrorBody,
  isErrorCode,
  isReceivedErrorBody,
  retryAfterSeconds,
  type BadRequestCode,
  type ErrorBody,
  type ReceivedErrorBody,
} from "./errors.js";
import { parsedBodies } from "./bodies.js";

declare const console: { log(...data: unknown[]): void };

const failures: string[] = [];
let checks = 0;

function check(ok: boolean, what: string): void {
  checks += 1;
  if (!ok) {
    failures.push(what);
  }
}

// Codes with `/` and `:` are codes like any other.
export const slash: BadRequestCode = "auth/invalid-email";
export const colon: BadRequestCode = "storage:quota-exceeded";
export const status: 400 = ERRORS["auth/invalid-email"].status;
// @ts-expect-error a code is written as it is sent
export const underscore: BadRequestCode = "auth_invalid_email";

// The details go beside the code, in `error.details`.
export const plain: ErrorBody = { error: { code: "auth/invalid-email", message: "…" } };
export const detailed: ErrorBody = { error: { code: "invalid_request", message: "…", details: { param: "model" } } };
// @ts-expect-error the details go under `error`
export const outside: ErrorBody = { error: { code: "invalid_request", message: "…" }, details: { param: "model" } };
// @ts-expect-error the code goes under `error`
export const flat: ErrorBody = { code: "auth/invalid-email", message: "…" };

export function describe(body: ErrorBody): string {
  if (body.error.code === "invalid_request") {
    return body.error.details.param;
  }
  return body.error.message;
}

// Run time: OpenAI's body of invalid_api_key, a code of this catalogue.
const bodies = Object.fromEntries(parsedBodies());
const openai: unknown = bodies["openai"];
check(isErrorBody(openai), "isErrorBody takes OpenAI's body of invalid_api_key");
check(isReceivedErrorBody(openai), "isReceivedErrorBody takes OpenAI's body of invalid_api_key");
const rateLimited: unknown = JSON.parse(
  '{"error":{"message":"Rate limit reached; retry after 20 seconds.","type":"requests","param":null,"code":"rate_limit_exceeded","details":{"retry_after":20}}}',
);
check(isErrorBody(rateLimited) && retryAfterSeconds(rateLimited) === 20, "retryAfterSeconds reads error.details.retry_after");
const firebase: unknown = JSON.parse('{"error":{"code":"auth/invalid-email","message":"The email address is badly formatted."}}');
check(isErrorBody(firebase), "a code with a slash");
// Stripe sends OpenAI's layout (and more), so its body is received, with a code this catalogue does not have.
const stripe: unknown = bodies["stripe"];
check(!isErrorBody(stripe), "isErrorBody rejects Stripe's code, which the catalogue does not have");
check(isReceivedErrorBody(stripe), "isReceivedErrorBody takes Stripe's body, which has this layout");
if (isReceivedErrorBody(stripe)) {
  const received: ReceivedErrorBody = stripe;
  check(!isErrorCode(received.error.code) && received.error.code === "resource_missing", "a newer code is kept as sent");
}
for (const [api, body] of parsedBodies()) {
  if (api !== "openai" && api !== "stripe") {
    check(!isErrorBody(body), `isErrorBody rejects the body of ${api}`);
    check(!isReceivedErrorBody(body), `isReceivedErrorBody rejects the body of ${api}`);
  }
}

if (failures.length > 0) {
  throw new Error(`${failures.length} of ${checks} checks failed:\n${failures.join("\n")}`);
}
console.log(`ok: ${checks} checks`);
