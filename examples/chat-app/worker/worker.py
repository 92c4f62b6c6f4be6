"""How the chat service's background worker reports closed connections.

The close codes come from ``close_codes.py``, generated from ``../close-codes.toml``: every
standard WebSocket close code and the service's own.
"""

from __future__ import annotations

from dataclasses import dataclass

from close_codes import CloseCode, ReconnectAction, describe_close, parse_close_payload


@dataclass(frozen=True)
class Notice:
    """A message for the user whose connection closed."""

    code: int
    text: str
    retry_after_ms: int | None
    """When the client will try again, or ``None`` when it will not."""


def notice(code: int, language: str, *, attempt: int = 0, random: float = 0.5) -> Notice:
    """What to tell the user, in their language, after a close with ``code``."""
    close = describe_close(code, locale=language, attempt=attempt, random=random)
    retry = close.step.action is not ReconnectAction.STOP
    return Notice(
        code=code, text=close.description, retry_after_ms=close.step.delay_ms if retry else None
    )


def notice_for_frame(payload: bytes, language: str) -> Notice:
    """The notice for a Close frame as it arrived; an empty payload is reported as 1005."""
    code = parse_close_payload(payload).code
    return notice(CloseCode.NO_STATUS_RECEIVED if code is None else code, language)


def is_moderation(code: int) -> bool:
    """Was the connection closed by a moderator's decision?"""
    return code == CloseCode.REMOVED_BY_MODERATOR
