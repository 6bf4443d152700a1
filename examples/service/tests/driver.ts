// The TypeScript half of the end-to-end test (tests/end_to_end.rs).
//
// Usage: node driver.js <plan.json>
//
// Runs every step of the plan's scenarios with `fetch`, reads each response
// with the example client's `readResponse`, narrows error bodies with the
// generated guards, and prints one JSON line per step for the Rust test to
// compare with what it expects. Then calls the typed client methods.

import { readFileSync } from "node:fs";

import { ERRORS, isErrorCode, statusOf } from "../../../generated/errors.js";
import { Client, delaySeconds, describe, readResponse, recovery, sign, violations, type ClientError, type Recovery } from "../ts/client.js";

interface Step {
  readonly server: string;
  readonly method: string;
  readonly path: string;
  readonly token: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
  readonly sign: "valid" | "wrong" | "stale" | null;
}

interface Plan {
  readonly servers: Readonly<Record<string, string>>;
  readonly scenarios: readonly { readonly name: string; readonly steps: readonly Step[] }[];
  readonly typed: { readonly server: string; readonly token: string; readonly signingSecret: string };
}

/** What a step's response was, as the client sees it after narrowing. */
interface Report {
  scenario: string;
  step: number;
  outcome: "ok" | ClientError["kind"];
  status?: number;
  code?: string;
  message?: string;
  known?: boolean;
  knownStatus?: number;
  catalogueMessage?: string;
  recovery?: Recovery;
  /** The seconds the client would wait before its first retry, if it would retry. */
  delay?: number;
  /** The body's `details`, as sent. */
  details?: unknown;
  /** The `Retry-After` header's seconds. */
  retryAfter?: number;
  /** `describe`'s account, for an error with violations. */
  described?: string;
  reason?: string;
}


const planPath = process.argv[2];
if (planPath === undefined) {
  throw new Error("usage: node driver.js <plan.json>");
}
const plan = JSON.parse(readFileSync(planPath, "utf8")) as Plan;

function anything(_value: unknown): _value is unknown {
  return true;
}

/** The report for a response's outcome, with an error body narrowed. */
function report(scenario: string, step: number, outcome: Awaited<ReturnType<typeof readResponse<unknown>>>, status?: number): Report {
  const out: Report = { scenario, step, outcome: outcome.ok ? "ok" : outcome.error.kind };
  if (status !== undefined) out.status = status;
  if (outcome.ok) return out;
  const error = outcome.error;
  out.recovery = recovery(error);
  const delay = delaySeconds(out.recovery, 0);
  if (delay !== undefined) out.delay = delay;
  switch (error.kind) {
    case "api": {
      const body = error.body;
      out.code = body.error;
      out.message = body.message;
      out.known = isErrorCode(body.error);
      if (body.details !== undefined) out.details = body.details;
      if (error.retryAfter !== undefined) out.retryAfter = error.retryAfter;
      if (violations(error).length > 0) out.described = describe(error);
      if (isErrorCode(body.error)) {
        // Narrowed to a catalogue code: its entry and status are typed.
        out.knownStatus = statusOf(body.error);
        out.catalogueMessage = ERRORS[body.error].message;
      }
      break;
    }
    case "unexpected":
    case "transport":
      out.reason = error.reason;
      break;
    case "too-large":
      break;
  }
  return out;
}

for (const scenario of plan.scenarios) {
  for (const [index, step] of scenario.steps.entries()) {
    const base = plan.servers[step.server];
    if (base === undefined) throw new Error(`no server ${step.server}`);
    const headers: Record<string, string> = { ...step.headers };
    if (step.token !== null) headers["X-Token"] = step.token;
    const body = step.body ?? "";
    if (step.body !== null) headers["Content-Type"] = "application/json";
    if (step.sign !== null && step.token !== null) {
      const secret = `${step.token}-signing-secret`;
      const now = Math.floor(Date.now() / 1000);
      const timestamp = step.sign === "stale" ? now - 3600 : now;
      headers["X-Timestamp"] = String(timestamp);
      headers["X-Signature"] = step.sign === "wrong" ? sign("not-the-secret", timestamp, body) : sign(secret, timestamp, body);
    }
    const init: RequestInit = { method: step.method, headers, signal: AbortSignal.timeout(30_000) };
    if (step.body !== null) init.body = step.body;
    let line: Report;
    try {
      const response = await fetch(`${base}${step.path}`, init);
      line = report(scenario.name, index, await readResponse(response, anything), response.status);
    } catch (error) {
      line = report(scenario.name, index, { ok: false, error: { kind: "transport", reason: String(error) } });
    }
    console.log(JSON.stringify(line));
  }
}

// The typed methods, as an application would call them.
const typed = plan.typed;
const base = plan.servers[typed.server] ?? "";
const client = new Client(base, typed.token, typed.signingSecret);
console.log(JSON.stringify(report("typed: account", 0, await client.account())));
console.log(JSON.stringify(report("typed: send a message", 0, await client.sendMessage("+15551234567", "Hello."))));
const expired = new Client(base, "expired", "expired-signing-secret");
console.log(JSON.stringify(report("typed: account with an expired token", 0, await expired.account())));
