//! Runtime behaviour of `#[derive(error_codes::ErrorCode)]` on hand-written enums.

// The generated impls must stay quiet under the strictest settings a user may pick.
#![deny(warnings, missing_docs, clippy::pedantic)]

use std::error::Error;

use error_codes::ErrorCode;

/// Errors of a user service, written by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, error_codes::ErrorCode)]
enum Mine {
    /// Code taken from the variant name.
    #[error_code(status = 404, message = "No such user.")]
    UserNotFound,
    /// Code given explicitly, in a form the variant name could not produce.
    #[error_code(status = 409, code = "number-in-use", message = "Number in use.")]
    NumberInUse,
    /// Keys in any order, spread over two attributes, same status as `UserNotFound`.
    #[error_code(message = "No such number.")]
    #[error_code(status = 404)]
    NumberNotFound,
    /// An acronym and a digit in the name.
    #[error_code(status = 503, message = "Upstream HTTP2 gateway down.")]
    HTTP2GatewayDown,
    /// A raw identifier: the `r#` is not part of the code.
    #[error_code(status = 400, message = "Wrong type.")]
    r#Type,
    /// Top of the allowed range, with an explicit `u16` suffix and a discriminant.
    #[error_code(status = 599u16, message = "Edge of the range.")]
    Edge = 7,
}

/// No `Copy`, no `PartialEq`: the derive needs neither.
#[derive(Debug, error_codes::ErrorCode)]
enum Plain {
    /// The only error.
    #[error_code(status = 500, code = "WA500", message = "Something broke.")]
    Broken,
}

/// An uninhabited error type still gets the impls.
#[derive(Debug, error_codes::ErrorCode)]
enum Never {}

#[test]
fn code_defaults_to_the_variant_name_in_snake_case() {
    assert_eq!(Mine::UserNotFound.code(), "user_not_found");
    assert_eq!(Mine::NumberNotFound.code(), "number_not_found");
    assert_eq!(Mine::HTTP2GatewayDown.code(), "http2_gateway_down");
    assert_eq!(Mine::r#Type.code(), "type");
    assert_eq!(Mine::Edge.code(), "edge");
}

#[test]
fn explicit_code_is_used_verbatim() {
    assert_eq!(Mine::NumberInUse.code(), "number-in-use");
    assert_eq!(Plain::Broken.code(), "WA500");
}

#[test]
fn message_and_status_come_from_the_attribute() {
    let expected = [
        (Mine::UserNotFound, 404, "No such user."),
        (Mine::NumberInUse, 409, "Number in use."),
        (Mine::NumberNotFound, 404, "No such number."),
        (Mine::HTTP2GatewayDown, 503, "Upstream HTTP2 gateway down."),
        (Mine::r#Type, 400, "Wrong type."),
        (Mine::Edge, 599, "Edge of the range."),
    ];
    for (error, status, message) in expected {
        assert_eq!(error.status(), status, "{error:?}");
        assert_eq!(error.message(), message, "{error:?}");
    }
    assert_eq!(Plain::Broken.status(), 500);
    assert_eq!(Plain::Broken.message(), "Something broke.");
}

#[test]
fn discriminants_are_left_alone() {
    assert_eq!(Mine::Edge as isize, 7);
}

#[test]
fn display_is_the_message_and_honours_padding() {
    assert_eq!(Mine::UserNotFound.to_string(), "No such user.");
    assert_eq!(Plain::Broken.to_string(), "Something broke.");
    assert_eq!(format!("{:>15}|", Mine::UserNotFound), "  No such user.|");
    assert_eq!(format!("{:.7}", Mine::NumberInUse), "Number ");
}

#[test]
fn it_is_a_std_error_without_a_source() {
    fn fails() -> Result<(), Box<dyn Error>> {
        Err(Plain::Broken)?;
        Ok(())
    }

    let boxed: Box<dyn Error + Send + Sync> = Box::new(Mine::NumberInUse);
    assert_eq!(boxed.to_string(), "Number in use.");
    assert!(boxed.source().is_none());
    assert!(boxed.downcast_ref::<Mine>() == Some(&Mine::NumberInUse));
    assert_eq!(fails().unwrap_err().to_string(), "Something broke.");
}

#[test]
fn works_through_a_trait_object() {
    let errors: [&dyn ErrorCode; 3] = [&Mine::UserNotFound, &Mine::NumberInUse, &Plain::Broken];
    let described: Vec<(u16, &str, String)> = errors
        .iter()
        .map(|error| (error.status(), error.code(), error.message().into_owned()))
        .collect();
    assert_eq!(
        described,
        [
            (404, "user_not_found", "No such user.".to_owned()),
            (409, "number-in-use", "Number in use.".to_owned()),
            (500, "WA500", "Something broke.".to_owned()),
        ]
    );
}

#[test]
fn works_in_generic_code() {
    fn body(error: &impl ErrorCode) -> String {
        format!(
            r#"{{"error":"{}","message":"{}"}}"#,
            error.code(),
            error.message()
        )
    }
    assert_eq!(
        body(&Mine::NumberInUse),
        r#"{"error":"number-in-use","message":"Number in use."}"#
    );
}

/// `retry = "backoff"` on a variant; the others keep `Retry::Never`, as
/// every variant of an enum that says nothing does.
#[test]
fn retry_is_never_unless_a_variant_says_backoff() {
    use error_codes::Retry;

    #[derive(Debug, Clone, Copy, error_codes::ErrorCode)]
    enum Upstream {
        #[error_code(status = 502, message = "Upstream down.", retry = "backoff")]
        Down,
        #[error_code(status = 502, message = "Upstream refused.", retry = "never")]
        Refused,
        #[error_code(status = 503, message = "Overloaded.")]
        #[error_code(retry = "backoff")]
        Overloaded,
        #[error_code(status = 400, message = "Bad.")]
        Bad,
    }
    let retries: Vec<Retry> = [
        Upstream::Down,
        Upstream::Refused,
        Upstream::Overloaded,
        Upstream::Bad,
    ]
    .iter()
    .map(ErrorCode::retry)
    .collect();
    assert_eq!(
        retries,
        [Retry::Backoff, Retry::Never, Retry::Backoff, Retry::Never]
    );
    assert_eq!(Mine::UserNotFound.retry(), Retry::Never);
}

#[test]
fn an_uninhabited_enum_implements_the_traits() {
    fn assert_impls<T: ErrorCode + Error + 'static>() {}
    assert_impls::<Never>();
    let none: Option<&Never> = None;
    assert!(none.map(ErrorCode::code).is_none());
}
