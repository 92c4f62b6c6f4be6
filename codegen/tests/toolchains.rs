//! The generated code of every target with a test driver (`common::DRIVERS`), compiled and run
//! by the real toolchains, on a
//! registry whose texts hold everything that could end a string literal or a comment early or
//! change its meaning: every text must come back exactly from the generated functions.
//!
//! The tests need the programs each driver names (`rustc` from `RUSTC` or the `PATH`, and those
//! that `cargo xtask test` names in `WS_CLOSE_CODES_TSC` and the like; see `common`).
//! Run them with `cargo test -p ws-close-codes-codegen --test toolchains -- --ignored`.

mod common;

use std::fmt::Write as _;

use common::{DRIVERS, Module, roundtrip_all, toml_string};
use std::path::Path;

use ws_close_codes_codegen::{Registry, Targets, load};

/// Texts that break naive escaping in JavaScript, TypeScript, JSDoc, Python or its docstrings.
const HOSTILE: &[&str] = &[
    r#"double " quote, single ' quote, backslash \ and \" and \\ "#,
    "*/ ends a block comment, /* starts one, // starts a line comment, </script> <!-- --> ",
    r#"""" three double quotes """ and three single quotes ''' and a quote at the end""#,
    "${template} `backticks` \\${escaped} {} {0} {{braces}} %s %(name)s ",
    "line\nbreak, NEL\u{85}here, LINE SEPARATOR\u{2028}here, PARAGRAPH SEPARATOR\u{2029}here ",
    "emoji 😀 👩‍💻 🏳️‍🌈 🇺🇦, CJK 關閉碼 中文, Cyrillic Код закрытия ёЁ ",
    "escapes that must stay text: \\u2028 \\n \\x00 \\N{BULLET} \\U0001F600 @deprecated {@link x} ",
    "invisible: BOM\u{feff}, ZWSP\u{200b}, combining e\u{301}, private use \u{f0000} ",
    "ends with a backslash \\",
];

/// One-line texts (IANA names and references may not span lines).
const HOSTILE_LINE: &str =
    r#"Name */ /* "quoted" 'single' """triple""" \back\slash ${x} `tick` @deprecated 😀 中文 Код {@link y}"#;

/// An https URL without whitespace, full of characters comments and literals care about.
const HOSTILE_URL: &str = r#"https://example.com/a*/b/*c?q="x"&r='y'&s=\z&t=${u}&v=`w`#@deprecated"#;

/// Codes probed: registered, unregistered in a range, and outside every range.
const PROBES: &[u16] = &[0, 999, 1000, 1001, 1006, 1999, 2000, 2999, 3000, 4000, 4999, 5000, 65535];

const LOCALES: [&str; 4] = ["en", "ru", "zh-Hant", "es-419"];

/// `title.<locale> = ...` and `description.<locale> = ...` lines, each text distinct and hostile.
fn label(owner: &str, counter: &mut usize) -> String {
    let mut lines = String::new();
    for key in ["title", "description"] {
        for locale in LOCALES {
            let first = HOSTILE[*counter % HOSTILE.len()];
            *counter += 1;
            let text = format!("{first}{key} of {owner} in {locale}: {}", HOSTILE.concat());
            let _ = writeln!(lines, "{key}.{locale} = {}", toml_string(&text));
        }
    }
    lines
}

/// A registry with four locales (the fallback is not the first), every table and hostile texts.
fn hostile_registry() -> String {
    let mut counter = 0;
    let mut toml = format!("locales = [{}]\nfallback = \"ru\"\n\n", LOCALES.map(|tag| format!("\"{tag}\"")).join(", "));
    let _ = writeln!(toml, "[out_of_range]\nreconnect = \"never\"\n{}", label("out_of_range", &mut counter));
    for hint in ["never", "backoff", "reauthenticate", "unspecified"] {
        let _ = writeln!(toml, "[reconnect.{hint}]\n{}", label(hint, &mut counter));
    }
    for sender in ["client", "server", "either", "local", "none"] {
        let _ = writeln!(toml, "[sender.{sender}]\n{}", label(sender, &mut counter));
    }
    let ranges = [
        ("low", 0, 999, false, "never"),
        ("protocol", 1000, 1999, false, "backoff"),
        ("open", 3000, 4999, true, "unspecified"),
    ];
    for (id, start, end, sendable, reconnect) in ranges {
        let _ = writeln!(
            toml,
            "[[range]]\nid = \"{id}\"\nstart = {start}\nend = {end}\nsendable = {sendable}\nreconnect = \"{reconnect}\"\n{}",
            label(id, &mut counter)
        );
    }
    let codes = [
        (1000, "FIRST", "[\"OLDER_FIRST\", \"OLD_FIRST\"]", true, "either", "never"),
        (1006, "SECOND", "[]", false, "local", "backoff"),
        (4000, "THIRD", "[\"OLD_THIRD\"]", true, "server", "reauthenticate"),
    ];
    for (code, name, aliases, sendable, sender, reconnect) in codes {
        let _ = writeln!(
            toml,
            "[[code]]\ncode = {code}\nname = \"{name}\"\naliases = {aliases}\niana_name = {}\n{}url = {}\n\
             sendable = {sendable}\nsender = \"{sender}\"\nreconnect = \"{reconnect}\"\n{}",
            toml_string(&format!("{HOSTILE_LINE} {code}")),
            LOCALES
                .iter()
                .map(|tag| format!(
                    "reference.{tag} = {}\n",
                    toml_string(&format!("{HOSTILE_LINE} reference {code} {tag}"))
                ))
                .collect::<String>(),
            toml_string(HOSTILE_URL),
            label(name, &mut counter)
        );
    }
    // Every other code of 3100-3140 may not be sent: more runs of sendable codes than the
    // emitters test one by one, so their table searches are checked too.
    for index in 0..=20u16 {
        let code = 3100 + 2 * index;
        let name = format!("LOCAL_{index}");
        let _ = writeln!(
            toml,
            "[[code]]\ncode = {code}\nname = \"{name}\"\niana_name = \"Local {index}\"\n{}\
             url = \"https://example.com/{code}\"\nsendable = false\nsender = \"local\"\nreconnect = \"never\"\n{}",
            LOCALES.iter().map(|tag| format!("reference.{tag} = \"-\"\n")).collect::<String>(),
            label(&name, &mut counter)
        );
    }
    toml
}

fn load_hostile() -> Registry {
    match load("hostile.toml", &hostile_registry()) {
        Ok(loaded) => loaded.registry,
        Err(diagnostics) => {
            let text: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
            panic!("the hostile registry does not load:\n{}", text.join("\n"))
        }
    }
}

/// Generates every target for the hostile registry and checks each driver's module with its
/// toolchain, all drivers at once: every failure is reported, not only the first.
#[test]
#[ignore = "needs every target's toolchain (rustc, tsc, node, python, go, javac, ...); run by cargo xtask test"]
fn every_target_returns_every_hostile_text_exactly() {
    let registry = load_hostile();
    let plan = common::targets().plan(&registry, "cargo test --test toolchains", "hostile.toml");
    let probes = PROBES.iter().copied().chain(3099..=3142).collect();
    let modules = [Module::new("hostile", &registry, probes, &plan)];
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut failures = String::new();
    for (driver, result) in DRIVERS.iter().zip(roundtrip_all(dir.path(), &modules)) {
        match result {
            Ok(strings) => println!("toolchains: {}: {strings} strings back exactly", driver.name()),
            Err(failure) => {
                let _ = writeln!(failures, "--- {} failed:\n{}", driver.name(), failure.message);
            }
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

/// The texts really are hostile: every piece reaches the model unchanged.
#[test]
fn the_hostile_registry_loads_with_every_piece_intact() {
    let registry = load_hostile();
    let runs = registry.runs(|answer| answer.sendable).len();
    assert!(runs > ws_close_codes_codegen::emit::INLINE_RUNS, "{runs} runs of sendable codes");
    let description = registry.codes[0].label.description.get(0);
    for piece in HOSTILE {
        assert!(description.contains(piece), "{piece:?} is missing from {description:?}");
    }
    assert_eq!(registry.locales[registry.fallback], "ru");
}

/// The docs show each code's constant as every driver's language spells it (written in each
/// driver, independently of the emitters).
#[test]
fn the_docs_show_the_constant_of_every_code_in_every_language() {
    let registry = ws_close_codes_codegen::application::standard();
    let plan = Targets::standard().only("markdown").plan(registry, "cargo xtask gen", "codes.toml");
    let page = Path::new("docs/en/codes.md");
    let codes = plan.files.iter().find(|file| file.path == page).expect("the plan has docs/en/codes.md");
    for code in &registry.codes {
        let section = codes.contents.split("\n## ").find(|section| section.starts_with(&code.code.to_string()));
        let section = section.unwrap_or_else(|| panic!("docs/en/codes.md has no section for {}", code.code));
        for driver in DRIVERS {
            let line = format!("- {}: `{}`", driver.name(), driver.doc_constant(&code.name));
            assert!(section.contains(&line), "the section of {} lacks {line:?}:\n{section}", code.code);
        }
    }
}
