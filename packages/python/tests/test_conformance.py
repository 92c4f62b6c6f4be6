"""The module against conformance/vectors.json: every one of the 65,536 codes, every answer, every
locale, and every negotiation pair."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ws_close_codes as w
from tests.vectors import VECTORS_PATH, Vectors


def answers(code: int, locales: Sequence[str]) -> dict[str, object]:
    """Everything the module answers for ``code``, in the shape of a run of the vectors."""
    found = w.range_of(code)
    sender = w.sender_of(code)
    return {
        "name": w.name_of(code),
        "aliases": list(w.aliases_of(code)),
        "iana_name": w.iana_name_of(code),
        "range": None if found is None else found.id,
        "sendable": w.is_sendable(code),
        "browser_closable": w.is_browser_closable(code),
        "sender": None if sender is None else sender.value,
        "reconnect": w.reconnect_of(code).value,
        "title": [w.title_of(code, locale) for locale in locales],
        "description": [w.describe(code, locale) for locale in locales],
    }


def test_the_module_has_the_locales_and_fallback_of_the_vectors(vectors: Vectors) -> None:
    assert list(w.LOCALES) == vectors["locales"]
    assert vectors["fallback"] == w.FALLBACK_LOCALE


def test_every_code_answers_as_the_vectors_say(
    vectors: Vectors, report: Callable[[str], None]
) -> None:
    checked = 0
    for run in vectors["runs"]:
        assert run["first"] == checked, "the runs cover 0-65535 in order, without gaps"
        expected = {key: value for key, value in run.items() if key not in ("first", "last")}
        for code in range(run["first"], run["last"] + 1):
            assert answers(code, vectors["locales"]) == expected, f"code {code}"
            checked += 1
    assert checked == 65536
    report(f"checked {checked} codes against {VECTORS_PATH}")


def test_every_tag_negotiates_as_the_vectors_say(
    vectors: Vectors, report: Callable[[str], None]
) -> None:
    assert vectors["negotiation"]
    for tag, locale in vectors["negotiation"]:
        assert w.negotiate(tag) == locale, f"tag {tag!r}"
        assert w.describe(1000, tag) == w.describe(1000, locale), f"describe in {tag!r}"
    report(f"checked {len(vectors['negotiation'])} negotiation pairs against {VECTORS_PATH}")
