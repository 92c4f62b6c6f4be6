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

use std::path::PathBuf;

pub use builder::Builder;
pub use diagnostic::{Diagnostic, Severity, Source};
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

/// How the TypeScript and Python targets are laid out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// Package sources: each target's directory holds only generated files (anything else there
    /// is stale), and the Python package gets a `py.typed` marker.
    #[default]
    Packages,
    /// Single module files dropped into an application's own tree, beside its other files.
    Modules,
}

/// Where each target is written, relative to the output root. `None` skips a target.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Targets {
    /// Package sources or single modules.
    pub layout: Layout,
    /// The Rust source file and how it is used.
    pub rust: Option<(PathBuf, emit::rust::Kind)>,
    /// The conformance vectors (JSON).
    pub vectors: Option<PathBuf>,
    /// The docs directory: one mdBook per locale in `<directory>/<locale>/`.
    pub markdown: Option<PathBuf>,
    /// The TypeScript module (`index.ts`); its directory holds only generated files.
    pub typescript: Option<PathBuf>,
    /// The Python package's `__init__.py`; `py.typed` goes beside it, and the directory holds only
    /// generated files.
    pub python: Option<PathBuf>,
}

impl Targets {
    /// The layout of this repository.
    pub fn standard() -> Self {
        Targets {
            layout: Layout::Packages,
            rust: Some(("crates/ws-close-codes/src/lib.rs".into(), emit::rust::Kind::CrateRoot)),
            vectors: Some("conformance/vectors.json".into()),
            markdown: Some("docs".into()),
            typescript: Some("packages/typescript/src/index.ts".into()),
            python: Some("packages/python/src/ws_close_codes/__init__.py".into()),
        }
    }

    /// Runs every configured emitter. `command` is the command that regenerates the files and
    /// `registry_name` the registry's file name; both go into the `@generated` header.
    pub fn plan(&self, registry: &Registry, command: &str, registry_name: &str) -> Plan {
        let header = emit::Header { command: command.to_owned(), registry: registry_name.to_owned() };
        let mut plan = Plan::default();
        if let Some((path, kind)) = &self.rust {
            plan.file(path, emit::rust::emit(registry, &header, *kind));
            if *kind == emit::rust::Kind::CrateRoot
                && let Some(directory) = path.parent()
            {
                plan.directory(directory);
            }
        }
        if let Some(path) = &self.vectors {
            plan.file(path, emit::vectors::emit(registry, &header));
            if let Some(directory) = path.parent() {
                plan.directory(directory);
            }
        }
        if let Some(directory) = &self.markdown {
            for file in emit::markdown::emit(registry, &header, directory) {
                plan.file(file.path, file.contents);
            }
            plan.directory(directory);
        }
        let packages = self.layout == Layout::Packages;
        if let Some(path) = &self.typescript {
            plan.file(path, emit::typescript::emit(registry, &header));
            if packages && let Some(directory) = path.parent() {
                plan.directory(directory);
            }
        }
        if let Some(path) = &self.python {
            plan.file(path, emit::python::emit(registry, &header));
            if packages && let Some(directory) = path.parent() {
                plan.file(directory.join("py.typed"), emit::python::py_typed(&header));
                plan.directory(directory);
            }
        }
        plan
    }
}
