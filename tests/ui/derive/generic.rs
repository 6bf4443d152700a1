#[derive(Debug, error_codes::ErrorCode)]
enum Generic<const N: usize> {
    #[error_code(status = 404, message = "Not found.")]
    NotFound,
}

fn main() {}
