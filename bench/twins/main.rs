// The `main` both twins share (each `src/main.rs` includes this file), so
// they compile and run the same code against the same API: every error's
// wire fields and text, the way back from a code, `From<Group>` and the
// `Error` trait. The two must print the same; `cargo xtask bench` checks it,
// with every body as JSON too, before it times anything.

fn main() {
    for &error in ApiError::ALL {
        assert_eq!(ApiError::from_code(error.code()), Some(error));
        let (status, code, message) = (error.status(), error.code(), error.message());
        println!("{status} {code} {message:?} | {error}");
        #[cfg(feature = "check")]
        println!(
            "{}",
            serde_json::to_string(&error).expect("a body serializes")
        );
    }
    assert_eq!(ApiError::from_code("no_such_code"), None);

    let error = ApiError::from(Unauthorized::InvalidToken);
    let dynamic: &dyn std::error::Error = &error;
    println!("{dynamic} (has a source: {})", dynamic.source().is_some());
    let unavailable = ApiError::from(ServiceUnavailable::MaintenanceMode);
    println!("{}", unavailable.status());
}
