//! What the toolchain tests share: the generated modules of one or more registries, compiled and
//! run by the real toolchains, and what their drivers must print.
//!
//! A batch is a list of [`Module`]s. For each language, [`roundtrip`] writes them into one
//! project with a driver program, compiles it once, runs it once, and compares what it printed
//! (one JSON object per module: the answers for a list of probed codes, the vocabularies, the
//! constants and the ranges) with what the model says ([`expected`]), text by text.
//!
//! The programs come from environment variables that `cargo xtask test` sets:
//! - `RUSTC`, or else `rustc` on the `PATH`;
//! - `WS_CLOSE_CODES_TSC`: `tsc`;
//! - `WS_CLOSE_CODES_NODE`: `node`;
//! - `WS_CLOSE_CODES_PYTHON`: Python 3.10 or later with mypy and ruff installed;
//! - `WS_CLOSE_CODES_GO`: `go` (with `gofmt` beside it);
//! - `WS_CLOSE_CODES_JAVAC` and `WS_CLOSE_CODES_JAVA`: a JDK 17 or later.

pub mod go;
pub mod java;
pub mod python;
pub mod rust;
pub mod typescript;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Map, Value, json};
use ws_close_codes_codegen::behaviour;
use ws_close_codes_codegen::model::{Answer, Label, Reconnect, Registry, Sender};
use ws_close_codes_codegen::{Layout, Output, Plan, Targets};

/// A language whose generated module is compiled and run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    Rust,
    TypeScript,
    Python,
    Go,
    Java,
}

impl Language {
    pub fn name(self) -> &'static str {
        match self {
            Language::Rust => "Rust",
            Language::TypeScript => "TypeScript",
            Language::Python => "Python",
            Language::Go => "Go",
            Language::Java => "Java",
        }
    }

    /// How many numbers that are not close codes (NaN, -1, 70000, ...) the driver asks about.
    fn invalid_inputs(self) -> usize {
        match self {
            Language::Rust => 0,
            Language::TypeScript => 4,
            Language::Python => 2,
            Language::Go | Language::Java => 0,
        }
    }
}

/// Every target, with Rust as a module that an application includes (`mod r0;` in the driver),
/// and TypeScript as an application's one self-contained module (the package's entry points
/// import a core module beside them).
pub fn targets() -> Targets {
    let module =
        |path: &str| Output { path: path.into(), layout: Layout::Modules, package: None, book: Default::default() };
    Targets::standard()
        .with("rust", module("rust/close_codes.rs"))
        .with("typescript", module("typescript/close_codes.ts"))
}

/// One registry's generated modules, named for the batch, and the codes its drivers ask about.
pub struct Module<'r> {
    /// A name that is an identifier in every language and a file name, e.g. `r3`.
    pub name: String,
    /// The model every answer is checked against.
    pub registry: &'r Registry,
    /// The codes whose answers the drivers print.
    pub probes: Vec<u16>,
    rust: String,
    typescript: String,
    python: String,
    go: String,
    java: String,
}

impl<'r> Module<'r> {
    /// The module `name` of `registry`, its sources taken from `plan` (a plan of [`targets`]).
    pub fn new(name: &str, registry: &'r Registry, probes: Vec<u16>, plan: &Plan) -> Module<'r> {
        let targets = targets();
        let source = |key: &str| {
            let path = &targets.get(key).expect("targets() names every target").path;
            let file = plan.files.iter().find(|file| &file.path == path);
            file.unwrap_or_else(|| panic!("the plan has no {}", path.display())).contents.clone()
        };
        Module {
            name: name.to_owned(),
            registry,
            probes,
            rust: source("rust"),
            typescript: source("typescript"),
            python: source("python"),
            go: source("go"),
            java: source("java"),
        }
    }
}

/// A language's check that failed: the modules it points at, and what went wrong.
#[derive(Debug)]
pub struct Failure {
    /// Indices of the modules at fault, as far as the output tells; every module when it cannot.
    pub suspects: Vec<usize>,
    /// The compiler's or driver's output, or the differences found.
    pub message: String,
}

impl Failure {
    /// A failed command, blamed on the modules its output names (`r3.rs`, `src/r3.ts`, ...).
    pub fn from_output(modules: &[Module<'_>], message: String) -> Failure {
        let named = modules.iter().enumerate().filter(|(_, module)| mentions(&message, &module.name));
        let mut suspects: Vec<usize> = named.map(|(index, _)| index).collect();
        if suspects.is_empty() {
            suspects = (0..modules.len()).collect();
        }
        Failure { suspects, message }
    }
}

/// Does `text` hold `name` as a whole word (`r1` is not in `r12`)?
fn mentions(text: &str, name: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

/// Writes `modules` into `root`, compiles them with `language`'s toolchain, runs its driver once
/// and checks every answer against the model. Returns how many strings were compared.
pub fn roundtrip(language: Language, root: &Path, modules: &[Module<'_>]) -> Result<usize, Failure> {
    std::fs::create_dir_all(root).unwrap_or_else(|error| panic!("{}: {error}", root.display()));
    let printed = match language {
        Language::Rust => rust::answers(root, modules),
        Language::TypeScript => typescript::answers(root, modules),
        Language::Python => python::answers(root, modules),
        Language::Go => go::answers(root, modules),
        Language::Java => java::answers(root, modules),
    };
    let printed = printed.map_err(|message| Failure::from_output(modules, message))?;
    check(language, &printed, modules)
}

/// A TOML basic string holding exactly `text`.
pub fn toml_string(text: &str) -> String {
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

/// The program an environment variable names; a clear failure when it is not set.
pub fn tool(variable: &str) -> PathBuf {
    match std::env::var_os(variable) {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => panic!(
            "{variable} is not set: this test needs it to name the program to run.\n\
             hint: run `cargo xtask test`, which installs the toolchains and sets WS_CLOSE_CODES_TSC, \
             WS_CLOSE_CODES_NODE, WS_CLOSE_CODES_PYTHON, WS_CLOSE_CODES_GO, WS_CLOSE_CODES_JAVAC and WS_CLOSE_CODES_JAVA"
        ),
    }
}

/// Runs `command`: its standard output, or everything it printed when it fails. A program that
/// cannot be started fails the test at once.
pub fn run(mut command: Command) -> Result<String, String> {
    let described = format!("{command:?}");
    let output = command.output().unwrap_or_else(|error| panic!("could not run {described}: {error}"));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    if output.status.success() {
        Ok(stdout)
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr);
        Err(format!("{described} failed ({}):\n{stdout}\n{stderr}", output.status))
    }
}

pub fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("codegen lives in the repository").to_owned()
}

/// Writes a file the test needs, failing the test if it cannot.
fn write(path: &Path, contents: &str) {
    std::fs::write(path, contents).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
}

/// `[{"name": "r0", "probes": [1000, ...]}, ...]`: what the TypeScript and Python drivers read.
fn probes_json(modules: &[Module<'_>]) -> String {
    let list: Vec<Value> = modules.iter().map(|m| json!({ "name": m.name, "probes": m.probes })).collect();
    Value::from(list).to_string()
}

/// Compares what a driver printed (a JSON array, one object per module) with the model.
fn check(language: Language, printed: &str, modules: &[Module<'_>]) -> Result<usize, Failure> {
    let everyone = || (0..modules.len()).collect();
    let actual: Vec<Value> = serde_json::from_str(printed).map_err(|error| Failure {
        suspects: everyone(),
        message: format!("the {} driver printed no JSON array ({error}):\n{}", language.name(), excerpt(printed, 2000)),
    })?;
    if actual.len() != modules.len() {
        let message =
            format!("the {} driver printed {} reports for {} modules", language.name(), actual.len(), modules.len());
        return Err(Failure { suspects: everyone(), message });
    }
    let mut compared = 0;
    let mut failure = Failure { suspects: Vec::new(), message: String::new() };
    for (index, (module, actual)) in modules.iter().zip(&actual).enumerate() {
        let expected = expected(language, module);
        compared += strings(&expected);
        let mut found = Vec::new();
        differences(&module.name, actual, &expected, &mut found);
        if !found.is_empty() {
            failure.suspects.push(index);
            let _ =
                writeln!(failure.message, "{} answers of {} differ from the registry:", language.name(), module.name);
            for line in found.iter().take(20) {
                let _ = writeln!(failure.message, "  {line}");
            }
            if found.len() > 20 {
                let _ = writeln!(failure.message, "  ... and {} more", found.len() - 20);
            }
        }
    }
    if failure.suspects.is_empty() { Ok(compared) } else { Err(failure) }
}

/// What `language`'s driver prints for `module`, straight from the model.
pub fn expected(language: Language, module: &Module<'_>) -> Value {
    let registry = module.registry;
    let outside = Answer {
        code: None,
        range: None,
        sendable: false,
        reconnect: registry.out_of_range_reconnect,
        label: &registry.out_of_range,
        delay: ws_close_codes_codegen::behaviour::DEFAULT_DELAY,
    };
    let vocabulary = |labels: Vec<(&str, &Label)>| -> Value {
        labels.into_iter().map(|(key, label)| (key.to_owned(), Value::from(texts(registry, label)))).collect()
    };
    let constants: Map<String, Value> = registry
        .codes
        .iter()
        .flat_map(|code| std::iter::once(&code.name).chain(&code.aliases).map(|name| (name.clone(), json!(code.code))))
        .collect();
    let ranges: Vec<Value> = registry
        .ranges
        .iter()
        .map(|range| {
            let mut value = texts(registry, &range.label);
            value.insert("id".to_owned(), json!(range.id));
            value.insert("start".to_owned(), json!(range.start));
            value.insert("end".to_owned(), json!(range.end));
            value.insert("sendable".to_owned(), json!(range.sendable));
            value.insert("reconnect".to_owned(), json!(range.reconnect.key()));
            value.into()
        })
        .collect();
    let mut value = json!({
        "locales": registry.locales,
        "fallback": registry.locales[registry.fallback],
        "negotiated": registry.locales,
        "codes": module.probes.iter().map(|&code| answer(language, registry, Some(code), registry.answer(code))).collect::<Vec<_>>(),
        "invalid": (0..language.invalid_inputs()).map(|_| answer(language, registry, None, outside)).collect::<Vec<_>>(),
        "reconnect": vocabulary(Reconnect::ALL.iter().map(|&hint| (hint.key(), registry.reconnect_label(hint))).collect()),
        "sender": vocabulary(Sender::ALL.iter().map(|&sender| (sender.key(), registry.sender_label(sender))).collect()),
        "constants": constants,
        "ranges": ranges,
    });
    if language == Language::Rust {
        // `FromStr` on each name in lowercase.
        value["parsed"] = value["constants"].clone();
        let default = behaviour::DEFAULT_DELAY;
        value["limits"] =
            json!([behaviour::MAX_PAYLOAD_BYTES, behaviour::MAX_REASON_BYTES, default.min_ms, default.max_ms]);
        value["truncated"] = json!(behaviour::truncate_reason(&"é".repeat(100)));
    }
    value
}

/// A label's texts in every locale, and in the fallback locale (what the APIs give by default).
fn texts(registry: &Registry, label: &Label) -> Map<String, Value> {
    let value = json!({
        "title": label.title.0,
        "description": label.description.0,
        "default_title": label.title.get(registry.fallback),
        "default_description": label.description.get(registry.fallback),
    });
    match value {
        Value::Object(map) => map,
        _ => unreachable!("json! of braces is an object"),
    }
}

/// Everything a driver prints for one number (`None`: one that is not a close code at all).
fn answer(language: Language, registry: &Registry, number: Option<u16>, answer: Answer<'_>) -> Value {
    let entry = answer.code;
    // Through JSON, so that a text the registry may leave out is `null` when it is absent.
    let mut facts = json!({
        "name": entry.map(|c| &c.name),
        "aliases": entry.map(|c| c.aliases.clone()).unwrap_or_default(),
        "iana_name": entry.map(|c| &c.iana_name),
        "reference": entry.and_then(|c| c.reference.as_ref()).map(|texts| texts.0.clone()),
        "url": entry.map(|c| &c.url),
        "range": answer.range.map(|r| &r.id),
        "sendable": answer.sendable,
        "sender": entry.map(|c| c.sender.key()),
        "reconnect": answer.reconnect.key(),
    });
    let object = facts.as_object_mut().expect("an object");
    object.extend(texts(registry, answer.label));
    let facts_of_a_member = object.clone();
    object.insert("known".to_owned(), json!(entry.is_some()));
    match language {
        Language::Rust => {
            let number = number.expect("Rust asks about u16 values only");
            let title = answer.label.title.get(registry.fallback);
            let display = match (object["iana_name"].as_str(), entry) {
                (Some(name), _) => format!("{number} {name}"),
                (None, Some(_)) => format!("{number} {title}"),
                (None, None) => format!("{number} ({title})"),
            };
            object.insert("display".to_owned(), json!(display));
        }
        Language::TypeScript => {
            // `describeCloseEvent` for the code in each locale and without one.
            let mut event = texts(registry, answer.label);
            event.insert("name".to_owned(), object["name"].clone());
            event.insert("reconnect".to_owned(), object["reconnect"].clone());
            event.insert("locale".to_owned(), json!(registry.locales));
            object.insert("event".to_owned(), event.into());
        }
        Language::Go | Language::Java => {
            // `String()` / `toString()` and the browser rule.
            let number = number.expect("Go and Java ask about u16 values only");
            let title = answer.label.title.get(registry.fallback);
            let display = match (object["iana_name"].as_str(), entry) {
                (Some(name), _) => format!("{number} {name}"),
                (None, Some(_)) => format!("{number} {title}"),
                (None, None) => format!("{number} ({title})"),
            };
            object.insert("display".to_owned(), json!(display));
            object.insert("browser_closable".to_owned(), json!(behaviour::is_browser_closable(number)));
        }
        Language::Python => {
            // The `CloseCode` member's properties, for a registered code.
            let member = entry.map(|_| Value::from(facts_of_a_member));
            object.insert("member".to_owned(), member.unwrap_or(Value::Null));
        }
    }
    // Every driver asks its probes (not the numbers that are no close code) about the behaviour.
    if let Some(number) = number {
        behaviour(registry, number, answer, object);
    }
    facts
}

/// The reconnect contexts every driver asks about (the same list as each driver's `CONTEXTS`).
const CONTEXTS: [(bool, bool, u32, f64); 8] = [
    (true, true, 0, 0.5),
    (false, true, 0, 0.0),
    (false, true, 0, 0.5),
    (false, true, 3, 0.999),
    (false, true, 40, 0.25),
    (false, false, 4, 0.75),
    (false, false, 5, 0.75),
    (false, true, 1, f64::NAN),
];

/// What every driver answers for `number` about the browser rule, Close frames and the
/// reconnect policy, from the reference in `behaviour`.
fn behaviour(registry: &Registry, number: u16, answer: Answer<'_>, object: &mut Map<String, Value>) {
    object.insert("browser_closable".to_owned(), json!(behaviour::is_browser_closable(number)));
    object.insert("delay_bounds".to_owned(), json!([answer.delay.min_ms, answer.delay.max_ms]));
    let steps: Vec<Value> = CONTEXTS
        .iter()
        .map(|&(closed_by_client, ever_opened, attempt, random)| {
            let context = behaviour::ReconnectContext { closed_by_client, ever_opened, attempt, random };
            let step = behaviour::reconnect_step(answer.reconnect, answer.delay, context);
            json!([step.action.key(), step.delay_ms])
        })
        .collect();
    object.insert("steps".to_owned(), steps.into());
    let frame = match behaviour::encode_close_payload(registry, number, "ok") {
        Ok(_) => json!("ok"),
        Err(code) => json!(code),
    };
    object.insert("frame".to_owned(), frame);
    let title = answer.label.title.get(registry.fallback);
    object.insert("described".to_owned(), json!(format!("{title} ({number}): why")));
}

/// How many strings `value` holds: what a comparison checks, texts, names and ids.
fn strings(value: &Value) -> usize {
    match value {
        Value::String(_) => 1,
        Value::Array(items) => items.iter().map(strings).sum(),
        Value::Object(map) => map.values().map(strings).sum(),
        _ => 0,
    }
}

/// Every path at which `actual` and `expected` differ, e.g. `r3.codes[2].title[1]`.
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
        (Value::String(a), Value::String(e)) if a != e => found.push(format!("{path}: {}", string_difference(a, e))),
        _ if actual != expected => found.push(format!(
            "{path}: got {}, expected {}",
            excerpt(&actual.to_string(), 300),
            excerpt(&expected.to_string(), 300)
        )),
        _ => {}
    }
}

/// Where two strings part, with a little of each around that point (texts can be very long).
fn string_difference(actual: &str, expected: &str) -> String {
    let common = actual.chars().zip(expected.chars()).take_while(|(a, e)| a == e).count();
    let from = common.saturating_sub(20);
    let around = |text: &str| -> String { text.chars().skip(from).take(60).collect() };
    format!(
        "got {} chars, expected {}; they differ at char {common}; from char {from}, got {:?}, expected {:?}",
        actual.chars().count(),
        expected.chars().count(),
        around(actual),
        around(expected)
    )
}

/// The first `limit` chars of `text`, marked when cut.
fn excerpt(text: &str, limit: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(limit).collect();
    if chars.next().is_some() { format!("{head}… ({} chars in all)", text.chars().count()) } else { head }
}
