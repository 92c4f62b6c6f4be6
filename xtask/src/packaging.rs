//! The `packaging` suite of `cargo xtask test`: every package is built the way it is published,
//! checked by the registries' own linters, installed from the built artefacts into fresh
//! projects, and used there.
//!
//! - the CLI's wheel (maturin, release build, built once: the npm package takes the same binary)
//!   and the Python library's sdist and wheel: `twine check --strict`, `check-wheel-contents`;
//! - the library's tests from its unpacked sdist, the crates' tests from their unpacked `.crate`;
//! - the npm packages (library, CLI launcher, linux-x64 binary): `npm publish --dry-run`,
//!   `publint --strict`, and `attw` of the library's tarball (the others have no types);
//! - the wheel in a fresh virtualenv with no Rust toolchain on `PATH`, through pipx too, and the
//!   npm tarballs in a fresh npm project: `init`, `gen` and `gen --check` through each;
//! - the pre-commit hook, with `pre-commit try-repo` on a sample git repository (beside the
//!   other steps: its build of the CLI is mostly one crate's compilation on one core).
//!
//! The tools are pinned: `packages/cli/requirements-packaging.txt` (a virtualenv in
//! `target/venv-packaging`) and `packages/cli/npm/tools/package-lock.json`. Everything is built
//! under `target/dist`, emptied first.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::process::{captured, cargo, copy, npm, npm_ci, same_contents, step};

/// The packages whose licence files must be the root's.
const LICENSED: &[&str] = &[
    "codegen",
    "crates/ws-close-codes",
    "packages/python",
    "packages/typescript",
    "packages/cli/npm/cli",
    "packages/cli/npm/cli-linux-x64",
];

/// Runs the suite; returns its summary line.
pub fn run(root: &Path, python: &Path) -> Result<String, String> {
    licences(root)?;
    let dist = root.join("target/dist");
    if dist.exists() {
        std::fs::remove_dir_all(&dist).map_err(|error| format!("{}: {error}", dist.display()))?;
    }
    let tools = packaging_venv(root)?;
    let bin = tools.parent().expect("the venv's bin directory").to_owned();

    // Python: the CLI's wheel (the pre-commit hook below builds the CLI once more, from source,
    // as a user's pre-commit does), the library's sdist and wheel.
    let wheels = dist.join("wheels");
    let mut maturin = Command::new(bin.join("maturin"));
    maturin.args(["build", "--release", "--locked", "--out"]).arg(&wheels).current_dir(root);
    step("packaging: maturin build --release (the CLI's wheel)", maturin)?;
    let mut build = Command::new(&tools);
    build.args(["-m", "build", "--no-isolation", "--outdir"]).arg(&wheels).arg(root.join("packages/python"));
    step("packaging: python -m build (the library's sdist and wheel)", build)?;
    let artefacts = files(&wheels)?;
    let mut twine = Command::new(bin.join("twine"));
    twine.args(["check", "--strict"]).args(&artefacts);
    step("packaging: twine check --strict", twine)?;
    let mut contents = Command::new(bin.join("check-wheel-contents"));
    contents.args(artefacts.iter().filter(|p| p.extension().is_some_and(|e| e == "whl"))).current_dir(root);
    step("packaging: check-wheel-contents", contents)?;

    // npm: the binary maturin built goes into the platform package.
    let binary = root.join("target/release/ws-close-codes");
    let platform = root.join("packages/cli/npm/cli-linux-x64");
    std::fs::create_dir_all(platform.join("bin")).map_err(|error| format!("{}: {error}", platform.display()))?;
    copy(&binary, &platform.join("bin/ws-close-codes"))?;

    // The pre-commit hook builds the CLI from source, in release mode, as it does for a user:
    // mostly one crate's compilation, much of it on one core. It runs beside the other steps
    // (Python tools, npm, the crates' tests), which mostly leave the second core idle.
    let (checked, hook) = std::thread::scope(|scope| {
        let hook = scope.spawn(|| pre_commit(root, &dist, &bin));
        let checked = checks(root, &dist, python, &bin, &artefacts);
        (checked, hook.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    });
    let (sdist_tests, crate_tests) = checked?;
    let hook = hook?;
    let line = format!(
        "packaging: 2 wheels, 1 sdist, 2 crates, 3 npm packages built and checked; {sdist_tests} sdist tests, {crate_tests} tests from the unpacked crates; gen through pip, pipx and npx; pre-commit hook in {hook} s"
    );
    println!("{line}");
    Ok(line)
}

/// Everything but the pre-commit hook: the tests from the unpacked sdist and crates, the npm
/// packages' checks, and the CLI through npx, pip and pipx. Returns the sdist's and the crates'
/// test counts.
fn checks(root: &Path, dist: &Path, python: &Path, bin: &Path, artefacts: &[PathBuf]) -> Result<(u64, u64), String> {
    let sdist_tests = sdist_tests(dist, python, artefacts)?;
    let crate_tests = crate_tests(root)?;
    let npm_tools = root.join("packages/cli/npm/tools");
    npm_ci(&npm_tools)?;
    // `npm pack` of the library builds it with its own pinned TypeScript.
    npm_ci(&root.join("packages/typescript"))?;
    let tool = |name: &str| npm_tools.join("node_modules/.bin").join(name);
    let tarballs = dist.join("npm");
    std::fs::create_dir_all(&tarballs).map_err(|error| format!("{}: {error}", tarballs.display()))?;
    let mut packed = Vec::new();
    for package in ["packages/typescript", "packages/cli/npm/cli", "packages/cli/npm/cli-linux-x64"] {
        let directory = root.join(package);
        let mut pack = npm(&directory, &["pack", "--silent", "--pack-destination"]);
        pack.arg(&tarballs);
        let name = captured(&format!("packaging: npm pack {package}"), pack, None)?;
        let tarball = tarballs.join(name.lines().last().unwrap_or_default().trim());
        // The tarball just packed, as a release publishes it: the same files, without running
        // the library's `prepack` build once more.
        let mut publish = npm(&directory, &["publish", "--dry-run"]);
        publish.arg(&tarball);
        step(&format!("packaging: npm publish --dry-run {package}"), publish)?;
        let mut publint = Command::new(tool("publint"));
        publint.args(["--strict"]).arg(&tarball);
        step(&format!("packaging: publint {package}"), publint)?;
        packed.push(tarball);
    }
    let mut attw = Command::new(tool("attw"));
    // The library's tarball (what `attw --pack` would pack again). node16 profile: the package
    // needs Node 20 (`engines`), so node10's resolution, which cannot see the per-locale subpath
    // exports, does not apply.
    attw.arg(&packed[0]).args(["--profile", "node16"]).current_dir(root.join("packages/typescript"));
    step("packaging: attw (the packages/typescript tarball)", attw)?;

    npm_project(dist, &packed[1..])?;
    pip_project(dist, bin, artefacts)?;
    Ok((sdist_tests, crate_tests))
}

/// Every package's LICENSE-MIT and LICENSE-APACHE are the root's.
fn licences(root: &Path) -> Result<(), String> {
    for package in LICENSED {
        for licence in ["LICENSE-MIT", "LICENSE-APACHE"] {
            if !same_contents(&root.join(licence), &root.join(package).join(licence)) {
                return Err(format!("{package}/{licence} is missing or differs from the root's {licence}"));
            }
        }
    }
    Ok(())
}

/// `target/venv-packaging` with the pinned packaging tools; returns its Python.
fn packaging_venv(root: &Path) -> Result<PathBuf, String> {
    let venv = root.join("target/venv-packaging");
    let python = venv.join("bin/python");
    if !python.exists() {
        let mut create = Command::new("python3");
        create.args(["-m", "venv", "--clear"]).arg(&venv);
        step("create target/venv-packaging", create)?;
    }
    let requirements = root.join("packages/cli/requirements-packaging.txt");
    let stamp = venv.join(".xtask-requirements-packaging.txt");
    if !same_contents(&requirements, &stamp) {
        let mut install = Command::new(&python);
        install.args(["-m", "pip", "install", "--disable-pip-version-check", "--requirement"]).arg(&requirements);
        step("install packaging tools", install)?;
        copy(&requirements, &stamp)?;
    }
    Ok(python)
}

/// The files of a directory, sorted.
fn files(directory: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(directory).map_err(|error| format!("{}: {error}", directory.display()))?;
    let mut files: Vec<PathBuf> = entries.filter_map(|entry| entry.ok().map(|e| e.path())).collect();
    files.sort();
    Ok(files)
}

/// The library's tests, run from its unpacked sdist (with the pytest of `target/venv`).
fn sdist_tests(dist: &Path, python: &Path, artefacts: &[PathBuf]) -> Result<u64, String> {
    let sdist = artefacts
        .iter()
        .find(|p| p.to_string_lossy().ends_with(".tar.gz"))
        .ok_or("packaging: python -m build made no sdist")?;
    let unpacked = dist.join("sdist");
    std::fs::create_dir_all(&unpacked).map_err(|error| format!("{}: {error}", unpacked.display()))?;
    let mut tar = Command::new("tar");
    tar.arg("xzf").arg(sdist).arg("-C").arg(&unpacked);
    step("packaging: unpack the sdist", tar)?;
    let directory = files(&unpacked)?.into_iter().next().ok_or("packaging: the sdist is empty")?;
    let mut pytest = Command::new(python);
    pytest.args(["-m", "pytest", "-p", "no:cacheprovider"]).current_dir(&directory).env("PYTHONDONTWRITEBYTECODE", "1");
    let output = captured("packaging: pytest in the unpacked sdist", pytest, None)?;
    crate::test::require_tests("sdist", crate::test::pytest_passed(&output))
}

/// Packages both crates (as `cargo publish` would) and runs each one's tests from the unpacked
/// `.crate`, outside the workspace.
fn crate_tests(root: &Path) -> Result<u64, String> {
    let packages = ["ws-close-codes-codegen", "ws-close-codes"];
    let mut package = cargo(root, &["package", "--no-verify", "--allow-dirty"]);
    for name in packages {
        package.args(["-p", name]);
    }
    step("packaging: cargo package", package)?;
    let version = crate::codegen::emit::GENERATOR_VERSION;
    // Outside the repository: inside it, cargo would take the unpacked crates for members of
    // this workspace.
    // Always the same directory (the test binaries of its target directory embed the path), and
    // files unpacked with the current time (`-m`), so that cargo never takes an old build for fresh.
    // One directory per checkout, so that two checkouts tested at once never delete each other's.
    let checkout = {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        root.hash(&mut hasher);
        hasher.finish()
    };
    let unpacked = std::env::temp_dir().join(format!("ws-close-codes-xtask-crates-{checkout:016x}"));
    let _ = std::fs::remove_dir_all(&unpacked);
    std::fs::create_dir_all(&unpacked).map_err(|error| format!("{}: {error}", unpacked.display()))?;
    let mut passed = 0;
    for name in packages {
        let file = root.join(format!("target/package/{name}-{version}.crate"));
        let mut tar = Command::new("tar");
        tar.arg("xzmf").arg(&file).arg("-C").arg(&unpacked);
        step(&format!("packaging: unpack {name}"), tar)?;
        // Its own target directory for what it builds (the binaries of this crate, kept apart
        // from the workspace's), but the workspace's build directory for the intermediate
        // artefacts: the dependencies the workspace compiled already (same versions from the
        // packaged Cargo.lock, same profile) are reused instead of compiled a second time.
        let mut test = cargo(&unpacked.join(format!("{name}-{version}")), &["test"]);
        if name == "ws-close-codes-codegen" {
            // Its tests drive the generator's internal stages; in the repository a dev-dependency
            // on itself enables the feature, which `cargo package` drops with the path.
            test.args(["--features", "internals"]);
        }
        test.env("CARGO_TARGET_DIR", root.join("target/package-tests"))
            .env("CARGO_BUILD_BUILD_DIR", root.join("target"));
        let output = captured(&format!("packaging: cargo test in the unpacked {name}"), test, None)?;
        passed += crate::test::require_tests(name, crate::test::cargo_passed(&output))?;
    }
    let _ = std::fs::remove_dir_all(&unpacked);
    Ok(passed)
}

/// A fresh npm project with the CLI's tarballs installed: `npx ws-close-codes` init, gen, check.
fn npm_project(dist: &Path, tarballs: &[PathBuf]) -> Result<(), String> {
    let project = dist.join("npm-project");
    std::fs::create_dir_all(&project).map_err(|error| format!("{}: {error}", project.display()))?;
    std::fs::write(project.join("package.json"), "{ \"name\": \"sample\", \"private\": true }\n")
        .map_err(|error| format!("{}: {error}", project.display()))?;
    let mut install = npm(&project, &["install", "--no-audit", "--no-fund"]);
    install.args(tarballs);
    step("packaging: npm install the CLI's tarballs into a fresh project", install)?;
    for args in [&["init"][..], &["gen"], &["gen", "--check"]] {
        let mut npx = Command::new("npx");
        npx.arg("ws-close-codes").args(args).current_dir(&project);
        step(&format!("packaging: npx ws-close-codes {}", args.join(" ")), npx)?;
    }
    expect_file(&project.join("src/closeCodes.ts"))
}

/// A fresh virtualenv with only the CLI's wheel, used with no Rust toolchain on `PATH`; and the
/// same wheel through `pipx run`.
fn pip_project(dist: &Path, bin: &Path, artefacts: &[PathBuf]) -> Result<(), String> {
    let wheel = artefacts
        .iter()
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("ws_close_codes_cli-")))
        .ok_or("packaging: maturin made no wheel")?;
    let venv = dist.join("venv-cli");
    let mut create = Command::new("python3");
    create.args(["-m", "venv", "--clear"]).arg(&venv);
    step("packaging: a fresh virtualenv for the CLI's wheel", create)?;
    let mut install = Command::new(venv.join("bin/pip"));
    install.args(["install", "--no-index", "--disable-pip-version-check"]).arg(wheel);
    step("packaging: pip install the CLI's wheel", install)?;
    // PATH without any directory that holds cargo, rustc or rustup.
    let original = std::env::var_os("PATH").unwrap_or_default();
    let rustless = std::env::split_paths(&original)
        .filter(|dir| !["cargo", "rustc", "rustup"].iter().any(|tool| dir.join(tool).exists()));
    let path = std::env::join_paths(std::iter::once(venv.join("bin")).chain(rustless))
        .map_err(|error| format!("PATH: {error}"))?;
    let project = dist.join("pip-project");
    std::fs::create_dir_all(&project).map_err(|error| format!("{}: {error}", project.display()))?;
    for args in [&["init"][..], &["gen"], &["gen", "--check"]] {
        let mut command = Command::new("ws-close-codes");
        command.args(args).current_dir(&project).env("PATH", &path);
        for variable in ["CARGO", "RUSTC", "RUSTUP_TOOLCHAIN", "CARGO_HOME", "RUSTUP_HOME"] {
            command.env_remove(variable);
        }
        step(&format!("packaging: ws-close-codes {} (wheel, no Rust on PATH)", args.join(" ")), command)?;
    }
    expect_file(&project.join("docs/close-codes/en/codes.md"))?;
    let mut pipx = Command::new(bin.join("pipx"));
    pipx.args(["run", "--no-cache", "--spec"])
        .arg(wheel)
        .args(["ws-close-codes", "gen", "--check"])
        .current_dir(&project)
        // Kept between runs: pipx brings its shared pip up to date from PyPI once; the wheel has
        // no dependencies, so nothing else is downloaded.
        .env("PIPX_HOME", dist.parent().expect("target/dist is in target").join("pipx-home"));
    step("packaging: pipx run --spec <wheel> ws-close-codes gen --check", pipx)
}

/// `pre-commit try-repo` of this repository's hook on a sample git repository: passes when the
/// files are up to date, fails once a generated file is edited. Returns the seconds it took.
fn pre_commit(root: &Path, dist: &Path, bin: &Path) -> Result<u64, String> {
    let started = std::time::Instant::now();
    let sample = dist.join("pre-commit-sample");
    std::fs::create_dir_all(&sample).map_err(|error| format!("{}: {error}", sample.display()))?;
    let binary = root.join("target/release/ws-close-codes");
    let git = |args: &[&str]| {
        let mut command = Command::new("git");
        command
            .args(["-c", "user.name=xtask", "-c", "user.email=xtask@localhost", "-c", "init.defaultBranch=main"])
            .args(args)
            .current_dir(&sample);
        command
    };
    step("packaging: git init a sample repository", git(&["init", "--quiet"]))?;
    for args in [&["init", "--target", "python"][..], &["gen"]] {
        let mut command = Command::new(&binary);
        command.args(args).current_dir(&sample);
        step(&format!("packaging: sample: ws-close-codes {}", args.join(" ")), command)?;
    }
    step("packaging: sample: git add", git(&["add", "--all"]))?;
    step("packaging: sample: git commit", git(&["commit", "--quiet", "-m", "sample"]))?;
    let try_repo = || {
        let mut command = Command::new(bin.join("pre-commit"));
        command
            .args(["try-repo"])
            .arg(root)
            .args(["ws-close-codes-check", "--all-files"])
            .current_dir(&sample)
            .env("PRE_COMMIT_HOME", dist.join("pre-commit-home"))
            // The hook's maturin build reuses the release dependencies the wheel's build compiled
            // (the workspace's build directory), while its binaries stay in pre-commit's clone:
            // `target/release/ws-close-codes` is the wheel's, which the other steps use meanwhile.
            .env("CARGO_BUILD_BUILD_DIR", root.join("target"));
        command
    };
    step("packaging: pre-commit try-repo (up to date: passes)", try_repo())?;
    let module = sample.join("close_codes.py");
    let text = std::fs::read_to_string(&module).map_err(|error| format!("{}: {error}", module.display()))?;
    std::fs::write(&module, text.replacen("NORMAL_CLOSURE", "NORMAL_CLOSURE_EDITED", 1))
        .map_err(|error| format!("{}: {error}", module.display()))?;
    step("packaging: sample: git add the edit", git(&["add", "--all"]))?;
    if try_repo().status().is_ok_and(|status| status.success()) {
        return Err("packaging: pre-commit passed although a generated file was edited".to_owned());
    }
    println!("packaging: pre-commit try-repo failed on the edited file, as it should");
    Ok(started.elapsed().as_secs())
}

fn expect_file(path: &Path) -> Result<(), String> {
    if path.is_file() { Ok(()) } else { Err(format!("packaging: {} was not generated", path.display())) }
}
