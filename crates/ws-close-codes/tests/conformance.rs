//! Checks the crate against `conformance/vectors.json`, the answers the generator computed from
//! the registry for every u16. The TypeScript and Python suites check the same file.

use std::path::Path;

use serde_json::Value;
use ws_close_codes::{CloseCode, Locale, Range};

fn vectors() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance/vectors.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("vectors.json is JSON")
}

fn string(value: &Value) -> Option<&str> {
    value.as_str()
}

fn locales(vectors: &Value) -> Vec<Locale> {
    vectors["locales"]
        .as_array()
        .expect("locales")
        .iter()
        .map(|tag| {
            tag.as_str()
                .expect("tag")
                .parse::<Locale>()
                .expect("a locale of the crate")
        })
        .collect()
}

#[test]
fn locales_match_the_registry() {
    let vectors = vectors();
    assert_eq!(locales(&vectors), Locale::ALL.to_vec());
    assert_eq!(
        Locale::FALLBACK.tag(),
        vectors["fallback"].as_str().unwrap()
    );
}

#[test]
fn every_code_answers_as_the_vectors_say() {
    let vectors = vectors();
    let locales = locales(&vectors);
    let mut checked = 0u32;
    let mut next = 0u32;
    for run in vectors["runs"].as_array().expect("runs") {
        let first = run["first"].as_u64().unwrap() as u32;
        let last = run["last"].as_u64().unwrap() as u32;
        assert_eq!(first, next, "runs must cover every code without gaps");
        next = last + 1;
        for number in first..=last {
            let code = CloseCode::from(number as u16);
            let at = |what: &str| format!("{what} of {number}");
            assert_eq!(code.name(), string(&run["name"]), "{}", at("name"));
            let aliases: Vec<&str> = run["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap())
                .collect();
            assert_eq!(code.aliases(), aliases.as_slice(), "{}", at("aliases"));
            assert_eq!(
                code.iana_name(),
                string(&run["iana_name"]),
                "{}",
                at("IANA name")
            );
            assert_eq!(
                code.range().map(Range::id),
                string(&run["range"]),
                "{}",
                at("range")
            );
            assert_eq!(
                code.is_sendable(),
                run["sendable"].as_bool().unwrap(),
                "{}",
                at("sendable")
            );
            assert_eq!(
                code.is_browser_closable(),
                run["browser_closable"].as_bool().unwrap(),
                "{}",
                at("browser rule")
            );
            assert_eq!(
                code.sender().map(|s| s.key()),
                string(&run["sender"]),
                "{}",
                at("sender")
            );
            assert_eq!(
                code.reconnect().key(),
                run["reconnect"].as_str().unwrap(),
                "{}",
                at("reconnect")
            );
            assert_eq!(
                code.is_known(),
                !run["name"].is_null(),
                "{}",
                at("is_known")
            );
            for (index, locale) in locales.iter().enumerate() {
                assert_eq!(
                    code.title(*locale),
                    run["title"][index].as_str().unwrap(),
                    "{}",
                    at("title")
                );
                assert_eq!(
                    code.description(*locale),
                    run["description"][index].as_str().unwrap(),
                    "{}",
                    at("description")
                );
            }
            checked += 1;
        }
    }
    assert_eq!(next, 65536, "runs must end at 65535");
    println!("rust: checked {checked} codes against conformance/vectors.json");
    assert_eq!(checked, 65536);
}

#[test]
fn locale_negotiation_answers_as_the_vectors_say() {
    let vectors = vectors();
    let pairs = vectors["negotiation"].as_array().expect("negotiation");
    assert!(!pairs.is_empty());
    for pair in pairs {
        let tag = pair[0].as_str().unwrap();
        let expected = pair[1].as_str().unwrap();
        assert_eq!(Locale::negotiate(tag).tag(), expected, "negotiate({tag:?})");
    }
    println!("rust: checked {} negotiation pairs", pairs.len());
}

#[test]
fn accept_language_headers_negotiate_as_the_vectors_say() {
    let vectors = vectors();
    let pairs = vectors["accept_language"]
        .as_array()
        .expect("accept_language");
    assert!(!pairs.is_empty());
    for pair in pairs {
        let header = pair[0].as_str().unwrap();
        let expected = pair[1].as_str().unwrap();
        assert_eq!(
            Locale::negotiate(header).tag(),
            expected,
            "negotiate({header:?})"
        );
        let tags: Vec<&str> = header.split(',').collect();
        assert_eq!(
            Locale::negotiate_list(&tags).tag(),
            expected,
            "negotiate_list({tags:?})"
        );
    }
    assert_eq!(Locale::negotiate("ru;q=0.9, en"), Locale::Ru);
    println!("rust: checked {} Accept-Language headers", pairs.len());
}
