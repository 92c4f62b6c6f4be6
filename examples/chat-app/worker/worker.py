"""How the chat service's background worker reports closed connections.

The close codes come from ``close_codes.py``, generated from ``../close-codes.toml``: every
standard WebSocket close code and the service's own.
"""

from __future__ import annotations

from dataclasses import dataclass

from close_codes import CloseCode, Reconnect, describe, reconnect_of


@dataclass(frozen=True)
class Notice:
    """A message for the user whose connection closed."""

    code: int
    text: str
    retry: bool


def notice(code: int, language: str) -> Notice:
    """What to tell the user, in their language, after a close with ``code``."""
    return Notice(
        code=code,
        text=describe(code, language),
        retry=reconnect_of(code) is Reconnect.BACKOFF,
    )


def is_moderation(code: int) -> bool:
    """Was the connection closed by a moderator's decision?"""
    return code == CloseCode.REMOVED_BY_MODERATOR
