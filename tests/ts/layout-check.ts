// Checks the errors.ts of a catalogue that declares its body (`body:`)
// against the catalogue it came from.
//
// tests/tests/typescript/layouts.rs copies this file into a scratch folder
// beside the generated errors.ts and an expected.json written from the Rust
// `Catalog` (each code's entry and its body laid out as the catalogue says,
// and bodies that the guards must accept or reject), compiles the folder with
// tsc and runs the output under Node. Any failed check throws, listing every
// failure; success prints "ok: <n> checks".

import {
  ERROR_CODES,
  ERRORS,
  isErrorBody,
  isErrorCode,
  isReceivedErrorBody,
  statusOf,
  type ErrorBody,
  type ErrorCode,
  type ReceivedErrorBody,
} from "./errors.js";
import expectedJson from "./expected.json" with { type: "json" };

declare const console: { log(...data: unknown[]): void };

interface Listed {
  readonly why: string;
  readonly body: unknown;
}

interface Expected {
  readonly codes: readonly {
    /** The code as the body sends it: a string, or a number under `code_type: integer`. */
    readonly code: string | number;
    readonly status: number;
    readonly message: string;
    readonly retry: string | null;
    readonly docs: string | null;
    /** A body of the code laid out as the catalogue says, with all its params. */
    readonly body: unknown;
  }[];
  /** The members of every `ERRORS` entry, in order, joined by commas. */
  readonly entryKeys: string;
  readonly groups: readonly { readonly name: string; readonly status: number; readonly codes: readonly (string | number)[] }[];
  /** Bodies that both guards accept, and why. */
  readonly valid: readonly Listed[];
  /** Bodies that isErrorBody rejects and isReceivedErrorBody accepts, and why. */
  readonly invalid: readonly Listed[];
  /** Bodies that both guards reject, and why. */
  readonly malformed: readonly Listed[];
  /** Values that isErrorCode rejects. */
  readonly notCodes: readonly unknown[];
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

function sameList(actual: readonly unknown[], wanted: readonly unknown[], what: string): void {
  check(
    actual.length === wanted.length && actual.every((item, i) => item === wanted[i]),
    `${what}: got ${show(actual)}, want ${show(wanted)}`,
  );
}

/**
 * The order of `Object.keys` of an object with these keys, added in this
 * order: the keys that are array indices (such as the codes of `code_type:
 * integer`) first, in ascending order, then the others as added.
 */
function propertyOrder(keys: readonly string[]): string[] {
  const isIndex = (key: string): boolean => /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 2 ** 32 - 1;
  const indices = keys.filter(isIndex).sort((a, b) => Number(a) - Number(b));
  return [...indices, ...keys.filter((key) => !isIndex(key))];
}

// ERROR_CODES holds the codes in file order, as the body sends them.
const codes = expected.codes.map((entry) => entry.code);
sameList(ERROR_CODES, codes, "ERROR_CODES");
sameList(Object.keys(ERRORS), propertyOrder(codes.map(String)), "Object.keys(ERRORS)");

for (const { code, status, message, retry, docs, body } of expected.codes) {
  // A code of the other JSON type is no code: "131047" for 131047.
  const retyped = typeof code === "number" ? String(code) : Number(code);
  check(!isErrorCode(retyped), `isErrorCode rejects ${show(retyped)}, ${show(code)} as the other type`);
  check(!isErrorCode([code]), `isErrorCode rejects the array [${show(code)}]`);

  check(isErrorCode(code), `isErrorCode(${show(code)})`);
  if (!isErrorCode(code)) {
    continue;
  }
  const known: ErrorCode = code;
  const entry: { readonly status: number; readonly message: string } = ERRORS[known];
  check(entry.status === status, `ERRORS[${show(code)}].status: got ${entry.status}, want ${status}`);
  check(statusOf(known) === status, `statusOf(${show(code)}): got ${statusOf(known)}, want ${status}`);
  check(entry.message === message, `ERRORS[${show(code)}].message: got ${show(entry.message)}, want ${show(message)}`);
  check(Object.keys(entry).join() === expected.entryKeys, `ERRORS[${show(code)}] has only ${expected.entryKeys}`);
  const members: Readonly<Record<string, unknown>> = ERRORS[known];
  if (retry !== null) {
    check(members["retry"] === retry, `ERRORS[${show(code)}].retry: got ${show(members["retry"])}, want ${show(retry)}`);
  }
  if (expected.entryKeys.endsWith(",docs")) {
    // A code without a docs URL has `docs: undefined`, so that any code's entry has `docs`.
    const want = docs ?? undefined;
    check(Object.hasOwn(members, "docs"), `ERRORS[${show(code)}] has docs`);
    check(members["docs"] === want, `ERRORS[${show(code)}].docs: got ${show(members["docs"])}, want ${show(want)}`);
  }

  // The body as the wire carries it.
  check(isErrorBody(body), `isErrorBody(${show(body)})`);
  check(isErrorBody(JSON.parse(JSON.stringify(body))), `isErrorBody(JSON round trip of ${show(body)})`);
  check(isReceivedErrorBody(body), `isReceivedErrorBody(${show(body)})`);
  if (isErrorBody(body)) {
    const typed: ErrorBody = body;
    check(show(typed) === show(body), `the body of ${show(code)} is kept as sent`);
  }
  if (isReceivedErrorBody(body)) {
    const received: ReceivedErrorBody = body;
    check(show(received) === show(body), `the received body of ${show(code)} is kept as sent`);
  }
}

// Bodies changed in every way the layout allows or forbids, and the codes
// laid out as other layouts say.
for (const { why, body } of expected.valid) {
  check(isErrorBody(body), `isErrorBody accepts ${why}: ${show(body)}`);
  check(isReceivedErrorBody(body), `isReceivedErrorBody accepts ${why}: ${show(body)}`);
}
for (const { why, body } of expected.invalid) {
  check(!isErrorBody(body), `isErrorBody rejects ${why}: ${show(body)}`);
  check(isReceivedErrorBody(body), `isReceivedErrorBody accepts ${why}: ${show(body)}`);
}
for (const { why, body } of expected.malformed) {
  check(!isErrorBody(body), `isErrorBody rejects ${why}: ${show(body)}`);
  check(!isReceivedErrorBody(body), `isReceivedErrorBody rejects ${why}: ${show(body)}`);
}
for (const value of expected.notCodes) {
  check(!isErrorCode(value), `isErrorCode(${show(value)}) is false`);
}

// Each <Group>Code union (checked at type level in expected-types.ts) matches
// the statuses of the values.
for (const group of expected.groups) {
  const withStatus = ERROR_CODES.filter((code) => statusOf(code) === group.status);
  sameList(withStatus, group.codes, `codes with status ${group.status} (${group.name}Code)`);
}

if (failures.length > 0) {
  throw new Error(`${failures.length} of ${checks} checks failed:\n${failures.join("\n")}`);
}
console.log(`ok: ${checks} checks`);
