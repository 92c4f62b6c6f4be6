//! Reads registry TOML into raw, spanned structures (serde + toml).
//!
//! Each top-level key and each `[[range]]`/`[[code]]` entry is deserialized on its own, so one
//! wrong type does not hide the problems in other entries, and unknown keys are collected
//! (with `serde_ignored`) instead of stopping at the first one.

use std::collections::BTreeMap;
use std::ops::Range as ByteRange;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use crate::diagnostic::{Diagnostics, did_you_mean};

/// Texts keyed by locale tag, with spans.
// Keys are plain strings: `serde_ignored` cannot pass spanned keys through; a text's own span
// points at the same line as its key.
pub type RawTexts = BTreeMap<String, Spanned<String>>;

/// A title and a description, each keyed by locale.
#[derive(Debug, Default, Deserialize)]
pub struct RawLabel {
    /// `title.<locale>`.
    pub title: Option<Spanned<RawTexts>>,
    /// `description.<locale>`.
    pub description: Option<Spanned<RawTexts>>,
}

/// `[out_of_range]`: what a number outside every range reports.
#[derive(Debug, Deserialize)]
pub struct RawOutOfRange {
    /// The reconnect hint key.
    pub reconnect: Option<Spanned<String>>,
    /// `title.<locale>`.
    pub title: Option<Spanned<RawTexts>>,
    /// `description.<locale>`.
    pub description: Option<Spanned<RawTexts>>,
}

/// One `[[range]]` entry.
#[derive(Debug, Deserialize)]
pub struct RawRange {
    /// Stable kebab-case id.
    pub id: Option<Spanned<String>>,
    /// First code.
    pub start: Option<Spanned<i64>>,
    /// Last code, inclusive.
    pub end: Option<Spanned<i64>>,
    /// May unknown codes of the range be sent?
    pub sendable: Option<Spanned<bool>>,
    /// Reconnect hint key for unknown codes of the range.
    pub reconnect: Option<Spanned<String>>,
    /// Reconnect delay bounds `[min, max]` in milliseconds for unknown codes of the range.
    pub delay_ms: Option<Spanned<Vec<Spanned<i64>>>>,
    /// `title.<locale>`.
    pub title: Option<Spanned<RawTexts>>,
    /// `description.<locale>`.
    pub description: Option<Spanned<RawTexts>>,
}

/// One `[[code]]` entry.
#[derive(Debug, Deserialize)]
pub struct RawCode {
    /// The number.
    pub code: Option<Spanned<i64>>,
    /// Canonical constant name.
    pub name: Option<Spanned<String>>,
    /// Legacy constant names.
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    /// Name in the IANA registry.
    pub iana_name: Option<Spanned<String>>,
    /// `reference.<locale>`: where it is defined, e.g. `RFC 6455, section 7.4.1`.
    pub reference: Option<Spanned<RawTexts>>,
    /// Link to the definition.
    pub url: Option<Spanned<String>>,
    /// May it appear in a Close frame?
    pub sendable: Option<Spanned<bool>>,
    /// Sender key.
    pub sender: Option<Spanned<String>>,
    /// Reconnect hint key.
    pub reconnect: Option<Spanned<String>>,
    /// Reconnect delay bounds `[min, max]` in milliseconds.
    pub delay_ms: Option<Spanned<Vec<Spanned<i64>>>>,
    /// `title.<locale>`.
    pub title: Option<Spanned<RawTexts>>,
    /// `description.<locale>`.
    pub description: Option<Spanned<RawTexts>>,
}

/// The whole file, each part optional so that missing parts become diagnostics.
#[derive(Debug, Default)]
pub struct RawRegistry {
    /// Span of the whole document (for "missing key" diagnostics).
    pub span: ByteRange<usize>,
    /// Did the TOML parse? If not, nothing else is worth checking.
    pub syntax_ok: bool,
    /// Top-level keys present in the file, including ones whose value had the wrong type.
    pub present: Vec<String>,
    /// `locales = [...]`.
    pub locales: Option<Spanned<Vec<Spanned<String>>>>,
    /// `fallback = "en"`.
    pub fallback: Option<Spanned<String>>,
    /// `[out_of_range]`.
    pub out_of_range: Option<Spanned<RawOutOfRange>>,
    /// `[reconnect.<hint>]` labels.
    pub reconnect: Option<Spanned<BTreeMap<String, Spanned<RawLabel>>>>,
    /// `[sender.<who>]` labels.
    pub sender: Option<Spanned<BTreeMap<String, Spanned<RawLabel>>>>,
    /// `[[range]]` entries.
    pub ranges: Vec<Spanned<RawRange>>,
    /// `[[code]]` entries.
    pub codes: Vec<Spanned<RawCode>>,
    /// `extends = "ws-close-codes"`: present only in an application registry.
    pub extends: Option<Spanned<String>>,
    /// `[targets.<language>]`: where an application registry's modules go.
    pub targets: Option<Spanned<BTreeMap<String, Spanned<RawTarget>>>>,
}

/// One `[targets.<language>]` table of an application registry.
#[derive(Debug, Deserialize)]
pub struct RawTarget {
    /// The output path, relative to the registry file.
    pub path: Option<Spanned<String>>,
    /// The package the module declares (Go and Java).
    pub package: Option<Spanned<String>>,
}

/// The keys of a `[reconnect.<hint>]` or `[sender.<who>]` label.
pub const LABEL_KEYS: [&str; 2] = ["title", "description"];
/// The keys of `[out_of_range]`.
pub const OUT_OF_RANGE_KEYS: [&str; 3] = ["reconnect", "title", "description"];
/// The keys of a `[[range]]` entry.
pub const RANGE_KEYS: [&str; 8] = ["id", "start", "end", "sendable", "reconnect", "delay_ms", "title", "description"];
/// The keys of a `[[code]]` entry.
pub const CODE_KEYS: [&str; 12] = [
    "code",
    "name",
    "aliases",
    "iana_name",
    "reference",
    "url",
    "sendable",
    "sender",
    "reconnect",
    "delay_ms",
    "title",
    "description",
];
/// The keys of a `[targets.<language>]` table.
pub const TARGET_KEYS: [&str; 2] = ["path", "package"];
/// The top-level keys of a registry (the last two only in an application registry).
pub const TOP_LEVEL_KEYS: [&str; 9] =
    ["locales", "fallback", "out_of_range", "reconnect", "sender", "range", "code", "extends", "targets"];

/// Parses registry text. Problems go to `diagnostics`; what could be read is returned.
pub fn parse(diagnostics: &mut Diagnostics<'_>) -> RawRegistry {
    let text = &diagnostics.source().text;
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        for error in errors {
            let span = error.span().unwrap_or(0..0);
            diagnostics.error(&span, format!("invalid TOML: {}", first_line(error.message())), None);
        }
        return RawRegistry::default();
    }
    let span = root.span();
    let mut raw = RawRegistry { span, syntax_ok: true, ..RawRegistry::default() };
    for (key, value) in root.get_ref() {
        let name = key.get_ref().as_ref();
        raw.present.push(name.to_owned());
        match name {
            "locales" => raw.locales = read(diagnostics, name, value, &[], &[]),
            "fallback" => raw.fallback = read(diagnostics, name, value, &[], &[]),
            "out_of_range" => raw.out_of_range = read(diagnostics, name, value, &OUT_OF_RANGE_KEYS, &LABEL_KEYS),
            "reconnect" => raw.reconnect = read(diagnostics, name, value, &[], &LABEL_KEYS),
            "sender" => raw.sender = read(diagnostics, name, value, &[], &LABEL_KEYS),
            "range" => raw.ranges = read_entries(diagnostics, name, value, &RANGE_KEYS),
            "code" => raw.codes = read_entries(diagnostics, name, value, &CODE_KEYS),
            "extends" => raw.extends = read(diagnostics, name, value, &[], &[]),
            "targets" => raw.targets = read(diagnostics, name, value, &[], &TARGET_KEYS),
            _ => unknown_key(diagnostics, &key.span(), name, "", &TOP_LEVEL_KEYS),
        }
    }
    raw
}

/// An array of tables (`[[code]]`), each entry read on its own.
fn read_entries<T: DeserializeOwned>(
    diagnostics: &mut Diagnostics<'_>,
    name: &str,
    value: &Spanned<DeValue<'_>>,
    expected: &[&str],
) -> Vec<Spanned<T>> {
    let Some(array) = value.get_ref().as_array() else {
        let hint = format!("write each entry as a `[[{name}]]` table");
        diagnostics.error(&value.span(), format!("`{name}` must be an array of tables"), Some(hint));
        return Vec::new();
    };
    array
        .iter()
        .enumerate()
        .filter_map(|(index, entry)| read(diagnostics, &format!("{name}[{index}]"), entry, expected, &LABEL_KEYS))
        .collect()
}

/// Deserializes one value, reporting its type errors and unknown keys. `expected` are the keys of
/// the value itself, `nested` those of the tables one level below it (for "did you mean").
fn read<T: DeserializeOwned>(
    diagnostics: &mut Diagnostics<'_>,
    path: &str,
    value: &Spanned<DeValue<'_>>,
    expected: &[&str],
    nested: &[&str],
) -> Option<T> {
    let mut ignored = Vec::new();
    let deserializer = ValueDeserializer::from(value.clone());
    let result = serde_ignored::deserialize(deserializer, |ignored_path| ignored.push(segments(&ignored_path)));
    for segments in ignored {
        let (span, key, parent) = locate(value, &segments);
        let expected = if parent.is_empty() { expected } else { nested };
        // Entries of `[[code]]`/`[[range]]` are found by position; other tables by their path.
        let mut prefix = if path.contains('[') { String::new() } else { format!("{path}.") };
        if !parent.is_empty() {
            prefix = format!("{prefix}{parent}.");
        }
        unknown_key(diagnostics, &span, &key, &prefix, expected);
    }
    match result {
        Ok(value) => Some(value),
        Err(error) => {
            let span = error.span().unwrap_or_else(|| value.span());
            let key = key_at(value, &span).unwrap_or_else(|| path.to_owned());
            // A text written once instead of per locale, like `reference` before it was localized.
            let per_locale = LABEL_KEYS.iter().chain(["reference"].iter()).any(|text| key == *text)
                && error.message().contains("invalid type: string");
            let hint = per_locale.then(|| format!("write it once per locale, e.g. `{key}.en = \"...\"`"));
            diagnostics.error(&span, wrong_value(&key, first_line(error.message())), hint);
            None
        }
    }
}

fn unknown_key(diagnostics: &mut Diagnostics<'_>, span: &ByteRange<usize>, key: &str, prefix: &str, expected: &[&str]) {
    let hint = did_you_mean(key, expected.iter().copied())
        .or_else(|| (!expected.is_empty()).then(|| format!("expected one of: {}", expected.join(", "))));
    diagnostics.error(span, format!("unknown key `{prefix}{key}`"), hint);
}

/// One step of a `serde_ignored` path.
enum Segment {
    /// A map key: a key of the document, or one a deserializer made up (such as the fields of
    /// the map through which `Spanned<T>` reads a value and its position).
    Key(String),
    /// An array index.
    Index(usize),
}

/// The segments of a `serde_ignored` path.
fn segments(path: &serde_ignored::Path<'_>) -> Vec<Segment> {
    use serde_ignored::Path;
    match path {
        Path::Root => Vec::new(),
        Path::Seq { parent, index } => {
            let mut out = segments(parent);
            out.push(Segment::Index(*index));
            out
        }
        Path::Map { parent, key } => {
            let mut out = segments(parent);
            out.push(Segment::Key(key.clone()));
            out
        }
        Path::Some { parent } | Path::NewtypeStruct { parent } | Path::NewtypeVariant { parent } => segments(parent),
    }
}

/// The span of the key at `segments` inside `value`, the key itself and its parent path.
/// The path is followed through the document itself: a key that is not in the table at hand
/// was made up by a deserializer, not written by the user, and is skipped.
fn locate(value: &Spanned<DeValue<'_>>, segments: &[Segment]) -> (ByteRange<usize>, String, String) {
    let mut current = value;
    let mut span = value.span();
    let mut path: Vec<String> = Vec::new();
    for segment in segments {
        match (segment, current.get_ref()) {
            (Segment::Key(key), DeValue::Table(table)) => {
                if let Some((k, v)) = table.iter().find(|(k, _)| k.get_ref() == key) {
                    span = k.span();
                    path.push(key.clone());
                    current = v;
                }
            }
            (Segment::Index(index), DeValue::Array(array)) if *index < array.len() => {
                path.push(index.to_string());
                current = &array[*index];
            }
            (Segment::Index(index), _) => path.push(index.to_string()),
            (Segment::Key(_), _) => {}
        }
    }
    let key = path.pop().unwrap_or_default();
    (span, key, path.join("."))
}

/// The dotted path of the innermost key whose value holds `span`.
fn key_at(value: &Spanned<DeValue<'_>>, span: &ByteRange<usize>) -> Option<String> {
    let table = value.get_ref().as_table()?;
    table.iter().find(|(_, v)| v.span().start <= span.start && span.end <= v.span().end).map(|(key, v)| {
        let key = key.get_ref().to_string();
        match key_at(v, span) {
            Some(inner) => format!("{key}.{inner}"),
            None => key,
        }
    })
}

/// "`code` must be an integer, not string \"4001\"" from serde's "invalid type: ..., expected ...".
fn wrong_value(key: &str, message: &str) -> String {
    let plain = |expected: &str| match expected {
        "i64" | "u16" | "usize" => "an integer".to_owned(),
        "a boolean" | "bool" => "true or false".to_owned(),
        "a sequence" => "an array".to_owned(),
        "a map" | "struct" => "a table".to_owned(),
        other if other.starts_with("struct ") => "a table".to_owned(),
        other => other.to_owned(),
    };
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return format!("`{key}` must be {}, not {found}", plain(expected));
    }
    format!("wrong value for `{key}`: {message}")
}

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or(message).trim()
}
