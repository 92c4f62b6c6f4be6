//! The crate's behaviour, one property per test, over all 65,536 u16 values where it applies.

use ws_close_codes::{CloseCode, Locale, Range, Reconnect, Sender};

fn every_code() -> impl Iterator<Item = CloseCode> {
    (0..=u16::MAX).map(CloseCode::from)
}

#[test]
fn conversions_round_trip_for_every_u16() {
    for number in 0..=u16::MAX {
        let code = CloseCode::from(number);
        assert_eq!(u16::from(code), number);
        assert_eq!(code.as_u16(), number);
        assert_eq!(CloseCode::new(number), code);
        assert_eq!(code, number);
        assert_eq!(number.to_string().parse::<CloseCode>(), Ok(code));
    }
}

#[test]
fn sendable_exactly_for_the_codes_valid_on_the_wire() {
    for code in every_code() {
        let n = code.as_u16();
        let expected = matches!(n, 1000..=1003 | 1007..=1014 | 3000..=4999);
        assert_eq!(code.is_sendable(), expected, "{n}");
    }
}

#[test]
fn every_known_code_has_a_name_and_texts_in_every_locale() {
    assert_eq!(CloseCode::ALL.len(), 19);
    for &code in CloseCode::ALL {
        assert!(code.is_known());
        assert!(code.name().is_some_and(|n| !n.is_empty()), "{code:?}");
        assert!(code.iana_name().is_some());
        assert!(code.url().is_some_and(|u| u.starts_with("https://")));
        assert!(code.sender().is_some());
        for &locale in Locale::ALL {
            assert!(
                code.reference(locale).is_some_and(|r| !r.is_empty()),
                "{code} {locale}"
            );
            assert!(!code.title(locale).is_empty(), "{code} {locale}");
            assert!(!code.description(locale).is_empty(), "{code} {locale}");
        }
    }
}

#[test]
fn texts_differ_between_locales() {
    for &code in CloseCode::ALL {
        assert_ne!(
            code.description(Locale::En),
            code.description(Locale::ZhHans)
        );
        assert_ne!(code.description(Locale::En), code.description(Locale::Ru));
    }
}

#[test]
fn all_lists_every_named_code_in_ascending_order() {
    let named: Vec<CloseCode> = every_code().filter(|c| c.name().is_some()).collect();
    assert_eq!(named, CloseCode::ALL.to_vec());
}

#[test]
fn the_registered_codes_are_the_iana_ones() {
    let numbers: Vec<u16> = CloseCode::ALL.iter().map(|c| c.as_u16()).collect();
    let mut expected: Vec<u16> = (1000..=1015).collect();
    expected.extend([3000, 3003, 3008]);
    assert_eq!(numbers, expected);
}

#[test]
fn names_parse_back_to_their_codes() {
    for &code in CloseCode::ALL {
        let name = code.name().unwrap();
        assert_eq!(name.parse::<CloseCode>(), Ok(code));
        assert_eq!(name.to_ascii_lowercase().parse::<CloseCode>(), Ok(code));
        for alias in code.aliases() {
            assert_eq!(alias.parse::<CloseCode>(), Ok(code));
        }
    }
    assert!("".parse::<CloseCode>().is_err());
    assert!("65536".parse::<CloseCode>().is_err());
    assert!("NOT_A_CODE".parse::<CloseCode>().is_err());
    assert!("-1".parse::<CloseCode>().is_err());
}

#[test]
#[allow(deprecated)]
fn legacy_aliases_equal_their_canonical_constants() {
    assert_eq!(CloseCode::CLOSE_NORMAL, CloseCode::NORMAL_CLOSURE);
    assert_eq!(CloseCode::CLOSE_GOING_AWAY, CloseCode::GOING_AWAY);
    assert_eq!(CloseCode::CLOSE_PROTOCOL_ERROR, CloseCode::PROTOCOL_ERROR);
    assert_eq!(CloseCode::CLOSE_UNSUPPORTED, CloseCode::UNSUPPORTED_DATA);
    assert_eq!(CloseCode::CLOSE_NO_STATUS, CloseCode::NO_STATUS_RECEIVED);
    assert_eq!(CloseCode::CLOSE_ABNORMAL, CloseCode::ABNORMAL_CLOSURE);
    assert_eq!(CloseCode::CLOSE_TOO_LARGE, CloseCode::MESSAGE_TOO_BIG);
}

#[test]
fn display_names_known_codes_and_ranges_unknown_ones() {
    assert_eq!(CloseCode::BAD_GATEWAY.to_string(), "1014 Bad Gateway");
    assert_eq!(CloseCode::from(1000).to_string(), "1000 Normal Closure");
    let private = CloseCode::from(4001).to_string();
    assert_eq!(
        private,
        format!("4001 ({})", Range::PRIVATE.title(Locale::En))
    );
    assert!(CloseCode::from(5000).to_string().starts_with("5000 ("));
}

#[test]
fn unknown_codes_take_their_ranges_texts() {
    let code = CloseCode::from(4001);
    assert_eq!(code.range(), Some(Range::PRIVATE));
    assert_eq!(code.name(), None);
    assert_eq!(code.sender(), None);
    for &locale in Locale::ALL {
        assert_eq!(code.description(locale), Range::PRIVATE.description(locale));
        assert_eq!(code.title(locale), Range::PRIVATE.title(locale));
    }
    assert_eq!(code.reconnect(), Range::PRIVATE.reconnect());
}

#[test]
fn numbers_outside_every_range_are_not_valid() {
    for n in [5000, 12345, u16::MAX] {
        let code = CloseCode::from(n);
        assert_eq!(code.range(), None);
        assert!(!code.is_sendable());
        assert_eq!(code.reconnect(), Reconnect::Never);
        assert_ne!(
            code.description(Locale::En),
            Range::PRIVATE.description(Locale::En)
        );
    }
}

#[test]
fn ranges_are_sorted_disjoint_and_cover_0_to_4999() {
    let mut next = 0u32;
    for &range in Range::ALL {
        assert_eq!(u32::from(range.start()), next, "{range:?}");
        assert!(range.start() <= range.end());
        next = u32::from(range.end()) + 1;
    }
    assert_eq!(next, 5000);
    for code in every_code() {
        let holders: Vec<Range> = Range::ALL
            .iter()
            .copied()
            .filter(|r| r.contains(code.as_u16()))
            .collect();
        assert_eq!(holders.len(), usize::from(code.as_u16() < 5000));
        assert_eq!(code.range(), holders.first().copied());
    }
}

#[test]
fn the_facts_of_each_code() {
    assert!(!CloseCode::RESERVED.is_sendable());
    assert_eq!(CloseCode::RESERVED.sender(), Some(Sender::None));
    for local in [
        CloseCode::NO_STATUS_RECEIVED,
        CloseCode::ABNORMAL_CLOSURE,
        CloseCode::TLS_HANDSHAKE,
    ] {
        assert!(!local.is_sendable());
        assert_eq!(local.sender(), Some(Sender::Local));
    }
    assert_eq!(
        CloseCode::MANDATORY_EXTENSION.sender(),
        Some(Sender::Client)
    );
    assert_eq!(CloseCode::INTERNAL_ERROR.sender(), Some(Sender::Either));
    assert_eq!(
        CloseCode::UNAUTHORIZED.reconnect(),
        Reconnect::Reauthenticate
    );
    assert_eq!(CloseCode::SERVICE_RESTART.reconnect(), Reconnect::Backoff);
    assert_eq!(CloseCode::NORMAL_CLOSURE.reconnect(), Reconnect::Never);
    assert_eq!(
        CloseCode::UNSUPPORTED_DATA.iana_name(),
        Some("Unsupported Data")
    );
    assert_eq!(
        CloseCode::INVALID_FRAME_PAYLOAD_DATA.iana_name(),
        Some("Invalid frame payload data")
    );
    assert_eq!(CloseCode::BAD_GATEWAY.iana_name(), Some("Bad Gateway"));
}

#[test]
fn negotiation_follows_the_rules() {
    let cases = [
        ("en", Locale::En),
        ("en-US", Locale::En),
        ("zh", Locale::ZhHans),
        ("zh-CN", Locale::ZhHans),
        ("zh_CN", Locale::ZhHans),
        ("zh-SG", Locale::ZhHans),
        ("zh-Hans-HK", Locale::ZhHans),
        ("ZH-HANS", Locale::ZhHans),
        ("zh-TW", Locale::En),
        ("zh-HK", Locale::En),
        ("zh-Hant", Locale::En),
        ("ru", Locale::Ru),
        ("ru-RU", Locale::Ru),
        ("ru_UA", Locale::Ru),
        ("de-DE", Locale::En),
        ("", Locale::En),
        ("?!", Locale::En),
    ];
    for (tag, expected) in cases {
        assert_eq!(Locale::negotiate(tag), expected, "{tag:?}");
    }
}

#[test]
fn locales_parse_from_exact_tags_only() {
    assert_eq!("zh-hans".parse::<Locale>(), Ok(Locale::ZhHans));
    assert_eq!("zh_Hans".parse::<Locale>(), Ok(Locale::ZhHans));
    assert!("zh-CN".parse::<Locale>().is_err());
    assert_eq!(Locale::default(), Locale::FALLBACK);
    for &locale in Locale::ALL {
        assert_eq!(locale.to_string().parse::<Locale>(), Ok(locale));
    }
}

#[test]
fn vocabulary_labels_exist_in_every_locale() {
    for &locale in Locale::ALL {
        for &hint in Reconnect::ALL {
            assert!(!hint.title(locale).is_empty() && !hint.description(locale).is_empty());
        }
        for &sender in Sender::ALL {
            assert!(!sender.title(locale).is_empty() && !sender.description(locale).is_empty());
        }
    }
}

#[test]
fn works_in_const_context() {
    const CODE: CloseCode = CloseCode::new(1014);
    const SENDABLE: bool = CODE.is_sendable();
    const NAME: Option<&str> = CODE.name();
    const _: () = assert!(SENDABLE);
    assert_eq!(NAME, Some("BAD_GATEWAY"));
}

#[test]
fn the_reference_is_written_in_each_locale() {
    let code = CloseCode::PROTOCOL_ERROR;
    assert_eq!(code.reference(Locale::En), Some("RFC 6455, section 7.4.1"));
    assert_eq!(code.reference(Locale::ZhHans), Some("RFC 6455 第 7.4.1 节"));
    assert_eq!(code.reference(Locale::Ru), Some("RFC 6455, раздел 7.4.1"));
    assert_eq!(CloseCode::from(4001).reference(Locale::En), None);
}

#[test]
fn the_ranges_are_those_of_rfc_6455_and_iana() {
    let ranges: Vec<(&str, u16, u16)> = Range::ALL
        .iter()
        .map(|r| (r.id(), r.start(), r.end()))
        .collect();
    let expected = [
        ("unused", 0, 999),
        ("protocol", 1000, 1015),
        ("protocol-reserved", 1016, 2999),
        ("registered", 3000, 3999),
        ("private", 4000, 4999),
    ];
    assert_eq!(ranges, expected);
    for number in [5000, 5001, 65535] {
        assert_eq!(CloseCode::from(number).range(), None, "{number}");
    }
}
