"""Fixtures shared by the tests, and the summary line that says how much they checked."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.vectors import Vectors, load

_REPORT = pytest.StashKey[list[str]]()


@pytest.fixture(scope="session")
def vectors() -> Vectors:
    """The conformance vectors."""
    return load()


@pytest.fixture
def report(request: pytest.FixtureRequest) -> Callable[[str], None]:
    """Adds a line to the end of the test summary."""
    return request.config.stash.setdefault(_REPORT, []).append


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    """Prints the lines the tests reported."""
    for line in config.stash.get(_REPORT, []):
        terminalreporter.write_line(line)
