//! Close frame payload vectors: what parsing, building and truncating answer for payloads and
//! reasons chosen to hit every rule of [`crate::behaviour`] and its edges.

use crate::behaviour::{encode_close_payload, parse_close_payload, truncate_reason};
use crate::emit::json::Json;
use crate::model::Registry;

/// The payload vectors of a registry.
pub(super) struct Payloads {
    /// Received payloads and what reading them gives.
    parse: Vec<Parse>,
    /// Codes and reasons to send and the payload (or the error).
    encode: Vec<Encode>,
    /// Reasons and their longest prefix that fits in a Close frame.
    truncate: Vec<Truncate>,
}

struct Parse {
    /// The payload, in lowercase hex.
    payload: String,
    code: Option<u16>,
    reason: Option<String>,
    /// The close code to fail the connection with, when the payload is refused.
    error: Option<u16>,
}

struct Encode {
    code: u16,
    reason: String,
    /// The payload in lowercase hex, when it can be built.
    payload: Option<String>,
    error: Option<u16>,
}

struct Truncate {
    reason: String,
    truncated: String,
}

impl Payloads {
    /// The three lists as one object.
    pub(super) fn write(&self, json: &mut Json) {
        json.object();
        json.key("parse").array();
        for parse in &self.parse {
            json.object();
            json.key("payload").string(&parse.payload);
            json.key("code").option_number(parse.code);
            json.key("reason").option_string(parse.reason.as_deref());
            json.key("error").option_number(parse.error);
            json.close('}');
        }
        json.close(']');
        json.key("encode").array();
        for encode in &self.encode {
            json.object();
            json.key("code").number(encode.code);
            json.key("reason").string(&encode.reason);
            json.key("payload").option_string(encode.payload.as_deref());
            json.key("error").option_number(encode.error);
            json.close('}');
        }
        json.close(']');
        json.key("truncate").array();
        for truncate in &self.truncate {
            json.object();
            json.key("reason").string(&truncate.reason);
            json.key("truncated").string(&truncate.truncated);
            json.close('}');
        }
        json.close(']');
        json.close('}');
    }
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(2 * bytes.len());
    for &byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0xF)]));
    }
    out
}

/// A reason of `bytes` bytes that ends in `last` (ASCII before it).
fn ending_in(bytes: usize, last: char) -> String {
    let mut reason = "r".repeat(bytes - last.len_utf8());
    reason.push(last);
    reason
}

/// Codes worth probing: every registered code, each range's edges and its neighbours, and the
/// ends of the u16 space.
fn probe_codes(registry: &Registry) -> Vec<u16> {
    let mut codes: Vec<u16> = registry.codes.iter().map(|code| code.code).collect();
    for range in &registry.ranges {
        for code in [range.start, range.start.saturating_add(1), range.end.saturating_sub(1), range.end] {
            codes.push(code);
        }
        codes.push(range.end.saturating_add(1));
        codes.push(range.start.saturating_sub(1));
    }
    codes.extend([0, 1, 999, 1000, 1004, 1005, 1006, 1015, 1016, 2000, 2999, 3000, 4999, 5000, 32768, 65535]);
    codes.sort_unstable();
    codes.dedup();
    codes
}

/// Every payload vector for `registry`.
pub(super) fn payloads(registry: &Registry) -> Payloads {
    let mut received: Vec<Vec<u8>> = vec![Vec::new(), vec![0x03], vec![0xe8], vec![0x00]];
    for code in probe_codes(registry) {
        let [high, low] = code.to_be_bytes();
        received.push(vec![high, low]);
        received.push([&[high, low][..], b"going away"].concat());
        // The longest payload there is: 125 bytes.
        received.push([&[high, low][..], &[b'x'; 123][..]].concat());
        // A reason that is not UTF-8: 1007, unless the code is refused first (1002).
        received.push([&[high, low][..], b"\xff"].concat());
    }
    let with_reason = |reason: &[u8]| [&[0x03, 0xe8][..], reason].concat();
    // Lengths around the limit: 125 is the most a control frame carries.
    for length in [2usize, 3, 124, 125, 126, 127, 200] {
        received.push(with_reason(&vec![b'a'; length - 2]));
    }
    received.push([&[0x03, 0xed][..], &[b'a'; 123][..]].concat()); // 125 bytes, but 1005
    received.push([&[0x13, 0x88][..], &[b'a'; 124][..]].concat()); // 126 bytes and 5000
    // Reasons of 122, 123 and 124 bytes ending in 2-, 3- and 4-byte characters.
    for last in ['é', '中', '😀'] {
        for bytes in [122, 123, 124] {
            received.push(with_reason(ending_in(bytes, last).as_bytes()));
        }
    }
    for reason in ["bye", "до свидания", "再见", "👋🏽", "a\u{0}b", "\u{feff}bom", "\u{10ffff}"] {
        received.push(with_reason(reason.as_bytes()));
    }
    // Invalid UTF-8 of each kind.
    let invalid: &[&[u8]] = &[
        b"\x80",                     // lone continuation byte
        b"ok\xbf",                   // lone continuation byte at the end
        b"\xc0\xaf",                 // overlong '/'
        b"\xc1\xbf",                 // overlong, two bytes
        b"\xe0\x80\xaf",             // overlong, three bytes
        b"\xf0\x80\x80\xaf",         // overlong, four bytes
        b"\xed\xa0\x80",             // high surrogate U+D800
        b"\xed\xbf\xbf",             // low surrogate U+DFFF
        b"\xed\xa0\xbd\xed\xb8\x80", // a surrogate pair encoded as two code points (CESU-8)
        b"\xc3",                     // truncated two-byte sequence
        b"\xe4\xb8",                 // truncated three-byte sequence
        b"\xf0\x9f\x98",             // truncated four-byte sequence
        b"\xe4\xb8a",                // a sequence cut by an ASCII byte
        b"\xf4\x90\x80\x80",         // above U+10FFFF
        b"\xf5\x80\x80\x80",         // a lead byte that never occurs
        b"\xfe",                     // a byte that never occurs
        b"\xff",                     // a byte that never occurs
    ];
    for bytes in invalid {
        received.push(with_reason(bytes));
        // A code that may not be sent is reported first.
        received.push([&[0x03, 0xee][..], bytes].concat());
        // 125 bytes ending in the bad sequence.
        let mut long = vec![b'a'; 123 - bytes.len()];
        long.extend_from_slice(bytes);
        received.push(with_reason(&long));
    }
    let parse = received
        .iter()
        .map(|payload| match parse_close_payload(registry, payload) {
            Ok(read) => {
                Parse { payload: hex(payload), code: read.code, reason: Some(read.reason.to_owned()), error: None }
            }
            Err(error) => Parse { payload: hex(payload), code: None, reason: None, error: Some(error) },
        })
        .collect();
    let mut to_send: Vec<(u16, String)> = probe_codes(registry).into_iter().map(|code| (code, String::new())).collect();
    for last in ['a', 'é', '中', '😀'] {
        for bytes in [122, 123, 124] {
            to_send.push((1000, ending_in(bytes, last)));
        }
    }
    for reason in ["bye", "до свидания", "再见", "👋🏽", "a\u{0}b"] {
        to_send.push((4000, reason.to_owned()));
        to_send.push((1006, reason.to_owned()));
    }
    let encode = to_send
        .into_iter()
        .map(|(code, reason)| {
            let (payload, error) = match encode_close_payload(registry, code, &reason) {
                Ok(payload) => (Some(hex(&payload)), None),
                Err(error) => (None, Some(error)),
            };
            Encode { code, reason, payload, error }
        })
        .collect();
    let mut reasons: Vec<String> = vec![String::new(), "bye".to_owned(), "a".repeat(123), "a".repeat(124)];
    for last in ['é', '中', '😀'] {
        for bytes in 121..=127 {
            reasons.push(ending_in(bytes, last));
            reasons.push(format!("{}{}", ending_in(bytes, last), "tail"));
        }
        reasons.push(last.to_string().repeat(200));
    }
    reasons.push("до свидания, ".repeat(12));
    reasons.push("再见".repeat(50));
    let truncate =
        reasons.into_iter().map(|reason| Truncate { truncated: truncate_reason(&reason).to_owned(), reason }).collect();
    Payloads { parse, encode, truncate }
}
