#[derive(Debug, error_codes::ErrorCode)]
enum Mine {
    #[error_code(status = 404, message = "No such user.")]
    UserNotFound,
    #[error_code(status = 410, code = "user_not_found", message = "User is gone.")]
    UserGone,
    #[error_code(status = 409, code = "in-use", message = "Number in use.")]
    NumberInUse,
    #[error_code(status = 409, code = "in-use", message = "Name in use.")]
    NameInUse,
    #[error_code(status = 500, code = "in_use", message = "Differs only in the dash.")]
    InUse,
}

fn main() {}
