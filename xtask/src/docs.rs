//! `cargo xtask docs`: builds the mdBook of every locale in `docs/` into `target/book/<locale>/`.
//!
//! mdBook is installed by this task, at a pinned version, into `target/tools/` (once; later runs
//! find it there), so building the docs needs nothing but cargo.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use crate::codegen::files::Mode;
use crate::generate::{self, Failure, drift_report};

/// The mdBook release the books are built with.
const MDBOOK_VERSION: &str = "0.5.4";

/// Where the generated books live, relative to the repository root.
const DOCS: &str = "docs";

/// Checks that `docs/` is up to date, installs mdBook if needed, and builds every book.
pub fn run(root: &Path) -> ExitCode {
    // Publishing stale docs would be worse than publishing none.
    match generate::generate(root, Mode::Check) {
        Ok(changes) => {
            if let Some(report) = drift_report(&changes) {
                eprint!("{report}");
                return ExitCode::FAILURE;
            }
        }
        Err(Failure::Registry(diagnostics)) => {
            for diagnostic in &diagnostics {
                eprintln!("{diagnostic}");
            }
            return ExitCode::from(2);
        }
        Err(Failure::Files(error)) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    }
    let books = match books(&root.join(DOCS)) {
        Ok(books) if !books.is_empty() => books,
        Ok(_) => {
            eprintln!("error: no book (a directory with a book.toml) in {DOCS}/");
            return ExitCode::FAILURE;
        }
        Err(error) => {
            eprintln!("error: {DOCS}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let Some(mdbook) = mdbook(root) else { return ExitCode::FAILURE };
    for locale in &books {
        let destination = root.join("target/book").join(locale);
        println!("==> mdbook build {DOCS}/{locale} -> {}", destination.display());
        let status = Command::new(&mdbook)
            .arg("build")
            .arg(root.join(DOCS).join(locale))
            .arg("--dest-dir")
            .arg(&destination)
            .status();
        match status {
            Ok(status) if status.success() && destination.join("index.html").is_file() => {}
            Ok(status) if status.success() => {
                eprintln!("error: mdbook built {locale} without an index.html");
                return ExitCode::FAILURE;
            }
            Ok(status) => {
                eprintln!("error: building the {locale} book failed ({status})");
                return ExitCode::FAILURE;
            }
            Err(error) => {
                eprintln!("error: could not run {}: {error}", mdbook.display());
                return ExitCode::FAILURE;
            }
        }
    }
    println!("built {} books into {}", books.len(), root.join("target/book").display());
    ExitCode::SUCCESS
}

/// The locales with a book in `docs`, sorted.
fn books(docs: &Path) -> std::io::Result<Vec<String>> {
    let mut books = Vec::new();
    for entry in std::fs::read_dir(docs)? {
        let entry = entry?;
        if entry.path().join("book.toml").is_file() {
            books.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    books.sort();
    Ok(books)
}

/// The pinned mdBook, installed into `target/tools` unless that exact version is already there.
fn mdbook(root: &Path) -> Option<PathBuf> {
    let tools = root.join("target/tools");
    let binary = tools.join("bin").join(format!("mdbook{}", std::env::consts::EXE_SUFFIX));
    if installed_version(&binary).as_deref() == Some(MDBOOK_VERSION) {
        return Some(binary);
    }
    println!("==> installing mdBook {MDBOOK_VERSION} into {} (once)", tools.display());
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    // Only the HTML renderer and its search index: `serve` and `watch` are not needed here.
    let status = Command::new(cargo)
        .args(["install", "mdbook", "--locked", "--version", MDBOOK_VERSION, "--force"])
        .args(["--no-default-features", "--features", "search", "--root"])
        .arg(&tools)
        .status();
    match status {
        Ok(status) if status.success() => {}
        Ok(status) => {
            eprintln!("error: installing mdBook {MDBOOK_VERSION} failed ({status})");
            return None;
        }
        Err(error) => {
            eprintln!("error: could not run cargo install: {error}");
            return None;
        }
    }
    match installed_version(&binary) {
        Some(version) if version == MDBOOK_VERSION => Some(binary),
        other => {
            eprintln!("error: {} reports version {other:?}, not {MDBOOK_VERSION}", binary.display());
            None
        }
    }
}

/// The version `mdbook --version` prints (`mdbook v0.5.4` -> `0.5.4`), if it runs.
fn installed_version(binary: &Path) -> Option<String> {
    let output = Command::new(binary).arg("--version").output().ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    Some(text.trim().trim_start_matches("mdbook").trim().trim_start_matches('v').to_owned())
}
