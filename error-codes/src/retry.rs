//! [`Retry`]: how a client may retry a request that failed with an error.

use std::time::Duration;

/// How a client may retry a request that failed with an error: the
/// catalogue's `retry:` (`never`, `backoff`, or `after`, with the seconds
/// the error's `retry_after` field holds).
///
/// Every generated enum has `retry()`, and so has [`ErrorCode`](crate::ErrorCode);
/// `#[derive(ErrorCode)]` takes `retry = "backoff"` on a variant. The web
/// framework impls send [`Retry::After`] as the `Retry-After` header.
///
/// ```
/// use std::time::Duration;
/// use error_codes::Retry;
///
/// fn wait(retry: Retry, attempt: u32) -> Option<Duration> {
///     match retry {
///         Retry::Never => None,
///         Retry::Backoff => Some(Duration::from_millis(100) * 2_u32.pow(attempt)),
///         Retry::After(wait) => Some(wait),
///     }
/// }
/// assert_eq!(wait(Retry::After(Duration::from_secs(30)), 0), Some(Duration::from_secs(30)));
/// assert_eq!(wait(Retry::Backoff, 3), Some(Duration::from_millis(800)));
/// assert_eq!(wait(Retry::default(), 0), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Retry {
    /// Do not retry: the same request fails the same way (the default).
    #[default]
    Never,
    /// Transient: retry with exponential backoff.
    Backoff,
    /// Retry once this much time has passed.
    After(Duration),
}

impl Retry {
    /// `After` the given seconds, as an error's `retry_after` field holds
    /// them; a negative number waits for nothing.
    ///
    /// ```
    /// use std::time::Duration;
    /// use error_codes::Retry;
    ///
    /// assert_eq!(Retry::after_seconds(30), Retry::After(Duration::from_secs(30)));
    /// assert_eq!(Retry::after_seconds(-5), Retry::After(Duration::ZERO));
    /// ```
    #[must_use]
    pub const fn after_seconds(seconds: i64) -> Self {
        if seconds < 0 {
            Self::After(Duration::ZERO)
        } else {
            Self::After(Duration::from_secs(seconds.unsigned_abs()))
        }
    }
}
