//! The targets: one plug-in per generated language or format, all listed in [`TARGETS`].
//!
//! A [`Target`] owns everything about its output: its `[targets.<key>]` name and file extension,
//! the identifier a registry name becomes and the names it reserves, its escaping (over the
//! shared core in [`escape`]), its comment syntax for the [`Header`], the files it plans and the
//! constant shown for each code in the docs. Everything else iterates over [`TARGETS`].

/// `writeln!` into a `String`, which cannot fail (defined before the emitters that use it).
macro_rules! ln {
    ($out:expr) => {
        $out.push('\n')
    };
    ($out:expr, $($arg:tt)*) => {{
        let _ = writeln!($out, $($arg)*);
    }};
}

pub mod escape;
pub mod json;

use std::path::{Path, PathBuf};

use crate::files::Plan;
use crate::model::Registry;

/// Declares each target's emitter module and lists the target in [`TARGETS`]: one line per
/// target, so that a new target is its emitter module and one line in `targets!` below.
macro_rules! targets {
    ($($module:ident::$target:ident),* $(,)?) => {
        $(pub mod $module;)*

        /// Every target, in the order the docs list their constants.
        pub static TARGETS: &[&dyn Target] = &[$(&$module::$target),*];
    };
}

targets! {
    rust::Rust,
    vectors::Conformance,
    markdown::Markdown,
    typescript::TypeScript,
    python::Python,
    go::Go,
    java::Java,
}

/// A target's table in the starter registry of `ws-close-codes init`.
#[cfg_attr(not(any(feature = "cli", feature = "internals")), expect(dead_code, reason = "for `ws-close-codes init` (the `cli` feature)"))]
#[derive(Clone, Copy, Debug)]
pub struct Starter {
    /// Where the starter puts the output, relative to the registry.
    pub path: &'static str,
    /// Further `key = value` lines of its table (Java's `package`).
    pub keys: &'static [&'static str],
    /// What it writes, in a few words.
    pub what: &'static str,
    /// Files at a project's top that show it uses this language; empty: the target chosen when
    /// no other is found.
    pub detect: &'static [&'static str],
}

/// The target configured as `[targets.<key>]`.
pub fn target(key: &str) -> Option<&'static dyn Target> {
    TARGETS.iter().copied().find(|target| target.key() == key)
}

/// How a target's files are laid out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// Package sources: the target owns its directory (anything else there is stale) and adds
    /// its package's extra files (a crate root's attributes, Python's `py.typed`).
    #[default]
    Packages,
    /// Single module files dropped into an application's own tree, beside its other files.
    Modules,
}

/// Where one target goes, relative to the output root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    /// The file (or, for the docs, the directory) the target writes.
    pub path: PathBuf,
    /// Package sources or a single module.
    pub layout: Layout,
    /// The package the module declares (Go's package name, Java's package), for targets that
    /// declare one.
    pub package: Option<String>,
    /// The docs' book options (only the Markdown target has them).
    pub book: BookOptions,
}

/// What an application registry may set for its books (`[targets.markdown]`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BookOptions {
    /// The title of each locale's book, by locale tag; a locale without one gets the default.
    pub titles: Vec<(String, String)>,
    /// Where mdBook writes the books (one directory per locale), relative to the output root;
    /// by default `target/book`.
    pub build_dir: Option<PathBuf>,
}

impl Output {
    /// A package source at `path`, without a declared package.
    pub fn package_source(path: impl Into<PathBuf>) -> Output {
        Output { path: path.into(), layout: Layout::Packages, package: None, book: BookOptions::default() }
    }
}

/// Which kind of registry name a reservation check is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    /// A code's constant name or alias, e.g. `NORMAL_CLOSURE`.
    Code,
    /// A range id in SCREAMING_SNAKE_CASE, e.g. `PRIVATE_USE` (a constant in some languages).
    RangeId,
}

/// One generated language or format.
pub trait Target: Sync {
    /// The key of its `[targets.<key>]` table, e.g. `go`.
    fn key(&self) -> &'static str;

    /// Its name in messages and docs, e.g. `Go`.
    fn name(&self) -> &'static str;

    /// The extension an application's path for it must end in, or `None` for a directory.
    fn extension(&self) -> Option<&'static str>;

    /// Where it goes in this repository's layout.
    fn standard(&self) -> Output;

    /// The package an application's `[targets.<key>]` declares, from its `package` key (`value`)
    /// and its `path`: `Ok(None)` for targets without packages, or a message and a hint.
    fn package(&self, value: Option<&str>, _path: &Path) -> Result<Option<String>, (String, String)> {
        match value {
            None => Ok(None),
            Some(_) => Err((
                format!("`targets.{}` has no `package`", self.key()),
                "remove `package`; only go and java declare one".to_owned(),
            )),
        }
    }

    /// The identifier a registry name becomes, for languages with constants.
    fn identifier(&self, _name: &str) -> Option<String> {
        None
    }

    /// What `ws-close-codes init` writes for this target in a starter registry, if it offers it.
    #[cfg_attr(not(any(feature = "cli", feature = "internals")), expect(dead_code, reason = "for `ws-close-codes init` (the `cli` feature)"))]
    fn starter(&self) -> Option<Starter> {
        None
    }

    /// The name of the predicate this language writes for the range `id` (`is_private`,
    /// `isPrivate`), if it writes one: two ranges may not share it.
    fn range_predicate(&self, _id: &str) -> Option<String> {
        None
    }

    /// Why `name` cannot be used in this language, if it cannot.
    fn reserved(&self, _name: &str, _kind: NameKind) -> Option<&'static str> {
        None
    }

    /// How a code's constant is written in this language, for the docs (`CloseCode::X`).
    fn constant(&self, _name: &str) -> Option<String> {
        None
    }

    /// Adds its files (and the directories it owns) to `plan`.
    fn plan(&self, registry: &Registry, header: &Header, output: &Output, plan: &mut Plan);

    /// Is a file or directory of this name a build cache its toolchain leaves in a generated
    /// directory (never stale)?
    fn is_cache(&self, _name: &str) -> bool {
        false
    }
}

/// Is `name` a build cache of any target's toolchain?
pub fn is_cache(name: &str) -> bool {
    TARGETS.iter().any(|target| target.is_cache(name))
}

/// The identifiers each of `targets` makes of a registry name, for collision checks.
pub fn identifiers(targets: &[&'static dyn Target], name: &str) -> Vec<(&'static str, String)> {
    targets.iter().filter_map(|target| target.identifier(name).map(|id| (target.name(), id))).collect()
}

/// Why a range id (`name`, in SCREAMING_SNAKE_CASE) cannot be used in any language: its
/// predicate (`is_sendable`, `isSendable`, `IsSendable`) would be a function every package
/// already has with another meaning.
pub fn predicate_clash(name: &str, kind: NameKind) -> Option<&'static str> {
    let taken = matches!(name, "KNOWN" | "SENDABLE" | "BROWSER_CLOSABLE");
    (kind == NameKind::RangeId && taken).then_some("its predicate would be a function the package has already")
}

/// The first of `targets` in which `name` may not be used, and why.
pub fn reserved_in(
    targets: &[&'static dyn Target],
    name: &str,
    kind: NameKind,
) -> Option<(&'static str, &'static str)> {
    targets.iter().find_map(|target| target.reserved(name, kind).map(|why| (target.name(), why)))
}

/// The doc of the reconnect hint type in every language: what a hint is and when it applies.
pub const RECONNECT_DOC: &str = "What a client should do after the peer closed the connection with a given code. \
A hint applies only when the peer closed the connection: a client that called close() itself never reconnects, \
whatever code it sees.";

/// What every emitter needs besides the registry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// The command that regenerates the file, e.g. `cargo xtask gen`.
    pub command: String,
    /// The registry's file name, e.g. `codes.toml`.
    pub registry: String,
}

/// How a language writes the header comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comments {
    /// `// ...` (Rust, TypeScript, Java).
    Slashes,
    /// `# ...` (Python, TOML).
    Hash,
    /// `<!-- ... -->` (Markdown).
    Html,
    /// `// ...` and Go's `// Code generated ... DO NOT EDIT.`, by which Go tools recognise a
    /// generated file.
    Go,
}

/// The generator's version, named in every `@generated` header: files written by another version
/// count as out of date.
pub const GENERATOR_VERSION: &str = env!("CARGO_PKG_VERSION");

impl Header {
    /// The `@generated` line, without a comment marker. It depends only on the command and the
    /// registry's name given here and on the generator's version, never on the way the generator
    /// was started, so every front end writes the same files.
    pub fn line(&self) -> String {
        format!(
            "@generated by `{}` (ws-close-codes {GENERATOR_VERSION}) from {}. Do not edit: change the registry or the generator, then run it again.",
            self.command, self.registry
        )
    }

    /// The header as comment lines of `syntax`, each ending in a line break. Whatever the
    /// command holds stays inside the comment.
    pub fn comment(&self, syntax: Comments) -> String {
        let line = escape::one_line(&self.line());
        match syntax {
            Comments::Slashes => format!("// {line}\n"),
            // No `#` survives, so the line cannot become a `# noqa` or `# type:` directive.
            Comments::Hash => format!("# {}\n", line.replace('#', "\u{FF03}").trim_end()),
            Comments::Html => format!("<!-- {} -->\n", line.replace("--", "-\u{2060}-")),
            Comments::Go => format!(
                "// {line}\n// Code generated by {} from {}. DO NOT EDIT.\n",
                escape::one_line(&self.command),
                escape::one_line(&self.registry)
            ),
        }
    }
}

/// Up to this many runs of sendable codes are tested with one comparison each; beyond, the
/// emitters switch to a form whose size does not nest (a pattern, a table search).
pub const INLINE_RUNS: usize = 16;

/// The numbers 0-65535 cut into stretches with the same label (title and description),
/// ascending and disjoint, each with the index of its label in the order the emitters' label
/// tables use: every registered code's own (ascending), then every range's (ascending), then the
/// label of a number outside every range (last). Lookups of a label in one step are built on it.
pub fn label_pieces(registry: &Registry) -> Vec<(u16, u16, usize)> {
    let codes = registry.codes.len();
    let outside = codes + registry.ranges.len();
    let mut pieces: Vec<(u16, u16, usize)> = Vec::new();
    for (start, end) in registry.pieces() {
        let index = match registry.codes.binary_search_by_key(&start, |code| code.code) {
            Ok(index) if start == end => index,
            _ => registry
                .ranges
                .iter()
                .position(|range| range.start <= start && end <= range.end)
                .map_or(outside, |index| codes + index),
        };
        match pieces.last_mut() {
            Some((_, last, previous)) if *previous == index && u32::from(*last) + 1 == u32::from(start) => *last = end,
            _ => pieces.push((start, end, index)),
        }
    }
    pieces
}

/// Answers for every u16 that only depend on the registry, shared by the emitters that encode
/// them as `matches!`/`switch` tables.
pub fn sendable_runs(registry: &Registry) -> Vec<(u16, u16)> {
    registry.runs(|answer| answer.sendable)
}

/// `{x} < {first} || {x} > {last}`: true for the numbers outside `first..=last`. A lookup over a
/// few runs or codes asks it first, since one predictable comparison answers most of the u16
/// space. Leaves out a comparison a `u16` always passes (compilers warn about those); `None` when
/// `first..=last` is the whole space.
pub fn outside(x: &str, first: u16, last: u16) -> Option<String> {
    let below = (first > 0).then(|| format!("{x} < {first}"));
    let above = (last < u16::MAX).then(|| format!("{x} > {last}"));
    match (below, above) {
        (Some(below), Some(above)) => Some(format!("{below} || {above}")),
        (one, None) | (None, one) => one,
    }
}

/// Every character Rust's `char::is_whitespace` accepts (Unicode's White_Space property): what
/// `str::trim` removes, which the generated `negotiate` functions must remove too.
pub const WHITESPACE: &str = "\u{9}\u{a}\u{b}\u{c}\u{d}\u{20}\u{85}\u{a0}\u{1680}\u{2000}\u{2001}\u{2002}\u{2003}\u{2004}\u{2005}\u{2006}\u{2007}\u{2008}\u{2009}\u{200a}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}";

/// A first guess at the size of one source file for `registry`: its fixed part plus half a KiB
/// per code and locale, so that the file's `String` is not copied over and over as it grows.
pub(crate) fn size_estimate(registry: &Registry) -> usize {
    64 * 1024 + registry.codes.len() * registry.locales.len() * 512
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_every_character_rust_trims() {
        let all: String = (0..=u32::from(char::MAX)).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect();
        assert_eq!(super::WHITESPACE, all);
    }

    #[test]
    fn every_target_has_its_own_key_and_name() {
        for (index, target) in TARGETS.iter().enumerate() {
            for other in &TARGETS[index + 1..] {
                assert_ne!(target.key(), other.key());
                assert_ne!(target.name(), other.name());
            }
            assert!(std::ptr::addr_eq(super::target(target.key()).expect("found"), *target));
        }
    }

    #[test]
    fn go_headers_carry_the_line_go_tools_look_for() {
        let header = Header { command: "cargo xtask gen".to_owned(), registry: "codes.toml".to_owned() };
        let comment = header.comment(Comments::Go);
        assert!(comment.lines().any(|line| line.starts_with("// Code generated ") && line.ends_with(" DO NOT EDIT.")));
        assert!(comment.contains("@generated"));
    }

    #[test]
    fn headers_stay_comments_whatever_the_command_holds() {
        let header = Header { command: "x\n--> # y".to_owned(), registry: "r.toml".to_owned() };
        assert_eq!(header.comment(Comments::Html).lines().count(), 1);
        assert!(!header.comment(Comments::Html).contains("-->\n<"));
        assert!(!header.comment(Comments::Hash)[1..].contains('#'));
        assert_eq!(header.comment(Comments::Slashes).lines().count(), 1);
    }
}
