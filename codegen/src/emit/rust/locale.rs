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
        ///
        /// The registry may add locales, so the enum is `#[non_exhaustive]`.
        ///
        /// # Examples
        ///
        /// ```
        /// # use ws_close_codes::*;
        /// let locale: Locale = "ru".parse().unwrap();
        /// assert_eq!(locale.to_string(), "ru");
        /// assert_eq!(Locale::default(), Locale::FALLBACK);
        /// ```
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Locale {
            #( #[doc = #docs] #default_attrs #variants, )*
        }

        /// The language, script and region subtags of a locale.
        type Subtags = (&'static str, Option<&'static str>, Option<&'static str>);

        /// The subtags of each locale, in `Locale::ALL` order.
        const LOCALE_SUBTAGS: [Subtags; #n] = [#(#subtags),*];

        /// The locale and q-value of one item of a header, if it is well-formed and matches a
        /// locale: `*` stands for the fallback.
        fn parse_match(item: &str) -> Option<(Locale, u16)> {
            let (tag, quality) = parse_item(item)?;
            let locale = match tag {
                "*" => Locale::FALLBACK,
                _ => Locale::match_tag(tag)?,
            };
            Some((locale, quality))
        }

        /// The tag (or `*`) and q-value in thousandths of one item of an `Accept-Language`
        /// header; `None` for an empty or malformed item, and for `*;q=0`, which rules nothing out.
        fn parse_item(item: &str) -> Option<(&str, u16)> {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim();
            if tag.is_empty() {
                return None;
            }
            let mut quality = None;
            for parameter in parts {
                let (name, value) = parameter.split_once('=').unwrap_or((parameter, ""));
                if quality.is_none() && name.trim().eq_ignore_ascii_case("q") {
                    quality = Some(parse_quality(value.trim())?);
                }
            }
            let quality = quality.unwrap_or(1000);
            (tag != "*" || quality != 0).then_some((tag, quality))
        }

        /// A q-value (`0`, `0.5`, `0.125`, `1`, `1.000`; RFC 9110, section 12.4.2) in thousandths.
        fn parse_quality(text: &str) -> Option<u16> {
            let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
            if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let mut thousandths = 0;
            for place in 0..3 {
                let digit = fraction.as_bytes().get(place).map_or(0, |b| b - b'0');
                thousandths = thousandths * 10 + u16::from(digit);
            }
            match whole {
                "0" => Some(thousandths),
                "1" if thousandths == 0 => Some(1000),
                _ => None,
            }
        }

        impl Locale {
            /// Every locale, in registry order.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            /// assert!(Locale::ALL.contains(&Locale::FALLBACK));
            /// ```
            pub const ALL: &'static [Locale] = &[#(Locale::#variants),*];

            /// The locale used when no other matches.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            /// assert_eq!(Locale::negotiate("xx"), Locale::FALLBACK);
            /// ```
            pub const FALLBACK: Locale = Locale::#fallback;

            /// The BCP 47 tag, e.g. `zh-Hans`.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            /// assert_eq!(Locale::negotiate("zh-CN").tag(), "zh-Hans");
            /// ```
            #[inline]
            #[must_use]
            pub const fn tag(self) -> &'static str {
                match self {
                    #( Locale::#variants => #tags, )*
                }
            }

            /// The best locale for an `Accept-Language` header, a list of tags joined with `,`,
            /// or one tag such as `zh-CN`, `ru_RU` or `en-US`.
            ///
            /// Each tag is matched on its own: separators `-` and `_` and any letter case are
            /// accepted; a locale with the same language, script and region wins; Chinese picks
            /// its script from the tag or the region (`zh`, `zh-CN`, `zh-SG` are Simplified;
            /// `zh-TW`, `zh-HK`, `zh-MO` are Traditional); otherwise the language decides. Of the
            /// matches, the highest q-value wins and the earlier tag on a tie; `q=0` rules a
            /// locale out and `*` stands for [`Locale::FALLBACK`]. The fallback never outranks a
            /// locale listed before it: it can always be shown, so naming it says "this one too".
            /// When nothing matches, [`Locale::FALLBACK`].
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            /// assert_eq!(Locale::negotiate("ru-RU").tag(), "ru");
            /// assert_eq!(Locale::negotiate("ru;q=0.9, en").tag(), "ru");
            /// assert_eq!(Locale::negotiate("de-DE, zh-CN;q=0.8").tag(), "zh-Hans");
            /// assert_eq!(Locale::negotiate("de"), Locale::FALLBACK);
            /// ```
            #[must_use]
            pub fn negotiate(header: &str) -> Locale {
                Locale::negotiate_items(header.split(','))
            }

            /// The best locale for a list of tags, each of which may carry a q-value; the same
            /// rule as [`Locale::negotiate`].
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            /// assert_eq!(Locale::negotiate_list(&["zh-TW", "ru;q=0.5"]).tag(), "ru");
            /// assert_eq!(Locale::negotiate_list(&[]), Locale::FALLBACK);
            /// ```
            #[must_use]
            pub fn negotiate_list(tags: &[&str]) -> Locale {
                Locale::negotiate_items(tags.iter().copied())
            }

            /// The rule of [`Locale::negotiate`] over the items of a header.
            fn negotiate_items<'a>(items: impl Iterator<Item = &'a str> + Clone) -> Locale {
                let mut excluded = [false; #n];
                for (locale, quality) in items.clone().filter_map(parse_match) {
                    if quality == 0 {
                        excluded[locale.index()] = true;
                    }
                }
                let allowed = |locale: &Locale| !excluded[locale.index()];
                // The best (q-value, locale) among the items before `limit`.
                let best = |limit: usize, skip_fallback: bool| {
                    let mut best: Option<(u16, Locale)> = None;
                    for (locale, quality) in items.clone().take(limit).filter_map(parse_match) {
                        let skipped = skip_fallback && locale == Locale::FALLBACK;
                        let better = best.is_none_or(|(q, _)| quality > q);
                        if quality > 0 && allowed(&locale) && !skipped && better {
                            best = Some((quality, locale));
                        }
                    }
                    best
                };
                match best(usize::MAX, false) {
                    Some((quality, Locale::FALLBACK)) => {
                        let winner = Some((Locale::FALLBACK, quality));
                        let at = items.clone().position(|item| parse_match(item) == winner);
                        let earlier = best(at.unwrap_or(0), true);
                        earlier.map_or(Locale::FALLBACK, |(_, locale)| locale)
                    }
                    Some((_, locale)) => locale,
                    None => {
                        let rest = Locale::ALL.iter().copied();
                        let mut order = core::iter::once(Locale::FALLBACK).chain(rest);
                        order.find(allowed).unwrap_or(Locale::FALLBACK)
                    }
                }
            }

            /// The locale one language tag matches, if any.
            fn match_tag(tag: &str) -> Option<Locale> {
                let mut subtags = tag.trim().split(['-', '_']).filter(|s| !s.is_empty());
                let language = subtags.next()?;
                let mut script = None;
                let mut region = None;
                for subtag in subtags {
                    let alphabetic = subtag.bytes().all(|b| b.is_ascii_alphabetic());
                    let numeric = subtag.bytes().all(|b| b.is_ascii_digit());
                    let letters = subtag.len() == 2 && alphabetic;
                    let digits = subtag.len() == 3 && numeric;
                    if script.is_none() && region.is_none() && subtag.len() == 4 && alphabetic {
                        script = Some(subtag);
                    } else if region.is_none() && (letters || digits) {
                        region = Some(subtag);
                    }
                }
                let same = |a: Option<&str>, b: Option<&str>| match (a, b) {
                    (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                    (None, None) => true,
                    _ => false,
                };
                let mut ours = Locale::ALL.iter().copied().zip(LOCALE_SUBTAGS);
                let exact = |(_, (l, s, r)): &(Locale, Subtags)| {
                    l.eq_ignore_ascii_case(language) && same(*s, script) && same(*r, region)
                };
                if let Some((locale, _)) = ours.clone().find(exact) {
                    return Some(locale);
                }
                if language.eq_ignore_ascii_case("zh") {
                    let traditional = ["TW", "HK", "MO"];
                    let hant = |r: &str| traditional.iter().any(|t| t.eq_ignore_ascii_case(r));
                    let implied = match region.is_some_and(hant) {
                        true => "Hant",
                        false => "Hans",
                    };
                    let script = script.unwrap_or(implied);
                    let chinese = |(_, (l, s, _)): &(Locale, Subtags)| {
                        l.eq_ignore_ascii_case("zh") && same(*s, Some(script))
                    };
                    return ours.find(chinese).map(|(locale, _)| locale);
                }
                let lang = |(_, (l, _, _)): &(Locale, Subtags)| l.eq_ignore_ascii_case(language);
                ours.find(lang).map(|(locale, _)| locale)
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
        ///
        /// # Examples
        ///
        /// ```
        /// # use ws_close_codes::*;
        /// let error = "de".parse::<Locale>().unwrap_err();
        /// assert_eq!(error.to_string(), "not a locale of the close code registry");
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct ParseLocaleError(());

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
                    .iter()
                    .copied()
                    .find(|locale| {
                        let ours = locale.tag().split('-');
                        let theirs = tag.split(['-', '_']);
                        ours.clone().count() == theirs.clone().count()
                            && ours.zip(theirs).all(|(a, b)| a.eq_ignore_ascii_case(b))
                    })
                    .ok_or(ParseLocaleError(()))
            }
        }
    }
}
