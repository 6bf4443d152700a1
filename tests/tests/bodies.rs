//! The real-world layouts of `tests/fixtures/bodies/` (WhatsApp Cloud API,
//! `OpenAI`, Stripe, Twilio, Vonage's problem details, Firebase), each taken
//! through every output.

use error_codes_gen::{Catalog, CodeType, Part, Preset};
use error_codes_tests::fixture;

/// Every fixture of `tests/fixtures/bodies/`, by name, loaded.
fn fixtures() -> Vec<(&'static str, Catalog)> {
    ["meta", "openai", "stripe", "twilio", "problem", "firebase"]
        .into_iter()
        .map(|name| {
            let path = fixture(&format!("bodies/{name}.yaml"));
            let catalog = Catalog::load(&path).unwrap_or_else(|error| panic!("{error}"));
            (name, catalog)
        })
        .collect()
}

/// Where a part goes, as the file writes it.
fn path(catalog: &Catalog, part: Part) -> Option<String> {
    catalog.body.path(part).map(ToString::to_string)
}

#[test]
fn every_fixture_loads_as_its_api_sends_errors() {
    for (name, catalog) in fixtures() {
        let codes: Vec<_> = catalog.codes().map(|(_, code)| code).collect();
        assert!(codes.len() >= 5, "{name}: a handful of codes");
        assert!(catalog.body.is_declared(), "{name}: a declared layout");
        match name {
            "meta" => {
                assert_eq!(catalog.body.code_type, CodeType::Integer);
                assert_eq!(path(&catalog, Part::Code).as_deref(), Some("error.code"));
                assert_eq!(
                    path(&catalog, Part::Details).as_deref(),
                    Some("error.error_data")
                );
                // Named, since a number cannot be a Rust variant.
                assert!(codes.iter().all(|code| code.explicit_name));
                let expired = codes.iter().find(|code| code.code == "190").unwrap();
                assert_eq!(
                    expired.docs.as_deref(),
                    Some("https://developers.facebook.com/docs/graph-api/guides/error-handling")
                );
                let window = codes.iter().find(|code| code.code == "131047").unwrap();
                assert_eq!(window.name, "ReEngagementMessage");
                assert_eq!(window.number(), Some(131_047));
                assert_eq!(
                    window.docs.as_deref(),
                    Some(
                        "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes#131047"
                    )
                );
            }
            "openai" => {
                // The message first, as OpenAI writes it; params spread.
                assert_eq!(catalog.body.parts[0].0, Part::Message);
                assert_eq!(path(&catalog, Part::Details).as_deref(), Some("error.*"));
            }
            "stripe" => {
                assert_eq!(path(&catalog, Part::Docs).as_deref(), Some("error.doc_url"));
                assert!(codes.iter().all(|code| code.docs.is_some()));
                let declined = codes.iter().find(|c| c.code == "card_declined").unwrap();
                assert_eq!(
                    declined.docs.as_deref(),
                    Some("https://stripe.com/docs/error-codes/card-declined")
                );
            }
            "twilio" => {
                assert_eq!(catalog.body.code_type, CodeType::Integer);
                assert_eq!(path(&catalog, Part::Docs).as_deref(), Some("more_info"));
                assert_eq!(path(&catalog, Part::Status).as_deref(), Some("status"));
                let invalid = codes.iter().find(|code| code.code == "21211").unwrap();
                assert_eq!(
                    invalid.docs.as_deref(),
                    Some("https://www.twilio.com/docs/errors/21211")
                );
            }
            "problem" => {
                assert_eq!(catalog.body.preset, Some(Preset::Problem));
                assert_eq!(catalog.body.content_type, "application/problem+json");
                assert!(codes.iter().all(|code| code.docs.is_some()));
            }
            "firebase" => {
                assert!(codes.iter().all(|code| code.code.starts_with("auth/")));
                assert_eq!(path(&catalog, Part::Details).as_deref(), Some("customData"));
            }
            _ => unreachable!(),
        }
    }
}
