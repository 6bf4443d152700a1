error_codes::include_errors!("ui/fail/case_collision.yaml");

fn main() {}
