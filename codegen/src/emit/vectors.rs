//! The conformance vectors: what every generated API answers for each of the 65,536 u16 values,
//! and what locale negotiation answers for a set of tags. Every language's test suite loads this
//! file and checks its generated module against every entry.
//!
//! Answers are stored as runs: consecutive codes with identical answers share one entry
//! `{ "first": 4000, "last": 4999, ... }`; the runs cover 0..=65535 without gaps.
//!
//! Each run also says `browser_closable` (the WHATWG rule, [`crate::behaviour::is_browser_closable`]).
//! Two more sections describe what to do at a close; a port to another language checks them all:
//!
//! - `close_payloads`: `parse` (a received payload in hex and its `code` and `reason`, or the
//!   close code `error` to fail the connection with), `encode` (a `code` and `reason` and the
//!   `payload` in hex, or the `error`) and `truncate` (a `reason` and its `truncated` prefix);
//! - `reconnect`: for each of `cases` (a code, its `delay_bounds` and four contexts of
//!   `closed_by_client` and `ever_opened`), one step per attempt `0..attempts` and, within an
//!   attempt, per number of `randoms`, written `stop`, `retry:<ms>` or `reauthenticate:<ms>`.
//!   The arithmetic is [`crate::behaviour::reconnect_step`]: integer bounds, one IEEE 754 double
//!   multiplication, then floor; parse the random numbers with a correctly rounding parser.

mod payloads;
mod reconnect;

use super::json::Json;
use super::{Header, Output, Target};
use crate::files::Plan;
use crate::model::Registry;

/// The conformance vectors: `vectors.json`, in a directory of its own.
pub struct Conformance;

impl Target for Conformance {
    fn key(&self) -> &'static str {
        "vectors"
    }

    fn name(&self) -> &'static str {
        "conformance vectors"
    }

    fn extension(&self) -> Option<&'static str> {
        Some("json")
    }

    fn standard(&self) -> Output {
        Output::package_source("conformance/vectors.json")
    }

    fn plan(&self, registry: &Registry, header: &Header, output: &Output, plan: &mut Plan) {
        plan.file(&output.path, emit(registry, header));
        if let Some(directory) = output.path.parent() {
            plan.directory(directory);
        }
    }
}

/// Tags whose negotiation every language must agree on (plus every locale tag itself).
const NEGOTIATION_TAGS: &[&str] = &[
    "",
    "en",
    "EN",
    "en-US",
    "en_GB",
    "zh",
    "zh-CN",
    "zh_cn",
    "zh-SG",
    "zh-MY",
    "zh-Hans",
    "zh-hans-CN",
    "zh-TW",
    "zh-HK",
    "zh-MO",
    "zh-Hant",
    "zh-Hant-TW",
    "ru",
    "ru-RU",
    "ru_ua",
    "RU",
    "de",
    "de-DE",
    "fr-CA",
    "pt-BR",
    "ja",
    "x",
    "-",
    "_",
    "  ru  ",
    "ru-Latn",
    "sr-Cyrl-RS",
    "zh-Latn",
    "en-419",
];

/// `Accept-Language` headers (and lists of tags joined with `,`) whose negotiation every
/// language must agree on: q-values, `*`, exclusions, malformed items, and the rule that the
/// fallback never outranks a locale listed before it (see `model::accept_language`).
const ACCEPT_LANGUAGE_HEADERS: &[&str] = &[
    "ru;q=0.9, en",
    "en, ru",
    "en;q=0.9, ru",
    "en-US,en;q=0.9,ru;q=0.8",
    "ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7",
    "zh-CN,zh;q=0.9",
    "de-DE, ru;q=0.5, zh;q=0.8",
    "de, fr;q=0.8",
    "fr;q=0.5, ru;q=0.5",
    "zh;q=0.5, ru;q=0.5",
    "ru;q=0, en",
    "ru;q=0, ru-RU",
    "en;q=0",
    "en;q=0, ru;q=0",
    "en;q=0, *",
    "*",
    "*;q=0.5, ru;q=0.1",
    "*;q=0",
    "ru;q=1.0",
    "ru;q=1.5, zh",
    "ru;q=abc, zh;q=0.1",
    "ru ; Q = 0.4 , zh ; q=0.3",
    "ru;level=1;q=0.2, zh;q=0.1",
    "zh-TW, ru;q=0.1",
    "zh-Hant, en",
    ",,, ru ,",
    ";q=1, ru",
    "ru;q=0.001",
    "en-GB;q=0.8, zh-Hans-CN;q=0.8",
    "x-klingon, ru-Cyrl;q=0.2",
];

/// The answers for one run of codes (`first..=last`).
#[derive(PartialEq)]
struct Answers<'r> {
    name: Option<&'r str>,
    aliases: Vec<&'r str>,
    iana_name: Option<&'r str>,
    range: Option<&'r str>,
    sendable: bool,
    browser_closable: bool,
    sender: Option<&'static str>,
    reconnect: &'static str,
    title: Vec<&'r str>,
    description: Vec<&'r str>,
}

impl Answers<'_> {
    /// The run as one object: its bounds, then the answers.
    fn write(&self, json: &mut Json, first: u16, last: u16) {
        json.object();
        json.key("first").number(first);
        json.key("last").number(last);
        json.key("name").option_string(self.name);
        json.key("aliases").strings(self.aliases.iter().copied());
        json.key("iana_name").option_string(self.iana_name);
        json.key("range").option_string(self.range);
        json.key("sendable").bool(self.sendable);
        json.key("browser_closable").bool(self.browser_closable);
        json.key("sender").option_string(self.sender);
        json.key("reconnect").string(self.reconnect);
        json.key("title").strings(self.title.iter().copied());
        json.key("description").strings(self.description.iter().copied());
        json.close('}');
    }
}

/// Pairs of a tag or header and the locale it negotiates to, as two-element arrays.
fn pairs<'t>(json: &mut Json, pairs: impl IntoIterator<Item = (&'t str, &'t str)>) {
    json.array();
    for (tag, locale) in pairs {
        json.array().string(tag).string(locale).close(']');
    }
    json.close(']');
}

/// Emits `vectors.json` for `registry`.
pub fn emit(registry: &Registry, header: &Header) -> String {
    let mut runs: Vec<(u16, u16, Answers<'_>)> = Vec::new();
    for (code, last) in registry.pieces() {
        let answer = registry.answer(code);
        let answers = Answers {
            name: answer.code.map(|c| c.name.as_str()),
            aliases: answer.code.map(|c| c.aliases.iter().map(String::as_str).collect()).unwrap_or_default(),
            iana_name: answer.code.and_then(|c| c.iana_name.as_deref()),
            range: answer.range.map(|r| r.id.as_str()),
            sendable: answer.sendable,
            browser_closable: crate::behaviour::is_browser_closable(code),
            sender: answer.code.map(|c| c.sender.key()),
            reconnect: answer.reconnect.key(),
            title: answer.label.title.iter().collect(),
            description: answer.label.description.iter().collect(),
        };
        match runs.last_mut() {
            Some(run) if run.2 == answers => run.1 = last,
            _ => runs.push((code, last, answers)),
        }
    }
    let mut tags: Vec<&str> = NEGOTIATION_TAGS.to_vec();
    tags.extend(registry.locales.iter().map(String::as_str));
    tags.sort_unstable();
    tags.dedup();
    let reconnect = reconnect::reconnect(registry);
    // Sized up front from what each run and each reconnect case takes pretty-printed (about 0.5 KiB
    // of answers and texts, and 5 KiB of steps): the file is tens of MiB for large registries, and
    // growing it by doubling copies it again and again.
    let estimate = 64 * 1024 + runs.len() * 512 + reconnect.cases() * 5 * 1024;
    let mut json = Json::with_capacity(estimate);
    json.object();
    json.key("@generated").string(&header.line());
    json.key("locales").strings(registry.locales.iter().map(String::as_str));
    json.key("fallback").string(&registry.locales[registry.fallback]);
    json.key("runs").array();
    for (first, last, answers) in &runs {
        answers.write(&mut json, *first, *last);
    }
    json.close(']');
    json.key("negotiation");
    pairs(&mut json, tags.into_iter().map(|tag| (tag, registry.locales[registry.negotiate(tag)].as_str())));
    // `Accept-Language` headers with their locale; a list of the header's items (split at `,`)
    // negotiates to the same locale.
    json.key("accept_language");
    pairs(
        &mut json,
        ACCEPT_LANGUAGE_HEADERS.iter().map(|header| {
            let index = registry.negotiate(header);
            debug_assert_eq!(index, registry.negotiate_list(header.split(',')));
            (*header, registry.locales[index].as_str())
        }),
    );
    json.key("close_payloads");
    payloads::payloads(registry).write(&mut json);
    json.key("reconnect");
    reconnect.write(&mut json);
    json.close('}');
    json.finish()
}
