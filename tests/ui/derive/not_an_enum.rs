#[derive(Debug, error_codes::ErrorCode)]
struct NotFound;

#[derive(error_codes::ErrorCode)]
union Bits {
    status: u16,
}

fn main() {}
