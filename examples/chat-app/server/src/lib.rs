//! How a chat server picks the close code for each way a connection can end, and what it logs.
//!
//! The close codes come from `close_codes.rs`, which `build.rs` generates from the application
//! registry `../close-codes.toml`: every standard WebSocket close code and the service's own.

/// Every close code the service knows: the standard ones and its own 4xxx codes.
#[allow(dead_code)]
pub mod close_codes {
    include!(concat!(env!("OUT_DIR"), "/close_codes.rs"));
}

use close_codes::{CloseCode, CloseFrame, Locale, truncate_reason};

/// Why the server ends a connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// The user signed out.
    SignedOut,
    /// The server is shutting down for a deploy.
    Restarting,
    /// The session token expired.
    SessionExpired,
    /// The room the user tried to join is full.
    RoomFull,
    /// A moderator removed the user.
    Removed,
    /// The client sent too many messages.
    Flooding,
    /// The client speaks an old protocol version.
    Outdated,
    /// A text message was not valid UTF-8.
    InvalidText,
}

/// The close code the server sends for `ending`.
pub fn close_code(ending: Ending) -> CloseCode {
    match ending {
        Ending::SignedOut => CloseCode::NORMAL_CLOSURE,
        Ending::Restarting => CloseCode::SERVICE_RESTART,
        Ending::SessionExpired => CloseCode::SESSION_EXPIRED,
        Ending::RoomFull => CloseCode::ROOM_FULL,
        Ending::Removed => CloseCode::REMOVED_BY_MODERATOR,
        Ending::Flooding => CloseCode::RATE_LIMITED,
        Ending::Outdated => CloseCode::CLIENT_OUTDATED,
        Ending::InvalidText => CloseCode::INVALID_FRAME_PAYLOAD_DATA,
    }
}

/// The Close frame payload: the code in network byte order, then a reason in the user's language
/// cut to the 123 bytes a Close frame leaves for it (never splitting a character).
pub fn close_frame(ending: Ending, accept_language: &str) -> Vec<u8> {
    let code = close_code(ending);
    let reason = truncate_reason(code.title(Locale::negotiate(accept_language)));
    let frame = match CloseFrame::new(code, reason) {
        Ok(frame) => frame,
        // Every `Ending` maps to a sendable code (tested), and the reason was truncated.
        Err(error) => panic!("{code}: {error}"),
    };
    let mut buffer = [0; 125];
    frame.encode(&mut buffer).to_vec()
}

/// What the server does with a Close frame a client sent: the code and reason to log, or the
/// code to fail the connection with when the payload breaks the protocol.
pub fn received_close(payload: &[u8]) -> Result<(Option<CloseCode>, &str), CloseCode> {
    CloseFrame::parse(payload).map(|frame| (frame.code(), frame.reason())).map_err(|error| error.close_code())
}

/// A log line for a connection a client closed with `code`.
pub fn log_line(code: u16) -> String {
    let code = CloseCode::from(code);
    format!("client closed with {code}; reconnect hint: {}", code.reconnect())
}
