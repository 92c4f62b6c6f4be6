//! The `ws-close-codes docs` step of `cargo xtask test`: the CLI builds the chat-app example's
//! books with the pinned mdBook, under the title and into the directory its registry sets; and,
//! without mdBook, it says how to get it and fails.

use std::path::Path;

use crate::process::{captured, cargo};

/// The example whose books are built, and the directory its registry names as `build_dir`.
const REGISTRY: &str = "examples/chat-app/close-codes.toml";
const BUILD_DIR: &str = "examples/chat-app/target/book";

/// Runs the step; returns the summary line.
pub fn run(root: &Path) -> Result<String, String> {
    let mdbook = crate::docs::MDBOOK.install(root).ok_or("could not install mdBook")?;
    let cli = |mdbook: Option<&Path>| {
        let mut command = cargo(
            root,
            &["run", "-q", "-p", "ws-close-codes-codegen", "--bin", "ws-close-codes", "--", "docs", REGISTRY],
        );
        match mdbook {
            Some(path) => command.env("MDBOOK", path),
            // No mdBook anywhere: an empty PATH besides cargo's own directory.
            None => command.env_remove("MDBOOK").env("PATH", cargo_dir()),
        };
        command
    };
    let build_dir = root.join(BUILD_DIR);
    let _ = std::fs::remove_dir_all(&build_dir);
    captured("ws-close-codes docs (example)", cli(Some(&mdbook)), None)?;
    let title = "Коды закрытия чат-сервиса";
    let index = std::fs::read_to_string(build_dir.join("ru/index.html")).map_err(|e| format!("{BUILD_DIR}/ru: {e}"))?;
    if !index.contains(title) {
        return Err(format!("{BUILD_DIR}/ru/index.html does not carry the registry's title {title:?}"));
    }
    let output = cli(None).output().map_err(|e| format!("ws-close-codes docs: {e}"))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if output.status.success() || !stderr.contains("cargo install mdbook") {
        return Err(format!(
            "without mdBook, `ws-close-codes docs` should fail and say how to get it; it said: {stderr}"
        ));
    }
    let count = "app docs: the example's books built with its title; without mdBook, an install hint".to_owned();
    println!("{count}");
    Ok(count)
}

/// The directory of the `cargo` running xtask, so that `cargo run` works with no other PATH.
fn cargo_dir() -> std::ffi::OsString {
    let cargo = std::env::var_os("CARGO").map(std::path::PathBuf::from);
    let dir = cargo.as_deref().and_then(Path::parent).map(Path::to_path_buf);
    dir.map_or_else(std::ffi::OsString::new, |dir| dir.into_os_string())
}
