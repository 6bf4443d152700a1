error_codes::include_errors!("ui/fail/unknown_key.yaml");

fn main() {}
