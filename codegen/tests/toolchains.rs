//! The generated TypeScript and Python, compiled and run by the real toolchains, on a registry
//! whose texts hold everything that could end a string literal or a comment early or change its
//! meaning: every text must come back exactly from the generated functions.
//!
//! The tests need these programs, named by environment variables that `cargo xtask test` sets:
//! - `WS_CLOSE_CODES_TSC`: `tsc`;
//! - `WS_CLOSE_CODES_NODE`: `node`;
//! - `WS_CLOSE_CODES_PYTHON`: Python 3.10 or later with mypy and ruff installed.
//!
//! Run them with `cargo test -p ws-close-codes-codegen --test toolchains -- --ignored`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};
use ws_close_codes_codegen::emit::{self, Header};
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

/// A TOML basic string holding exactly `text`.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

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
    let mut toml = String::from("locales = [\"en\", \"ru\", \"zh-Hant\", \"es-419\"]\nfallback = \"ru\"\n\n");
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
            "[[code]]\ncode = {code}\nname = \"{name}\"\naliases = {aliases}\niana_name = {}\nreference = {}\nurl = {}\n\
             sendable = {sendable}\nsender = \"{sender}\"\nreconnect = \"{reconnect}\"\n{}",
            toml_string(&format!("{HOSTILE_LINE} {code}")),
            toml_string(&format!("{HOSTILE_LINE} reference {code}")),
            toml_string(HOSTILE_URL),
            label(name, &mut counter)
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

fn header() -> Header {
    Header { command: "cargo test --test toolchains".to_owned(), registry: "hostile.toml".to_owned() }
}

/// The program an environment variable names; a clear failure when it is not set.
fn tool(variable: &str) -> PathBuf {
    match std::env::var_os(variable) {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => panic!(
            "{variable} is not set: this test needs it to name the program to run.\n\
             hint: run `cargo xtask test`, which installs the toolchains and sets WS_CLOSE_CODES_TSC, \
             WS_CLOSE_CODES_NODE and WS_CLOSE_CODES_PYTHON"
        ),
    }
}

/// Runs `command`, failing the test with its output unless it succeeds; returns its stdout.
fn run(mut command: Command) -> String {
    let described = format!("{command:?}");
    let output = command.output().unwrap_or_else(|error| panic!("could not run {described}: {error}"));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{described} failed ({}):\n{stdout}\n{stderr}", output.status);
    stdout
}

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("codegen lives in the repository").to_owned()
}

/// Everything the generated module must answer for `code`, in the drivers' shape.
fn expected_answer(registry: &Registry, code: u16) -> Value {
    let answer = registry.answer(code);
    let entry = answer.code;
    json!({
        "name": entry.map(|c| &c.name),
        "aliases": entry.map(|c| c.aliases.clone()).unwrap_or_default(),
        "iana_name": entry.map(|c| &c.iana_name),
        "reference": entry.map(|c| &c.reference),
        "url": entry.map(|c| &c.url),
        "range": answer.range.map(|r| &r.id),
        "sendable": answer.sendable,
        "sender": entry.map(|c| c.sender.key()),
        "reconnect": answer.reconnect.key(),
        "title": answer.label.title.0,
        "description": answer.label.description.0,
        "default_title": answer.label.title.get(registry.fallback),
        "default_description": answer.label.description.get(registry.fallback),
    })
}

/// What a driver prints: answers for [`PROBES`], for numbers that are not u16 (`invalid`, as
/// many as the driver probes), the vocabularies' texts, the constants and the ranges.
fn expected(registry: &Registry, invalid: usize) -> Value {
    let outside = expected_answer(registry, 65535);
    let vocabulary = |labels: Vec<(&str, &ws_close_codes_codegen::model::Label)>| -> Value {
        labels
            .into_iter()
            .map(|(key, label)| (key.to_owned(), json!({ "title": label.title.0, "description": label.description.0 })))
            .collect::<serde_json::Map<String, Value>>()
            .into()
    };
    let constants: serde_json::Map<String, Value> = registry
        .codes
        .iter()
        .flat_map(|code| std::iter::once(&code.name).chain(&code.aliases).map(|name| (name.clone(), json!(code.code))))
        .collect();
    json!({
        "locales": registry.locales,
        "fallback": registry.locales[registry.fallback],
        "codes": PROBES.iter().map(|&code| expected_answer(registry, code)).collect::<Vec<_>>(),
        "invalid": vec![outside; invalid],
        "reconnect": vocabulary(ws_close_codes_codegen::model::Reconnect::ALL.iter().map(|&h| (h.key(), registry.reconnect_label(h))).collect()),
        "sender": vocabulary(ws_close_codes_codegen::model::Sender::ALL.iter().map(|&s| (s.key(), registry.sender_label(s))).collect()),
        "constants": constants,
        "ranges": registry.ranges.iter().map(|r| json!({
            "id": r.id, "start": r.start, "end": r.end, "sendable": r.sendable, "reconnect": r.reconnect.key(),
            "title": r.label.title.0, "description": r.label.description.0,
        })).collect::<Vec<_>>(),
    })
}

/// Every path at which `actual` and `expected` differ, e.g. `codes[2].title[1]`.
fn differences(path: &str, actual: &Value, expected: &Value, found: &mut Vec<String>) {
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => {
            for key in a.keys().chain(e.keys().filter(|k| !a.contains_key(*k))) {
                let (a, e) = (a.get(key).unwrap_or(&Value::Null), e.get(key).unwrap_or(&Value::Null));
                differences(&format!("{path}.{key}"), a, e, found);
            }
        }
        (Value::Array(a), Value::Array(e)) if a.len() == e.len() => {
            for (index, (a, e)) in a.iter().zip(e).enumerate() {
                differences(&format!("{path}[{index}]"), a, e, found);
            }
        }
        _ if actual != expected => found.push(format!("{path}: got {actual}, expected {expected}")),
        _ => {}
    }
}

fn assert_same(language: &str, printed: &str, expected: &Value) {
    let actual: Value = serde_json::from_str(printed)
        .unwrap_or_else(|error| panic!("the {language} driver printed no JSON ({error}):\n{printed}"));
    let mut found = Vec::new();
    differences("", &actual, expected, &mut found);
    assert!(found.is_empty(), "{language} answers differ from the registry:\n{}", found.join("\n"));
}

const TS_DRIVER: &str = r#"// Prints every answer of the generated module as JSON.
import { readFileSync } from "node:fs";
import * as m from "./out/index.js";

const probes = JSON.parse(readFileSync(process.argv[2], "utf8"));
const inLocales = (text) => m.LOCALES.map(text);
const answer = (code) => ({
  name: m.nameOf(code) ?? null,
  aliases: m.aliasesOf(code),
  iana_name: m.ianaNameOf(code) ?? null,
  reference: m.referenceOf(code) ?? null,
  url: m.urlOf(code) ?? null,
  range: m.rangeOf(code)?.id ?? null,
  sendable: m.isSendable(code),
  sender: m.senderOf(code) ?? null,
  reconnect: m.reconnectOf(code),
  title: inLocales((locale) => m.titleOf(code, locale)),
  description: inLocales((locale) => m.describe(code, locale)),
  default_title: m.titleOf(code),
  default_description: m.describe(code),
});
const vocabulary = (keys, title, description) =>
  Object.fromEntries(keys.map((key) => [key, {
    title: inLocales((locale) => title(key, locale)),
    description: inLocales((locale) => description(key, locale)),
  }]));
console.log(JSON.stringify({
  locales: m.LOCALES,
  fallback: m.FALLBACK_LOCALE,
  codes: probes.map(answer),
  invalid: [Number.NaN, 1.5, -1, 70000].map(answer),
  reconnect: vocabulary(m.RECONNECT_HINTS, m.reconnectTitle, m.reconnectDescription),
  sender: vocabulary(m.SENDERS, m.senderTitle, m.senderDescription),
  constants: m.CloseCode,
  ranges: m.RANGES.map((r) => ({
    id: r.id, start: r.start, end: r.end, sendable: r.sendable, reconnect: r.reconnect,
    title: inLocales((locale) => r.title[locale]),
    description: inLocales((locale) => r.description[locale]),
  })),
}));
"#;

#[test]
#[ignore = "needs tsc, node and python; run by cargo xtask test"]
fn typescript_returns_every_hostile_text_exactly() {
    let (tsc, node) = (tool("WS_CLOSE_CODES_TSC"), tool("WS_CLOSE_CODES_NODE"));
    let registry = load_hostile();
    let dir = tempfile::tempdir().expect("temporary directory");
    let root = dir.path();
    std::fs::create_dir(root.join("src")).expect("src directory");
    std::fs::write(root.join("src/index.ts"), emit::typescript::emit(&registry, &header())).expect("index.ts");
    std::fs::write(root.join("package.json"), "{ \"type\": \"module\" }\n").expect("package.json");
    // The package's own compiler options, so that the hostile module meets the same bar.
    let base = repository().join("packages/typescript/tsconfig.json");
    let tsconfig = json!({
        "extends": base,
        "compilerOptions": { "rootDir": "src", "outDir": "out" },
        "include": ["src"],
    });
    std::fs::write(root.join("tsconfig.json"), tsconfig.to_string()).expect("tsconfig.json");
    std::fs::write(root.join("driver.mjs"), TS_DRIVER).expect("driver.mjs");
    std::fs::write(root.join("probes.json"), json!(PROBES).to_string()).expect("probes.json");

    let mut compile = Command::new(tsc);
    compile.arg("-p").arg(root.join("tsconfig.json")).current_dir(root);
    run(compile);
    let mut driver = Command::new(node);
    driver.arg("driver.mjs").arg("probes.json").current_dir(root);
    let printed = run(driver);
    assert_same("TypeScript", &printed, &expected(&registry, 4));
}

const PY_DRIVER: &str = r#""""Prints every answer of the generated module as JSON."""

import json
import sys

import ws_close_codes as m


def in_locales(text):
    return [text(locale) for locale in m.LOCALES]


def answer(code):
    found = m.range_of(code)
    sender = m.sender_of(code)
    return {
        "name": m.name_of(code),
        "aliases": list(m.aliases_of(code)),
        "iana_name": m.iana_name_of(code),
        "reference": m.reference_of(code),
        "url": m.url_of(code),
        "range": None if found is None else found.id,
        "sendable": m.is_sendable(code),
        "sender": None if sender is None else sender.value,
        "reconnect": m.reconnect_of(code).value,
        "title": in_locales(lambda locale: m.title_of(code, locale)),
        "description": in_locales(lambda locale: m.describe(code, locale)),
        "default_title": m.title_of(code),
        "default_description": m.describe(code),
    }


def vocabulary(members):
    return {
        member.value: {"title": in_locales(member.title_in), "description": in_locales(member.description_in)}
        for member in members
    }


with open(sys.argv[1], encoding="utf-8") as file:
    probes = json.load(file)
print(json.dumps({
    "locales": list(m.LOCALES),
    "fallback": m.FALLBACK_LOCALE,
    "codes": [answer(code) for code in probes],
    "invalid": [answer(code) for code in (-1, 70000)],
    "reconnect": vocabulary(m.Reconnect),
    "sender": vocabulary(m.Sender),
    "constants": {name: int(member) for name, member in m.CloseCode.__members__.items()},
    "ranges": [
        {
            "id": r.id, "start": r.start, "end": r.end, "sendable": r.sendable,
            "reconnect": r.reconnect.value,
            "title": in_locales(r.title_in), "description": in_locales(r.description_in),
        }
        for r in m.RANGES
    ],
}))
"#;

#[test]
#[ignore = "needs tsc, node and python; run by cargo xtask test"]
fn python_returns_every_hostile_text_exactly() {
    let python = tool("WS_CLOSE_CODES_PYTHON");
    let registry = load_hostile();
    let dir = tempfile::tempdir().expect("temporary directory");
    let root = dir.path();
    let package = root.join("ws_close_codes");
    std::fs::create_dir(&package).expect("package directory");
    std::fs::write(package.join("__init__.py"), emit::python::emit(&registry, &header())).expect("__init__.py");
    std::fs::write(package.join("py.typed"), emit::python::py_typed(&header())).expect("py.typed");
    std::fs::write(root.join("driver.py"), PY_DRIVER).expect("driver.py");
    std::fs::write(root.join("probes.json"), json!(PROBES).to_string()).expect("probes.json");

    // The bar the real package meets: mypy --strict and ruff with its rules (data lines may be long).
    let mut mypy = Command::new(&python);
    mypy.args(["-m", "mypy", "--strict", "--python-version", "3.10", "--no-incremental", "ws_close_codes"])
        .current_dir(root);
    run(mypy);
    let mut ruff = Command::new(&python);
    ruff.args(["-m", "ruff", "check", "--isolated", "--no-cache", "--target-version", "py310"])
        .args(["--select", "E,W,F,I,UP,B,SIM,RUF,D", "--ignore", "E501,RUF001,RUF003"])
        .args(["--config", "lint.pydocstyle.convention = \"google\"", "ws_close_codes"])
        .current_dir(root);
    run(ruff);
    let mut driver = Command::new(&python);
    driver.args(["-X", "utf8", "driver.py", "probes.json"]).env("PYTHONDONTWRITEBYTECODE", "1").current_dir(root);
    let printed = run(driver);
    assert_same("Python", &printed, &expected(&registry, 2));
}

/// The texts really are hostile: every piece reaches the model unchanged.
#[test]
fn the_hostile_registry_loads_with_every_piece_intact() {
    let registry = load_hostile();
    let description = registry.codes[0].label.description.get(0);
    for piece in HOSTILE {
        assert!(description.contains(piece), "{piece:?} is missing from {description:?}");
    }
    assert_eq!(registry.locales[registry.fallback], "ru");
}
