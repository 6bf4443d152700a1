//! The names a catalogue gives its codes and statuses, and the Rust names
//! derived from them: what a code may be, how a code or a reason phrase
//! becomes a Rust name, and the words a Rust name must not be.

use heck::ToUpperCamelCase as _;

/// The name of the top-level enum when the file gives none.
pub(super) const DEFAULT_TOP_LEVEL_NAME: &str = "ApiError";

/// Why `code` cannot be an error code, or `None` if it can.
///
/// A code is ASCII letters, digits, `_`, `-`, `.`, `/` and `:`: what APIs
/// write (`invalid_token`, `number-in-use`, `WA401`, `131047`,
/// `auth/invalid-email`, `storage:quota`) and what every output carries
/// unchanged, from a JSON body to a URL fragment. A code whose Rust variant
/// cannot be derived from it (`131047`) is given one with `name:`.
///
/// ```
/// assert_eq!(error_codes_gen::code_problem("number-in-use"), None);
/// assert_eq!(error_codes_gen::code_problem("auth/invalid-email"), None);
/// assert_eq!(error_codes_gen::code_problem("storage:quota"), None);
/// assert_eq!(
///     error_codes_gen::code_problem("no space").as_deref(),
///     Some("code `no space` contains ' ': codes are ASCII letters, digits, `_`, `-`, `.`, `/` and `:`"),
/// );
/// ```
#[must_use]
pub fn code_problem(code: &str) -> Option<String> {
    if code.is_empty() {
        return Some("empty code".to_owned());
    }
    // Bytes, not chars: every byte before the first bad one is ASCII, so that
    // one starts a character.
    let at = code.bytes().position(|b| {
        !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'/' | b':'))
    })?;
    let bad = code[at..].chars().next()?;
    Some(format!(
        "code `{code}` contains {bad:?}: codes are ASCII letters, digits, `_`, `-`, `.`, `/` and `:`"
    ))
}

/// The Rust variant name of a valid code: `invalid_token` → `InvalidToken`,
/// `WA401` → `Wa401`, as [`heck`]'s `UpperCamelCase` spells it.
///
/// Most codes are lowercase words with digits between separators; their name
/// is each word with its first letter capitalized, which takes a fraction of
/// heck's time (the loader names every code, so this shows in large
/// catalogues). Codes with capitals go to heck, which splits words at case
/// changes too.
pub(super) fn variant_name(code: &str) -> String {
    if code.bytes().any(|b| b.is_ascii_uppercase()) {
        return code.to_upper_camel_case();
    }
    let mut name = String::with_capacity(code.len());
    for word in code.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            name.push(first.to_ascii_uppercase());
            name.push_str(chars.as_str());
        }
    }
    name
}

/// The Rust enum name a status takes from its title: `Too Many Requests` →
/// `TooManyRequests`, with apostrophes dropped (`I'm a Teapot` → `ImATeapot`).
pub(super) fn group_name(title: &str) -> String {
    title.replace(['\'', '\u{2019}'], "").to_upper_camel_case()
}

/// Why `name` cannot name a Rust type or variant, as "is …", or `None`.
pub(super) fn identifier_problem(name: &str) -> Option<&'static str> {
    let mut chars = name.chars();
    let valid_start = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    if !valid_start || !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
        Some(
            "is not an identifier (it must start with a letter and use only ASCII letters, \
             digits and `_`)",
        )
    } else if name == "_" || RUST_KEYWORDS.contains(&name) {
        Some("is a Rust keyword")
    } else if name == "ALL" {
        Some("is the name of the generated constant `ALL`, the list of every value")
    } else if PRIMITIVE_TYPES.contains(&name) {
        // The generated code names `str` and `u16`; an enum of that name would shadow them.
        Some("is the name of a primitive type")
    } else {
        None
    }
}

/// Rust's primitive types, which a generated enum must not shadow.
const PRIMITIVE_TYPES: &[&str] = &[
    "bool", "char", "str", "f32", "f64", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16",
    "u32", "u64", "u128", "usize",
];

/// Rust keywords that cannot be raw identifiers (`r#self` is not one), so no
/// field or variant can be named so.
pub(super) const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Whether a field named `name` must be written as a raw identifier
/// (`r#type`): a keyword that can be one.
pub(crate) fn needs_raw(name: &str) -> bool {
    RUST_KEYWORDS.contains(&name) && !NOT_RAW.contains(&name)
}

/// Every Rust keyword, strict and reserved, across editions.
const RUST_KEYWORDS: &[&str] = &[
    "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if",
    "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
    "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// The IANA-registered reason phrase of an error status (RFC 9110's wording,
/// e.g. 413 `Content Too Large`), if it has one: the title of a catalogue's
/// status that gives none, and of a derived type's statuses.
///
/// ```
/// assert_eq!(error_codes_gen::reason_phrase(413), Some("Content Too Large"));
/// assert_eq!(error_codes_gen::reason_phrase(499), None);
/// ```
#[must_use]
pub fn reason_phrase(status: u16) -> Option<&'static str> {
    Some(match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        421 => "Misdirected Request",
        422 => "Unprocessable Entity",
        423 => "Locked",
        424 => "Failed Dependency",
        425 => "Too Early",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        506 => "Variant Also Negotiates",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        510 => "Not Extended",
        511 => "Network Authentication Required",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use heck::ToUpperCamelCase as _;

    use super::variant_name;

    #[test]
    fn variant_names_are_heck_upper_camel_case() {
        let codes = [
            "invalid_token",
            "number-in-use",
            "WA401",
            "v2_token",
            "api.v2.key",
            "_leading",
            "trailing_",
            "double__under",
            "-_.",
            "a",
            "a1b2_3c",
            "HTTPError",
            "httpError",
            "token_3x_limit",
            "x_9",
            "mixed-Case.code_Name",
            "auth/invalid-email",
            "storage:quota_exceeded",
            "Auth/InvalidEmail",
            "131047",
        ];
        for code in codes {
            assert_eq!(variant_name(code), code.to_upper_camel_case(), "{code}");
        }
    }

    #[test]
    fn variant_names_agree_with_heck_on_every_short_code() {
        // Every string of up to five characters over letters, digits and
        // each separator: every boundary the two could disagree on.
        const ALPHABET: [char; 8] = ['a', 'b', '1', '_', '-', '.', '/', ':'];
        let mut codes = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = codes
                .iter()
                .filter(|code| code.len() == codes.last().map_or(0, String::len))
                .flat_map(|code| ALPHABET.iter().map(move |c| format!("{code}{c}")))
                .collect();
            for code in &longer {
                assert_eq!(variant_name(code), code.to_upper_camel_case(), "{code:?}");
            }
            codes.extend(longer);
        }
        assert_eq!(codes.len(), 1 + 8 + 64 + 512 + 4096 + 32768);
    }
}
