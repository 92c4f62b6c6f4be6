//! The `ws-close-codes` command line: its arguments (clap) and what each subcommand does.
//!
//! ```text
//! ws-close-codes init [--target LANGUAGE]...
//! ws-close-codes gen [--check] [--strict] [REGISTRY]
//! ws-close-codes explain CODE [--locale TAG] [--registry FILE]
//! ws-close-codes list [--locale TAG] [--registry FILE]
//! ws-close-codes docs [REGISTRY]
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use std::ffi::OsString;

use clap::{Parser, Subcommand};

use crate::application::{self, load_application};
use crate::cli::{self, DEFAULT_REGISTRY, EXIT_REGISTRY, Failure};
use crate::files::Mode;
use crate::model::Registry;
use crate::starter;
use crate::{Diagnostic, explain};

/// Every WebSocket close code and your application's own, generated for Rust, TypeScript,
/// Python, Go, Java and Markdown from one TOML registry.
#[derive(Parser)]
#[command(name = "ws-close-codes", version, propagate_version = true)]
#[command(after_help = "exit codes: 0 ok, 1 out of date (gen --check) or an I/O error, 2 registry error or bad usage")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write a commented starter close-codes.toml in the current directory.
    Init {
        /// A target to enable (repeat for several); default: guessed from the project's files
        /// here (Cargo.toml, package.json, pyproject.toml, go.mod, pom.xml, ...), else markdown.
        #[arg(long = "target", value_parser = clap::builder::PossibleValuesParser::new(starter::keys()))]
        targets: Vec<String>,
    },
    /// Generate the files the registry configures in its [targets.*] tables (paths relative
    /// to the registry), with every standard close code and the application's own.
    Gen {
        /// The application registry; default: close-codes.toml in the current directory or
        /// the nearest parent that has one.
        registry: Option<PathBuf>,
        /// Change nothing; exit 1 naming every file that is out of date.
        #[arg(long)]
        check: bool,
        /// Treat warnings as errors (e.g. standard texts missing in a locale).
        #[arg(long)]
        strict: bool,
    },
    /// Explain a close code: its meaning, whether it may be sent, whether a browser may send
    /// it, and what a client should do. Any number 0-65535 works.
    Explain {
        /// The close code.
        code: u16,
        #[command(flatten)]
        source: Source,
    },
    /// Print every registered close code as a table.
    List {
        #[command(flatten)]
        source: Source,
    },
    /// Build the books of [targets.markdown] with mdBook (found as $MDBOOK or on the PATH) into
    /// its build_dir (default target/book), one per locale.
    Docs {
        /// The application registry; default: close-codes.toml in the current directory or
        /// the nearest parent that has one.
        registry: Option<PathBuf>,
    },
}

/// Which registry and locale `explain` and `list` read.
#[derive(clap::Args)]
struct Source {
    /// A locale of the registry, e.g. en, zh-Hans, ru; default: its fallback locale.
    #[arg(long)]
    locale: Option<String>,
    /// An application registry; default: close-codes.toml in the current directory or a parent,
    /// else only the standard codes.
    #[arg(long)]
    registry: Option<PathBuf>,
}

/// Runs the `ws-close-codes` command line with the process's arguments and returns its exit
/// code: 0 up to date (or updated), 1 out of date (`gen --check`) or an I/O error, 2 a registry
/// error or bad usage. The `ws-close-codes` binary is this function.
///
/// ```no_run
/// // src/bin/close-codes.rs of a tool that wants the command under its own name:
/// fn main() -> std::process::ExitCode {
///     ws_close_codes_codegen::cli_main()
/// }
/// ```
pub fn cli_main() -> ExitCode {
    run(Cli::parse())
}

/// [`cli_main`] with the given arguments, the first being the program's name: for an xtask or
/// another tool that runs the generator in its own process.
///
/// ```no_run
/// use std::process::ExitCode;
///
/// // `cargo xtask check-close-codes`: fail when a generated file no longer matches.
/// let code = ws_close_codes_codegen::cli_main_from(["ws-close-codes", "gen", "--check", "close-codes.toml"]);
/// assert_eq!(code, ExitCode::SUCCESS);
/// ```
pub fn cli_main_from<I, T>(arguments: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    match Cli::try_parse_from(arguments) {
        Ok(cli) => run(cli),
        Err(error) => {
            // Help and version go to stdout with exit 0; usage errors to stderr with exit 2.
            let _ = error.print();
            ExitCode::from(if error.use_stderr() { EXIT_REGISTRY } else { 0 })
        }
    }
}

fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Init { targets } => init(targets),
        Command::Gen { registry, check, strict } => {
            generate(registry, if check { Mode::Check } else { Mode::Write }, strict)
        }
        Command::Explain { code, source } => {
            with_registry(&source, |registry, locale| print!("{}", explain::explain(registry, code, locale)))
        }
        Command::List { source } => {
            with_registry(&source, |registry, locale| print!("{}", explain::table(registry, locale)))
        }
        Command::Docs { registry } => docs(registry),
    }
}

fn init(targets: Vec<String>) -> ExitCode {
    let path = Path::new(DEFAULT_REGISTRY);
    if path.exists() {
        eprintln!("error: {DEFAULT_REGISTRY} already exists here; it was left as it is");
        eprintln!("  hint: run `ws-close-codes gen` to generate from it");
        return ExitCode::from(EXIT_REGISTRY);
    }
    // In the order the starter lists them, each once.
    let keys: Vec<&str> = if targets.is_empty() {
        starter::detect(Path::new("."))
    } else {
        starter::keys().into_iter().filter(|key| targets.iter().any(|target| target == key)).collect()
    };
    // `create_new`: never replace a file that appeared meanwhile.
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut file| std::io::Write::write_all(&mut file, starter::starter(&keys).as_bytes()));
    if let Err(error) = written {
        eprintln!("error: {DEFAULT_REGISTRY}: {error}");
        return ExitCode::FAILURE;
    }
    println!("wrote {DEFAULT_REGISTRY} with the target(s) {}", keys.join(", "));
    println!("next: add your codes to it, then run `ws-close-codes gen`");
    ExitCode::SUCCESS
}

/// The registry given, or the one found here or above, with the command that regenerates from it.
fn located(registry: Option<PathBuf>) -> Result<(PathBuf, String), ExitCode> {
    let registry = match registry {
        Some(path) => path,
        None => find()?,
    };
    let name =
        registry.file_name().map_or_else(|| registry.display().to_string(), |n| n.to_string_lossy().into_owned());
    let command = cli::application_command(&name);
    Ok((registry, command))
}

fn generate(registry: Option<PathBuf>, mode: Mode, strict: bool) -> ExitCode {
    let (registry, command) = match located(registry) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let outcome = cli::generate_application(&registry, mode, strict);
    cli::finish(outcome, mode, &command, &registry.display().to_string())
}

/// The nearest `close-codes.toml`, or the usage error saying there is none.
fn find() -> Result<PathBuf, ExitCode> {
    let here = std::env::current_dir().map_err(|error| {
        eprintln!("error: the current directory: {error}");
        ExitCode::FAILURE
    })?;
    match cli::find_registry(&here) {
        // Relative to here when it is here: messages then name `close-codes.toml`, not a long path.
        Some(path) if path.parent() == Some(here.as_path()) => Ok(PathBuf::from(DEFAULT_REGISTRY)),
        Some(path) => Ok(path),
        None => Err(cli::finish(
            Err(Failure::MissingRegistry(PathBuf::from(DEFAULT_REGISTRY))),
            Mode::Check,
            "",
            DEFAULT_REGISTRY,
        )),
    }
}

/// Runs `show` with the registry `explain` and `list` read, and the locale asked for.
fn with_registry(source: &Source, show: impl FnOnce(&Registry, usize)) -> ExitCode {
    let path = match &source.registry {
        Some(path) => Some(path.clone()),
        None => std::env::current_dir().ok().and_then(|here| cli::find_registry(&here)),
    };
    let loaded;
    let registry = match &path {
        Some(path) => {
            let bytes = match cli::read(path) {
                Ok(bytes) => bytes,
                Err(failure) => return cli::finish(Err(failure), Mode::Check, "", &path.display().to_string()),
            };
            match load_application(&path.display().to_string(), &bytes, false) {
                Ok(application) => {
                    loaded = application.registry;
                    &loaded
                }
                Err(diagnostics) => return registry_errors(&diagnostics, path),
            }
        }
        None => application::standard(),
    };
    let locale = match &source.locale {
        None => registry.fallback,
        Some(tag) => match registry.locales.iter().position(|l| l.eq_ignore_ascii_case(tag)) {
            Some(index) => index,
            None => {
                eprintln!("error: no texts in locale `{tag}`");
                eprintln!("  hint: the registry's locales are {}", registry.locales.join(", "));
                return ExitCode::from(EXIT_REGISTRY);
            }
        },
    };
    show(registry, locale);
    ExitCode::SUCCESS
}

fn registry_errors(diagnostics: &[Diagnostic], path: &Path) -> ExitCode {
    for diagnostic in diagnostics {
        eprintln!("{diagnostic}");
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    eprintln!("{}: {errors} error(s)", path.display());
    ExitCode::from(EXIT_REGISTRY)
}

/// `docs [REGISTRY]`: the application's books, built with mdBook.
fn docs(registry: Option<PathBuf>) -> ExitCode {
    match located(registry) {
        Ok((registry, command)) => crate::books::build(&registry, &command),
        Err(code) => code,
    }
}
