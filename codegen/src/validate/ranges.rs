//! `[[range]]` entries: ids, bounds, order.

use std::collections::BTreeMap;

use crate::parse::RawRange;
use toml::Spanned;

use super::*;

impl Validator<'_, '_> {
    pub(super) fn number(&mut self, value: &Spanned<i64>, what: &str) -> Option<u16> {
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

    pub(super) fn ranges(&mut self, raw: &[Spanned<RawRange>]) -> Option<Vec<Range>> {
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
            let delay = self.delay(&r.delay_ms, reconnect, &owner);
            if let Some((start, end)) = start.zip(end)
                && start > end
            {
                let message =
                    format!("range `{}` ends at {end}, before its start {start}", id.map_or("?", |i| i.get_ref()));
                self.diagnostics.error(&span, message, Some("swap `start` and `end`".to_owned()));
                complete = false;
            }
            match (id, start, end, sendable, reconnect, label, delay) {
                (Some(id), Some(start), Some(end), Some(sendable), Some(reconnect), Some(label), Some(delay)) => {
                    let id = id.get_ref().clone();
                    let sendable = *sendable.get_ref();
                    ranges.push((span, Range { id, start, end, sendable, reconnect, label, delay }));
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

    pub(super) fn range_id(&mut self, id: &Spanned<String>, seen: &mut BTreeMap<String, Position>) -> bool {
        let text = id.get_ref();
        let constant = crate::model::naming::screaming_snake(text);
        if let Some((language, why)) = emit::reserved_in(self.targets, &constant, emit::NameKind::RangeId) {
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
        // `l-5` and `l5` are two ids but one camelCase predicate (`isL5`).
        for target in self.targets {
            let Some(predicate) = target.range_predicate(text) else { continue };
            let key = format!("{}\0{predicate}", target.key());
            if let Some(first) = seen.get(&key) {
                let message = format!(
                    "range id `{text}` makes the {} predicate `{predicate}`, like the range at {first}",
                    target.name()
                );
                let hint = "choose ids that differ by more than a hyphen".to_owned();
                self.diagnostics.error(&id.span(), message, Some(hint));
                return false;
            }
            seen.insert(key, self.diagnostics.position(&id.span()));
        }
        seen.insert(text.clone(), self.diagnostics.position(&id.span()));
        true
    }
}
