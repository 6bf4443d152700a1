// Every problem in the enum is reported in one build, in source order.
#[derive(Debug, error_codes::ErrorCode)]
enum Mine {
    #[error_code(status = 404, message = "No such user.")]
    UserNotFound,
    #[error_code(status = 700, message = "")]
    Broken,
    Forgotten,
    #[error_code(status = 404, code = "user_not_found", message = "Again.", colour = "red")]
    Again(u8),
}

fn main() {}
