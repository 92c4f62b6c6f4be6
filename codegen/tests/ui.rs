//! Diagnostics as UI tests: each `tests/ui/NAME.toml` is a registry with one kind of mistake,
//! and `tests/ui/NAME.stderr` holds exactly what the generator reports for it.
//!
//! Re-bless the expected output after changing a message: `BLESS=1 cargo test --test ui`.

mod bless;

use std::path::{Path, PathBuf};

use ws_close_codes_codegen::load_bytes;

fn directory() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui")
}

/// What the generator prints for the registry `NAME.toml`.
fn report(name: &str) -> String {
    let file = format!("{name}.toml");
    let bytes = std::fs::read(directory().join(&file)).expect("fixture exists");
    match load_bytes(&file, &bytes) {
        Ok(_) => "(accepted)\n".to_owned(),
        Err(diagnostics) => diagnostics.iter().map(|d| format!("{d}\n")).collect(),
    }
}

fn check(name: &str) {
    bless::check(&directory().join(format!("{name}.stderr")), &report(name));
}

macro_rules! ui {
    ($($name:ident),* $(,)?) => {
        $( #[test] fn $name() { check(stringify!($name)); } )*
        const NAMES: &[&str] = &[$(stringify!($name)),*];
    };
}

ui! {
    valid,
    several_errors_at_once,
    array_of_tables_expected,
    bidi_override_in_text,
    code_above_65535,
    code_outside_every_range,
    control_character_in_text,
    duplicate_alias,
    duplicate_code,
    duplicate_locale,
    duplicate_name,
    duplicate_range_id,
    empty_file,
    empty_text,
    fallback_not_declared,
    missing_key,
    missing_locale_text,
    missing_table,
    multiline_iana_name,
    name_not_an_identifier,
    name_not_screaming_snake_case,
    negative_code,
    no_codes,
    non_canonical_locale,
    not_utf8,
    overlapping_ranges,
    range_ends_before_start,
    range_id_not_kebab_case,
    range_id_predicate_clash,
    range_id_reserved,
    reserved_word_python,
    reserved_word_rust,
    reserved_word_typescript,
    sendable_but_local,
    text_in_undeclared_locale,
    toml_syntax_error,
    unknown_key,
    unknown_key_in_label,
    unknown_reconnect_hint,
    unknown_sender,
    unknown_top_level_key,
    unknown_vocabulary_key,
    unsorted_ranges,
    url_not_https,
    wrong_type,
    delay_bounds_reversed,
    delay_bounds_not_a_pair,
    delay_bounds_out_of_limit,
    delay_bounds_when_never_reconnecting,
    delay_bounds_wrong_type,
}

#[test]
fn every_fixture_has_a_test() {
    let mut fixtures: Vec<String> = std::fs::read_dir(directory())
        .expect("tests/ui exists")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".toml").map(str::to_owned))
        .collect();
    fixtures.sort();
    let mut listed: Vec<&str> = NAMES.to_vec();
    listed.sort();
    assert_eq!(fixtures, listed, "list every tests/ui/*.toml in the ui! macro");
}

#[test]
fn only_the_valid_fixture_is_accepted() {
    for name in NAMES {
        assert_eq!(report(name) == "(accepted)\n", *name == "valid", "{name}");
    }
}

/// Too large to commit as a fixture: a 10 MB description, reported like any mistake.
#[test]
fn a_ten_megabyte_text_is_rejected() {
    let text = std::fs::read_to_string(directory().join("valid.toml")).unwrap();
    let huge = "x".repeat(10 * 1024 * 1024);
    let registry = text.replacen(
        "description.en = \"The session ended; sign in again.\"",
        &format!("description.en = \"{huge}\""),
        1,
    );
    assert_ne!(registry, text);
    let diagnostics = ws_close_codes_codegen::load("huge.toml", &registry).unwrap_err();
    let report: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        report,
        [
            "huge.toml:64:18: the en description of code 4001 is 10485760 bytes long; a text may have at most 1048576\n  \
          hint: keep descriptions to a few sentences; link longer documentation with `url`"
        ]
    );
}
