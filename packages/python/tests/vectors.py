"""Loads conformance/vectors.json: what every language's module must answer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypedDict, cast

VECTORS_PATH = "conformance/vectors.json"
"""Where the file lives, relative to the repository root."""


class Run(TypedDict):
    """The answers for one run of consecutive codes that all answer the same."""

    first: int
    last: int
    name: str | None
    aliases: list[str]
    iana_name: str | None
    range: str | None
    sendable: bool
    browser_closable: bool
    sender: str | None
    reconnect: str
    title: list[str]
    description: list[str]


class ParseVector(TypedDict):
    """A received payload (hex) and its code and reason, or the close code of its error."""

    payload: str
    code: int | None
    reason: str | None
    error: int | None


class EncodeVector(TypedDict):
    """A code and reason to send and the payload (hex), or the close code of the error."""

    code: int
    reason: str
    payload: str | None
    error: int | None


class TruncateVector(TypedDict):
    """A reason and its longest prefix that fits in a Close frame."""

    reason: str
    truncated: str


class ClosePayloadVectors(TypedDict):
    """What reading, building and truncating Close frame payloads must answer."""

    parse: list[ParseVector]
    encode: list[EncodeVector]
    truncate: list[TruncateVector]


class ReconnectContextVector(TypedDict):
    """One context of a code and its steps, attempt-major: ``stop``, ``retry:<ms>``, ..."""

    closed_by_client: bool
    ever_opened: bool
    steps: list[str]


class ReconnectCase(TypedDict):
    """A code, its delay bounds and its steps in every context."""

    code: int
    delay_bounds: list[int]
    contexts: list[ReconnectContextVector]


class ReconnectVectors(TypedDict):
    """The reconnect grid: for each code and context, a step per attempt and random number."""

    randoms: list[float]
    attempts: int
    cases: list[ReconnectCase]


class Vectors(TypedDict):
    """The whole conformance file."""

    locales: list[str]
    fallback: str
    runs: list[Run]
    negotiation: list[tuple[str, str]]
    accept_language: list[tuple[str, str]]
    close_payloads: ClosePayloadVectors
    reconnect: ReconnectVectors


def locate() -> Path:
    """The file in the nearest directory at or above the tests that has it."""
    here = Path(__file__).resolve().parent
    for directory in (here, *here.parents):
        candidate = directory / VECTORS_PATH
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"no {VECTORS_PATH} at or above {here}")


def load() -> Vectors:
    """Reads and parses the conformance file."""
    with locate().open(encoding="utf-8") as file:
        return cast(Vectors, json.load(file))
