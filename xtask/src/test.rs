//! `cargo xtask test`: every test the project has.

use std::process::{Command, ExitCode};

use crate::generate::root;

/// Runs each step in order and stops at the first failure.
pub fn run() -> ExitCode {
    let root = root();
    let steps: Vec<(&str, Command)> = vec![
        ("drift check", cargo(&["xtask", "gen", "--check"])),
        ("cargo test", cargo(&["test", "--workspace", "--all-targets"])),
        ("doc tests", cargo(&["test", "--workspace", "--doc"])),
        ("clippy", cargo(&["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])),
    ];
    for (name, mut command) in steps {
        println!("==> {name}");
        command.current_dir(&root);
        match command.status() {
            Ok(status) if status.success() => {}
            Ok(status) => {
                eprintln!("xtask test: {name} failed ({status})");
                return ExitCode::FAILURE;
            }
            Err(error) => {
                eprintln!("xtask test: could not run {name}: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    println!("xtask test: all steps passed");
    ExitCode::SUCCESS
}

fn cargo(args: &[&str]) -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()));
    command.args(args);
    command
}
