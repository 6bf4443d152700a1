error_codes::include_errors!("ui/fail/duplicate_code.yaml");

fn main() {}
