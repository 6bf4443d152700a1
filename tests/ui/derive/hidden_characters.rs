// Characters that hide what a text says are refused, as in errors.yaml: control
// characters other than a line feed or a tab, and bidirectional controls
// ("Trojan Source"), written here as escapes, which rustc's own lint misses.
#[derive(Debug, error_codes::ErrorCode)]
enum Mine {
    #[error_code(status = 404, message = "Access \u{202E}denied\u{202C}.")]
    Bidi,
    #[error_code(status = 404, message = "Red \x1b[31malert.")]
    TerminalEscape,
    #[error_code(status = 404, message = "Carriage\rreturn.")]
    CarriageReturn,
    #[error_code(status = 404, code = "user\u{2066}_not_found", message = "Bidi in a code.")]
    BidiInCode,
    #[error_code(status = 404, message = "Line feeds\nand\ttabs are fine.")]
    Fine,
}

fn main() {}
