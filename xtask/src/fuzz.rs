//! `cargo xtask fuzz --time N`: libFuzzer over load + validate + emit, via cargo-fuzz.
//!
//! cargo-fuzz is installed into `target/tools` at a pinned version. The fuzzer needs unstable
//! compiler flags; with no nightly toolchain installed it runs the stable one with
//! `RUSTC_BOOTSTRAP=1`. New inputs go to `target/fuzz/corpus`; the committed seeds in
//! `fuzz/corpus/registry` are read, never written.

use std::path::Path;
use std::process::{Command, ExitCode};

use crate::generate::root;
use crate::tools::Tool;

const CARGO_FUZZ: Tool =
    Tool { crate_name: "cargo-fuzz", version: "0.13.2", binary: "cargo-fuzz", args: &[], wheel: None };

/// Runs the `registry` fuzz target for `seconds`.
pub fn run(seconds: u64) -> ExitCode {
    let root = root();
    let Some(cargo_fuzz) = CARGO_FUZZ.install(&root) else {
        return ExitCode::FAILURE;
    };
    let work = root.join("target/fuzz");
    let corpus = work.join("corpus");
    let artifacts = work.join("artifacts");
    for dir in [&corpus, &artifacts] {
        if let Err(error) = std::fs::create_dir_all(dir) {
            eprintln!("error: {}: {error}", dir.display());
            return ExitCode::FAILURE;
        }
    }
    let mut command = Command::new(cargo_fuzz);
    command
        .current_dir(root.join("fuzz"))
        .env("RUSTC_BOOTSTRAP", "1")
        .args(["fuzz", "run", "registry", "--target-dir"])
        .arg(&work)
        .arg(&corpus)
        .arg(Path::new("corpus/registry"))
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-artifact_prefix={}/", artifacts.display()))
        .arg("-print_final_stats=1");
    println!("==> fuzzing load + validate + emit for {seconds} s");
    match command.status() {
        Ok(status) if status.success() => {
            println!("fuzz: no crash in {seconds} s; corpus in {}", corpus.display());
            ExitCode::SUCCESS
        }
        Ok(status) => {
            eprintln!("fuzz: the fuzzer stopped ({status}); crashing inputs are in {}", artifacts.display());
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("fuzz: could not run cargo-fuzz: {error}");
            ExitCode::FAILURE
        }
    }
}
