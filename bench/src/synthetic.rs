//! Synthetic catalogues of any size, for the benchmarks: codes made of nouns
//! and outcomes, so their lengths and shared prefixes look like a big real
//! API rather than `code_0001`, spread evenly over ten statuses.
//!
//! Used by the probe binary (`cargo xtask bench` writes its large catalogues
//! with it) and, through `#[path]`, by `build.rs` for the `from_code` tables.

use std::fmt::Write as _;

/// What synthetic codes are made of.
const NOUNS: [&str; 25] = [
    "user",
    "account",
    "invoice",
    "payment_method",
    "webhook_subscription",
    "api_key",
    "session",
    "message",
    "media_upload",
    "contact",
    "group",
    "template",
    "otp",
    "wallet",
    "plan",
    "organization_member",
    "phone_number",
    "label",
    "campaign",
    "export_job",
    "audit_log_entry",
    "role",
    "device",
    "sandbox",
    "billing_address",
];
const OUTCOMES: [&str; 20] = [
    "not_found",
    "already_exists",
    "invalid",
    "expired",
    "forbidden",
    "limit_reached",
    "locked",
    "conflict",
    "unavailable",
    "too_large",
    "deleted",
    "inactive",
    "rate_limited",
    "format_invalid",
    "quota_exceeded",
    "not_ready",
    "verification_failed",
    "in_use",
    "timeout",
    "unsupported",
];

/// `{noun}_{outcome}` first, then `{noun}_{round}_{outcome}` for rounds 1, 2, ...
#[must_use]
pub(crate) fn codes(count: usize) -> Vec<String> {
    let per_round = NOUNS.len() * OUTCOMES.len();
    (0..count)
        .map(|index| {
            let noun = NOUNS[index % NOUNS.len()];
            let outcome = OUTCOMES[(index / NOUNS.len()) % OUTCOMES.len()];
            match index / per_round {
                0 => format!("{noun}_{outcome}"),
                round => format!("{noun}_{round}_{outcome}"),
            }
        })
        .collect()
}

/// A catalogue of `count` synthetic codes as `errors.yaml` text: ten statuses
/// (400 to 409), each with a description and an equal share of the codes, in
/// the short form `code: message`.
#[must_use]
pub(crate) fn yaml(count: usize) -> String {
    let codes = codes(count);
    let mut yaml = String::from("title: Synthetic\nversion: 1.0.0\nstatuses:\n");
    for (status, chunk) in (400..).zip(codes.chunks(count.div_ceil(10).max(1))) {
        let _ = writeln!(
            yaml,
            "  {status}:\n    description: Synthetic errors with status {status}.\n    codes:"
        );
        for code in chunk {
            let _ = writeln!(
                yaml,
                "      {code}: The {code} error; the request cannot be completed as sent."
            );
        }
    }
    yaml
}
