

def _is_code(code: object) -> TypeGuard[int]:
    """Is ``code`` an int a Close frame can carry (0-65535)?"""
    return isinstance(code, int) and 0 <= code <= 65535


def _entry_of(code: int) -> _Entry | None:
    """The registered entry for ``code``, if it has one."""
    return _ENTRIES.get(code) if _is_code(code) else None


# The label of every registered code (ascending), of every range (ascending), then of a number
# outside every range: ``_LABEL_PIECES`` indexes into it.
_LABELS: Final = (
    *(entry.label for entry in _ENTRIES.values()),
    *(found._label() for found in RANGES),
    _OUT_OF_RANGE,
)
_OUTSIDE: Final = len(_LABELS) - 1


def _index_table() -> Sequence[int]:
    """The index in ``_LABELS`` of each int 0-65535, from ``_LABEL_PIECES``: one subscript."""
    if len(_LABELS) <= 256:
        table = bytearray(65536)
        for first, last, index in _LABEL_PIECES:
            table[first : last + 1] = bytes((index,)) * (last - first + 1)
        return bytes(table)
    wide = array("L", bytes(4 * 65536))
    for first, last, index in _LABEL_PIECES:
        wide[first : last + 1] = array("L", (index,)) * (last - first + 1)
    return wide


_LABEL_INDEX: Final = _index_table()

# Each locale's titles and descriptions of every label, by tag and in ``LOCALES`` order: a
# locale's own tag finds its texts with one dict lookup, without negotiation.
_TITLES: Final[dict[str, tuple[str, ...]]] = {
    tag: tuple(label.titles[i] for label in _LABELS) for i, tag in enumerate(LOCALES)
}
_TITLES_AT: Final = tuple(_TITLES.values())
_DESCRIPTIONS: Final[dict[str, tuple[str, ...]]] = {
    tag: tuple(e.descriptions[i] for e in _LABELS) for i, tag in enumerate(LOCALES)
}
_DESCRIPTIONS_AT: Final = tuple(_DESCRIPTIONS.values())


def _label_of(code: int) -> _Label:
    """The texts shown for ``code``: the one definition of the semantics, with :func:`reconnect_of`.

    A registered code answers for itself, any other number in a range answers as its range, and
    everything else as a number outside every range.
    """
    return _LABELS[_LABEL_INDEX[code] if _is_code(code) else _OUTSIDE]


# The index of each locale's own tag, which negotiates to itself.
_LOCALE_INDEX: Final = {tag: index for index, tag in enumerate(LOCALES)}


def _locale_index(locale: str) -> int:
    """The index in :data:`LOCALES` of the best locale for ``locale``."""
    index = _LOCALE_INDEX.get(locale)
    return _negotiated_index(locale) if index is None else index


@functools.lru_cache(maxsize=256)
def _negotiated_index(locale: str) -> int:
    """:func:`negotiate` as an index, remembered: the same few tags come again and again."""
    return LOCALES.index(negotiate(locale))


def is_known(code: int) -> bool:
    """Does the registry define ``code``?"""
    return _entry_of(code) is not None


def range_of(code: int) -> CloseCodeRange | None:
    """The range that holds ``code``, or ``None`` for a number outside every range."""
    if not _is_code(code):
        return None
    for found in RANGES:
        if found.start <= code <= found.end:
            return found
    return None


def name_of(code: int) -> str | None:
    """The canonical constant name of a registered code, e.g. ``BAD_GATEWAY``."""
    entry = _entry_of(code)
    return None if entry is None else entry.name


def aliases_of(code: int) -> tuple[str, ...]:
    """Former constant names of a registered code, sorted; empty for any other number."""
    entry = _entry_of(code)
    return () if entry is None else entry.aliases


def iana_name_of(code: int) -> str | None:
    """The name of a registered code in the IANA registry, e.g. ``Bad Gateway``."""
    entry = _entry_of(code)
    return None if entry is None else entry.iana_name


def reference_of(code: int, locale: str = FALLBACK_LOCALE) -> str | None:
    """Where a registered code is defined, e.g. ``RFC 6455, section 7.4.1``.

    ``locale`` is a BCP 47 tag such as ``ru-RU``, negotiated with :func:`negotiate`.
    """
    entry = _entry_of(code)
    if entry is None or entry.reference is None:
        return None
    return entry.reference[_locale_index(locale)]


def url_of(code: int) -> str | None:
    """A link to the definition of a registered code."""
    entry = _entry_of(code)
    return None if entry is None else entry.url


def sender_of(code: int) -> Sender | None:
    """Who sends a registered code."""
    entry = _entry_of(code)
    return None if entry is None else entry.sender


def reconnect_of(code: int) -> Reconnect:
    """What a client should do after the peer closed the connection with ``code``.

    Never used after the client's own close(): a client that closed the connection itself does not reconnect.
    """
    entry = _entry_of(code)
    if entry is not None:
        return entry.reconnect
    found = range_of(code)
    return _OUT_OF_RANGE_RECONNECT if found is None else found.reconnect


def title_of(code: int, locale: str = FALLBACK_LOCALE) -> str:
    """A short title for ``code``; unregistered codes get their range's.

    ``locale`` is a BCP 47 tag such as ``ru-RU``, negotiated with :func:`negotiate`.
    """
    titles = _TITLES.get(locale)
    if titles is None:
        titles = _TITLES_AT[_locale_index(locale)]
    return titles[_LABEL_INDEX[code] if _is_code(code) else _OUTSIDE]


def describe(code: int, locale: str = FALLBACK_LOCALE) -> str:
    """A full description of ``code``; unregistered codes get their range's.

    Numbers outside every range get a text saying that they are not valid close codes.
    ``locale`` is a BCP 47 tag such as ``zh-CN``, negotiated with :func:`negotiate`.
    """
    descriptions = _DESCRIPTIONS.get(locale)
    if descriptions is None:
        descriptions = _DESCRIPTIONS_AT[_locale_index(locale)]
    if isinstance(code, int) and 0 <= code <= 65535:
        return descriptions[_LABEL_INDEX[code]]
    return descriptions[_OUTSIDE]


class _Subtags(NamedTuple):
    """The subtags of a language tag that negotiation looks at."""

    language: str | None
    script: str | None
    region: str | None


# Regions whose Chinese is written in Traditional script, in lowercase.
_TRADITIONAL_CHINESE_REGIONS: Final = ("tw", "hk", "mo")

# Lowercases ASCII letters only, so that no other character can turn into one.
_ASCII_LOWERCASE: Final = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "abcdefghijklmnopqrstuvwxyz",
)


def _subtags(tag: str) -> _Subtags:
    """The language, script and region subtags of ``tag``, as written."""
    trimmed = tag.strip(_WHITESPACE).replace("_", "-")
    parts = [part for part in trimmed.split("-") if part]
    if not parts:
        return _Subtags(None, None, None)
    script: str | None = None
    region: str | None = None
    for part in parts[1:]:
        letters = part.isascii() and part.isalpha()
        digits = part.isascii() and part.isdigit()
        region_like = (len(part) == 2 and letters) or (len(part) == 3 and digits)
        if script is None and region is None and len(part) == 4 and letters:
            script = part
        elif region is None and region_like:
            region = part
    return _Subtags(parts[0], script, region)


def _same(a: str | None, b: str | None) -> bool:
    """Are two optional subtags equal, ignoring the case of ASCII letters?"""
    if a is None or b is None:
        return a is None and b is None
    return a.translate(_ASCII_LOWERCASE) == b.translate(_ASCII_LOWERCASE)


def _match_tag(tag: str) -> int | None:
    """The index in :data:`LOCALES` of the locale one language tag matches, if any.

    Separators ``-`` and ``_`` and any letter case are accepted. A locale with the same language,
    script and region wins; Chinese takes its script from the tag or else the region (``zh``,
    ``zh-CN``, ``zh-SG`` are Simplified; ``zh-TW``, ``zh-HK``, ``zh-MO`` are Traditional) and
    matches only a locale with that script; otherwise the first locale of the same language.
    """
    requested = _subtags(tag)
    language = requested.language
    if language is None:
        return None
    candidates = [(index, _subtags(locale)) for index, locale in enumerate(LOCALES)]
    candidates = [(i, ours) for i, ours in candidates if _same(ours.language, language)]
    for index, ours in candidates:
        same_script = _same(ours.script, requested.script)
        if same_script and _same(ours.region, requested.region):
            return index
    if _same(language, "zh"):
        script = requested.script
        if script is None:
            region = (requested.region or "").translate(_ASCII_LOWERCASE)
            script = "Hant" if region in _TRADITIONAL_CHINESE_REGIONS else "Hans"
        matches = (index for index, ours in candidates if _same(ours.script, script))
        return next(matches, None)
    return candidates[0][0] if candidates else None


def _parse_quality(text: str) -> int | None:
    """A q-value (``0``, ``0.5``, ``0.125``, ``1``, ``1.000``) in thousandths, if well-formed."""
    whole, _, fraction = text.partition(".")
    digits = fraction.isascii() and fraction.isdigit()
    if len(fraction) > 3 or not (digits or not fraction):
        return None
    thousandths = int(fraction.ljust(3, "0"))
    if whole == "0":
        return thousandths
    if whole == "1" and thousandths == 0:
        return 1000
    return None


def _parse_item(item: str) -> tuple[str, int] | None:
    """The tag (or ``*``) and q-value of one item of a header, if it is neither empty nor malformed."""
    tag, *parameters = item.split(";")
    tag = tag.strip(_WHITESPACE)
    if not tag:
        return None
    quality: int | None = None
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        name = name.strip(_WHITESPACE).translate(_ASCII_LOWERCASE)
        if quality is None and name == "q":
            quality = _parse_quality(value.strip(_WHITESPACE))
            if quality is None:
                return None
    return tag, 1000 if quality is None else quality


def _best(candidates: list[tuple[int, int, int]]) -> tuple[int, int, int]:
    """The candidate ``(quality, position, locale)`` with the highest q-value, the earlier on a tie."""
    return min(candidates, key=lambda candidate: (-candidate[0], candidate[1]))


def negotiate(tags: str | Iterable[str]) -> str:
    """The best locale for an ``Accept-Language`` header, a list of tags, or one tag.

    ``"ru;q=0.9, en"``, ``["zh-CN", "en;q=0.5"]`` and ``"ru-RU"`` all work. Each tag is matched
    on its own (``zh-CN`` is ``zh-Hans``, ``ru_RU`` is ``ru``); the highest q-value wins and the
    earlier tag on a tie; ``q=0`` rules a locale out; ``*`` stands for the fallback. The fallback
    locale never outranks a locale listed before it, since it can always be shown: naming it
    says "this one too". When nothing matches, :data:`FALLBACK_LOCALE`.
    """
    items = tags.split(",") if isinstance(tags, str) else tags
    fallback = _LOCALE_INDEX[FALLBACK_LOCALE]
    excluded: set[int] = set()
    candidates: list[tuple[int, int, int]] = []
    for position, item in enumerate(items):
        parsed = _parse_item(item)
        if parsed is None:
            continue
        tag, quality = parsed
        if tag == "*" and quality == 0:
            continue
        locale = fallback if tag == "*" else _match_tag(tag)
        if locale is None:
            continue
        if quality == 0:
            excluded.add(locale)
        else:
            candidates.append((quality, position, locale))
    candidates = [candidate for candidate in candidates if candidate[2] not in excluded]
    if candidates:
        winner = _best(candidates)
        if winner[2] == fallback:
            earlier = [c for c in candidates if c[1] < winner[1] and c[2] != fallback]
            winner = _best(earlier) if earlier else winner
        return LOCALES[winner[2]]
    if fallback not in excluded:
        return FALLBACK_LOCALE
    remaining = (tag for index, tag in enumerate(LOCALES) if index not in excluded)
    return next(remaining, FALLBACK_LOCALE)


def negotiate_locale(tags: str | Iterable[str]) -> str:
    """The same as :func:`negotiate`, under its name in version 0.1.0; prefer :func:`negotiate`."""
    return negotiate(tags)
