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
//!
//! The registry's other targets (`[targets.go]`, `[targets.java]`, `[targets.typescript]`,
//! `[targets.python]`, `[targets.markdown]` and a `[targets.rust]` path) are files in the
//! repository, outside `OUT_DIR`, which cargo asks build scripts not to modify. By default the
//! builder leaves them alone; [`Builder::configured_targets`] makes the build check them for
//! drift, or bring them up to date, exactly as `ws-close-codes gen --check` and
//! `ws-close-codes gen` would:
//!
//! ```no_run
//! use ws_close_codes_codegen::{Builder, ConfiguredTargets};
//!
//! // build.rs of a server whose repository also holds the Go and Java clients' modules: the
//! // build fails, naming every file, when one of them no longer matches the registry.
//! Builder::new("../close-codes.toml")
//!     .configured_targets(ConfiguredTargets::Check)
//!     .generate()
//!     .unwrap_or_else(|error| panic!("{error}"));
//! ```

use std::fmt;
use std::path::{Path, PathBuf};

use crate::application::{Application, load_application};
use crate::cli;
use crate::diagnostic::Diagnostic;
use crate::emit::{self, Header};
use crate::files::{self, ApplyError, ChangeKind, Mode};

/// Writes an application registry's Rust module into `OUT_DIR` for a build script, and on
/// request checks or writes the other targets the registry configures.
#[derive(Clone, Debug)]
pub struct Builder {
    registry: PathBuf,
    out_dir: Option<PathBuf>,
    file_name: String,
    strict: bool,
    configured: ConfiguredTargets,
}

/// What [`Builder::generate`] does with the files the registry's `[targets.*]` tables configure
/// (paths relative to the registry file).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfiguredTargets {
    /// Leave them alone: only the Rust module in `OUT_DIR` is written (the default).
    #[default]
    Ignore,
    /// Fail the build, naming every file, when one of them is missing or out of date; write
    /// nothing there. The build script reruns when one of them changes.
    Check,
    /// Bring them up to date like `ws-close-codes gen`: only files whose content changed are
    /// written, all or nothing, never over a file without the `@generated` marker. Each file
    /// written is reported as a `cargo::warning`.
    Write,
}

impl Builder {
    /// A builder for the application registry at `registry` (relative to the crate's manifest
    /// directory, where cargo runs build scripts).
    pub fn new(registry: impl Into<PathBuf>) -> Self {
        Builder {
            registry: registry.into(),
            out_dir: None,
            file_name: "close_codes.rs".to_owned(),
            strict: false,
            configured: ConfiguredTargets::Ignore,
        }
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

    /// What to do with the targets the registry configures (Go, Java, TypeScript, Python,
    /// Markdown, a Rust module path); default [`ConfiguredTargets::Ignore`].
    ///
    /// ```no_run
    /// use ws_close_codes_codegen::{Builder, ConfiguredTargets};
    ///
    /// // Keep `web/src/closeCodes.ts` and `gateway/closecodes/closecodes.go` (configured in
    /// // close-codes.toml) up to date with every build of this crate.
    /// Builder::new("close-codes.toml").configured_targets(ConfiguredTargets::Write).generate().unwrap();
    /// ```
    pub fn configured_targets(mut self, configured: ConfiguredTargets) -> Self {
        self.configured = configured;
        self
    }

    /// Prints `cargo::rerun-if-changed` for the registry, turns its warnings into
    /// `cargo::warning` lines, checks or writes the configured targets if asked to (see
    /// [`Builder::configured_targets`]), and writes the module (only when its content changed, and
    /// never over a file that lacks the `@generated` marker).
    /// Returns the module's path.
    pub fn generate(self) -> Result<PathBuf, BuildError> {
        println!("cargo::rerun-if-changed={}", self.registry.display());
        let out_dir = match self.out_dir.clone() {
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
        self.configured_targets_of(&application)?;
        let header = Header { command: "cargo build".to_owned(), registry: name };
        let contents = emit::rust::emit(&application.registry, &header, emit::rust::Kind::Module);
        let path = out_dir.join(&self.file_name);
        // The same write path as the command line: unchanged files stay untouched, a file
        // without the `@generated` marker is never replaced.
        files::write_file(&path, &contents).map_err(BuildError::Io)?;
        Ok(path)
    }
}

impl Builder {
    /// Checks or writes the targets `application` configures, relative to the registry's
    /// directory, with the same header as `ws-close-codes gen` so that neither calls the other's
    /// files out of date.
    fn configured_targets_of(&self, application: &Application) -> Result<(), BuildError> {
        let mode = match self.configured {
            ConfiguredTargets::Ignore => return Ok(()),
            ConfiguredTargets::Check => Mode::Check,
            ConfiguredTargets::Write => Mode::Write,
        };
        let root = self.registry.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let name = self
            .registry
            .file_name()
            .map_or_else(|| self.registry.display().to_string(), |name| name.to_string_lossy().into_owned());
        let command = cli::application_command(&name);
        let plan = application.targets.plan(&application.registry, &command, &name);
        if mode == Mode::Check {
            // A hand edit of a checked file reruns the check (written files are not listed: a
            // build script that writes what it watches would rerun on every build).
            for file in &plan.files {
                println!("cargo::rerun-if-changed={}", root.join(&file.path).display());
            }
        }
        let changes = files::apply(root, plan, mode).map_err(BuildError::Io)?;
        if mode == Mode::Check {
            let regenerate = format!("ws-close-codes gen {}", self.registry.display());
            return match cli::drift_report(&changes, &regenerate) {
                Some(report) => Err(BuildError::OutOfDate(report)),
                None => Ok(()),
            };
        }
        for change in &changes {
            let verb = if change.kind == ChangeKind::Stale { "removed" } else { "wrote" };
            println!("cargo::warning={verb} {}", root.join(&change.path).display());
        }
        Ok(())
    }
}

/// Why a build script could not generate the module.
#[derive(Debug)]
#[non_exhaustive]
pub enum BuildError {
    /// The registry has errors (all of them are listed).
    Registry(Vec<Diagnostic>),
    /// Reading the registry or writing the module failed.
    Io(ApplyError),
    /// Not run by cargo as a build script, and no [`Builder::out_dir`] given.
    NoOutDir,
    /// With [`ConfiguredTargets::Check`]: configured files are missing or out of date (the
    /// report names each, with a short diff).
    OutOfDate(String),
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
            BuildError::OutOfDate(report) => write!(f, "{}", report.trim_end()),
        }
    }
}

impl std::error::Error for BuildError {}
