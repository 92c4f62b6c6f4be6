//! `Locale`: the registry's locales, their tags and `Locale::negotiate`.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::*;

fn locale_variant(tag: &str) -> Ident {
    format_ident!("{}", upper_camel(tag))
}

pub(super) fn locale(registry: &Registry) -> TokenStream {
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
            #[inline]
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

            #[inline]
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
