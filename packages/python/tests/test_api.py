"""Focused behaviour of the generated module, one behaviour per test."""

from __future__ import annotations

from importlib import resources

import pytest

import ws_close_codes as w
from ws_close_codes import CloseCode, Reconnect, Sender


def sendable_by_the_rfc(code: int) -> bool:
    """The codes RFC 6455 and IANA allow in a Close frame."""
    return 1000 <= code <= 1003 or 1007 <= code <= 1014 or 3000 <= code <= 4999


def test_is_sendable_is_true_exactly_for_the_codes_the_rfc_allows() -> None:
    for code in range(65536):
        assert w.is_sendable(code) == sendable_by_the_rfc(code), code


def test_codes_only_reported_locally_have_a_name_but_may_not_be_sent() -> None:
    for code in (CloseCode.NO_STATUS_RECEIVED, CloseCode.ABNORMAL_CLOSURE, CloseCode.TLS_HANDSHAKE):
        assert w.is_known(code)
        assert not w.is_sendable(code)
        assert not code.is_sendable
        assert w.sender_of(code) is Sender.LOCAL


@pytest.mark.parametrize("code", [-1, -1000, 65536, 70000, 2**70])
def test_ints_outside_0_to_65535_answer_like_a_number_outside_every_range(code: int) -> None:
    outside = 65535
    assert w.range_of(outside) is None
    assert not w.is_sendable(code)
    assert not w.is_known(code)
    assert w.name_of(code) is None
    assert w.range_of(code) is None
    assert w.reconnect_of(code) is w.reconnect_of(outside)
    for locale in w.LOCALES:
        assert w.title_of(code, locale) == w.title_of(outside, locale)
        assert w.describe(code, locale) == w.describe(outside, locale)


def test_close_code_of_a_registered_number_is_its_member() -> None:
    code: CloseCode = CloseCode(1007)
    assert code is CloseCode.INVALID_FRAME_PAYLOAD_DATA
    assert code.name == "INVALID_FRAME_PAYLOAD_DATA"


def test_close_code_of_an_unregistered_number_raises() -> None:
    with pytest.raises(ValueError, match="4001"):
        CloseCode(4001)


def test_members_are_plain_ints() -> None:
    assert int(CloseCode.NORMAL_CLOSURE) == 1000
    assert isinstance(CloseCode.NORMAL_CLOSURE, int)
    assert type(CloseCode.NORMAL_CLOSURE.value) is int
    assert CloseCode.BAD_GATEWAY + 0 == 1014
    assert f"{CloseCode.BAD_GATEWAY:d}" == "1014"


def test_aliases_are_the_same_members_as_their_canonical_names() -> None:
    # Looked up by name: mypy takes each alias for a member of its own.
    assert CloseCode["CLOSE_NORMAL"] is CloseCode.NORMAL_CLOSURE
    assert CloseCode["NO_STATUS_RCVD"] is CloseCode.NO_STATUS_RECEIVED
    for name, member in CloseCode.__members__.items():
        assert name == member.name or name in member.aliases
        assert w.name_of(member) == member.name
        assert CloseCode[name] is member


def test_properties_describe_a_member() -> None:
    code = CloseCode.BAD_GATEWAY
    assert code.iana_name == "Bad Gateway"
    assert code.aliases == ()
    assert code.reference == w.reference_of(1014)
    assert code.reference_in("ru-RU") == w.reference_of(1014, "ru")
    assert code.url == w.url_of(1014)
    assert code.url is not None and code.url.startswith("https://")
    assert code.is_sendable
    assert code.sender is Sender.SERVER
    assert code.reconnect is Reconnect.BACKOFF
    assert code.range is not None and code.range.id == "protocol"
    assert code.title == w.title_of(1014)
    assert code.description == w.describe(1014)
    assert code.description_in("zh-CN") == w.describe(1014, "zh-Hans")
    assert code.title_in("ru") == w.title_of(1014, "ru")


def test_unregistered_codes_get_their_range_texts() -> None:
    private_use = w.range_of(4001)
    assert private_use is not None
    assert private_use.id == "private"
    assert 4001 in private_use
    assert 5000 not in private_use
    for locale in w.LOCALES:
        assert w.title_of(4001, locale) == private_use.title_in(locale)
        assert w.describe(4001, locale) == private_use.description_in(locale)


def test_ranges_are_sorted_and_disjoint() -> None:
    for previous, following in zip(w.RANGES, w.RANGES[1:], strict=False):
        assert previous.end < following.start


def test_a_locale_tag_is_negotiated_so_zh_cn_gets_simplified_chinese() -> None:
    assert w.negotiate("zh-CN") == "zh-Hans"
    assert w.describe(1014, "zh-CN") == w.describe(1014, "zh-Hans")
    assert w.describe(1014, "zh-CN") != w.describe(1014, "en")
    assert w.title_of(1000, "ru_RU") == w.title_of(1000, "ru")


def test_an_omitted_or_unknown_locale_means_the_fallback() -> None:
    assert w.negotiate("de-DE") == w.FALLBACK_LOCALE
    assert w.negotiate("zh-TW") == w.FALLBACK_LOCALE
    for code in (0, 1000, 1006, 3008, 4001, 65535):
        assert w.describe(code) == w.describe(code, w.FALLBACK_LOCALE)
        assert w.title_of(code) == w.title_of(code, "de-DE")


def test_every_text_is_present_in_every_locale() -> None:
    for locale in w.LOCALES:
        for code in range(65536):
            assert w.title_of(code, locale)
            assert w.describe(code, locale)
        for hint in Reconnect:
            assert hint.title_in(locale)
            assert hint.description_in(locale)
        for sender in Sender:
            assert sender.title_in(locale)
            assert sender.description_in(locale)


def test_reconnect_hints_follow_the_registry() -> None:
    assert w.reconnect_of(CloseCode.NORMAL_CLOSURE) is Reconnect.NEVER
    assert w.reconnect_of(CloseCode.TRY_AGAIN_LATER) is Reconnect.BACKOFF
    assert w.reconnect_of(CloseCode.UNAUTHORIZED) is Reconnect.REAUTHENTICATE
    assert w.reconnect_of(4001) is Reconnect.UNSPECIFIED
    assert Reconnect.BACKOFF.value == "backoff"
    assert Reconnect.BACKOFF.title == Reconnect.BACKOFF.title_in(w.FALLBACK_LOCALE)


def test_the_package_is_typed() -> None:
    assert resources.files("ws_close_codes").joinpath("py.typed").is_file()


def test_the_reference_is_written_in_each_locale() -> None:
    assert w.reference_of(1002) == "RFC 6455, section 7.4.1"
    assert w.reference_of(1002, "zh-Hans") == "RFC 6455 第 7.4.1 节"
    assert w.reference_of(1002, "ru") == "RFC 6455, раздел 7.4.1"
    assert CloseCode.PROTOCOL_ERROR.reference_in("zh-CN") == "RFC 6455 第 7.4.1 节"
    assert w.reference_of(4001) is None


def test_the_ranges_are_those_of_rfc_6455_and_iana() -> None:
    ranges = [(r.id, r.start, r.end) for r in w.RANGES]
    assert ranges == [
        ("unused", 0, 999),
        ("protocol", 1000, 1015),
        ("protocol-reserved", 1016, 2999),
        ("registered", 3000, 3999),
        ("private", 4000, 4999),
    ]
    for number in (5000, 5001, 65535):
        assert w.range_of(number) is None
