"""The reconnect policy against the grid in conformance/vectors.json: every step, to the
millisecond, as the Rust and TypeScript suites check it too."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

import ws_close_codes as w
from tests.vectors import VECTORS_PATH, Vectors


def written(step: w.ReconnectStep) -> str:
    """A step the way the vectors write it."""
    if step.action is w.ReconnectAction.STOP:
        return "stop"
    return f"{step.action.value}:{step.delay_ms}"


def test_every_step_of_the_grid_is_as_the_vectors_say(
    vectors: Vectors, report: Callable[[str], None]
) -> None:
    grid = vectors["reconnect"]
    checked = 0
    for case in grid["cases"]:
        code = case["code"]
        assert list(w.reconnect_delay_bounds(code)) == case["delay_bounds"], code
        for context in case["contexts"]:
            steps = iter(context["steps"])
            for attempt in range(grid["attempts"]):
                for random in grid["randoms"]:
                    asked = w.ReconnectContext(
                        context["closed_by_client"], context["ever_opened"], attempt, random
                    )
                    assert written(w.reconnect_step(code, asked)) == next(steps), (code, asked)
                    checked += 1
            assert next(steps, None) is None
    assert checked > 0
    report(f"checked {checked} reconnect steps against {VECTORS_PATH}")


@pytest.mark.parametrize("random", [math.nan, -0.5, 1.0, 7.0, math.inf])
def test_a_random_number_outside_zero_to_one_counts_as_zero(random: float) -> None:
    def step(number: float) -> w.ReconnectStep:
        return w.reconnect_step(1012, w.ReconnectContext(False, True, 3, number))

    assert step(random) == step(0.0) == (w.ReconnectAction.RETRY, 5000)


def test_a_negative_attempt_is_refused() -> None:
    with pytest.raises(ValueError, match="attempt"):
        w.reconnect_step(1012, w.ReconnectContext(False, True, -1, 0.0))


def test_describe_close_gives_the_texts_and_the_step() -> None:
    close = w.describe_close(1012, "deploy", "zh-CN", attempt=0, random=0.5)
    assert close.title == w.title_of(1012, "zh-Hans")
    assert close.description == w.describe(1012, "zh-Hans")
    assert (close.reason, close.locale, close.name) == ("deploy", "zh-Hans", "SERVICE_RESTART")
    assert close.hint is w.Reconnect.BACKOFF
    assert close.step == (w.ReconnectAction.RETRY, 5500)
    refused = w.describe_close(1006, ever_opened=False, attempt=5)
    assert refused.step.action is w.ReconnectAction.STOP
