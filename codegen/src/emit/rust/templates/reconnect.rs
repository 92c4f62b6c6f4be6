// The reconnect policy and the close description: the same for every registry (the delay bounds
// come from `CloseCode::reconnect_delay_bounds`, generated from the registry). Reference:
// `codegen/src/behaviour.rs`; Go, Java, TypeScript and Python compute the same numbers.

/// How many attempts in a row may fail before the connection ever opened before
/// [`CloseCode::reconnect_step`] says stop: a browser reports a refused handshake, an HTTP error
/// or a TLS failure as 1006 before `open`, and retrying those for ever helps nobody.
pub const MAX_ATTEMPTS_BEFORE_OPEN: u32 = 5;

/// How much the backoff window grows per failed attempt: `BASE_DELAY_MS * 2^attempt` ms.
pub const BASE_DELAY_MS: u32 = 1_000;

/// The delay bounds, in milliseconds, of a code for which neither it nor its range has its own.
pub const DEFAULT_DELAY_BOUNDS_MS: (u32, u32) = (500, 30_000);

/// What the client knows about a close besides its code: the input of
/// [`CloseCode::reconnect_step`].
///
/// ```rust
/// use ws_close_codes::ReconnectContext;
///
/// // The first reconnect after a connection that was open, with a random number of the caller's.
/// let context = ReconnectContext { closed_by_client: false, ever_opened: true, attempt: 0, random: 0.37 };
/// assert_eq!(context.attempt, 0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReconnectContext {
    /// Did the client itself close the connection (or ask to)? Then it never reconnects.
    pub closed_by_client: bool,
    /// Did the connection ever open? A connection that never did failed its handshake.
    pub ever_opened: bool,
    /// How many attempts in a row already failed: 0 for the first reconnect.
    pub attempt: u32,
    /// A random number in [0, 1) for the jitter, from the caller (so the step is a pure
    /// function); anything else, NaN included, counts as 0.
    pub random: f64,
}

/// What to do after a close: the result of [`CloseCode::reconnect_step`].
///
/// ```rust
/// use ws_close_codes::{CloseCode, ReconnectContext, ReconnectStep};
///
/// let context = ReconnectContext { closed_by_client: false, ever_opened: true, attempt: 0, random: 0.5 };
/// match CloseCode::from(1012).reconnect_step(context) {
///     ReconnectStep::Retry { delay_ms } => assert_eq!(delay_ms, 5_500),
///     other => panic!("expected a retry, got {other:?}"),
/// }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReconnectStep {
    /// Do not reconnect.
    Stop,
    /// Reconnect after `delay_ms` milliseconds.
    Retry {
        /// How long to wait first.
        delay_ms: u32,
    },
    /// Obtain fresh credentials, then reconnect after `delay_ms` milliseconds.
    Reauthenticate {
        /// How long to wait first.
        delay_ms: u32,
    },
}

impl ReconnectStep {
    /// The delay in milliseconds; 0 for [`ReconnectStep::Stop`].
    ///
    /// ```rust
    /// use ws_close_codes::ReconnectStep;
    ///
    /// assert_eq!(ReconnectStep::Retry { delay_ms: 1_200 }.delay_ms(), 1_200);
    /// assert_eq!(ReconnectStep::Stop.delay_ms(), 0);
    /// ```
    #[inline]
    pub const fn delay_ms(self) -> u32 {
        match self {
            ReconnectStep::Stop => 0,
            ReconnectStep::Retry { delay_ms } => delay_ms,
            ReconnectStep::Reauthenticate { delay_ms } => delay_ms,
        }
    }

    /// `stop`, `retry` or `reauthenticate`: the name every language uses.
    ///
    /// ```rust
    /// use ws_close_codes::ReconnectStep;
    ///
    /// assert_eq!(ReconnectStep::Stop.action(), "stop");
    /// ```
    #[inline]
    pub const fn action(self) -> &'static str {
        match self {
            ReconnectStep::Stop => "stop",
            ReconnectStep::Retry { .. } => "retry",
            ReconnectStep::Reauthenticate { .. } => "reauthenticate",
        }
    }
}

impl CloseCode {
    /// What to do after a connection closed with this code: stop, retry or reauthenticate, and
    /// after how many milliseconds.
    ///
    /// The rules, in order:
    /// 1. the client closed the connection itself: stop (whatever the code, often 1005 or 1000);
    /// 2. the code's [`Reconnect`] hint is `never`: stop;
    /// 3. the connection never opened and [`MAX_ATTEMPTS_BEFORE_OPEN`] attempts in a row already
    ///    failed: stop;
    /// 4. otherwise wait `min + floor(random * (ceiling - min))` ms with
    ///    `ceiling = min(max, min + BASE_DELAY_MS * 2^min(attempt, 20))`, `(min, max)` being
    ///    [`CloseCode::reconnect_delay_bounds`]: capped exponential backoff with full jitter; then
    ///    reauthenticate for hint `reauthenticate`, else retry.
    ///
    /// ```rust
    /// use ws_close_codes::{CloseCode, ReconnectContext, ReconnectStep};
    ///
    /// let mut context = ReconnectContext { closed_by_client: false, ever_opened: false, attempt: 0, random: 0.0 };
    /// // A handshake that failed (a browser's 1006 before `open`): a few attempts, then stop.
    /// assert_eq!(CloseCode::from(1006).reconnect_step(context), ReconnectStep::Retry { delay_ms: 500 });
    /// context.attempt = 5;
    /// assert_eq!(CloseCode::from(1006).reconnect_step(context), ReconnectStep::Stop);
    /// // The page closed its own socket: never reconnect.
    /// context.closed_by_client = true;
    /// assert_eq!(CloseCode::from(1005).reconnect_step(context), ReconnectStep::Stop);
    /// ```
    pub fn reconnect_step(self, context: ReconnectContext) -> ReconnectStep {
        let hint = self.reconnect();
        if context.closed_by_client || matches!(hint, Reconnect::Never) {
            return ReconnectStep::Stop;
        }
        if !context.ever_opened && context.attempt >= MAX_ATTEMPTS_BEFORE_OPEN {
            return ReconnectStep::Stop;
        }
        let (min, max) = self.reconnect_delay_bounds();
        let exponent = context.attempt.min(20);
        let growth = (BASE_DELAY_MS as u64) << exponent;
        let ceiling = if (min as u64) + growth < max as u64 { (min as u64) + growth } else { max as u64 };
        let random = if context.random >= 0.0 && context.random < 1.0 { context.random } else { 0.0 };
        // One IEEE 754 multiplication, then floor: the cast truncates, which is floor for a
        // non-negative number below 2^32 (and keeps the crate free of `std` float functions).
        let jitter = (random * (ceiling - min as u64) as f64) as u32;
        let delay_ms = min + jitter;
        use ReconnectStep::{Reauthenticate, Retry};
        if matches!(hint, Reconnect::Reauthenticate) {
            Reauthenticate { delay_ms }
        } else {
            Retry { delay_ms }
        }
    }
}

/// A close, described for a client: what the code means in a locale, the reason the peer gave,
/// and what to do next. Made by [`describe_close`]; shows as `Service restart (1012): deploy`.
///
/// ```rust
/// use ws_close_codes::{describe_close, CloseCode, Locale, ReconnectContext};
///
/// let context = ReconnectContext { closed_by_client: false, ever_opened: true, attempt: 0, random: 0.5 };
/// let close = describe_close(CloseCode::from(1000), "bye", Locale::FALLBACK, context);
/// assert_eq!(close.reason, "bye");
/// println!("{close}");
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CloseDescription<'a> {
    /// The close code, as received.
    pub code: CloseCode,
    /// Its canonical constant name, for a registered code.
    pub name: Option<&'static str>,
    /// A short title of the code in `locale`.
    pub title: &'static str,
    /// A full description of the code in `locale`.
    pub description: &'static str,
    /// The reason the peer gave, as received (may be empty).
    pub reason: &'a str,
    /// The registry's reconnect hint for the code.
    pub hint: Reconnect,
    /// What to do next, from [`CloseCode::reconnect_step`].
    pub step: ReconnectStep,
    /// The locale of `title` and `description`.
    pub locale: Locale,
}

impl fmt::Display for CloseDescription<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.title, self.code.as_u16())?;
        if !self.reason.is_empty() {
            write!(f, ": {}", self.reason)?;
        }
        Ok(())
    }
}

/// Describes a close for a client: the code's title and description in `locale`, the reason
/// the peer gave, and the next step of the reconnect policy for `context`.
///
/// ```rust
/// use ws_close_codes::{describe_close, CloseCode, Locale, ReconnectContext, ReconnectStep};
///
/// // The client closed the connection itself; the server echoed a Close frame without a code.
/// let context = ReconnectContext { closed_by_client: true, ever_opened: true, attempt: 0, random: 0.5 };
/// let close = describe_close(CloseCode::from(1005), "", Locale::negotiate("ru-RU"), context);
/// assert_eq!(close.step, ReconnectStep::Stop);
/// assert_eq!(close.title, CloseCode::from(1005).title(Locale::negotiate("ru")));
/// ```
pub fn describe_close(code: CloseCode, reason: &str, locale: Locale, context: ReconnectContext) -> CloseDescription<'_> {
    CloseDescription {
        code,
        name: code.name(),
        title: code.title(locale),
        description: code.description(locale),
        reason,
        hint: code.reconnect(),
        step: code.reconnect_step(context),
        locale,
    }
}
