//! The Python-versions step of `cargo xtask test`: `str()` and `format()` of every enum of the
//! Python package give the same text on each Python 3.10-3.13 the machine has
//! (`packages/python/tests/text_forms.py`, standard library only). Interpreters are looked for as
//! `python3.X` on the PATH and under pyenv's `versions` directory; the step names the versions
//! it ran and the ones it did not find, and fails when it finds none.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::process::step;

/// The versions the package declares in its classifiers.
const VERSIONS: [&str; 4] = ["3.10", "3.11", "3.12", "3.13"];

/// Runs the check under every version found; returns the summary line.
pub fn run(root: &Path) -> Result<String, String> {
    let package = root.join("packages/python");
    let (mut ran, mut missing) = (Vec::new(), Vec::new());
    for version in VERSIONS {
        let Some(python) = find(version) else {
            missing.push(version);
            continue;
        };
        let mut command = Command::new(&python);
        command.arg("tests/text_forms.py").current_dir(&package).env("PYTHONDONTWRITEBYTECODE", "1");
        step(&format!("python {version}: enum text forms ({})", python.display()), command)?;
        ran.push(version);
    }
    if ran.is_empty() {
        return Err(format!("python versions: found none of {}", VERSIONS.join(", ")));
    }
    let mut count = format!("python versions: enum text forms checked on {}", ran.join(", "));
    if !missing.is_empty() {
        count.push_str(&format!(" (not installed here: {})", missing.join(", ")));
    }
    println!("{count}");
    Ok(count)
}

/// `python3.X` on the PATH that really is that version, else one of pyenv's `3.X.*` (the last by name).
fn find(version: &str) -> Option<PathBuf> {
    let is_version = |python: &Path| {
        let check = format!("import sys; sys.exit(0 if '%d.%d' % sys.version_info[:2] == '{version}' else 1)");
        Command::new(python).args(["-c", &check]).output().is_ok_and(|output| output.status.success())
    };
    let on_path = PathBuf::from(format!("python{version}"));
    if is_version(&on_path) {
        return Some(on_path);
    }
    let pyenv = std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".pyenv")))?;
    let mut candidates: Vec<PathBuf> = std::fs::read_dir(pyenv.join("versions"))
        .ok()?
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().starts_with(&format!("{version}.")))
        .map(|entry| entry.path().join("bin/python"))
        .filter(|python| is_version(python))
        .collect();
    candidates.sort();
    candidates.pop()
}
