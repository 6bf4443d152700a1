error_codes::include_errors!("ui/fail/keyword.yaml");

fn main() {}
