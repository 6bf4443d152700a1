//! The example Rust client: `client [BASE_URL] [TOKEN]`.
//!
//! Calls the server at `BASE_URL` (`http://127.0.0.1:8080` by default) with a
//! demo `TOKEN` (`demo` by default; see `demo.rs` for the others, such as
//! `expired` or `throttled`), and prints each result, or each error (with
//! the inputs the server refused, if any) and what the client would do about
//! it: for a retry, the wait the server asked for.

use std::fmt::Debug;

use example_service::client::{Client, ClientError};
use example_service::demo;
use example_service::server::SendMessage;

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let base_url = args
        .next()
        .unwrap_or_else(|| "http://127.0.0.1:8080".to_owned());
    let token = args.next().unwrap_or_else(|| "demo".to_owned());
    let client = Client::new(&base_url, &token, &demo::signing_secret(&token));

    report("account", client.account().await);
    let message = SendMessage {
        to: "+15551234567".to_owned(),
        text: "Hello from the example client.".to_owned(),
        confirm_charge: false,
    };
    report("send a message", client.send_message(&message).await);
    // The server names each input it refuses, and why; the error says so.
    let bad = SendMessage {
        to: "12345".to_owned(),
        text: String::new(),
        confirm_charge: false,
    };
    report(
        "send a message with bad inputs",
        client.send_message(&bad).await,
    );
    report("send an OTP", client.send_otp("+15557654321").await);
    report(
        "send it again at once",
        client.send_otp("+15557654321").await,
    );
    report(
        "verify a wrong code",
        client.verify_otp("+15557654321", "000000").await,
    );
}

fn report<T: Debug>(what: &str, result: Result<T, ClientError>) {
    match result {
        Ok(value) => println!("{what}: {value:?}"),
        Err(error) => println!("{what}: {error}\n  -> {:?}", error.recovery()),
    }
}
