//! `delay_ms = [min, max]`: the reconnect delay bounds of a code or a range.

use toml::Spanned;

use super::*;
use crate::behaviour::MAX_DELAY_LIMIT_MS;
use crate::model::Delay;

impl Validator<'_, '_> {
    /// The bounds of `owner` (a code or a range whose hint is `hint`). `None` when they are
    /// wrong (reported); `Some(None)` when absent.
    pub(super) fn delay(
        &mut self,
        value: &Option<Spanned<Vec<Spanned<i64>>>>,
        hint: Option<Reconnect>,
        owner: &str,
    ) -> Option<Option<Delay>> {
        let Some(value) = value else { return Some(None) };
        let span = value.span();
        let bounds = value.get_ref();
        let [min, max] = bounds.as_slice() else {
            let message = format!("`delay_ms` of {owner} must hold two numbers, not {}", bounds.len());
            let hint = "write the shortest and the longest delay in milliseconds, e.g. `delay_ms = [5000, 30000]`";
            self.diagnostics.error(&span, message, Some(hint.to_owned()));
            return None;
        };
        let mut ok = true;
        for bound in [min, max] {
            let number = *bound.get_ref();
            if !(0..=i64::from(MAX_DELAY_LIMIT_MS)).contains(&number) {
                let message = format!("reconnect delay {number} ms of {owner} is outside 0..={MAX_DELAY_LIMIT_MS}");
                let hint = "a delay is a whole number of milliseconds, at most one hour".to_owned();
                self.diagnostics.error(&bound.span(), message, Some(hint));
                ok = false;
            }
        }
        if ok && min.get_ref() > max.get_ref() {
            let message =
                format!("reconnect delay bounds of {owner} are reversed: {} ms > {} ms", min.get_ref(), max.get_ref());
            self.diagnostics.error(&span, message, Some("write the shortest delay first".to_owned()));
            ok = false;
        }
        if hint == Some(Reconnect::Never) {
            let message = format!("{owner} never reconnects, so a reconnect delay means nothing");
            let hint = "remove `delay_ms`, or change `reconnect`".to_owned();
            self.diagnostics.error(&span, message, Some(hint));
            ok = false;
        }
        // Both bounds were checked against 0..=MAX_DELAY_LIMIT_MS, which fits a u32.
        let bound = |b: &Spanned<i64>| u32::try_from(*b.get_ref()).unwrap_or(0);
        ok.then(|| Some(Delay { min_ms: bound(min), max_ms: bound(max) }))
    }
}
