error_codes::include_errors!("ui/fail/malformed.yaml");

fn main() {}
