#[derive(Debug, error_codes::ErrorCode)]
enum Mine {
    // `after` needs the seconds in a field, which a unit variant has not.
    #[error_code(status = 429, message = "Wait.", retry = "after")]
    Wait,
    #[error_code(status = 503, message = "Down.", retry = "sometimes")]
    Down,
    #[error_code(status = 502, message = "Bare word.", retry = backoff)]
    Bare,
    #[error_code(status = 500, message = "Twice.", retry = "never", retry = "backoff")]
    Twice,
}

fn main() {}
