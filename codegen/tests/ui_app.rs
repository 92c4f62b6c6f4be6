//! Diagnostics for application registries as UI tests: each `tests/ui-app/NAME.toml` extends the
//! standard registry, and `NAME.stderr` holds what the generator reports (warnings included),
//! then `NAME.strict.stderr` what it reports with `--strict`.
//!
//! Re-bless after changing a message: `BLESS=1 cargo test --test ui_app`.

mod bless;

use std::path::{Path, PathBuf};

use ws_close_codes_codegen::application::load_application;

fn directory() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui-app")
}

fn report(name: &str, strict: bool) -> String {
    let file = format!("{name}.toml");
    let bytes = std::fs::read(directory().join(&file)).expect("fixture exists");
    let (verdict, diagnostics) = match load_application(&file, &bytes, strict) {
        Ok(application) => ("(accepted)\n", application.warnings),
        Err(diagnostics) => ("(rejected)\n", diagnostics),
    };
    diagnostics.iter().map(|d| format!("{d}\n")).chain(std::iter::once(verdict.to_owned())).collect()
}

fn check(name: &str) {
    for (strict, suffix) in [(false, "stderr"), (true, "strict.stderr")] {
        bless::check(&directory().join(format!("{name}.{suffix}")), &report(name, strict));
    }
}

macro_rules! ui {
    ($($name:ident),* $(,)?) => {
        $( #[test] fn $name() { check(stringify!($name)); } )*
        const NAMES: &[&str] = &[$(stringify!($name)),*];
    };
}

ui! {
    valid,
    added_locale_warns,
    code_above_the_private_range,
    code_below_the_application_ranges,
    extends_something_else,
    missing_extends,
    no_fallback_locale,
    redefines_a_standard_code,
    reference_missing_a_locale,
    registered_range_warns,
    reuses_a_standard_alias,
    reuses_a_standard_name,
    standard_only_key,
    target_path_absolute,
    target_path_wrong_extension,
    target_without_path,
    unknown_target,
    go_only_collision_without_go,
    go_only_collision_with_go,
    delay_bounds_reversed,
}

#[test]
fn every_fixture_has_a_test() {
    let mut fixtures: Vec<String> = std::fs::read_dir(directory())
        .expect("tests/ui-app exists")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".toml").map(str::to_owned))
        .collect();
    fixtures.sort();
    let mut listed: Vec<&str> = NAMES.to_vec();
    listed.sort();
    assert_eq!(fixtures, listed, "list every tests/ui-app/*.toml in the ui! macro");
}

#[test]
fn the_merged_registry_holds_standard_and_own_codes_in_the_application_locales() {
    let bytes = std::fs::read(directory().join("added_locale_warns.toml")).unwrap();
    let application = load_application("added_locale_warns.toml", &bytes, false).unwrap();
    let registry = &application.registry;
    assert_eq!(registry.locales, ["en", "de"]);
    let session = registry.code(4001).unwrap();
    assert_eq!(session.label.title.0, ["Session expired", "Sitzung abgelaufen"]);
    assert_eq!(session.iana_name, None);
    // Standard texts fall back to English in a locale the standard registry lacks.
    let normal = registry.code(1000).unwrap();
    assert_eq!(normal.label.title.get(1), normal.label.title.get(0));
    assert_eq!(registry.codes.len(), 19 + 2);
    assert!(registry.range_of(4001).is_some_and(|r| r.id == "private"));
}
