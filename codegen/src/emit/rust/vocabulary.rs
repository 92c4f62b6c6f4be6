//! `Reconnect` and `Sender`: the closed vocabularies, with their texts.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::*;

pub(super) fn reconnect_doc(hint: Reconnect) -> &'static str {
    match hint {
        Reconnect::Never => " Do not reconnect automatically.",
        Reconnect::Backoff => " Reconnect after a randomized, growing delay.",
        Reconnect::Reauthenticate => " Obtain fresh credentials, then reconnect.",
        Reconnect::Unspecified => " No advice: the application decides.",
    }
}

pub(super) fn sender_doc(sender: Sender) -> &'static str {
    match sender {
        Sender::Client => " Sent by the client.",
        Sender::Server => " Sent by the server.",
        Sender::Either => " Sent by either endpoint.",
        Sender::Local => " Reported locally by an API; never sent in a Close frame.",
        Sender::None => " Reserved: neither sent nor reported.",
    }
}

pub(super) fn vocabulary_enum(
    registry: &Registry,
    name: &str,
    doc: &str,
    members: &[(&str, &Label, &str)],
) -> TokenStream {
    let ty = format_ident!("{name}");
    let variants: Vec<Ident> = members.iter().map(|(key, _, _)| format_ident!("{}", upper_camel(key))).collect();
    let keys: Vec<&str> = members.iter().map(|(key, _, _)| *key).collect();
    let docs: Vec<&str> = members.iter().map(|(_, _, doc)| *doc).collect();
    let (titles, descriptions): (Vec<_>, Vec<_>) = members.iter().map(|(_, label, _)| label_tokens(label)).unzip();
    let _ = registry;
    let first = &variants[0];
    let first_key = keys[0];
    let type_example = format!(" assert_eq!({name}::{first}.to_string(), {first_key:?});");
    let key_example = format!(" assert_eq!({name}::{first}.key(), {first_key:?});");
    let all_example = format!(" assert!({name}::ALL.contains(&{name}::{first}));");
    let text_example = format!(" assert!(!{name}::{first}.title(Locale::FALLBACK).is_empty());");
    let description_example = format!(" assert!(!{name}::{first}.description(Locale::FALLBACK).is_empty());");
    quote! {
        #[doc = #doc]
        ///
        /// The registry may add values, so the enum is `#[non_exhaustive]`.
        ///
        /// # Examples
        ///
        /// ```
        /// # use ws_close_codes::*;
        #[doc = #type_example]
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum #ty {
            #( #[doc = #docs] #variants, )*
        }

        impl #ty {
            /// Every value, in registry order.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #[doc = #all_example]
            /// ```
            pub const ALL: &'static [#ty] = &[#(#ty::#variants),*];

            /// The registry's key, e.g. `backoff`.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #[doc = #key_example]
            /// ```
            #[inline]
            #[must_use]
            pub const fn key(self) -> &'static str {
                match self {
                    #( #ty::#variants => #keys, )*
                }
            }

            /// A short title in `locale`.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #[doc = #text_example]
            /// ```
            #[inline]
            #[must_use]
            pub const fn title(self, locale: Locale) -> &'static str {
                let first: Texts = match self {
                    #( #ty::#variants => #titles, )*
                };
                text(first, locale)
            }

            /// A one-sentence explanation in `locale`.
            ///
            /// # Examples
            ///
            /// ```
            /// # use ws_close_codes::*;
            #[doc = #description_example]
            /// ```
            #[inline]
            #[must_use]
            pub const fn description(self, locale: Locale) -> &'static str {
                let first: Texts = match self {
                    #( #ty::#variants => #descriptions, )*
                };
                text(first, locale)
            }
        }

        impl fmt::Display for #ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.key())
            }
        }
    }
}
