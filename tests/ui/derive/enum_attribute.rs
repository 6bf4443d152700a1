#[derive(Debug, error_codes::ErrorCode)]
#[error_code(status = 404)]
enum Mine {
    #[error_code(status = 404, message = "No such user.")]
    UserNotFound,
}

fn main() {}
