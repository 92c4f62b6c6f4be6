

MAX_ATTEMPTS_BEFORE_OPEN: Final = 5
"""How many attempts in a row may fail before the connection ever opened before
:func:`reconnect_step` says stop (a refused handshake, an HTTP error or a TLS failure)."""

BASE_DELAY_MS: Final = 1000
"""How much the backoff window grows per failed attempt: ``BASE_DELAY_MS * 2**attempt`` ms."""


def reconnect_delay_bounds(code: int) -> tuple[int, int]:
    """The shortest and the longest delay, in milliseconds, before a reconnect after ``code``.

    The registry's ``delay_ms`` of the code, else of its range, else
    :data:`DEFAULT_DELAY_BOUNDS_MS`.

    >>> reconnect_delay_bounds(CloseCode.SERVICE_RESTART)
    (5000, 30000)
    """
    if not _is_code(code):
        return DEFAULT_DELAY_BOUNDS_MS
    own = _CODE_DELAY_BOUNDS.get(code)
    if own is not None:
        return own
    for start, end, bounds in _RANGE_DELAY_BOUNDS:
        if start <= code <= end:
            return bounds
    return DEFAULT_DELAY_BOUNDS_MS


class ReconnectContext(NamedTuple):
    """What the client knows about a close besides its code: the input of :func:`reconnect_step`.

    >>> ReconnectContext(closed_by_client=False, ever_opened=True, attempt=0, random=0.37)
    ReconnectContext(closed_by_client=False, ever_opened=True, attempt=0, random=0.37)
    """

    closed_by_client: bool
    """Did the client itself close the connection (or ask to)? Then it never reconnects."""
    ever_opened: bool
    """Did the connection ever open? A connection that never did failed its handshake."""
    attempt: int
    """How many attempts in a row already failed: 0 for the first reconnect."""
    random: float
    """A random number in [0, 1) for the jitter, e.g. ``random.random()``, from the caller (so
    the step is a pure function); anything else, NaN included, counts as 0."""


class ReconnectAction(Enum):
    """What to do after a close."""

    STOP = "stop"
    """Do not reconnect."""
    RETRY = "retry"
    """Reconnect after the delay."""
    REAUTHENTICATE = "reauthenticate"
    """Obtain fresh credentials, then reconnect after the delay."""


class ReconnectStep(NamedTuple):
    """The result of :func:`reconnect_step`: an action and how long to wait first.

    >>> ReconnectStep(ReconnectAction.RETRY, 1200).delay_ms
    1200
    """

    action: ReconnectAction
    """What to do."""
    delay_ms: int
    """How long to wait before reconnecting, in milliseconds; 0 for :attr:`ReconnectAction.STOP`."""


def reconnect_step(code: int, context: ReconnectContext) -> ReconnectStep:
    """What to do after a connection closed with ``code``: stop, retry or reauthenticate.

    The rules, in order:

    1. the client closed the connection itself: stop (whatever the code, often 1005 or 1000);
    2. the code's reconnect hint is ``never``: stop;
    3. the connection never opened and :data:`MAX_ATTEMPTS_BEFORE_OPEN` attempts in a row
       already failed: stop;
    4. otherwise wait ``min + floor(random * (ceiling - min))`` ms with
       ``ceiling = min(max, min + BASE_DELAY_MS * 2**min(attempt, 20))``, ``(min, max)`` being
       :func:`reconnect_delay_bounds`: capped exponential backoff with full jitter; then
       reauthenticate for hint ``reauthenticate``, else retry.

    Raises :class:`ValueError` when ``attempt`` is negative.

    >>> reconnect_step(1012, ReconnectContext(False, True, attempt=0, random=0.5))
    ReconnectStep(action=<ReconnectAction.RETRY: 'retry'>, delay_ms=5500)
    >>> reconnect_step(1005, ReconnectContext(True, True, attempt=0, random=0.5)).action
    <ReconnectAction.STOP: 'stop'>
    """
    if context.attempt < 0:
        raise ValueError(f"attempt must not be negative, not {context.attempt}")
    hint = reconnect_of(code)
    if context.closed_by_client or hint is Reconnect.NEVER:
        return ReconnectStep(ReconnectAction.STOP, 0)
    if not context.ever_opened and context.attempt >= MAX_ATTEMPTS_BEFORE_OPEN:
        return ReconnectStep(ReconnectAction.STOP, 0)
    low, high = reconnect_delay_bounds(code)
    ceiling = min(high, low + BASE_DELAY_MS * 2 ** min(context.attempt, 20))
    random = context.random if 0.0 <= context.random < 1.0 else 0.0
    delay_ms = low + math.floor(random * (ceiling - low))
    if hint is Reconnect.REAUTHENTICATE:
        return ReconnectStep(ReconnectAction.REAUTHENTICATE, delay_ms)
    return ReconnectStep(ReconnectAction.RETRY, delay_ms)


class CloseDescription(NamedTuple):
    """A close, described for a client: what the code means, the reason, and what to do next."""

    code: int
    """The close code, as received."""
    name: str | None
    """The canonical constant name, for a registered code."""
    title: str
    """A short title of the code in ``locale``."""
    description: str
    """A full description of the code in ``locale``."""
    reason: str
    """The reason the peer gave, as received (may be empty)."""
    hint: Reconnect
    """The registry's reconnect hint for the code."""
    step: ReconnectStep
    """What to do next, from :func:`reconnect_step`."""
    locale: str
    """The locale of ``title`` and ``description``."""


def describe_close(
    code: int,
    reason: str = "",
    locale: str = FALLBACK_LOCALE,
    *,
    closed_by_client: bool = False,
    ever_opened: bool = True,
    attempt: int = 0,
    random: float | None = None,
) -> CloseDescription:
    """Describes a close for a client, in the best locale for ``locale``.

    The code's title and description, the reason the peer gave, and the next step of
    :func:`reconnect_step` for the context; ``random`` defaults to ``random.random()``.

    >>> close = describe_close(1005, "", "ru-RU", closed_by_client=True)
    >>> close.step.action, close.locale
    (<ReconnectAction.STOP: 'stop'>, 'ru')
    """
    index = _locale_index(locale)
    label = _label_of(code)
    jitter = _random() if random is None else random
    context = ReconnectContext(closed_by_client, ever_opened, attempt, jitter)
    return CloseDescription(
        code=code,
        name=name_of(code),
        title=label.titles[index],
        description=label.descriptions[index],
        reason=reason,
        hint=reconnect_of(code),
        step=reconnect_step(code, context),
        locale=LOCALES[index],
    )
