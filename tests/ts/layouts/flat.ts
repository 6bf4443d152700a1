// Type tests and real bodies of the errors.ts of tests/ts/layouts/flat.yaml
// (flat, integer codes, `status`, and `more_info` for the codes that have a
// docs URL), compiled and run as nested.ts is.

import {
  ERRORS,
  isErrorBody,
  isErrorCode,
  isReceivedErrorBody,
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

// A flat body: the code, the message, the status, and the docs URL when the code has one.
export const documented: ErrorBody = { code: 20003, message: "…", status: 401, more_info: "https://www.example.com/docs/errors/20003" };
export const undocumented: ErrorBody = { code: 21610, message: "…", status: 400 };
// @ts-expect-error the status is a number
export const textStatus: ErrorBody = { code: 21610, message: "…", status: "400" };
// @ts-expect-error the layout sends the status
export const noStatus: ErrorBody = { code: 21610, message: "…" };
// @ts-expect-error nothing nests under `error`
export const nested: ErrorBody = { error: { code: 21610, message: "…" }, status: 400 };
// @ts-expect-error a code is a number
export const textCode: ErrorBody = { code: "21610", message: "…", status: 400 };

// Some codes have no docs URL: their entry says `undefined`.
export const none: undefined = ERRORS[21610].docs;
export const some: "https://www.example.com/docs/errors/21211" = ERRORS[21211].docs;
export function docsOf(code: ErrorCode): string | undefined {
  return ERRORS[code].docs;
}
export function docsOfEvery(code: ErrorCode): string {
  // @ts-expect-error some codes have no docs URL
  return ERRORS[code].docs;
}

// A catalogue without params declares no details.
export function details(body: ReceivedErrorBody): unknown {
  // @ts-expect-error no details
  return body.details;
}
export const newer: ReceivedErrorBody = { code: 30003, message: "…", status: 400 };

// Run time: Twilio's body of 20404, a code of this catalogue.
const twilio: unknown = Object.fromEntries(parsedBodies())["twilio"];
check(isErrorBody(twilio), "isErrorBody takes Twilio's body of 20404");
check(isReceivedErrorBody(twilio), "isReceivedErrorBody takes Twilio's body of 20404");
if (isErrorBody(twilio)) {
  check(twilio.more_info === "https://www.twilio.com/docs/errors/20404", "more_info is kept as sent");
}
const unknownCode: unknown = JSON.parse(
  '{"code":30003,"message":"Unreachable destination handset","more_info":"https://www.twilio.com/docs/errors/30003","status":400}',
);
check(!isErrorBody(unknownCode), "isErrorBody rejects a code the catalogue does not have");
check(isReceivedErrorBody(unknownCode), "isReceivedErrorBody takes a code the catalogue does not have");
if (isReceivedErrorBody(unknownCode)) {
  check(!isErrorCode(unknownCode.code), "isErrorCode does not narrow a newer code");
}
const withoutDocs: unknown = JSON.parse('{"code":21610,"message":"Attempt to send to unsubscribed recipient","status":400}');
check(isErrorBody(withoutDocs), "a code may leave more_info out");
const nullDocs: unknown = JSON.parse('{"code":21610,"message":"…","more_info":null,"status":400}');
check(!isErrorBody(nullDocs) && !isReceivedErrorBody(nullDocs), "more_info, when sent, is a string");
for (const [api, body] of parsedBodies()) {
  if (api !== "twilio") {
    check(!isErrorBody(body), `isErrorBody rejects the body of ${api}`);
    check(!isReceivedErrorBody(body), `isReceivedErrorBody rejects the body of ${api}`);
  }
}

if (failures.length > 0) {
  throw new Error(`${failures.length} of ${checks} checks failed:\n${failures.join("\n")}`);
}
console.log(`ok: ${checks} checks`);
