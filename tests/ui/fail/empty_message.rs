error_codes::include_errors!("ui/fail/empty_message.yaml");

fn main() {}
