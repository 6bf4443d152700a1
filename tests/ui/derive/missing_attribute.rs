#[derive(Debug, error_codes::ErrorCode)]
enum Mine {
    #[error_code(status = 404, message = "No such user.")]
    UserNotFound,
    /// A doc comment is not an `#[error_code]`.
    NumberInUse,
}

fn main() {}
