//! Application registries: an application's own close codes on top of the standard registry.
//!
//! An application registry lists only its own codes (3000-4999), `extends` the standard registry
//! (embedded here, so the application does not copy it), declares its locales and says where each
//! target goes. The result is one merged [`Registry`]: every standard code and the application's
//! own, in the application's locales, generated as single modules with the packages' API.
//!
//! ```toml
//! extends = "ws-close-codes"
//! locales = ["en", "zh-Hans", "ru"]
//!
//! [targets.rust]
//! path = "server/src/close_codes.rs"
//! [targets.typescript]
//! path = "web/src/closeCodes.ts"
//!
//! [[code]]
//! code = 4001
//! name = "SESSION_EXPIRED"
//! sender = "server"
//! reconnect = "reauthenticate"
//! title.en = "Session expired"
//! # ... title and description in every locale
//! ```

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

use toml::Spanned;

use crate::diagnostic::{Diagnostic, Diagnostics, Severity, Source, did_you_mean};
use crate::emit::BookOptions;
use crate::model::{Code, Label, Range, Registry, Texts};
use crate::parse::{self, RawRegistry, RawTarget};
use crate::validate::{self, ApplicationParts};
use crate::{Layout, Output, Targets, emit};

/// The value of `extends` that names the standard registry.
pub const EXTENDS: &str = "ws-close-codes";

/// The standard registry's text, as shipped with this generator: `codegen/codes.toml`, which
/// `cargo xtask gen` keeps identical to the repository's `codes.toml` (the one source), so that
/// the registry travels inside the published crate.
pub const STANDARD_REGISTRY: &str = include_str!("../codes.toml");

/// The standard registry (parsed once).
pub fn standard() -> &'static Registry {
    static STANDARD: OnceLock<Registry> = OnceLock::new();
    STANDARD.get_or_init(|| match crate::load("codes.toml", STANDARD_REGISTRY) {
        Ok(loaded) => loaded.registry,
        // The embedded registry is checked by this crate's tests; failing here is a build defect.
        Err(diagnostics) => panic!("the embedded standard registry is invalid: {diagnostics:?}"),
    })
}

/// A loaded application registry.
#[derive(Clone, Debug)]
pub struct Application {
    /// The standard codes and the application's own, in the application's locales.
    pub registry: Registry,
    /// Where the modules go, relative to the registry file's directory.
    pub targets: Targets,
    /// Warnings (never errors).
    pub warnings: Vec<Diagnostic>,
}

/// Parses and checks an application registry and merges it with the standard one.
/// With `strict`, every warning (such as standard texts falling back to English in a locale
/// the standard registry lacks) is an error.
pub fn load_application(name: &str, bytes: &[u8], strict: bool) -> Result<Application, Vec<Diagnostic>> {
    load_application_over(standard(), name, bytes, strict)
}

/// [`load_application`] over a given standard registry (such as a checkout's own `codes.toml`)
/// instead of the embedded one.
pub fn load_application_over(
    standard: &Registry,
    name: &str,
    bytes: &[u8],
    strict: bool,
) -> Result<Application, Vec<Diagnostic>> {
    let text = crate::load::decode(name, bytes)?;
    let source = Source::new(name, text);
    let mut diagnostics = Diagnostics::new(&source);
    let raw = parse::parse(&mut diagnostics);
    let targets = if raw.syntax_ok { targets(&raw, &mut diagnostics) } else { None };
    // Names are checked in the languages the application generates (all of them when its
    // `[targets]` have errors, so that no name problem waits for the next run).
    let languages = targets.as_ref().map_or_else(|| emit::TARGETS.to_vec(), Targets::configured);
    let parts = if raw.syntax_ok && extends(&raw, &mut diagnostics) {
        validate::validate_application(&raw, standard, &languages, &mut diagnostics)
    } else {
        None
    };
    let mut all = diagnostics.into_sorted();
    if strict {
        for diagnostic in all.iter_mut().filter(|d| d.severity == Severity::Warning) {
            diagnostic.severity = Severity::Error;
            let hint = diagnostic.hint.take().map_or_else(String::new, |hint| format!("{hint}; "));
            diagnostic.hint = Some(format!("{hint}this is an error because of --strict"));
        }
    }
    match (parts, targets) {
        (Some(parts), Some(targets)) if !all.iter().any(Diagnostic::is_error) => {
            Ok(Application { registry: merge(standard, parts), targets, warnings: all })
        }
        _ => Err(all),
    }
}

/// Is this an application registry (`extends = "ws-close-codes"`)? Reports it if not.
fn extends(raw: &RawRegistry, diagnostics: &mut Diagnostics<'_>) -> bool {
    match &raw.extends {
        Some(value) if value.get_ref() == EXTENDS => true,
        Some(value) => {
            let message = format!("cannot extend `{}`: the only registry to extend is `{EXTENDS}`", value.get_ref());
            diagnostics.error(&value.span(), message, Some(format!("write `extends = \"{EXTENDS}\"`")));
            false
        }
        None => {
            let start = raw.span.start..raw.span.start;
            let message = "an application registry must say what it extends";
            diagnostics.error(&start, message, Some(format!("add `extends = \"{EXTENDS}\"` at the top")));
            false
        }
    }
}

/// Reads `[targets.*]`: relative paths, with the extension their target expects, and the
/// package of the targets that declare one.
fn targets(raw: &RawRegistry, diagnostics: &mut Diagnostics<'_>) -> Option<Targets> {
    let mut targets = Targets::default();
    let mut ok = true;
    let empty = BTreeMap::new();
    let table = raw.targets.as_ref().map_or(&empty, Spanned::get_ref);
    for (key, raw_target) in table {
        let Some(target) = emit::target(key) else {
            let message = format!("unknown target `{key}`");
            let keys: Vec<&str> = emit::TARGETS.iter().map(|target| target.key()).collect();
            let hint =
                did_you_mean(key, keys.iter().copied()).unwrap_or_else(|| format!("targets are {}", keys.join(", ")));
            diagnostics.error(&raw_target.span(), message, Some(hint));
            ok = false;
            continue;
        };
        let Some(path) = target_path(raw_target, target.extension(), diagnostics) else {
            ok = false;
            continue;
        };
        let Some(book) = book_options(raw_target, target.key(), raw, diagnostics) else {
            ok = false;
            continue;
        };
        let value = raw_target.get_ref().package.as_ref();
        match target.package(value.map(|v| v.get_ref().as_str()), &path) {
            Ok(package) => targets = targets.with(key, Output { path, layout: Layout::Modules, package, book }),
            Err((message, hint)) => {
                let span = value.map_or_else(|| raw_target.span(), Spanned::span);
                diagnostics.error(&span, message, Some(hint));
                ok = false;
            }
        }
    }
    ok.then_some(targets)
}

/// `title` and `build_dir` of `[targets.markdown]`: book titles in the registry's locales and
/// a relative directory. Any other target has neither.
fn book_options(
    target: &Spanned<RawTarget>,
    key: &str,
    raw: &RawRegistry,
    diagnostics: &mut Diagnostics<'_>,
) -> Option<BookOptions> {
    let raw_target = target.get_ref();
    if key != "markdown" {
        let extra = raw_target.title.as_ref().map(Spanned::span).or(raw_target.build_dir.as_ref().map(Spanned::span));
        if let Some(span) = extra {
            let message = format!("`targets.{key}` has no book: `title` and `build_dir` are for `targets.markdown`");
            diagnostics.error(&span, message, Some("move them to `[targets.markdown]`".to_owned()));
            return None;
        }
        return Some(BookOptions::default());
    }
    let mut ok = true;
    let locales: Vec<&str> =
        raw.locales.as_ref().map_or_else(Vec::new, |l| l.get_ref().iter().map(|t| t.get_ref().as_str()).collect());
    let mut titles = Vec::new();
    if let Some(table) = &raw_target.title {
        for (locale, title) in table.get_ref() {
            if !locales.is_empty() && !locales.contains(&locale.as_str()) {
                let message = format!("book title for `{locale}`, which is not one of this registry's locales");
                diagnostics.error(&table.span(), message, Some(format!("the locales are {}", locales.join(", "))));
                ok = false;
            } else if title.trim().is_empty() || title.chars().any(char::is_control) {
                let message = format!("the `{locale}` book title is empty or has control characters");
                diagnostics.error(&table.span(), message, Some("write the title on one line".to_owned()));
                ok = false;
            } else {
                titles.push((locale.clone(), title.clone()));
            }
        }
    }
    let build_dir = match &raw_target.build_dir {
        None => None,
        Some(dir) => {
            let text = dir.get_ref();
            let relative = Path::new(text);
            let plain = relative.components().all(|c| matches!(c, Component::Normal(_) | Component::ParentDir));
            if text.is_empty() || relative.is_absolute() || text.contains('\\') || !plain {
                let message = format!("`build_dir` `{text}` must be a plain path relative to the registry file");
                diagnostics.error(&dir.span(), message, Some("write e.g. `build_dir = \"target/book\"`".to_owned()));
                ok = false;
                None
            } else {
                Some(relative.to_owned())
            }
        }
    };
    ok.then_some(BookOptions { titles, build_dir })
}

fn target_path(
    target: &Spanned<RawTarget>,
    extension: Option<&str>,
    diagnostics: &mut Diagnostics<'_>,
) -> Option<PathBuf> {
    let Some(path) = &target.get_ref().path else {
        diagnostics.error(
            &target.span(),
            "missing `path`",
            Some("add `path = \"...\"`, relative to this file".to_owned()),
        );
        return None;
    };
    let text = path.get_ref();
    let relative = Path::new(text);
    if text.is_empty() || relative.is_absolute() || text.starts_with('/') || text.contains('\\') {
        let message = format!("target path `{text}` must be relative to the registry file, with `/` separators");
        diagnostics.error(&path.span(), message, Some("write e.g. `path = \"src/close_codes.rs\"`".to_owned()));
        return None;
    }
    if relative.components().any(|c| !matches!(c, Component::Normal(_) | Component::ParentDir)) {
        let message = format!("target path `{text}` has `.` or other special parts");
        diagnostics.error(&path.span(), message, Some("write a plain relative path".to_owned()));
        return None;
    }
    if let Some(extension) = extension
        && relative.extension().and_then(|e| e.to_str()) != Some(extension)
    {
        let message = format!("target path `{text}` should end in `.{extension}`");
        diagnostics.error(&path.span(), message, Some(format!("name the file `<module>.{extension}`")));
        return None;
    }
    Some(relative.to_owned())
}

/// The standard registry in the application's locales, with the application's codes added.
fn merge(standard: &Registry, parts: ApplicationParts) -> Registry {
    // Each application locale takes the standard text in that locale, else in the standard fallback.
    let sources: Vec<usize> = parts
        .locales
        .iter()
        .map(|tag| standard.locales.iter().position(|l| l == tag).unwrap_or(standard.fallback))
        .collect();
    let texts = |texts: &Texts| Texts(sources.iter().map(|&i| texts.get(i).to_owned()).collect());
    let label = |label: &Label| Label { title: texts(&label.title), description: texts(&label.description) };
    let mut codes: Vec<Code> = standard
        .codes
        .iter()
        .map(|code| Code { label: label(&code.label), reference: code.reference.as_ref().map(texts), ..code.clone() })
        .collect();
    codes.extend(parts.codes);
    codes.sort_by_key(|code| code.code);
    Registry {
        locales: parts.locales,
        fallback: parts.fallback,
        out_of_range: label(&standard.out_of_range),
        out_of_range_reconnect: standard.out_of_range_reconnect,
        reconnect_labels: standard.reconnect_labels.iter().map(label).collect(),
        sender_labels: standard.sender_labels.iter().map(label).collect(),
        ranges: standard.ranges.iter().map(|range| Range { label: label(&range.label), ..range.clone() }).collect(),
        codes,
    }
}
