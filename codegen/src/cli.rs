//! What the command-line front ends share: the `ws-close-codes` binary and `cargo xtask gen`
//! load a registry, apply the plan and report the outcome the same way, with the same exit
//! codes: 0 up to date (or updated), 1 drift or an I/O error, 2 a registry error or bad usage.

use std::path::Path;
use std::process::ExitCode;

use crate::application::load_application;
use crate::diagnostic::Diagnostic;
use crate::files::{self, ApplyError, Change, ChangeKind, Mode};

/// Why a run did not bring the tree up to date.
#[derive(Debug)]
pub enum Failure {
    /// The registry has errors; nothing was written.
    Registry(Vec<Diagnostic>),
    /// Reading or writing a file failed.
    Files(ApplyError),
}

/// Exit code of a registry error or bad usage.
pub const EXIT_REGISTRY: u8 = 2;

/// Reads a registry file's bytes.
pub fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|error| Failure::Files(ApplyError::Io { path: path.to_owned(), error }))
}

/// Loads the application registry at `path`, prints its warnings, and applies its targets
/// (relative to the registry's directory) in `mode`. `command` is what regenerates the files.
pub fn generate_application(path: &Path, mode: Mode, strict: bool, command: &str) -> Result<Vec<Change>, Failure> {
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let application = load_application(&name, &read(path)?, strict).map_err(Failure::Registry)?;
    for warning in &application.warnings {
        eprintln!("{warning}");
    }
    let root = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let plan = application.targets.plan(&application.registry, command, &name);
    if plan.files.is_empty() {
        eprintln!("{name}: no [targets] configured; nothing to generate");
    }
    files::apply(root, plan, mode).map_err(Failure::Files)
}

/// Describes the differences a check found, or `None` when the tree is up to date.
pub fn drift_report(changes: &[Change], command: &str) -> Option<String> {
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
    report.push_str(&format!("hint: run `{command}`, then commit the result\n"));
    Some(report)
}

/// Prints the outcome of a run and returns its exit code. `registry` names the registry file.
pub fn finish(outcome: Result<Vec<Change>, Failure>, mode: Mode, command: &str, registry: &str) -> ExitCode {
    match outcome {
        Ok(changes) if mode == Mode::Check => match drift_report(&changes, command) {
            Some(report) => {
                eprint!("{report}");
                ExitCode::FAILURE
            }
            None => {
                println!("generated files are up to date with {registry}");
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
                println!("generated files are up to date with {registry}");
            }
            ExitCode::SUCCESS
        }
        Err(Failure::Registry(diagnostics)) => {
            for diagnostic in &diagnostics {
                eprintln!("{diagnostic}");
            }
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            eprintln!("{registry}: {errors} error(s); no file was written");
            ExitCode::from(EXIT_REGISTRY)
        }
        Err(Failure::Files(error)) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
