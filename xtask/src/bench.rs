//! `cargo xtask bench`: the generator and the generated code against the peers people would use
//! instead, in one run, written to `BENCHMARKS.md`.
//!
//! It installs what it needs inside the repository: the benchmark workspace `benches/` (criterion
//! and tungstenite, its own lockfile, built into `target/bench`), the two user crates of
//! `benches/cold/` (cold builds with the Builder and with prost-build, each its own lockfile), `npm ci` in `packages/typescript`
//! and `benches/typescript` (ws), and the virtualenv `target/bench-venv` (websockets and the local
//! package). Each benchmark prints its results as `BENCH {json}` lines; xtask times whole processes
//! and cold builds itself, then renders the file. Nothing here asserts a timing.

mod figures;
mod notes;
mod report;

use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant, SystemTime};

use figures::{Figures, Machine, PREFIX, Peer, Results, Timing};

use crate::generate::root;
use crate::process::{captured, cargo, copy, npm, npm_ci, same_contents, step};

/// The file this task writes, relative to the repository root.
const OUTPUT: &str = "BENCHMARKS.md";

/// Runs of each whole-process timing of `gen --check`.
const PROCESS_RUNS: usize = 10;

/// Runs everything, then writes `BENCHMARKS.md`.
pub fn run() -> ExitCode {
    let started = Instant::now();
    let root = root();
    match measure(&root) {
        Ok(mut figures) => {
            figures.total = started.elapsed();
            let path = root.join(OUTPUT);
            match std::fs::write(&path, report::render(&figures)) {
                Ok(()) => {
                    println!("xtask bench: wrote {} in {:.0} s", path.display(), figures.total.as_secs_f64());
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    eprintln!("xtask bench: {}: {error}", path.display());
                    ExitCode::FAILURE
                }
            }
        }
        Err(failure) => {
            eprintln!("xtask bench: {failure}; {OUTPUT} was not changed");
            ExitCode::FAILURE
        }
    }
}

/// Every measurement, in an order that keeps each one from competing with another for the CPU.
fn measure(root: &Path) -> Result<Figures, String> {
    let mut figures = Figures { date: today(), machine: machine(root)?, ..Figures::default() };
    let tungstenite = rust_peer(root, &figures.machine.rustc)?;
    figures.processes = processes(root)?;
    figures.builds = cold_builds(root)?;
    figures.user_builds = user_builds(root)?;
    figures.dependencies = dependencies(root)?;
    // The TypeScript and Python benchmarks name their peers themselves.
    let mut results = Results { peers: vec![tungstenite], ..Results::default() };
    results.add(&rust(root)?)?;
    results.add(&typescript(root)?)?;
    results.add(&python(root)?)?;
    results.add(&go(root)?)?;
    results.add(&java(root)?)?;
    figures.results = results;
    Ok(figures)
}

/// The benchmark workspace: the generator in-process, and the Rust lookups against tungstenite.
fn rust(root: &Path) -> Result<String, String> {
    let mut command = cargo(
        &root.join("benches"),
        &["bench", "--bench", "generator", "--bench", "lookups", "--bench", "close_frames"],
    );
    command
        .env("CARGO_TARGET_DIR", root.join("target/bench"))
        .env("CRITERION_HOME", root.join("target/bench/criterion"));
    captured("rust benchmarks (benches/)", command, Some(PREFIX))
}

/// Builds the package, installs ws, and runs the TypeScript benchmark.
fn typescript(root: &Path) -> Result<String, String> {
    let package = root.join("packages/typescript");
    npm_ci(&package)?;
    step("typescript build", npm(&package, &["run", "build"]))?;
    let bench = root.join("benches/typescript");
    npm_ci(&bench)?;
    let mut command = Command::new("node");
    command.arg("bench.mjs").current_dir(&bench);
    captured("typescript benchmark", command, Some(PREFIX))
}

/// `target/bench-venv` with the pinned peer and the local package, then the Python benchmark.
fn python(root: &Path) -> Result<String, String> {
    let venv = root.join("target/bench-venv");
    let python = venv.join(if cfg!(windows) { "Scripts/python.exe" } else { "bin/python" });
    if !python.exists() {
        let mut create = Command::new(if cfg!(windows) { "python" } else { "python3" });
        create.args(["-m", "venv", "--clear"]).arg(&venv);
        step("create target/bench-venv", create)?;
    }
    let requirements = root.join("benches/python/requirements.txt");
    let stamp = venv.join(".xtask-requirements.txt");
    let pip = |args: &[&str]| {
        let mut command = Command::new(&python);
        command.args(["-m", "pip", "install", "--disable-pip-version-check", "--quiet"]).args(args).current_dir(root);
        command
    };
    if !same_contents(&requirements, &stamp) {
        step("install websockets", pip(&["--requirement", "benches/python/requirements.txt"]))?;
        copy(&requirements, &stamp)?;
    }
    // Every time: the package is whatever the generator last wrote.
    let local = ["--no-deps", "--no-build-isolation", "--force-reinstall", "./packages/python"];
    step("install packages/python", pip(&local))?;
    let mut command = Command::new(&python);
    command.arg("benches/python/bench.py").current_dir(root).env("PYTHONDONTWRITEBYTECODE", "1");
    captured("python benchmark", command, Some(PREFIX))
}

/// The Go benchmark: `go run .` in `benches/go`, whose go.mod pins the peers and replaces the
/// generated package with `packages/go`.
fn go(root: &Path) -> Result<String, String> {
    let mut command = Command::new("go");
    command.args(["run", "."]).current_dir(root.join("benches/go"));
    captured("go benchmark (benches/go)", command, Some(PREFIX))
}

/// The Java benchmark: `mvn package` in `benches/java` (JMH and Java-WebSocket from Maven Central,
/// the generated package compiled from `packages/java`'s sources), then its jar, which runs JMH.
fn java(root: &Path) -> Result<String, String> {
    let project = root.join("benches/java");
    let mut package = Command::new("mvn");
    package.args(["-q", "-B", "package"]).current_dir(&project);
    step("java benchmark build (benches/java)", package)?;
    let mut command = Command::new("java");
    command.args(["-jar", "target/benchmarks.jar"]).current_dir(&project);
    captured("java benchmark (benches/java)", command, Some(PREFIX))
}

/// `gen --check` on this checkout as whole processes: the xtask binary alone, and through cargo.
fn processes(root: &Path) -> Result<Vec<Timing>, String> {
    let xtask = std::env::current_exe().map_err(|error| format!("the xtask binary: {error}"))?;
    let direct = || {
        let mut command = Command::new(&xtask);
        command.args(["gen", "--check"]).current_dir(root);
        command
    };
    let through_cargo = || cargo(root, &["xtask", "gen", "--check"]);
    let profile = if cfg!(debug_assertions) { "dev" } else { "release" };
    Ok(vec![
        timed("target/debug/xtask gen --check", &format!("{profile} (as `cargo xtask` builds it)"), direct)?,
        timed("cargo xtask gen --check", "the same, after cargo's up-to-date check", through_cargo)?,
    ])
}

/// Runs `command` once to warm up, then `PROCESS_RUNS` times; it must succeed every time.
fn timed(shown: &str, detail: &str, command: impl Fn() -> Command) -> Result<Timing, String> {
    println!("==> timing `{shown}` ({PROCESS_RUNS} runs)");
    let mut times = Vec::new();
    for run in 0..=PROCESS_RUNS {
        let started = Instant::now();
        let output = command().output().map_err(|error| format!("could not run `{shown}`: {error}"))?;
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            return Err(format!("`{shown}` failed ({}); the benchmark needs a clean tree:\n{stderr}", output.status));
        }
        if run > 0 {
            times.push(started.elapsed());
        }
    }
    times.sort();
    Ok(Timing {
        command: shown.to_owned(),
        detail: detail.to_owned(),
        runs: times.len(),
        median: times[times.len() / 2],
    })
}

/// Cold builds of the generator and of the generated crate, each in a fresh target directory.
fn cold_builds(root: &Path) -> Result<Vec<Timing>, String> {
    let builds: [(&str, &[&str], &str); 3] = [
        ("codegen", &["build", "-p", "ws-close-codes-codegen"], "dev"),
        ("crate", &["build", "-p", "ws-close-codes"], "dev"),
        ("crate-release", &["build", "-p", "ws-close-codes", "--release"], "release"),
    ];
    let mut timings = Vec::new();
    for (directory, args, profile) in builds {
        let target = root.join("target/bench-cold").join(directory);
        if target.exists() {
            std::fs::remove_dir_all(&target).map_err(|error| format!("{}: {error}", target.display()))?;
        }
        let shown = format!("cargo {}", args.join(" "));
        let mut command = cargo(root, args);
        command.env("CARGO_TARGET_DIR", &target);
        let started = Instant::now();
        step(&format!("cold build: {shown}"), command)?;
        timings.push(Timing { command: shown, detail: profile.to_owned(), runs: 1, median: started.elapsed() });
    }
    Ok(timings)
}

/// Cold builds of a user's crate, each a workspace of its own with its own lockfile: generating
/// close codes with the build.rs Builder, then compiling one small `.proto` with prost-build.
fn user_builds(root: &Path) -> Result<Vec<Timing>, String> {
    let crates = [
        ("builder-user", "with the build.rs `Builder` (`benches/cold/builder-user`)"),
        ("prost-user", "with prost-build (`benches/cold/prost-user`)"),
    ];
    let mut timings = Vec::new();
    for (name, shown) in crates {
        let directory = root.join("benches/cold").join(name);
        let target = root.join("target/bench-cold").join(name);
        if target.exists() {
            std::fs::remove_dir_all(&target).map_err(|error| format!("{}: {error}", target.display()))?;
        }
        // Download what the lockfile names first, so that only the build is timed.
        step(&format!("fetch: {name}"), cargo(&directory, &["fetch", "--locked"]))?;
        let mut command = cargo(&directory, &["build", "--locked"]);
        command.env("CARGO_TARGET_DIR", &target);
        let started = Instant::now();
        step(&format!("cold build: {name}"), command)?;
        timings.push(Timing {
            command: shown.to_owned(),
            detail: "dev".to_owned(),
            runs: 1,
            median: started.elapsed(),
        });
    }
    Ok(timings)
}

/// The generated crate's normal dependencies, by name and version.
fn dependencies(root: &Path) -> Result<Vec<String>, String> {
    let output = cargo(root, &["tree", "-p", "ws-close-codes", "-e", "normal", "--prefix", "none", "--no-dedupe"])
        .output()
        .map_err(|error| format!("could not run cargo tree: {error}"))?;
    if !output.status.success() {
        return Err(format!("cargo tree failed: {}", String::from_utf8_lossy(&output.stderr)));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let mut names: Vec<String> = text
        .lines()
        .skip(1) // the crate itself
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            Some(format!("{} {}", words.next()?, words.next()?))
        })
        .collect();
    names.sort();
    names.dedup();
    Ok(names)
}

/// tungstenite at the version `benches/Cargo.lock` pins, run by `rustc`.
fn rust_peer(root: &Path, rustc: &str) -> Result<Peer, String> {
    let path = root.join("benches/Cargo.lock");
    let lock = std::fs::read_to_string(&path).map_err(|error| format!("{}: {error}", path.display()))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"tungstenite\"" {
            let version = lines.next().and_then(|l| l.strip_prefix("version = \"")?.strip_suffix('"'));
            let version = version.ok_or_else(|| format!("{}: no version of tungstenite", path.display()))?;
            return Ok(Peer {
                language: "rust".to_owned(),
                name: "tungstenite".to_owned(),
                version: version.to_owned(),
                runtime: rustc.to_owned(),
            });
        }
    }
    Err(format!("{}: no tungstenite", path.display()))
}

/// The CPU, memory and OS (from `/proc` and `/etc/os-release` where they exist) and rustc.
fn machine(root: &Path) -> Result<Machine, String> {
    let read = |path: &str| std::fs::read_to_string(path).unwrap_or_default();
    let value = |text: &str, key: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(key)?.trim_start().strip_prefix(['=', ':'])?.trim().to_owned().into())
            .unwrap_or_else(|| "unknown".to_owned())
    };
    let memory = value(&read("/proc/meminfo"), "MemTotal")
        .trim_end_matches("kB")
        .trim()
        .parse::<f64>()
        .map_or_else(|_| "unknown".to_owned(), |kib| format!("{:.1} GiB", kib / (1024.0 * 1024.0)));
    let os = format!(
        "{}, {} {}",
        value(&read("/etc/os-release"), "PRETTY_NAME").trim_matches('"'),
        std::env::consts::OS,
        read("/proc/sys/kernel/osrelease").trim()
    );
    let rustc = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned()))
        .arg("--version")
        .current_dir(root)
        .output()
        .map_err(|error| format!("could not run rustc: {error}"))?;
    Ok(Machine {
        cpu: value(&read("/proc/cpuinfo"), "model name"),
        cores: std::thread::available_parallelism().map_or(1, usize::from),
        memory,
        os,
        rustc: String::from_utf8_lossy(&rustc.stdout).trim().to_owned(),
    })
}

/// Today's date in UTC, `YYYY-MM-DD`.
fn today() -> String {
    let seconds = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap_or(Duration::ZERO).as_secs();
    let (year, month, day) = civil_from_days((seconds / 86_400) as i64);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The proleptic Gregorian date of a count of days since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(20_454), (2026, 1, 1));
    }
}
