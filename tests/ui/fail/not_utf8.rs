error_codes::include_errors!("ui/fail/not_utf8.yaml");

fn main() {}
