//! The Python emitter: one dependency-free module (`__init__.py` of `ws_close_codes`) for
//! Python 3.10 and later that passes `mypy --strict` and `ruff check`, plus its `py.typed` marker.
//!
//! Registry text reaches the output as double-quoted string literals made by [`string`], which
//! escapes anything that is not printable; comments only carry text passed through [`comment`],
//! and docstrings none at all. The functions at the end are the same for every registry and
//! mirror `Registry::answer` and `Registry::negotiate` of the model.

use std::fmt::Write as _;

use super::escape::{self, Literal};
use super::{Comments, Header, Layout, NameKind, Output, Target};
use crate::files::Plan;

mod at_close;
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

/// The Python target: the package's `__init__.py` and `py.typed`, or a module of an application.
pub struct Python;

impl Target for Python {
    fn starter(&self) -> Option<super::Starter> {
        Some(super::Starter {
            path: "close_codes.py",
            keys: &[],
            what: "a Python module, standard library only",
            detect: &["pyproject.toml", "setup.py"],
        })
    }

    fn key(&self) -> &'static str {
        "python"
    }

    fn name(&self) -> &'static str {
        "Python"
    }

    fn extension(&self) -> Option<&'static str> {
        Some("py")
    }

    fn standard(&self) -> Output {
        Output::package_source("packages/python/src/ws_close_codes/__init__.py")
    }

    fn identifier(&self, name: &str) -> Option<String> {
        Some(identifier(name))
    }

    fn range_predicate(&self, id: &str) -> Option<String> {
        Some(range_predicate(id))
    }

    fn reserved(&self, name: &str, kind: NameKind) -> Option<&'static str> {
        super::predicate_clash(name, kind).or_else(|| reserved(name))
    }

    fn constant(&self, name: &str) -> Option<String> {
        Some(format!("CloseCode.{}", identifier(name)))
    }

    fn plan(&self, registry: &Registry, header: &Header, output: &Output, plan: &mut Plan) {
        plan.file(&output.path, emit(registry, header));
        if output.layout == Layout::Packages
            && let Some(directory) = output.path.parent()
        {
            plan.file(directory.join("py.typed"), py_typed(header));
            plan.directory(directory);
        }
    }

    fn is_cache(&self, name: &str) -> bool {
        matches!(name, "__pycache__" | ".mypy_cache" | ".pytest_cache" | ".ruff_cache") || name.ends_with(".pyc")
    }
}

/// Emits `__init__.py` for `registry`.
pub fn emit(registry: &Registry, header: &Header) -> String {
    let mut out = String::with_capacity(super::size_estimate(registry));
    out.push_str(&header.comment(Comments::Hash));
    out.push_str(&exports(registry));
    locales(&mut out, registry);
    out.push_str(LABELS);
    vocabulary(&mut out, "Reconnect", RECONNECT_DOC, &Reconnect::ALL.map(|hint| (hint.key(), reconnect_doc(hint))));
    vocabulary(&mut out, "Sender", SENDER_DOC, &Sender::ALL.map(|sender| (sender.key(), sender_doc(sender))));
    close_code(&mut out, registry);
    out.push_str(CLASSES);
    labels(&mut out, registry);
    ranges(&mut out, registry);
    entries(&mut out, registry);
    label_pieces(&mut out, registry);
    out.push_str(&is_sendable(registry));
    out.push_str(FUNCTIONS);
    out.push_str(&range_functions(registry));
    at_close::at_close(&mut out, registry);
    out
}

/// `_LABEL_PIECES`: every int 0-65535 in stretches that share one label, which the functions
/// turn into a table of label indices when the module loads (one subscript per lookup).
fn label_pieces(out: &mut String, registry: &Registry) {
    use std::fmt::Write as _;
    out.push_str(
        "\n# Every int 0-65535 in stretches that share one label, ascending: first, last, and the index\n\
         # of the label in ``_LABELS`` (registered codes, then ranges, then a number outside every range).\n\
         _LABEL_PIECES: Final[tuple[tuple[int, int, int], ...]] = (\n",
    );
    for (first, last, index) in super::label_pieces(registry) {
        let _ = writeln!(out, "    ({first}, {last}, {index}),");
    }
    out.push_str(")\n");
}

/// `is_sendable`: the sendable codes as chained comparisons (no lookup), and only ints.
fn is_sendable(registry: &Registry) -> String {
    let runs: Vec<String> = super::sendable_runs(registry)
        .into_iter()
        .map(|(start, end)| if start == end { format!("code == {start}") } else { format!("{start} <= code <= {end}") })
        .collect();
    // Laid out the way `ruff format` lays it out with its default 88 columns.
    let test = match runs.join(" or ") {
        joined if joined.is_empty() => "False".to_owned(),
        joined if joined.len() + "    return isinstance(code, int) and ()".len() <= 88 => {
            format!("isinstance(code, int) and ({joined})")
        }
        joined if joined.len() + 8 <= 88 => format!("isinstance(code, int) and (\n        {joined}\n    )"),
        _ => format!("isinstance(code, int) and (\n        {}\n    )", runs.join("\n        or ")),
    };
    format!(
        r#"

def is_sendable(code: int) -> bool:
    """May ``code`` appear in a Close frame?

    True exactly for the registered codes that may be sent and for the unassigned codes of the
    ranges open to applications; false for codes that are only reported locally, even though
    they have a name.
    """
    return {test}
"#
    )
}

/// The contents of `py.typed`, the PEP 561 marker of a package with inline types. Type checkers
/// only look for the word `partial` in it, so it can carry the `@generated` header.
pub fn py_typed(header: &Header) -> String {
    format!("{}# PEP 561 marker: ws_close_codes ships its own type hints.\n", header.comment(Comments::Hash))
}

const PRELUDE: &str = include_str!("python/prelude.py");

/// The prelude with the range predicates added to `__all__`, which stays sorted the way ruff's
/// RUF022 wants it: constants, then classes, then functions, each in natural order.
fn exports(registry: &Registry) -> String {
    let (head, rest) = PRELUDE.split_once("__all__ = [\n").expect("the prelude defines __all__");
    let (names, tail) = rest.split_once("]\n").expect("__all__ ends");
    let mut names: Vec<String> = names.lines().map(str::to_owned).collect();
    names.extend(registry.ranges.iter().map(|range| format!("    \"{}\",", range_predicate(&range.id))));
    let kind = |name: &str| {
        if name.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
            0
        } else if name.starts_with(|c: char| c.is_ascii_uppercase()) {
            1
        } else {
            2
        }
    };
    let name = |line: &String| line.trim().trim_matches([',', '"']).to_owned();
    names.sort_by(|a, b| {
        let (a, b) = (name(a), name(b));
        kind(&a).cmp(&kind(&b)).then_with(|| natural(&a, &b))
    });
    names.dedup();
    format!("{head}__all__ = [\n{}\n]\n{tail}", names.join("\n"))
}

/// The natural order ruff sorts `__all__` in (that of the `natord` crate): runs of digits compare
/// as numbers (`is_x6` before `is_x2865`), a run with a leading zero digit by digit, anything
/// else character by character; whitespace is skipped.
fn natural(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering::{Equal, Greater, Less};
    let digit = |c: Option<&char>| c.is_some_and(char::is_ascii_digit);
    let (mut a, mut b) = (a.chars().peekable(), b.chars().peekable());
    loop {
        while a.next_if(|c| c.is_whitespace()).is_some() {}
        while b.next_if(|c| c.is_whitespace()).is_some() {}
        let (x, y) = match (a.peek().copied(), b.peek().copied()) {
            (None, None) => return Equal,
            (None, Some(_)) => return Less,
            (Some(_), None) => return Greater,
            (Some(x), Some(y)) => (x, y),
        };
        if x.is_ascii_digit() && y.is_ascii_digit() {
            // A leading zero: compare left-aligned, the first different digit decides. Otherwise
            // the longer run is the larger number, and on equal lengths the first difference.
            let left = x == '0' || y == '0';
            let mut bias = Equal;
            loop {
                match (digit(a.peek()), digit(b.peek())) {
                    (false, false) => break,
                    (false, true) => return Less,
                    (true, false) => return Greater,
                    (true, true) => {
                        let order = a.next().cmp(&b.next());
                        if left && order != Equal {
                            return order;
                        }
                        if bias == Equal {
                            bias = order;
                        }
                    }
                }
            }
            if bias != Equal {
                return bias;
            }
        } else {
            if x != y {
                return x.cmp(&y);
            }
            a.next();
            b.next();
        }
    }
}

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
    ln!(out, "# What negotiate trims from both ends of a tag: every Unicode White_Space character.");
    ln!(out, "_WHITESPACE: Final = {}", string(super::WHITESPACE));
}

const LABELS: &str = include_str!("python/labels.py");

use super::RECONNECT_DOC;
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
    // A `StrEnum` (3.11+, or the same behaviour on 3.10): members are strings, so they compare
    // equal to their keys and serialize as them with `json`.
    // Their `title` property hides `str.title()`, on purpose: the texts matter more here than
    // title-casing a key, and every other described object has the same property.
    ln!(out, "class {name}(_Described, _StrEnum):  # type: ignore[misc]");
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
        if let Some(reference) = reference_line(code, registry.fallback) {
            ln!(out, "    #: Defined in {}", comment(&reference));
        }
        ln!(out, "    {} = {}", identifier(&code.name), code.code);
        for alias in &code.aliases {
            ln!(out, "    #: Former name of :attr:`{}`.", code.name);
            ln!(out, "    {} = {}", identifier(alias), code.code);
        }
    }
    out.push_str(CLOSE_CODE_METHODS);
    for range in &registry.ranges {
        ln!(out);
        ln!(out, "    @property");
        ln!(out, "    def {}(self) -> bool:", range_predicate(&range.id));
        ln!(
            out,
            "        \"\"\"Is this code in the {}-{} range ({})?\"\"\"",
            range.start,
            range.end,
            docstring_safe(&range.id)
        );
        ln!(out, "        return {} <= self <= {}", range.start, range.end);
    }
}

/// `is_private` for the range id `private`: the predicate's name in Python (`snake_case`).
fn range_predicate(id: &str) -> String {
    format!("is_{}", id.replace('-', "_"))
}

/// The module functions `is_private(code)` and so on, one per range.
fn range_functions(registry: &Registry) -> String {
    let mut out = String::new();
    for range in &registry.ranges {
        ln!(out);
        ln!(out);
        ln!(out, "def {}(code: int) -> bool:", range_predicate(&range.id));
        ln!(
            out,
            "    \"\"\"Is ``code`` in the {}-{} range ({})?\"\"\"",
            range.start,
            range.end,
            docstring_safe(&range.id)
        );
        ln!(out, "    return isinstance(code, int) and {} <= code <= {}", range.start, range.end);
    }
    out
}

/// A range id (kebab-case letters and digits, validated) inside a docstring.
fn docstring_safe(id: &str) -> String {
    id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect()
}

const CLOSE_CODE_DOC: &str = include_str!("python/close_code_doc.py");

const CLOSE_CODE_METHODS: &str = include_str!("python/close_code_methods.py");

const CLASSES: &str = include_str!("python/classes.py");

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
        match &code.reference {
            Some(reference) => texts(out, registry, "        ", "reference", reference),
            None => ln!(out, "        reference=None,"),
        }
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

/// A Python `str | None` literal.
fn optional(text: Option<&str>) -> String {
    text.map_or_else(|| "None".to_owned(), string)
}

/// Where a code is defined, for a comment: its reference, else its link.
fn reference_line(code: &crate::model::Code, fallback: usize) -> Option<String> {
    code.reference.as_ref().map(|texts| texts.get(fallback).to_owned()).or_else(|| code.url.clone())
}

/// How Python writes a character that is not printable: `\xXX`, `\uXXXX` or `\UXXXXXXXX`.
const LITERAL: Literal = Literal {
    unprintable: |out, c| {
        let _ = match u32::from(c) {
            n @ ..=0xFF => write!(out, "\\x{n:02x}"),
            n @ ..=0xFFFF => write!(out, "\\u{n:04x}"),
            n => write!(out, "\\U{n:08x}"),
        };
    },
};

/// A double-quoted Python string literal that evaluates to exactly `text`, whatever it holds.
///
/// Quotes, backslashes and line breaks are escaped, and so is every character that is not
/// printable (`\xXX`, `\uXXXX` or `\UXXXXXXXX`). Never a triple-quoted, raw or f-string.
pub fn string(text: &str) -> String {
    LITERAL.quote(text)
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
            } else if escape::is_printable(c) {
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
/// and `Registry::negotiate` (through `negotiate`).
const FUNCTIONS: &str = include_str!("python/functions.py");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_are_in_the_natural_order_ruff_wants() {
        use std::cmp::Ordering::{Equal, Greater, Less};
        // The pair a random registry of the property tests met: ruff puts `is_x6...` first.
        assert_eq!(natural("is_x6_nw4psi_z", "is_x2865uw"), Less);
        assert_eq!(natural("is_a2", "is_a10"), Less);
        assert_eq!(natural("is_a10", "is_a10b"), Less);
        assert_eq!(natural("is_a_b", "is_a2"), Greater);
        assert_eq!(natural("x007", "x007"), Equal);
        // In the order `ruff check --select RUF022 --fix` (ruff 0.17) gives them.
        let sorted = [
            "is_a9", "is_a10", "is_a_b", "is_b0", "is_b00", "is_b01", "is_b1", "is_c01d1", "is_c1d2", "is_c1d10",
            "is_c10d1", "is_sendable", "is_x", "is_x0", "is_x05", "is_x5", "is_x6_nw4psi_z", "is_x2865uw",
        ];
        let mut names = sorted.to_vec();
        names.reverse();
        names.sort_by(|a, b| natural(a, b));
        assert_eq!(names, sorted);
    }

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
