//! The demo data the server starts with: accounts and API tokens in every
//! state the errors describe, so that each error can be seen with one request.
//! A real service reads these from its database.
//!
//! Every token signs requests with the secret `"<token>-signing-secret"`
//! (see [`signing_secret`]).

use std::net::IpAddr;

/// A customer account.
#[derive(Debug, Clone)]
pub struct Account {
    /// The account's name, which tokens refer to.
    pub name: &'static str,
    /// The subscription, if any.
    pub plan: Option<Plan>,
    /// Pay-as-you-go billing, if enabled: used when there is no plan.
    pub payg: Option<Payg>,
    /// The wallet balance, in cents.
    pub wallet_cents: u64,
    /// The state of the account's WhatsApp session.
    pub session: Session,
    /// The only client addresses allowed, if the account limits them.
    pub allowed_ips: Option<Vec<IpAddr>>,
}

/// A subscription with a monthly message quota.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    /// Messages included per month.
    pub quota: u32,
    /// Messages sent this month.
    pub used: u32,
}

/// Pay-as-you-go billing: each message is charged to the wallet.
#[derive(Debug, Clone, Copy)]
pub struct Payg {
    /// The most the account lets itself be charged this month, in cents.
    pub limit_cents: u64,
    /// What it has been charged this month, in cents.
    pub spent_cents: u64,
}

/// The account's WhatsApp session, through which messages go out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Session {
    /// Connected.
    Ready,
    /// Still connecting.
    Starting,
    /// Its server is down.
    Down,
}

/// An API token.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// The token, as sent in `X-Token`.
    pub token: &'static str,
    /// The account it acts for.
    pub account: &'static str,
    /// Whether it can be used.
    pub state: TokenState,
    /// Requests allowed per minute.
    pub requests_per_minute: u32,
}

/// Whether a token can be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenState {
    /// In use.
    Active,
    /// Disabled by the account owner; it can be enabled again.
    Disabled,
    /// Past its expiry date.
    Expired,
    /// Deleted for good.
    Deleted,
}

/// What a message costs on pay-as-you-go, in cents.
pub const MESSAGE_PRICE_CENTS: u64 = 5;

/// Numbers starting with this fail at the (simulated) WhatsApp gateway.
pub const FAILING_NUMBER_PREFIX: &str = "+999";

/// A phone number whose OTP was sent long ago and has expired.
pub const PHONE_WITH_EXPIRED_OTP: &str = "+15550000001";

/// A phone number that has been sent the most OTPs allowed.
pub const PHONE_AT_RESEND_LIMIT: &str = "+15550000002";

/// A webhook URL that the `acme` account has registered already.
pub const REGISTERED_WEBHOOK: &str = "https://hooks.example.com/acme";

/// The secret a demo token signs requests with.
#[must_use]
pub fn signing_secret(token: &str) -> String {
    format!("{token}-signing-secret")
}

/// The demo accounts.
#[must_use]
pub fn accounts() -> Vec<Account> {
    let base = Account {
        name: "acme",
        plan: Some(Plan {
            quota: 10_000,
            used: 0,
        }),
        payg: None,
        wallet_cents: 0,
        session: Session::Ready,
        allowed_ips: None,
    };
    let payg = Account {
        plan: None,
        payg: Some(Payg {
            limit_cents: 5_000,
            spent_cents: 0,
        }),
        wallet_cents: 10_000,
        ..base.clone()
    };
    vec![
        Account {
            name: "office",
            allowed_ips: Some(vec![IpAddr::from([203, 0, 113, 7])]),
            ..base.clone()
        },
        Account {
            name: "no-access",
            plan: None,
            ..base.clone()
        },
        Account {
            name: "plan-used-up",
            plan: Some(Plan {
                quota: 100,
                used: 100,
            }),
            ..base.clone()
        },
        Account {
            name: "starting",
            session: Session::Starting,
            ..base.clone()
        },
        Account {
            name: "offline",
            session: Session::Down,
            ..base.clone()
        },
        Account {
            name: "payg-capped",
            payg: Some(Payg {
                limit_cents: 1_000,
                spent_cents: 1_000,
            }),
            ..payg.clone()
        },
        Account {
            name: "low-balance",
            wallet_cents: MESSAGE_PRICE_CENTS - 2,
            ..payg.clone()
        },
        Account {
            name: "payg",
            ..payg
        },
        base,
    ]
}

/// The demo tokens. `orphan` belongs to an account that does not exist: an
/// inconsistency in the server's own data.
#[must_use]
pub fn tokens() -> Vec<Token> {
    let token = |token, account, state| Token {
        token,
        account,
        state,
        requests_per_minute: 600,
    };
    let mut tokens = vec![
        token("demo", "acme", TokenState::Active),
        token("disabled", "acme", TokenState::Disabled),
        token("expired", "acme", TokenState::Expired),
        token("deleted", "acme", TokenState::Deleted),
        token("orphan", "closed-account", TokenState::Active),
    ];
    for account in [
        "office",
        "no-access",
        "plan-used-up",
        "starting",
        "offline",
        "payg",
        "payg-capped",
        "low-balance",
    ] {
        tokens.push(token(account, account, TokenState::Active));
    }
    tokens.push(Token {
        requests_per_minute: 2,
        ..token("throttled", "acme", TokenState::Active)
    });
    tokens
}
