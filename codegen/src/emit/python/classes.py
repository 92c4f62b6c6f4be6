

@dataclass(frozen=True, slots=True)
class CloseCodeRange(_Described):
    """A contiguous block of close codes with a shared meaning (RFC 6455, section 7.4.2).

    ``code in close_code_range`` says whether the range holds ``code``.
    """

    id: str
    """Stable kebab-case id, e.g. ``private``."""
    start: int
    """The first code of the range."""
    end: int
    """The last code of the range (inclusive)."""
    sendable: bool
    """May a code of this range without an entry of its own appear in a Close frame?"""
    reconnect: Reconnect
    """The reconnect hint for codes of this range without an entry of their own."""
    titles: tuple[str, ...] = field(repr=False)
    """The title in every locale, in :data:`LOCALES` order."""
    descriptions: tuple[str, ...] = field(repr=False)
    """The description in every locale, in :data:`LOCALES` order."""

    def __contains__(self, code: object) -> bool:
        """Does the range hold ``code``?"""
        return _is_code(code) and self.start <= code <= self.end

    def _label(self) -> _Label:
        """The texts of this range."""
        return _Label(self.titles, self.descriptions)


class _Entry(NamedTuple):
    """What the registry says about one registered code."""

    name: str
    aliases: tuple[str, ...]
    iana_name: str | None
    reference: tuple[str, ...] | None
    url: str | None
    sendable: bool
    sender: Sender
    reconnect: Reconnect
    label: _Label
