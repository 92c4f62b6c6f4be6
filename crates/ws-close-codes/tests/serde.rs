//! The `serde` feature (`cargo test -p ws-close-codes --features serde`): every value of each
//! type round-trips through JSON in the form its docs name, and wrong input is rejected.
#![cfg(feature = "serde")]

use ws_close_codes::{CloseCode, Locale, Reconnect, Sender};

#[test]
fn close_codes_are_numbers() {
    assert_eq!(
        serde_json::to_string(&CloseCode::TRY_AGAIN_LATER).unwrap(),
        "1013"
    );
    for number in [0, 1000, 4001, 65535] {
        let code: CloseCode = serde_json::from_str(&number.to_string()).unwrap();
        assert_eq!(code.as_u16(), number);
    }
    assert!(serde_json::from_str::<CloseCode>("65536").is_err());
    assert!(serde_json::from_str::<CloseCode>("\"1000\"").is_err());
}

#[test]
fn locales_are_their_tags() {
    for &locale in Locale::ALL {
        let json = serde_json::to_string(&locale).unwrap();
        assert_eq!(json, format!("\"{}\"", locale.tag()));
        assert_eq!(serde_json::from_str::<Locale>(&json).unwrap(), locale);
    }
    assert_eq!(
        serde_json::from_str::<Locale>("\"zh-hans\"").unwrap(),
        Locale::ZhHans
    );
    let error = serde_json::from_str::<Locale>("\"de\"")
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("a locale tag of the close code registry"),
        "{error}"
    );
}

#[test]
fn reconnect_hints_and_senders_are_their_keys() {
    for &hint in Reconnect::ALL {
        let json = serde_json::to_string(&hint).unwrap();
        assert_eq!(json, format!("\"{}\"", hint.key()));
        assert_eq!(serde_json::from_str::<Reconnect>(&json).unwrap(), hint);
    }
    for &sender in Sender::ALL {
        let json = serde_json::to_string(&sender).unwrap();
        assert_eq!(json, format!("\"{}\"", sender.key()));
        assert_eq!(serde_json::from_str::<Sender>(&json).unwrap(), sender);
    }
    assert_eq!(
        serde_json::to_string(&CloseCode::new(1013).reconnect()).unwrap(),
        "\"backoff\""
    );
    assert!(serde_json::from_str::<Reconnect>("\"Backoff\"").is_err());
    assert!(serde_json::from_str::<Sender>("3").is_err());
}
