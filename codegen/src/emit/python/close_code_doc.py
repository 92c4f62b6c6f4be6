

class CloseCode(_Described, IntEnum):
    """A registered WebSocket close code: an ``int`` with a name.

    ``CloseCode(1014)`` is ``CloseCode.BAD_GATEWAY`` when the registry defines 1014; a number it
    does not define raises ``ValueError`` here, but every function of this module accepts any
    ``int``. Former names are aliases of the same member. ``title`` and ``description`` are in the
    fallback locale; ``title_in`` and ``description_in`` take a locale.
    """
