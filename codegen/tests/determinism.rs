//! The output depends on the registry's content only: not on the order of its entries, its line
//! endings, or anything about the machine.

use std::path::Path;

use ws_close_codes_codegen::{Plan, Targets, load};

fn registry_text() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("codes.toml")).unwrap()
}

fn plan(text: &str) -> Plan {
    let loaded = load("codes.toml", text).unwrap_or_else(|d| panic!("{d:?}"));
    Targets::standard().plan(&loaded.registry, "cargo xtask gen", "codes.toml")
}

/// The text before the first `[[code]]`, and each `[[code]]` block.
fn split_codes(text: &str) -> (String, Vec<String>) {
    let mut parts = text.split("\n[[code]]\n");
    let head = parts.next().unwrap().to_owned();
    (head, parts.map(|block| format!("\n[[code]]\n{}", block.trim_end_matches('\n')) + "\n").collect())
}

#[test]
fn the_order_of_code_entries_does_not_matter() {
    let text = registry_text();
    let expected = plan(&text);
    let (head, blocks) = split_codes(&text);
    assert_eq!(blocks.len(), 19);
    let mut orders = vec![blocks.iter().rev().cloned().collect::<Vec<_>>()];
    // A fixed interleaving: odd positions first, then even ones.
    orders.push(blocks.iter().skip(1).step_by(2).chain(blocks.iter().step_by(2)).cloned().collect());
    for order in orders {
        let shuffled = format!("{head}{}", order.concat());
        assert_ne!(shuffled, text);
        assert_eq!(plan(&shuffled), expected);
    }
}

#[test]
fn crlf_line_endings_in_the_registry_do_not_matter() {
    let text = registry_text();
    assert_eq!(plan(&text.replace('\n', "\r\n")), plan(&text));
}

#[test]
fn crlf_inside_multi_line_strings_is_normalized() {
    let text = registry_text();
    let multi_line = text.replacen("title.en = \"Bad gateway\"", "title.en = \"\"\"Bad\ngateway\"\"\"", 1);
    assert_ne!(multi_line, text);
    assert_eq!(plan(&multi_line.replace('\n', "\r\n")), plan(&multi_line));
}

#[test]
fn every_generated_file_uses_lf_and_names_its_command() {
    for file in plan(&registry_text()).files {
        assert!(!file.contents.contains('\r'), "{}", file.path.display());
        assert!(file.contents.ends_with('\n'), "{}", file.path.display());
        let head: String = file.contents.lines().take(2).collect::<Vec<_>>().join("\n");
        if !file.contents.is_empty() {
            assert!(head.contains("@generated") && head.contains("cargo xtask gen"), "{}", file.path.display());
        }
    }
}

#[test]
fn nothing_machine_specific_reaches_the_output() {
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".to_owned());
    let manifest = env!("CARGO_MANIFEST_DIR");
    for file in plan(&registry_text()).files {
        assert!(!file.contents.contains(manifest), "{} holds a machine path", file.path.display());
        assert!(!file.contents.contains(&home), "{} holds the home directory", file.path.display());
    }
}

#[test]
fn two_runs_are_byte_identical() {
    let text = registry_text();
    assert_eq!(plan(&text), plan(&text));
}
