error_codes::include_errors!("ui/fail/no_such_file.yaml");

fn main() {}
