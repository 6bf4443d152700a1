#[derive(Debug, error_codes::ErrorCode)]
enum Mine {
    #[error_code(message = "No such user.")]
    NoStatus,
    #[error_code(status = 409)]
    NoMessage,
    #[error_code(code = "neither")]
    Neither,
    #[error_code()]
    Empty,
}

fn main() {}
