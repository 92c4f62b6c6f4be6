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
    sender: str | None
    reconnect: str
    title: list[str]
    description: list[str]


class Vectors(TypedDict):
    """The whole conformance file."""

    locales: list[str]
    fallback: str
    runs: list[Run]
    negotiation: list[tuple[str, str]]
    accept_language: list[tuple[str, str]]


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
