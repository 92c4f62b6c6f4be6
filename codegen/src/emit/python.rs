//! The Python emitter: one dependency-free module (`__init__.py` of `ws_close_codes`) for
//! Python 3.10 and later that passes `mypy --strict` and `ruff check`, plus its `py.typed` marker.
//!
//! Registry text reaches the output as double-quoted string literals made by [`string`], which
//! escapes anything that is not printable; comments only carry text passed through [`comment`],
//! and docstrings none at all. The functions at the end are the same for every registry and
//! mirror `Registry::answer` and `Registry::negotiate` of the model.

use std::fmt::Write as _;

use super::Header;
use crate::model::naming::screaming_snake;
use crate::model::{Label, Reconnect, Registry, Sender, Texts};

/// Python keywords and soft keywords, and names `enum` reserves for itself.
const RESERVED: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "match", "case", "type", "_", "name",
    "value", "mro",
];

/// Why `identifier` cannot be a member of the generated `CloseCode` enum, if it cannot.
pub fn reserved(identifier: &str) -> Option<&'static str> {
    if identifier.starts_with('_') {
        Some("enum reserves names starting with `_`")
    } else if matches!(identifier, "I" | "O" | "l") {
        Some("linters reject it as easily mistaken for 1 or 0")
    } else {
        RESERVED.contains(&identifier).then_some("a keyword or a name enum uses itself")
    }
}

/// The Python enum member for a registry name: the name itself.
pub fn identifier(name: &str) -> String {
    name.to_owned()
}

/// `writeln!` into a `String`, which cannot fail.
macro_rules! ln {
    ($out:expr) => {
        $out.push('\n')
    };
    ($out:expr, $($arg:tt)*) => {{
        let _ = writeln!($out, $($arg)*);
    }};
}

/// Emits `__init__.py` for `registry`.
pub fn emit(registry: &Registry, header: &Header) -> String {
    let mut out = String::new();
    ln!(out, "# {}", comment(&header.line()));
    out.push_str(PRELUDE);
    locales(&mut out, registry);
    out.push_str(LABELS);
    vocabulary(&mut out, "Reconnect", RECONNECT_DOC, &Reconnect::ALL.map(|hint| (hint.key(), reconnect_doc(hint))));
    vocabulary(&mut out, "Sender", SENDER_DOC, &Sender::ALL.map(|sender| (sender.key(), sender_doc(sender))));
    close_code(&mut out, registry);
    out.push_str(CLASSES);
    labels(&mut out, registry);
    ranges(&mut out, registry);
    entries(&mut out, registry);
    out.push_str(FUNCTIONS);
    out
}

/// The contents of `py.typed`, the PEP 561 marker of a package with inline types. Type checkers
/// only look for the word `partial` in it, so it can carry the `@generated` header.
pub fn py_typed(header: &Header) -> String {
    format!(
        "# {}
# PEP 561 marker: ws_close_codes ships its own type hints.
",
        comment(&header.line())
    )
}

const PRELUDE: &str = r#""""Every WebSocket close code, generated from one registry.

Constant names, ranges, whether a code may be sent, what a client should do next, and a title and
a description in every locale. Every function accepts any ``int``, so a code received on the wire
can always be described; an int outside 0-65535 is answered like a number outside every range.
Whether a code has a name and whether it may be sent are separate questions.

Example::

    import ws_close_codes as close_codes

    def on_close(code: int) -> None:
        print(close_codes.title_of(code, "ru-RU"), close_codes.describe(code, "ru-RU"))
        if close_codes.reconnect_of(code) is close_codes.Reconnect.BACKOFF:
            schedule_reconnect()
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum, IntEnum
from typing import Final, NamedTuple, TypeGuard

__all__ = [
    "FALLBACK_LOCALE",
    "LOCALES",
    "RANGES",
    "CloseCode",
    "CloseCodeRange",
    "Reconnect",
    "Sender",
    "aliases_of",
    "describe",
    "iana_name_of",
    "is_known",
    "is_sendable",
    "name_of",
    "negotiate_locale",
    "range_of",
    "reconnect_of",
    "reference_of",
    "sender_of",
    "title_of",
    "url_of",
]
"#;

fn locales(out: &mut String, registry: &Registry) {
    let tags: Vec<String> = registry.locales.iter().map(|tag| string(tag)).collect();
    let tuple = if tags.len() == 1 { format!("({},)", tags[0]) } else { format!("({})", tags.join(", ")) };
    ln!(out);
    ln!(out, "LOCALES: Final = {tuple}");
    ln!(out, "\"\"\"The BCP 47 tags of the locales every text is written in, in registry order.\"\"\"");
    ln!(out);
    ln!(out, "FALLBACK_LOCALE: Final = {}", tags[registry.fallback]);
    ln!(out, "\"\"\"The locale of every text when no locale is requested or none matches the request.\"\"\"");
    ln!(out);
    ln!(out, "# What negotiate_locale trims from both ends of a tag: every Unicode White_Space character.");
    ln!(out, "_WHITESPACE: Final = {}", string(&whitespace()));
}

/// Every character Rust's `str::trim` (and so `Registry::negotiate`) removes, ascending.
fn whitespace() -> String {
    (0..=u32::from(char::MAX)).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect()
}

const LABELS: &str = r#"

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
        """A short title in the best locale for ``locale`` (see :func:`negotiate_locale`)."""
        return self._label().titles[_locale_index(locale)]

    def description_in(self, locale: str) -> str:
        """A full description in the best locale for ``locale`` (see :func:`negotiate_locale`)."""
        return self._label().descriptions[_locale_index(locale)]
"#;

const RECONNECT_DOC: &str = "What a client should do after a connection closed with a given code.";
const SENDER_DOC: &str = "Who sends a close code.";

fn reconnect_doc(hint: Reconnect) -> &'static str {
    match hint {
        Reconnect::Never => "Do not reconnect automatically.",
        Reconnect::Backoff => "Reconnect after a randomized, growing delay.",
        Reconnect::Reauthenticate => "Obtain fresh credentials, then reconnect.",
        Reconnect::Unspecified => "No advice: the application decides.",
    }
}

fn sender_doc(sender: Sender) -> &'static str {
    match sender {
        Sender::Client => "Sent by the client.",
        Sender::Server => "Sent by the server.",
        Sender::Either => "Sent by either endpoint.",
        Sender::Local => "Reported locally by an API; never sent in a Close frame.",
        Sender::None => "Reserved: neither sent nor reported.",
    }
}

/// An `Enum` of a closed vocabulary (`Reconnect`, `Sender`) whose values are the registry's keys.
fn vocabulary(out: &mut String, name: &str, doc: &str, members: &[(&str, &str)]) {
    ln!(out);
    ln!(out);
    ln!(out, "class {name}(_Described, Enum):");
    ln!(out, "    \"\"\"{doc}\"\"\"");
    ln!(out);
    for (key, member_doc) in members {
        ln!(out, "    {} = {}", screaming_snake(key), string(key));
        ln!(out, "    \"\"\"{member_doc}\"\"\"");
    }
    ln!(out);
    ln!(out, "    def _label(self) -> _Label:");
    ln!(out, "        \"\"\"The texts of this value.\"\"\"");
    ln!(out, "        return _{}_LABELS[self]", name.to_ascii_uppercase());
}

fn close_code(out: &mut String, registry: &Registry) {
    out.push_str(CLOSE_CODE_DOC);
    for code in &registry.codes {
        let title = code.label.title.get(registry.fallback);
        ln!(out);
        ln!(out, "    #: {}: {}.", code.code, comment(title));
        if let Some(reference) = reference_line(code) {
            ln!(out, "    #: Defined in {}", comment(&reference));
        }
        ln!(out, "    {} = {}", identifier(&code.name), code.code);
        for alias in &code.aliases {
            ln!(out, "    #: Former name of :attr:`{}`.", code.name);
            ln!(out, "    {} = {}", identifier(alias), code.code);
        }
    }
    out.push_str(CLOSE_CODE_METHODS);
}

const CLOSE_CODE_DOC: &str = r#"

class CloseCode(_Described, IntEnum):
    """A registered WebSocket close code: an ``int`` with a name.

    ``CloseCode(1014)`` is ``CloseCode.BAD_GATEWAY`` when the registry defines 1014; a number it
    does not define raises ``ValueError`` here, but every function of this module accepts any
    ``int``. Former names are aliases of the same member. ``title`` and ``description`` are in the
    fallback locale; ``title_in`` and ``description_in`` take a locale.
    """
"#;

const CLOSE_CODE_METHODS: &str = r#"
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
        """Where the code is defined, e.g. ``RFC 6455, section 7.4.1``."""
        return self._entry().reference

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
        """What a client should do after a connection closed with this code."""
        return self._entry().reconnect

    @property
    def range(self) -> CloseCodeRange | None:
        """The range that holds this code."""
        return range_of(self)

    def _entry(self) -> _Entry:
        """What the registry says about this code."""
        return _ENTRIES[self]

    def _label(self) -> _Label:
        """The texts of this code."""
        return self._entry().label
"#;

const CLASSES: &str = r#"

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
    reference: str | None
    url: str | None
    sendable: bool
    sender: Sender
    reconnect: Reconnect
    label: _Label
"#;

/// The labels of the vocabularies and of a number outside every range.
fn labels(out: &mut String, registry: &Registry) {
    ln!(out);
    let vocabularies = [
        ("Reconnect", Reconnect::ALL.map(|hint| (hint.key(), registry.reconnect_label(hint))).to_vec()),
        ("Sender", Sender::ALL.map(|sender| (sender.key(), registry.sender_label(sender))).to_vec()),
    ];
    for (name, members) in vocabularies {
        ln!(out);
        ln!(out, "# Title and description of each {name}.");
        ln!(out, "_{}_LABELS: Final[Mapping[{name}, _Label]] = {{", name.to_ascii_uppercase());
        for (key, label) in members {
            ln!(out, "    {name}.{}: _Label(", screaming_snake(key));
            label_arguments(out, registry, "        ", label);
            ln!(out, "    ),");
        }
        ln!(out, "}}");
    }
    ln!(out);
    ln!(out, "# Title and description of a number outside every range.");
    ln!(out, "_OUT_OF_RANGE: Final = _Label(");
    label_arguments(out, registry, "    ", &registry.out_of_range);
    ln!(out, ")");
    ln!(out);
    ln!(out, "# The reconnect hint for a number outside every range.");
    ln!(out, "_OUT_OF_RANGE_RECONNECT: Final = Reconnect.{}", screaming_snake(registry.out_of_range_reconnect.key()));
}

fn ranges(out: &mut String, registry: &Registry) {
    ln!(out);
    ln!(out, "RANGES: Final[tuple[CloseCodeRange, ...]] = (");
    for range in &registry.ranges {
        ln!(out, "    # {}-{}: {}", range.start, range.end, comment(range.label.title.get(registry.fallback)));
        ln!(out, "    CloseCodeRange(");
        ln!(out, "        id={},", string(&range.id));
        ln!(out, "        start={},", range.start);
        ln!(out, "        end={},", range.end);
        ln!(out, "        sendable={},", boolean(range.sendable));
        ln!(out, "        reconnect=Reconnect.{},", screaming_snake(range.reconnect.key()));
        texts(out, registry, "        ", "titles", &range.label.title);
        texts(out, registry, "        ", "descriptions", &range.label.description);
        ln!(out, "    ),");
    }
    ln!(out, ")");
    ln!(out, "\"\"\"Every range, ascending. A number in none of them is not a valid close code.\"\"\"");
}

fn entries(out: &mut String, registry: &Registry) {
    ln!(out);
    ln!(out, "# The registered codes, by number.");
    ln!(out, "_ENTRIES: Final[Mapping[int, _Entry]] = {{");
    for code in &registry.codes {
        let aliases: Vec<String> = code.aliases.iter().map(|alias| string(alias)).collect();
        let aliases = match aliases.len() {
            1 => format!("({},)", aliases[0]),
            _ => format!("({})", aliases.join(", ")),
        };
        ln!(out, "    {}: _Entry(", code.code);
        ln!(out, "        name={},", string(&code.name));
        ln!(out, "        aliases={aliases},");
        ln!(out, "        iana_name={},", optional(code.iana_name.as_deref()));
        ln!(out, "        reference={},", optional(code.reference.as_deref()));
        ln!(out, "        url={},", optional(code.url.as_deref()));
        ln!(out, "        sendable={},", boolean(code.sendable));
        ln!(out, "        sender=Sender.{},", screaming_snake(code.sender.key()));
        ln!(out, "        reconnect=Reconnect.{},", screaming_snake(code.reconnect.key()));
        ln!(out, "        label=_Label(");
        label_arguments(out, registry, "            ", &code.label);
        ln!(out, "        ),");
        ln!(out, "    ),");
    }
    ln!(out, "}}");
}

/// `titles=(...), descriptions=(...),` at `indent`.
fn label_arguments(out: &mut String, registry: &Registry, indent: &str, label: &Label) {
    texts(out, registry, indent, "titles", &label.title);
    texts(out, registry, indent, "descriptions", &label.description);
}

/// A keyword argument holding one text per locale, each on its own line, tagged with its locale.
fn texts(out: &mut String, registry: &Registry, indent: &str, name: &str, texts: &Texts) {
    ln!(out, "{indent}{name}=(");
    for (tag, text) in registry.locales.iter().zip(texts.iter()) {
        ln!(out, "{indent}    {},  # {}", string(text), comment(tag));
    }
    ln!(out, "{indent}),");
}

fn boolean(value: bool) -> &'static str {
    if value { "True" } else { "False" }
}

/// Is `c` visible ASCII, or would Rust's `Debug` print it as itself? True for letters, CJK,
/// emoji and other visible characters; false for controls, format characters, separators other
/// than space, unassigned and private-use code points, and combining marks.
fn is_printable(c: char) -> bool {
    matches!(c, ' '..='~') || c.escape_debug().len() == 1
}

/// A double-quoted Python string literal that evaluates to exactly `text`, whatever it holds.
///
/// Quotes, backslashes and line breaks are escaped, and so is every character that is not
/// A Python `str | None` literal.
fn optional(text: Option<&str>) -> String {
    text.map_or_else(|| "None".to_owned(), string)
}

/// Where a code is defined, for a comment: its reference, else its link.
fn reference_line(code: &crate::model::Code) -> Option<String> {
    code.reference.clone().or_else(|| code.url.clone())
}

/// printable (`\xXX`, `\uXXXX` or `\UXXXXXXXX`). Never a triple-quoted, raw or f-string.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_printable(c) => out.push(c),
            c => {
                let _ = match u32::from(c) {
                    n @ ..=0xFF => write!(out, "\\x{n:02x}"),
                    n @ ..=0xFFFF => write!(out, "\\u{n:04x}"),
                    n => write!(out, "\\U{n:08x}"),
                };
            }
        }
    }
    out.push('"');
    out
}

/// Registry text made safe for a `#` comment: one line of printable characters.
pub fn comment(text: &str) -> String {
    // No `#` survives, so no text becomes a `# noqa`, `# type:` or `# fmt:` directive, and no
    // trailing space is left for linters to flag.
    let line: String = text
        .chars()
        .map(|c| {
            if c == '#' {
                '\u{FF03}'
            } else if is_printable(c) {
                c
            } else {
                ' '
            }
        })
        .collect();
    match line.trim_end() {
        "" => "-".to_owned(),
        trimmed => trimmed.to_owned(),
    }
}

/// The functions: the same for every registry. They mirror `Registry::answer` (through `_answer`)
/// and `Registry::negotiate` (through `negotiate_locale`).
const FUNCTIONS: &str = r#"

def _is_code(code: object) -> TypeGuard[int]:
    """Is ``code`` an int a Close frame can carry (0-65535)?"""
    return isinstance(code, int) and 0 <= code <= 65535


class _Answer(NamedTuple):
    """Everything the registry answers for one number."""

    entry: _Entry | None
    range: CloseCodeRange | None
    sendable: bool
    reconnect: Reconnect
    label: _Label


def _answer(code: int) -> _Answer:
    """Answer for ``code`` as the registry defines it: the one definition of the semantics.

    A registered code answers for itself, any other number in a range answers as its range, and
    everything else as a number outside every range.
    """
    entry = _ENTRIES.get(code) if _is_code(code) else None
    found = range_of(code)
    if entry is not None:
        return _Answer(entry, found, entry.sendable, entry.reconnect, entry.label)
    if found is not None:
        return _Answer(None, found, found.sendable, found.reconnect, found._label())
    return _Answer(None, None, False, _OUT_OF_RANGE_RECONNECT, _OUT_OF_RANGE)


def _locale_index(locale: str) -> int:
    """The index in :data:`LOCALES` of the best locale for ``locale``."""
    if locale in LOCALES:  # A locale's own tag negotiates to itself: skip the work.
        return LOCALES.index(locale)
    return LOCALES.index(negotiate_locale(locale))


def is_known(code: int) -> bool:
    """Does the registry define ``code``?"""
    return _answer(code).entry is not None


def is_sendable(code: int) -> bool:
    """May ``code`` appear in a Close frame?

    True exactly for the registered codes that may be sent and for the unassigned codes of the
    ranges open to applications; false for codes that are only reported locally, even though
    they have a name.
    """
    return _answer(code).sendable


def range_of(code: int) -> CloseCodeRange | None:
    """The range that holds ``code``, or ``None`` for a number outside every range."""
    if not _is_code(code):
        return None
    return next((found for found in RANGES if found.start <= code <= found.end), None)


def name_of(code: int) -> str | None:
    """The canonical constant name of a registered code, e.g. ``BAD_GATEWAY``."""
    entry = _answer(code).entry
    return None if entry is None else entry.name


def aliases_of(code: int) -> tuple[str, ...]:
    """Former constant names of a registered code, sorted; empty for any other number."""
    entry = _answer(code).entry
    return () if entry is None else entry.aliases


def iana_name_of(code: int) -> str | None:
    """The name of a registered code in the IANA registry, e.g. ``Bad Gateway``."""
    entry = _answer(code).entry
    return None if entry is None else entry.iana_name


def reference_of(code: int) -> str | None:
    """Where a registered code is defined, e.g. ``RFC 6455, section 7.4.1``."""
    entry = _answer(code).entry
    return None if entry is None else entry.reference


def url_of(code: int) -> str | None:
    """A link to the definition of a registered code."""
    entry = _answer(code).entry
    return None if entry is None else entry.url


def sender_of(code: int) -> Sender | None:
    """Who sends a registered code."""
    entry = _answer(code).entry
    return None if entry is None else entry.sender


def reconnect_of(code: int) -> Reconnect:
    """What a client should do after a connection closed with ``code``."""
    return _answer(code).reconnect


def title_of(code: int, locale: str = FALLBACK_LOCALE) -> str:
    """A short title for ``code``; unregistered codes get their range's.

    ``locale`` is a BCP 47 tag such as ``ru-RU``, negotiated with :func:`negotiate_locale`.
    """
    return _answer(code).label.titles[_locale_index(locale)]


def describe(code: int, locale: str = FALLBACK_LOCALE) -> str:
    """A full description of ``code``; unregistered codes get their range's.

    Numbers outside every range get a text saying that they are not valid close codes.
    ``locale`` is a BCP 47 tag such as ``zh-CN``, negotiated with :func:`negotiate_locale`.
    """
    return _answer(code).label.descriptions[_locale_index(locale)]


class _Subtags(NamedTuple):
    """The subtags of a language tag that negotiation looks at."""

    language: str | None
    script: str | None
    region: str | None


# Regions whose Chinese is written in Traditional script, in lowercase.
_TRADITIONAL_CHINESE_REGIONS: Final = ("tw", "hk", "mo")

# Lowercases ASCII letters only, so that no other character can turn into one.
_ASCII_LOWERCASE: Final = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _subtags(tag: str) -> _Subtags:
    """The language, script and region subtags of ``tag``, as written."""
    parts = [part for part in tag.strip(_WHITESPACE).replace("_", "-").split("-") if part]
    if not parts:
        return _Subtags(None, None, None)
    script: str | None = None
    region: str | None = None
    for part in parts[1:]:
        letters = part.isascii() and part.isalpha()
        digits = part.isascii() and part.isdigit()
        if script is None and region is None and len(part) == 4 and letters:
            script = part
        elif region is None and ((len(part) == 2 and letters) or (len(part) == 3 and digits)):
            region = part
    return _Subtags(parts[0], script, region)


def _same(a: str | None, b: str | None) -> bool:
    """Are two optional subtags equal, ignoring the case of ASCII letters?"""
    if a is None or b is None:
        return a is None and b is None
    return a.translate(_ASCII_LOWERCASE) == b.translate(_ASCII_LOWERCASE)


def negotiate_locale(tag: str) -> str:
    """The best locale for a requested language tag such as ``zh-CN``, ``ru_RU`` or ``en-US``.

    Separators ``-`` and ``_`` and any letter case are accepted. A locale with the same language,
    script and region wins; Chinese takes its script from the tag or else the region (``zh``,
    ``zh-CN``, ``zh-SG`` are Simplified; ``zh-TW``, ``zh-HK``, ``zh-MO`` are Traditional) and
    falls back when that script has no locale; otherwise the first locale of the same language;
    otherwise :data:`FALLBACK_LOCALE`.
    """
    requested = _subtags(tag)
    language = requested.language
    if language is None:
        return FALLBACK_LOCALE
    candidates = [(locale, _subtags(locale)) for locale in LOCALES]
    candidates = [(locale, ours) for locale, ours in candidates if _same(ours.language, language)]
    for locale, ours in candidates:
        if _same(ours.script, requested.script) and _same(ours.region, requested.region):
            return locale
    if _same(language, "zh"):
        script = requested.script
        if script is None:
            region = (requested.region or "").translate(_ASCII_LOWERCASE)
            script = "Hant" if region in _TRADITIONAL_CHINESE_REGIONS else "Hans"
        matches = (locale for locale, ours in candidates if _same(ours.script, script))
        return next(matches, FALLBACK_LOCALE)
    return candidates[0][0] if candidates else FALLBACK_LOCALE
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_what_a_literal_cannot_hold() {
        assert_eq!(string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(string("\"\"\"'''"), r#""\"\"\"'''""#);
        assert_eq!(string("line\nbreak\r\t\0"), r#""line\nbreak\r\t\x00""#);
        assert_eq!(string("\u{2028}\u{85}\u{e0001}"), r#""\u2028\x85\U000e0001""#);
    }

    #[test]
    fn strings_keep_printable_text_and_format_syntax() {
        assert_eq!(string("{x} %s \\N{BULLET} 中文 Русский 😀"), "\"{x} %s \\\\N{BULLET} 中文 Русский 😀\"");
    }

    #[test]
    fn comments_stay_on_one_line() {
        assert_eq!(comment("a\nb\u{2028}c\rd"), "a b c d");
    }
}
