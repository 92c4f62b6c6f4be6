//! Running the steps of `cargo xtask test` and `cargo xtask bench`: commands whose output stays
//! visible, installs that happen only when their lockfile changed.

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// Runs a step with its output going straight to the terminal; says how long it took.
pub fn step(name: &str, mut command: Command) -> Result<(), String> {
    println!("==> {name}");
    let started = Instant::now();
    let status = command.status();
    took(name, started);
    match status {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(format!("{name} failed ({status})")),
        Err(error) => Err(format!("could not run {name} ({:?}): {error}", command.get_program())),
    }
}

/// Runs a step and returns its standard output, showing every line as it comes except those
/// starting with `hidden` (lines meant for xtask itself); says how long it took.
pub fn captured(name: &str, mut command: Command, hidden: Option<&str>) -> Result<String, String> {
    println!("==> {name}");
    let started = Instant::now();
    let program = command.get_program().to_owned();
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| format!("could not run {name} ({program:?}): {error}"))?;
    let mut output = String::new();
    if let Some(stdout) = child.stdout.take() {
        let mut reader = BufReader::new(stdout);
        let mut line = Vec::new();
        while reader.read_until(b'\n', &mut line).map_err(|error| format!("{name}: {error}"))? > 0 {
            let text = String::from_utf8_lossy(&line);
            if !hidden.is_some_and(|prefix| text.starts_with(prefix)) {
                print!("{text}");
            }
            output.push_str(&text);
            line.clear();
        }
    }
    let status = child.wait().map_err(|error| format!("{name}: {error}"))?;
    took(name, started);
    if status.success() { Ok(output) } else { Err(format!("{name} failed ({status})")) }
}

/// The line after a step: its wall time, so that a slow step shows in any run's log.
fn took(name: &str, started: Instant) {
    println!("<== {name}: {:.1} s", started.elapsed().as_secs_f64());
}

/// `cargo` (the one running xtask) with `args`, in `directory`.
pub fn cargo(directory: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()));
    command.args(args).current_dir(directory);
    command
}

/// `npm ci` in `package` unless its `node_modules` was installed from this very lockfile.
pub fn npm_ci(package: &Path) -> Result<(), String> {
    let lock = package.join("package-lock.json");
    // The same stamp `cargo xtask test` keeps, so neither task reinstalls after the other.
    let stamp = package.join("node_modules/.xtask-package-lock.json");
    if !same_contents(&lock, &stamp) {
        step(&format!("npm ci in {}", package.display()), npm(package, &["ci"]))?;
        copy(&lock, &stamp)?;
    }
    Ok(())
}

/// `npm` with `args`, in `package`.
pub fn npm(package: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(if cfg!(windows) { "npm.cmd" } else { "npm" });
    command.args(args).current_dir(package);
    command
}

/// Do both files exist with the same bytes?
pub fn same_contents(a: &Path, b: &Path) -> bool {
    matches!((std::fs::read(a), std::fs::read(b)), (Ok(a), Ok(b)) if a == b)
}

/// Copies a file, as a step's error on failure.
pub fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to).map(drop).map_err(|error| format!("{} -> {}: {error}", from.display(), to.display()))
}
