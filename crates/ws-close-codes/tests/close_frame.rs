//! Close frame payloads against `conformance/vectors.json` (the same vectors the TypeScript and
//! Python suites check), and round-trip properties over random codes and reasons.

use std::path::Path;

use proptest::prelude::*;
use serde_json::Value;
use ws_close_codes::{CloseCode, CloseFrame, MAX_REASON_BYTES, truncate_reason};

fn vectors() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance/vectors.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("vectors.json is JSON")
}

fn bytes(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn received_payloads_parse_as_the_vectors_say() {
    let vectors = vectors();
    let cases = vectors["close_payloads"]["parse"]
        .as_array()
        .expect("parse vectors");
    for case in cases {
        let payload = bytes(case["payload"].as_str().unwrap());
        match CloseFrame::parse(&payload) {
            Ok(frame) => {
                assert!(case["error"].is_null(), "{case}: parsed, expected an error");
                assert_eq!(
                    frame.code().map(CloseCode::as_u16),
                    case["code"].as_u64().map(|c| c as u16),
                    "{case}"
                );
                assert_eq!(frame.reason(), case["reason"].as_str().unwrap(), "{case}");
            }
            Err(error) => assert_eq!(
                Some(u64::from(error.close_code().as_u16())),
                case["error"].as_u64(),
                "{case}"
            ),
        }
    }
    println!("rust: checked {} parse vectors", cases.len());
    assert!(cases.len() >= 200);
}

#[test]
fn frames_to_send_encode_as_the_vectors_say() {
    let vectors = vectors();
    let cases = vectors["close_payloads"]["encode"]
        .as_array()
        .expect("encode vectors");
    for case in cases {
        let code = CloseCode::from(case["code"].as_u64().unwrap() as u16);
        let reason = case["reason"].as_str().unwrap();
        match CloseFrame::new(code, reason) {
            Ok(frame) => {
                let mut buffer = [0; 125];
                assert_eq!(
                    Some(hex(frame.encode(&mut buffer))),
                    case["payload"].as_str().map(str::to_owned),
                    "{case}"
                );
            }
            Err(error) => assert_eq!(
                Some(u64::from(error.close_code().as_u16())),
                case["error"].as_u64(),
                "{case}"
            ),
        }
    }
    println!("rust: checked {} encode vectors", cases.len());
}

#[test]
fn reasons_truncate_as_the_vectors_say() {
    let vectors = vectors();
    let cases = vectors["close_payloads"]["truncate"]
        .as_array()
        .expect("truncate vectors");
    for case in cases {
        assert_eq!(
            truncate_reason(case["reason"].as_str().unwrap()),
            case["truncated"].as_str().unwrap(),
            "{case}"
        );
    }
    println!("rust: checked {} truncate vectors", cases.len());
}

/// A sendable code: any u16 that the crate says may be sent (chosen among them: only about one
/// u16 in twenty is sendable, too few for a filter over every u16 to stay under proptest's limit
/// of rejects).
fn sendable_code() -> impl Strategy<Value = CloseCode> {
    let sendable: Vec<CloseCode> = (0..=u16::MAX)
        .map(CloseCode::from)
        .filter(|code| code.is_sendable())
        .collect();
    proptest::sample::select(sendable)
}

/// Any Unicode text, cut to at most 123 bytes.
fn reason() -> impl Strategy<Value = String> {
    any::<Vec<char>>()
        .prop_map(|chars| truncate_reason(&chars.into_iter().collect::<String>()).to_owned())
}

proptest! {
    // About 3% of u16 are sendable: `sendable_code` rejects ~32 values per case.
    #![proptest_config(ProptestConfig { cases: 2000, max_local_rejects: 1 << 20, ..ProptestConfig::default() })]

    #[test]
    fn parse_of_encode_gives_back_the_code_and_reason(code in sendable_code(), reason in reason()) {
        let frame = CloseFrame::new(code, &reason).expect("a sendable code and a short reason");
        let mut buffer = [0; 125];
        let payload = frame.encode(&mut buffer);
        prop_assert_eq!(payload.len(), 2 + reason.len());
        let parsed = CloseFrame::parse(payload).expect("what we encode parses");
        prop_assert_eq!(parsed.code(), Some(code));
        prop_assert_eq!(parsed.reason(), reason.as_str());
    }

    #[test]
    fn truncation_is_the_longest_prefix_that_fits(chars in proptest::collection::vec(any::<char>(), 0..200)) {
        let reason: String = chars.into_iter().collect();
        let truncated = truncate_reason(&reason);
        prop_assert!(reason.starts_with(truncated));
        prop_assert!(truncated.len() <= MAX_REASON_BYTES);
        // Maximal: the next character would not fit (or there is none).
        if let Some(next) = reason[truncated.len()..].chars().next() {
            prop_assert!(truncated.len() + next.len_utf8() > MAX_REASON_BYTES);
        }
    }
}
