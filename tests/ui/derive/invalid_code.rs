// A code has no whitespace or control characters; anything else an API sends
// is allowed, unlike in errors.yaml, since a derived enum's codes stay in Rust.
#[derive(Debug, error_codes::ErrorCode)]
enum Mine {
    #[error_code(status = 404, code = "has space", message = "A space.")]
    Space,
    #[error_code(status = 404, code = "line\nbreak", message = "A line break.")]
    LineBreak,
    #[error_code(status = 400, code = "auth/invalid-email", message = "Firebase style.")]
    Slash,
    #[error_code(status = 404, code = "Resource:NotFound", message = "A colon.")]
    Colon,
    #[error_code(status = 404, message = "A non-ASCII variant name.")]
    Café,
}

fn main() {}
