error_codes::include_errors!("ui/fail/status_out_of_range.yaml");

fn main() {}
