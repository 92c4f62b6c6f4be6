//! `cargo xtask interop [--bless]`: our answers against real WebSocket peers and a real browser,
//! on live loopback connections (`interop/`). Also the last step of `cargo xtask test`.
//!
//! It installs what it needs itself, inside the repository, never as a dependency of a package:
//! Debian's Chromium with apt-get when `/usr/bin/chromium` is missing (never a browser download),
//! `npm ci` in `interop/node` (ws and playwright-core), the virtualenv `target/interop-venv`
//! (websockets), and the tokio-tungstenite peer, built from `interop/rust` with its own lockfile
//! into `target/interop`. The suite itself is `interop/node/suite.mjs`: it compares what it saw
//! with `interop/RESULTS.md` and fails on any difference; `--bless` rewrites that file instead.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use crate::generate::root;
use crate::process::{captured, cargo, copy, npm, npm_ci, same_contents, step};

/// The browser the suite drives: Debian's package, never a download.
const CHROMIUM: &str = "/usr/bin/chromium";

/// The line prefix the suite prints once per peer with its case count.
const COUNT_PREFIX: &str = "interop: ";

/// `cargo xtask interop`: the suite alone.
pub fn run(bless: bool) -> ExitCode {
    let root = root();
    let built = build_typescript(&root);
    match built.and_then(|()| suite(&root, bless)) {
        Ok(summary) => {
            println!("xtask interop: passed");
            for line in summary {
                println!("  {line}");
            }
            ExitCode::SUCCESS
        }
        Err(failure) => {
            eprintln!("xtask interop: {failure}");
            ExitCode::FAILURE
        }
    }
}

/// The package's ES module build, which the suite loads in Node and in the page (`cargo xtask
/// test` has built it already by the time it runs the suite).
pub fn build_typescript(root: &Path) -> Result<(), String> {
    let package = root.join("packages/typescript");
    npm_ci(&package)?;
    step("typescript build", npm(&package, &["run", "build"]))
}

/// Installs the peers and runs the suite; returns its per-peer case counts and its time.
pub fn suite(root: &Path, bless: bool) -> Result<Vec<String>, String> {
    let started = Instant::now();
    chromium()?;
    let node = root.join("interop/node");
    let mut install = npm(&node, &["ci", "--no-audit", "--no-fund"]);
    install.env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    installed(&node.join("package-lock.json"), &node.join("node_modules/.xtask-package-lock.json"), install)?;
    let python = venv(root)?;
    let peer = tungstenite_peer(root)?;
    let chat = chat_module(root)?;
    let mut command = Command::new("node");
    command
        .arg(node.join("suite.mjs"))
        .arg("--python")
        .arg(&python)
        .arg("--tungstenite")
        .arg(&peer)
        .arg("--chromium")
        .arg(CHROMIUM)
        .arg("--chat")
        .arg(&chat)
        .current_dir(root);
    if bless {
        command.arg("--bless");
    }
    let output = captured("interop suite", command, None)?;
    let mut summary: Vec<String> = output
        .lines()
        .filter_map(|line| line.strip_prefix(COUNT_PREFIX))
        .map(|line| format!("interop: {line}"))
        .collect();
    if summary.is_empty() {
        return Err("interop: the suite reported no case count".to_owned());
    }
    summary.push(format!("interop: {} s in all, installs included", started.elapsed().as_secs()));
    Ok(summary)
}

/// Installs Debian's Chromium when it is missing. The suite never downloads a browser of its own.
fn chromium() -> Result<(), String> {
    if Path::new(CHROMIUM).exists() {
        return Ok(());
    }
    println!("==> {CHROMIUM} is missing: installing Debian's chromium with apt-get");
    let apt = |args: &[&str]| {
        let mut command = Command::new("apt-get");
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    step("apt-get update", apt(&["update"]))?;
    // With its recommended packages (fonts among them), as a user's desktop install has them.
    step("apt-get install chromium", apt(&["install", "-y", "chromium"]))?;
    if Path::new(CHROMIUM).exists() {
        Ok(())
    } else {
        Err(format!("apt-get installed chromium, but {CHROMIUM} is still missing"))
    }
}

/// Runs `install` unless `stamp` holds the same bytes as `lock`, then records `lock` in `stamp`.
fn installed(lock: &Path, stamp: &Path, install: Command) -> Result<(), String> {
    if !same_contents(lock, stamp) {
        step(&format!("install from {}", lock.display()), install)?;
        copy(lock, stamp)?;
    }
    Ok(())
}

/// `target/interop-venv` with the pinned websockets; returns its Python.
fn venv(root: &Path) -> Result<PathBuf, String> {
    let venv = root.join("target/interop-venv");
    let python = venv.join(if cfg!(windows) { "Scripts/python.exe" } else { "bin/python" });
    if !python.exists() {
        let mut create = Command::new(if cfg!(windows) { "python" } else { "python3" });
        create.args(["-m", "venv", "--clear"]).arg(&venv);
        step("create target/interop-venv", create)?;
    }
    let requirements = root.join("interop/python/requirements.txt");
    let mut install = Command::new(&python);
    install.args(["-m", "pip", "install", "--disable-pip-version-check", "--requirement"]).arg(&requirements);
    installed(&requirements, &venv.join(".xtask-interop-requirements.txt"), install)?;
    Ok(python)
}

/// Builds the tokio-tungstenite peer (its own workspace and lockfile) and returns its binary.
fn tungstenite_peer(root: &Path) -> Result<PathBuf, String> {
    let target = root.join("target/interop");
    // Not --locked: the lockfile pins the peer, but also records our own crate's version, which
    // may move on without the peer changing.
    let mut build = cargo(&root.join("interop/rust"), &["build", "--quiet"]);
    build.env("CARGO_TARGET_DIR", &target);
    step("build the tokio-tungstenite peer (interop/rust)", build)?;
    Ok(target.join("debug").join(format!("tungstenite-peer{}", std::env::consts::EXE_SUFFIX)))
}

/// Compiles the chat-app example's generated TypeScript module on its own into
/// `target/interop/chat-app`, for the page and the Node checks.
fn chat_module(root: &Path) -> Result<PathBuf, String> {
    let out = root.join("target/interop/chat-app");
    let tsc = root.join("packages/typescript/node_modules/.bin").join(if cfg!(windows) { "tsc.cmd" } else { "tsc" });
    let mut compile = Command::new(tsc);
    compile
        .args(["--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext", "--strict"])
        .args(["--newLine", "lf", "--rootDir"])
        .arg(root.join("examples/chat-app/web/src"))
        .arg("--outDir")
        .arg(&out)
        .arg(root.join("examples/chat-app/web/src/closeCodes.ts"));
    step("compile the chat-app's generated module", compile)?;
    // The output is an ES module; say so to Node, whatever the directories above say.
    std::fs::write(out.join("package.json"), "{ \"type\": \"module\" }\n")
        .map_err(|error| format!("{}: {error}", out.display()))?;
    Ok(out.join("closeCodes.js"))
}
