//! Checks a raw registry and builds the [`Registry`] model. Every problem is reported; the model
//! is returned only when there is no error.

use std::collections::BTreeMap;
use std::ops::Range as ByteRange;

use toml::Spanned;

use crate::diagnostic::{Diagnostics, Position, did_you_mean};
use crate::emit;
use crate::model::{Code, Label, Range, Reconnect, Registry, Sender, Texts};
use crate::parse::{RawCode, RawRange, RawRegistry, RawTexts};

/// Builds the model from `raw`, recording every problem in `diagnostics`.
/// Returns `None` when any error was found.
pub fn validate(raw: &RawRegistry, diagnostics: &mut Diagnostics<'_>) -> Option<Registry> {
    let mut v = Validator { diagnostics, locales: Vec::new(), standard: None };
    if let Some(extends) = &raw.extends {
        let message = "`extends` belongs in an application registry, not in the standard one";
        v.diagnostics.error(&extends.span(), message, Some("remove it".to_owned()));
    }
    v.not_here(raw.targets.as_ref().map(Spanned::span), "targets", "an application registry");
    let registry = v.registry(raw);
    if v.diagnostics.has_errors() { None } else { registry }
}

/// What an application registry declares, checked against the `standard` registry it extends.
#[derive(Clone, Debug)]
pub struct ApplicationParts {
    /// Its locales, in declaration order.
    pub locales: Vec<String>,
    /// Index of its fallback locale.
    pub fallback: usize,
    /// Its own codes, sorted, with texts in its locales.
    pub codes: Vec<Code>,
}

/// Checks the parts of an application registry: its locales and its own codes, which may only
/// use 3000-4999 and may not reuse a standard number or name. `None` when any error was found.
pub fn validate_application(
    raw: &RawRegistry,
    standard: &Registry,
    diagnostics: &mut Diagnostics<'_>,
) -> Option<ApplicationParts> {
    let mut v = Validator { diagnostics, locales: Vec::new(), standard: Some(standard) };
    for (span, key) in [
        (raw.out_of_range.as_ref().map(Spanned::span), "out_of_range"),
        (raw.reconnect.as_ref().map(Spanned::span), "reconnect"),
        (raw.sender.as_ref().map(Spanned::span), "sender"),
        (raw.ranges.first().map(Spanned::span), "range"),
    ] {
        v.not_here(span, key, "the standard registry");
    }
    let fallback = v.application_locales(raw, standard);
    let codes = v.codes(&raw.codes, &standard.ranges);
    let parts = ApplicationParts { locales: v.locales.clone(), fallback: fallback?, codes: codes? };
    if v.diagnostics.has_errors() { None } else { Some(parts) }
}

struct Validator<'a, 'd> {
    diagnostics: &'a mut Diagnostics<'d>,
    locales: Vec<String>,
    /// The standard registry, when checking an application registry that extends it.
    standard: Option<&'a Registry>,
}

/// The longest text a registry may hold, in bytes: far more than any description needs, far less
/// than what would bloat every generated module.
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// Unwraps a required value or reports it missing.
macro_rules! required {
    ($v:expr, $value:expr, $span:expr, $what:expr) => {
        match &$value {
            Some(value) => Some(value),
            None => {
                $v.missing($span, $what);
                None
            }
        }
    };
}

impl Validator<'_, '_> {
    fn registry(&mut self, raw: &RawRegistry) -> Option<Registry> {
        let doc = raw.span.start..raw.span.start;
        let fallback = self.locales(raw);
        let out_of_range = self.top_level(raw, &raw.out_of_range, "out_of_range", "[out_of_range]").map(|table| {
            let span = table.span();
            let table = table.get_ref();
            let hint = required!(self, table.reconnect, &span, "reconnect").and_then(|r| self.reconnect(r));
            let label = self.label(&table.title, &table.description, &span, "out_of_range");
            (hint, label)
        });
        let reconnect = self.top_level(raw, &raw.reconnect, "reconnect", "[reconnect]");
        let reconnect_labels =
            reconnect.and_then(|t| self.vocabulary(t, "reconnect", &Reconnect::ALL.map(Reconnect::key)));
        let sender = self.top_level(raw, &raw.sender, "sender", "[sender]");
        let sender_labels = sender.and_then(|t| self.vocabulary(t, "sender", &Sender::ALL.map(Sender::key)));
        if raw.ranges.is_empty() && !raw.present.iter().any(|k| k == "range") {
            self.missing(&doc, "[[range]]");
        }
        let ranges = self.ranges(&raw.ranges);
        if raw.codes.is_empty() && !raw.present.iter().any(|k| k == "code") {
            self.missing(&doc, "[[code]]");
        }
        let codes = self.codes(&raw.codes, ranges.as_deref().unwrap_or_default());
        let (out_of_range_reconnect, out_of_range) = out_of_range?;
        Some(Registry {
            locales: self.locales.clone(),
            fallback: fallback?,
            out_of_range: out_of_range?,
            out_of_range_reconnect: out_of_range_reconnect?,
            reconnect_labels: reconnect_labels?,
            sender_labels: sender_labels?,
            ranges: ranges?,
            codes: codes?,
        })
    }

    /// A required top-level value; a key present with a wrong value was reported already.
    fn top_level<'r, T>(&mut self, raw: &RawRegistry, value: &'r Option<T>, key: &str, shown: &str) -> Option<&'r T> {
        if value.is_none() && !raw.present.iter().any(|k| k == key) {
            self.missing(&(raw.span.start..raw.span.start), shown);
        }
        value.as_ref()
    }

    /// Reports a key that only the other kind of registry may use.
    fn not_here(&mut self, span: Option<ByteRange<usize>>, key: &str, belongs: &str) {
        if let Some(span) = span {
            let message = format!("`{key}` belongs in {belongs}");
            self.diagnostics.error(&span, message, Some(format!("remove `{key}` from this file")));
        }
    }

    /// An application's locales and fallback (default: the standard fallback); warns about
    /// locales the standard registry has no texts for.
    fn application_locales(&mut self, raw: &RawRegistry, standard: &Registry) -> Option<usize> {
        let doc = raw.span.start..raw.span.start;
        let default = &standard.locales[standard.fallback];
        let locales = self.top_level(raw, &raw.locales, "locales", "locales")?;
        self.declared_locales(locales);
        for tag in locales.get_ref() {
            if self.locales.contains(tag.get_ref()) && !standard.locales.contains(tag.get_ref()) {
                let message = format!(
                    "the standard registry has no `{}` texts; its codes, ranges and hints fall back to `{default}` in `{}`",
                    tag.get_ref(),
                    tag.get_ref()
                );
                let hint = format!("the standard registry is written in {}", standard.locales.join(", "));
                self.diagnostics.warning(&tag.span(), message, Some(hint));
            }
        }
        match &raw.fallback {
            Some(fallback) => self.fallback(fallback),
            None => match self.locales.iter().position(|l| l == default) {
                Some(index) => Some(index),
                None => {
                    let message = format!("`locales` lacks `{default}`, so a `fallback` locale must be named");
                    self.diagnostics.error(&doc, message, Some(format!("add `fallback = \"{}\"`", self.locales[0])));
                    None
                }
            },
        }
    }

    fn missing(&mut self, span: &ByteRange<usize>, what: &str) {
        let message = format!("missing `{what}`");
        self.diagnostics.error(span, message, Some(format!("add `{what}`; see the comments at the top of codes.toml")));
    }

    /// Reads `locales` and `fallback`; returns the fallback's index.
    fn locales(&mut self, raw: &RawRegistry) -> Option<usize> {
        let locales = self.top_level(raw, &raw.locales, "locales", "locales")?;
        self.declared_locales(locales);
        let fallback = self.top_level(raw, &raw.fallback, "fallback", "fallback")?;
        self.fallback(fallback)
    }

    /// Checks `locales = [...]` and records the declared tags.
    fn declared_locales(&mut self, locales: &Spanned<Vec<Spanned<String>>>) {
        if locales.get_ref().is_empty() {
            let hint = Some("declare at least one, e.g. `locales = [\"en\"]`".to_owned());
            self.diagnostics.error(&locales.span(), "`locales` is empty", hint);
        }
        let mut seen: BTreeMap<String, Position> = BTreeMap::new();
        for tag in locales.get_ref() {
            let text = tag.get_ref();
            if let Some(first) = seen.get(text) {
                let message = format!("duplicate locale `{text}`, first declared at {first}");
                self.diagnostics.error(&tag.span(), message, Some("remove one of them".to_owned()));
                continue;
            }
            match canonical_tag(text) {
                Some(canonical) if canonical != *text => {
                    let message = format!("locale `{text}` is not written as a canonical BCP 47 tag");
                    self.diagnostics.error(&tag.span(), message, Some(format!("write `{canonical}`")));
                }
                Some(_) => {}
                None => {
                    let message = format!("`{text}` is not a BCP 47 language tag");
                    let hint = "use a tag such as `en`, `zh-Hans` or `pt-BR`".to_owned();
                    self.diagnostics.error(&tag.span(), message, Some(hint));
                }
            }
            // Kept even when misspelt, so the texts written in it are not reported as well.
            seen.insert(text.clone(), self.diagnostics.position(&tag.span()));
            self.locales.push(text.clone());
        }
    }

    /// The index of the declared `fallback` locale.
    fn fallback(&mut self, fallback: &Spanned<String>) -> Option<usize> {
        match self.locales.iter().position(|l| l == fallback.get_ref()) {
            Some(index) => Some(index),
            None => {
                let message = format!("fallback locale `{}` is not declared in `locales`", fallback.get_ref());
                let hint = did_you_mean(fallback.get_ref(), self.locales.iter().map(String::as_str))
                    .unwrap_or_else(|| format!("add `{}` to `locales`", fallback.get_ref()));
                self.diagnostics.error(&fallback.span(), message, Some(hint));
                None
            }
        }
    }

    /// Reads the labels of a closed vocabulary (`[reconnect.*]`, `[sender.*]`), in `keys` order.
    fn vocabulary(
        &mut self,
        table: &Spanned<BTreeMap<String, Spanned<crate::parse::RawLabel>>>,
        what: &str,
        keys: &[&str],
    ) -> Option<Vec<Label>> {
        for (key, label) in table.get_ref() {
            if !keys.contains(&key.as_str()) {
                let message = format!("unknown {what} `{key}`");
                let hint = did_you_mean(key, keys.iter().copied())
                    .unwrap_or_else(|| format!("the {what} vocabulary is closed: {}", keys.join(", ")));
                self.diagnostics.error(&label.span(), message, Some(hint));
            }
        }
        let mut labels = Some(Vec::new());
        for key in keys {
            let entry = table.get_ref().get(*key);
            let label = match entry {
                Some(label) => {
                    let span = label.span();
                    let label = label.get_ref();
                    self.label(&label.title, &label.description, &span, &format!("{what}.{key}"))
                }
                None => {
                    self.missing(&table.span(), &format!("[{what}.{key}]"));
                    None
                }
            };
            labels = labels.zip(label).map(|(mut all, label)| {
                all.push(label);
                all
            });
        }
        labels
    }

    fn reconnect(&mut self, value: &Spanned<String>) -> Option<Reconnect> {
        let found = Reconnect::ALL.into_iter().find(|hint| hint.key() == value.get_ref());
        if found.is_none() {
            self.unknown_word(value, "reconnect hint", &Reconnect::ALL.map(Reconnect::key));
        }
        found
    }

    fn sender(&mut self, value: &Spanned<String>) -> Option<Sender> {
        let found = Sender::ALL.into_iter().find(|sender| sender.key() == value.get_ref());
        if found.is_none() {
            self.unknown_word(value, "sender", &Sender::ALL.map(Sender::key));
        }
        found
    }

    fn unknown_word(&mut self, value: &Spanned<String>, what: &str, words: &[&str]) {
        let message = format!("unknown {what} `{}`", value.get_ref());
        let hint = did_you_mean(value.get_ref(), words.iter().copied())
            .unwrap_or_else(|| format!("expected one of: {}", words.join(", ")));
        self.diagnostics.error(&value.span(), message, Some(hint));
    }

    fn label(
        &mut self,
        title: &Option<Spanned<RawTexts>>,
        description: &Option<Spanned<RawTexts>>,
        span: &ByteRange<usize>,
        owner: &str,
    ) -> Option<Label> {
        let title = self.texts(title, span, "title", owner);
        let description = self.texts(description, span, "description", owner);
        Some(Label { title: title?, description: description? })
    }

    /// Reads one text in every declared locale, checking each.
    fn texts(
        &mut self,
        texts: &Option<Spanned<RawTexts>>,
        span: &ByteRange<usize>,
        key: &str,
        owner: &str,
    ) -> Option<Texts> {
        let Some(texts) = texts else {
            let message = format!("{owner} has no {key}");
            let example = self.locales.first().map_or("en", String::as_str);
            self.diagnostics.error(span, message, Some(format!("add `{key}.{example} = \"...\"` for every locale")));
            return None;
        };
        for (locale, text) in texts.get_ref() {
            if !self.locales.contains(locale) {
                let message = format!("{key} of {owner} is written in `{locale}`, which is not a declared locale");
                let hint = did_you_mean(locale, self.locales.iter().map(String::as_str))
                    .unwrap_or_else(|| format!("add `{locale}` to `locales`, or remove this text"));
                self.diagnostics.error(&text.span(), message, Some(hint));
            }
        }
        let mut out = Vec::new();
        let mut complete = true;
        for locale in self.locales.clone() {
            match texts.get_ref().get(&locale) {
                Some(text) => {
                    let normalized = text.get_ref().replace("\r\n", "\n");
                    complete &= self.text(&normalized, &text.span(), &format!("{locale} {key} of {owner}"));
                    out.push(normalized);
                }
                None => {
                    complete = false;
                    let message = format!("missing {locale} text for the {key} of {owner}");
                    self.diagnostics.error(&texts.span(), message, Some(format!("add `{key}.{locale} = \"...\"`")));
                }
            }
        }
        complete.then_some(Texts(out))
    }

    /// Checks one text; returns whether it is acceptable.
    fn text(&mut self, text: &str, span: &ByteRange<usize>, what: &str) -> bool {
        if text.len() > MAX_TEXT_BYTES {
            let message = format!("the {what} is {} bytes long; a text may have at most {MAX_TEXT_BYTES}", text.len());
            let hint = "keep descriptions to a few sentences; link longer documentation with `url`".to_owned();
            self.diagnostics.error(span, message, Some(hint));
            return false;
        }
        if text.trim().is_empty() {
            self.diagnostics.error(span, format!("the {what} is empty"), Some("write the text".to_owned()));
            return false;
        }
        if let Some(c) = text.chars().find(|&c| is_forbidden_control(c)) {
            let message = format!("control character U+{:04X} in the {what}", c as u32);
            let hint = "remove it; only line breaks (\\n) are allowed".to_owned();
            self.diagnostics.error(span, message, Some(hint));
            return false;
        }
        if let Some(c) = text.chars().find(|&c| is_bidi_control(c)) {
            let message = format!("bidirectional control character U+{:04X} in the {what}", c as u32);
            let hint = "remove it: it makes the text display in a different order than it is stored".to_owned();
            self.diagnostics.error(span, message, Some(hint));
            return false;
        }
        true
    }

    fn number(&mut self, value: &Spanned<i64>, what: &str) -> Option<u16> {
        match u16::try_from(*value.get_ref()) {
            Ok(number) => Some(number),
            Err(_) => {
                let message = format!("{what} {} is outside 0..=65535", value.get_ref());
                let hint = "a close code is an unsigned 16-bit number".to_owned();
                self.diagnostics.error(&value.span(), message, Some(hint));
                None
            }
        }
    }

    fn ranges(&mut self, raw: &[Spanned<RawRange>]) -> Option<Vec<Range>> {
        let mut ranges = Vec::new();
        let mut complete = true;
        let mut ids: BTreeMap<String, Position> = BTreeMap::new();
        for entry in raw {
            let span = entry.span();
            let r = entry.get_ref();
            let id = required!(self, r.id, &span, "id").filter(|id| self.range_id(id, &mut ids));
            let start = required!(self, r.start, &span, "start").and_then(|n| self.number(n, "range start"));
            let end = required!(self, r.end, &span, "end").and_then(|n| self.number(n, "range end"));
            let sendable = required!(self, r.sendable, &span, "sendable");
            let reconnect = required!(self, r.reconnect, &span, "reconnect").and_then(|h| self.reconnect(h));
            let owner = format!("range `{}`", id.map_or("?", |id| id.get_ref().as_str()));
            let label = self.label(&r.title, &r.description, &span, &owner);
            if let Some((start, end)) = start.zip(end)
                && start > end
            {
                let message =
                    format!("range `{}` ends at {end}, before its start {start}", id.map_or("?", |i| i.get_ref()));
                self.diagnostics.error(&span, message, Some("swap `start` and `end`".to_owned()));
                complete = false;
            }
            match (id, start, end, sendable, reconnect, label) {
                (Some(id), Some(start), Some(end), Some(sendable), Some(reconnect), Some(label)) => {
                    ranges.push((
                        span,
                        Range { id: id.get_ref().clone(), start, end, sendable: *sendable.get_ref(), reconnect, label },
                    ));
                }
                _ => complete = false,
            }
        }
        // Ranges must be written in order and must not overlap.
        for pair in ranges.windows(2) {
            let [(_, previous), (span, range)] = pair else { unreachable!() };
            if range.start <= previous.end && range.start >= previous.start {
                let message = format!(
                    "range `{}` ({}-{}) overlaps range `{}` ({}-{})",
                    range.id, range.start, range.end, previous.id, previous.start, previous.end
                );
                let hint = "ranges must not share any code; shrink one of them".to_owned();
                self.diagnostics.error(span, message, Some(hint));
                complete = false;
            } else if range.start < previous.start {
                let message = format!(
                    "ranges are not sorted: `{}` starts at {}, before `{}` above it starts at {}",
                    range.id, range.start, previous.id, previous.start
                );
                let hint = "list [[range]] tables in ascending order of `start`".to_owned();
                self.diagnostics.error(span, message, Some(hint));
                complete = false;
            }
        }
        complete.then(|| ranges.into_iter().map(|(_, range)| range).collect())
    }

    fn range_id(&mut self, id: &Spanned<String>, seen: &mut BTreeMap<String, Position>) -> bool {
        let text = id.get_ref();
        if let Some((language, why)) = emit::reserved_in(&crate::model::naming::screaming_snake(text)) {
            let message = format!("range id `{text}` is reserved in {language} ({why})");
            self.diagnostics.error(&id.span(), message, Some("choose another id".to_owned()));
            return false;
        }
        if !is_kebab_case(text) {
            let message = format!("range id `{text}` is not kebab-case");
            let hint = format!("write `{}`", text.to_ascii_lowercase().replace(['_', ' '], "-"));
            self.diagnostics.error(&id.span(), message, Some(hint));
            return false;
        }
        if let Some(first) = seen.get(text) {
            let message = format!("duplicate range id `{text}`, first defined at {first}");
            self.diagnostics.error(&id.span(), message, Some("give each range its own id".to_owned()));
            return false;
        }
        seen.insert(text.clone(), self.diagnostics.position(&id.span()));
        true
    }

    fn codes(&mut self, raw: &[Spanned<RawCode>], ranges: &[Range]) -> Option<Vec<Code>> {
        let mut codes = Vec::new();
        let mut complete = true;
        let mut numbers: BTreeMap<u16, Position> = BTreeMap::new();
        let mut names = NameTable::default();
        for code in self.standard.map_or(&[][..], |standard| &standard.codes) {
            for name in std::iter::once(&code.name).chain(&code.aliases) {
                for (language, identifier) in emit::identifiers(name) {
                    names.0.insert((language, identifier), (name.clone(), Origin::Standard(code.code)));
                }
            }
        }
        for entry in raw {
            let span = entry.span();
            let c = entry.get_ref();
            let number = required!(self, c.code, &span, "code").and_then(|n| self.code_number(n, ranges, &mut numbers));
            let owner = number.map_or_else(|| "this code".to_owned(), |n| format!("code {n}"));
            let name = required!(self, c.name, &span, "name").filter(|name| self.name(name, &mut names));
            let aliases: Vec<_> = c.aliases.iter().filter(|alias| self.name(alias, &mut names)).collect();
            let all_aliases = aliases.len() == c.aliases.len();
            // An application's own codes are in no RFC and no IANA registry: these are optional.
            let iana_name = self.optional(&c.iana_name, &span, "iana_name", |v, t| v.plain(t, "IANA name"));
            let reference = self.optional(&c.reference, &span, "reference", |v, t| v.plain(t, "reference"));
            let url = self.optional(&c.url, &span, "url", Validator::url);
            let default_sendable = Spanned::new(span.clone(), true);
            let sendable = match (&c.sendable, self.standard) {
                (Some(sendable), _) => Some(sendable),
                (None, Some(_)) => Some(&default_sendable),
                (None, None) => required!(self, c.sendable, &span, "sendable"),
            };
            let sender = required!(self, c.sender, &span, "sender").and_then(|s| self.sender(s));
            let reconnect = required!(self, c.reconnect, &span, "reconnect").and_then(|h| self.reconnect(h));
            let label = self.label(&c.title, &c.description, &span, &owner);
            if let (Some(sendable), Some(sender)) = (sendable, sender) {
                self.sender_agrees(sendable, sender, &owner);
            }
            match (number, name, iana_name, reference, url, sendable, sender, reconnect, label) {
                (
                    Some(code),
                    Some(name),
                    Some(iana_name),
                    Some(reference),
                    Some(url),
                    Some(sendable),
                    Some(sender),
                    Some(reconnect),
                    Some(label),
                ) if all_aliases => {
                    let mut aliases: Vec<String> = aliases.iter().map(|a| a.get_ref().clone()).collect();
                    aliases.sort();
                    codes.push(Code {
                        code,
                        name: name.get_ref().clone(),
                        aliases,
                        iana_name,
                        reference,
                        url,
                        sendable: *sendable.get_ref(),
                        sender,
                        reconnect,
                        label,
                    });
                }
                _ => complete = false,
            }
        }
        codes.sort_by_key(|code| code.code);
        complete.then_some(codes)
    }

    /// A text that is required in the standard registry and optional in an application's.
    /// `None` when it is missing where required or fails `check`; `Some(None)` when absent.
    fn optional(
        &mut self,
        value: &Option<Spanned<String>>,
        span: &ByteRange<usize>,
        key: &str,
        check: impl FnOnce(&mut Self, &Spanned<String>) -> bool,
    ) -> Option<Option<String>> {
        match value {
            Some(value) => check(self, value).then(|| Some(value.get_ref().clone())),
            None if self.standard.is_some() => Some(None),
            None => {
                self.missing(span, key);
                None
            }
        }
    }

    fn code_number(
        &mut self,
        value: &Spanned<i64>,
        ranges: &[Range],
        seen: &mut BTreeMap<u16, Position>,
    ) -> Option<u16> {
        let number = self.number(value, "code")?;
        if let Some(first) = seen.get(&number) {
            let message = format!("duplicate code {number}, first defined at {first}");
            let hint = "remove one of the entries, or give this one another number".to_owned();
            self.diagnostics.error(&value.span(), message, Some(hint));
            return None;
        }
        seen.insert(number, self.diagnostics.position(&value.span()));
        if let Some(standard) = self.standard {
            return self.application_number(value, number, standard);
        }
        if !ranges.is_empty() && !ranges.iter().any(|range| range.contains(number)) {
            let message = format!("code {number} is outside every range");
            let hint = "add a [[range]] that holds it; private codes belong in 4000-4999".to_owned();
            self.diagnostics.error(&value.span(), message, Some(hint));
            return None;
        }
        Some(number)
    }

    /// The rules for an application's own code: 3000-4999 only, 4000-4999 preferred, and no
    /// number the standard registry defines.
    fn application_number(&mut self, value: &Spanned<i64>, number: u16, standard: &Registry) -> Option<u16> {
        let span = value.span();
        if let Some(code) = standard.code(number) {
            let message = format!("code {number} is already defined by the standard registry as {}", code.name);
            let hint =
                format!("use `{}` from the generated module; give your own code a number in 4000-4999", code.name);
            self.diagnostics.error(&span, message, Some(hint));
            return None;
        }
        match number {
            4000..=4999 => Some(number),
            3000..=3999 => {
                let message = format!("code {number} is in 3000-3999, which is meant for codes registered with IANA");
                let hint = "register it with IANA, or move it to 4000-4999 (private use)".to_owned();
                self.diagnostics.warning(&span, message, Some(hint));
                Some(number)
            }
            _ => {
                let message = format!("code {number} is outside 3000-4999, the only codes an application may define");
                let hint = "private codes belong in 4000-4999".to_owned();
                self.diagnostics.error(&span, message, Some(hint));
                None
            }
        }
    }

    /// Checks a constant name or alias; returns whether it is acceptable.
    fn name(&mut self, name: &Spanned<String>, table: &mut NameTable) -> bool {
        let text = name.get_ref();
        let span = name.span();
        if !is_identifier(text) {
            let message = format!("`{text}` is not a valid identifier");
            let hint = "use ASCII letters, digits and `_`, starting with a letter".to_owned();
            self.diagnostics.error(&span, message, Some(hint));
            return false;
        }
        if let Some((language, why)) = emit::reserved_in(text) {
            let message = format!("name `{text}` is reserved in {language} ({why})");
            let hint = "choose another name, e.g. with a more specific word".to_owned();
            self.diagnostics.error(&span, message, Some(hint));
            return false;
        }
        if !is_screaming_snake_case(text) {
            let message = format!("name `{text}` is not SCREAMING_SNAKE_CASE");
            let hint = format!("write `{}`", to_screaming_snake_case(text));
            self.diagnostics.error(&span, message, Some(hint));
            return false;
        }
        let position = self.diagnostics.position(&span);
        for (language, identifier) in emit::identifiers(text) {
            if let Some((first_name, first)) = table.insert(language, identifier.clone(), text, position) {
                let message = match first {
                    Origin::Standard(code) => {
                        format!("name `{text}` is already used by the standard registry, for code {code}")
                    }
                    Origin::At(first) if first_name == *text => {
                        format!("duplicate name `{text}`, first defined at {first}")
                    }
                    Origin::At(first) => format!(
                        "name `{text}` becomes the {language} identifier `{identifier}`, as `{first_name}` at {first} does"
                    ),
                };
                self.diagnostics.error(&span, message, Some("every name and alias must be unique".to_owned()));
                return false;
            }
        }
        true
    }

    fn plain(&mut self, text: &Spanned<String>, what: &str) -> bool {
        let ok = self.text(text.get_ref(), &text.span(), what);
        if ok && text.get_ref().contains('\n') {
            let message = format!("the {what} spans several lines");
            self.diagnostics.error(&text.span(), message, Some("write it on one line".to_owned()));
            return false;
        }
        ok
    }

    fn url(&mut self, url: &Spanned<String>) -> bool {
        let text = url.get_ref();
        let valid =
            text.starts_with("https://") && text.len() > "https://".len() && !text.contains(char::is_whitespace);
        if !valid {
            let message = format!("`{text}` is not an https URL");
            self.diagnostics.error(
                &url.span(),
                message,
                Some("link the RFC section or IANA registry with https://".to_owned()),
            );
        }
        valid && self.plain(url, "url")
    }

    fn sender_agrees(&mut self, sendable: &Spanned<bool>, sender: Sender, owner: &str) {
        let sent = matches!(sender, Sender::Client | Sender::Server | Sender::Either);
        if *sendable.get_ref() != sent {
            let message = if sent {
                format!("{owner} is not sendable, but its sender `{}` sends it", sender.key())
            } else {
                format!("{owner} is sendable, but its sender is `{}`", sender.key())
            };
            let hint = "a code that may be sent needs sender client, server or either; one that may not, local or none";
            self.diagnostics.error(&sendable.span(), message, Some(hint.to_owned()));
        }
    }
}

/// Where a name was defined first.
#[derive(Clone, Copy)]
enum Origin {
    /// At this position of the file being checked.
    At(Position),
    /// In the standard registry, for this code.
    Standard(u16),
}

/// Names and aliases seen so far, per target language's identifier.
#[derive(Default)]
struct NameTable(BTreeMap<(&'static str, String), (String, Origin)>);

impl NameTable {
    /// Records `name` as `identifier` in `language`; returns the earlier holder of that identifier.
    fn insert(
        &mut self,
        language: &'static str,
        identifier: String,
        name: &str,
        at: Position,
    ) -> Option<(String, Origin)> {
        match self.0.get(&(language, identifier.clone())) {
            Some(first) => Some(first.clone()),
            None => {
                self.0.insert((language, identifier), (name.to_owned(), Origin::At(at)));
                None
            }
        }
    }
}

/// A canonical form of a simple BCP 47 tag (language, optional script, optional region),
/// or `None` if `tag` is not of that shape.
pub fn canonical_tag(tag: &str) -> Option<String> {
    let mut parts = tag.split('-');
    let language = parts.next().filter(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()))?;
    let mut out = language.to_ascii_lowercase();
    let mut seen_script = false;
    let mut seen_region = false;
    for part in parts {
        if !seen_script && !seen_region && part.len() == 4 && part.chars().all(|c| c.is_ascii_alphabetic()) {
            let (first, rest) = part.split_at(1);
            out.push('-');
            out.push_str(&first.to_ascii_uppercase());
            out.push_str(&rest.to_ascii_lowercase());
            seen_script = true;
        } else if !seen_region
            && ((part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()))
                || (part.len() == 3 && part.chars().all(|c| c.is_ascii_digit())))
        {
            out.push('-');
            out.push_str(&part.to_ascii_uppercase());
            seen_region = true;
        } else {
            return None;
        }
    }
    Some(out)
}

fn is_forbidden_control(c: char) -> bool {
    // Line breaks are allowed (multi-line descriptions); NEL is a line break too.
    c.is_control() && c != '\n' && c != '\u{85}'
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic()) && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn is_screaming_snake_case(text: &str) -> bool {
    is_identifier(text)
        && !text.ends_with('_')
        && !text.contains("__")
        && text.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

fn is_kebab_case(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_lowercase())
        && !text.ends_with('-')
        && !text.contains("--")
        && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// `sessionExpired` -> `SESSION_EXPIRED`, `room_full` -> `ROOM_FULL`.
fn to_screaming_snake_case(text: &str) -> String {
    let mut out = String::new();
    let mut previous_lower = false;
    for c in text.chars() {
        if c.is_ascii_uppercase() && previous_lower {
            out.push('_');
        }
        previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        out.push(c.to_ascii_uppercase());
    }
    out.split('_').filter(|part| !part.is_empty()).collect::<Vec<_>>().join("_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_tags_fix_case() {
        assert_eq!(canonical_tag("zh-hans").as_deref(), Some("zh-Hans"));
        assert_eq!(canonical_tag("PT-br").as_deref(), Some("pt-BR"));
        assert_eq!(canonical_tag("en").as_deref(), Some("en"));
        assert_eq!(canonical_tag("english"), None);
        assert_eq!(canonical_tag("en-x-private"), None);
    }

    #[test]
    fn names_convert_to_screaming_snake_case() {
        assert_eq!(to_screaming_snake_case("sessionExpired"), "SESSION_EXPIRED");
        assert_eq!(to_screaming_snake_case("room__full_"), "ROOM_FULL");
    }
}
