//! The ws-close-codes generator: WebSocket close codes (the standard ones and an application's
//! own, from one TOML registry) for Rust, TypeScript, Python, Go, Java and Markdown.
//!
//! Most users run the `ws-close-codes` command this crate installs. Its library is what a
//! project calls from its own code:
//! - [`Builder`], from a `build.rs`: the Rust module of an application registry in `OUT_DIR`,
//!   and on request the registry's other targets checked or brought up to date;
//! - [`cli_main`] and [`cli_main_from`]: the command line itself, for a tool that runs it in its
//!   own process (an xtask, a wrapper binary);
//! - [`Diagnostic`]: what is wrong with a registry, as [`BuildError::Registry`] lists it.
//!
//! ```no_run
//! // build.rs, in `fn main()`: `close_codes.rs` in `OUT_DIR`, for `include!`.
//! ws_close_codes_codegen::Builder::new("close-codes.toml")
//!     .generate()
//!     .unwrap_or_else(|error| panic!("{error}"));
//! ```
//!
//! Inside, the generator is a pipeline: registry -> model -> emitters -> files -> check. Those
//! modules are this crate's own: not public API, they change without notice.

// The `internals` feature makes the pipeline's modules public, for this repository's own tests,
// xtask, benchmarks and fuzz targets, which drive the stages one by one; it is not public API
// (no semver promise, not documented on docs.rs). A feature rather than `#[doc(hidden)] pub`:
// without it the modules are really private, so a user cannot come to depend on them and the
// compiler reports code that only those tools use.
macro_rules! internal {
    ($($(#[$attribute:meta])* mod $module:ident;)* $(use $($path:ident)::+ as $name:ident;)*) => {
        $(
            $(#[$attribute])*
            #[cfg(feature = "internals")]
            pub mod $module;
            $(#[$attribute])*
            #[cfg(not(feature = "internals"))]
            mod $module;
        )*
        $(
            #[cfg(feature = "internals")]
            pub use $($path)::+ as $name;
            #[cfg(not(feature = "internals"))]
            #[allow(unused_imports, reason = "the pipeline's shorthands, used by the internals' users too")]
            pub(crate) use $($path)::+ as $name;
        )*
    };
}

internal! {
    mod application;
    mod behaviour;
    // Only the command line uses it.
    #[cfg(any(feature = "cli", feature = "internals"))]
    mod books;
    mod cli;
    mod emit;
    // Only the command line uses it.
    #[cfg(any(feature = "cli", feature = "internals"))]
    mod explain;
    mod files;
    mod load;
    mod model;
    // Only the command line uses it.
    #[cfg(any(feature = "cli", feature = "internals"))]
    mod starter;
    mod targets;
    use emit::Layout as Layout;
    use emit::Output as Output;
    use files::GeneratedFile as GeneratedFile;
    use files::Plan as Plan;
    use load::Loaded as Loaded;
    use load::load as load;
    use load::load_bytes as load_bytes;
    use model::Registry as Registry;
    use targets::Targets as Targets;
}

mod builder;
#[cfg(feature = "cli")]
mod command;
mod diagnostic;
mod parse;
mod validate;

pub use builder::{BuildError, Builder, ConfiguredTargets};
#[cfg(feature = "cli")]
pub use command::{cli_main, cli_main_from};
pub use diagnostic::{Diagnostic, Position, Severity};
pub use files::{Action, ApplyError};

// The README's examples are compiled with the doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;
