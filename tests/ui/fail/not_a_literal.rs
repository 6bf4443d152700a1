error_codes::include_errors!(errors.yaml);

fn main() {}
