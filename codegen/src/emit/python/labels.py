

class _Label(NamedTuple):
    """A title and a description, each in every locale (in :data:`LOCALES` order)."""

    titles: tuple[str, ...]
    descriptions: tuple[str, ...]


class _Described:
    """Texts in every locale: a ``title`` and a ``description`` and their translations."""

    __slots__ = ()

    def _label(self) -> _Label:
        """The texts; every subclass says where they are."""
        raise NotImplementedError

    @property
    def title(self) -> str:
        """A short title in the fallback locale."""
        return self.title_in(FALLBACK_LOCALE)

    @property
    def description(self) -> str:
        """A full description in the fallback locale."""
        return self.description_in(FALLBACK_LOCALE)

    def title_in(self, locale: str) -> str:
        """A short title in the best locale for ``locale`` (see :func:`negotiate`)."""
        return self._label().titles[_locale_index(locale)]

    def description_in(self, locale: str) -> str:
        """A full description in the best locale for ``locale`` (see :func:`negotiate`)."""
        return self._label().descriptions[_locale_index(locale)]
