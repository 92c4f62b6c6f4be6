//! `cargo xtask`: the project's own tasks.
//!
//! - `cargo xtask gen [--check]`: regenerate every file from `codes.toml` (or only check them);
//! - `cargo xtask test`: every test the project has;
//! - `cargo xtask docs`: build the mdBook of every locale into `target/book/<locale>/`;
//! - `cargo xtask fuzz --time N`: fuzz load + validate + emit for N seconds;
//! - `cargo xtask bench`: benchmark the generator and the generated code against their peers.

mod bench;
mod default_config;
mod docs;
mod fuzz;
mod generate;
mod polyglot;
mod process;
mod test;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

use ws_close_codes_codegen as codegen;

const USAGE: &str = "\
usage: cargo xtask <task> [options]

tasks:
  gen             regenerate every generated file from codes.toml
    --check       change nothing; exit 1 naming every out-of-date, missing or stale file
    --root DIR    work on the checkout at DIR instead of this one
    --registry F  an application registry instead: its targets, relative to F
    --strict      with --registry: warnings are errors
  test            run every test: cargo tests, clippy, the drift check and the
                  TypeScript and Python suites
  docs            build the docs of every locale into target/book/<locale>/
                  (installs mdBook into target/tools the first time)
  fuzz --time N   fuzz load + validate + emit for N seconds
                  (installs cargo-fuzz into target/tools the first time)
  bench           benchmark the generator and the generated code against their
                  peers and rewrite BENCHMARKS.md (installs the peers itself)

exit codes: 0 ok, 1 out of date or a test failed, 2 registry error or bad usage";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse(&args) {
        Ok(Task::Gen { mode, root, registry: Some(registry), strict }) if root.is_none() => {
            generate::run_application(&registry, mode, strict)
        }
        Ok(Task::Gen { registry: Some(_), .. }) => {
            eprintln!("error: --root and --registry do not go together\n\n{USAGE}");
            ExitCode::from(2)
        }
        Ok(Task::Gen { mode, root, registry: None, strict: false }) => {
            generate::run(&root.unwrap_or_else(generate::root), mode)
        }
        Ok(Task::Gen { .. }) => {
            eprintln!("error: --strict goes with --registry\n\n{USAGE}");
            ExitCode::from(2)
        }
        Ok(Task::Test) => test::run(),
        Ok(Task::Docs) => docs::run(&generate::root()),
        Ok(Task::Fuzz { seconds }) => fuzz::run(seconds),
        Ok(Task::Bench) => bench::run(),
        Ok(Task::Help) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

enum Task {
    Gen { mode: codegen::files::Mode, root: Option<PathBuf>, registry: Option<PathBuf>, strict: bool },
    Test,
    Docs,
    Fuzz { seconds: u64 },
    Bench,
    Help,
}

fn parse(args: &[String]) -> Result<Task, String> {
    let mut args = args.iter().map(String::as_str);
    match args.next() {
        Some("gen") => {
            let mut mode = codegen::files::Mode::Write;
            let (mut root, mut registry, mut strict) = (None, None, false);
            while let Some(arg) = args.next() {
                match arg {
                    "--check" => mode = codegen::files::Mode::Check,
                    "--strict" => strict = true,
                    "--root" => root = Some(PathBuf::from(args.next().ok_or("--root needs a directory")?)),
                    "--registry" => registry = Some(PathBuf::from(args.next().ok_or("--registry needs a file")?)),
                    other => return Err(format!("unknown option `{other}` for gen")),
                }
            }
            Ok(Task::Gen { mode, root, registry, strict })
        }
        Some("test") => match args.next() {
            None => Ok(Task::Test),
            Some(other) => Err(format!("unknown option `{other}` for test")),
        },
        Some("docs") => match args.next() {
            None => Ok(Task::Docs),
            Some(other) => Err(format!("unknown option `{other}` for docs")),
        },
        Some("fuzz") => match (args.next(), args.next(), args.next()) {
            (Some("--time"), Some(seconds), None) => seconds
                .parse()
                .map(|seconds| Task::Fuzz { seconds })
                .map_err(|_| format!("--time needs a number of seconds, not `{seconds}`")),
            (None, ..) => Ok(Task::Fuzz { seconds: 60 }),
            _ => Err("usage: cargo xtask fuzz [--time SECONDS]".to_owned()),
        },
        Some("bench") => match args.next() {
            None => Ok(Task::Bench),
            Some(other) => Err(format!("unknown option `{other}` for bench")),
        },
        Some("help" | "--help" | "-h") => Ok(Task::Help),
        Some(other) => Err(format!("unknown task `{other}`")),
        None => Err("no task given".to_owned()),
    }
}
