#[derive(Debug, error_codes::ErrorCode)]
enum Mine {
    #[error_code]
    Bare,
    #[error_code = "user_not_found"]
    NameValue,
    #[error_code(status 404, message = "Missing `=`.")]
    NoEquals,
    #[error_code(status = NOT_FOUND, message = "Not a literal.")]
    Constant,
    #[error_code(status = 404, message = concat!("Not ", "a literal."))]
    Macro,
    #[error_code(status = , message = "No value.")]
    NoValue,
    #[error_code(status = 404; message = "A semicolon.")]
    Semicolon,
}

fn main() {}
