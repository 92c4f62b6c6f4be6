//! `CloseCode`: the newtype over `u16`, its constants and lookups, and the table of entries.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::*;

pub(super) fn close_code(registry: &Registry) -> TokenStream {
    let CodeExamples {
        ex_type,
        ex_new,
        ex_as_u16,
        ex_is_known,
        ex_is_sendable,
        ex_range,
        ex_name,
        ex_aliases,
        ex_iana_name,
        ex_reference,
        ex_url,
        ex_sender,
        ex_reconnect,
        ex_title,
        ex_description,
    } = code_examples(registry);
    let predicates = range_predicates(registry);
    let consts_placeholder = tables::placeholder(1);
    let sendable_placeholder = tables::placeholder(2);
    let lookups_placeholder = tables::placeholder(3);
    let statics_placeholder = tables::placeholder(4);
    let oor_reconnect = format_ident!("{}", upper_camel(registry.out_of_range_reconnect.key()));
    quote! {
        /// A WebSocket close code: any `u16`, registered or not.
        ///
        /// Constants name the registered codes; [`CloseCode::from`] accepts every other number too,
        /// so a code received on the wire is always representable. Whether a code has a name and
        /// whether it may be sent are separate questions: see [`CloseCode::is_sendable`].
        ///
        /// # Examples
        ///
        /// ```
        /// # use ws_close_codes::*;
        #(#[doc = #ex_type])*
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[repr(transparent)]
        pub struct CloseCode(u16);

        #[allow(deprecated)]
        impl CloseCode {
            #consts_placeholder

            #(#predicates)*

            /// The code for `code`.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #(#[doc = #ex_new])*
            /// ```
            #[inline]
            #[must_use]
            pub const fn new(code: u16) -> CloseCode {
                CloseCode(code)
            }

            /// The number sent on the wire.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #(#[doc = #ex_as_u16])*
            /// ```
            #[inline]
            #[must_use]
            pub const fn as_u16(self) -> u16 {
                self.0
            }

            /// Does the registry define this code?
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #(#[doc = #ex_is_known])*
            /// ```
            #[inline]
            #[must_use]
            pub const fn is_known(self) -> bool {
                self.entry().is_some()
            }

            /// May this code appear in a Close frame?
            ///
            /// True exactly for the registered codes that may be sent and for the unassigned codes
            /// of ranges open to applications; false for codes that are only reported locally.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #(#[doc = #ex_is_sendable])*
            /// ```
            #[inline]
            #[must_use]
            pub const fn is_sendable(self) -> bool {
                #sendable_placeholder
            }

            /// The range that holds this code, if any.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #(#[doc = #ex_range])*
            /// ```
            #[inline]
            #[must_use]
            pub const fn range(self) -> Option<Range> {
                Range::of(self.0)
            }

            /// The canonical constant name, e.g. `BAD_GATEWAY`, for a registered code.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #(#[doc = #ex_name])*
            /// ```
            #[inline]
            #[must_use]
            pub const fn name(self) -> Option<&'static str> {
                match self.entry() {
                    Some(entry) => Some(entry.name),
                    None => None,
                }
            }

            /// Former constant names of a registered code, sorted; empty otherwise.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #(#[doc = #ex_aliases])*
            /// ```
            #[inline]
            #[must_use]
            pub const fn aliases(self) -> &'static [&'static str] {
                match self.entry() {
                    Some(entry) => entry.aliases,
                    None => &[],
                }
            }

            /// The name in the IANA registry, e.g. `Bad Gateway`, for a registered code.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #(#[doc = #ex_iana_name])*
            /// ```
            #[inline]
            #[must_use]
            pub const fn iana_name(self) -> Option<&'static str> {
                match self.entry() {
                    Some(entry) => entry.iana_name,
                    None => None,
                }
            }

            /// Where a registered code is defined, in `locale`, e.g. `RFC 6455, section 7.4.1`.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #(#[doc = #ex_reference])*
            /// ```
            #[inline]
            #[must_use]
            pub const fn reference(self, locale: Locale) -> Option<&'static str> {
                let reference = match self.entry() {
                    Some(entry) => entry.reference,
                    None => None,
                };
                match reference {
                    Some(first) => Some(text(first, locale)),
                    None => None,
                }
            }

            /// A link to that definition.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #(#[doc = #ex_url])*
            /// ```
            #[inline]
            #[must_use]
            pub const fn url(self) -> Option<&'static str> {
                match self.entry() {
                    Some(entry) => entry.url,
                    None => None,
                }
            }

            /// Who sends a registered code.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #(#[doc = #ex_sender])*
            /// ```
            #[inline]
            #[must_use]
            pub const fn sender(self) -> Option<Sender> {
                match self.entry() {
                    Some(entry) => Some(entry.sender),
                    None => None,
                }
            }

            /// What a client should do after the peer closed the connection with this code. Never
            /// used after the client's own close: a client that closed the connection itself does
            /// not reconnect.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #(#[doc = #ex_reconnect])*
            /// ```
            #[inline]
            #[must_use]
            pub const fn reconnect(self) -> Reconnect {
                match (self.entry(), self.range()) {
                    (Some(entry), _) => entry.reconnect,
                    (None, Some(range)) => range.reconnect(),
                    (None, None) => Reconnect::#oor_reconnect,
                }
            }

            /// A short title in `locale`; unregistered codes get their range's.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #(#[doc = #ex_title])*
            /// ```
            #[inline]
            #[must_use]
            pub const fn title(self, locale: Locale) -> &'static str {
                TEXTS[self.label() + locale.index()]
            }

            /// A full description in `locale`; unregistered codes get their range's, and numbers
            /// outside every range a text saying that they are not valid close codes.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #(#[doc = #ex_description])*
            /// ```
            #[inline]
            #[must_use]
            pub const fn description(self, locale: Locale) -> &'static str {
                TEXTS[self.label() + Locale::ALL.len() + locale.index()]
            }

            #lookups_placeholder
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
        ///
        /// # Examples
        ///
        /// ```
        /// # use ws_close_codes::*;
        /// let error = "no such code".parse::<CloseCode>().unwrap_err();
        /// assert_eq!(error.to_string(), "expected a close code number (0-65535) or constant name");
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct ParseCloseCodeError(());

        impl fmt::Display for ParseCloseCodeError {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("expected a close code number (0-65535) or constant name")
            }
        }

        impl core::error::Error for ParseCloseCodeError {}


        impl FromStr for CloseCode {
            type Err = ParseCloseCodeError;

            /// Parses a number (`"1014"`) or a constant name or alias (`"BAD_GATEWAY"`, in any
            /// letter case).
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                let text = text.trim();
                if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
                    return text.parse::<u16>().map(CloseCode).map_err(|_| ParseCloseCodeError(()));
                }
                NAMES
                    .iter()
                    .find(|(name, _)| name.eq_ignore_ascii_case(text))
                    .map(|&(_, code)| CloseCode(code))
                    .ok_or(ParseCloseCodeError(()))
            }
        }

        #statics_placeholder
    }
}

/// `/// ```` lines of an example: each line gets the leading space of a doc comment.
fn examples(lines: &[String]) -> Vec<String> {
    lines.iter().map(|line| format!(" {line}")).collect()
}

/// The example lines of `CloseCode` and each of its methods, for one code of the registry.
struct CodeExamples {
    ex_type: Vec<String>,
    ex_new: Vec<String>,
    ex_as_u16: Vec<String>,
    ex_is_known: Vec<String>,
    ex_is_sendable: Vec<String>,
    ex_range: Vec<String>,
    ex_name: Vec<String>,
    ex_aliases: Vec<String>,
    ex_iana_name: Vec<String>,
    ex_reference: Vec<String>,
    ex_url: Vec<String>,
    ex_sender: Vec<String>,
    ex_reconnect: Vec<String>,
    ex_title: Vec<String>,
    ex_description: Vec<String>,
}

/// Examples whose expected values come from the model, so they hold for any registry.
fn code_examples(registry: &Registry) -> CodeExamples {
    let code = registry.codes.iter().find(|code| code.sendable).or(registry.codes.first());
    let (number, constant) = match code {
        Some(code) => (code.code, format!("CloseCode::{}", code.name)),
        None => (4000, "CloseCode::new(4000)".to_owned()),
    };
    let answer = registry.answer(number);
    let known = answer.code;
    let range = answer.range.map(|range| range.id.as_str());
    let option = |text: Option<&str>| text.map_or_else(|| "None".to_owned(), |text| format!("Some({text:?})"));
    let fallback_title = answer.label.title.get(registry.fallback);
    CodeExamples {
        ex_type: examples(&[
            format!("let code = CloseCode::from({number});"),
            format!("assert_eq!(code, {constant});"),
            format!("assert_eq!(u16::from(code), {number});"),
        ]),
        ex_new: examples(&[format!("assert_eq!(CloseCode::new({number}), {constant});")]),
        ex_as_u16: examples(&[format!("assert_eq!({constant}.as_u16(), {number});")]),
        ex_is_known: examples(&[format!("assert_eq!({constant}.is_known(), {});", known.is_some())]),
        ex_is_sendable: examples(&[format!("assert_eq!({constant}.is_sendable(), {});", answer.sendable)]),
        ex_range: examples(&[format!("assert_eq!({constant}.range().map(Range::id), {});", option(range))]),
        ex_name: examples(&[format!(
            "assert_eq!(CloseCode::new({number}).name(), {});",
            option(known.map(|code| code.name.as_str()))
        )]),
        ex_aliases: examples(&[format!(
            "assert_eq!({constant}.aliases().len(), {});",
            known.map_or(0, |code| code.aliases.len())
        )]),
        ex_iana_name: examples(&[format!(
            "assert_eq!({constant}.iana_name(), {});",
            option(known.and_then(|code| code.iana_name.as_deref()))
        )]),
        ex_reference: examples(&[format!(
            "assert_eq!({constant}.reference(Locale::FALLBACK), {});",
            option(known.and_then(|code| code.reference.as_ref().map(|r| r.get(registry.fallback))))
        )]),
        ex_url: examples(&[format!(
            "assert_eq!({constant}.url().is_some(), {});",
            known.is_some_and(|c| c.url.is_some())
        )]),
        ex_sender: examples(&[format!(
            "assert_eq!({constant}.sender().map(Sender::key), {});",
            option(known.map(|code| code.sender.key()))
        )]),
        ex_reconnect: examples(&[format!("assert_eq!({constant}.reconnect().key(), {:?});", answer.reconnect.key())]),
        ex_title: examples(&[format!("assert_eq!({constant}.title(Locale::FALLBACK), {fallback_title:?});")]),
        ex_description: examples(&[format!("assert!(!{constant}.description(Locale::FALLBACK).is_empty());")]),
    }
}

/// `is_private` for the range id `private`: the predicate's name in Rust (snake_case).
pub(super) fn range_predicate(id: &str) -> String {
    format!("is_{}", id.replace('-', "_"))
}

/// `CloseCode::is_private` and the like: one predicate per range, named after its id.
fn range_predicates(registry: &Registry) -> Vec<TokenStream> {
    registry
        .ranges
        .iter()
        .map(|range| {
            let name = format_ident!("{}", range_predicate(&range.id));
            let (start, end) = (num(range.start), num(range.end));
            let doc = format!(" Is this code in the {}-{} range (`{}`)?", range.start, range.end, range.id);
            let mut lines = vec![format!("assert!(CloseCode::new({}).{name}());", range.start)];
            if range.end < u16::MAX {
                lines.push(format!("assert!(!CloseCode::new({}).{name}());", u32::from(range.end) + 1));
            }
            let example = examples(&lines);
            let test = match (range.start, range.end) {
                (0, u16::MAX) => quote!(true),
                (0, _) => quote!(self.0 <= #end),
                (_, u16::MAX) => quote!(self.0 >= #start),
                _ => quote!(#start <= self.0 && self.0 <= #end),
            };
            quote! {
                #[doc = #doc]
                ///
                /// # Examples
                ///
                /// ```
                /// # use ws_close_codes::*;
                #(#[doc = #example])*
                /// ```
                #[inline]
                #[must_use]
                pub const fn #name(self) -> bool {
                    #test
                }
            }
        })
        .collect()
}
