// Type tests and real bodies of the errors.ts of tests/ts/layouts/nested.yaml
// (nested under `error`, integer codes, the params in `error.error_data`),
// compiled beside it by tests/tests/typescript/layouts.rs with every pinned
// compiler and then run under Node. Each `@ts-expect-error` line must be a
// type error (the compilers fail when it is not); any failed run-time check
// throws, listing every failure; success prints "ok: <n> checks".

import {
  ERRORS,
  isErrorBody,
  isErrorCode,
  isReceivedErrorBody,
  retryAfterSeconds,
  type BadRequestCode,
  type ErrorBody,
  type ErrorCode,
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

// Codes are number literals.
export const code: ErrorCode = 131047;
export const zero: ErrorCode = 0;
// @ts-expect-error a code is a number, not its digits
export const digits: ErrorCode = "131047";
// @ts-expect-error 131048 is no code of the catalogue
export const unknownCode: ErrorCode = 131048;
export const group: BadRequestCode = 131026;
// @ts-expect-error 0 is sent with 401
export const otherGroup: BadRequestCode = 0;

// The members nest under `error`; a code with params sends them in `error.error_data`.
export const plain: ErrorBody = { error: { code: 131026, message: "…", error_user_title: "Bad Request" } };
// @ts-expect-error the code goes under `error`
export const flat: ErrorBody = { code: 131026, message: "…", error_user_title: "Bad Request" };
// @ts-expect-error the layout sends a title
export const untitled: ErrorBody = { error: { code: 131026, message: "…" } };
export const withParams: ErrorBody = {
  error: { code: 131047, message: "…", error_user_title: "…", error_data: { messaging_product: "whatsapp", details: "…" } },
};
// @ts-expect-error a code with params sends them
export const withoutParams: ErrorBody = { error: { code: 131047, message: "…", error_user_title: "…" } };
// @ts-expect-error the params go in error.error_data, not beside `error`
export const paramsOutside: ErrorBody = { error: { code: 130429, message: "…", error_user_title: "…" }, error_data: { retry_after: 1 } };
// @ts-expect-error the params of another code
export const otherParams: ErrorBody = { error: { code: 131047, message: "…", error_user_title: "…", error_data: { retry_after: 30 } } };
// @ts-expect-error a code without params sends none
export const extraParams: ErrorBody = { error: { code: 131026, message: "…", error_user_title: "…", error_data: { retry_after: 30 } } };

/** Narrowing on `error.code` types the params. */
export function describe(body: ErrorBody): string {
  switch (body.error.code) {
    case 131047:
      return `${body.error.error_data.messaging_product}: ${body.error.error_data.details} (${body.error.error_data.window?.hours ?? "?"} h)`;
    case 130429: {
      const limits: readonly number[] | undefined = body.error.error_data.limits;
      return `wait ${body.error.error_data.retry_after} s (${limits?.join() ?? ""})`;
    }
    default:
      // @ts-expect-error a code without params has no error_data
      return body.error.error_data;
  }
}

// ERRORS is keyed by number, and every code here has a docs URL.
export const docs: "https://developers.example.com/errors#131047" = ERRORS[131047].docs;
export const ownDocs: "https://developers.example.com/graph-api/error-handling" = ERRORS[0].docs;
export function docsOf(code: ErrorCode): string {
  return ERRORS[code].docs;
}

// A received body has any integer code, and its params unchecked.
export const newer: ReceivedErrorBody = { error: { code: 131999, message: "…", error_user_title: "…" } };
// @ts-expect-error a received code is a number still
export const stringCode: ReceivedErrorBody = { error: { code: "131999", message: "…", error_user_title: "…" } };
export function unchecked(body: ReceivedErrorBody): unknown {
  // @ts-expect-error the params are unknown, and may be absent
  return body.error.error_data.retry_after;
}

// Run time: bodies as the wire carries them.
const bodies = Object.fromEntries(parsedBodies());
const meta: unknown = bodies["meta"];
check(isErrorBody(meta), "isErrorBody takes Meta's body of 131047");
check(isReceivedErrorBody(meta), "isReceivedErrorBody takes Meta's body of 131047");
if (isErrorBody(meta)) {
  check(describe(meta).startsWith("whatsapp: Message failed"), "Meta's params are read where they are");
  check(retryAfterSeconds(meta) === undefined, "131047 is not retried after a wait");
}
const rateLimited: unknown = JSON.parse(
  '{"error":{"message":"(#130429) Rate limit hit","type":"OAuthException","code":130429,"error_data":{"retry_after":30,"limits":[80]},"error_user_title":"Rate limit hit","fbtrace_id":"A1"}}',
);
check(isErrorBody(rateLimited) && retryAfterSeconds(rateLimited) === 30, "retryAfterSeconds reads error.error_data.retry_after");
const newerCode: unknown = JSON.parse(
  '{"error":{"message":"(#131000) Something went wrong","type":"OAuthException","code":131000,"error_user_title":"Something went wrong","fbtrace_id":"A1"}}',
);
check(!isErrorBody(newerCode), "isErrorBody rejects a code the catalogue does not have");
check(isReceivedErrorBody(newerCode), "isReceivedErrorBody takes a code the catalogue does not have");
if (isReceivedErrorBody(newerCode)) {
  check(!isErrorCode(newerCode.error.code), "isErrorCode does not narrow a newer code");
}
const digitsCode: unknown = JSON.parse('{"error":{"message":"…","code":"131047","error_user_title":"…","error_data":{"messaging_product":"whatsapp","details":"…"}}}');
check(!isErrorBody(digitsCode) && !isReceivedErrorBody(digitsCode), "a code sent as a string is no code of this layout");
for (const [api, body] of parsedBodies()) {
  if (api !== "meta") {
    check(!isErrorBody(body), `isErrorBody rejects the body of ${api}`);
    check(!isReceivedErrorBody(body), `isReceivedErrorBody rejects the body of ${api}`);
  }
}

if (failures.length > 0) {
  throw new Error(`${failures.length} of ${checks} checks failed:\n${failures.join("\n")}`);
}
console.log(`ok: ${checks} checks`);
