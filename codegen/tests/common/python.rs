//! The Python driver: every module of a batch as a package beside one script that imports them
//! all, run with warnings as errors. [`lint`] holds the packages to the real package's bar.

use std::path::Path;
use std::process::Command;

use serde_json::{Map, Value};
use ws_close_codes_codegen::model::{Answer, Registry};

use super::{Driver, Module, probes_json, run, tool, write};

/// The Python target's driver.
pub struct Python;

impl Driver for Python {
    fn key(&self) -> &'static str {
        "python"
    }

    fn name(&self) -> &'static str {
        "Python"
    }

    fn answers(&self, root: &Path, modules: &[Module<'_>]) -> Result<String, String> {
        answers(root, modules)
    }

    /// The bar the real package meets.
    fn lint(&self, root: &Path, modules: &[Module<'_>]) -> Result<(), String> {
        lint(root, modules)
    }

    /// NaN and -1.
    fn invalid_inputs(&self) -> usize {
        2
    }

    /// The `CloseCode` member's properties, for a registered code: the same facts.
    fn extend_answer(
        &self,
        _registry: &Registry,
        _number: Option<u16>,
        answer: Answer<'_>,
        facts: &mut Map<String, Value>,
    ) {
        let member = answer.code.map(|_| {
            let mut member = facts.clone();
            member.remove("known");
            Value::from(member)
        });
        facts.insert("member".to_owned(), member.unwrap_or(Value::Null));
    }

    fn doc_constant(&self, name: &str) -> String {
        format!("CloseCode.{name}")
    }
}

/// Writes the packages and runs the driver over them; what it printed, or why it failed.
fn answers(root: &Path, modules: &[Module<'_>]) -> Result<String, String> {
    let python = tool("WS_CLOSE_CODES_PYTHON");
    for module in modules {
        let package = root.join(&module.name);
        std::fs::create_dir_all(&package).unwrap_or_else(|error| panic!("{}: {error}", package.display()));
        write(&package.join("__init__.py"), module.source("python"));
    }
    write(&root.join("driver.py"), DRIVER);
    write(&root.join("modules.json"), &probes_json(modules));
    let mut driver = Command::new(&python);
    // `-W error`: an invalid escape sequence or any other warning while compiling fails the load.
    driver.args(["-W", "error", "-X", "utf8", "-B", "driver.py", "modules.json"]).current_dir(root);
    run(driver)
}

/// `ruff check` with the package's rules (data lines may be long and hold any character) and
/// `mypy --strict`, over the packages [`answers`] wrote; `ignore` adds ruff rules to skip.
fn lint(root: &Path, modules: &[Module<'_>]) -> Result<(), String> {
    let python = tool("WS_CLOSE_CODES_PYTHON");
    let names = || modules.iter().map(|module| &module.name);
    // The rules the package's own pyproject.toml waives for the generated module.
    let ignore = "E501,RUF001,RUF003";
    let mut ruff = Command::new(&python);
    ruff.args(["-m", "ruff", "check", "--isolated", "--no-cache", "--target-version", "py310"])
        .args(["--select", "E,W,F,I,UP,B,SIM,RUF,D", "--ignore", ignore])
        .args(["--config", "lint.pydocstyle.convention = \"google\""])
        .args(names())
        .current_dir(root);
    run(ruff)?;
    let mut mypy = Command::new(&python);
    mypy.args(["-m", "mypy", "--strict", "--python-version", "3.10", "--no-incremental"])
        .args(names())
        .current_dir(root);
    run(mypy).map(drop)
}

const DRIVER: &str = r#""""Prints every answer of the generated modules as JSON, one object per module."""

import importlib
import json
import sys


# The reconnect contexts: closed by client, ever opened, attempt, random (as in the Rust driver).
CONTEXTS = [
    (True, True, 0, 0.5),
    (False, True, 0, 0.0),
    (False, True, 0, 0.5),
    (False, True, 3, 0.999),
    (False, True, 40, 0.25),
    (False, False, 4, 0.75),
    (False, False, 5, 0.75),
    (False, True, 1, float("nan")),
]


def report(m, probes):
    def in_locales(text):
        return [text(locale) for locale in m.LOCALES]

    def described(item):
        """Texts of anything with title_in, description_in, title and description."""
        return {
            "title": in_locales(item.title_in),
            "description": in_locales(item.description_in),
            "default_title": item.title,
            "default_description": item.description,
        }

    def member(code):
        try:
            c = m.CloseCode(code)
        except ValueError:
            return None
        found = c.range
        return {
            "name": c.name,
            "aliases": list(c.aliases),
            "iana_name": c.iana_name,
            "reference": None if c.reference is None else in_locales(c.reference_in),
            "url": c.url,
            "range": None if found is None else found.id,
            "sendable": c.is_sendable,
            "sender": c.sender.value,
            "reconnect": c.reconnect.value,
            **described(c),
        }

    def answer(code):
        found = m.range_of(code)
        sender = m.sender_of(code)
        return {
            "name": m.name_of(code),
            "aliases": list(m.aliases_of(code)),
            "iana_name": m.iana_name_of(code),
            "reference": None if m.reference_of(code) is None else in_locales(lambda locale: m.reference_of(code, locale)),
            "url": m.url_of(code),
            "range": None if found is None else found.id,
            "sendable": m.is_sendable(code),
            "sender": None if sender is None else sender.value,
            "reconnect": m.reconnect_of(code).value,
            "known": m.is_known(code),
            "title": in_locales(lambda locale: m.title_of(code, locale)),
            "description": in_locales(lambda locale: m.describe(code, locale)),
            "default_title": m.title_of(code),
            "default_description": m.describe(code),
            "member": member(code),
        }

    def behaviour(code):
        """The browser rule, a Close frame round trip, the reconnect steps, a description."""
        frame = "ok"
        try:
            back = m.parse_close_payload(m.encode_close_payload(code, "ok"))
            if back != (code, "ok"):
                raise AssertionError(f"no round trip for {code}: {back}")
        except m.CloseFrameError as error:
            frame = error.close_code
        close = m.describe_close(code, "why", random=0.0)
        steps = [m.reconnect_step(code, m.ReconnectContext(*context)) for context in CONTEXTS]
        return {
            "browser_closable": m.is_browser_closable(code),
            "delay_bounds": list(m.reconnect_delay_bounds(code)),
            "steps": [[step.action.value, step.delay_ms] for step in steps],
            "frame": frame,
            "described": f"{close.title} ({close.code}): {close.reason}",
        }

    return {
        "locales": list(m.LOCALES),
        "fallback": m.FALLBACK_LOCALE,
        "negotiated": [m.negotiate(locale) for locale in m.LOCALES],
        "codes": [{**answer(code), **behaviour(code)} for code in probes],
        "invalid": [answer(code) for code in (-1, 70000)],
        "reconnect": {hint.value: described(hint) for hint in m.Reconnect},
        "sender": {sender.value: described(sender) for sender in m.Sender},
        "constants": {name: int(code) for name, code in m.CloseCode.__members__.items()},
        "ranges": [
            {
                "id": r.id,
                "start": r.start,
                "end": r.end,
                "sendable": r.sendable,
                "reconnect": r.reconnect.value,
                **described(r),
            }
            for r in m.RANGES
        ],
    }


with open(sys.argv[1], encoding="utf-8") as file:
    modules = json.load(file)
reports = [report(importlib.import_module(module["name"]), module["probes"]) for module in modules]
sys.stdout.write(json.dumps(reports))
"#;
