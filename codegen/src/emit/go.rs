//! The Go emitter: one dependency-free source file of a package, for Go 1.21 and later, that
//! `gofmt` leaves unchanged and `go vet` accepts.
//!
//! `type CloseCode uint16` with a constant per registered name (Go's `UpperCamelCase` of the
//! registry name: `NORMAL_CLOSURE` becomes `NormalClosure`), `Locale`, `Reconnect` and `Sender`
//! as small integer types with constants, and `Range`. Registry text reaches the output as
//! double-quoted literals made by [`string`] (never raw strings: `\u{60}` ends them) and as
//! comments passed through [`comment`].

use std::fmt::Write as _;
use std::path::Path;

use super::escape::{Literal, one_line};
use super::{Comments, Header, NameKind, Output, Target};
use crate::files::Plan;
use crate::model::naming::upper_camel;
use crate::model::{Label, Reconnect, Registry, Sender, Texts};

/// The Go target: `closecodes.go` of the module in `packages/go`, or a file of an application's
/// package. Only the file is generated: tests and examples live beside it.
pub struct Go;

/// The package of the standard layout.
const STANDARD_PACKAGE: &str = "closecodes";

/// The exported identifiers of the generated package besides the codes' constants.
const EXPORTED: &[&str] = &[
    "CloseCode",
    "Locale",
    "Locales",
    "FallbackLocale",
    "Negotiate",
    "NegotiateList",
    "Reconnect",
    "Reconnects",
    "Sender",
    "Senders",
    "Range",
    "Ranges",
    "Registered",
    "MaxPayloadBytes",
    "MaxReasonBytes",
    "CloseFrame",
    "CloseFrameError",
    "ParseCloseFrame",
    "NewCloseFrame",
    "TruncateReason",
    "MaxAttemptsBeforeOpen",
    "ReconnectContext",
    "ReconnectStep",
    "StepAction",
    "StepStop",
    "StepRetry",
    "StepReauthenticate",
    "CloseDescription",
    "DescribeClose",
];

/// Go's keywords: a package name may not be one.
const KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

impl Target for Go {
    fn starter(&self) -> Option<super::Starter> {
        Some(super::Starter {
            path: "closecodes/closecodes.go",
            keys: &[],
            what: "a Go package (the directory's name), standard library only",
            detect: &["go.mod"],
        })
    }

    fn key(&self) -> &'static str {
        "go"
    }

    fn name(&self) -> &'static str {
        "Go"
    }

    fn extension(&self) -> Option<&'static str> {
        Some("go")
    }

    fn standard(&self) -> Output {
        Output {
            path: "packages/go/closecodes/closecodes.go".into(),
            layout: super::Layout::Packages,
            package: Some(STANDARD_PACKAGE.to_owned()),
            book: super::BookOptions::default(),
        }
    }

    /// A Go package name: lowercase ASCII letters and digits, as Go style wants, and not a
    /// keyword; by default the name of the file's directory.
    fn package(&self, value: Option<&str>, path: &Path) -> Result<Option<String>, (String, String)> {
        let directory = path.parent().and_then(Path::file_name).and_then(|name| name.to_str());
        let Some(name) = value.or(directory) else {
            return Err((
                "`targets.go` needs a `package`".to_owned(),
                "add e.g. `package = \"closecodes\"`".to_owned(),
            ));
        };
        let lower = name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
        if name.is_empty() || !name.as_bytes()[0].is_ascii_lowercase() || !lower || KEYWORDS.contains(&name) {
            let whose = if value.is_some() { "package" } else { "package (the directory's name)" };
            return Err((
                format!("`{name}` is not a Go {whose} name"),
                "use lowercase ASCII letters and digits, not a keyword, e.g. `package = \"closecodes\"`".to_owned(),
            ));
        }
        Ok(Some(name.to_owned()))
    }

    fn identifier(&self, name: &str) -> Option<String> {
        Some(identifier(name))
    }

    fn range_predicate(&self, id: &str) -> Option<String> {
        Some(range_predicate(id))
    }

    /// Go has no range constants, but a range's predicate may not be another method of
    /// `CloseCode` (`sendable` would make a second `IsSendable`); a code's constant may not be an
    /// identifier the package exports itself (`Locales`, `LocaleEn`, `ReconnectNever`, ...).
    fn reserved(&self, name: &str, kind: NameKind) -> Option<&'static str> {
        if kind == NameKind::RangeId {
            return super::predicate_clash(name, kind);
        }
        let id = identifier(name);
        let family = |prefix: &str| {
            id.strip_prefix(prefix).is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()))
        };
        let vocabulary = Reconnect::ALL.iter().any(|hint| id == format!("Reconnect{}", upper_camel(hint.key())))
            || Sender::ALL.iter().any(|sender| id == format!("Sender{}", upper_camel(sender.key())));
        if EXPORTED.contains(&id.as_str()) || family("Locale") || vocabulary {
            Some("an identifier the generated package exports itself")
        } else {
            None
        }
    }

    fn constant(&self, name: &str) -> Option<String> {
        Some(format!("{STANDARD_PACKAGE}.{}", identifier(name)))
    }

    fn plan(&self, registry: &Registry, header: &Header, output: &Output, plan: &mut Plan) {
        let package = output.package.as_deref().unwrap_or(STANDARD_PACKAGE);
        plan.file(&output.path, emit(registry, header, package));
    }
}

/// The Go constant for a registry name: `NORMAL_CLOSURE` -> `NormalClosure`.
pub fn identifier(name: &str) -> String {
    upper_camel(name)
}

/// Emits the Go source of package `package` for `registry`.
pub fn emit(registry: &Registry, header: &Header, package: &str) -> String {
    let mut out = header.comment(Comments::Go);
    out.reserve(super::size_estimate(registry));
    ln!(out);
    package_doc(&mut out, registry, package);
    locales(&mut out, registry);
    let hints: Vec<(&str, &Label)> = Reconnect::ALL.iter().map(|&h| (h.key(), registry.reconnect_label(h))).collect();
    let doc = "Reconnect is what a client should do after a connection closed with a given code.";
    vocabulary(&mut out, registry, "Reconnect", doc, &hints);
    let senders: Vec<(&str, &Label)> = Sender::ALL.iter().map(|&s| (s.key(), registry.sender_label(s))).collect();
    vocabulary(&mut out, registry, "Sender", "Sender is who sends a close code.", &senders);
    close_code(&mut out, registry);
    ranges(&mut out, registry);
    range_predicates(&mut out, registry);
    entries(&mut out, registry);
    sendable(&mut out, registry);
    label_table(&mut out, registry);
    out.push_str(FUNCTIONS);
    out
}

/// `labelIndex`: the index in `labels` of each code 0-65535, filled from pieces when the package
/// loads, so that `label` is one load (a `CloseCode` indexes a 65,536-entry array without a
/// bounds check) instead of a search of the entries and then of the ranges; `entry` reads it too
/// (the entries come first in `labels`). `titles` and `descriptions` hold the texts by locale and
/// label, so that `Title` is that load and one more.
fn label_table(out: &mut String, registry: &Registry) {
    let count = registry.codes.len() + registry.ranges.len() + 1;
    let index = match count {
        0..=0xFF => "uint8",
        0x100..=0xFFFF => "uint16",
        _ => "uint32",
    };
    ln!(out);
    ln!(out, "// labelPieces are the codes 0-65535 in stretches that share one label, ascending: first, last,");
    ln!(out, "// and the index of the label in labels.");
    ln!(out, "var labelPieces = [...][3]uint32{{");
    for (first, last, label) in super::label_pieces(registry) {
        ln!(out, "\t{{{first}, {last}, {label}}},");
    }
    ln!(out, "}}");
    ln!(out);
    ln!(out, "// labels are the texts of every registered code (ascending), of every range (ascending), and");
    ln!(out, "// of a number outside every range.");
    ln!(out, "var labels [{count}]*label");
    ln!(out);
    ln!(out, "// labelIndex is the index in labels of each code, filled from labelPieces.");
    ln!(out, "var labelIndex [65536]{index}");
    ln!(out);
    // With at most 256 labels, a uint8 label index reads a 256-entry array without a bounds check.
    let width = count.max(256);
    ln!(out, "// titles and descriptions are the texts of every label, by locale and then label index: an entry for");
    ln!(out, "// every value a Locale can hold (those that are not a registry locale share the fallback's), each");
    ln!(out, "// wide enough for every value of a label index, so that Title is two loads without a bounds check.");
    ln!(out, "var titles, descriptions [256]*[{width}]string");
    ln!(out);
    ln!(out, "func init() {{");
    ln!(out, "\tfor i := range entries {{");
    ln!(out, "\t\tlabels[i] = &entries[i].label");
    ln!(out, "\t}}");
    ln!(out, "\tfor i := range ranges {{");
    ln!(out, "\t\tlabels[len(entries)+i] = &ranges[i].label");
    ln!(out, "\t}}");
    ln!(out, "\tlabels[len(labels)-1] = &outOfRange");
    ln!(out, "\tfor locale := range localeTags {{");
    ln!(out, "\t\ttitles[locale], descriptions[locale] = new([{width}]string), new([{width}]string)");
    ln!(out, "\t\tfor i, l := range labels {{");
    ln!(out, "\t\t\ttitles[locale][i] = l.title[locale]");
    ln!(out, "\t\t\tdescriptions[locale][i] = l.description[locale]");
    ln!(out, "\t\t}}");
    ln!(out, "\t}}");
    ln!(out, "\tfor l := len(localeTags); l < len(titles); l++ {{");
    ln!(out, "\t\ttitles[l], descriptions[l] = titles[FallbackLocale], descriptions[FallbackLocale]");
    ln!(out, "\t}}");
    ln!(out, "\tfor _, piece := range labelPieces {{");
    ln!(out, "\t\tfor c := piece[0]; c <= piece[1]; c++ {{");
    ln!(out, "\t\t\tlabelIndex[c] = {index}(piece[2])");
    ln!(out, "\t\t}}");
    ln!(out, "\t}}");
    ln!(out, "}}");
}

fn package_doc(out: &mut String, registry: &Registry, package: &str) {
    ln!(out, "// Package {package} holds every WebSocket close code, generated from one registry.");
    ln!(out, "//");
    ln!(out, "// [CloseCode] is any uint16. Registered codes have a name, an IANA name, a reference, a sender");
    ln!(out, "// and a reconnect hint; every code has a title and a description in each [Locale] (unregistered");
    ln!(out, "// ones get their [Range]'s texts). [CloseCode.IsSendable] tells whether a code may appear in a");
    ln!(out, "// Close frame, which is a separate question from whether it has a name.");
    ln!(out, "//");
    ln!(out, "// Sources: RFC 6455, section 7.4, and the IANA WebSocket Close Code Number Registry.");
    let _ = registry;
    ln!(out, "package {package}");
    ln!(out);
    ln!(out, "import (");
    ln!(out, "\t\"math\"");
    ln!(out, "\t\"sort\"");
    ln!(out, "\t\"strconv\"");
    ln!(out, "\t\"strings\"");
    ln!(out, "\t\"unicode\"");
    ln!(out, "\t\"unicode/utf8\"");
    ln!(out, ")");
}

fn locales(out: &mut String, registry: &Registry) {
    ln!(out);
    ln!(out, "// Locale is a locale every text is written in; its String method returns its BCP 47 tag.");
    ln!(out, "type Locale uint8");
    for (index, tag) in registry.locales.iter().enumerate() {
        ln!(out);
        ln!(out, "// {} is the locale {}.", locale_constant(tag), comment(tag));
        ln!(out, "const {} Locale = {index}", locale_constant(tag));
    }
    ln!(out);
    ln!(out, "// FallbackLocale is the locale of every text when none is requested or none matches the request.");
    ln!(out, "const FallbackLocale = {}", locale_constant(&registry.locales[registry.fallback]));
    ln!(out);
    ln!(out, "// localeTags are the BCP 47 tags of the locales, in registry order.");
    let tags: Vec<String> = registry.locales.iter().map(|tag| string(tag)).collect();
    ln!(out, "var localeTags = [...]string{{{}}}", tags.join(", "));
    ln!(out);
    ln!(out, "// texts are one text in every locale, in [Locales] order.");
    ln!(out, "type texts = [{}]string", registry.locales.len());
    ln!(out);
    ln!(out, "// label is a title and a description, both in every locale.");
    ln!(out, "type label struct {{");
    ln!(out, "\ttitle, description texts");
    ln!(out, "}}");
}

/// `LocaleZhHans` for `zh-Hans`.
fn locale_constant(tag: &str) -> String {
    format!("Locale{}", upper_camel(tag))
}

/// A closed vocabulary (`Reconnect`, `Sender`): its type, constants, keys and labels.
fn vocabulary(out: &mut String, registry: &Registry, name: &str, doc: &str, members: &[(&str, &Label)]) {
    let lower = name.to_ascii_lowercase();
    ln!(out);
    ln!(out, "// {doc}");
    ln!(out, "type {name} uint8");
    for (index, (key, _)) in members.iter().enumerate() {
        ln!(out);
        ln!(out, "// {name}{} is {} {}.", upper_camel(key), lower, comment(key));
        ln!(out, "const {name}{} {name} = {index}", upper_camel(key));
    }
    let keys: Vec<String> = members.iter().map(|(key, _)| string(key)).collect();
    ln!(out);
    ln!(out, "// {lower}Keys are the registry keys of the values of [{name}].");
    ln!(out, "var {lower}Keys = [...]string{{{}}}", keys.join(", "));
    ln!(out);
    ln!(out, "// {lower}Labels are the title and description of each value of [{name}].");
    ln!(out, "var {lower}Labels = [...]label{{");
    for (_, label) in members {
        ln!(out, "\t{},", label_literal(registry, label));
    }
    ln!(out, "}}");
}

fn close_code(out: &mut String, registry: &Registry) {
    ln!(out);
    ln!(out, "// CloseCode is a WebSocket close code: any uint16, registered or not. The constants are the");
    ln!(out, "// registered codes; former names remain as deprecated constants.");
    ln!(out, "type CloseCode uint16");
    for code in &registry.codes {
        let ident = identifier(&code.name);
        ln!(out);
        ln!(out, "// {ident} is {}: {}.", code.code, comment(code.label.title.get(registry.fallback)));
        match (code.reference.as_ref().map(|texts| texts.get(registry.fallback)), code.url.as_deref()) {
            (Some(reference), Some(url)) => {
                ln!(out, "//");
                ln!(out, "// Defined in {}: {}", comment(reference), comment(url));
            }
            (Some(text), None) | (None, Some(text)) => {
                ln!(out, "//");
                ln!(out, "// Defined in {}", comment(text));
            }
            (None, None) => {}
        }
        ln!(out, "const {ident} CloseCode = {}", code.code);
        for alias in &code.aliases {
            ln!(out);
            ln!(out, "// {} is a former name of {ident} ({}).", identifier(alias), code.code);
            ln!(out, "//");
            ln!(out, "// Deprecated: use [{ident}].");
            ln!(out, "const {} = {ident}", identifier(alias));
        }
    }
}

fn ranges(out: &mut String, registry: &Registry) {
    ln!(out);
    ln!(out, "// ranges are every range, ascending.");
    ln!(out, "var ranges = [...]Range{{");
    for range in &registry.ranges {
        ln!(
            out,
            "\t{{{}, {}, {}, {}, Reconnect{}, {}, {}}},",
            string(&range.id),
            range.start,
            range.end,
            range.sendable,
            upper_camel(range.reconnect.key()),
            label_literal(registry, &range.label),
            delay_literal(range.delay.unwrap_or(crate::behaviour::DEFAULT_DELAY))
        );
    }
    ln!(out, "}}");
    ln!(out);
    ln!(out, "// outOfRange are the title and description of a number outside every range.");
    ln!(out, "var outOfRange = {}", label_literal(registry, &registry.out_of_range));
    ln!(out);
    ln!(out, "// outOfRangeDelay are the reconnect delay bounds of a number outside every range, in ms.");
    ln!(out, "var outOfRangeDelay = {}", delay_literal(crate::behaviour::DEFAULT_DELAY));
    ln!(out);
    ln!(out, "// outOfRangeReconnect is the reconnect hint for a number outside every range.");
    ln!(out, "const outOfRangeReconnect = Reconnect{}", upper_camel(registry.out_of_range_reconnect.key()));
}

/// `IsPrivate` and the like: one method of `CloseCode` per range, named after its id.
fn range_predicates(out: &mut String, registry: &Registry) {
    for range in &registry.ranges {
        let test = match (range.start, range.end) {
            (0, u16::MAX) => "true".to_owned(),
            (0, end) => format!("c <= {end}"),
            (start, u16::MAX) => format!("c >= {start}"),
            (start, end) => format!("c >= {start} && c <= {end}"),
        };
        // A predicate that is always true does not read its receiver.
        let receiver = if range.start == 0 && range.end == u16::MAX { "CloseCode" } else { "c CloseCode" };
        let name = range_predicate(&range.id);
        ln!(out);
        ln!(out, "// {name} reports whether c is in the {}-{} range ({}).", range.start, range.end, comment(&range.id));
        ln!(out, "func ({receiver}) {name}() bool {{");
        ln!(out, "\treturn {test}");
        ln!(out, "}}");
    }
}

/// `IsPrivate` for the range id `private`: the name of its predicate method.
fn range_predicate(id: &str) -> String {
    format!("Is{}", upper_camel(id))
}

fn entries(out: &mut String, registry: &Registry) {
    ln!(out);
    ln!(out, "// entry is what the registry says about a registered code.");
    ln!(out, "type entry struct {{");
    for field in [
        "code          CloseCode",
        "name          string",
        "aliases       []string",
        "ianaName, url string",
        "reference     texts",
        "sendable      bool",
        "sender        Sender",
        "reconnect     Reconnect",
        "label         label",
        "delay         [2]uint32",
    ] {
        ln!(out, "\t{field}");
    }
    ln!(out, "}}");
    ln!(out);
    ln!(out, "// entries are the registered codes, ascending.");
    ln!(out, "var entries = [...]entry{{");
    for code in &registry.codes {
        let aliases = match code.aliases.as_slice() {
            [] => "nil".to_owned(),
            aliases => {
                let list: Vec<String> = aliases.iter().map(|alias| string(alias)).collect();
                format!("[]string{{{}}}", list.join(", "))
            }
        };
        let text = |value: &Option<String>| string(value.as_deref().unwrap_or(""));
        ln!(
            out,
            "\t{{{}, {}, {aliases}, {}, {}, {}, {}, Sender{}, Reconnect{}, {}, {}}},",
            code.code,
            string(&code.name),
            text(&code.iana_name),
            text(&code.url),
            code.reference.as_ref().map_or_else(|| "texts{}".to_owned(), |texts| texts_literal(registry, texts)),
            code.sendable,
            upper_camel(code.sender.key()),
            upper_camel(code.reconnect.key()),
            label_literal(registry, &code.label),
            delay_literal(registry.answer(code.code).delay)
        );
    }
    ln!(out, "}}");
}

/// `isSendable`: the sendable codes as comparisons, or a search over their runs when there are
/// many of them.
fn sendable(out: &mut String, registry: &Registry) {
    let runs = super::sendable_runs(registry);
    ln!(out);
    if runs.len() > super::INLINE_RUNS {
        let flat: Vec<String> = runs.iter().flat_map(|(start, end)| [start.to_string(), end.to_string()]).collect();
        ln!(out, "// sendableRuns are the first and last code of each run of sendable codes, ascending.");
        ln!(out, "var sendableRuns = [...]CloseCode{{{}}}", flat.join(", "));
        ln!(out);
        ln!(out, "// isSendable reports whether c is in one of the runs of sendable codes.");
        ln!(out, "func isSendable(c CloseCode) bool {{");
        ln!(out, "\ti := sort.Search(len(sendableRuns)/2, func(i int) bool {{ return sendableRuns[2*i+1] >= c }})");
        ln!(out, "\treturn i < len(sendableRuns)/2 && sendableRuns[2*i] <= c");
        ln!(out, "}}");
        return;
    }
    let tests: Vec<String> = runs
        .iter()
        .map(|&(start, end)| match (start, end) {
            (0, 65535) => "true".to_owned(),
            (start, end) if start == end => format!("c == {start}"),
            (0, end) => format!("c <= {end}"),
            (start, 65535) => format!("c >= {start}"),
            (start, end) => format!("(c >= {start} && c <= {end})"),
        })
        .collect();
    let test = if tests.is_empty() { "false".to_owned() } else { tests.join(" || ") };
    let parameter = if runs.is_empty() { "CloseCode" } else { "c CloseCode" };
    ln!(out, "// isSendable reports whether c is in one of the runs of sendable codes.");
    ln!(out, "func isSendable({parameter}) bool {{");
    // Most numbers lie outside the first and the last run: one predictable comparison answers
    // them before the runs are tested one by one.
    if let [(first, _), .., (_, last)] = *runs.as_slice()
        && let Some(outside) = super::outside("c", first, last)
    {
        ln!(out, "\tif {outside} {{");
        ln!(out, "\t\treturn false");
        ln!(out, "\t}}");
    }
    ln!(out, "\treturn {test}");
    ln!(out, "}}");
}

/// `[2]uint32{min, max}`: reconnect delay bounds in milliseconds.
fn delay_literal(delay: crate::model::Delay) -> String {
    format!("[2]uint32{{{}, {}}}", delay.min_ms, delay.max_ms)
}

/// `label{texts{...}, texts{...}}`.
fn label_literal(registry: &Registry, label: &Label) -> String {
    format!("label{{{}, {}}}", texts_literal(registry, &label.title), texts_literal(registry, &label.description))
}

fn texts_literal(_registry: &Registry, texts: &Texts) -> String {
    let list: Vec<String> = texts.iter().map(string).collect();
    format!("texts{{{}}}", list.join(", "))
}

/// How Go writes a character that is not printable: `\uXXXX` or `\UXXXXXXXX`, never `\xXX`
/// (one byte, which would make a broken UTF-8 sequence of a character above U+007F).
const LITERAL: Literal = Literal {
    unprintable: |out, c| {
        let _ = match u32::from(c) {
            n @ ..=0xFFFF => write!(out, "\\u{n:04x}"),
            n => write!(out, "\\U{n:08x}"),
        };
    },
};

/// A double-quoted Go string literal that evaluates to exactly `text`, whatever it holds.
pub fn string(text: &str) -> String {
    LITERAL.quote(text)
}

/// Registry text made safe for a `//` comment: one line of printable characters, without
/// trailing spaces (which `gofmt` would remove) and never empty. Doubled backquotes and single
/// quotes are split by a space, or `gofmt` would turn them into curly quotes in doc comments.
pub fn comment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).trim_end().chars() {
        if matches!(c, '`' | '\'') && out.ends_with(c) {
            out.push(' ');
        }
        out.push(c);
    }
    if out.is_empty() { "-".to_owned() } else { out }
}

/// The functions: the same for every registry. They mirror `Registry::answer` and
/// `Registry::negotiate` of the model.
const FUNCTIONS: &str = include_str!("go/functions.go");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_as_go_reads_them() {
        assert_eq!(string("a\"b\\c\n\t"), r#""a\"b\\c\n\t""#);
        assert_eq!(string("\u{85}\u{0}\u{2028}\u{e0001}"), r#""\u0085\u0000\u2028\U000e0001""#);
        assert_eq!(string("`raw` 中文 😀"), "\"`raw` 中文 😀\"");
    }

    #[test]
    fn names_become_upper_camel_case() {
        assert_eq!(identifier("NORMAL_CLOSURE"), "NormalClosure");
        assert_eq!(identifier("ERROR_1"), identifier("ERROR1"));
    }

    #[test]
    fn exported_names_are_reserved() {
        assert!(Go.reserved("LOCALES", NameKind::Code).is_some());
        assert!(Go.reserved("LOCALE_EN", NameKind::Code).is_some());
        assert!(Go.reserved("RECONNECT_NEVER", NameKind::Code).is_some());
        assert!(Go.reserved("RECONNECTING", NameKind::Code).is_none());
        assert!(Go.reserved("LOCALES", NameKind::RangeId).is_none());
        assert!(Go.reserved("SENDABLE", NameKind::RangeId).is_some());
        assert!(Go.reserved("BROWSER_CLOSABLE", NameKind::RangeId).is_some());
    }

    #[test]
    fn comments_stay_on_one_line_without_trailing_space() {
        assert_eq!(comment("a\nb \u{2028}"), "a b");
        assert_eq!(comment(" \n"), "-");
        assert_eq!(comment("``x''' `y'"), "` `x' ' ' `y'");
    }
}
