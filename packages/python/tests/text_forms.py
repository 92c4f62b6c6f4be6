"""Checks, with the standard library only, that ``str()`` and ``format()`` of every enum member
give the same text on the running Python as on every other: run by ``cargo xtask test`` under each
Python 3.10+ the machine has (``python3.X tests/text_forms.py`` from ``packages/python``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import ws_close_codes as w


def main() -> None:
    """Exits non-zero on the first difference."""
    for enum in (w.Reconnect, w.Sender):
        for member in enum:
            for text in (str(member), format(member), f"{member}", json.loads(json.dumps(member))):
                assert text == member.value, (sys.version, member, text)
    for code in w.CloseCode:
        for text in (str(code), format(code), f"{code}"):
            assert text == str(int(code)), (sys.version, code, text)
        assert f"{code:06d}" == f"{int(code):06d}"
    assert w.reconnect_of(1013) == "backoff"
    assert w.negotiate("ru;q=0.9, en") == "ru"
    print(f"text forms: Python {sys.version.split()[0]} ok")


if __name__ == "__main__":
    main()
