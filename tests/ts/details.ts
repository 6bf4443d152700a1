// Type tests and run-time checks of the errors.ts of tests/ts/details.yaml,
// compiled beside it by tests/tests/typescript.rs with every pinned compiler
// and then run under Node. Each `@ts-expect-error` line must be a type error
// (the compilers fail when it is not); any failed run-time check throws,
// listing every failure; success prints "ok: <n> checks".
//
// The bodies below are written as the wire carries them (see the wire format
// of issue 14): `details` holds every param that has a value, an absent
// optional param is left out, and a code without params sends no `details`.

import {
  ERRORS,
  isErrorBody,
  isReceivedErrorBody,
  retryAfterSeconds,
  type ErrorBody,
  type ErrorDetails,
  type FieldViolation,
  type ReceivedErrorBody,
} from "./errors.js";

declare const console: { log(...data: unknown[]): void };

const failures: string[] = [];
let checks = 0;

function check(ok: boolean, what: string): void {
  checks += 1;
  if (!ok) {
    failures.push(what);
  }
}

// Types: a code with params carries its details, and only its own.

// @ts-expect-error a code with params needs its details
export const withoutDetails: ErrorBody = { error: "otp_wait_required", message: "…" };
// @ts-expect-error the details of another code
export const otherDetails: ErrorBody = { error: "otp_wait_required", message: "…", details: { violations: [] } };
// @ts-expect-error retry_after is a number
export const mistyped: ErrorBody = { error: "otp_wait_required", message: "…", details: { retry_after: "30" } };
// @ts-expect-error a code without params has no details
export const extraDetails: ErrorBody = { error: "send_message_failed", message: "…", details: { retry_after: 1 } };
export const plain: ErrorBody = { error: "send_message_failed", message: "Failed to send message." };
export const optionalLeftOut: ErrorBody = {
  error: "rate_limit_exceeded",
  message: "…",
  details: { retry_after: 30 },
};
export const optionalGiven: ErrorBody = {
  error: "rate_limit_exceeded",
  message: "…",
  details: { retry_after: 30, limit: 60 },
};
// @ts-expect-error under exactOptionalPropertyTypes an optional param is left out, never undefined
export const optionalUndefined: ErrorBody = { error: "rate_limit_exceeded", message: "…", details: { retry_after: 30, limit: undefined } };
// A mutable array is a readonly one too, so a program that builds a body may pass either.
const violations: FieldViolation[] = [{ field: "url", reason: "must not be empty" }];
export const built: ErrorBody = { error: "validation_error", message: "…", details: { violations } };

/** Received lists are readonly: a reader has no business changing them in place. */
export function cannotPush(details: ErrorDetails["validation_error"], violation: FieldViolation): void {
  // @ts-expect-error readonly FieldViolation[] has no push
  details.violations.push(violation);
}

/** Narrowing on `error` gives each code's details, typed. */
export function describe(body: ErrorBody): string {
  switch (body.error) {
    case "otp_wait_required":
      return `wait ${body.details.retry_after.toFixed(0)} s`;
    case "rate_limit_exceeded": {
      const limit: number | undefined = body.details.limit;
      return `wait ${body.details.retry_after} s (limit ${limit ?? "unknown"})`;
    }
    case "validation_error":
      return body.details.violations.map((v) => `${v.field}: ${v.reason} ${v.range?.min ?? ""}`).join(", ");
    case "bad_matrix": {
      const cells: readonly (readonly number[])[] = body.details.cells;
      const name: string | undefined = body.details.toString;
      return `${cells.length} ${body.details.strict} ${name ?? ""}`;
    }
    case "number-in-use":
      return body.details.number;
    case "__proto__":
      return `${body.details.count}`;
    case "send_message_failed":
      // @ts-expect-error a code without params has no details
      return body.details;
    default:
      return body.message;
  }
}

// ERRORS says how to retry, as literal types.
export const after: "after" = ERRORS.otp_wait_required.retry;
export const backoff: "backoff" = ERRORS.send_message_failed.retry;
export const neverRetried: "never" = ERRORS.not_found.retry;
// @ts-expect-error otp_wait_required is retried after a wait
export const notNever: "never" = ERRORS.otp_wait_required.retry;

// ReceivedErrorBody: its details are unknown until isErrorBody checks them.
export function unchecked(body: ReceivedErrorBody): unknown {
  // @ts-expect-error details are unknown, and may be absent
  return body.details.retry_after;
}

// Run time: bodies as the wire carries them.
const wire: [string, boolean][] = [
  [
    '{"error":"otp_wait_required","message":"You must wait 30 seconds before requesting another OTP.","details":{"retry_after":30}}',
    true,
  ],
  ['{"error":"rate_limit_exceeded","message":"You have exceeded the global rate limit. Slow down.","details":{"retry_after":30,"limit":60}}', true],
  ['{"error":"rate_limit_exceeded","message":"You have exceeded the global rate limit. Slow down.","details":{"retry_after":30}}', true],
  [
    '{"error":"validation_error","message":"One or more inputs failed validation.","details":{"violations":[{"field":"url","reason":"must not be empty"},{"field":"amount","reason":"too small","range":{"min":0.5}}]}}',
    true,
  ],
  ['{"error":"validation_error","message":"One or more inputs failed validation.","details":{"violations":[]}}', true],
  [
    '{"error":"bad_matrix","message":"The matrix has 2 rows, and {each} must have 3 cells.","details":{"rows":2,"width":3,"cells":[[1,2.5,3],[]],"tags":["a"],"strict":false}}',
    true,
  ],
  ['{"error":"number-in-use","message":"The number +15550100 is in use.","details":{"number":"+15550100"}}', true],
  ['{"error":"send_message_failed","message":"Failed to send message."}', true],
  ['{"error":"not_found","message":"Not found."}', true],
  ['{"error":"__proto__","message":"A code named __proto__, with 2 items.","details":{"count":2}}', true],
  ['{"error":"__proto__","message":"A code named __proto__, with 2 items."}', false],
  // A newer server's optional param, in details and in a type's object.
  ['{"error":"otp_wait_required","message":"…","details":{"retry_after":30,"reset_at":"2030-01-01"}}', true],
  ['{"error":"validation_error","message":"…","details":{"violations":[{"field":"a","reason":"b","hint":"c"}]}}', true],
  // Missing or mistyped details.
  ['{"error":"otp_wait_required","message":"You must wait 30 seconds before requesting another OTP."}', false],
  ['{"error":"otp_wait_required","message":"…","details":{}}', false],
  ['{"error":"otp_wait_required","message":"…","details":{"retry_after":"30"}}', false],
  ['{"error":"otp_wait_required","message":"…","details":{"retry_after":30.5}}', false],
  ['{"error":"otp_wait_required","message":"…","details":{"retry_after":null}}', false],
  ['{"error":"otp_wait_required","message":"…","details":[30]}', false],
  ['{"error":"rate_limit_exceeded","message":"…","details":{"retry_after":30,"limit":null}}', false],
  ['{"error":"rate_limit_exceeded","message":"…","details":{"retry_after":30,"limit":"60"}}', false],
  ['{"error":"validation_error","message":"…","details":{"violations":{"field":"url","reason":"r"}}}', false],
  ['{"error":"validation_error","message":"…","details":{"violations":[{"field":"url"}]}}', false],
  ['{"error":"validation_error","message":"…","details":{"violations":[{"field":"a","reason":"b","range":{"max":1}}]}}', false],
  ['{"error":"validation_error","message":"…","details":{"violations":[{"field":"a","reason":"b","range":{"min":"0"}}]}}', false],
  ['{"error":"bad_matrix","message":"…","details":{"rows":2,"width":3,"cells":[1,2],"tags":[],"strict":false}}', false],
  ['{"error":"bad_matrix","message":"…","details":{"rows":2,"width":3,"cells":[[1,"2"]],"tags":[],"strict":false}}', false],
  ['{"error":"bad_matrix","message":"…","details":{"rows":2,"width":3,"cells":[],"tags":[1],"strict":false}}', false],
  ['{"error":"bad_matrix","message":"…","details":{"rows":2,"width":3,"cells":[],"tags":[],"strict":"false"}}', false],
  ['{"error":"bad_matrix","message":"…","details":{"rows":2,"width":3,"cells":[],"tags":[],"strict":true,"toString":1}}', false],
];
for (const [text, valid] of wire) {
  const body: unknown = JSON.parse(text);
  check(isErrorBody(body) === valid, `isErrorBody(${text}) is ${valid}`);
  check(isReceivedErrorBody(body), `isReceivedErrorBody(${text})`);
}

// What JSON cannot carry but a program can build: numbers that are not
// finite are no numbers of the catalogue, and a sparse array's hole is no item.
const built_: [string, unknown][] = [
  ["retry_after NaN", { error: "otp_wait_required", message: "…", details: { retry_after: Number.NaN } }],
  ["retry_after Infinity", { error: "otp_wait_required", message: "…", details: { retry_after: Infinity } }],
  ["a range's min NaN", { error: "validation_error", message: "…", details: { violations: [{ field: "a", reason: "b", range: { min: Number.NaN } }] } }],
  ["a range's max -Infinity", { error: "validation_error", message: "…", details: { violations: [{ field: "a", reason: "b", range: { min: 0, max: -Infinity } }] } }],
  ["a cell Infinity", { error: "bad_matrix", message: "…", details: { rows: 1, width: 1, cells: [[Infinity]], tags: [], strict: true } }],
  ["a hole in tags", { error: "bad_matrix", message: "…", details: { rows: 1, width: 1, cells: [], tags: ["a", , "b"], strict: true } }],
  ["limit present but undefined", { error: "rate_limit_exceeded", message: "…", details: { retry_after: 30, limit: undefined } }],
  ["details inherited, not sent", { error: "otp_wait_required", message: "…", details: Object.create({ retry_after: 30 }) }],
];
for (const [why, body] of built_) {
  check(!isErrorBody(body), `isErrorBody rejects ${why}`);
}
// An optional param named like a member of Object.prototype is absent unless sent.
check(
  isErrorBody({ error: "bad_matrix", message: "…", details: { rows: 1, width: 1, cells: [], tags: [], strict: true } }),
  "an optional toString left out is absent, not Object.prototype.toString",
);

// retryAfterSeconds: exactly what the server says, for codes retried after a wait.
const waits: [string, number | undefined][] = [
  ['{"error":"otp_wait_required","message":"…","details":{"retry_after":30}}', 30],
  ['{"error":"rate_limit_exceeded","message":"…","details":{"retry_after":7,"limit":60}}', 7],
  ['{"error":"quota_wait","message":"…","details":{"retry_after":0}}', 0],
  ['{"error":"send_message_failed","message":"…"}', undefined],
  ['{"error":"validation_error","message":"…","details":{"violations":[]}}', undefined],
];
for (const [text, seconds] of waits) {
  const body: unknown = JSON.parse(text);
  check(isErrorBody(body) && retryAfterSeconds(body) === seconds, `retryAfterSeconds(${text}) is ${seconds}`);
}

// A client's path: any well-formed body is received; isErrorBody then gives
// the typed details, or says the details do not match this catalogue.
const received: unknown = JSON.parse('{"error":"otp_wait_required","message":"Bitte 30 s warten.","details":{"retry_after":"30"}}');
check(isReceivedErrorBody(received) && !isErrorBody(received), "malformed details: received, but not an ErrorBody");
if (isReceivedErrorBody(received)) {
  check(typeof received.details === "object", "a received body keeps its details as sent");
}

if (failures.length > 0) {
  throw new Error(`${failures.length} of ${checks} checks failed:\n${failures.join("\n")}`);
}
console.log(`ok: ${checks} checks`);
