//! `cargo xtask test`: every test the project has, in order, stopping at the first failure.
//!
//! Besides cargo's own steps it installs, inside the repository, what the other suites need:
//! `npm ci` in `packages/typescript` (again only when `package-lock.json` changed) and a
//! virtualenv in `target/venv` with the pinned `packages/python/requirements-dev.txt` (again only
//! when that file changed). Then it runs the TypeScript and Python suites, the toolchain tests,
//! which compile and run the code generated from a registry of hostile texts, and the property
//! tests, which do the same for batches of random registries (`WS_CLOSE_CODES_PROPTEST_SEED`,
//! `WS_CLOSE_CODES_PROPTEST_BATCHES` and `WS_CLOSE_CODES_PROPTEST_BATCH_SIZE` reproduce a run or
//! make it longer). Then the chat-app example's client and worker, and the mdBook build of the
//! docs (mdBook is installed into `target/tools` the first time), the packaging suite
//! (`packaging.rs`: every package built, checked and installed as its registry would), and last
//! the interop suite against real peers and Chromium (`interop.rs`). Every
//! step's output stays visible; a suite that ran no test fails. The suites are listed in
//! [`SUITES`]; `cargo xtask test --only NAME` runs one (setting up only what it needs), and the
//! summary prints one line per suite with what it counted and how long it took.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use crate::generate::root;
use crate::process::{captured, cargo, copy, npm, npm_ci, same_contents, step};

/// The line each conformance suite prints once it has checked every code.
const CONFORMANCE_LINE: &str = "checked 65536 codes against conformance/vectors.json";

/// One suite of `cargo xtask test`: a name for `--only` and the function that runs it, which
/// returns the suite's summary line (what it counted).
pub struct Suite {
    /// What `--only` calls it.
    pub name: &'static str,
    run: fn(&Context) -> Result<String, String>,
}

/// Every suite, in the order `cargo xtask test` runs them.
pub const SUITES: &[Suite] = &[
    Suite { name: "drift", run: |c| drift(&c.root) },
    Suite { name: "rust", run: |c| rust(&c.root) },
    Suite { name: "doc-tests", run: |c| doc_tests(&c.root) },
    Suite { name: "clippy", run: |c| clippy(&c.root) },
    Suite { name: "typescript", run: |c| c.typescript().map(|t| t.count.clone()) },
    Suite { name: "python", run: |c| c.python().map(|(count, _)| count.clone()) },
    Suite { name: "example", run: |c| example(&c.root, &c.python()?.1) },
    Suite { name: "toolchains", run: |c| toolchains(&c.root, &c.tsc()?, &c.python()?.1) },
    Suite { name: "properties", run: |c| properties(&c.root, &c.tsc()?, &c.python()?.1) },
    // mdBook parses SUMMARY.md, book.toml and its own directives, which the Markdown tests cannot.
    Suite {
        name: "docs",
        run: |c| {
            step("docs (mdBook)", cargo(&c.root, &["xtask", "docs"]))
                .map(|()| "docs: every locale's book builds".to_owned())
        },
    },
    Suite { name: "packaging", run: |c| crate::packaging::run(&c.root, &c.python()?.1) },
    Suite { name: "go", run: |c| crate::polyglot::go(&c.root) },
    Suite { name: "java", run: |c| crate::polyglot::java(&c.root) },
    Suite {
        name: "serde",
        run: |c| {
            // `--workspace`: the dependencies resolve with the features `cargo test --workspace`
            // gave them, so only the crate (with its serde feature) and this test are compiled.
            let test = ["test", "--workspace", "--features", "ws-close-codes/serde", "--test", "serde"];
            let output = captured("serde feature", cargo(&c.root, &test), None)?;
            let passed = require_tests("serde", cargo_passed(&output))?;
            Ok(format!("serde: {passed} tests passed (ws-close-codes --features serde)"))
        },
    },
    Suite { name: "default-config", run: |c| crate::default_config::run(&c.root, &c.tsc()?, &c.python()?.1) },
    Suite { name: "python-versions", run: |c| crate::python_versions::run(&c.root) },
    Suite {
        name: "bundle-sizes",
        run: |c| {
            c.typescript()?;
            step("typescript bundle sizes (esbuild)", npm(&c.root.join("packages/typescript"), &["run", "size"]))
                .map(|()| "bundle-sizes: each locale entry bundles only its own texts".to_owned())
        },
    },
    Suite { name: "app-docs", run: |c| crate::app_docs::run(&c.root) },
    Suite { name: "interop", run: |c| crate::interop::suite(&c.root, false).map(|lines| lines.join("; ")) },
];

/// What suites share: the repository root and the tools that one suite installs for others,
/// each set up on first use (so that `--only` sets up only what its suite needs).
pub struct Context {
    root: PathBuf,
    typescript: std::cell::OnceCell<TypeScript>,
    python: std::cell::OnceCell<(String, PathBuf)>,
}

impl Context {
    fn typescript(&self) -> Result<&TypeScript, String> {
        if self.typescript.get().is_none() {
            let _ = self.typescript.set(typescript(&self.root)?);
        }
        Ok(self.typescript.get().expect("set above"))
    }

    /// The TypeScript compiler, installed by `npm ci` (without running the TypeScript suite).
    fn tsc(&self) -> Result<PathBuf, String> {
        match self.typescript.get() {
            Some(typescript) => Ok(typescript.tsc.clone()),
            None => {
                let package = self.root.join("packages/typescript");
                npm_ci(&package)?;
                Ok(package.join("node_modules/.bin").join(if cfg!(windows) { "tsc.cmd" } else { "tsc" }))
            }
        }
    }

    fn python(&self) -> Result<&(String, PathBuf), String> {
        if self.python.get().is_none() {
            let _ = self.python.set(python(&self.root)?);
        }
        Ok(self.python.get().expect("set above"))
    }
}

/// Runs every suite (or only the one named) in order and stops at the first failure; then
/// prints what each suite counted and how long it took.
pub fn run(only: Option<&str>) -> ExitCode {
    let suites: Vec<&Suite> = SUITES.iter().filter(|suite| only.is_none_or(|name| suite.name == name)).collect();
    let context = Context { root: root(), typescript: Default::default(), python: Default::default() };
    let mut summary = Vec::new();
    let all = Instant::now();
    for suite in suites {
        let started = Instant::now();
        match (suite.run)(&context) {
            Ok(line) => summary.push(format!("{line} ({} s)", started.elapsed().as_secs())),
            Err(failure) => {
                eprintln!("xtask test: {failure}");
                for line in &summary {
                    eprintln!("  passed: {line}");
                }
                return ExitCode::FAILURE;
            }
        }
    }
    println!("xtask test: all {} suites passed in {} s", summary.len(), all.elapsed().as_secs());
    for line in summary {
        println!("  {line}");
    }
    ExitCode::SUCCESS
}

/// The workspaces of `cargo xtask bench`, each with a lockfile of its own that `--locked` builds use.
const BENCH_WORKSPACES: [&str; 3] = ["benches", "benches/cold/builder-user", "benches/cold/prost-user"];

/// The generated files match the registry, and the benchmarks' lockfiles match their manifests
/// (a change to the generator's dependencies must update them, or `cargo xtask bench` fails).
fn drift(root: &Path) -> Result<String, String> {
    let output = captured("drift check", cargo(root, &["xtask", "gen", "--check"]), None)?;
    for workspace in BENCH_WORKSPACES {
        let mut metadata = cargo(&root.join(workspace), &["metadata", "--locked", "--format-version", "1"]);
        metadata.stdout(std::process::Stdio::null());
        step(&format!("{workspace}/Cargo.lock is up to date"), metadata)
            .map_err(|error| format!("{error}; run `cargo metadata` in {workspace} and commit its Cargo.lock"))?;
    }
    Ok(format!(
        "drift: {}; the lockfiles of {} up to date",
        output.lines().last().unwrap_or_default(),
        BENCH_WORKSPACES.join(", ")
    ))
}

/// `cargo test` of the whole workspace, then the Rust conformance test again with its output.
fn rust(root: &Path) -> Result<String, String> {
    let output = captured("cargo test", cargo(root, &["test", "--workspace", "--all-targets"]), None)?;
    let passed = require_tests("rust", cargo_passed(&output))?;
    // Again, with its output shown: the line saying it checked every code. `--workspace`, as
    // above, so that cargo resolves the same features and reuses the build (with `-p` alone the
    // dev-dependencies' features differ, and it would compile them and the crate once more).
    let conformance = captured(
        "rust conformance",
        cargo(root, &["test", "--workspace", "--test", "conformance", "--", "--show-output"]),
        None,
    )?;
    require_conformance("rust", &conformance)?;
    Ok(format!("rust: {passed} tests passed (cargo test --workspace --all-targets)"))
}

fn doc_tests(root: &Path) -> Result<String, String> {
    let output = captured("doc tests", cargo(root, &["test", "--workspace", "--doc"]), None)?;
    let passed = require_tests("doc tests", cargo_passed(&output))?;
    Ok(format!("doc tests: {passed} passed"))
}

fn clippy(root: &Path) -> Result<String, String> {
    step("clippy", cargo(root, &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    // The generator as published, without the `internals` feature the workspace's tests and
    // xtask turn on: its library and binary, and its docs.
    let published = ["-p", "ws-close-codes-codegen", "--lib", "--bins"];
    step(
        "clippy (generator without internals)",
        cargo(root, &[&["clippy"][..], &published, &["--", "-D", "warnings"]].concat()),
    )?;
    // And as a build.rs takes it, without the command line (`default-features = false`).
    step(
        "clippy (generator for build scripts, no default features)",
        cargo(
            root,
            &["clippy", "-p", "ws-close-codes-codegen", "--lib", "--no-default-features", "--", "-D", "warnings"],
        ),
    )?;
    let mut doc = cargo(root, &["doc", "-p", "ws-close-codes-codegen", "--no-deps", "--lib"]);
    doc.env("RUSTDOCFLAGS", "-D warnings");
    step("cargo doc (generator without internals)", doc)?;
    step("rustfmt", cargo(root, &["fmt", "--all", "--check"]))?;
    Ok("clippy: no warnings (--workspace --all-targets, and the generator without `internals` and without default features, -D warnings); cargo doc of the generator without warnings; cargo fmt --check clean".to_owned())
}

/// The chat-app example's TypeScript client and Python worker, which use the modules generated
/// from its application registry (its Rust server is a workspace member, tested by `cargo test`).
fn example(root: &Path, python: &Path) -> Result<String, String> {
    let web = root.join("examples/chat-app/web");
    npm_ci(&web)?;
    let output = captured("example: typescript tests", npm(&web, &["test"]), None)?;
    let typescript = require_tests("example typescript", node_passed(&output))?;
    let worker = root.join("examples/chat-app/worker");
    let tool = |args: &[&str]| {
        let mut command = Command::new(python);
        command.args(["-m"]).args(args).current_dir(&worker).env("PYTHONDONTWRITEBYTECODE", "1");
        command
    };
    let output = captured("example: python tests", tool(&["pytest", "-p", "no:cacheprovider"]), None)?;
    let python = require_tests("example python", pytest_passed(&output))?;
    step("example: mypy --strict", tool(&["mypy"]))?;
    step("example: ruff check", tool(&["ruff", "check"]))?;
    step("example: ruff format --check", tool(&["ruff", "format", "--check"]))?;
    let count = format!("example: {typescript} typescript and {python} python tests passed");
    println!("{count}");
    Ok(count)
}

/// What the TypeScript step leaves for later steps.
struct TypeScript {
    /// The summary line, e.g. `typescript: 20 tests passed`.
    count: String,
    /// The compiler `npm ci` installed.
    tsc: PathBuf,
}

/// `npm ci` when needed, then the build and the tests.
fn typescript(root: &Path) -> Result<TypeScript, String> {
    let package = root.join("packages/typescript");
    npm_ci(&package)?;
    step("typescript build", npm(&package, &["run", "build"]))?;
    let output = captured("typescript tests", npm(&package, &["test"]), None)?;
    let passed = require_tests("typescript", node_passed(&output))?;
    require_conformance("typescript", &output)?;
    let count = format!("typescript: {passed} tests passed");
    println!("{count}");
    let tsc = package.join("node_modules/.bin").join(if cfg!(windows) { "tsc.cmd" } else { "tsc" });
    Ok(TypeScript { count, tsc })
}

/// `target/venv` with the pinned tools when needed, then pytest, mypy and ruff. Returns the
/// summary line and the virtualenv's Python.
fn python(root: &Path) -> Result<(String, PathBuf), String> {
    let package = root.join("packages/python");
    let venv = root.join("target/venv");
    let python = venv.join(if cfg!(windows) { "Scripts/python.exe" } else { "bin/python" });
    if !python.exists() {
        let mut create = Command::new(if cfg!(windows) { "python" } else { "python3" });
        create.args(["-m", "venv", "--clear"]).arg(&venv);
        step("create target/venv", create)?;
    }
    let mut version = Command::new(&python);
    version.args([
        "-c",
        "import sys; sys.exit(f'Python 3.10+ needed, found {sys.version}' if sys.version_info < (3, 10) else 0)",
    ]);
    step("python version", version)?;
    let requirements = package.join("requirements-dev.txt");
    let stamp = venv.join(".xtask-requirements-dev.txt");
    if !same_contents(&requirements, &stamp) {
        let mut install = Command::new(&python);
        install.args(["-m", "pip", "install", "--disable-pip-version-check", "--requirement"]).arg(&requirements);
        step("install python tools", install)?;
        copy(&requirements, &stamp)?;
    }
    let tool = |args: &[&str]| {
        let mut command = Command::new(&python);
        command.args(["-m"]).args(args).current_dir(&package).env("PYTHONDONTWRITEBYTECODE", "1");
        command
    };
    let output = captured("python tests", tool(&["pytest", "-p", "no:cacheprovider"]), None)?;
    let passed = require_tests("python", pytest_passed(&output))?;
    require_conformance("python", &output)?;
    step("mypy --strict", tool(&["mypy", "--strict", "src", "tests"]))?;
    step("ruff check", tool(&["ruff", "check"]))?;
    step("ruff format --check", tool(&["ruff", "format", "--check"]))?;
    let count = format!("python: {passed} tests passed");
    println!("{count}");
    Ok((count, python))
}

/// The escaping tests: generated code of a hostile registry, through rustc, tsc, node and python.
fn toolchains(root: &Path, tsc: &Path, python: &Path) -> Result<String, String> {
    let mut command = codegen_test(root, "toolchains", tsc, python);
    command.arg("--nocapture");
    let output = captured("toolchain tests", command, None)?;
    let passed = require_tests("toolchains", cargo_passed(&output))?;
    // One line per target driver: `toolchains: Go: 1234 strings back exactly`.
    let targets: Vec<&str> = output
        .lines()
        .filter_map(|line| line.strip_prefix("toolchains: ")?.split_once(": ").map(|(name, _)| name))
        .collect();
    let count =
        format!("toolchains: {passed} tests passed, the hostile registry back exactly in {}", targets.join(", "));
    println!("{count}");
    Ok(count)
}

/// The round-trip property tests: batches of random registries through the same toolchains.
fn properties(root: &Path, tsc: &Path, python: &Path) -> Result<String, String> {
    let started = Instant::now();
    let mut command = codegen_test(root, "properties", tsc, python);
    command.arg("--nocapture");
    let output = captured("property tests", command, None)?;
    require_tests("properties", cargo_passed(&output))?;
    let checked = output
        .lines()
        .find_map(|line| line.strip_prefix("properties: checked "))
        .ok_or("properties: the property test did not report what it checked")?;
    let count = format!("properties: checked {checked} ({} s)", started.elapsed().as_secs());
    println!("{count}");
    Ok(count)
}

/// `cargo test` of one codegen test file's ignored tests, with the toolchains they need.
/// `--workspace` rather than `-p ws-close-codes-codegen`: the features resolve as in the `rust`
/// suite, whose build of the test is reused instead of compiling the generator once more.
fn codegen_test(root: &Path, test: &str, tsc: &Path, python: &Path) -> Command {
    let mut command = cargo(root, &["test", "--workspace", "--test", test, "--", "--ignored"]);
    command.env("WS_CLOSE_CODES_TSC", tsc).env("WS_CLOSE_CODES_NODE", "node").env("WS_CLOSE_CODES_PYTHON", python);
    command.env("WS_CLOSE_CODES_GO", "go").env("WS_CLOSE_CODES_JAVAC", "javac").env("WS_CLOSE_CODES_JAVA", "java");
    command
}

/// The number of tests a suite passed, which must be known and above zero.
pub fn require_tests(suite: &str, passed: Option<u64>) -> Result<u64, String> {
    match passed {
        Some(0) => Err(format!("{suite}: no test ran")),
        Some(passed) => Ok(passed),
        None => Err(format!("{suite}: found no test summary in the output")),
    }
}

fn require_conformance(suite: &str, output: &str) -> Result<(), String> {
    if output.lines().any(|line| line.contains(CONFORMANCE_LINE)) {
        Ok(())
    } else {
        Err(format!("{suite}: the conformance test did not report `{CONFORMANCE_LINE}`"))
    }
}

/// `ℹ pass 20` (spec reporter) or `# pass 20` (TAP) of `node --test`: the last one.
fn node_passed(output: &str) -> Option<u64> {
    output.lines().rev().find_map(|line| {
        let line = line.trim_start_matches(['ℹ', '#', ' ']);
        line.strip_prefix("pass ")?.trim().parse().ok()
    })
}

/// `22 passed in 1.53s` or `22 passed, 1 skipped in ...` of pytest: the last summary line.
pub fn pytest_passed(output: &str) -> Option<u64> {
    output.lines().rev().filter(|line| line.starts_with('=')).find_map(|line| number_before(line, "passed"))
}

/// The sum of `N passed` over cargo's `test result:` lines.
pub fn cargo_passed(output: &str) -> Option<u64> {
    let counts: Vec<u64> = output
        .lines()
        .filter(|line| line.starts_with("test result:"))
        .filter_map(|line| number_before(line, "passed"))
        .collect();
    (!counts.is_empty()).then(|| counts.iter().sum())
}

/// The number just before `word` in `line`, ignoring punctuation after the word.
fn number_before(line: &str, word: &str) -> Option<u64> {
    let words: Vec<&str> = line.split_whitespace().collect();
    words
        .windows(2)
        .find(|pair| pair[1].trim_end_matches([',', ';', '.']) == word)
        .and_then(|pair| pair[0].parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_counts_come_from_either_reporter() {
        assert_eq!(node_passed("ℹ tests 20\nℹ pass 20\nℹ fail 0\n"), Some(20));
        assert_eq!(node_passed("# tests 3\n# pass 3\n# fail 0\n"), Some(3));
        assert_eq!(node_passed("ok 1 - passes\n"), None);
    }

    #[test]
    fn pytest_counts_come_from_the_summary_line() {
        assert_eq!(pytest_passed("checked 65536 codes\n===== 22 passed in 1.53s =====\n"), Some(22));
        assert_eq!(pytest_passed("=== 21 passed, 1 skipped in 2s ===\n"), Some(21));
        assert_eq!(pytest_passed("=== no tests ran in 0.01s ===\n"), None);
    }

    #[test]
    fn cargo_counts_add_up_every_test_binary() {
        let output = "test result: ok. 2 passed; 0 failed; 1 ignored\ntest result: ok. 3 passed; 0 failed\n";
        assert_eq!(cargo_passed(output), Some(5));
        assert_eq!(cargo_passed("running 0 tests\n"), None);
    }

    #[test]
    fn a_suite_that_ran_nothing_fails() {
        assert!(require_tests("python", Some(0)).is_err());
        assert!(require_tests("python", None).is_err());
        assert_eq!(require_tests("python", Some(4)), Ok(4));
    }
}
