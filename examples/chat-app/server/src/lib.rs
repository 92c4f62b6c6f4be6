//! How a chat server picks the close code for each way a connection can end, and what it logs.
//!
//! The close codes come from `close_codes.rs`, which `build.rs` generates from the application
//! registry `../close-codes.toml`: every standard WebSocket close code and the service's own.

/// Every close code the service knows: the standard ones and its own 4xxx codes.
#[allow(dead_code)]
pub mod close_codes {
    include!(concat!(env!("OUT_DIR"), "/close_codes.rs"));
}

use close_codes::{CloseCode, Locale};

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
/// cut to the 123 bytes a Close frame leaves for it (on a character boundary).
pub fn close_frame(ending: Ending, accept_language: &str) -> Vec<u8> {
    let code = close_code(ending);
    assert!(code.is_sendable(), "{code} may not be sent");
    let mut reason = code.title(Locale::negotiate(accept_language));
    while reason.len() > 123 {
        let mut end = reason.len() - 1;
        while !reason.is_char_boundary(end) {
            end -= 1;
        }
        reason = &reason[..end];
    }
    let mut payload = code.as_u16().to_be_bytes().to_vec();
    payload.extend_from_slice(reason.as_bytes());
    payload
}

/// A log line for a connection a client closed with `code`.
pub fn log_line(code: u16) -> String {
    let code = CloseCode::from(code);
    format!("client closed with {code}; reconnect hint: {}", code.reconnect())
}
