//! Locales and texts: `locales`, `fallback`, every title and description, and the labels of
//! the closed vocabularies.

use std::collections::BTreeMap;
use std::ops::Range as ByteRange;

use crate::parse::{RawLabel, RawTexts};
use toml::Spanned;

use super::*;

impl Validator<'_, '_> {
    /// An application's locales and fallback (default: the standard fallback); warns about
    /// locales the standard registry has no texts for.
    pub(super) fn application_locales(&mut self, raw: &RawRegistry, standard: &Registry) -> Option<usize> {
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

    /// Reads `locales` and `fallback`; returns the fallback's index.
    pub(super) fn locales(&mut self, raw: &RawRegistry) -> Option<usize> {
        let locales = self.top_level(raw, &raw.locales, "locales", "locales")?;
        self.declared_locales(locales);
        let fallback = self.top_level(raw, &raw.fallback, "fallback", "fallback")?;
        self.fallback(fallback)
    }

    /// Checks `locales = [...]` and records the declared tags.
    pub(super) fn declared_locales(&mut self, locales: &Spanned<Vec<Spanned<String>>>) {
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
    pub(super) fn fallback(&mut self, fallback: &Spanned<String>) -> Option<usize> {
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
    pub(super) fn vocabulary(
        &mut self,
        table: &Spanned<BTreeMap<String, Spanned<RawLabel>>>,
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

    pub(super) fn reconnect(&mut self, value: &Spanned<String>) -> Option<Reconnect> {
        let found = Reconnect::ALL.into_iter().find(|hint| hint.key() == value.get_ref());
        if found.is_none() {
            self.unknown_word(value, "reconnect hint", &Reconnect::ALL.map(Reconnect::key));
        }
        found
    }

    pub(super) fn sender(&mut self, value: &Spanned<String>) -> Option<Sender> {
        let found = Sender::ALL.into_iter().find(|sender| sender.key() == value.get_ref());
        if found.is_none() {
            self.unknown_word(value, "sender", &Sender::ALL.map(Sender::key));
        }
        found
    }

    pub(super) fn unknown_word(&mut self, value: &Spanned<String>, what: &str, words: &[&str]) {
        let message = format!("unknown {what} `{}`", value.get_ref());
        let hint = did_you_mean(value.get_ref(), words.iter().copied())
            .unwrap_or_else(|| format!("expected one of: {}", words.join(", ")));
        self.diagnostics.error(&value.span(), message, Some(hint));
    }

    pub(super) fn label(
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
    pub(super) fn texts(
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
        let mut out = Vec::with_capacity(self.locales.len());
        let mut complete = true;
        // Taken out for the loop, which reports through `self`; `text` does not read it.
        let locales = std::mem::take(&mut self.locales);
        for locale in &locales {
            match texts.get_ref().get(locale) {
                Some(text) => {
                    let raw = text.get_ref();
                    let normalized = if raw.contains('\r') { raw.replace("\r\n", "\n") } else { raw.clone() };
                    complete &= self.text(&normalized, &text.span(), &|| format!("{locale} {key} of {owner}"));
                    out.push(normalized);
                }
                None => {
                    complete = false;
                    let message = format!("missing {locale} text for the {key} of {owner}");
                    self.diagnostics.error(&texts.span(), message, Some(format!("add `{key}.{locale} = \"...\"`")));
                }
            }
        }
        self.locales = locales;
        complete.then_some(Texts(out))
    }

    /// Checks one text; returns whether it is acceptable. `what` names the text in a diagnostic
    /// (made only when there is one to report).
    pub(super) fn text(&mut self, text: &str, span: &ByteRange<usize>, what: &dyn Fn() -> String) -> bool {
        if text.len() <= MAX_TEXT_BYTES
            && !text.trim().is_empty()
            && (!text.bytes().any(is_suspect_byte)
                || !text.chars().any(|c| is_forbidden_control(c) || is_bidi_control(c)))
        {
            return true;
        }
        let what = what();
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
}

/// Could `byte` belong to a character [`is_forbidden_control`] or [`is_bidi_control`] refuses?
/// Each of those is a byte below 0x20 other than `\n`, or 0x7F, or starts with 0xC2
/// (U+0080-U+009F) or 0xE2 (the bidirectional controls), so a text without such a byte is
/// accepted without decoding it.
fn is_suspect_byte(byte: u8) -> bool {
    (byte < 0x20 && byte != b'\n') || byte == 0x7F || byte == 0xC2 || byte == 0xE2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refused_character_has_a_suspect_byte() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if is_forbidden_control(c) || is_bidi_control(c) {
                let mut bytes = [0; 4];
                assert!(c.encode_utf8(&mut bytes).bytes().any(is_suspect_byte), "U+{:04X}", u32::from(c));
            }
        }
    }
}
