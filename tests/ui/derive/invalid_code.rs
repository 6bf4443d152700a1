// Codes follow the catalogue's rule: ASCII letters, digits, `_`, `-`, `.`.
#[derive(Debug, error_codes::ErrorCode)]
enum Mine {
    #[error_code(status = 404, code = "has space", message = "A space.")]
    Space,
    #[error_code(status = 404, code = "line\nbreak", message = "A line break.")]
    LineBreak,
    #[error_code(status = 404, message = "A non-ASCII variant name.")]
    Café,
    #[error_code(status = 404, code = "fine.code-1", message = "Fine.")]
    Fine,
}

fn main() {}
