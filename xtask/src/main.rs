//! `cargo xtask`: the project's own tasks.
//!
//! - `cargo xtask gen [--check]`: regenerate every file from `codes.toml` (or only check them);
//! - `cargo xtask test [--only SUITE]`: every test the project has (or one suite);
//! - `cargo xtask docs`: build the mdBook of every locale into `target/book/<locale>/`;
//! - `cargo xtask fuzz --time N`: fuzz load + validate + emit for N seconds;
//! - `cargo xtask bench`: benchmark the generator and the generated code against their peers.

mod app_docs;
mod bench;
mod default_config;
mod docs;
mod fuzz;
mod generate;
mod interop;
mod packaging;
mod polyglot;
mod process;
mod python_versions;
mod release;
mod test;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use ws_close_codes_codegen as codegen;

/// The project's own tasks.
#[derive(Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask")]
#[command(after_help = "exit codes: 0 ok, 1 out of date or a test failed, 2 registry error or bad usage")]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Regenerate every generated file from codes.toml.
    Gen {
        /// Change nothing; exit 1 naming every out-of-date, missing or stale file.
        #[arg(long)]
        check: bool,
        /// Work on the checkout at DIR instead of this one.
        #[arg(long, value_name = "DIR", conflicts_with = "registry")]
        root: Option<PathBuf>,
        /// An application registry instead: its targets, relative to it (the files are the same
        /// as `ws-close-codes gen` writes).
        #[arg(long, value_name = "FILE")]
        registry: Option<PathBuf>,
        /// With --registry: warnings are errors.
        #[arg(long, requires = "registry")]
        strict: bool,
    },
    /// Run every test suite (cargo tests, doc tests, clippy, the drift check, the TypeScript and
    /// Python suites, the toolchain and property tests, the docs build, packaging), installing
    /// what they need.
    Test {
        /// Run only this suite.
        #[arg(long, value_name = "SUITE", value_parser = clap::builder::PossibleValuesParser::new(test::SUITES.iter().map(|s| s.name)))]
        only: Option<String>,
    },
    /// Build the docs of every locale into target/book/<locale>/ (installs mdBook into
    /// target/tools the first time).
    Docs,
    /// Fuzz load + validate + emit (installs cargo-fuzz into target/tools the first time).
    Fuzz {
        /// How long, in seconds.
        #[arg(long = "time", value_name = "SECONDS", default_value_t = 60)]
        seconds: u64,
    },
    /// Benchmark the generator and the generated code against their peers and rewrite
    /// BENCHMARKS.md (installs the peers itself).
    Bench,
    /// The interop suite alone: ws, websockets, tokio-tungstenite and Chromium on loopback
    /// (installs them itself, Chromium with apt-get when missing).
    Interop {
        /// Rewrite interop/RESULTS.md with what the suite observed.
        #[arg(long)]
        bless: bool,
    },
}

fn main() -> ExitCode {
    match Cli::parse().task {
        Task::Gen { check, root, registry, strict } => {
            let mode = if check { codegen::files::Mode::Check } else { codegen::files::Mode::Write };
            match registry {
                Some(registry) => generate::run_application(&registry, mode, strict),
                None => generate::run(&root.unwrap_or_else(generate::root), mode),
            }
        }
        Task::Test { only } => test::run(only.as_deref()),
        Task::Docs => docs::run(&generate::root()),
        Task::Fuzz { seconds } => fuzz::run(seconds),
        Task::Bench => bench::run(),
        Task::Interop { bless } => interop::run(bless),
    }
}
