// Type tests and bodies of the errors.ts of tests/ts/layouts/aside.yaml (the
// details in `extra.data`, an object that holds nothing else, so that a body
// of a code without params has no `extra`), compiled and run as nested.ts is.

import { isErrorBody, isReceivedErrorBody, type ErrorBody, type ReceivedErrorBody } from "./errors.js";
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

export const plain: ErrorBody = { code: "bad_request", message: "…", title: "Bad Request" };
export const detailed: ErrorBody = { code: "bad_field", message: "…", title: "Bad Request", extra: { data: { field: "name" } } };
// @ts-expect-error a code with params sends them
export const noExtra: ErrorBody = { code: "bad_field", message: "…", title: "Bad Request" };
// @ts-expect-error a code without params sends no `extra`
export const extraPlain: ErrorBody = { code: "bad_request", message: "…", title: "Bad Request", extra: { data: {} } };

export function field(body: ErrorBody): string | undefined {
  return body.code === "bad_field" ? body.extra.data.field : undefined;
}
export function unchecked(body: ReceivedErrorBody): unknown {
  return body.extra?.data;
}

const detailedBody: unknown = JSON.parse('{"code":"bad_field","message":"The field name is invalid.","title":"Bad Request","extra":{"data":{"field":"name"}}}');
check(isErrorBody(detailedBody) && field(detailedBody) === "name", "the params are read from extra.data");
const plainBody: unknown = JSON.parse('{"code":"bad_request","message":"The request is malformed.","title":"Bad Request"}');
check(isErrorBody(plainBody) && isReceivedErrorBody(plainBody), "a code without params sends no extra");
const missing: unknown = JSON.parse('{"code":"bad_field","message":"…","title":"Bad Request"}');
check(!isErrorBody(missing) && isReceivedErrorBody(missing), "a code with params needs extra.data");
const notObject: unknown = JSON.parse('{"code":"bad_field","message":"…","title":"Bad Request","extra":[{"data":{"field":"name"}}]}');
check(!isErrorBody(notObject) && !isReceivedErrorBody(notObject), "extra, when sent, is an object");
const inherited: unknown = JSON.parse('{"code":"bad_field","message":"…","title":"Bad Request","extra":{}}');
check(!isErrorBody(inherited) && isReceivedErrorBody(inherited), "extra without data");
for (const [api, body] of parsedBodies()) {
  check(!isErrorBody(body), `isErrorBody rejects the body of ${api}`);
  check(!isReceivedErrorBody(body), `isReceivedErrorBody rejects the body of ${api}`);
}

if (failures.length > 0) {
  throw new Error(`${failures.length} of ${checks} checks failed:\n${failures.join("\n")}`);
}
console.log(`ok: ${checks} checks`);
