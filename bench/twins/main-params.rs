// The `main` both params twins share (each `src/main.rs` includes this file),
// so they compile and run the same code against the same API: every code of
// the catalogue, the three with params among them (an absent optional param
// too), with its wire fields, rendered message, retry and text, `From<Group>`
// and the `Error` trait. The two must print the same; `cargo xtask bench`
// checks it, with every body as JSON too, before it times anything.

fn samples() -> Vec<ApiError> {
    let violation = |field: &str, reason: &str| FieldViolation {
        field: field.to_owned(),
        reason: reason.to_owned(),
    };
    vec![
        Unauthorized::MissingAuthHeaders.into(),
        Unauthorized::InvalidToken.into(),
        Unauthorized::TokenInactive.into(),
        Unauthorized::TokenExpired.into(),
        Unauthorized::Unauthorized.into(),
        Unauthorized::MissingSignature.into(),
        Unauthorized::InvalidSignature.into(),
        Unauthorized::SignatureExpired.into(),
        PaymentRequired::InsufficientBalance.into(),
        Forbidden::IpNotAllowed.into(),
        Forbidden::TokenDeleted.into(),
        Forbidden::NoApiAccess.into(),
        Conflict::PaygConfirmRequired.into(),
        UnprocessableEntity::ValidationError {
            violations: vec![
                violation("url", "must not be empty"),
                violation("amount", "must be a decimal like \"12.50\""),
            ],
        }
        .into(),
        UnprocessableEntity::ValidationError { violations: vec![] }.into(),
        UnprocessableEntity::AlreadyExists.into(),
        UnprocessableEntity::InvalidJson.into(),
        UnprocessableEntity::InvalidAmountFormat.into(),
        UnprocessableEntity::InvalidOtp.into(),
        UnprocessableEntity::OtpExpired.into(),
        UnprocessableEntity::TestMessageFailed.into(),
        TooManyRequests::RateLimitExceeded {
            retry_after: 30,
            limit: Some(60),
        }
        .into(),
        TooManyRequests::RateLimitExceeded {
            retry_after: 1,
            limit: None,
        }
        .into(),
        TooManyRequests::PlanLimitReached.into(),
        TooManyRequests::PaygLimitReached.into(),
        TooManyRequests::OtpWaitRequired { retry_after: 45 }.into(),
        TooManyRequests::OtpResendLimit.into(),
        TooManyRequests::TooManyAttempts.into(),
        InternalServerError::InternalError.into(),
        BadGateway::SendMessageFailed.into(),
        BadGateway::SendMediaFailed.into(),
        ServiceUnavailable::ServerDown.into(),
        ServiceUnavailable::SessionNotReady.into(),
        ServiceUnavailable::MaintenanceMode.into(),
    ]
}

fn main() {
    let samples = samples();
    for code in ApiError::CODES {
        assert!(
            samples.iter().any(|error| error.code() == *code),
            "no sample of `{code}`"
        );
    }
    for error in &samples {
        let (status, code, message) = (error.status(), error.code(), error.message());
        println!("{status} {code} {message:?} {:?} | {error}", error.retry());
        #[cfg(feature = "check")]
        println!(
            "{}",
            serde_json::to_string(error).expect("a body serializes")
        );
    }

    let error = ApiError::from(TooManyRequests::OtpWaitRequired { retry_after: 5 });
    let dynamic: &dyn std::error::Error = &error;
    println!("{dynamic} (has a source: {})", dynamic.source().is_some());
    let unavailable = ApiError::from(ServiceUnavailable::MaintenanceMode);
    println!("{} {:?}", unavailable.status(), unavailable.retry());
}
