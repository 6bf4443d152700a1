error_codes::include_errors!("ui/fail/invalid_identifier.yaml");

fn main() {}
