//! Checks a raw registry and builds the [`Registry`] model. Every problem is reported; the model
//! is returned only when there is no error.

use std::ops::Range as ByteRange;

use toml::Spanned;

use crate::diagnostic::{Diagnostics, Position, did_you_mean};
use crate::emit;
use crate::model::{Code, Label, Range, Reconnect, Registry, Sender, Texts};
use crate::parse::RawRegistry;

/// Builds the model from `raw`, recording every problem in `diagnostics`.
/// Returns `None` when any error was found.
/// Names are checked in every target language: the standard registry is generated for all.
pub fn validate(raw: &RawRegistry, diagnostics: &mut Diagnostics<'_>) -> Option<Registry> {
    let mut v = Validator { diagnostics, locales: Vec::new(), standard: None, targets: emit::TARGETS };
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
/// use 3000-4999 and may not reuse a standard number or name. Names are checked in the languages
/// of `targets` only (the ones the application generates). `None` when any error was found.
pub fn validate_application(
    raw: &RawRegistry,
    standard: &Registry,
    targets: &[&'static dyn emit::Target],
    diagnostics: &mut Diagnostics<'_>,
) -> Option<ApplicationParts> {
    let mut v = Validator { diagnostics, locales: Vec::new(), standard: Some(standard), targets };
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
    /// The targets whose identifier rules names must meet.
    targets: &'a [&'static dyn emit::Target],
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

// After the macro: textual scope makes `required!` visible in these modules.
mod codes;
mod delay;
mod ranges;
mod shapes;
mod texts;

pub use shapes::canonical_tag;
use shapes::{
    is_bidi_control, is_forbidden_control, is_identifier, is_kebab_case, is_screaming_snake_case,
    to_screaming_snake_case,
};

impl Validator<'_, '_> {
    pub(super) fn registry(&mut self, raw: &RawRegistry) -> Option<Registry> {
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
    pub(super) fn top_level<'r, T>(
        &mut self,
        raw: &RawRegistry,
        value: &'r Option<T>,
        key: &str,
        shown: &str,
    ) -> Option<&'r T> {
        if value.is_none() && !raw.present.iter().any(|k| k == key) {
            self.missing(&(raw.span.start..raw.span.start), shown);
        }
        value.as_ref()
    }

    /// Reports a key that only the other kind of registry may use.
    pub(super) fn not_here(&mut self, span: Option<ByteRange<usize>>, key: &str, belongs: &str) {
        if let Some(span) = span {
            let message = format!("`{key}` belongs in {belongs}");
            self.diagnostics.error(&span, message, Some(format!("remove `{key}` from this file")));
        }
    }

    pub(super) fn missing(&mut self, span: &ByteRange<usize>, what: &str) {
        let message = format!("missing `{what}`");
        self.diagnostics.error(span, message, Some(format!("add `{what}`; see the comments at the top of codes.toml")));
    }
}
