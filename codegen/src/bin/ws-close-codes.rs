//! `ws-close-codes`: generate an application's close-code modules from its registry.
//!
//! ```text
//! ws-close-codes gen [--check] [--strict] [REGISTRY]
//! ws-close-codes docs [REGISTRY]
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use ws_close_codes_codegen::cli::{self, EXIT_REGISTRY};
use ws_close_codes_codegen::files::Mode;

const USAGE: &str = "\
usage: ws-close-codes gen [--check] [--strict] [REGISTRY]
       ws-close-codes docs [REGISTRY]

Generates the modules an application registry configures in its [targets.*] tables
(paths relative to the registry), with every standard WebSocket close code and the
application's own.

  REGISTRY   the application registry (default: close-codes.toml)
  --check    change nothing; exit 1 naming every file that is out of date
  --strict   treat warnings as errors (e.g. standard texts missing in a locale)

docs builds the books of [targets.markdown] with mdBook (found as $MDBOOK or on
the PATH) into its build_dir (default target/book), one per locale.

exit codes: 0 up to date, 1 out of date (with --check) or an I/O error,
            2 registry error or bad usage";

/// The registry used when none is named.
const DEFAULT_REGISTRY: &str = "close-codes.toml";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("gen") => {}
        Some("docs") => return docs(&args[1..]),
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some("--version" | "-V") => {
            println!("ws-close-codes {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        _ => return usage_error("expected the command `gen`"),
    }
    let (mut mode, mut strict, mut registry) = (Mode::Write, false, None);
    for arg in &args[1..] {
        match arg.as_str() {
            "--check" => mode = Mode::Check,
            "--strict" => strict = true,
            option if option.starts_with('-') => return usage_error(&format!("unknown option `{option}`")),
            path if registry.is_none() => registry = Some(PathBuf::from(path)),
            extra => return usage_error(&format!("unexpected argument `{extra}`")),
        }
    }
    let registry = registry.unwrap_or_else(|| PathBuf::from(DEFAULT_REGISTRY));
    let name =
        registry.file_name().map_or_else(|| registry.display().to_string(), |n| n.to_string_lossy().into_owned());
    // The header names a command that works from the registry's directory.
    let command = format!("ws-close-codes gen {name}");
    let outcome = cli::generate_application(&registry, mode, strict, &command);
    cli::finish(outcome, mode, &command, &registry.display().to_string())
}

/// `docs [REGISTRY]`: the application's books, built with mdBook.
fn docs(args: &[String]) -> ExitCode {
    let registry = match args {
        [] => PathBuf::from(DEFAULT_REGISTRY),
        [path] if !path.starts_with('-') => PathBuf::from(path),
        _ => return usage_error("`docs` takes at most one argument, the registry"),
    };
    let name =
        registry.file_name().map_or_else(|| registry.display().to_string(), |n| n.to_string_lossy().into_owned());
    ws_close_codes_codegen::books::build(&registry, &format!("ws-close-codes gen {name}"))
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}\n\n{USAGE}");
    ExitCode::from(EXIT_REGISTRY)
}
