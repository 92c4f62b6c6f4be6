//! Generating the Rust module from a `build.rs`, prost-build style.
//!
//! ```no_run
//! // build.rs, in `fn main()`:
//! ws_close_codes_codegen::Builder::new("close-codes.toml")
//!     .generate()
//!     .unwrap_or_else(|error| panic!("{error}"));
//! ```
//!
//! ```ignore
//! // src/main.rs
//! #[allow(dead_code)]
//! mod close_codes {
//!     include!(concat!(env!("OUT_DIR"), "/close_codes.rs"));
//! }
//! ```

use std::fmt;
use std::path::PathBuf;

use crate::application::load_application;
use crate::diagnostic::Diagnostic;
use crate::emit::{self, Header};
use crate::files::{self, ApplyError};

/// Writes an application registry's Rust module into `OUT_DIR` for a build script.
#[derive(Clone, Debug)]
pub struct Builder {
    registry: PathBuf,
    out_dir: Option<PathBuf>,
    file_name: String,
    strict: bool,
}

impl Builder {
    /// A builder for the application registry at `registry` (relative to the crate's manifest
    /// directory, where cargo runs build scripts).
    pub fn new(registry: impl Into<PathBuf>) -> Self {
        Builder { registry: registry.into(), out_dir: None, file_name: "close_codes.rs".to_owned(), strict: false }
    }

    /// Where to write the module; default: the `OUT_DIR` cargo gives the build script.
    pub fn out_dir(mut self, out_dir: impl Into<PathBuf>) -> Self {
        self.out_dir = Some(out_dir.into());
        self
    }

    /// The module's file name; default `close_codes.rs`.
    pub fn file_name(mut self, file_name: impl Into<String>) -> Self {
        self.file_name = file_name.into();
        self
    }

    /// Treat warnings as errors.
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Prints `cargo::rerun-if-changed` for the registry, turns its warnings into
    /// `cargo::warning` lines, and writes the module (only when its content changed, and never over
    /// a file that lacks the `@generated` marker).
    /// Returns the module's path.
    pub fn generate(self) -> Result<PathBuf, BuildError> {
        println!("cargo::rerun-if-changed={}", self.registry.display());
        let out_dir = match self.out_dir {
            Some(dir) => dir,
            None => std::env::var_os("OUT_DIR").map(PathBuf::from).ok_or(BuildError::NoOutDir)?,
        };
        let bytes = std::fs::read(&self.registry)
            .map_err(|error| BuildError::Io(ApplyError::Io { path: self.registry.clone(), error }))?;
        let name = self.registry.display().to_string();
        let application = load_application(&name, &bytes, self.strict).map_err(BuildError::Registry)?;
        for warning in &application.warnings {
            println!("cargo::warning={}", warning.to_string().replace('\n', " "));
        }
        let header = Header { command: "cargo build".to_owned(), registry: name };
        let contents = emit::rust::emit(&application.registry, &header, emit::rust::Kind::Module);
        let path = out_dir.join(&self.file_name);
        // The same write path as the command line: unchanged files stay untouched, a file
        // without the `@generated` marker is never replaced.
        files::write_file(&path, &contents).map_err(BuildError::Io)?;
        Ok(path)
    }
}

/// Why a build script could not generate the module.
#[derive(Debug)]
pub enum BuildError {
    /// The registry has errors (all of them are listed).
    Registry(Vec<Diagnostic>),
    /// Reading the registry or writing the module failed.
    Io(ApplyError),
    /// Not run by cargo as a build script, and no [`Builder::out_dir`] given.
    NoOutDir,
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Registry(diagnostics) => {
                writeln!(f, "the close code registry has errors:")?;
                for diagnostic in diagnostics {
                    writeln!(f, "{diagnostic}")?;
                }
                Ok(())
            }
            BuildError::Io(error) => write!(f, "{error}"),
            BuildError::NoOutDir => write!(f, "OUT_DIR is not set: run from build.rs or set Builder::out_dir"),
        }
    }
}

impl std::error::Error for BuildError {}
