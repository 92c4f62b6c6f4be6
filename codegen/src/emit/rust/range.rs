//! `Range`: the registry's ranges, as constants with their bounds and texts.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::*;

pub(super) fn range(registry: &Registry) -> TokenStream {
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
            let example = format!(" assert_eq!(Range::of({}), Some(Range::{ident}));", range.start);
            quote! {
                #[doc = #doc]
                ///
                /// # Examples
                ///
                /// ```
                /// # use ws_close_codes::*;
                #[doc = #example]
                /// ```
                pub const #ident: Range = Range {
                    id: #id,
                    start: #start,
                    end: #end,
                    sendable: #sendable,
                    reconnect: Reconnect::#reconnect,
                    title: #title,
                    description: #description,
                };
            }
        })
        .collect();
    let idents: Vec<Ident> = registry.ranges.iter().map(|r| format_ident!("{}", screaming_snake(&r.id))).collect();
    let starts: Vec<Literal> = registry.ranges.iter().map(|r| num(r.start)).collect();
    let ends: Vec<Literal> = registry.ranges.iter().map(|r| num(r.end)).collect();
    let first = &registry.ranges[0];
    let first_ident = &idents[0];
    let (first_id, first_start, first_end) = (&first.id, first.start, first.end);
    let examples = RangeExamples {
        of: format!(" assert_eq!(Range::of({first_start}), Some(Range::{first_ident}));"),
        id: format!(" assert_eq!(Range::{first_ident}.id(), {first_id:?});"),
        start: format!(" assert_eq!(Range::{first_ident}.start(), {first_start});"),
        end: format!(" assert_eq!(Range::{first_ident}.end(), {first_end});"),
        contains: format!(" assert!(Range::{first_ident}.contains({first_end}));"),
        sendable: format!(" assert_eq!(Range::{first_ident}.is_sendable(), {});", first.sendable),
        reconnect: format!(" assert_eq!(Range::{first_ident}.reconnect().key(), {:?});", first.reconnect.key()),
        title: format!(" assert!(!Range::{first_ident}.title(Locale::FALLBACK).is_empty());"),
        description: format!(" assert!(!Range::{first_ident}.description(Locale::FALLBACK).is_empty());"),
    };
    let RangeExamples { of, id, start, end, contains, sendable, reconnect, title, description } = examples;
    // Ranges are sorted and disjoint: they cover every u16 when their sizes add up to 65,536.
    let covered: u32 = registry.ranges.iter().map(|r| u32::from(r.end) - u32::from(r.start) + 1).sum();
    let otherwise = if covered == 65_536 { quote!() } else { quote!(_ => None,) };
    quote! {
        /// A contiguous block of close codes with a shared meaning (RFC 6455, section 7.4.2).
        ///
        /// # Examples
        ///
        /// ```
        /// # use ws_close_codes::*;
        #[doc = #of]
        /// ```
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        pub struct Range {
            id: &'static str,
            start: u16,
            end: u16,
            sendable: bool,
            reconnect: Reconnect,
            title: Texts,
            description: Texts,
        }

        impl Range {
            #(#consts)*

            /// Every range, ascending.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            /// assert!(Range::ALL.windows(2).all(|pair| pair[0].end() < pair[1].start()));
            /// ```
            pub const ALL: &'static [Range] = &[#(Range::#idents),*];

            /// The range holding `code`, if any.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #[doc = #of]
            /// ```
            #[inline]
            #[must_use]
            pub const fn of(code: u16) -> Option<Range> {
                match code {
                    #( #starts..=#ends => Some(Range::#idents), )*
                    #otherwise
                }
            }

            /// The stable kebab-case id, e.g. `private`.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #[doc = #id]
            /// ```
            #[inline]
            #[must_use]
            pub const fn id(self) -> &'static str {
                self.id
            }

            /// The first code of the range.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #[doc = #start]
            /// ```
            #[inline]
            #[must_use]
            pub const fn start(self) -> u16 {
                self.start
            }

            /// The last code of the range (inclusive).
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #[doc = #end]
            /// ```
            #[inline]
            #[must_use]
            pub const fn end(self) -> u16 {
                self.end
            }

            /// Does the range hold `code`?
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #[doc = #contains]
            /// ```
            #[inline]
            #[must_use]
            pub const fn contains(self, code: u16) -> bool {
                self.start <= code && code <= self.end
            }

            /// May a code of this range without an entry of its own appear in a Close frame?
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #[doc = #sendable]
            /// ```
            #[inline]
            #[must_use]
            pub const fn is_sendable(self) -> bool {
                self.sendable
            }

            /// The reconnect hint for codes of this range without an entry of their own.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #[doc = #reconnect]
            /// ```
            #[inline]
            #[must_use]
            pub const fn reconnect(self) -> Reconnect {
                self.reconnect
            }

            /// The range's title in `locale`.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #[doc = #title]
            /// ```
            #[inline]
            #[must_use]
            pub const fn title(self, locale: Locale) -> &'static str {
                text(self.title, locale)
            }

            /// The range's description in `locale`.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #[doc = #description]
            /// ```
            #[inline]
            #[must_use]
            pub const fn description(self, locale: Locale) -> &'static str {
                text(self.description, locale)
            }
        }

        impl fmt::Debug for Range {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "Range({} {}-{})", self.id, self.start, self.end)
            }
        }
    }
}

/// The example line of each method of `Range`, for the first range of the registry.
struct RangeExamples {
    of: String,
    id: String,
    start: String,
    end: String,
    contains: String,
    sendable: String,
    reconnect: String,
    title: String,
    description: String,
}
