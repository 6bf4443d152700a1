// Type tests and bodies of the errors.ts of tests/ts/layouts/spread.yaml (the
// params spread into `error`, a member that is no identifier, the docs URL
// in an object of its own), compiled and run as nested.ts is.

import { ERRORS, isErrorBody, isReceivedErrorBody, retryAfterSeconds, type ErrorBody } from "./errors.js";
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

export const locked: ErrorBody = { error: { code: "locked", message: "…", "http-status": 409 } };
export const conflict: ErrorBody = {
  error: { code: "conflict", message: "…", "http-status": 409, id: "r1", version: 2 },
  links: { "x-docs": "https://docs.example.com/conflict" },
};
// @ts-expect-error a param left out
export const noId: ErrorBody = { error: { code: "conflict", message: "…", "http-status": 409 } };
// @ts-expect-error the params are members of `error`, not of the body
export const outside: ErrorBody = { error: { code: "conflict", message: "…", "http-status": 409 }, id: "r1" };
// @ts-expect-error the docs URL goes in `links`
export const docsInError: ErrorBody = { error: { code: "locked", message: "…", "http-status": 409, "x-docs": "u" } };

export function describe(body: ErrorBody): string {
  switch (body.error.code) {
    case "conflict":
      return `${body.error.id} v${body.error.version ?? 0} (${body.error["http-status"]})`;
    case "maintenance":
      return `back in ${body.error.retry_after} s`;
    default:
      return body.links?.["x-docs"] ?? body.error.message;
  }
}

export const noDocs: undefined = ERRORS.locked.docs;

const conflictBody: unknown = JSON.parse(
  '{"error":{"code":"conflict","message":"The resource r1 changed.","http-status":409,"id":"r1"},"links":{"x-docs":"https://docs.example.com/conflict"}}',
);
check(isErrorBody(conflictBody), "isErrorBody takes params spread into error");
if (isErrorBody(conflictBody)) {
  check(describe(conflictBody) === "r1 v0 (409)", "the params are members of error");
}
const maintenance: unknown = JSON.parse('{"error":{"code":"maintenance","message":"…","http-status":503,"retry_after":60}}');
check(isErrorBody(maintenance) && retryAfterSeconds(maintenance) === 60, "retryAfterSeconds reads error.retry_after");
const misplaced: unknown = JSON.parse('{"error":{"code":"maintenance","message":"…","http-status":503},"retry_after":60}');
check(!isErrorBody(misplaced) && isReceivedErrorBody(misplaced), "params outside error are no params");
const badLinks: unknown = JSON.parse('{"error":{"code":"locked","message":"…","http-status":409},"links":"https://docs.example.com"}');
check(!isErrorBody(badLinks) && !isReceivedErrorBody(badLinks), "links, when sent, is an object");
for (const [api, body] of parsedBodies()) {
  check(!isErrorBody(body), `isErrorBody rejects the body of ${api}`);
  check(!isReceivedErrorBody(body), `isReceivedErrorBody rejects the body of ${api}`);
}

if (failures.length > 0) {
  throw new Error(`${failures.length} of ${checks} checks failed:\n${failures.join("\n")}`);
}
console.log(`ok: ${checks} checks`);
