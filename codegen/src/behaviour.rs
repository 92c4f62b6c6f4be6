//! What to do at a close: the reference semantics of the generated behaviour functions.
//!
//! Every target language generates the same three things, and the conformance vectors are
//! computed from the functions here, so this module is their one specification:
//!
//! 1. the browser rule ([`is_browser_closable`]);
//! 2. Close frame payloads (RFC 6455, sections 5.5.1 and 7.4): [`parse_close_payload`],
//!    [`encode_close_payload`], [`truncate_reason`];
//! 3. the reconnect policy ([`reconnect_step`]).

use crate::model::{Delay, Reconnect, Registry};

/// The most bytes a Close frame payload holds (a control frame's payload is at most 125 bytes).
pub const MAX_PAYLOAD_BYTES: usize = 125;

/// The most UTF-8 bytes of a reason: the payload less the two bytes of the code.
pub const MAX_REASON_BYTES: usize = 123;

/// The close code an endpoint fails the connection with after a malformed Close frame.
pub const PROTOCOL_ERROR: u16 = 1002;

/// The close code an endpoint fails the connection with after text that is not valid UTF-8.
pub const INVALID_PAYLOAD: u16 = 1007;

/// May a browser's `WebSocket.close(code)` send `code`? Only 1000 and 3000-4999 (WHATWG
/// WebSockets: anything else throws `InvalidAccessError`), whatever the registry says.
pub fn is_browser_closable(code: u16) -> bool {
    code == 1000 || (3000..=4999).contains(&code)
}

/// A Close frame payload that was read: its code (`None` for an empty payload, which an API
/// reports as 1005) and its reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClosePayload<'a> {
    /// The code, if the payload had one.
    pub code: Option<u16>,
    /// The reason, possibly empty.
    pub reason: &'a str,
}

/// Reads a received Close frame payload; on error, the close code to fail the connection with.
///
/// Rules, in this order: an empty payload has no code and no reason; a payload of one byte or of
/// more than 125 bytes is a protocol error (1002); a code that may not be sent is a protocol
/// error (1002); a reason that is not valid UTF-8 is 1007.
pub fn parse_close_payload<'a>(registry: &Registry, payload: &'a [u8]) -> Result<ClosePayload<'a>, u16> {
    match payload {
        [] => Ok(ClosePayload { code: None, reason: "" }),
        [_] => Err(PROTOCOL_ERROR),
        _ if payload.len() > MAX_PAYLOAD_BYTES => Err(PROTOCOL_ERROR),
        [high, low, reason @ ..] => {
            let code = u16::from_be_bytes([*high, *low]);
            if !registry.answer(code).sendable {
                return Err(PROTOCOL_ERROR);
            }
            let reason = std::str::from_utf8(reason).map_err(|_| INVALID_PAYLOAD)?;
            Ok(ClosePayload { code: Some(code), reason })
        }
    }
}

/// Builds the payload of a Close frame to send; on error, the close code a peer would fail the
/// connection with had it been sent (1002 for a code that may not be sent or a reason over 123
/// bytes).
pub fn encode_close_payload(registry: &Registry, code: u16, reason: &str) -> Result<Vec<u8>, u16> {
    if !registry.answer(code).sendable || reason.len() > MAX_REASON_BYTES {
        return Err(PROTOCOL_ERROR);
    }
    let mut payload = code.to_be_bytes().to_vec();
    payload.extend_from_slice(reason.as_bytes());
    Ok(payload)
}

/// The longest prefix of `reason` that fits in 123 bytes of UTF-8, never splitting a character.
pub fn truncate_reason(reason: &str) -> &str {
    if reason.len() <= MAX_REASON_BYTES {
        return reason;
    }
    let end = (0..=MAX_REASON_BYTES).rev().find(|&i| reason.is_char_boundary(i)).unwrap_or(0);
    &reason[..end]
}

/// The delay bounds of a code that has none of its own and whose range has none: 0.5-30 s.
pub const DEFAULT_DELAY: Delay = Delay { min_ms: 500, max_ms: 30_000 };

/// How much the jitter window grows per attempt: `BASE_DELAY_MS * 2^attempt`.
pub const BASE_DELAY_MS: u32 = 1_000;

/// The attempt number past which the window stops growing (it is far above any bound by then).
pub const MAX_EXPONENT: u32 = 20;

/// How many attempts in a row may fail before the connection ever opened (a browser's 1006
/// before `open` is a refused handshake, an HTTP error or a TLS failure) before the client stops.
pub const MAX_ATTEMPTS_BEFORE_OPEN: u32 = 5;

/// The largest delay bound a registry may give: one hour.
pub const MAX_DELAY_LIMIT_MS: u32 = 3_600_000;

/// What the client knows about the close besides its code.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReconnectContext {
    /// Did the client itself close the connection (or ask to)?
    pub closed_by_client: bool,
    /// Did the connection ever open?
    pub ever_opened: bool,
    /// How many attempts in a row already failed (0 for the first reconnect).
    pub attempt: u32,
    /// A random number in [0, 1), from the caller; anything else (NaN too) counts as 0.
    pub random: f64,
}

/// What to do after a close.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReconnectAction {
    /// Do not reconnect.
    Stop,
    /// Reconnect after the delay.
    Retry,
    /// Obtain fresh credentials, then reconnect after the delay.
    Reauthenticate,
}

impl ReconnectAction {
    /// The name the vectors and the generated code use: `stop`, `retry`, `reauthenticate`.
    pub fn key(self) -> &'static str {
        match self {
            ReconnectAction::Stop => "stop",
            ReconnectAction::Retry => "retry",
            ReconnectAction::Reauthenticate => "reauthenticate",
        }
    }
}

/// The decision: an action and a delay in milliseconds (0 for [`ReconnectAction::Stop`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ReconnectStep {
    /// What to do.
    pub action: ReconnectAction,
    /// How long to wait first.
    pub delay_ms: u32,
}

/// The reconnect policy, for a code with reconnect hint `hint` and delay bounds `delay`:
///
/// 1. the client closed the connection itself: stop;
/// 2. hint `never`: stop;
/// 3. the connection never opened and [`MAX_ATTEMPTS_BEFORE_OPEN`] attempts already failed: stop;
/// 4. otherwise wait `min + floor(random * (ceiling - min))` ms, where
///    `ceiling = min(max, min + BASE_DELAY_MS * 2^min(attempt, MAX_EXPONENT))` (capped exponential
///    backoff with full jitter inside the bounds; `random` outside [0, 1) counts as 0; the
///    product is one IEEE 754 double multiplication, then floor), and then reauthenticate for
///    hint `reauthenticate`, retry for `backoff` and `unspecified`.
pub fn reconnect_step(hint: Reconnect, delay: Delay, context: ReconnectContext) -> ReconnectStep {
    let stop = ReconnectStep { action: ReconnectAction::Stop, delay_ms: 0 };
    if context.closed_by_client || hint == Reconnect::Never {
        return stop;
    }
    if !context.ever_opened && context.attempt >= MAX_ATTEMPTS_BEFORE_OPEN {
        return stop;
    }
    let growth = u64::from(BASE_DELAY_MS) << context.attempt.min(MAX_EXPONENT);
    let ceiling = u64::from(delay.max_ms).min(u64::from(delay.min_ms) + growth);
    let random = if (0.0..1.0).contains(&context.random) { context.random } else { 0.0 };
    // The window is below 2^32, so it converts to f64 exactly; the product is below it.
    let window = (ceiling - u64::from(delay.min_ms)) as f64;
    let jitter = (random * window).floor() as u32;
    let action =
        if hint == Reconnect::Reauthenticate { ReconnectAction::Reauthenticate } else { ReconnectAction::Retry };
    ReconnectStep { action, delay_ms: delay.min_ms + jitter }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browsers_close_with_1000_and_the_application_ranges_only() {
        let closable: Vec<u16> = (0..=u16::MAX).filter(|&c| is_browser_closable(c)).collect();
        assert_eq!(closable.len(), 2001);
        assert!(!is_browser_closable(1001) && !is_browser_closable(2999) && !is_browser_closable(5000));
    }

    #[test]
    fn truncation_keeps_whole_characters() {
        let reason = format!("{}é", "a".repeat(122));
        assert_eq!(truncate_reason(&reason), "a".repeat(122));
        let reason = format!("{}😀", "a".repeat(119));
        assert_eq!(truncate_reason(&reason), reason);
        let reason = format!("{}😀", "a".repeat(120));
        assert_eq!(truncate_reason(&reason), "a".repeat(120));
    }
}
