//! The ws-close-codes generator: registry -> model -> emitters -> files -> check.
//!
//! 1. [`parse`] reads the TOML registry into raw, spanned structures;
//! 2. [`validate`] checks them and builds the [`model::Registry`];
//! 3. the [`emit`] modules turn the model into source files, one emitter per target;
//! 4. [`files`] writes those files, or checks the tree against them.
//!
//! ```no_run
//! use ws_close_codes_codegen::{files, load, Targets};
//!
//! let text = std::fs::read_to_string("codes.toml").unwrap();
//! let loaded = load("codes.toml", &text).unwrap_or_else(|diagnostics| {
//!     for diagnostic in diagnostics {
//!         eprintln!("{diagnostic}");
//!     }
//!     std::process::exit(2)
//! });
//! let plan = Targets::standard().plan(&loaded.registry, "cargo xtask gen", "codes.toml");
//! files::apply(".".as_ref(), plan, files::Mode::Check).unwrap();
//! ```

pub mod application;
pub mod behaviour;
pub mod builder;
pub mod cli;
pub mod diagnostic;
pub mod emit;
pub mod files;
pub mod model;
pub mod parse;
pub mod validate;

pub use builder::Builder;
pub use diagnostic::{Diagnostic, Severity, Source};
pub use emit::{Layout, Output};
pub use files::{GeneratedFile, Plan};
pub use model::Registry;

/// A registry that passed validation, with the warnings found on the way.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The validated model.
    pub registry: Registry,
    /// Warnings (never errors).
    pub warnings: Vec<Diagnostic>,
}

/// Parses and validates registry `text`; `name` is what diagnostics call the file.
/// On any error, returns every diagnostic (errors and warnings), sorted by position.
pub fn load(name: &str, text: &str) -> Result<Loaded, Vec<Diagnostic>> {
    let source = Source::new(name, text);
    let mut diagnostics = diagnostic::Diagnostics::new(&source);
    let raw = parse::parse(&mut diagnostics);
    // Unknown keys and wrong types do not stop validation: all problems are reported at once.
    let registry = if raw.syntax_ok { validate::validate(&raw, &mut diagnostics) } else { None };
    match registry {
        Some(registry) if !diagnostics.has_errors() => Ok(Loaded { registry, warnings: diagnostics.into_sorted() }),
        _ => Err(diagnostics.into_sorted()),
    }
}

/// Like [`load`], for a file's raw bytes: text that is not UTF-8 is a diagnostic, not a panic,
/// and a leading byte order mark is ignored.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Loaded, Vec<Diagnostic>> {
    load(name, decode(name, bytes)?)
}

/// A registry file's text: UTF-8 without a byte order mark, or a diagnostic.
fn decode<'b>(name: &str, bytes: &'b [u8]) -> Result<&'b str, Vec<Diagnostic>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = String::from_utf8_lossy(&bytes[..error.valid_up_to()]);
        let position = Source::new(name, valid.as_ref()).position(valid.len());
        vec![Diagnostic {
            severity: Severity::Error,
            file: name.to_owned(),
            position,
            message: format!("the file is not valid UTF-8 (byte 0x{:02X})", bytes[error.valid_up_to()]),
            hint: Some("save the registry as UTF-8".to_owned()),
        }]
    })
}

/// Which targets to generate and where, relative to the output root: an [`Output`] for some of
/// the targets of [`emit::TARGETS`], kept in that list's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Targets {
    outputs: Vec<(&'static str, Output)>,
}

impl Targets {
    /// The layout of this repository: every target, as a package.
    pub fn standard() -> Self {
        Targets { outputs: emit::TARGETS.iter().map(|target| (target.key(), target.standard())).collect() }
    }

    /// These targets with `target` going to `output` (instead of where it went before).
    ///
    /// # Panics
    ///
    /// When `target` is not the key of one of [`emit::TARGETS`].
    pub fn with(mut self, target: &str, output: Output) -> Self {
        let found = emit::target(target).unwrap_or_else(|| panic!("no target `{target}` in emit::TARGETS"));
        self.outputs.retain(|(key, _)| *key != found.key());
        self.outputs.push((found.key(), output));
        self.outputs.sort_by_key(|(key, _)| emit::TARGETS.iter().position(|t| t.key() == *key));
        self
    }

    /// These targets without `target`.
    pub fn without(mut self, target: &str) -> Self {
        self.outputs.retain(|(key, _)| *key != target);
        self
    }

    /// Only `target` of these targets.
    pub fn only(mut self, target: &str) -> Self {
        self.outputs.retain(|(key, _)| *key == target);
        self
    }

    /// Where `target` goes, if it is generated.
    pub fn get(&self, target: &str) -> Option<&Output> {
        self.outputs.iter().find(|(key, _)| *key == target).map(|(_, output)| output)
    }

    /// The targets generated, in [`emit::TARGETS`] order.
    pub fn configured(&self) -> Vec<&'static dyn emit::Target> {
        self.outputs.iter().filter_map(|(key, _)| emit::target(key)).collect()
    }

    /// Runs every configured emitter. `command` is the command that regenerates the files and
    /// `registry_name` the registry's file name; both go into the `@generated` header.
    pub fn plan(&self, registry: &Registry, command: &str, registry_name: &str) -> Plan {
        let header = emit::Header { command: command.to_owned(), registry: registry_name.to_owned() };
        let mut plan = Plan::default();
        for (key, output) in &self.outputs {
            if let Some(target) = emit::target(key) {
                target.plan(registry, &header, output, &mut plan);
            }
        }
        plan
    }
}
