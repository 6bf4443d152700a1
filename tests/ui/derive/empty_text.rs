#[derive(Debug, error_codes::ErrorCode)]
enum Mine {
    #[error_code(status = 404, message = "")]
    EmptyMessage,
    #[error_code(status = 404, message = "  \n ")]
    BlankMessage,
    #[error_code(status = 404, code = "", message = "Empty code.")]
    EmptyCode,
    #[error_code(status = 404, message = 'x')]
    CharMessage,
}

fn main() {}
