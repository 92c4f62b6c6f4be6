//! `CloseCode`: the newtype over `u16`, its constants and lookups, and the table of entries.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::*;

fn code_doc(code: &Code, fallback: usize) -> Vec<String> {
    let mut lines = vec![
        format!(" {}: {}.", code.code, escape_doc(code.label.title.get(fallback))),
        String::new(),
        format!(" {}", escape_doc(code.label.description.get(fallback))),
    ];
    let defined = match (code.reference.as_ref().map(|texts| texts.get(fallback)), &code.url) {
        (Some(reference), Some(url)) => Some(format!(" Defined in [{}](<{}>).", escape_doc(reference), url)),
        (Some(reference), None) => Some(format!(" Defined in {}.", escape_doc(reference))),
        (None, Some(url)) => Some(format!(" Defined in <{url}>.")),
        (None, None) => None,
    };
    lines.extend(defined.into_iter().flat_map(|line| [String::new(), line]));
    lines
}

pub(super) fn close_code(registry: &Registry) -> TokenStream {
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
    // One unsigned comparison per run, combined without branches: `c - start <= end - start`
    // wraps around for codes below `start`.
    let runs = crate::emit::sendable_runs(registry);
    let sendable: Vec<TokenStream> = runs
        .iter()
        .copied()
        .map(|(start, end)| {
            let (first, last, width) = (num(start), num(end), num(end - start));
            // Bounds at the ends of u16 need no comparison (rustc rejects useless ones).
            match (start, end) {
                (0, u16::MAX) => quote!(true),
                (0, _) => quote!(self.0 <= #last),
                (_, u16::MAX) => quote!(self.0 >= #first),
                _ if start == end => quote!(self.0 == #first),
                _ => quote!(self.0.wrapping_sub(#first) <= #width),
            }
        })
        .collect();
    let sendable_match = match sendable.as_slice() {
        [] => quote!(false),
        [only] => only.clone(),
        several if several.len() <= super::super::INLINE_RUNS => quote!(#((#several))|*),
        // A long `|` chain nests as deep as it is long; an or-pattern stays flat.
        _ => {
            let patterns = runs.iter().map(|&(start, end)| {
                let (first, last) = (num(start), num(end));
                if start == end { quote!(#first) } else { quote!(#first..=#last) }
            });
            quote!(matches!(self.0, #(#patterns)|*))
        }
    };
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
            #[inline]
            pub const fn new(code: u16) -> CloseCode {
                CloseCode(code)
            }

            /// The number sent on the wire.
            #[inline]
            pub const fn as_u16(self) -> u16 {
                self.0
            }

            /// Does the registry define this code?
            #[inline]
            pub const fn is_known(self) -> bool {
                self.entry().is_some()
            }

            /// May this code appear in a Close frame?
            ///
            /// True exactly for the registered codes that may be sent and for the unassigned codes
            /// of ranges open to applications; false for codes that are only reported locally.
            #[inline]
            pub const fn is_sendable(self) -> bool {
                #sendable_match
            }

            /// The range that holds this code, if any.
            #[inline]
            pub const fn range(self) -> Option<Range> {
                Range::of(self.0)
            }

            /// The canonical constant name, e.g. `BAD_GATEWAY`, for a registered code.
            #[inline]
            pub const fn name(self) -> Option<&'static str> {
                match self.entry() {
                    Some(entry) => Some(entry.name),
                    None => None,
                }
            }

            /// Former constant names of a registered code, sorted; empty otherwise.
            #[inline]
            pub const fn aliases(self) -> &'static [&'static str] {
                match self.entry() {
                    Some(entry) => entry.aliases,
                    None => &[],
                }
            }

            /// The name in the IANA registry, e.g. `Bad Gateway`, for a registered code.
            #[inline]
            pub const fn iana_name(self) -> Option<&'static str> {
                match self.entry() {
                    Some(entry) => entry.iana_name,
                    None => None,
                }
            }

            /// Where a registered code is defined, in `locale`, e.g. `RFC 6455, section 7.4.1`.
            #[inline]
            pub const fn reference(self, locale: Locale) -> Option<&'static str> {
                match self.entry() {
                    Some(Entry { reference: Some(texts), .. }) => Some(texts[locale.index()]),
                    _ => None,
                }
            }

            /// A link to that definition.
            #[inline]
            pub const fn url(self) -> Option<&'static str> {
                match self.entry() {
                    Some(entry) => entry.url,
                    None => None,
                }
            }

            /// Who sends a registered code.
            #[inline]
            pub const fn sender(self) -> Option<Sender> {
                match self.entry() {
                    Some(entry) => Some(entry.sender),
                    None => None,
                }
            }

            /// What a client should do after the peer closed the connection with this code. Never
            /// used after the client's own close: a client that closed the connection itself does
            /// not reconnect.
            #[inline]
            pub const fn reconnect(self) -> Reconnect {
                match (self.entry(), self.range()) {
                    (Some(entry), _) => entry.reconnect,
                    (None, Some(range)) => range.reconnect(),
                    (None, None) => Reconnect::#oor_reconnect,
                }
            }

            /// A short title in `locale`; unregistered codes get their range's.
            #[inline]
            pub const fn title(self, locale: Locale) -> &'static str {
                match (self.entry(), self.range()) {
                    (Some(entry), _) => entry.title[locale.index()],
                    (None, Some(range)) => range.title(locale),
                    (None, None) => OUT_OF_RANGE_TITLE[locale.index()],
                }
            }

            /// A full description in `locale`; unregistered codes get their range's, and numbers
            /// outside every range a text saying that they are not valid close codes.
            #[inline]
            pub const fn description(self, locale: Locale) -> &'static str {
                match (self.entry(), self.range()) {
                    (Some(entry), _) => entry.description[locale.index()],
                    (None, Some(range)) => range.description(locale),
                    (None, None) => OUT_OF_RANGE_DESCRIPTION[locale.index()],
                }
            }

            #[inline]
            const fn entry(self) -> Option<&'static Entry> {
                match self.0 {
                    #( #numbers => Some(&ENTRIES[#indices]), )*
                    _ => None,
                }
            }
        }

        impl From<u16> for CloseCode {
            #[inline]
            fn from(code: u16) -> CloseCode {
                CloseCode(code)
            }
        }

        impl From<CloseCode> for u16 {
            #[inline]
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

pub(super) fn entries(registry: &Registry) -> TokenStream {
    let rows: Vec<TokenStream> = registry
        .codes
        .iter()
        .map(|code| {
            let name = &code.name;
            let aliases = &code.aliases;
            let iana = optional(code.iana_name.as_deref());
            let reference = match &code.reference {
                Some(reference) => {
                    let texts = texts(reference.iter());
                    quote!(Some(#texts))
                }
                None => quote!(None),
            };
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
            reference: Option<Texts>,
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
