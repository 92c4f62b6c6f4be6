//! The crate's optional `serde` support: `CloseCode` as its number, `Locale` as its tag,
//! `Reconnect` and `Sender` as their registry keys. Only in the crate (its `serde` feature); an
//! application's module has no feature to put it behind.

use proc_macro2::TokenStream;
use quote::quote;

pub(super) fn serde_impls() -> TokenStream {
    quote! {
        /// `Serialize` and `Deserialize` with the crate's `serde` feature.
        #[cfg(feature = "serde")]
        mod serde_impls {
            use super::{CloseCode, Locale, Reconnect, Sender};
            use core::fmt;
            use serde::de::{self, Deserialize, Deserializer, Unexpected, Visitor};
            use serde::ser::{Serialize, Serializer};

            impl Serialize for CloseCode {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.serialize_u16(self.0)
                }
            }

            impl<'de> Deserialize<'de> for CloseCode {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    u16::deserialize(deserializer).map(CloseCode)
                }
            }

            /// A visitor of a string naming one value of `T`: how to look it up, what is expected.
            struct Named<T>(fn(&str) -> Option<T>, &'static str);

            impl<T> Visitor<'_> for Named<T> {
                type Value = T;

                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str(self.1)
                }

                fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
                    (self.0)(text).ok_or_else(|| E::invalid_value(Unexpected::Str(text), &self))
                }
            }

            /// The hint with this key.
            fn reconnect(key: &str) -> Option<Reconnect> {
                Reconnect::ALL.iter().find(|h| h.key() == key).copied()
            }

            /// The sender with this key.
            fn sender(key: &str) -> Option<Sender> {
                Sender::ALL.iter().find(|s| s.key() == key).copied()
            }

            impl Serialize for Locale {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.serialize_str(self.tag())
                }
            }

            impl<'de> Deserialize<'de> for Locale {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let parse: fn(&str) -> Option<Locale> = |tag| tag.parse().ok();
                    let expected = "a locale tag of the close code registry";
                    deserializer.deserialize_str(Named(parse, expected))
                }
            }

            impl Serialize for Reconnect {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.serialize_str(self.key())
                }
            }

            impl<'de> Deserialize<'de> for Reconnect {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    deserializer.deserialize_str(Named(reconnect, "a reconnect hint key"))
                }
            }

            impl Serialize for Sender {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.serialize_str(self.key())
                }
            }

            impl<'de> Deserialize<'de> for Sender {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    deserializer.deserialize_str(Named(sender, "a sender key"))
                }
            }
        }
    }
}
