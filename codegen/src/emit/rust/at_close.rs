//! What to do at a close: the browser rule, Close frame payloads and the reconnect policy.
//!
//! The code is the same for every registry, written as ordinary Rust in `templates/` and parsed
//! into tokens here; only the reconnect delay bounds come from the registry. The reference
//! semantics are [`crate::behaviour`].

use proc_macro2::TokenStream;
use quote::quote;

use super::{Kind, num};
use crate::behaviour::DEFAULT_DELAY;
use crate::model::{Delay, Registry};

const CLOSE_FRAME: &str = include_str!("templates/close_frame.rs");
const RECONNECT: &str = include_str!("templates/reconnect.rs");

/// The items, with their examples compiled as doc tests in the crate and shown but not run in an
/// application's module (whose path a doc test cannot name).
pub(super) fn at_close(registry: &Registry, kind: Kind) -> TokenStream {
    let close_frame = template(CLOSE_FRAME, kind);
    let reconnect = template(RECONNECT, kind);
    let bounds = delay_bounds(registry, kind);
    quote! {
        #close_frame
        #reconnect
        #bounds
    }
}

/// `CloseCode::reconnect_delay_bounds`: a code's own bounds, else its range's, else the default.
fn delay_bounds(registry: &Registry, kind: Kind) -> TokenStream {
    let fence = match kind {
        Kind::CrateRoot => " ```rust",
        Kind::Module => " ```ignore",
    };
    let pair = |delay: Delay| {
        let (min, max) = (num(delay.min_ms), num(delay.max_ms));
        quote!((#min, #max))
    };
    let codes = registry.codes.iter().filter_map(|code| {
        let number = num(code.code);
        code.delay.map(|delay| {
            let bounds = pair(delay);
            quote!(#number => #bounds,)
        })
    });
    let ranges = registry.ranges.iter().filter_map(|range| {
        let (start, end) = (num(range.start), num(range.end));
        range.delay.map(|delay| {
            let bounds = pair(delay);
            quote!(#start..=#end => #bounds,)
        })
    });
    let default = pair(DEFAULT_DELAY);
    quote! {
        impl CloseCode {
            /// The shortest and the longest delay, in milliseconds, that
            /// [`CloseCode::reconnect_step`] waits before a reconnect after this code: the
            /// registry's `delay_ms` of the code, else of its range, else
            /// [`DEFAULT_DELAY_BOUNDS_MS`].
            ///
            #[doc = #fence]
            /// use ws_close_codes::CloseCode;
            ///
            /// let (min, max) = CloseCode::from(1006).reconnect_delay_bounds();
            /// assert!(min <= max);
            /// ```
            #[inline]
            #[allow(clippy::match_overlapping_arm)]
            pub const fn reconnect_delay_bounds(self) -> (u32, u32) {
                match self.0 {
                    #(#codes)*
                    #(#ranges)*
                    _ => #default,
                }
            }
        }
    }
}

fn template(source: &str, kind: Kind) -> TokenStream {
    let source = match kind {
        Kind::CrateRoot => source.to_owned(),
        Kind::Module => source.replace("/// ```rust", "/// ```ignore"),
    };
    match source.parse() {
        Ok(tokens) => tokens,
        // The templates are part of the generator; failing here is a generator bug.
        Err(error) => panic!("a Rust template does not parse: {error}"),
    }
}
