//! The starter registry that `ws-close-codes init` writes: valid as it stands, with comments
//! that explain every key, so that `init` followed by `gen` works before any edit.

use std::fmt::Write as _;
use std::path::Path;

use crate::emit::{Starter, TARGETS};

/// The targets `init` offers (those with a [`Starter`]), in the order of [`TARGETS`].
pub fn offered() -> impl Iterator<Item = (&'static str, Starter)> {
    TARGETS.iter().filter_map(|target| target.starter().map(|starter| (target.key(), starter)))
}

/// The keys of the targets `init` offers, for `--target`.
pub fn keys() -> Vec<&'static str> {
    offered().map(|(key, _)| key).collect()
}

/// The targets a project in `directory` most likely uses, from the files at its top (a
/// `Cargo.toml` means Rust, a `go.mod` Go, ...). With none of them, the targets that need no
/// toolchain (Markdown docs).
pub fn detect(directory: &Path) -> Vec<&'static str> {
    let has = |name: &&str| directory.join(name).is_file();
    let found: Vec<&'static str> =
        offered().filter(|(_, starter)| starter.detect.iter().any(has)).map(|(key, _)| key).collect();
    if !found.is_empty() {
        return found;
    }
    offered().filter(|(_, starter)| starter.detect.is_empty()).map(|(key, _)| key).collect()
}

/// The starter registry with `enabled` targets active and the others commented out.
pub fn starter(enabled: &[&str]) -> String {
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
    for (key, starter) in offered() {
        let comment = if enabled.contains(&key) { "" } else { "# " };
        let _ = writeln!(out, "\n# {}", starter.what);
        let _ = writeln!(out, "{comment}[targets.{key}]");
        let _ = writeln!(out, "{comment}path = \"{}\"", starter.path);
        for line in starter.keys {
            let _ = writeln!(out, "{comment}{line}");
        }
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
        for (key, offered) in offered() {
            let text = starter(&[key]);
            let application = load_application("close-codes.toml", text.as_bytes(), true)
                .unwrap_or_else(|d| panic!("{key}: {d:#?}"));
            let plan = application.targets.plan(&application.registry, "ws-close-codes gen", "close-codes.toml");
            assert!(!plan.files.is_empty(), "{key}");
            assert!(plan.files.iter().all(|f| f.path.starts_with(offered.path)), "{key}");
        }
    }

    #[test]
    fn the_commented_example_code_is_valid_once_uncommented() {
        let text = starter(&["markdown"]);
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
        assert_eq!(detect(dir.path()), ["markdown"]);
        std::fs::write(dir.path().join("package.json"), "{}").unwrap();
        std::fs::write(dir.path().join("pyproject.toml"), "").unwrap();
        std::fs::write(dir.path().join("go.mod"), "module example.com/chat\n").unwrap();
        assert_eq!(detect(dir.path()), ["typescript", "python", "go"]);
    }
}
