#[derive(Debug, error_codes::ErrorCode)]
enum Mine {
    #[error_code(status = 399, message = "Below.")]
    Below,
    #[error_code(status = 600, message = "Above.")]
    Above,
    #[error_code(status = 200, message = "Not an error.")]
    Success,
    #[error_code(status = 70000, message = "Not a u16.")]
    Huge,
    #[error_code(status = 404i32, message = "Wrong suffix.")]
    Suffixed,
    #[error_code(status = "404", message = "A string.")]
    Quoted,
    #[error_code(status = -404, message = "Negative.")]
    Negative,
}

fn main() {}
