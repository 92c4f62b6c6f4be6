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
            #[inline]
            pub const fn of(code: u16) -> Option<Range> {
                match code {
                    #( #starts..=#ends => Some(Range::#idents), )*
                    #otherwise
                }
            }

            /// The stable kebab-case id, e.g. `private`.
            #[inline]
            pub const fn id(self) -> &'static str {
                self.id
            }

            /// The first code of the range.
            #[inline]
            pub const fn start(self) -> u16 {
                self.start
            }

            /// The last code of the range (inclusive).
            #[inline]
            pub const fn end(self) -> u16 {
                self.end
            }

            /// Does the range hold `code`?
            #[inline]
            pub const fn contains(self, code: u16) -> bool {
                self.start <= code && code <= self.end
            }

            /// May a code of this range without an entry of its own appear in a Close frame?
            #[inline]
            pub const fn is_sendable(self) -> bool {
                self.sendable
            }

            /// The reconnect hint for codes of this range without an entry of their own.
            #[inline]
            pub const fn reconnect(self) -> Reconnect {
                self.reconnect
            }

            /// The range's title in `locale`.
            #[inline]
            pub const fn title(self, locale: Locale) -> &'static str {
                self.title[locale.index()]
            }

            /// The range's description in `locale`.
            #[inline]
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
