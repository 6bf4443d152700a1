#[derive(Debug, error_codes::ErrorCode)]
enum Mine {
    #[error_code(status = 404, mesage = "Typo in the key.", retry_after(seconds = 5), message = "Found.")]
    Typo,
    #[error_code(status = 404, message = "Not found.", serde::rename = "x")]
    PathKey,
}

fn main() {}
