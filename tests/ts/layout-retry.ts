// Checks `retryAfterSeconds` of the errors.ts of a catalogue that declares its
// body (`body:`) and has a code whose retry is `after`.
//
// tests/tests/typescript/layouts.rs compiles this file beside layout-check.ts,
// the generated errors.ts and the expected.json written from the Rust
// `Catalog`, which holds for each such code a body laid out as the catalogue
// says whose `retry_after` is a number that no other member of it holds.
// Wherever the layout puts the code and the params (in one object, in
// different ones, spread into the body or into an object), the module must
// type-check, and `retryAfterSeconds` must read that number from the body as
// the wire carries it, and `undefined` from the bodies of the other codes.
// Any failed check throws, listing every failure; success prints
// "ok: <n> checks".

import { isErrorBody, retryAfterSeconds } from "./errors.js";
import expectedJson from "./expected.json" with { type: "json" };

declare const console: { log(...data: unknown[]): void };

interface Expected {
  readonly codes: readonly {
    readonly code: string | number;
    readonly retry: string | null;
    /** A body of the code laid out as the catalogue says, with all its params. */
    readonly body: unknown;
  }[];
  /** A body of each code whose retry is `after`, and the seconds its `retry_after` holds. */
  readonly retryAfter: readonly {
    readonly code: string | number;
    readonly seconds: number;
    readonly body: unknown;
  }[];
}

const expected: Expected = expectedJson;
const failures: string[] = [];
let checks = 0;

function check(ok: boolean, what: string): void {
  checks += 1;
  if (!ok) {
    failures.push(what);
  }
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

check(expected.retryAfter.length > 0, "the catalogue has a code whose retry is `after`");
for (const { code, seconds, body } of expected.retryAfter) {
  // A real body: parsed from the JSON text the server sends.
  const received: unknown = JSON.parse(JSON.stringify(body));
  check(isErrorBody(received), `isErrorBody takes the body of ${show(code)}: ${show(body)}`);
  if (isErrorBody(received)) {
    const got = retryAfterSeconds(received);
    check(got === seconds, `retryAfterSeconds of ${show(body)}: got ${show(got)}, want ${seconds}`);
  }
}
for (const { code, retry, body } of expected.codes) {
  if (retry !== "after" && isErrorBody(body)) {
    const got = retryAfterSeconds(body);
    check(got === undefined, `retryAfterSeconds of ${show(code)} (retry ${show(retry)}): got ${show(got)}, want undefined`);
  }
}

if (failures.length > 0) {
  throw new Error(`${failures.length} of ${checks} checks failed:\n${failures.join("\n")}`);
}
console.log(`ok: ${checks} checks`);
