//! The Rust driver: every module of a batch in one program (`mod r0; mod r1; ...`), compiled by
//! `rustc` with warnings denied, printing JSON made only of ASCII.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Map, Value, json};
use ws_close_codes_codegen::behaviour;
use ws_close_codes_codegen::emit::{Layout, Output};
use ws_close_codes_codegen::model::{Answer, Registry};

use super::{Driver, Module, display, run, write};

/// The Rust target's driver.
pub struct Rust;

impl Driver for Rust {
    fn key(&self) -> &'static str {
        "rust"
    }

    fn name(&self) -> &'static str {
        "Rust"
    }

    /// A module that an application includes (`mod r0;` in the driver), not the crate.
    fn output(&self) -> Output {
        Output { path: "rust/close_codes.rs".into(), layout: Layout::Modules, package: None, book: Default::default() }
    }

    fn answers(&self, root: &Path, modules: &[Module<'_>]) -> Result<String, String> {
        answers(root, modules)
    }

    /// `Display` of the code.
    fn extend_answer(
        &self,
        registry: &Registry,
        number: Option<u16>,
        answer: Answer<'_>,
        facts: &mut Map<String, Value>,
    ) {
        let number = number.expect("Rust asks about u16 values only");
        facts.insert("display".to_owned(), json!(display(registry, number, answer)));
    }

    /// `FromStr` on each name in lowercase, the size limits and the default delay bounds, and a
    /// truncated reason.
    fn extend_report(&self, _module: &Module<'_>, report: &mut Value) {
        report["parsed"] = report["constants"].clone();
        let default = behaviour::DEFAULT_DELAY;
        report["limits"] =
            json!([behaviour::MAX_PAYLOAD_BYTES, behaviour::MAX_REASON_BYTES, default.min_ms, default.max_ms]);
        report["truncated"] = json!(behaviour::truncate_reason(&"é".repeat(100)));
    }

    fn doc_constant(&self, name: &str) -> String {
        format!("CloseCode::{name}")
    }
}

/// Compiles the modules into one program and runs it; what it printed, or why it failed.
fn answers(root: &Path, modules: &[Module<'_>]) -> Result<String, String> {
    for module in modules {
        write(&root.join(format!("{}.rs", module.name)), module.source("rust"));
    }
    write(&root.join("main.rs"), &main_rs(modules));
    let program = root.join(if cfg!(windows) { "driver.exe" } else { "driver" });
    let mut compile = Command::new(rustc());
    compile
        .args(["--edition", "2024", "--crate-type", "bin", "--crate-name", "driver"])
        .args(["-C", "debuginfo=0", "-D", "warnings"])
        .arg("-o")
        .arg(&program)
        .arg("main.rs")
        .current_dir(root);
    run(compile)?;
    let mut driver = Command::new(&program);
    driver.current_dir(root);
    run(driver)
}

/// The compiler cargo would use: `RUSTC`, else `rustc` on the `PATH`.
fn rustc() -> PathBuf {
    std::env::var_os("RUSTC").filter(|path| !path.is_empty()).map_or_else(|| "rustc".into(), PathBuf::from)
}

/// `main.rs`: the modules, the helpers and one `report!` per module.
fn main_rs(modules: &[Module<'_>]) -> String {
    let mut out = String::from("//! Prints every answer of the generated modules as JSON, one object per module.\n\n");
    for module in modules {
        let _ = writeln!(out, "mod {};", module.name);
    }
    out.push_str(HELPERS);
    out.push_str("\n// Aliases are deprecated constants.\n#[allow(deprecated)]\nfn main() {\n    let reports = [\n");
    for module in modules {
        let probes: Vec<String> = module.probes.iter().map(u16::to_string).collect();
        let registry = module.registry;
        let names: Vec<&str> = registry
            .codes
            .iter()
            .flat_map(|code| std::iter::once(&code.name).chain(&code.aliases))
            .map(String::as_str)
            .collect();
        let _ = writeln!(out, "        report!({}, [{}], [{}]),", module.name, probes.join(", "), names.join(", "));
    }
    out.push_str("    ];\n    println!(\"[{}]\", reports.join(\",\"));\n}\n");
    out
}

const HELPERS: &str = r#"
/// A JSON string holding exactly `text`, in ASCII: every other UTF-16 unit as a `\u` escape.
fn string(text: &str) -> String {
    let mut out = String::from("\"");
    for unit in text.encode_utf16() {
        match unit {
            0x22 => out.push_str("\\\""),
            0x5C => out.push_str("\\\\"),
            0x20..=0x7E => out.push(char::from(unit as u8)),
            _ => out.push_str(&format!("\\u{unit:04x}")),
        }
    }
    out.push('"');
    out
}

fn optional(text: Option<&str>) -> String {
    text.map_or_else(|| "null".to_owned(), string)
}

/// A JSON array of values already in JSON.
fn list(items: impl IntoIterator<Item = String>) -> String {
    format!("[{}]", items.into_iter().collect::<Vec<_>>().join(","))
}

/// A JSON object of values already in JSON.
fn object<K: AsRef<str>>(fields: impl IntoIterator<Item = (K, String)>) -> String {
    let fields: Vec<String> =
        fields.into_iter().map(|(key, value)| format!("{}:{value}", string(key.as_ref()))).collect();
    format!("{{{}}}", fields.join(","))
}

/// The reconnect contexts each code is asked about: (closed by client, ever opened, attempt, random).
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

/// The report of one module: `report!(module, [probed codes], [constant names and aliases])`.
macro_rules! report {
    ($module:ident, [$($probe:literal),*], [$($name:ident),*]) => {{
        use $module::{CloseCode, Locale, Range, Reconnect, Sender};
        let texts = |text: &dyn Fn(Locale) -> &'static str| list(Locale::ALL.iter().map(|&locale| string(text(locale))));
        let label = |title: &dyn Fn(Locale) -> &'static str, description: &dyn Fn(Locale) -> &'static str| {
            [
                ("title", texts(title)),
                ("description", texts(description)),
                ("default_title", string(title(Locale::default()))),
                ("default_description", string(description(Locale::default()))),
            ]
        };
        let answer = |code: u16| {
            let c = CloseCode::from(code);
            let facts = [
                ("name", optional(c.name())),
                ("aliases", list(c.aliases().iter().map(|alias| string(alias)))),
                ("iana_name", optional(c.iana_name())),
                ("reference", match c.reference(Locale::default()) {
                    Some(_) => texts(&|locale| c.reference(locale).unwrap_or_default()),
                    None => "null".to_owned(),
                }),
                ("url", optional(c.url())),
                ("range", optional(c.range().map(Range::id))),
                ("sendable", c.is_sendable().to_string()),
                ("sender", optional(c.sender().map(Sender::key))),
                ("reconnect", string(c.reconnect().key())),
                ("known", c.is_known().to_string()),
                ("display", string(&c.to_string())),
                ("browser_closable", c.is_browser_closable().to_string()),
                ("delay_bounds", { let (min, max) = c.reconnect_delay_bounds(); format!("[{min},{max}]") }),
                ("steps", list(CONTEXTS.map(|(closed_by_client, ever_opened, attempt, random)| {
                    let context = $module::ReconnectContext { closed_by_client, ever_opened, attempt, random };
                    let step = c.reconnect_step(context);
                    format!("[{},{}]", string(step.action()), step.delay_ms())
                }))),
                ("frame", match $module::CloseFrame::new(c, "ok") {
                    Ok(frame) => {
                        let mut buffer = [0; 125];
                        let parsed = $module::CloseFrame::parse(frame.encode(&mut buffer)).expect("what was encoded parses");
                        assert_eq!((parsed.code(), parsed.reason()), (Some(c), "ok"));
                        string("ok")
                    }
                    Err(error) => error.close_code().as_u16().to_string(),
                }),
                ("described", {
                    let context = $module::ReconnectContext { closed_by_client: false, ever_opened: true, attempt: 0, random: 0.0 };
                    string(&$module::describe_close(c, "why", Locale::FALLBACK, context).to_string())
                }),
            ];
            object(facts.into_iter().chain(label(&|l| c.title(l), &|l| c.description(l))))
        };
        let probes: &[u16] = &[$($probe),*];
        let names: &[(&str, CloseCode)] = &[$((stringify!($name), CloseCode::$name)),*];
        let parsed = |name: &str| {
            let code = name.to_ascii_lowercase().parse::<CloseCode>();
            code.map_or_else(|_| "null".to_owned(), |code| code.as_u16().to_string())
        };
        let range = |r: Range| {
            let facts = [
                ("id", string(r.id())),
                ("start", r.start().to_string()),
                ("end", r.end().to_string()),
                ("sendable", r.is_sendable().to_string()),
                ("reconnect", string(r.reconnect().key())),
            ];
            object(facts.into_iter().chain(label(&|l| r.title(l), &|l| r.description(l))))
        };
        object([
            ("locales", list(Locale::ALL.iter().map(|l| string(l.tag())))),
            ("fallback", string(Locale::FALLBACK.tag())),
            ("negotiated", list(Locale::ALL.iter().map(|l| string(Locale::negotiate(&l.to_string()).tag())))),
            ("codes", list(probes.iter().map(|&code| answer(code)))),
            ("invalid", "[]".to_owned()),
            ("reconnect", object(Reconnect::ALL.iter().map(|&h| (h.key(), object(label(&|l| h.title(l), &|l| h.description(l))))))),
            ("sender", object(Sender::ALL.iter().map(|&s| (s.key(), object(label(&|l| s.title(l), &|l| s.description(l))))))),
            ("constants", object(names.iter().map(|(name, code)| (*name, code.as_u16().to_string())))),
            ("parsed", object(names.iter().map(|(name, _)| (*name, parsed(name))))),
            ("ranges", list(Range::ALL.iter().copied().map(range))),
            ("limits", format!("[{},{},{},{}]", $module::MAX_PAYLOAD_BYTES, $module::MAX_REASON_BYTES,
                $module::DEFAULT_DELAY_BOUNDS_MS.0, $module::DEFAULT_DELAY_BOUNDS_MS.1)),
            ("truncated", string($module::truncate_reason(&"é".repeat(100)))),
        ])
    }};
}
"#;
