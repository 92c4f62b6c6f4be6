//! The starter registry that `ws-close-codes init` writes: valid as it stands, with comments
//! that explain every key, so that `init` followed by `gen` works before any edit.

use std::fmt::Write as _;
use std::path::Path;

/// A language an application registry can target, with the path the starter suggests for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Language {
    /// `[targets.rust]`.
    Rust,
    /// `[targets.typescript]`.
    TypeScript,
    /// `[targets.python]`.
    Python,
    /// `[targets.markdown]`.
    Markdown,
}

impl Language {
    /// Every language, in the order the starter lists them.
    pub const ALL: [Language; 4] = [Language::Rust, Language::TypeScript, Language::Python, Language::Markdown];

    /// The key under `[targets]`.
    pub fn key(self) -> &'static str {
        match self {
            Language::Rust => "rust",
            Language::TypeScript => "typescript",
            Language::Python => "python",
            Language::Markdown => "markdown",
        }
    }

    /// Where the starter puts this target, relative to the registry.
    pub fn default_path(self) -> &'static str {
        match self {
            Language::Rust => "src/close_codes.rs",
            Language::TypeScript => "src/closeCodes.ts",
            Language::Python => "close_codes.py",
            Language::Markdown => "docs/close-codes",
        }
    }

    fn what(self) -> &'static str {
        match self {
            Language::Rust => "a Rust module (`mod close_codes;`), no dependencies",
            Language::TypeScript => "a TypeScript module, no dependencies",
            Language::Python => "a Python module, standard library only",
            Language::Markdown => "a directory of Markdown pages, one book per locale",
        }
    }
}

/// The languages a project in `directory` most likely uses, from the files at its top: a
/// `Cargo.toml` means Rust, a `package.json` TypeScript, a `pyproject.toml` or `setup.py`
/// Python. With none of them, Markdown docs (they need no toolchain).
pub fn detect(directory: &Path) -> Vec<Language> {
    let has = |name: &str| directory.join(name).is_file();
    let mut found = Vec::new();
    if has("Cargo.toml") {
        found.push(Language::Rust);
    }
    if has("package.json") {
        found.push(Language::TypeScript);
    }
    if has("pyproject.toml") || has("setup.py") {
        found.push(Language::Python);
    }
    if found.is_empty() {
        found.push(Language::Markdown);
    }
    found
}

/// The starter registry with `enabled` targets active and the others commented out.
pub fn starter(enabled: &[Language]) -> String {
    let mut out = String::from(
        "\
# This application's own WebSocket close codes.
#
# Every standard close code (1000-2999, from RFC 6455 and the IANA registry) comes from the
# registry this file extends; list here only the codes your application sends, from the
# private range 4000-4999 (or 3000-3999 once registered with IANA).
#
#   ws-close-codes gen           writes the files configured under [targets]
#   ws-close-codes gen --check   changes nothing; exits 1 if a file is out of date (for CI)
#   ws-close-codes explain 4001  shows what a code means and what a client should do
#
# Generated files start with an `@generated` line; commit them and never edit them by hand.

extends = \"ws-close-codes\"

# BCP 47 tags of the languages your texts are written in. Standard codes come with English
# (en), Simplified Chinese (zh-Hans) and Russian (ru) texts; the first locale is the fallback.
locales = [\"en\"]

# Where each generated file goes, relative to this file. Remove the `#` of a table to add a
# target; delete a table to drop one.
",
    );
    for language in Language::ALL {
        let comment = if enabled.contains(&language) { "" } else { "# " };
        let _ = writeln!(out, "\n# {}", language.what());
        let _ = writeln!(out, "{comment}[targets.{}]", language.key());
        let _ = writeln!(out, "{comment}path = \"{}\"", language.default_path());
    }
    out.push_str(
        "
# One table per code. Remove the `#` signs below to add this example, then run `gen`.
#
# [[code]]
# code = 4001                     # 4000-4999: private use, no registration needed
# name = \"SESSION_EXPIRED\"        # SCREAMING_SNAKE_CASE, the constant's name in every language
# sender = \"server\"               # client, server or either
# reconnect = \"reauthenticate\"    # never, backoff, reauthenticate or unspecified
# title.en = \"Session expired\"
# description.en = \"The session token expired. Sign in again, then reconnect.\"
",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::application::load_application;

    #[test]
    fn every_starter_is_a_valid_registry_with_the_chosen_targets() {
        for language in Language::ALL {
            let text = starter(&[language]);
            let application = load_application("close-codes.toml", text.as_bytes(), true)
                .unwrap_or_else(|d| panic!("{language:?}: {d:#?}"));
            let plan = application.targets.plan(&application.registry, "ws-close-codes gen", "close-codes.toml");
            assert!(!plan.files.is_empty(), "{language:?}");
            assert!(plan.files.iter().all(|f| f.path.starts_with(language.default_path())), "{language:?}");
        }
    }

    #[test]
    fn the_commented_example_code_is_valid_once_uncommented() {
        let text = starter(&[Language::Markdown]);
        let example = text.split_once("# [[code]]").unwrap().1;
        let uncommented: String =
            example.lines().map(|line| line.trim_start_matches("# ")).collect::<Vec<_>>().join("\n");
        let registry = format!("{}[[code]]{uncommented}", text.split_once("# [[code]]").unwrap().0);
        let application = load_application("close-codes.toml", registry.as_bytes(), true).unwrap();
        assert!(application.registry.code(4001).is_some());
    }

    #[test]
    fn detection_follows_the_project_files() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(detect(dir.path()), [Language::Markdown]);
        std::fs::write(dir.path().join("package.json"), "{}").unwrap();
        std::fs::write(dir.path().join("pyproject.toml"), "").unwrap();
        assert_eq!(detect(dir.path()), [Language::TypeScript, Language::Python]);
    }
}
