"""The worker's use of the close-code module generated from the application registry."""

from __future__ import annotations

import pytest

from close_codes import CloseCode, CloseFrameError, describe, is_sendable, name_of
from worker import is_moderation, notice, notice_for_frame


def test_service_codes_sit_beside_the_standard_ones() -> None:
    assert int(CloseCode.SESSION_EXPIRED) == 4001
    assert CloseCode(4002) is CloseCode.ROOM_FULL
    assert int(CloseCode.BAD_GATEWAY) == 1014
    assert name_of(4005) == "CLIENT_OUTDATED"
    assert CloseCode["KICKED"] is CloseCode.REMOVED_BY_MODERATOR


def test_descriptions_come_in_the_applications_locales() -> None:
    assert describe(4001, "ru") == (
        "Пока соединение было открыто, истёк срок действия токена сеанса пользователя. Клиенту "
        "следует обновить токен или попросить пользователя войти снова, а затем переподключиться."
    )
    assert describe(1000, "ru").startswith("Соединение")
    assert CloseCode.ROOM_FULL.title_in("zh-CN") == "聊天室已满"


def test_a_rate_limit_notice_says_to_retry() -> None:
    assert notice(4004, "en") == notice(CloseCode.RATE_LIMITED, "en-GB")
    assert notice(4004, "en").retry_after_ms == 1000
    assert notice(4003, "en").retry_after_ms is None


def test_a_full_room_waits_at_least_ten_seconds() -> None:
    assert notice(4002, "en", random=0.0).retry_after_ms == 10_000


def test_notices_for_frames_as_they_arrived() -> None:
    assert notice_for_frame(b"", "ru") == notice(1005, "ru")
    assert notice_for_frame(b"\x0f\xa3", "en").retry_after_ms is None
    with pytest.raises(CloseFrameError) as raised:
        notice_for_frame(b"\x03\xee", "en")
    assert raised.value.close_code == 1002


def test_moderation_is_recognised_by_number() -> None:
    assert is_moderation(4003)
    assert not is_moderation(4001)
    assert is_sendable(4003)
