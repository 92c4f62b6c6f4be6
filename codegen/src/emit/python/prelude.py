"""Every WebSocket close code, generated from one registry.

Constant names, ranges, whether a code may be sent, what a client should do next, and a title and
a description in every locale. Every function accepts any ``int``, so a code received on the wire
can always be described; an int outside 0-65535 is answered like a number outside every range.
Whether a code has a name and whether it may be sent are separate questions.

Example::

    import ws_close_codes as close_codes

    def on_close(code: int) -> None:
        print(close_codes.title_of(code, "ru-RU"), close_codes.describe(code, "ru-RU"))
        if close_codes.reconnect_of(code) is close_codes.Reconnect.BACKOFF:
            schedule_reconnect()
"""

from __future__ import annotations

import functools
import math
import struct
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum, IntEnum
from random import random as _random
from typing import TYPE_CHECKING, Final, NamedTuple, TypeGuard


class _StrEnum(str, Enum):
    """``enum.StrEnum`` of Python 3.11+, in a form that also runs on 3.10.

    Members are strings equal to their values; ``str()`` and ``format()`` give the value on
    every Python version, and ``json`` writes it.
    """

    def __str__(self) -> str:
        return str.__str__(self)

    def __format__(self, format_spec: str) -> str:
        return str.__format__(self, format_spec)


__all__ = [
    "BASE_DELAY_MS",
    "DEFAULT_DELAY_BOUNDS_MS",
    "FALLBACK_LOCALE",
    "LOCALES",
    "MAX_ATTEMPTS_BEFORE_OPEN",
    "MAX_PAYLOAD_BYTES",
    "MAX_REASON_BYTES",
    "RANGES",
    "CloseCode",
    "CloseCodeRange",
    "CloseDescription",
    "CloseFrameError",
    "ClosePayload",
    "Reconnect",
    "ReconnectAction",
    "ReconnectContext",
    "ReconnectStep",
    "Sender",
    "aliases_of",
    "describe",
    "describe_close",
    "encode_close_payload",
    "iana_name_of",
    "is_browser_closable",
    "is_known",
    "is_sendable",
    "name_of",
    "negotiate",
    "negotiate_locale",
    "parse_close_payload",
    "range_of",
    "reconnect_delay_bounds",
    "reconnect_of",
    "reconnect_step",
    "reference_of",
    "sender_of",
    "title_of",
    "truncate_reason",
    "url_of",
]
