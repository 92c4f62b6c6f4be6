// The browser rule and Close frame payloads: the same for every registry. The emitter parses this
// file into tokens (so plain comments like this one do not reach the output) and puts it after
// `CloseCode`. The reference semantics are `codegen/src/behaviour.rs`.

impl CloseCode {
    /// May a browser's `WebSocket.close(code)` send this code?
    ///
    /// Only 1000 and 3000-4999 (WHATWG WebSockets): a browser throws `InvalidAccessError` for any
    /// other code, including codes such as 1001 or 1011 that other endpoints may send.
    ///
    /// ```rust
    /// use ws_close_codes::CloseCode;
    ///
    /// assert!(CloseCode::from(1000).is_browser_closable());
    /// assert!(CloseCode::from(4001).is_browser_closable());
    /// // A server may send 1001, a page may not.
    /// assert!(CloseCode::from(1001).is_sendable() && !CloseCode::from(1001).is_browser_closable());
    /// ```
    #[inline]
    pub const fn is_browser_closable(self) -> bool {
        self.0 == 1000 || (self.0 >= 3000 && self.0 <= 4999)
    }
}

/// The most bytes a Close frame payload holds: a control frame carries at most 125.
pub const MAX_PAYLOAD_BYTES: usize = 125;

/// The most bytes of UTF-8 a Close frame's reason holds: the payload less the code's two bytes.
pub const MAX_REASON_BYTES: usize = 123;

/// The payload of a Close frame: an optional code and a reason (RFC 6455, section 5.5.1).
///
/// Made by [`CloseFrame::parse`] from what arrived or by [`CloseFrame::new`] for what to send, so
/// a `CloseFrame` always holds a sendable code (or none) and at most 123 bytes of reason. It
/// borrows the reason and never allocates.
///
/// ```rust
/// use ws_close_codes::{CloseCode, CloseFrame};
///
/// let frame = CloseFrame::new(CloseCode::from(1000), "bye")?;
/// let mut buffer = [0; 125];
/// let payload = frame.encode(&mut buffer);
/// assert_eq!(payload, b"\x03\xe8bye");
/// assert_eq!(CloseFrame::parse(payload)?, frame);
/// # Ok::<(), ws_close_codes::CloseFrameError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct CloseFrame<'a> {
    code: Option<CloseCode>,
    reason: &'a str,
}

impl<'a> CloseFrame<'a> {
    /// Reads a received Close frame payload.
    ///
    /// An empty payload has no code (APIs report it as 1005) and no reason. A payload of one
    /// byte or of more than 125 bytes, or one whose code may not be sent, is a protocol error;
    /// a reason that is not valid UTF-8 is an error too. [`CloseFrameError::close_code`] says
    /// which code to fail the connection with.
    ///
    /// ```rust
    /// use ws_close_codes::{CloseCode, CloseFrame};
    ///
    /// let frame = CloseFrame::parse(b"\x03\xe9restarting")?;
    /// assert_eq!(frame.code(), Some(CloseCode::from(1001)));
    /// assert_eq!(frame.reason(), "restarting");
    /// assert_eq!(CloseFrame::parse(b"")?.code(), None);
    /// // 1005 is only ever reported locally: a peer that sends it breaks the protocol.
    /// let error = CloseFrame::parse(b"\x03\xed").unwrap_err();
    /// assert_eq!(error.close_code(), CloseCode::from(1002));
    /// # Ok::<(), ws_close_codes::CloseFrameError>(())
    /// ```
    #[inline]
    pub fn parse(payload: &'a [u8]) -> Result<CloseFrame<'a>, CloseFrameError> {
        match payload {
            [] => {
                let empty = CloseFrame { code: None, reason: "" };
                Ok(empty)
            }
            [_] => Err(CloseFrameError::OneByte),
            _ if payload.len() > MAX_PAYLOAD_BYTES => Err(CloseFrameError::PayloadTooLong(payload.len())),
            [high, low, reason @ ..] => {
                let code = CloseCode(u16::from_be_bytes([*high, *low]));
                if !code.is_sendable() {
                    return Err(CloseFrameError::NotSendable(code));
                }
                match core::str::from_utf8(reason) {
                    Ok(reason) => {
                        let frame = CloseFrame { code: Some(code), reason };
                        Ok(frame)
                    }
                    Err(_) => Err(CloseFrameError::InvalidUtf8),
                }
            }
        }
    }

    /// A Close frame to send: `code` must be sendable and `reason` at most 123 bytes of UTF-8
    /// (see [`truncate_reason`]). [`CloseFrame::default`] is the frame without a code.
    ///
    /// ```rust
    /// use ws_close_codes::{CloseCode, CloseFrame, CloseFrameError};
    ///
    /// assert!(CloseFrame::new(CloseCode::from(4001), "session expired").is_ok());
    /// let local = CloseFrame::new(CloseCode::from(1006), "");
    /// assert_eq!(local, Err(CloseFrameError::NotSendable(CloseCode::from(1006))));
    /// let long = "x".repeat(124);
    /// assert_eq!(CloseFrame::new(CloseCode::from(1000), &long), Err(CloseFrameError::ReasonTooLong(124)));
    /// ```
    pub fn new(code: CloseCode, reason: &'a str) -> Result<Self, CloseFrameError> {
        if !code.is_sendable() {
            Err(CloseFrameError::NotSendable(code))
        } else if reason.len() > MAX_REASON_BYTES {
            Err(CloseFrameError::ReasonTooLong(reason.len()))
        } else {
            Ok(CloseFrame { code: Some(code), reason })
        }
    }

    /// The code, or `None` for an empty payload (which APIs report as 1005).
    ///
    /// ```rust
    /// use ws_close_codes::{CloseCode, CloseFrame};
    ///
    /// assert_eq!(CloseFrame::parse(b"\x0f\xa1")?.code(), Some(CloseCode::from(4001)));
    /// # Ok::<(), ws_close_codes::CloseFrameError>(())
    /// ```
    #[inline]
    pub const fn code(&self) -> Option<CloseCode> {
        self.code
    }

    /// The reason, possibly empty; always empty when there is no code.
    ///
    /// ```rust
    /// use ws_close_codes::CloseFrame;
    ///
    /// let payload = [&[0x03, 0xe8][..], "до свидания".as_bytes()].concat();
    /// assert_eq!(CloseFrame::parse(&payload)?.reason(), "до свидания");
    /// # Ok::<(), ws_close_codes::CloseFrameError>(())
    /// ```
    #[inline]
    pub const fn reason(&self) -> &'a str {
        self.reason
    }

    /// Writes the payload into `out` and returns the part written: nothing without a code, else
    /// the code in network byte order and the reason.
    ///
    /// ```rust
    /// use ws_close_codes::{CloseCode, CloseFrame};
    ///
    /// let mut buffer = [0; 125];
    /// assert_eq!(CloseFrame::default().encode(&mut buffer), b"");
    /// let frame = CloseFrame::new(CloseCode::from(1001), "")?;
    /// assert_eq!(frame.encode(&mut buffer), [0x03, 0xe9]);
    /// # Ok::<(), ws_close_codes::CloseFrameError>(())
    /// ```
    pub fn encode<'o>(&self, out: &'o mut [u8; 125]) -> &'o [u8] {
        match self.code {
            None => &out[..0],
            Some(code) => {
                // `new` and `parse` keep the reason within 123 bytes, so it always fits.
                let end = 2 + self.reason.len();
                out[..2].copy_from_slice(&code.0.to_be_bytes());
                out[2..end].copy_from_slice(self.reason.as_bytes());
                &out[..end]
            }
        }
    }
}

/// Why a Close frame payload was refused, by [`CloseFrame::parse`] or [`CloseFrame::new`].
///
/// ```rust
/// use ws_close_codes::{CloseCode, CloseFrame, CloseFrameError};
///
/// let error = CloseFrame::parse(b"\x03\xe8\xff").unwrap_err();
/// assert_eq!(error, CloseFrameError::InvalidUtf8);
/// assert_eq!(error.close_code(), CloseCode::from(1007));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CloseFrameError {
    /// A payload of one byte: half a code.
    OneByte,
    /// A payload of more than 125 bytes (its length).
    PayloadTooLong(usize),
    /// A code that may not appear in a Close frame, such as 1005, 1006 or 5000.
    NotSendable(CloseCode),
    /// A reason that is not valid UTF-8.
    InvalidUtf8,
    /// A reason of more than 123 bytes (its length); only [`CloseFrame::new`] reports it.
    ReasonTooLong(usize),
}

impl CloseFrameError {
    /// The code to fail the connection with: 1007 for a reason that is not valid UTF-8, 1002
    /// (protocol error) for anything else. For an error of [`CloseFrame::new`], the code a peer
    /// would have failed the connection with.
    ///
    /// ```rust
    /// use ws_close_codes::{CloseCode, CloseFrameError};
    ///
    /// assert_eq!(CloseFrameError::OneByte.close_code(), CloseCode::from(1002));
    /// ```
    pub const fn close_code(&self) -> CloseCode {
        match self {
            CloseFrameError::InvalidUtf8 => CloseCode(1007),
            _ => CloseCode(1002),
        }
    }
}

impl fmt::Display for CloseFrameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CloseFrameError::OneByte => f.write_str("a Close frame payload of one byte"),
            CloseFrameError::PayloadTooLong(len) => write!(f, "a Close frame payload of {len} bytes (at most 125)"),
            CloseFrameError::NotSendable(code) => write!(f, "close code {} may not be sent", code.0),
            CloseFrameError::InvalidUtf8 => {
                let text = "a close reason that is not valid UTF-8";
                f.write_str(text)
            }
            CloseFrameError::ReasonTooLong(len) => write!(f, "a close reason of {len} bytes (at most 123)"),
        }
    }
}

impl core::error::Error for CloseFrameError {}

/// The longest prefix of `reason` that fits in a Close frame (123 bytes of UTF-8), never
/// splitting a character.
///
/// ```rust
/// use ws_close_codes::truncate_reason;
///
/// let long = "é".repeat(70); // 140 bytes
/// assert_eq!(truncate_reason(&long).len(), 122);
/// assert_eq!(truncate_reason("short"), "short");
/// ```
pub fn truncate_reason(reason: &str) -> &str {
    if reason.len() <= MAX_REASON_BYTES {
        return reason;
    }
    let mut end = MAX_REASON_BYTES;
    while !reason.is_char_boundary(end) {
        end -= 1;
    }
    &reason[..end]
}
