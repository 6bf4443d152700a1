//! The names the Python and Go outputs give the catalogue's items, in one
//! place: their emitters write them, and the loader checks, for the outputs
//! a catalogue selects, that no two collide and none shadows what the
//! language or the module already defines.

use heck::ToUpperCamelCase as _;

/// The Python exception class of a status's group: the Rust group name with
/// PEP 8's `Error` suffix (`Unauthorized` → `UnauthorizedError`), kept once
/// when the name has it already (`InternalServerError`).
pub(crate) fn python_exception(group: &str) -> String {
    if group.ends_with("Error") {
        group.to_owned()
    } else {
        format!("{group}Error")
    }
}

/// The Python `Literal` alias of a group's codes, as TypeScript names it:
/// `UnauthorizedCode`.
pub(crate) fn python_group_codes(group: &str) -> String {
    format!("{group}Code")
}

/// The Python `TypedDict` of a code's details: `ValidationErrorDetails`.
pub(crate) fn python_details(variant: &str) -> String {
    format!("{variant}Details")
}

/// The Go constant of a code: `CodeInvalidToken`, with Go's initialisms
/// (`ip_not_allowed` → `CodeIPNotAllowed`).
pub(crate) fn go_constant(variant: &str) -> String {
    format!("Code{}", go_initialisms(variant))
}

/// The Go sentinel error of a code, for `errors.Is`: `ErrInvalidToken`
/// (`ErrInvalidJSON`).
pub(crate) fn go_sentinel(variant: &str) -> String {
    format!("Err{}", go_initialisms(variant))
}

/// The Go struct of a code's details: `ValidationErrorDetails`.
pub(crate) fn go_details(variant: &str) -> String {
    format!("{}Details", go_initialisms(variant))
}

/// The Go field of a param or a type's field: its JSON name in
/// `UpperCamelCase`, with Go's common initialisms in capitals, as Go code
/// spells them (`retry_after` → `RetryAfter`, `user_id` → `UserID`,
/// `doc_url` → `DocURL`).
pub(crate) fn go_field(name: &str) -> String {
    go_initialisms(&name.to_upper_camel_case())
}

/// An `UpperCamelCase` name with each word that is one of Go's common
/// initialisms in capitals: `NoApiAccess` → `NoAPIAccess`.
fn go_initialisms(camel: &str) -> String {
    let mut name = String::with_capacity(camel.len());
    for word in camel_words(camel) {
        let upper = word.to_ascii_uppercase();
        if GO_INITIALISMS.contains(&upper.as_str()) {
            name.push_str(&upper);
        } else {
            name.push_str(word);
        }
    }
    name
}

/// The words of an `UpperCamelCase` name: each starts at a capital.
fn camel_words(camel: &str) -> Vec<&str> {
    let mut starts: Vec<usize> = camel
        .char_indices()
        .filter(|(_, c)| c.is_ascii_uppercase())
        .map(|(at, _)| at)
        .collect();
    if starts.first() != Some(&0) {
        starts.insert(0, 0);
    }
    starts.push(camel.len());
    starts
        .windows(2)
        .map(|pair| &camel[pair[0]..pair[1]])
        .collect()
}

/// The initialisms Go's style (Go Code Review Comments, "Initialisms")
/// writes in one case.
const GO_INITIALISMS: &[&str] = &[
    "ACL", "API", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML", "HTTP", "HTTPS", "ID", "IP",
    "JSON", "LHS", "OTP", "QPS", "RAM", "RHS", "RPC", "SLA", "SMTP", "SQL", "SSH", "TCP", "TLS",
    "TTL", "UDP", "UI", "UID", "URI", "URL", "UTF8", "UUID", "VM", "XML", "XMPP", "XSRF", "XSS",
];

/// The names `errors.py` defines or imports whatever the catalogue, which
/// no generated name may take.
pub(crate) const PYTHON_MODULE_NAMES: &[&str] = &[
    // Imported.
    "annotations",
    "json",
    "math",
    "Mapping",
    "dataclass",
    "Final",
    "Literal",
    "NamedTuple",
    "NoReturn",
    "TypeAlias",
    "TypedDict",
    "TypeGuard",
    "cast",
    "final",
    // Defined (private helpers start with `_`, which no catalogue name does).
    "ErrorCode",
    "ERROR_CODES",
    "Retry",
    "ErrorInfo",
    "ERRORS",
    "status_of",
    "ErrorDetails",
    "ErrorBody",
    "ReceivedErrorBody",
    "is_error_code",
    "is_error_body",
    "is_received_error_body",
    "retry_after_seconds",
];

/// Python's keywords and builtins, which a module-level name must not
/// shadow (`NotImplementedError`, `TimeoutError`, `None`, `type`).
pub(crate) const PYTHON_RESERVED: &[&str] = &[
    // Keywords (3.10+), soft keywords included.
    "False",
    "None",
    "True",
    "and",
    "as",
    "assert",
    "async",
    "await",
    "break",
    "case",
    "class",
    "continue",
    "def",
    "del",
    "elif",
    "else",
    "except",
    "finally",
    "for",
    "from",
    "global",
    "if",
    "import",
    "in",
    "is",
    "lambda",
    "match",
    "nonlocal",
    "not",
    "or",
    "pass",
    "raise",
    "return",
    "try",
    "type",
    "while",
    "with",
    "yield",
    "_",
    // Builtins (`dir(builtins)` in 3.10 to 3.13).
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BaseException",
    "BaseExceptionGroup",
    "BlockingIOError",
    "BrokenPipeError",
    "BufferError",
    "BytesWarning",
    "ChildProcessError",
    "ConnectionAbortedError",
    "ConnectionError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "DeprecationWarning",
    "EOFError",
    "Ellipsis",
    "EncodingWarning",
    "EnvironmentError",
    "Exception",
    "ExceptionGroup",
    "FileExistsError",
    "FileNotFoundError",
    "FloatingPointError",
    "FutureWarning",
    "GeneratorExit",
    "IOError",
    "ImportError",
    "ImportWarning",
    "IndentationError",
    "IndexError",
    "InterruptedError",
    "IsADirectoryError",
    "KeyError",
    "KeyboardInterrupt",
    "LookupError",
    "MemoryError",
    "ModuleNotFoundError",
    "NameError",
    "NotADirectoryError",
    "NotImplemented",
    "NotImplementedError",
    "OSError",
    "OverflowError",
    "PendingDeprecationWarning",
    "PermissionError",
    "ProcessLookupError",
    "PythonFinalizationError",
    "RecursionError",
    "ReferenceError",
    "ResourceWarning",
    "RuntimeError",
    "RuntimeWarning",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SyntaxWarning",
    "SystemError",
    "SystemExit",
    "TabError",
    "TimeoutError",
    "TypeError",
    "UnboundLocalError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeError",
    "UnicodeTranslateError",
    "UnicodeWarning",
    "UserWarning",
    "ValueError",
    "Warning",
    "ZeroDivisionError",
    "abs",
    "aiter",
    "all",
    "anext",
    "any",
    "ascii",
    "bin",
    "bool",
    "breakpoint",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "compile",
    "complex",
    "copyright",
    "credits",
    "delattr",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "eval",
    "exec",
    "exit",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "help",
    "hex",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "license",
    "list",
    "locals",
    "map",
    "max",
    "memoryview",
    "min",
    "next",
    "object",
    "oct",
    "open",
    "ord",
    "pow",
    "print",
    "property",
    "quit",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "vars",
    "zip",
];

/// The names `errors.go` declares or imports whatever the catalogue.
pub(crate) const GO_PACKAGE_NAMES: &[&str] = &[
    "Code",
    "Codes",
    "Info",
    "Lookup",
    "Retry",
    "RetryNever",
    "RetryBackoff",
    "RetryAfter",
    "Error",
    "ErrNotErrorBody",
    "Decode",
    "json",
    "errors",
    "fmt",
    "time",
];

/// The methods every struct of `errors.go`'s details and types has, which
/// no field of theirs may be named.
pub(crate) const GO_STRUCT_METHODS: &[&str] = &["UnmarshalJSON"];

/// Go's keywords and predeclared identifiers, which a package-level name
/// must not shadow.
pub(crate) const GO_RESERVED: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
    "any",
    "bool",
    "byte",
    "comparable",
    "complex64",
    "complex128",
    "error",
    "float32",
    "float64",
    "int",
    "int8",
    "int16",
    "int32",
    "int64",
    "rune",
    "string",
    "uint",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "uintptr",
    "true",
    "false",
    "iota",
    "nil",
    "append",
    "cap",
    "clear",
    "close",
    "complex",
    "copy",
    "delete",
    "imag",
    "len",
    "make",
    "max",
    "min",
    "new",
    "panic",
    "print",
    "println",
    "real",
    "recover",
    "_",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_fields_spell_initialisms_in_capitals() {
        assert_eq!(go_field("retry_after"), "RetryAfter");
        assert_eq!(go_field("user_id"), "UserID");
        assert_eq!(go_field("doc_url"), "DocURL");
        assert_eq!(go_field("retryAfter"), "RetryAfter");
        assert_eq!(go_field("idle"), "Idle");
        assert_eq!(go_field("x"), "X");
    }

    #[test]
    fn go_code_names_spell_initialisms_in_capitals() {
        assert_eq!(go_constant("IpNotAllowed"), "CodeIPNotAllowed");
        assert_eq!(go_sentinel("InvalidJson"), "ErrInvalidJSON");
        assert_eq!(go_details("NoApiAccess"), "NoAPIAccessDetails");
        assert_eq!(go_constant("Wa401"), "CodeWa401");
        assert_eq!(go_constant("InvalidToken"), "CodeInvalidToken");
    }

    #[test]
    fn python_exceptions_end_in_error_once() {
        assert_eq!(python_exception("Unauthorized"), "UnauthorizedError");
        assert_eq!(
            python_exception("InternalServerError"),
            "InternalServerError"
        );
        assert_eq!(python_exception("NotImplemented"), "NotImplementedError");
    }
}
