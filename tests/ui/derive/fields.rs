#[derive(Debug, error_codes::ErrorCode)]
enum Mine {
    #[error_code(status = 404, message = "No such user.")]
    UserNotFound(u64),
    #[error_code(status = 409, message = "Number in use.")]
    NumberInUse { number: String },
    #[error_code(status = 500, message = "Unit is fine.")]
    Fine,
}

fn main() {}
