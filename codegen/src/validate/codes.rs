//! `[[code]]` entries: numbers, names and aliases (unique in every target language), and the
//! rules for an application's own codes.

use std::collections::HashMap;
use std::ops::Range as ByteRange;

use crate::parse::{RawCode, RawTexts};
use toml::Spanned;

use super::*;

impl Validator<'_, '_> {
    pub(super) fn codes(&mut self, raw: &[Spanned<RawCode>], ranges: &[Range]) -> Option<Vec<Code>> {
        let mut codes = Vec::new();
        let mut complete = true;
        // Where each number and name was first seen: a byte offset, made a position only to report.
        let mut numbers: HashMap<u16, usize> = HashMap::new();
        let mut names = NameTable::default();
        for code in self.standard.map_or(&[][..], |standard| &standard.codes) {
            for name in std::iter::once(&code.name).chain(&code.aliases) {
                for (language, identifier) in emit::identifiers(self.targets, name) {
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
            let reference = self.reference(&c.reference, &span, &owner);
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
            let delay = self.delay(&c.delay_ms, reconnect, &owner);
            if let (Some(sendable), Some(sender)) = (sendable, sender) {
                self.sender_agrees(sendable, sender, &owner);
            }
            match (number, name, iana_name, reference, url, sendable, sender, reconnect, label, delay) {
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
                    Some(delay),
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
                        delay,
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

    /// `reference.<locale>`: a one-line text in every locale, required in the standard registry
    /// and optional in an application's. `None` when it is missing where required or wrong.
    fn reference(
        &mut self,
        value: &Option<Spanned<RawTexts>>,
        span: &ByteRange<usize>,
        owner: &str,
    ) -> Option<Option<Texts>> {
        if value.is_none() && self.standard.is_some() {
            return Some(None);
        }
        let texts = self.texts(value, span, "reference", owner)?;
        let mut one_line = true;
        if let Some(value) = value {
            for (locale, text) in value.get_ref() {
                if text.get_ref().contains('\n') {
                    let message = format!("the {locale} reference of {owner} spans several lines");
                    self.diagnostics.error(&text.span(), message, Some("write it on one line".to_owned()));
                    one_line = false;
                }
            }
        }
        one_line.then_some(Some(texts))
    }

    fn code_number(&mut self, value: &Spanned<i64>, ranges: &[Range], seen: &mut HashMap<u16, usize>) -> Option<u16> {
        let number = self.number(value, "code")?;
        if let Some(&first) = seen.get(&number) {
            let first = self.diagnostics.position(&(first..first));
            let message = format!("duplicate code {number}, first defined at {first}");
            let hint = "remove one of the entries, or give this one another number".to_owned();
            self.diagnostics.error(&value.span(), message, Some(hint));
            return None;
        }
        seen.insert(number, value.span().start);
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
        if let Some((language, why)) = emit::reserved_in(self.targets, text, emit::NameKind::Code) {
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
        for (language, identifier) in emit::identifiers(self.targets, text) {
            if let Some((first_name, first)) = table.insert(language, identifier.clone(), text, span.start) {
                let message = match first {
                    Origin::Standard(code) => {
                        format!("name `{text}` is already used by the standard registry, for code {code}")
                    }
                    Origin::At(first) if first_name == *text => {
                        let first = self.diagnostics.position(&(first..first));
                        format!("duplicate name `{text}`, first defined at {first}")
                    }
                    Origin::At(first) => {
                        let first = self.diagnostics.position(&(first..first));
                        format!(
                            "name `{text}` becomes the {language} identifier `{identifier}`, as `{first_name}` at {first} does"
                        )
                    }
                };
                self.diagnostics.error(&span, message, Some("every name and alias must be unique".to_owned()));
                return false;
            }
        }
        true
    }

    fn plain(&mut self, text: &Spanned<String>, what: &str) -> bool {
        let ok = self.text(text.get_ref(), &text.span(), &|| what.to_owned());
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
    /// At this byte offset of the file being checked.
    At(usize),
    /// In the standard registry, for this code.
    Standard(u16),
}

/// Names and aliases seen so far, per target language's identifier.
#[derive(Default)]
struct NameTable(HashMap<(&'static str, String), (String, Origin)>);

impl NameTable {
    /// Records `name` as `identifier` in `language`; returns the earlier holder of that identifier.
    fn insert(
        &mut self,
        language: &'static str,
        identifier: String,
        name: &str,
        at: usize,
    ) -> Option<(String, Origin)> {
        match self.0.entry((language, identifier)) {
            std::collections::hash_map::Entry::Occupied(first) => Some(first.get().clone()),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert((name.to_owned(), Origin::At(at)));
                None
            }
        }
    }
}
