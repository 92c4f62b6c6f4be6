"""What Python users expect of the module: string enums, HTTPStatus-like members, headers."""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import Enum

import pytest

import ws_close_codes as w
from tests.vectors import VECTORS_PATH, Vectors
from ws_close_codes import CloseCode, Reconnect, Sender


def test_reconnect_hints_are_strings_that_json_writes() -> None:
    assert json.dumps({"r": w.reconnect_of(1013)}) == '{"r": "backoff"}'
    assert w.reconnect_of(1013) == "backoff"
    assert Reconnect("backoff") is Reconnect.BACKOFF
    assert isinstance(Sender.SERVER, str)
    assert json.dumps([Sender.SERVER, Sender.LOCAL]) == '["server", "local"]'


@pytest.mark.parametrize("enum", [Reconnect, Sender])
def test_str_and_format_of_string_enums_give_the_value(enum: type[Enum]) -> None:
    for member in enum:
        assert member == member.value
        assert str(member) == member.value
        assert format(member) == member.value
        assert f"{member}" == member.value
        assert f"{member:>16}" == f"{member.value:>16}"


def test_str_and_format_of_close_codes_give_the_number() -> None:
    for member in CloseCode:
        assert str(member) == str(int(member))
        assert format(member) == str(int(member))
        assert f"{member:05d}" == f"{int(member):05d}"
        assert f"{member}" == str(member.value)


def test_members_have_an_http_status_like_phrase_and_description() -> None:
    member = CloseCode.NORMAL_CLOSURE
    assert member.phrase == member.title == w.title_of(1000)
    assert member.description == w.describe(1000)
    assert member.title_in("ru") == w.title_of(1000, "ru")


def test_range_predicates_follow_the_ranges() -> None:
    predicates = {found.id: f"is_{found.id.replace('-', '_')}" for found in w.RANGES}
    for found in w.RANGES:
        function: Callable[[int], bool] = getattr(w, predicates[found.id])
        assert predicates[found.id] in w.__all__
        for code in (found.start, found.end, found.start - 1, found.end + 1):
            assert function(code) == (code in found), (found.id, code)
    for member in CloseCode:
        held = [name for name in predicates.values() if getattr(member, name)]
        assert held == [predicates[r.id] for r in w.RANGES if member in r], member


def test_accept_language_headers_negotiate_as_the_vectors_say(
    vectors: Vectors, report: Callable[[str], None]
) -> None:
    assert vectors["accept_language"]
    for header, locale in vectors["accept_language"]:
        assert w.negotiate(header) == locale, f"header {header!r}"
        assert w.negotiate(header.split(",")) == locale, f"list {header!r}"
        assert w.describe(1000, header) == w.describe(1000, locale), header
    assert w.negotiate("ru;q=0.9, en") == "ru"
    # The 0.1.0 name answers the same.
    assert w.negotiate_locale("ru;q=0.9, en") == "ru"
    report(
        f"checked {len(vectors['accept_language'])} Accept-Language headers against {VECTORS_PATH}"
    )
