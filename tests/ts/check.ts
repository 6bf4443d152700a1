// Checks the values of a generated errors.ts against the catalogue it came from.
//
// tests/tests/typescript.rs copies this file into a scratch folder beside the
// generated errors.ts, an expected.json written from the Rust `Catalog`, and
// expected-types.ts (type-level checks, also written from the `Catalog`), then
// compiles the folder with tsc and runs the output under Node. Any failed check
// throws, listing every failure; success prints "ok: <n> checks".

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

interface Expected {
  readonly codes: readonly {
    readonly code: string;
    readonly status: number;
    readonly message: string;
    /** The code's retry, when the catalogue says `retry:` anywhere. */
    readonly retry: string | null;
    /** A body of the code as the wire carries it, with its details if it has params. */
    readonly body: unknown;
  }[];
  readonly groups: readonly { readonly name: string; readonly status: number; readonly codes: readonly string[] }[];
  /** Bodies that isErrorBody must accept, and why. */
  readonly valid: readonly { readonly why: string; readonly body: unknown }[];
  /** Bodies that isErrorBody must reject (they are ReceivedErrorBody all the same), and why. */
  readonly invalid: readonly { readonly why: string; readonly body: unknown }[];
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
  if (typeof value === "symbol" || typeof value === "bigint") {
    return String(value);
  }
  return JSON.stringify(value) ?? String(value);
}

function sameList(actual: readonly unknown[], wanted: readonly unknown[], what: string): void {
  check(
    actual.length === wanted.length && actual.every((item, i) => item === wanted[i]),
    `${what}: got ${show(actual)}, want ${show(wanted)}`,
  );
}

// The type-level negative check: a string that is no code is no ErrorCode.
// @ts-expect-error "not a code" is not a code (codes never contain spaces)
const notACode: ErrorCode = "not a code";
check(!isErrorCode(notACode), "the @ts-expect-error value is rejected at run time too");

// ERROR_CODES and ERRORS hold exactly the catalogue's codes, in file order.
const codes = expected.codes.map((entry) => entry.code);
sameList(ERROR_CODES, codes, "ERROR_CODES");
sameList(Object.keys(ERRORS), codes, "Object.keys(ERRORS)");
check(new Set(ERROR_CODES).size === ERROR_CODES.length, "ERROR_CODES has no duplicates");

for (const { code, status, message, retry, body } of expected.codes) {
  // Checks on `code` as a string come first: the guard below narrows it to
  // `ErrorCode`, which is `never` for a catalogue without codes.
  check(!isErrorCode([code]), `isErrorCode rejects the array [${show(code)}]`);
  check(!isErrorCode(new String(code)), `isErrorCode rejects a String object ${show(code)}`);
  check(!isErrorCode(` ${code}`), `isErrorCode rejects ${show(code)} with a leading space`);
  check(!isErrorCode(`${code}\n`), `isErrorCode rejects ${show(code)} with a trailing newline`);
  for (const variant of [code.toUpperCase(), code.toLowerCase()]) {
    if (!codes.includes(variant)) {
      check(!isErrorCode(variant), `isErrorCode rejects ${show(variant)}, a case variant of ${show(code)}`);
    }
  }

  check(isErrorCode(code), `isErrorCode(${show(code)})`);
  if (!isErrorCode(code)) {
    continue;
  }
  check(Object.hasOwn(ERRORS, code), `ERRORS has an own entry ${show(code)}`);
  // Typed: without codes, `ERRORS[code]` is `never`, whose properties are errors.
  const entry: { readonly status: number; readonly message: string } = ERRORS[code];
  check(entry.status === status, `ERRORS[${show(code)}].status: got ${entry.status}, want ${status}`);
  check(statusOf(code) === status, `statusOf(${show(code)}): got ${statusOf(code)}, want ${status}`);
  // The message must come back as the exact original text.
  check(
    entry.message === message,
    `ERRORS[${show(code)}].message: got ${show(entry.message)}, want ${show(message)}`,
  );
  // Only with `retry:` somewhere in the catalogue does an entry say how to retry.
  const keys = retry === null ? "status,message" : "status,message,retry";
  check(Object.keys(entry).join() === keys, `ERRORS[${show(code)}] has only ${keys}`);
  if (retry !== null) {
    const retries: Readonly<Record<string, unknown>> = ERRORS[code];
    check(retries["retry"] === retry, `ERRORS[${show(code)}].retry: got ${show(retries["retry"])}, want ${show(retry)}`);
  }

  // The body as the wire carries it, with its details if the code has params.
  check(isErrorBody(body), `isErrorBody(${show(body)})`);
  check(isErrorBody(JSON.parse(JSON.stringify(body))), `isErrorBody(JSON round trip of ${show(body)})`);
  if (isErrorBody(body)) {
    const typed: ErrorBody = body;
    check(typed.error === code && typed.message.length > 0, `the body of ${show(code)} narrows to its code`);
    check(isErrorBody({ ...typed, message: "" }), `isErrorBody accepts any message string for ${show(code)}`);
  }
  check(!isErrorBody({ error: code }), `isErrorBody rejects ${show(code)} without a message`);
  check(!isErrorBody({ error: code, message: 1 }), `isErrorBody rejects ${show(code)} with a number message`);
  check(!isErrorBody({ error: code, message: null }), `isErrorBody rejects ${show(code)} with a null message`);
  check(!isErrorBody({ code, message }), `isErrorBody rejects ${show(code)} under "code" instead of "error"`);
  check(!isErrorBody([code, message]), `isErrorBody rejects the array [${show(code)}, message]`);
}

// Bodies changed in every way the catalogue allows or forbids: isErrorBody
// says which are well-formed; isReceivedErrorBody, a shape check, takes all.
for (const { why, body } of expected.valid) {
  check(isErrorBody(body), `isErrorBody accepts ${why}: ${show(body)}`);
  check(isReceivedErrorBody(body), `isReceivedErrorBody accepts ${why}: ${show(body)}`);
}
for (const { why, body } of expected.invalid) {
  check(!isErrorBody(body), `isErrorBody rejects ${why}: ${show(body)}`);
  check(isReceivedErrorBody(body), `isReceivedErrorBody accepts ${why}: ${show(body)}`);
}

// Each <Group>Code union (checked at type level in expected-types.ts) matches
// the statuses of the values: a group's codes are exactly the codes with its status.
for (const group of expected.groups) {
  const withStatus = ERROR_CODES.filter((code) => statusOf(code) === group.status);
  sameList(withStatus, group.codes, `codes with status ${group.status} (${group.name}Code)`);
}
const grouped = expected.groups.flatMap((group) => group.codes);
sameList([...grouped].sort(), [...codes].sort(), "the groups together hold every code once");

// Without codes, statusOf has nothing to look up: a call from untyped code throws.
if (codes.length === 0) {
  let threw = false;
  try {
    statusOf("not a code" as unknown as ErrorCode);
  } catch (error) {
    threw = error instanceof TypeError;
  }
  check(threw, "statusOf throws a TypeError when the catalogue has no codes");
}

// Strings that are no code, prototype keys above all, and values that are no string.
const notCodes: unknown[] = [
  "",
  "not a code",
  "toString",
  "__proto__",
  "constructor",
  "hasOwnProperty",
  "valueOf",
  "isPrototypeOf",
  "__defineGetter__",
  "length",
  "size",
  "0",
].filter((candidate) => !codes.includes(candidate));
notCodes.push(undefined, null, 0, 401, Number.NaN, true, false, {}, [], Symbol("code"), 10n, () => "invalid_token");
for (const value of notCodes) {
  check(!isErrorCode(value), `isErrorCode(${show(value)}) is false`);
  check(!isErrorBody({ error: value, message: "m" }), `isErrorBody({ error: ${show(value)}, message: "m" }) is false`);
}
for (const value of [undefined, null, 0, "", "invalid_token", true, {}, [], { message: "m" }, Object.create(null)]) {
  check(!isErrorBody(value), `isErrorBody(${show(value)}) is false`);
}

// ReceivedErrorBody: what a client reads, from a server that may be newer.
// A known code, as sent and with a localized message; then narrowed.
for (const code of codes) {
  for (const message of [expected.codes.find((entry) => entry.code === code)?.message ?? "", "Localisé: ça « marche » 🔥", ""]) {
    const received: unknown = JSON.parse(JSON.stringify({ error: code, message }));
    check(isReceivedErrorBody(received), `isReceivedErrorBody(${show(received)})`);
    if (isReceivedErrorBody(received)) {
      check(received.message === message, `the message of ${show(received)} is kept as sent`);
      check(isErrorCode(received.error), `isErrorCode narrows the received ${show(code)}`);
      if (isErrorCode(received.error)) {
        // Narrowed: a known code has its catalogue entry.
        const known: ErrorCode = received.error;
        check(ERRORS[known] !== undefined, `ERRORS has the narrowed ${show(code)}`);
      }
    }
  }
}
// An unknown code: accepted, kept, and not narrowed to a known one.
const newer: unknown = JSON.parse('{"error":"quota_frozen","message":"Your quota is frozen.","retry_after":30}');
check(!codes.includes("quota_frozen"), "quota_frozen is not in the catalogue");
check(isReceivedErrorBody(newer), "isReceivedErrorBody accepts an unknown code");
check(!isErrorBody(newer), "isErrorBody rejects an unknown code");
if (isReceivedErrorBody(newer)) {
  const body: ReceivedErrorBody = newer;
  check(body.error === "quota_frozen" && body.message === "Your quota is frozen.", "an unknown code is kept as sent");
  check(!isErrorCode(body.error), "isErrorCode does not narrow an unknown code");
  // @ts-expect-error a received code may be unknown, so it is no ErrorCode
  const notNarrowed: ErrorCode = body.error;
  check(notNarrowed === body.error, "(the line above is a type error)");
  // @ts-expect-error nor is a received body an ErrorBody
  const notAnErrorBody: ErrorBody = body;
  check(notAnErrorBody === body, "(the line above is a type error)");
}
// Any string code type-checks: the type is open, not `string` erased to `any`.
const literal: ReceivedErrorBody = { error: "added_later", message: "m" };
check(isReceivedErrorBody(literal), "a ReceivedErrorBody literal passes its guard");
// Extra fields, inherited or own, do not matter; the two fields do.
check(isReceivedErrorBody({ error: "x", message: "m", details: { a: [1] } }), "extra fields are ignored");
const malformed: unknown[] = [
  undefined,
  null,
  "invalid_token",
  401,
  [],
  ["invalid_token", "m"],
  {},
  { error: "invalid_token" },
  { message: "m" },
  { error: 401, message: "m" },
  { error: null, message: "m" },
  { error: "invalid_token", message: null },
  { error: "invalid_token", message: ["m"] },
  { error: new String("invalid_token"), message: "m" },
  { code: "invalid_token", message: "m" },
  Object.create({ error: "invalid_token", message: 1 }),
];
for (const value of malformed) {
  check(!isReceivedErrorBody(value), `isReceivedErrorBody(${show(value)}) is false`);
}

if (failures.length > 0) {
  throw new Error(`${failures.length} of ${checks} checks failed:\n${failures.join("\n")}`);
}
console.log(`ok: ${checks} checks`);
