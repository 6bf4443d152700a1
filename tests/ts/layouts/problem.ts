// Type tests and real bodies of the errors.ts of tests/ts/layouts/problem.yaml
// (`body: problem`, RFC 9457: `type`, `title`, `status`, `detail`, `code`,
// and the params spread into the body), compiled and run as nested.ts is.

import {
  ERRORS,
  isErrorBody,
  isReceivedErrorBody,
  retryAfterSeconds,
  type ErrorBody,
  type ErrorDetails,
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

// The params are members of the body itself.
export const plain: ErrorBody = {
  type: "https://developer.example.com/auth#forbidden",
  title: "Forbidden",
  status: 403,
  detail: "You may not do this.",
  code: "auth/forbidden",
};
export const outOfCredit: ErrorBody = {
  type: "https://developer.example.com/api-errors#out-of-credit",
  title: "You do not have enough credit.",
  status: 402,
  detail: "Your current balance is 30, but that costs 50.",
  code: "out-of-credit",
  balance: 30,
  cost: 50,
};
// @ts-expect-error a param left out
export const noCost: ErrorBody = { type: "t", title: "t", status: 402, detail: "d", code: "out-of-credit", balance: 30 };
// @ts-expect-error the params are members of the body, not in `details`
export const inDetails: ErrorBody = { type: "t", title: "t", status: 402, detail: "d", code: "out-of-credit", details: { balance: 30, cost: 50 } };
// @ts-expect-error a code without params has none
export const extra: ErrorBody = { type: "t", title: "t", status: 403, detail: "d", code: "auth/forbidden", balance: 30 };
// @ts-expect-error the message is `detail`
export const message: ErrorBody = { type: "t", title: "t", status: 403, message: "d", code: "auth/forbidden" };

/** Narrowing on `code` gives the params, as members of the body. */
export function credit(body: ErrorBody): ErrorDetails["out-of-credit"] | undefined {
  if (body.code === "out-of-credit") {
    return { balance: body.balance, cost: body.cost, ...(body.accounts === undefined ? {} : { accounts: body.accounts }) };
  }
  return undefined;
}

// Every code has a docs URL, which the body sends as `type`.
export const docs: "https://developer.example.com/auth#forbidden" = ERRORS["auth/forbidden"].docs;

// A received body declares no params, and may leave `type` out (RFC 9457: "about:blank").
export const received: ReceivedErrorBody = { title: "t", status: 400, detail: "d", code: "added_later" };
export function balance(body: ReceivedErrorBody): unknown {
  // @ts-expect-error the params are not declared
  return body.balance;
}

// Run time: the RFC's example as this catalogue sends it, with `status` and `code`.
const ours: unknown = JSON.parse(
  '{"type":"https://developer.example.com/api-errors#out-of-credit","title":"You do not have enough credit.","status":402,"detail":"Your current balance is 30, but that costs 50.","code":"out-of-credit","instance":"/account/12345/msgs/abc","balance":30,"cost":50,"accounts":["/account/12345","/account/67890"]}',
);
check(isErrorBody(ours), "isErrorBody takes a problem with its params spread");
check(isReceivedErrorBody(ours), "isReceivedErrorBody takes a problem");
if (isErrorBody(ours)) {
  check(credit(ours)?.accounts?.length === 2, "the params are read from the body");
}
const throttled: unknown = JSON.parse(
  '{"type":"https://developer.example.com/api-errors#throttled","title":"Too many requests","status":429,"detail":"Wait 30 seconds.","code":"throttled","retry_after":30}',
);
check(isErrorBody(throttled) && retryAfterSeconds(throttled) === 30, "retryAfterSeconds reads retry_after from the body");
const textBalance: unknown = JSON.parse('{"type":"t","title":"t","status":402,"detail":"d","code":"out-of-credit","balance":"30","cost":50}');
check(!isErrorBody(textBalance) && isReceivedErrorBody(textBalance), "a mistyped param fails isErrorBody only");
// The RFC's own example and Vonage's send no `code` (nor `status`): they are not this API's problems.
for (const [api, body] of parsedBodies()) {
  check(!isErrorBody(body), `isErrorBody rejects the body of ${api}`);
  check(!isReceivedErrorBody(body), `isReceivedErrorBody rejects the body of ${api}`);
}

if (failures.length > 0) {
  throw new Error(`${failures.length} of ${checks} checks failed:\n${failures.join("\n")}`);
}
console.log(`ok: ${checks} checks`);
