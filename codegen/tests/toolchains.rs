//! The generated Rust, TypeScript and Python, compiled and run by the real toolchains, on a
//! registry whose texts hold everything that could end a string literal or a comment early or
//! change its meaning: every text must come back exactly from the generated functions.
//!
//! The tests need `rustc` (`RUSTC` or the `PATH`) and the programs that `cargo xtask test` names
//! in `WS_CLOSE_CODES_TSC`, `WS_CLOSE_CODES_NODE` and `WS_CLOSE_CODES_PYTHON` (see `common`).
//! Run them with `cargo test -p ws-close-codes-codegen --test toolchains -- --ignored`.

mod common;

use std::fmt::Write as _;

use common::{Language, Module, roundtrip, toml_string};
use ws_close_codes_codegen::{Registry, load};

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

/// Generates every target for the hostile registry and checks `language`'s module with its
/// toolchain.
fn check_hostile(language: Language) {
    let registry = load_hostile();
    let plan = common::targets().plan(&registry, "cargo test --test toolchains", "hostile.toml");
    let probes = PROBES.iter().copied().chain(3099..=3142).collect();
    let modules = [Module::new("hostile", &registry, probes, &plan)];
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut result = roundtrip(language, dir.path(), &modules).map(drop).map_err(|failure| failure.message);
    if language == Language::Python {
        // The bar the real package meets.
        result = result.and_then(|()| common::python::lint(dir.path(), &modules));
    }
    if let Err(message) = result {
        panic!("{message}");
    }
}

#[test]
#[ignore = "needs rustc, tsc, node and python; run by cargo xtask test"]
fn rust_returns_every_hostile_text_exactly() {
    check_hostile(Language::Rust);
}

#[test]
#[ignore = "needs rustc, tsc, node and python; run by cargo xtask test"]
fn typescript_returns_every_hostile_text_exactly() {
    check_hostile(Language::TypeScript);
}

#[test]
#[ignore = "needs rustc, tsc, node and python; run by cargo xtask test"]
fn python_returns_every_hostile_text_exactly() {
    check_hostile(Language::Python);
}

#[test]
#[ignore = "needs go; run by cargo xtask test"]
fn go_returns_every_hostile_text_exactly() {
    check_hostile(Language::Go);
}

#[test]
#[ignore = "needs javac and java; run by cargo xtask test"]
fn java_returns_every_hostile_text_exactly() {
    check_hostile(Language::Java);
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
