//! Release invariants, checked by `cargo test` (so by `cargo xtask test` and CI): every package
//! has the one version and the changelog has it; no dependency needs a newer Rust than the
//! crate that uses it declares.

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use serde_json::Value;

    use crate::codegen::emit::GENERATOR_VERSION;
    use crate::generate::root;

    fn read(path: &str) -> String {
        std::fs::read_to_string(root().join(path)).unwrap_or_else(|error| panic!("{path}: {error}"))
    }

    fn json(path: &str) -> Value {
        serde_json::from_str(&read(path)).unwrap_or_else(|error| panic!("{path}: {error}"))
    }

    /// Every package says the workspace's version (the generator's, as its headers name it).
    #[test]
    fn every_package_has_the_one_version() {
        for manifest in ["codegen/Cargo.toml", "crates/ws-close-codes/Cargo.toml"] {
            assert!(read(manifest).lines().any(|l| l == "version.workspace = true"), "{manifest}");
        }
        assert!(read("Cargo.toml").contains(&format!("\nversion = \"{GENERATOR_VERSION}\"\n")));
        let pyproject = read("packages/python/pyproject.toml");
        assert!(pyproject.lines().any(|l| l == format!("version = \"{GENERATOR_VERSION}\"")), "packages/python");
        // The CLI's wheel takes the crate's version.
        assert!(read("pyproject.toml").contains("dynamic = [\"version\"]"));
        for package in [
            "packages/typescript/package.json",
            "packages/cli/npm/cli/package.json",
            "packages/cli/npm/cli-linux-x64/package.json",
        ] {
            assert_eq!(json(package)["version"], GENERATOR_VERSION, "{package}");
        }
        let launcher = json("packages/cli/npm/cli/package.json");
        for (name, version) in launcher["optionalDependencies"].as_object().unwrap() {
            assert_eq!(version, GENERATOR_VERSION, "{name}");
            let directory = name.strip_prefix("@ws-close-codes/").unwrap();
            assert_eq!(json(&format!("packages/cli/npm/{directory}/package.json"))["name"], name.as_str());
        }
        assert!(read("CHANGELOG.md").contains(&format!("\n## [{GENERATOR_VERSION}] - ")), "CHANGELOG.md");
    }

    fn parse_version(text: &str) -> Vec<u64> {
        text.split('.').map(|part| part.parse().unwrap()).collect()
    }

    /// No dependency (normal or build, direct or not) of a workspace crate declares a
    /// `rust-version` newer than that crate's.
    #[test]
    fn no_dependency_needs_a_newer_rust_than_its_user_declares() {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let output = std::process::Command::new(cargo)
            .args(["metadata", "--format-version", "1", "--locked", "--offline"])
            .current_dir(root())
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let metadata: Value = serde_json::from_slice(&output.stdout).unwrap();
        let packages: BTreeMap<&str, &Value> =
            metadata["packages"].as_array().unwrap().iter().map(|p| (p["id"].as_str().unwrap(), p)).collect();
        let nodes: BTreeMap<&str, &Value> =
            metadata["resolve"]["nodes"].as_array().unwrap().iter().map(|n| (n["id"].as_str().unwrap(), n)).collect();
        let mut checked = 0;
        for member in metadata["workspace_members"].as_array().unwrap() {
            let member = member.as_str().unwrap();
            let Some(declared) = packages[member]["rust_version"].as_str() else { continue };
            let mut seen = BTreeSet::new();
            let mut stack = vec![member];
            while let Some(id) = stack.pop() {
                for dep in nodes[id]["deps"].as_array().unwrap() {
                    // Dev-dependencies of the member only matter to its own tests; of others, never.
                    let runtime = dep["dep_kinds"].as_array().unwrap().iter().any(|k| k["kind"] != "dev");
                    let pkg = dep["pkg"].as_str().unwrap();
                    if runtime && seen.insert(pkg) {
                        stack.push(pkg);
                    }
                }
            }
            for id in seen {
                if let Some(needed) = packages[id]["rust_version"].as_str() {
                    let name = packages[id]["name"].as_str().unwrap();
                    assert!(
                        parse_version(needed) <= parse_version(declared),
                        "{name} needs Rust {needed}, but {} declares rust-version {declared}",
                        packages[member]["name"]
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 10, "only {checked} dependencies checked");
    }
}
