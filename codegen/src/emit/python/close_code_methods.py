
    @property
    def aliases(self) -> tuple[str, ...]:
        """Former constant names, sorted."""
        return self._entry().aliases

    @property
    def iana_name(self) -> str | None:
        """The name in the IANA registry, e.g. ``Bad Gateway``; ``None`` for an application's code."""
        return self._entry().iana_name

    @property
    def reference(self) -> str | None:
        """Where the code is defined, in the fallback locale, e.g. ``RFC 6455, section 7.4.1``."""
        return self.reference_in(FALLBACK_LOCALE)

    def reference_in(self, locale: str) -> str | None:
        """Where the code is defined, in the best locale for ``locale`` (see :func:`negotiate`)."""
        return reference_of(self, locale)

    @property
    def url(self) -> str | None:
        """A link to that definition."""
        return self._entry().url

    @property
    def is_sendable(self) -> bool:
        """May this code appear in a Close frame?"""
        return self._entry().sendable

    @property
    def sender(self) -> Sender:
        """Who sends this code."""
        return self._entry().sender

    @property
    def reconnect(self) -> Reconnect:
        """What a client should do after the peer closed the connection with this code.

        Never used after the client's own close(): a client that closed the connection itself does not reconnect.
        """
        return self._entry().reconnect

    @property
    def range(self) -> CloseCodeRange | None:
        """The range that holds this code."""
        return range_of(self)

    @property
    def phrase(self) -> str:
        """The title in the fallback locale, like ``http.HTTPStatus.phrase``."""
        return self.title

    def __str__(self) -> str:
        """The number, as ``str(int)`` gives it, on every Python version."""
        return int.__repr__(self)

    def __format__(self, format_spec: str) -> str:
        """The number, formatted like an ``int``, on every Python version."""
        return int.__format__(self, format_spec)

    def _entry(self) -> _Entry:
        """What the registry says about this code."""
        return _ENTRIES[self]

    def _label(self) -> _Label:
        """The texts of this code."""
        return self._entry().label
