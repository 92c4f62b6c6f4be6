//! `cargo xtask`: the project's own tasks.
//!
//! - `cargo xtask gen [--check]`: regenerate every file from `codes.toml` (or only check them);
//! - `cargo xtask test`: every test the project has.

mod generate;
mod test;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <task>

tasks:
  gen [--check]   regenerate every generated file from codes.toml
                  (--check: change nothing, exit 1 if a file is out of date)
  test            run every test: cargo tests, clippy, the drift check and the
                  TypeScript and Python suites

exit codes: 0 ok, 1 out of date or a test failed, 2 registry error or bad usage";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["gen"] => generate::run(codegen::files::Mode::Write),
        ["gen", "--check"] => generate::run(codegen::files::Mode::Check),
        ["test"] => test::run(),
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

extern crate ws_close_codes_codegen as codegen;
