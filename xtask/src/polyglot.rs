//! The Go and Java steps of `cargo xtask test`: the generated packages in `packages/go` and
//! `packages/java`, each checked against every conformance vector by its own toolchain. A missing
//! toolchain is installed with apt-get (Debian: golang-go, openjdk-17-jdk-headless, maven).

use std::path::Path;
use std::process::Command;

use crate::process::{captured, step};

/// The line each conformance suite prints once it has checked every code.
const CONFORMANCE_LINE: &str = "checked 65536 codes against conformance/vectors.json";

/// Installs the Debian `package` when `program` is not on the `PATH`.
fn ensure(program: &str, package: &str) -> Result<(), String> {
    if Command::new(program).arg("-version").output().is_ok() || Command::new(program).arg("version").output().is_ok() {
        return Ok(());
    }
    let mut install = Command::new("apt-get");
    install.args(["install", "-y", "--no-install-recommends", package]).env("DEBIAN_FRONTEND", "noninteractive");
    step(&format!("install {package} (no `{program}` found)"), install)
}

fn require_conformance(suite: &str, output: &str) -> Result<(), String> {
    if output.contains(CONFORMANCE_LINE) {
        Ok(())
    } else {
        Err(format!("{suite}: the conformance test did not report `{CONFORMANCE_LINE}`"))
    }
}

/// `gofmt -l` (must print nothing), `go vet` and `go test -v` of `packages/go` and of the
/// chat-app example's Go gateway.
pub fn go(root: &Path) -> Result<String, String> {
    ensure("go", "golang-go")?;
    let package = go_module(root, "packages/go")?;
    require_conformance("go", &package.1)?;
    let (gateway, _) = go_module(root, "examples/chat-app/gateway")?;
    let count = format!("go: {} tests passed, example gateway: {gateway}", package.0);
    println!("{count}");
    Ok(count)
}

/// Checks and tests one Go module; returns how many tests passed and what `go test` printed.
fn go_module(root: &Path, directory: &str) -> Result<(usize, String), String> {
    let module = root.join(directory);
    let go = |args: &[&str]| {
        let mut command = Command::new("go");
        command.args(args).current_dir(&module);
        command
    };
    let mut gofmt = Command::new("gofmt");
    gofmt.args(["-l", "."]).current_dir(&module);
    let unformatted = captured(&format!("gofmt -l {directory}"), gofmt, None)?;
    if !unformatted.trim().is_empty() {
        return Err(format!("{directory}: gofmt would change {}", unformatted.trim()));
    }
    step(&format!("go vet {directory}"), go(&["vet", "./..."]))?;
    let output = captured(&format!("go test {directory}"), go(&["test", "-count=1", "-v", "./..."]), None)?;
    let passed = output.lines().filter(|line| line.starts_with("--- PASS")).count();
    if passed == 0 || output.lines().any(|line| line.starts_with("--- FAIL")) {
        return Err(format!("{directory}: no Go test passed"));
    }
    Ok((passed, output))
}

/// `mvn verify` of `packages/java`: compile with every lint as an error, the JUnit tests and
/// Javadoc with doclint, failing on any warning.
pub fn java(root: &Path) -> Result<String, String> {
    ensure("javac", "openjdk-17-jdk-headless")?;
    ensure("mvn", "maven")?;
    let project = root.join("packages/java");
    let mut verify = Command::new("mvn");
    verify.args(["-q", "-B", "verify"]).current_dir(&project);
    let output = captured("java: mvn verify", verify, None)?;
    require_conformance("java", &output)?;
    let passed = surefire_tests(&project.join("target/surefire-reports"))?;
    let count = format!("java: {passed} tests passed");
    println!("{count}");
    Ok(count)
}

/// The number of tests the surefire reports count, failing when there are none or any failed.
fn surefire_tests(reports: &Path) -> Result<u64, String> {
    let entries = std::fs::read_dir(reports).map_err(|error| format!("{}: {error}", reports.display()))?;
    let mut total = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with("TEST-") && name.ends_with(".xml")) {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).map_err(|error| format!("{name}: {error}"))?;
        let attribute = |key: &str| -> u64 {
            text.split_once(&format!(" {key}=\""))
                .and_then(|(_, rest)| rest.split('"').next())
                .and_then(|value| value.parse().ok())
                .unwrap_or(0)
        };
        if attribute("failures") + attribute("errors") > 0 {
            return Err(format!("java: {name} reports failures"));
        }
        total += attribute("tests");
    }
    if total == 0 { Err("java: no test ran".to_owned()) } else { Ok(total) }
}
