//! `ws-close-codes docs`: builds an application's books with mdBook, one per locale, from the
//! Markdown its `[targets.markdown]` table generates, into that table's `build_dir`
//! (`target/book` by default). mdBook is found as `$MDBOOK` or `mdbook` on the `PATH`; when it
//! is missing, the command says how to get it and changes nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use crate::application::load_application;
use crate::cli::{self, EXIT_REGISTRY, Failure};
use crate::files::Mode;

/// What to tell a user who has no mdBook.
pub const INSTALL_MDBOOK: &str = "mdBook is not installed: install it with `cargo install mdbook --locked` \
(or put a release binary from https://github.com/rust-lang/mdBook/releases on the PATH, or name it in $MDBOOK), \
then run `ws-close-codes docs` again";

/// Builds the books of the application registry at `registry`; `command` regenerates its files.
pub fn build(registry: &Path, command: &str) -> ExitCode {
    let name =
        registry.file_name().map_or_else(|| registry.display().to_string(), |n| n.to_string_lossy().into_owned());
    let bytes = match cli::read(registry) {
        Ok(bytes) => bytes,
        Err(failure) => return cli::finish(Err(failure), Mode::Check, command, &registry.display().to_string()),
    };
    let application = match load_application(&name, &bytes, false) {
        Ok(application) => application,
        Err(diagnostics) => {
            let failure = Failure::Registry(diagnostics);
            return cli::finish(Err(failure), Mode::Check, command, &registry.display().to_string());
        }
    };
    let Some(output) = application.targets.get("markdown") else {
        eprintln!("error: {name} has no [targets.markdown]; add one, e.g. `path = \"docs\"`, then run `{command}`");
        return ExitCode::from(EXIT_REGISTRY);
    };
    let mdbook = std::env::var_os("MDBOOK").map_or_else(|| PathBuf::from("mdbook"), PathBuf::from);
    if Command::new(&mdbook).arg("--version").output().is_err() {
        eprintln!("error: {INSTALL_MDBOOK}");
        return ExitCode::FAILURE;
    }
    let root = registry.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let build_dir = root.join(output.book.build_dir.as_deref().unwrap_or(Path::new("target/book")));
    for locale in &application.registry.locales {
        let book = root.join(&output.path).join(locale);
        if !book.join("book.toml").is_file() {
            eprintln!("error: {} has no book.toml; run `{command}` first", book.display());
            return ExitCode::FAILURE;
        }
        println!("mdbook build {} -> {}", book.display(), build_dir.join(locale).display());
        match Command::new(&mdbook).arg("build").arg(&book).status() {
            Ok(status) if status.success() => {}
            Ok(status) => {
                eprintln!("error: mdbook build {} failed ({status})", book.display());
                return ExitCode::FAILURE;
            }
            Err(error) => {
                eprintln!("error: could not run {}: {error}", mdbook.display());
                return ExitCode::FAILURE;
            }
        }
    }
    println!("built {} books into {}", application.registry.locales.len(), build_dir.display());
    ExitCode::SUCCESS
}
