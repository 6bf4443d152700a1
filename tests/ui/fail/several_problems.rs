error_codes::include_errors!("ui/fail/several_problems.yaml");

fn main() {}
