#[derive(Debug, error_codes::ErrorCode)]
enum Mine {
    #[error_code(status = 404, message = "No such user.", status = 410)]
    SameAttribute,
    #[error_code(status = 404, message = "No such number.")]
    #[error_code(message = "Said twice.")]
    TwoAttributes,
}

fn main() {}
