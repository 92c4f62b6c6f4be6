//! Tools the tasks install for themselves, inside the repository's `target/` directory, so that
//! nothing has to be installed by hand.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A crate whose binary a task needs, at a pinned version.
pub struct Tool {
    /// The crate on crates.io.
    pub crate_name: &'static str,
    /// The exact version.
    pub version: &'static str,
    /// The binary it installs.
    pub binary: &'static str,
    /// Extra `cargo install` arguments (features).
    pub args: &'static [&'static str],
}

impl Tool {
    /// Installs the tool under `target/tools` unless this exact version is there already, and
    /// returns its binary; prints why not and returns `None` on failure.
    pub fn install(&self, root: &Path) -> Option<PathBuf> {
        let tools = root.join("target/tools");
        let path = tools.join("bin").join(format!("{}{}", self.binary, std::env::consts::EXE_SUFFIX));
        // The stamp records which version the binary is; a leftover binary of another is replaced.
        let stamp = tools.join(format!(".{}.version", self.crate_name));
        if path.exists() && std::fs::read_to_string(&stamp).is_ok_and(|v| v == self.version) {
            return Some(path);
        }
        println!("==> installing {} {} into {} (once)", self.crate_name, self.version, tools.display());
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let status = Command::new(cargo)
            .args(["install", "--locked", "--force", self.crate_name, "--version", self.version])
            .args(self.args)
            .arg("--root")
            .arg(&tools)
            .status();
        match status {
            Ok(status) if status.success() => {
                if let Err(error) = std::fs::write(&stamp, self.version) {
                    eprintln!("warning: {}: {error}", stamp.display());
                }
                Some(path)
            }
            Ok(status) => {
                eprintln!("error: installing {} {} failed ({status})", self.crate_name, self.version);
                None
            }
            Err(error) => {
                eprintln!("error: could not run cargo install: {error}");
                None
            }
        }
    }
}
