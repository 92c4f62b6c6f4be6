//! The Rust emitter: one `no_std`, dependency-free source file.
//!
//! Code is built with `quote!`, parsed with `syn` and printed with `prettyplease`, so the output
//! depends only on `Cargo.lock`. Texts reach the output only as string literals and `#[doc]`
//! attributes made by `quote`, which escapes them.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::Header;
use crate::model::naming::{screaming_snake, upper_camel};
use crate::model::{Code, Label, Reconnect, Registry, Sender};

/// How the file will be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `lib.rs` of a crate: `#![no_std]` and crate docs with a tested example.
    CrateRoot,
    /// A module an application includes in its own crate (`mod close_codes;` or `include!`),
    /// without crate-level attributes.
    Module,
}

/// Rust keywords (strict, reserved and weak ones that cannot be constants) and the items the
/// generated `CloseCode` and `Range` already define.
const RESERVED: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn",
    "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self",
    "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while", "abstract", "become",
    "box", "do", "final", "gen", "macro", "override", "priv", "try", "typeof", "unsized", "virtual", "yield", "union",
];

/// Associated constants the generated types define themselves.
const GENERATED_ITEMS: &[&str] = &["ALL", "FALLBACK"];

/// Why `identifier` cannot be a Rust constant, if it cannot.
pub fn reserved(identifier: &str) -> Option<&'static str> {
    if RESERVED.contains(&identifier) {
        Some("a keyword")
    } else if GENERATED_ITEMS.contains(&identifier) {
        Some("an associated constant of the generated types")
    } else {
        None
    }
}

/// The Rust constant for a registry name: the name itself.
pub fn identifier(name: &str) -> String {
    name.to_owned()
}

/// Emits the Rust source for `registry`.
pub fn emit(registry: &Registry, header: &Header, kind: Kind) -> String {
    let tokens = file(registry, kind);
    let file: syn::File = match syn::parse2(tokens) {
        Ok(file) => file,
        // The tokens come from quote! over validated identifiers; failing here is a generator bug.
        Err(error) => panic!("the Rust emitter produced invalid tokens: {error}"),
    };
    format!("// {}\n{}", header.line(), prettyplease::unparse(&file))
}

fn file(registry: &Registry, kind: Kind) -> TokenStream {
    let crate_attributes = match kind {
        Kind::CrateRoot => {
            let docs = crate_docs(registry);
            quote! {
                #![no_std]
                #(#![doc = #docs])*
                #![forbid(unsafe_code)]
                #![warn(missing_docs)]
            }
        }
        // No inner attributes: the module must also work through `include!`.
        Kind::Module => quote! {},
    };
    let locale = locale(registry);
    let texts = text_types(registry);
    let reconnect = vocabulary_enum(
        registry,
        "Reconnect",
        " What a client should do after a connection closed with a given code.",
        &Reconnect::ALL.map(|hint| (hint.key(), registry.reconnect_label(hint), reconnect_doc(hint))),
    );
    let sender = vocabulary_enum(
        registry,
        "Sender",
        " Who sends a close code.",
        &Sender::ALL.map(|sender| (sender.key(), registry.sender_label(sender), sender_doc(sender))),
    );
    let range = range(registry);
    let close_code = close_code(registry);
    let entries = entries(registry);
    quote! {
        #crate_attributes
        use core::fmt;
        use core::str::FromStr;
        #locale
        #texts
        #reconnect
        #sender
        #range
        #close_code
        #entries
    }
}

fn crate_docs(registry: &Registry) -> Vec<String> {
    let example = registry.codes.iter().find(|code| code.sendable).or(registry.codes.first());
    let mut lines = vec![
        " Every WebSocket close code, generated from one registry.".to_owned(),
        "".to_owned(),
        " [`CloseCode`] wraps any `u16`. Registered codes have a name, an IANA name, a reference, a".to_owned(),
        " sender and a reconnect hint; every code has a title and a description in each [`Locale`]".to_owned(),
        " (unregistered ones get their [`Range`]'s text). [`CloseCode::is_sendable`] says whether a".to_owned(),
        " code may appear in a Close frame, which is a separate question from whether it has a name.".to_owned(),
        "".to_owned(),
        " Sources: [RFC 6455, section 7.4](https://www.rfc-editor.org/rfc/rfc6455.html#section-7.4) and the".to_owned(),
        " [IANA WebSocket Close Code Number Registry](https://www.iana.org/assignments/websocket/websocket.xhtml#close-code-number).".to_owned(),
    ];
    if let Some(code) = example {
        let number = code.code;
        let name = &code.name;
        let display =
            format!("{number} {}", code.iana_name.as_deref().unwrap_or(code.label.title.get(registry.fallback)));
        lines.extend([
            "".to_owned(),
            " ```".to_owned(),
            " use ws_close_codes::{CloseCode, Locale};".to_owned(),
            "".to_owned(),
            format!(" let code = CloseCode::from({number});"),
            format!(" assert_eq!(code, CloseCode::{name});"),
            format!(" assert_eq!(code.name(), Some({name:?}));"),
            format!(" assert_eq!(code.to_string(), {display:?});"),
            format!(" assert_eq!(code.is_sendable(), {});", code.sendable),
            " let locale = Locale::negotiate(\"ru-RU\");".to_owned(),
            " println!(\"{}: {}\", code.title(locale), code.description(locale));".to_owned(),
            " ```".to_owned(),
        ]);
    }
    lines
}

fn reconnect_doc(hint: Reconnect) -> &'static str {
    match hint {
        Reconnect::Never => " Do not reconnect automatically.",
        Reconnect::Backoff => " Reconnect after a randomized, growing delay.",
        Reconnect::Reauthenticate => " Obtain fresh credentials, then reconnect.",
        Reconnect::Unspecified => " No advice: the application decides.",
    }
}

fn sender_doc(sender: Sender) -> &'static str {
    match sender {
        Sender::Client => " Sent by the client.",
        Sender::Server => " Sent by the server.",
        Sender::Either => " Sent by either endpoint.",
        Sender::Local => " Reported locally by an API; never sent in a Close frame.",
        Sender::None => " Reserved: neither sent nor reported.",
    }
}

/// `Some("text")` or `None`.
fn optional(text: Option<&str>) -> TokenStream {
    match text {
        Some(text) => quote!(Some(#text)),
        None => quote!(None),
    }
}

/// A number literal without a type suffix (`1000`, not `1000u16`).
fn num(n: impl Into<u64>) -> Literal {
    Literal::u64_unsuffixed(n.into())
}

fn locale_variant(tag: &str) -> Ident {
    format_ident!("{}", upper_camel(tag))
}

fn locale(registry: &Registry) -> TokenStream {
    let variants: Vec<Ident> = registry.locales.iter().map(|tag| locale_variant(tag)).collect();
    let tags = &registry.locales;
    let docs: Vec<String> = tags.iter().map(|tag| format!(" The `{tag}` locale.")).collect();
    let fallback = &variants[registry.fallback];
    let n = Literal::usize_unsuffixed(variants.len());
    let subtags: Vec<TokenStream> = tags
        .iter()
        .map(|tag| {
            let mut parts = tag.split('-');
            let language = parts.next().unwrap_or_default();
            let mut script = quote!(None);
            let mut region = quote!(None);
            for part in parts {
                if part.len() == 4 {
                    script = quote!(Some(#part));
                } else {
                    region = quote!(Some(#part));
                }
            }
            quote!((#language, #script, #region))
        })
        .collect();
    let default_attrs: Vec<TokenStream> =
        variants.iter().map(|v| if v == fallback { quote!(#[default]) } else { quote!() }).collect();
    quote! {
        /// A language the texts are written in, named by its BCP 47 tag.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Locale {
            #( #[doc = #docs] #default_attrs #variants, )*
        }

        /// Language, script and region subtags of each locale, in `Locale::ALL` order.
        const LOCALE_SUBTAGS: [(&str, Option<&str>, Option<&str>); #n] = [#(#subtags),*];

        impl Locale {
            /// Every locale, in registry order.
            pub const ALL: [Locale; #n] = [#(Locale::#variants),*];

            /// The locale used when no other matches.
            pub const FALLBACK: Locale = Locale::#fallback;

            /// The BCP 47 tag, e.g. `zh-Hans`.
            pub const fn tag(self) -> &'static str {
                match self {
                    #( Locale::#variants => #tags, )*
                }
            }

            /// The best locale for a requested language tag such as `zh-CN`, `ru_RU` or `en-US`.
            ///
            /// Separators `-` and `_` and any letter case are accepted. An exact match wins; Chinese
            /// picks its script from the tag or the region (`zh`, `zh-CN`, `zh-SG` are Simplified;
            /// `zh-TW`, `zh-HK`, `zh-MO` are Traditional) and falls back when that script has no
            /// locale; otherwise the language subtag decides; otherwise [`Locale::FALLBACK`].
            pub fn negotiate(tag: &str) -> Locale {
                let mut subtags = tag.trim().split(['-', '_']).filter(|s| !s.is_empty());
                let Some(language) = subtags.next() else {
                    return Locale::FALLBACK;
                };
                let mut script = None;
                let mut region = None;
                for subtag in subtags {
                    let alphabetic = subtag.bytes().all(|b| b.is_ascii_alphabetic());
                    if script.is_none() && region.is_none() && subtag.len() == 4 && alphabetic {
                        script = Some(subtag);
                    } else if region.is_none()
                        && ((subtag.len() == 2 && alphabetic)
                            || (subtag.len() == 3 && subtag.bytes().all(|b| b.is_ascii_digit())))
                    {
                        region = Some(subtag);
                    }
                }
                let same = |a: Option<&str>, b: Option<&str>| match (a, b) {
                    (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                    (None, None) => true,
                    _ => false,
                };
                let exact = Locale::ALL.into_iter().zip(LOCALE_SUBTAGS).find(|(_, (l, s, r))| {
                    l.eq_ignore_ascii_case(language) && same(*s, script) && same(*r, region)
                });
                if let Some((locale, _)) = exact {
                    return locale;
                }
                if language.eq_ignore_ascii_case("zh") {
                    let traditional = ["TW", "HK", "MO"];
                    let script = script.unwrap_or(match region {
                        Some(r) if traditional.iter().any(|t| t.eq_ignore_ascii_case(r)) => "Hant",
                        _ => "Hans",
                    });
                    return Locale::ALL
                        .into_iter()
                        .zip(LOCALE_SUBTAGS)
                        .find(|(_, (l, s, _))| l.eq_ignore_ascii_case("zh") && same(*s, Some(script)))
                        .map_or(Locale::FALLBACK, |(locale, _)| locale);
                }
                Locale::ALL
                    .into_iter()
                    .zip(LOCALE_SUBTAGS)
                    .find(|(_, (l, _, _))| l.eq_ignore_ascii_case(language))
                    .map_or(Locale::FALLBACK, |(locale, _)| locale)
            }

            const fn index(self) -> usize {
                self as usize
            }
        }

        impl fmt::Display for Locale {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.tag())
            }
        }

        /// The error of parsing a [`Locale`] from a tag that names no locale of the registry.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct ParseLocaleError;

        impl fmt::Display for ParseLocaleError {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("not a locale of the close code registry")
            }
        }

        impl core::error::Error for ParseLocaleError {}

        impl FromStr for Locale {
            type Err = ParseLocaleError;

            /// Parses an exact tag, in any letter case and with `-` or `_`; see
            /// [`Locale::negotiate`] for the best match of any tag.
            fn from_str(tag: &str) -> Result<Self, Self::Err> {
                Locale::ALL
                    .into_iter()
                    .find(|locale| {
                        let ours = locale.tag().split('-');
                        let theirs = tag.split(['-', '_']);
                        ours.clone().count() == theirs.clone().count()
                            && ours.zip(theirs).all(|(a, b)| a.eq_ignore_ascii_case(b))
                    })
                    .ok_or(ParseLocaleError)
            }
        }
    }
}

/// `Texts`: a text in every locale.
fn text_types(registry: &Registry) -> TokenStream {
    let n = Literal::usize_unsuffixed(registry.locales.len());
    quote! {
        /// One text in every locale, in `Locale::ALL` order.
        type Texts = [&'static str; #n];
    }
}

fn texts(values: impl Iterator<Item = impl AsRef<str>>) -> TokenStream {
    let values: Vec<String> = values.map(|v| v.as_ref().to_owned()).collect();
    quote!([#(#values),*])
}

fn label_tokens(label: &Label) -> (TokenStream, TokenStream) {
    (texts(label.title.iter()), texts(label.description.iter()))
}

fn vocabulary_enum(registry: &Registry, name: &str, doc: &str, members: &[(&str, &Label, &str)]) -> TokenStream {
    let ty = format_ident!("{name}");
    let variants: Vec<Ident> = members.iter().map(|(key, _, _)| format_ident!("{}", upper_camel(key))).collect();
    let keys: Vec<&str> = members.iter().map(|(key, _, _)| *key).collect();
    let docs: Vec<&str> = members.iter().map(|(_, _, doc)| *doc).collect();
    let (titles, descriptions): (Vec<_>, Vec<_>) = members.iter().map(|(_, label, _)| label_tokens(label)).unzip();
    let n = Literal::usize_unsuffixed(members.len());
    let _ = registry;
    quote! {
        #[doc = #doc]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum #ty {
            #( #[doc = #docs] #variants, )*
        }

        impl #ty {
            /// Every value, in registry order.
            pub const ALL: [#ty; #n] = [#(#ty::#variants),*];

            /// The registry's key, e.g. `backoff`.
            pub const fn key(self) -> &'static str {
                match self {
                    #( #ty::#variants => #keys, )*
                }
            }

            /// A short title in `locale`.
            pub const fn title(self, locale: Locale) -> &'static str {
                let texts: &Texts = match self {
                    #( #ty::#variants => &#titles, )*
                };
                texts[locale.index()]
            }

            /// A one-sentence explanation in `locale`.
            pub const fn description(self, locale: Locale) -> &'static str {
                let texts: &Texts = match self {
                    #( #ty::#variants => &#descriptions, )*
                };
                texts[locale.index()]
            }
        }

        impl fmt::Display for #ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.key())
            }
        }
    }
}

fn range(registry: &Registry) -> TokenStream {
    let fallback = registry.fallback;
    let consts: Vec<TokenStream> = registry
        .ranges
        .iter()
        .map(|range| {
            let ident = format_ident!("{}", screaming_snake(&range.id));
            let id = &range.id;
            let (start, end) = (num(range.start), num(range.end));
            let sendable = range.sendable;
            let reconnect = format_ident!("{}", upper_camel(range.reconnect.key()));
            let (title, description) = label_tokens(&range.label);
            let doc = format!(" {}-{}: {}.", range.start, range.end, escape_doc(range.label.title.get(fallback)));
            quote! {
                #[doc = #doc]
                pub const #ident: Range = Range {
                    id: #id,
                    start: #start,
                    end: #end,
                    sendable: #sendable,
                    reconnect: Reconnect::#reconnect,
                    title: &#title,
                    description: &#description,
                };
            }
        })
        .collect();
    let idents: Vec<Ident> = registry.ranges.iter().map(|r| format_ident!("{}", screaming_snake(&r.id))).collect();
    let starts: Vec<Literal> = registry.ranges.iter().map(|r| num(r.start)).collect();
    let ends: Vec<Literal> = registry.ranges.iter().map(|r| num(r.end)).collect();
    let n = Literal::usize_unsuffixed(idents.len());
    // Ranges are sorted and disjoint: they cover every u16 when their sizes add up to 65,536.
    let covered: u32 = registry.ranges.iter().map(|r| u32::from(r.end) - u32::from(r.start) + 1).sum();
    let otherwise = if covered == 65_536 { quote!() } else { quote!(_ => None,) };
    quote! {
        /// A contiguous block of close codes with a shared meaning (RFC 6455, section 7.4.2).
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        pub struct Range {
            id: &'static str,
            start: u16,
            end: u16,
            sendable: bool,
            reconnect: Reconnect,
            title: &'static Texts,
            description: &'static Texts,
        }

        impl Range {
            #(#consts)*

            /// Every range, ascending.
            pub const ALL: [Range; #n] = [#(Range::#idents),*];

            /// The range holding `code`, if any.
            pub const fn of(code: u16) -> Option<Range> {
                match code {
                    #( #starts..=#ends => Some(Range::#idents), )*
                    #otherwise
                }
            }

            /// The stable kebab-case id, e.g. `private`.
            pub const fn id(self) -> &'static str {
                self.id
            }

            /// The first code of the range.
            pub const fn start(self) -> u16 {
                self.start
            }

            /// The last code of the range (inclusive).
            pub const fn end(self) -> u16 {
                self.end
            }

            /// Does the range hold `code`?
            pub const fn contains(self, code: u16) -> bool {
                self.start <= code && code <= self.end
            }

            /// May a code of this range without an entry of its own appear in a Close frame?
            pub const fn is_sendable(self) -> bool {
                self.sendable
            }

            /// The reconnect hint for codes of this range without an entry of their own.
            pub const fn reconnect(self) -> Reconnect {
                self.reconnect
            }

            /// The range's title in `locale`.
            pub const fn title(self, locale: Locale) -> &'static str {
                self.title[locale.index()]
            }

            /// The range's description in `locale`.
            pub const fn description(self, locale: Locale) -> &'static str {
                self.description[locale.index()]
            }
        }

        impl fmt::Debug for Range {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "Range({} {}-{})", self.id, self.start, self.end)
            }
        }
    }
}

fn code_doc(code: &Code, fallback: usize) -> Vec<String> {
    let mut lines = vec![
        format!(" {}: {}.", code.code, escape_doc(code.label.title.get(fallback))),
        String::new(),
        format!(" {}", escape_doc(code.label.description.get(fallback))),
    ];
    let defined = match (&code.reference, &code.url) {
        (Some(reference), Some(url)) => Some(format!(" Defined in [{}](<{}>).", escape_doc(reference), url)),
        (Some(reference), None) => Some(format!(" Defined in {}.", escape_doc(reference))),
        (None, Some(url)) => Some(format!(" Defined in <{url}>.")),
        (None, None) => None,
    };
    lines.extend(defined.into_iter().flat_map(|line| [String::new(), line]));
    lines
}

/// Makes registry text safe inside rustdoc Markdown: no accidental links, emphasis or HTML.
fn escape_doc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '{' | '}') {
            out.push('\\');
        }
        if c == '\n' {
            out.push_str("\n ");
        } else {
            out.push(c);
        }
    }
    out
}

fn close_code(registry: &Registry) -> TokenStream {
    let fallback = registry.fallback;
    let mut consts = Vec::new();
    for code in &registry.codes {
        let ident = format_ident!("{}", identifier(&code.name));
        let number = num(code.code);
        let docs = code_doc(code, fallback);
        consts.push(quote! {
            #(#[doc = #docs])*
            pub const #ident: CloseCode = CloseCode(#number);
        });
        for alias in &code.aliases {
            let alias_ident = format_ident!("{}", identifier(alias));
            let note = format!("use `CloseCode::{}`", code.name);
            let doc = format!(" Former name of [`CloseCode::{}`] ({}).", code.name, code.code);
            consts.push(quote! {
                #[doc = #doc]
                #[deprecated(note = #note)]
                pub const #alias_ident: CloseCode = CloseCode(#number);
            });
        }
    }
    let all: Vec<Ident> = registry.codes.iter().map(|c| format_ident!("{}", identifier(&c.name))).collect();
    let n = Literal::usize_unsuffixed(all.len());
    let sendable: Vec<TokenStream> = super::sendable_runs(registry)
        .into_iter()
        .map(|(start, end)| {
            let (first, last) = (num(start), num(end));
            if start == end { quote!(#first) } else { quote!(#first..=#last) }
        })
        .collect();
    let sendable_match = if sendable.is_empty() { quote!(false) } else { quote!(matches!(self.0, #(#sendable)|*)) };
    let numbers: Vec<Literal> = registry.codes.iter().map(|c| num(c.code)).collect();
    let indices: Vec<Literal> = (0..numbers.len()).map(Literal::usize_unsuffixed).collect();
    let mut names: Vec<(String, u16)> = registry
        .codes
        .iter()
        .flat_map(|code| std::iter::once(&code.name).chain(&code.aliases).map(|name| (name.clone(), code.code)))
        .collect();
    names.sort();
    let (name_strings, name_numbers): (Vec<String>, Vec<Literal>) =
        names.into_iter().map(|(name, code)| (name, num(code))).unzip();
    let names_len = name_strings.len();
    let (oor_title, oor_description) = label_tokens(&registry.out_of_range);
    let oor_reconnect = format_ident!("{}", upper_camel(registry.out_of_range_reconnect.key()));
    quote! {
        /// A WebSocket close code: any `u16`, registered or not.
        ///
        /// Constants name the registered codes; [`CloseCode::from`] accepts every other number too,
        /// so a code received on the wire is always representable. Whether a code has a name and
        /// whether it may be sent are separate questions: see [`CloseCode::is_sendable`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[repr(transparent)]
        pub struct CloseCode(u16);

        #[allow(deprecated)]
        impl CloseCode {
            #(#consts)*

            /// Every registered code, ascending.
            pub const ALL: [CloseCode; #n] = [#(CloseCode::#all),*];

            /// The code for `code`.
            pub const fn new(code: u16) -> CloseCode {
                CloseCode(code)
            }

            /// The number sent on the wire.
            pub const fn as_u16(self) -> u16 {
                self.0
            }

            /// Does the registry define this code?
            pub const fn is_known(self) -> bool {
                self.entry().is_some()
            }

            /// May this code appear in a Close frame?
            ///
            /// True exactly for the registered codes that may be sent and for the unassigned codes
            /// of ranges open to applications; false for codes that are only reported locally.
            pub const fn is_sendable(self) -> bool {
                #sendable_match
            }

            /// The range that holds this code, if any.
            pub const fn range(self) -> Option<Range> {
                Range::of(self.0)
            }

            /// The canonical constant name, e.g. `BAD_GATEWAY`, for a registered code.
            pub const fn name(self) -> Option<&'static str> {
                match self.entry() {
                    Some(entry) => Some(entry.name),
                    None => None,
                }
            }

            /// Former constant names of a registered code, sorted; empty otherwise.
            pub const fn aliases(self) -> &'static [&'static str] {
                match self.entry() {
                    Some(entry) => entry.aliases,
                    None => &[],
                }
            }

            /// The name in the IANA registry, e.g. `Bad Gateway`, for a registered code.
            pub const fn iana_name(self) -> Option<&'static str> {
                match self.entry() {
                    Some(entry) => entry.iana_name,
                    None => None,
                }
            }

            /// Where a registered code is defined, e.g. `RFC 6455, section 7.4.1`.
            pub const fn reference(self) -> Option<&'static str> {
                match self.entry() {
                    Some(entry) => entry.reference,
                    None => None,
                }
            }

            /// A link to that definition.
            pub const fn url(self) -> Option<&'static str> {
                match self.entry() {
                    Some(entry) => entry.url,
                    None => None,
                }
            }

            /// Who sends a registered code.
            pub const fn sender(self) -> Option<Sender> {
                match self.entry() {
                    Some(entry) => Some(entry.sender),
                    None => None,
                }
            }

            /// What a client should do after a connection closed with this code.
            pub const fn reconnect(self) -> Reconnect {
                match (self.entry(), self.range()) {
                    (Some(entry), _) => entry.reconnect,
                    (None, Some(range)) => range.reconnect(),
                    (None, None) => Reconnect::#oor_reconnect,
                }
            }

            /// A short title in `locale`; unregistered codes get their range's.
            pub const fn title(self, locale: Locale) -> &'static str {
                match (self.entry(), self.range()) {
                    (Some(entry), _) => entry.title[locale.index()],
                    (None, Some(range)) => range.title(locale),
                    (None, None) => OUT_OF_RANGE_TITLE[locale.index()],
                }
            }

            /// A full description in `locale`; unregistered codes get their range's, and numbers
            /// outside every range a text saying that they are not valid close codes.
            pub const fn description(self, locale: Locale) -> &'static str {
                match (self.entry(), self.range()) {
                    (Some(entry), _) => entry.description[locale.index()],
                    (None, Some(range)) => range.description(locale),
                    (None, None) => OUT_OF_RANGE_DESCRIPTION[locale.index()],
                }
            }

            const fn entry(self) -> Option<&'static Entry> {
                match self.0 {
                    #( #numbers => Some(&ENTRIES[#indices]), )*
                    _ => None,
                }
            }
        }

        impl From<u16> for CloseCode {
            fn from(code: u16) -> CloseCode {
                CloseCode(code)
            }
        }

        impl From<CloseCode> for u16 {
            fn from(code: CloseCode) -> u16 {
                code.0
            }
        }

        impl PartialEq<u16> for CloseCode {
            fn eq(&self, other: &u16) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<CloseCode> for u16 {
            fn eq(&self, other: &CloseCode) -> bool {
                *self == other.0
            }
        }

        /// `1014 Bad Gateway` (the IANA name) for a registered code, else its title in the
        /// fallback locale; `4002 (Private use)` (its range's title) for any other number.
        impl fmt::Display for CloseCode {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match (self.iana_name(), self.is_known()) {
                    (Some(name), _) => write!(f, "{} {}", self.0, name),
                    (None, true) => write!(f, "{} {}", self.0, self.title(Locale::FALLBACK)),
                    (None, false) => write!(f, "{} ({})", self.0, self.title(Locale::FALLBACK)),
                }
            }
        }

        /// The error of parsing a [`CloseCode`] from text that is neither a number in
        /// `0..=65535` nor a constant name.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct ParseCloseCodeError;

        impl fmt::Display for ParseCloseCodeError {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("expected a close code number (0-65535) or constant name")
            }
        }

        impl core::error::Error for ParseCloseCodeError {}

        /// Constant names and aliases, sorted, with their codes.
        const NAMES: [(&str, u16); #names_len] = [#( (#name_strings, #name_numbers) ),*];

        impl FromStr for CloseCode {
            type Err = ParseCloseCodeError;

            /// Parses a number (`"1014"`) or a constant name or alias (`"BAD_GATEWAY"`, in any
            /// letter case).
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                let text = text.trim();
                if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
                    return text.parse::<u16>().map(CloseCode).map_err(|_| ParseCloseCodeError);
                }
                NAMES
                    .iter()
                    .find(|(name, _)| name.eq_ignore_ascii_case(text))
                    .map(|&(_, code)| CloseCode(code))
                    .ok_or(ParseCloseCodeError)
            }
        }

        /// Title of a number outside every range.
        const OUT_OF_RANGE_TITLE: Texts = #oor_title;
        /// Description of a number outside every range.
        const OUT_OF_RANGE_DESCRIPTION: Texts = #oor_description;
    }
}

fn entries(registry: &Registry) -> TokenStream {
    let rows: Vec<TokenStream> = registry
        .codes
        .iter()
        .map(|code| {
            let name = &code.name;
            let aliases = &code.aliases;
            let iana = optional(code.iana_name.as_deref());
            let reference = optional(code.reference.as_deref());
            let url = optional(code.url.as_deref());
            let sender = format_ident!("{}", upper_camel(code.sender.key()));
            let reconnect = format_ident!("{}", upper_camel(code.reconnect.key()));
            let (title, description) = label_tokens(&code.label);
            quote! {
                Entry {
                    name: #name,
                    aliases: &[#(#aliases),*],
                    iana_name: #iana,
                    reference: #reference,
                    url: #url,
                    sender: Sender::#sender,
                    reconnect: Reconnect::#reconnect,
                    title: #title,
                    description: #description,
                }
            }
        })
        .collect();
    let n = Literal::usize_unsuffixed(rows.len());
    quote! {
        /// What the registry says about one registered code.
        struct Entry {
            name: &'static str,
            aliases: &'static [&'static str],
            iana_name: Option<&'static str>,
            reference: Option<&'static str>,
            url: Option<&'static str>,
            sender: Sender,
            reconnect: Reconnect,
            title: Texts,
            description: Texts,
        }

        /// Registered codes, ascending; `CloseCode::entry` maps numbers to indices.
        static ENTRIES: [Entry; #n] = [#(#rows),*];
    }
}
