"""Close frame payloads against conformance/vectors.json, and round-trip properties over random
codes and reasons from a seeded generator (the same cases every run)."""

from __future__ import annotations

import doctest
import random
from collections.abc import Callable
from functools import partial

import pytest

import ws_close_codes as w
from tests.vectors import VECTORS_PATH, Vectors

PROPERTY_CASES = 2000


def error_code(call: Callable[[], object]) -> int | None:
    """The close code ``call`` raises with, or ``None`` when it returns."""
    try:
        call()
    except w.CloseFrameError as error:
        assert isinstance(error, ValueError)
        return error.close_code
    return None


def test_received_payloads_parse_as_the_vectors_say(
    vectors: Vectors, report: Callable[[str], None]
) -> None:
    cases = vectors["close_payloads"]["parse"]
    for case in cases:
        payload = bytes.fromhex(case["payload"])
        assert error_code(partial(w.parse_close_payload, payload)) == case["error"], case
        if case["error"] is None:
            assert w.parse_close_payload(payload) == (case["code"], case["reason"]), case
    assert len(cases) >= 200
    report(f"checked {len(cases)} parse vectors against {VECTORS_PATH}")


def test_frames_to_send_encode_as_the_vectors_say(
    vectors: Vectors, report: Callable[[str], None]
) -> None:
    cases = vectors["close_payloads"]["encode"]
    for case in cases:
        code, reason = case["code"], case["reason"]
        assert error_code(partial(w.encode_close_payload, code, reason)) == case["error"], case
        if case["error"] is None:
            assert w.encode_close_payload(code, reason).hex() == case["payload"], case
    report(f"checked {len(cases)} encode vectors against {VECTORS_PATH}")


def test_reasons_truncate_as_the_vectors_say(
    vectors: Vectors, report: Callable[[str], None]
) -> None:
    cases = vectors["close_payloads"]["truncate"]
    for case in cases:
        assert w.truncate_reason(case["reason"]) == case["truncated"], case
    report(f"checked {len(cases)} truncate vectors against {VECTORS_PATH}")


def test_the_examples_in_the_docstrings_hold() -> None:
    failed, attempted = doctest.testmod(w)
    assert attempted > 0
    assert failed == 0


def test_lone_surrogates_are_refused() -> None:
    assert error_code(lambda: w.encode_close_payload(1000, "a\ud800b")) == 1007


@pytest.mark.parametrize("code", [True, 1000.0, "1000"])
def test_the_browser_rule_wants_an_int(code: object) -> None:
    assert w.is_browser_closable(code) is False  # type: ignore[arg-type]


_RANGES = ((0x0, 0x7F), (0x80, 0x7FF), (0x800, 0xD7FF), (0xE000, 0xFFFF), (0x10000, 0x10FFFF))


def random_text(rng: random.Random, max_characters: int) -> str:
    """Random Unicode scalar values: ASCII, two-, three- and four-byte characters alike."""
    characters = []
    for _ in range(rng.randint(0, max_characters)):
        low, high = rng.choice(_RANGES)
        characters.append(chr(rng.randint(low, high)))
    return "".join(characters)


def test_parse_of_encode_gives_back_the_code_and_reason(report: Callable[[str], None]) -> None:
    rng = random.Random(0x5EED11)
    checked = 0
    while checked < PROPERTY_CASES:
        code = rng.randrange(65536)
        if not w.is_sendable(code):
            continue
        reason = w.truncate_reason(random_text(rng, 80))
        payload = w.encode_close_payload(code, reason)
        assert len(payload) == 2 + len(reason.encode())
        assert w.parse_close_payload(payload) == w.ClosePayload(code, reason)
        checked += 1
    report(f"checked {checked} random round trips")


def test_truncation_is_the_longest_valid_prefix() -> None:
    rng = random.Random(0x7A11)
    for _ in range(PROPERTY_CASES):
        reason = random_text(rng, 150)
        truncated = w.truncate_reason(reason)
        assert reason.startswith(truncated)
        encoded = truncated.encode("utf-8")  # valid: raises on a lone surrogate
        assert len(encoded) <= w.MAX_REASON_BYTES
        rest = reason[len(truncated) :]
        if rest:
            assert len((truncated + rest[0]).encode()) > w.MAX_REASON_BYTES
