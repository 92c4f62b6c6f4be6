

def is_browser_closable(code: int) -> bool:
    """May a browser's ``WebSocket.close(code)`` send ``code``?

    Only 1000 and 3000-4999 (WHATWG WebSockets): a browser throws ``InvalidAccessError`` for any
    other code, including codes such as 1001 or 1011 that other endpoints may send.

    >>> is_browser_closable(4001), is_browser_closable(1001)
    (True, False)
    """
    return isinstance(code, int) and (code == 1000 or 3000 <= code <= 4999)


MAX_PAYLOAD_BYTES: Final = 125
"""The most bytes a Close frame payload holds: a control frame carries at most 125."""

MAX_REASON_BYTES: Final = 123
"""The most bytes of UTF-8 a Close frame's reason holds: the payload less the code's two bytes."""

# A close code in network byte order: two bytes, most significant first.
_CODE: Final = struct.Struct("!H")


class ClosePayload(NamedTuple):
    r"""A Close frame payload that was read: its code (none for an empty payload) and its reason.

    >>> parse_close_payload(b"\x03\xe9bye")
    ClosePayload(code=1001, reason='bye')
    """

    code: int | None
    """The code, or ``None`` for an empty payload (which APIs report as 1005)."""
    reason: str
    """The reason, possibly empty."""


class CloseFrameError(ValueError):
    r"""Why a Close frame payload was refused, by either payload function.

    Raised by :func:`parse_close_payload` and :func:`encode_close_payload`.

    >>> try:
    ...     parse_close_payload(b"\x03\xed")
    ... except CloseFrameError as error:
    ...     print(error.close_code)
    1002
    """

    # No ``__init__`` at run time: ``ValueError`` keeps both arguments in ``args``, so raising one
    # costs what raising a ``ValueError`` does, without a call into Python code.
    if TYPE_CHECKING:

        def __init__(self, message: str, close_code: int) -> None:
            """An error with a message and the code to fail the connection with."""

    @property
    def close_code(self) -> int:
        """The code to fail the connection with.

        1007 for a reason that is not valid UTF-8, 1002 (protocol error) for anything else.
        """
        code: int = self.args[1]
        return code

    def __str__(self) -> str:
        """The message."""
        return str(self.args[0])


def parse_close_payload(payload: bytes) -> ClosePayload:
    r"""Reads a received Close frame payload.

    An empty payload has no code (APIs report it as 1005) and no reason. A payload of one byte or
    of more than 125 bytes, or one whose code may not be sent, raises :class:`CloseFrameError`
    with ``close_code`` 1002; a reason that is not valid UTF-8 raises it with 1007.

    >>> parse_close_payload(b"")
    ClosePayload(code=None, reason='')
    >>> parse_close_payload(b"\x0f\xa1" + "再见".encode())
    ClosePayload(code=4001, reason='再见')
    """
    size = len(payload)
    if size == 0:
        return ClosePayload(None, "")
    if size == 1:
        raise CloseFrameError("a Close frame payload of one byte", 1002)
    if size > MAX_PAYLOAD_BYTES:
        message = f"a Close frame payload of {size} bytes (at most 125)"
        raise CloseFrameError(message, 1002)
    code = payload[0] << 8 | payload[1]
    if not is_sendable(code):
        raise CloseFrameError(f"close code {code} may not be sent", 1002)
    try:
        # str() decodes any bytes-like object (bytes, bytearray, memoryview) without a copy first.
        reason = str(payload[2:], "utf-8")
    except UnicodeDecodeError:
        raise CloseFrameError("a close reason that is not valid UTF-8", 1007) from None
    return ClosePayload(code, reason)


def encode_close_payload(code: int, reason: str = "") -> bytes:
    r"""The payload of a Close frame to send: ``code`` in network byte order, then ``reason``.

    Raises :class:`CloseFrameError` when ``code`` may not be sent, when ``reason`` is longer
    than 123 bytes of UTF-8 (see :func:`truncate_reason`) and when it holds a lone surrogate,
    which UTF-8 cannot carry.

    >>> encode_close_payload(1000, "bye")
    b'\x03\xe8bye'
    """
    if not is_sendable(code):
        raise CloseFrameError(f"close code {code} may not be sent", 1002)
    try:
        encoded = reason.encode("utf-8")
    except UnicodeEncodeError:
        raise CloseFrameError("a close reason with a lone surrogate", 1007) from None
    if len(encoded) > MAX_REASON_BYTES:
        message = f"a close reason of {len(encoded)} bytes (at most 123)"
        raise CloseFrameError(message, 1002)
    return _CODE.pack(code) + encoded


def truncate_reason(reason: str) -> str:
    """The longest prefix of ``reason`` that fits in a Close frame (123 bytes of UTF-8).

    Never splits a character. A lone surrogate counts as the three bytes it would take.

    >>> len(truncate_reason("é" * 70).encode())
    122
    """
    size = 0
    for index, character in enumerate(reason):
        point = ord(character)
        size += 1 + (point >= 0x80) + (point >= 0x800) + (point >= 0x10000)
        if size > MAX_REASON_BYTES:
            return reason[:index]
    return reason
