//! What the command-line front ends share: the `ws-close-codes` binary and `cargo xtask gen`
//! load a registry, apply the plan and report the outcome the same way, with the same exit
//! codes: 0 up to date (or updated), 1 drift or an I/O error, 2 a registry error or bad usage.
#![cfg_attr(
    not(any(feature = "cli", feature = "internals")),
    allow(dead_code, reason = "the command line's work; without it only the Builder's drift report is used")
)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::application::load_application;
use crate::diagnostic::Diagnostic;
use crate::files::{self, ApplyError, Change, ChangeKind, Mode};

/// The file name `ws-close-codes` looks for when no registry is named.
pub const DEFAULT_REGISTRY: &str = "close-codes.toml";

/// Why a run did not bring the tree up to date.
#[derive(Debug)]
pub enum Failure {
    /// The registry has errors; nothing was written.
    Registry(Vec<Diagnostic>),
    /// Reading or writing a file failed.
    Files(ApplyError),
    /// The registry file does not exist (a usage error: exit 2).
    MissingRegistry(PathBuf),
    /// The registry configures no target, so there is nothing to generate or check.
    NoTargets(String),
}

/// What a successful run did.
#[derive(Debug)]
pub struct Outcome {
    /// Every difference found (in write mode: every change made).
    pub changes: Vec<Change>,
    /// How many files the registry generates.
    pub files: usize,
}

/// Exit code of a registry error or bad usage.
pub const EXIT_REGISTRY: u8 = 2;

/// Reads a registry file's bytes; a missing file is [`Failure::MissingRegistry`].
pub fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => Failure::MissingRegistry(path.to_owned()),
        _ => Failure::Files(ApplyError::Io { path: path.to_owned(), error }),
    })
}

/// The nearest `close-codes.toml` in `start` or one of its parents.
pub fn find_registry(start: &Path) -> Option<PathBuf> {
    start.ancestors().map(|directory| directory.join(DEFAULT_REGISTRY)).find(|path| path.is_file())
}

/// The command named in the header of every file generated from the application registry
/// `name`: the same whichever front end ran, so that none calls another's files out of date.
pub fn application_command(name: &str) -> String {
    format!("ws-close-codes gen {name}")
}

/// Loads the application registry at `path`, prints its warnings, and applies its targets
/// (relative to the registry's directory) in `mode`.
pub fn generate_application(path: &Path, mode: Mode, strict: bool) -> Result<Outcome, Failure> {
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let application = load_application(&name, &read(path)?, strict).map_err(Failure::Registry)?;
    for warning in &application.warnings {
        eprintln!("{warning}");
    }
    let root = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let plan = application.targets.plan(&application.registry, &application_command(&name), &name);
    if plan.files.is_empty() {
        return Err(Failure::NoTargets(path.display().to_string()));
    }
    let files = plan.files.len();
    let changes = files::apply(root, plan, mode).map_err(Failure::Files)?;
    Ok(Outcome { changes, files })
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

/// The one-line summary of a write: `3 written, 9 unchanged` (and `, 1 removed`).
pub fn summary(outcome: &Outcome) -> String {
    let written = outcome.changes.iter().filter(|c| c.kind != ChangeKind::Stale).count();
    let removed = outcome.changes.len() - written;
    let unchanged = outcome.files - written;
    let mut line = format!("{written} written, {unchanged} unchanged");
    if removed > 0 {
        line.push_str(&format!(", {removed} removed"));
    }
    line
}

/// Prints the outcome of a run and returns its exit code. `command` is what the user runs to
/// regenerate; `registry` names the registry file.
pub fn finish(outcome: Result<Outcome, Failure>, mode: Mode, command: &str, registry: &str) -> ExitCode {
    match outcome {
        Ok(outcome) if mode == Mode::Check => match drift_report(&outcome.changes, command) {
            Some(report) => {
                eprint!("{report}");
                ExitCode::FAILURE
            }
            None => {
                let s = if outcome.files == 1 { "" } else { "s" };
                println!("{} generated file{s} up to date with {registry}", outcome.files);
                ExitCode::SUCCESS
            }
        },
        Ok(outcome) => {
            for change in &outcome.changes {
                let verb = match change.kind {
                    ChangeKind::Missing => "created",
                    ChangeKind::OutOfDate => "updated",
                    ChangeKind::Stale => "removed",
                };
                println!("{verb} {}", change.path.display());
            }
            println!("{registry}: {}", summary(&outcome));
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
        Err(Failure::MissingRegistry(path)) => {
            eprintln!("error: {}: no such registry", path.display());
            eprintln!("  hint: run `ws-close-codes init` to write a starter {DEFAULT_REGISTRY}");
            ExitCode::from(EXIT_REGISTRY)
        }
        Err(Failure::NoTargets(registry)) => {
            eprintln!("error: {registry} configures no target, so there is nothing to generate or check");
            eprintln!("  hint: add a table such as\n\n    [targets.typescript]\n    path = \"src/closeCodes.ts\"\n");
            let keys: Vec<&str> = crate::emit::TARGETS.iter().map(|target| target.key()).collect();
            eprintln!("  (targets are {}; paths are relative to {registry})", keys.join(", "));
            ExitCode::from(EXIT_REGISTRY)
        }
        Err(Failure::Files(error)) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
