//! The validated registry. Emitters work from this model alone and never see TOML.
//!
//! Every invariant the emitters rely on holds here: ranges are sorted and disjoint, codes are
//! sorted and unique and each lies in a range, every text exists in every locale.

/// The closed vocabulary of reconnect hints: what a client should do after a close code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reconnect {
    /// Do not reconnect automatically: the close was intended, or the same attempt fails again.
    Never,
    /// Reconnect after a randomized, growing delay (exponential backoff with jitter).
    Backoff,
    /// Obtain fresh credentials first, then reconnect.
    Reauthenticate,
    /// The registry gives no advice; the application decides.
    Unspecified,
}

impl Reconnect {
    /// Every hint, in the order the registry documents them.
    pub const ALL: [Reconnect; 4] =
        [Reconnect::Never, Reconnect::Backoff, Reconnect::Reauthenticate, Reconnect::Unspecified];

    /// The registry's key for this hint, e.g. `backoff`.
    pub fn key(self) -> &'static str {
        match self {
            Reconnect::Never => "never",
            Reconnect::Backoff => "backoff",
            Reconnect::Reauthenticate => "reauthenticate",
            Reconnect::Unspecified => "unspecified",
        }
    }
}

/// Who sends a close code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sender {
    /// Only a client sends it.
    Client,
    /// Only a server sends it.
    Server,
    /// Either endpoint may send it.
    Either,
    /// Reported locally by an API, never sent in a Close frame.
    Local,
    /// Reserved: nobody sends or reports it.
    None,
}

impl Sender {
    /// Every sender, in the order the registry documents them.
    pub const ALL: [Sender; 5] = [Sender::Client, Sender::Server, Sender::Either, Sender::Local, Sender::None];

    /// The registry's key for this sender, e.g. `either`.
    pub fn key(self) -> &'static str {
        match self {
            Sender::Client => "client",
            Sender::Server => "server",
            Sender::Either => "either",
            Sender::Local => "local",
            Sender::None => "none",
        }
    }
}

/// Bounds of the delay before a reconnect, in milliseconds: the registry's `delay_ms = [min, max]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Delay {
    /// The shortest delay.
    pub min_ms: u32,
    /// The longest delay.
    pub max_ms: u32,
}

/// One text in every locale, in the order of [`Registry::locales`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Texts(pub Vec<String>);

impl Texts {
    /// The text in the locale at `index` of [`Registry::locales`].
    pub fn get(&self, index: usize) -> &str {
        &self.0[index]
    }

    /// Every text, in locale order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }
}

/// A title and a description, both in every locale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// A short title.
    pub title: Texts,
    /// A full description.
    pub description: Texts,
}

/// A contiguous block of close codes with a shared meaning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Range {
    /// Stable kebab-case id, e.g. `private`.
    pub id: String,
    /// First code in the range.
    pub start: u16,
    /// Last code in the range (inclusive).
    pub end: u16,
    /// May codes of this range without an entry of their own appear in a Close frame?
    pub sendable: bool,
    /// The hint for codes of this range without an entry of their own.
    pub reconnect: Reconnect,
    /// Title and description, used for codes without an entry of their own.
    pub label: Label,
    /// Reconnect delay bounds for the codes of this range that have none of their own.
    pub delay: Option<Delay>,
}

impl Range {
    /// Does the range hold `code`?
    pub fn contains(&self, code: u16) -> bool {
        (self.start..=self.end).contains(&code)
    }
}

/// One registered close code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Code {
    /// The number sent on the wire.
    pub code: u16,
    /// Canonical constant name, SCREAMING_SNAKE_CASE, the same in every language.
    pub name: String,
    /// Older names still accepted, sorted.
    pub aliases: Vec<String>,
    /// The name in the IANA registry, e.g. `Bad Gateway`; `None` for an application's own code.
    pub iana_name: Option<String>,
    /// Where the code is defined, in every locale, e.g. `RFC 6455, section 7.4.1`.
    pub reference: Option<Texts>,
    /// A link to that definition.
    pub url: Option<String>,
    /// May this code appear in a Close frame?
    pub sendable: bool,
    /// Who sends it.
    pub sender: Sender,
    /// What a client should do after receiving it.
    pub reconnect: Reconnect,
    /// Title and description.
    pub label: Label,
    /// Reconnect delay bounds, if the code has its own.
    pub delay: Option<Delay>,
}

/// Every answer the generated APIs give for one u16; the conformance vectors are made of these.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Answer<'r> {
    /// The registered entry, if the code has one.
    pub code: Option<&'r Code>,
    /// The range that holds the code, if any.
    pub range: Option<&'r Range>,
    /// May it appear in a Close frame?
    pub sendable: bool,
    /// The reconnect hint.
    pub reconnect: Reconnect,
    /// The title and description shown for it.
    pub label: &'r Label,
    /// The reconnect delay bounds: the code's own, else its range's, else the default.
    pub delay: Delay,
}

/// The whole validated registry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Registry {
    /// BCP 47 tags in declaration order, e.g. `en`, `zh-Hans`, `ru`.
    pub locales: Vec<String>,
    /// Index into `locales` of the fallback locale.
    pub fallback: usize,
    /// Title, description and hint for a number outside every range.
    pub out_of_range: Label,
    /// The hint for a number outside every range.
    pub out_of_range_reconnect: Reconnect,
    /// Labels of the reconnect hints, in [`Reconnect::ALL`] order.
    pub reconnect_labels: Vec<Label>,
    /// Labels of the senders, in [`Sender::ALL`] order.
    pub sender_labels: Vec<Label>,
    /// Sorted, disjoint ranges.
    pub ranges: Vec<Range>,
    /// Registered codes, sorted by number.
    pub codes: Vec<Code>,
}

impl Registry {
    /// The same registry with the texts of one locale only (the one at `index`), which is then
    /// also the fallback: the source of a package's per-locale entry point.
    pub fn only_locale(&self, index: usize) -> Registry {
        // Built field by field rather than cloned and then cut down, so the other locales' texts
        // are never copied (the compiler names any field added to these structs later).
        let label = |label: &Label| Label {
            title: Texts(vec![label.title.get(index).to_owned()]),
            description: Texts(vec![label.description.get(index).to_owned()]),
        };
        let range = |range: &Range| Range {
            id: range.id.clone(),
            start: range.start,
            end: range.end,
            sendable: range.sendable,
            reconnect: range.reconnect,
            label: label(&range.label),
            delay: range.delay,
        };
        let code = |code: &Code| Code {
            code: code.code,
            name: code.name.clone(),
            aliases: code.aliases.clone(),
            iana_name: code.iana_name.clone(),
            reference: code.reference.clone(),
            url: code.url.clone(),
            sendable: code.sendable,
            sender: code.sender,
            reconnect: code.reconnect,
            label: label(&code.label),
            delay: code.delay,
        };
        Registry {
            locales: vec![self.locales[index].clone()],
            fallback: 0,
            out_of_range: label(&self.out_of_range),
            out_of_range_reconnect: self.out_of_range_reconnect,
            reconnect_labels: self.reconnect_labels.iter().map(label).collect(),
            sender_labels: self.sender_labels.iter().map(label).collect(),
            ranges: self.ranges.iter().map(range).collect(),
            codes: self.codes.iter().map(code).collect(),
        }
    }

    /// The registered entry for `code`.
    pub fn code(&self, code: u16) -> Option<&Code> {
        self.codes.binary_search_by_key(&code, |c| c.code).ok().map(|i| &self.codes[i])
    }

    /// The range holding `code`.
    pub fn range_of(&self, code: u16) -> Option<&Range> {
        let index = self.ranges.partition_point(|r| r.end < code);
        self.ranges.get(index).filter(|r| r.contains(code))
    }

    /// The label of a reconnect hint.
    pub fn reconnect_label(&self, hint: Reconnect) -> &Label {
        &self.reconnect_labels[hint as usize]
    }

    /// The label of a sender.
    pub fn sender_label(&self, sender: Sender) -> &Label {
        &self.sender_labels[sender as usize]
    }

    /// Everything the generated APIs answer for `code`. This is the one definition of the
    /// semantics; every emitter encodes it and every language's tests check against it.
    pub fn answer(&self, code: u16) -> Answer<'_> {
        let entry = self.code(code);
        let range = self.range_of(code);
        match (entry, range) {
            (Some(entry), _) => Answer {
                code: Some(entry),
                range,
                sendable: entry.sendable,
                reconnect: entry.reconnect,
                label: &entry.label,
                delay: entry.delay.or(range.and_then(|r| r.delay)).unwrap_or(crate::behaviour::DEFAULT_DELAY),
            },
            (None, Some(range)) => Answer {
                code: None,
                range: Some(range),
                sendable: range.sendable,
                reconnect: range.reconnect,
                label: &range.label,
                delay: range.delay.unwrap_or(crate::behaviour::DEFAULT_DELAY),
            },
            (None, None) => Answer {
                code: None,
                range: None,
                sendable: false,
                reconnect: self.out_of_range_reconnect,
                label: &self.out_of_range,
                delay: crate::behaviour::DEFAULT_DELAY,
            },
        }
    }

    /// The codes, cut into pieces on which every answer is the same (each range's and each
    /// code's bounds cut), as inclusive bounds covering 0..=65535 in order. Adjacent pieces may
    /// still answer alike. Costs O(codes + ranges), not O(65,536).
    pub fn pieces(&self) -> Vec<(u16, u16)> {
        let mut cuts: Vec<u32> = vec![0, 65_536];
        for range in &self.ranges {
            cuts.extend([u32::from(range.start), u32::from(range.end) + 1]);
        }
        for code in &self.codes {
            cuts.extend([u32::from(code.code), u32::from(code.code) + 1]);
        }
        // Where the browser rule (1000 and 3000-4999) changes its answer.
        cuts.extend([1000, 1001, 3000, 5000]);
        cuts.sort_unstable();
        cuts.dedup();
        // Every cut is at most 65,536, so each piece's bounds fit in a u16.
        cuts.windows(2).map(|w| (w[0] as u16, (w[1] - 1) as u16)).collect()
    }

    /// The maximal runs of codes whose answer satisfies `f`, as inclusive bounds, ascending.
    pub fn runs(&self, mut f: impl FnMut(&Answer<'_>) -> bool) -> Vec<(u16, u16)> {
        let mut runs: Vec<(u16, u16)> = Vec::new();
        for (start, end) in self.pieces() {
            if f(&self.answer(start)) {
                match runs.last_mut() {
                    Some((_, last)) if u32::from(*last) + 1 == u32::from(start) => *last = end,
                    _ => runs.push((start, end)),
                }
            }
        }
        runs
    }
}

/// Language-neutral helpers the emitters share.
pub mod accept_language;

pub mod naming {
    /// `protocol-reserved` -> `PROTOCOL_RESERVED`; `zh-Hans` -> `ZH_HANS`.
    pub fn screaming_snake(id: &str) -> String {
        id.replace('-', "_").to_ascii_uppercase()
    }

    /// `zh-Hans` -> `ZhHans`; `private` -> `Private`; `NORMAL_CLOSURE` -> `NormalClosure`.
    pub fn upper_camel(id: &str) -> String {
        id.split(['-', '_'])
            .filter(|part| !part.is_empty())
            .map(|part| {
                let mut chars = part.chars();
                let first = chars.next().map(|c| c.to_ascii_uppercase());
                first.into_iter().chain(chars.map(|c| c.to_ascii_lowercase())).collect::<String>()
            })
            .collect()
    }
}

impl Registry {
    /// The locale (index into `locales`) for an `Accept-Language` header, a list of tags joined
    /// with `,`, or one tag. This is the reference the generated `negotiate` functions follow; see
    /// [`accept_language`] for the rule.
    pub fn negotiate(&self, header: &str) -> usize {
        accept_language::negotiate(self, header.split(','))
    }

    /// The locale (index into `locales`) for a list of tags, each of which may carry a q-value.
    pub fn negotiate_list<'t>(&self, tags: impl IntoIterator<Item = &'t str>) -> usize {
        accept_language::negotiate(self, tags)
    }

    /// The locale (index into `locales`) that one language tag matches, if any:
    ///
    /// 1. `_` separates subtags like `-`, and letter case is ignored;
    /// 2. a locale with the same language, script and region wins;
    /// 3. Chinese takes its script from the tag, else from the region (`TW`, `HK`, `MO` are
    ///    Traditional, anything else Simplified), and uses the locale with that script, if any;
    /// 4. otherwise the first locale with the same language;
    /// 5. otherwise none.
    pub fn match_tag(&self, tag: &str) -> Option<usize> {
        let requested = Subtags::parse(tag);
        let language = requested.language?;
        let ours: Vec<Subtags<'_>> = self.locales.iter().map(|l| Subtags::parse(l)).collect();
        let same = |a: Option<&str>, b: Option<&str>| match (a, b) {
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            (None, None) => true,
            _ => false,
        };
        let is_language = |s: &Subtags<'_>| s.language.is_some_and(|l| l.eq_ignore_ascii_case(language));
        if let Some(index) = ours
            .iter()
            .position(|s| is_language(s) && same(s.script, requested.script) && same(s.region, requested.region))
        {
            return Some(index);
        }
        if language.eq_ignore_ascii_case("zh") {
            let traditional = ["TW", "HK", "MO"];
            let script = requested.script.unwrap_or(match requested.region {
                Some(region) if traditional.iter().any(|t| t.eq_ignore_ascii_case(region)) => "Hant",
                _ => "Hans",
            });
            return ours.iter().position(|s| is_language(s) && same(s.script, Some(script)));
        }
        ours.iter().position(is_language)
    }
}

/// The subtags of a language tag that negotiation looks at.
struct Subtags<'a> {
    language: Option<&'a str>,
    script: Option<&'a str>,
    region: Option<&'a str>,
}

impl<'a> Subtags<'a> {
    fn parse(tag: &'a str) -> Self {
        let mut parts = tag.trim().split(['-', '_']).filter(|s| !s.is_empty());
        let language = parts.next();
        let (mut script, mut region) = (None, None);
        for part in parts {
            let alphabetic = part.bytes().all(|b| b.is_ascii_alphabetic());
            if script.is_none() && region.is_none() && part.len() == 4 && alphabetic {
                script = Some(part);
            } else if region.is_none()
                && ((part.len() == 2 && alphabetic) || (part.len() == 3 && part.bytes().all(|b| b.is_ascii_digit())))
            {
                region = Some(part);
            }
        }
        Subtags { language, script, region }
    }
}
