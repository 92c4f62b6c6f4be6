//! `cargo xtask gen [--check]`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::codegen::application::load_application_over;
use crate::codegen::cli::{self, Outcome};
use crate::codegen::emit::Header;
use crate::codegen::files::{self, Change, Mode};
use crate::codegen::{Diagnostic, Targets, load_bytes};

/// The command named in every generated file's header.
pub const COMMAND: &str = "cargo xtask gen";

/// The registry, relative to the repository root.
pub const REGISTRY: &str = "codes.toml";

/// The repository root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the repository").to_owned()
}

pub use crate::codegen::cli::Failure;

/// Application registries in this repository: examples, generated along with everything else.
pub const EXAMPLES: &[&str] = &["examples/chat-app/close-codes.toml"];

/// Loads the registry and the examples' registries over it, and applies the whole plan in
/// `mode` (one plan: a registry error anywhere means nothing is written). Returns the differences.
pub fn generate(root: &Path, mode: Mode) -> Result<Outcome, Failure> {
    let loaded = load_bytes(REGISTRY, &cli::read(&root.join(REGISTRY))?).map_err(Failure::Registry)?;
    for warning in &loaded.warnings {
        eprintln!("{warning}");
    }
    let mut plan = Targets::standard().plan(&loaded.registry, COMMAND, REGISTRY);
    plan.file(EMBEDDED, embedded_copy(&root.join(REGISTRY))?);
    for example in EXAMPLES {
        let path = Path::new(example);
        let name = path.file_name().expect("a file").to_string_lossy().into_owned();
        let bytes = cli::read(&root.join(path))?;
        let application = load_application_over(&loaded.registry, &name, &bytes, true).map_err(|diagnostics| {
            // Name the example's file by its path in the repository.
            Failure::Registry(diagnostics.into_iter().map(|d| Diagnostic { file: example.to_string(), ..d }).collect())
        })?;
        let directory = path.parent().expect("an example directory");
        // The header any user of `ws-close-codes gen` would write for this registry.
        let command = cli::application_command(&name);
        plan.include(directory, application.targets.plan(&application.registry, &command, &name));
    }
    let files = plan.files.len();
    let changes = files::apply(root, plan, mode).map_err(Failure::Files)?;
    Ok(Outcome { changes, files })
}

/// The copy of the registry that travels inside the generator crate (a published crate cannot
/// read files outside its own directory): the registry's text under an `@generated` line.
pub const EMBEDDED: &str = "codegen/codes.toml";

fn embedded_copy(registry: &Path) -> Result<String, Failure> {
    let text = String::from_utf8_lossy(&cli::read(registry)?).replace("\r\n", "\n");
    let header = Header { command: COMMAND.to_owned(), registry: REGISTRY.to_owned() };
    Ok(format!(
        "# {}\n# The standard registry the ws-close-codes-codegen crate embeds: a copy of codes.toml.\n\n{text}",
        header.line()
    ))
}

/// Describes the differences a check found, or `None` when the tree is up to date.
pub fn drift_report(changes: &[Change]) -> Option<String> {
    cli::drift_report(changes, COMMAND)
}

/// Runs `gen` from the command line on the checkout at `root`.
pub fn run(root: &Path, mode: Mode) -> ExitCode {
    cli::finish(generate(root, mode), mode, COMMAND, REGISTRY)
}

/// Runs `gen --registry PATH`: an application registry, its targets relative to it.
pub fn run_application(path: &Path, mode: Mode, strict: bool) -> ExitCode {
    let command = format!("cargo xtask gen --registry {}", path.display());
    cli::finish(cli::generate_application(path, mode, strict), mode, &command, &path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Plain `cargo test` fails when a generated file drifts from the registry.
    #[test]
    fn generated_files_match_the_registry() {
        match generate(&root(), Mode::Check) {
            Ok(outcome) => {
                if let Some(report) = drift_report(&outcome.changes) {
                    panic!("{report}");
                }
            }
            Err(Failure::Registry(diagnostics)) => {
                let text: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
                panic!("{REGISTRY} has errors:\n{}", text.join("\n"));
            }
            Err(Failure::Files(error)) => panic!("{error}"),
            Err(other) => panic!("{other:?}"),
        }
    }

    /// `ws-close-codes gen` calls the files `cargo xtask gen` wrote for the example up to date:
    /// the header does not depend on the front end.
    #[test]
    fn the_command_line_tool_agrees_with_xtask_on_the_example() {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        for example in EXAMPLES {
            let output = std::process::Command::new(&cargo)
                .args([
                    "run",
                    "--quiet",
                    "-p",
                    "ws-close-codes-codegen",
                    "--bin",
                    "ws-close-codes",
                    "--",
                    "gen",
                    "--check",
                ])
                .arg(example)
                .current_dir(root())
                .output()
                .unwrap();
            assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        }
    }
}
