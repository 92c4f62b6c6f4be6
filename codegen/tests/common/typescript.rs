//! The TypeScript driver: every module of a batch compiled by one `tsc` run with the package's
//! own compiler options, then imported by one `node` script.

use std::path::Path;
use std::process::Command;

use serde_json::{Map, Value, json};
use ws_close_codes_codegen::emit::{Layout, Output};
use ws_close_codes_codegen::model::{Answer, Registry};

use super::{Driver, Module, probes_json, repository, run, texts, tool, write};

/// The TypeScript target's driver.
pub struct TypeScript;

impl Driver for TypeScript {
    fn key(&self) -> &'static str {
        "typescript"
    }

    fn name(&self) -> &'static str {
        "TypeScript"
    }

    /// An application's one self-contained module (the package's entry points import a core
    /// module beside them).
    fn output(&self) -> Output {
        Output { path: "typescript/close_codes.ts".into(), layout: Layout::Modules, package: None, book: Default::default() }
    }

    fn answers(&self, root: &Path, modules: &[Module<'_>]) -> Result<String, String> {
        answers(root, modules)
    }

    /// NaN, 1.5, -1 and 70000.
    fn invalid_inputs(&self) -> usize {
        4
    }

    /// `describeCloseEvent` for the code in each locale and without one.
    fn extend_answer(
        &self,
        registry: &Registry,
        _number: Option<u16>,
        answer: Answer<'_>,
        facts: &mut Map<String, Value>,
    ) {
        let mut event = texts(registry, answer.label);
        event.insert("name".to_owned(), facts["name"].clone());
        event.insert("reconnect".to_owned(), facts["reconnect"].clone());
        event.insert("locale".to_owned(), json!(registry.locales));
        facts.insert("event".to_owned(), event.into());
    }

    fn doc_constant(&self, name: &str) -> String {
        format!("CloseCode.{name}")
    }
}

/// Compiles the modules and runs the driver over them; what it printed, or why it failed.
fn answers(root: &Path, modules: &[Module<'_>]) -> Result<String, String> {
    let (tsc, node) = (tool("WS_CLOSE_CODES_TSC"), tool("WS_CLOSE_CODES_NODE"));
    let src = root.join("src");
    std::fs::create_dir_all(&src).unwrap_or_else(|error| panic!("{}: {error}", src.display()));
    for module in modules {
        write(&src.join(format!("{}.ts", module.name)), module.source("typescript"));
    }
    write(&root.join("package.json"), "{ \"type\": \"module\" }\n");
    // The package's own compiler options, so that every module meets the same bar.
    let tsconfig = json!({
        "extends": repository().join("packages/typescript/tsconfig.json"),
        "compilerOptions": { "rootDir": "src", "outDir": "out" },
        "include": ["src"],
    });
    write(&root.join("tsconfig.json"), &tsconfig.to_string());
    write(&root.join("driver.mjs"), DRIVER);
    write(&root.join("modules.json"), &probes_json(modules));
    let mut compile = Command::new(tsc);
    compile.arg("-p").arg(root.join("tsconfig.json")).current_dir(root);
    run(compile)?;
    let mut driver = Command::new(node);
    driver.args(["driver.mjs", "modules.json"]).current_dir(root);
    run(driver)
}

const DRIVER: &str = r#"// Prints every answer of the generated modules as JSON, one object per module.
import { readFileSync } from "node:fs";

/** The reconnect contexts: closed by client, ever opened, attempt, random (as in the Rust driver). */
const CONTEXTS = [
  [true, true, 0, 0.5],
  [false, true, 0, 0],
  [false, true, 0, 0.5],
  [false, true, 3, 0.999],
  [false, true, 40, 0.25],
  [false, false, 4, 0.75],
  [false, false, 5, 0.75],
  [false, true, 1, Number.NaN],
];

function report(m, probes) {
  const inLocales = (text) => m.LOCALES.map(text);
  // Each text in every locale, and without a locale (the fallback).
  const label = (title, description) => ({
    title: inLocales(title),
    description: inLocales(description),
    default_title: title(undefined),
    default_description: description(undefined),
  });
  const event = (code) => {
    const describe = (locale) => m.describeCloseEvent({ code, reason: "", wasClean: true }, locale);
    const fallback = describe(undefined);
    return {
      name: fallback.name ?? null,
      reconnect: fallback.reconnect,
      locale: inLocales((locale) => describe(locale).locale),
      ...label((locale) => describe(locale).title, (locale) => describe(locale).description),
    };
  };
  const answer = (code) => ({
    name: m.nameOf(code) ?? null,
    aliases: m.aliasesOf(code),
    iana_name: m.ianaNameOf(code) ?? null,
    reference: m.referenceOf(code) === undefined ? null : inLocales((locale) => m.referenceOf(code, locale)),
    url: m.urlOf(code) ?? null,
    range: m.rangeOf(code)?.id ?? null,
    sendable: m.isSendable(code),
    sender: m.senderOf(code) ?? null,
    reconnect: m.reconnectOf(code),
    known: m.isKnown(code),
    ...label((locale) => m.titleOf(code, locale), (locale) => m.describe(code, locale)),
    event: event(code),
  });
  // The browser rule, a Close frame round trip, the reconnect step in each context, a description.
  const behaviour = (code) => {
    let frame = "ok";
    try {
      const back = m.parseClosePayload(m.encodeClosePayload(code, "ok"));
      if (back.code !== code || back.reason !== "ok") throw new Error(`no round trip for ${code}`);
    } catch (error) {
      if (!(error instanceof m.CloseFrameError)) throw error;
      frame = error.closeCode;
    }
    const close = m.describeCloseEvent({ code, reason: "why", wasClean: true }, undefined, { random: 0 });
    return {
      browser_closable: m.isBrowserClosable(code),
      delay_bounds: [...m.reconnectDelayBounds(code)],
      steps: CONTEXTS.map(([closedByClient, everOpened, attempt, random]) => {
        const step = m.reconnectStep(code, { closedByClient, everOpened, attempt, random });
        return [step.action, step.delayMs];
      }),
      frame,
      described: `${close.title} (${close.code}): ${close.reason}`,
    };
  };
  const vocabulary = (keys, title, description) =>
    Object.fromEntries(
      keys.map((key) => [key, label((locale) => title(key, locale), (locale) => description(key, locale))]),
    );
  const inRange = (texts) => (locale) => texts[locale ?? m.FALLBACK_LOCALE];
  return {
    locales: m.LOCALES,
    fallback: m.FALLBACK_LOCALE,
    negotiated: m.LOCALES.map((locale) => m.negotiate(locale)),
    codes: probes.map((code) => ({ ...answer(code), ...behaviour(code) })),
    invalid: [Number.NaN, 1.5, -1, 70000].map(answer),
    reconnect: vocabulary(m.RECONNECT_HINTS, m.reconnectTitle, m.reconnectDescription),
    sender: vocabulary(m.SENDERS, m.senderTitle, m.senderDescription),
    constants: m.CloseCode,
    ranges: m.RANGES.map((r) => ({
      id: r.id,
      start: r.start,
      end: r.end,
      sendable: r.sendable,
      reconnect: r.reconnect,
      ...label(inRange(r.title), inRange(r.description)),
    })),
  };
}

const modules = JSON.parse(readFileSync(process.argv[2], "utf8"));
const reports = [];
for (const { name, probes } of modules) {
  reports.push(report(await import(`./out/${name}.js`), probes));
}
process.stdout.write(JSON.stringify(reports));
"#;
