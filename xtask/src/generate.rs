//! `cargo xtask gen [--check]`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::codegen::files::{self, Change, ChangeKind, Mode};
use crate::codegen::{Targets, load_bytes};

/// The command named in every generated file's header.
pub const COMMAND: &str = "cargo xtask gen";

/// The registry, relative to the repository root.
pub const REGISTRY: &str = "codes.toml";

/// The repository root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the repository").to_owned()
}

/// Why generation did not bring the tree up to date.
pub enum Failure {
    /// The registry has errors; nothing was written. Exit code 2.
    Registry(Vec<crate::codegen::Diagnostic>),
    /// Reading or writing failed. Exit code 1.
    Files(files::ApplyError),
}

/// Loads the registry and applies the plan in `mode`; returns the differences.
pub fn generate(root: &Path, mode: Mode) -> Result<Vec<Change>, Failure> {
    let path = root.join(REGISTRY);
    let bytes =
        std::fs::read(&path).map_err(|error| Failure::Files(files::ApplyError::Io { path: path.clone(), error }))?;
    let loaded = load_bytes(REGISTRY, &bytes).map_err(Failure::Registry)?;
    for warning in &loaded.warnings {
        eprintln!("{warning}");
    }
    let plan = Targets::standard().plan(&loaded.registry, COMMAND, REGISTRY);
    files::apply(root, plan, mode).map_err(Failure::Files)
}

/// Describes the differences found by a check, or `None` when the tree is up to date.
pub fn drift_report(changes: &[Change]) -> Option<String> {
    if changes.is_empty() {
        return None;
    }
    let mut report = String::from("generated files are out of date:\n");
    for change in changes {
        report.push_str(&format!("  {change}\n"));
        if let Some(diff) = &change.diff {
            for line in diff.lines() {
                report.push_str(&format!("    {line}\n"));
            }
        }
    }
    report.push_str(&format!("hint: run `{COMMAND}`, then commit the result\n"));
    Some(report)
}

/// Runs `gen` from the command line on the checkout at `root`.
pub fn run(root: &Path, mode: Mode) -> ExitCode {
    match generate(root, mode) {
        Ok(changes) if mode == Mode::Check => match drift_report(&changes) {
            Some(report) => {
                eprint!("{report}");
                ExitCode::FAILURE
            }
            None => {
                println!("generated files are up to date with {REGISTRY}");
                ExitCode::SUCCESS
            }
        },
        Ok(changes) => {
            for change in &changes {
                let verb = match change.kind {
                    ChangeKind::Missing => "created",
                    ChangeKind::OutOfDate => "updated",
                    ChangeKind::Stale => "removed",
                };
                println!("{verb} {}", change.path.display());
            }
            if changes.is_empty() {
                println!("generated files are up to date with {REGISTRY}");
            }
            ExitCode::SUCCESS
        }
        Err(Failure::Registry(diagnostics)) => {
            for diagnostic in &diagnostics {
                eprintln!("{diagnostic}");
            }
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            eprintln!("{REGISTRY}: {errors} error(s); no file was written");
            ExitCode::from(2)
        }
        Err(Failure::Files(error)) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Plain `cargo test` fails when a generated file drifts from the registry.
    #[test]
    fn generated_files_match_the_registry() {
        match generate(&root(), Mode::Check) {
            Ok(changes) => {
                if let Some(report) = drift_report(&changes) {
                    panic!("{report}");
                }
            }
            Err(Failure::Registry(diagnostics)) => {
                let text: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
                panic!("{REGISTRY} has errors:\n{}", text.join("\n"));
            }
            Err(Failure::Files(error)) => panic!("{error}"),
        }
    }
}
