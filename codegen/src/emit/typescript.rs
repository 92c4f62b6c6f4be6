//! The TypeScript emitter: dependency-free ES modules that run in browsers, Node, Deno and Bun,
//! and compile under `strict`, `erasableSyntaxOnly` and `verbatimModuleSyntax` (no `enum`, no
//! namespaces).
//!
//! The npm package has one entry point for all locales (`index.ts`) and one per locale
//! (`en.ts`, ...). Each holds only its locales' texts and the functions that read them, and
//! imports the rest from `core.ts`: what is the same in every locale (facts, lookups that read no
//! text, negotiation, Close frames, the reconnect policy), which it exports again. An
//! application gets one self-contained module: the core, its sharing kept private, then the
//! entry. The large tables are `/* @__PURE__ */`, so a bundler leaves out those a page never
//! reads.
//!
//! Registry text reaches the output as double-quoted string literals made by [`string`], which
//! escapes anything that is not printable; comments only carry text passed through [`comment`].
//! The functions (`core_functions.ts`, `entry_functions.ts`) are the same for every registry and
//! mirror `Registry::answer` and `Registry::negotiate` of the model.

use std::fmt::Write as _;

use super::escape::{Literal, one_line};
use super::{Comments, Header, Layout, NameKind, Output, Target};
use crate::files::Plan;

mod at_close;
use crate::model::{Label, Reconnect, Registry, Sender, Texts};

/// ECMAScript reserved words, strict-mode reserved words and TypeScript's own, plus property
/// names an object literal cannot own safely.
const RESERVED: &[&str] = &[
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "import",
    "in",
    "instanceof",
    "new",
    "null",
    "return",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "var",
    "void",
    "while",
    "with",
    "as",
    "implements",
    "interface",
    "let",
    "package",
    "private",
    "protected",
    "public",
    "static",
    "yield",
    "any",
    "boolean",
    "constructor",
    "declare",
    "get",
    "module",
    "require",
    "number",
    "set",
    "string",
    "symbol",
    "type",
    "from",
    "of",
    "await",
    "async",
    "undefined",
    "NaN",
    "Infinity",
    "__proto__",
    "prototype",
];

/// Why `identifier` cannot be a key of the generated `CloseCode` object, if it cannot.
pub fn reserved(identifier: &str) -> Option<&'static str> {
    RESERVED.contains(&identifier).then_some("a reserved word")
}

/// The TypeScript property for a registry name: the name itself.
pub fn identifier(name: &str) -> String {
    name.to_owned()
}

/// The TypeScript target: the npm package's entry points and their core module, or one module of an
/// application.
pub struct TypeScript;

impl Target for TypeScript {
    fn starter(&self) -> Option<super::Starter> {
        Some(super::Starter {
            path: "src/closeCodes.ts",
            keys: &[],
            what: "a TypeScript module, no dependencies",
            detect: &["package.json"],
        })
    }

    fn key(&self) -> &'static str {
        "typescript"
    }

    fn name(&self) -> &'static str {
        "TypeScript"
    }

    fn extension(&self) -> Option<&'static str> {
        Some("ts")
    }

    fn standard(&self) -> Output {
        Output::package_source("packages/typescript/src/index.ts")
    }

    fn identifier(&self, name: &str) -> Option<String> {
        Some(identifier(name))
    }

    fn range_predicate(&self, id: &str) -> Option<String> {
        Some(range_predicate(id))
    }

    /// A range's predicate may not be another function of the module (`isWireNumber` is
    /// internal).
    fn reserved(&self, name: &str, kind: NameKind) -> Option<&'static str> {
        let internal = kind == NameKind::RangeId && name == "WIRE_NUMBER";
        super::predicate_clash(name, kind)
            .or_else(|| internal.then_some("its predicate would be a function the module has already"))
            .or_else(|| reserved(name))
    }

    fn constant(&self, name: &str) -> Option<String> {
        Some(format!("CloseCode.{}", identifier(name)))
    }

    fn plan(&self, registry: &Registry, header: &Header, output: &Output, plan: &mut Plan) {
        let Some(directory) = output.path.parent().filter(|_| output.layout == Layout::Packages) else {
            plan.file(&output.path, emit(registry, header));
            return;
        };
        plan.directory(directory);
        // The entry points share one core module, the same in every locale; each entry holds
        // only its own texts, so that a page that imports `ws-close-codes/ru` bundles only
        // Russian.
        let core = core_module(registry, header);
        let reexports = reexports(&core);
        plan.file(&output.path, entry_module(registry, header, &reexports));
        for (index, tag) in registry.locales.iter().enumerate() {
            let module = entry_module(&registry.only_locale(index), header, &reexports);
            plan.file(directory.join(format!("{tag}.ts")), module);
        }
        plan.file(directory.join(format!("{CORE}.ts")), core);
    }
}

/// The core module's name beside the entry points (`core.ts`); not an entry point itself.
const CORE: &str = "core";

/// What the core module exports for the entry points only: no entry exports them again.
const INTERNAL: &[&str] = &[
    "deepFreeze",
    "frozenMap",
    "RangeFacts",
    "RANGE_FACTS",
    "LABEL_INDEX",
    "labelIndexOf",
    "rangeIndexOf",
    "negotiateAmong",
];

/// What an entry point uses of the core module: values, then types.
const IMPORTED: (&[&str], &[&str]) = (
    &[
        "deepFreeze",
        "frozenMap",
        "LABEL_INDEX",
        "labelIndexOf",
        "nameOf",
        "negotiateAmong",
        "RANGE_FACTS",
        "rangeIndexOf",
        "reconnectOf",
        "reconnectStep",
    ],
    &["CloseContext", "CloseEventLike", "RangeFacts", "Reconnect", "ReconnectStep", "Sender"],
);

/// Emits one self-contained module for `registry` (an application's): the core, with what it
/// shares with the entry points kept private, then the entry's texts and functions.
pub fn emit(registry: &Registry, header: &Header) -> String {
    let mut out = header.comment(Comments::Slashes);
    out.reserve(super::size_estimate(registry));
    out.push_str(MODULE_DOC);
    let mut core = String::new();
    core_body(&mut core, registry);
    for line in core.split_inclusive('\n') {
        let internal = declaration(line).is_some_and(|(_, name)| INTERNAL.contains(&name));
        out.push_str(if internal { &line["export ".len()..] } else { line });
    }
    entry_body(&mut out, registry);
    out
}

/// `core.ts` of the package: everything that is the same in every locale.
fn core_module(registry: &Registry, header: &Header) -> String {
    let mut out = header.comment(Comments::Slashes);
    out.push_str(CORE_DOC);
    core_body(&mut out, registry);
    out
}

/// An entry point of the package (`index.ts`, `en.ts`, ...) for `registry`'s locales: the core's
/// public API exported again (`reexports`), and the texts with the functions that read them.
fn entry_module(registry: &Registry, header: &Header, reexports: &str) -> String {
    let mut out = header.comment(Comments::Slashes);
    out.push_str(MODULE_DOC);
    out.push_str(reexports);
    entry_body(&mut out, registry);
    out
}

/// What every entry point imports from the core module and exports again, the same in each.
fn reexports(core: &str) -> String {
    let mut out = String::new();
    let from = format!(" from \"./{CORE}.js\";");
    let (values, types) = IMPORTED;
    let imported: Vec<String> =
        values.iter().map(|name| (*name).to_owned()).chain(types.iter().map(|name| format!("type {name}"))).collect();
    ln!(out);
    out.push_str(&specifiers("import", &imported, &from));
    let declared: Vec<(&str, &str)> = core.lines().filter_map(declaration).collect();
    let public = |name: &&str| !INTERNAL.contains(name);
    let values: Vec<String> = declared
        .iter()
        .filter(|(keyword, _)| !matches!(*keyword, "type" | "interface"))
        .map(|(_, name)| *name)
        .filter(public)
        .map(str::to_owned)
        .collect();
    // `CloseCode` is a constant and a type: exporting the constant exports both.
    let types: Vec<String> = declared
        .iter()
        .filter(|(keyword, name)| matches!(*keyword, "type" | "interface") && !values.iter().any(|v| v == name))
        .map(|(_, name)| *name)
        .filter(public)
        .map(str::to_owned)
        .collect();
    ln!(out);
    out.push_str(&specifiers("export", &values, &from));
    out.push_str(&specifiers("export type", &types, &from));
    out
}

/// The keyword and name of an exported declaration (`export function isKnown(`), if `line` starts
/// one.
fn declaration(line: &str) -> Option<(&str, &str)> {
    let (keyword, rest) = line.strip_prefix("export ")?.split_once(' ')?;
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$')).unwrap_or(rest.len());
    matches!(keyword, "function" | "const" | "class" | "type" | "interface").then_some((keyword, &rest[..end]))
}

/// `import { a, b } from "...";` on one line when it fits the page, else one name per line, as
/// prettier prints it.
fn specifiers(head: &str, names: &[String], from: &str) -> String {
    let line = format!("{head} {{ {} }}{from}", names.join(", "));
    if width(&line) <= PRINT_WIDTH {
        format!("{line}\n")
    } else {
        let names: String = names.iter().map(|name| format!("  {name},\n")).collect();
        format!("{head} {{\n{names}}}{from}\n")
    }
}

/// What every locale shares: types, constants, facts and the functions that read no text.
fn core_body(out: &mut String, registry: &Registry) {
    ln!(out);
    ln!(out, "/** What `negotiate` trims from both ends of a tag: every Unicode White_Space character. */");
    // Wider than the page, so prettier puts the string on a line of its own.
    ln!(out, "const WHITESPACE =\n  {};", string(super::WHITESPACE));
    out.push_str(DEEP_FREEZE);
    let hints = Reconnect::ALL.map(|hint| hint.key());
    vocabulary(out, ("Reconnect", super::RECONNECT_DOC, "RECONNECT_HINTS"), &hints);
    let senders = Sender::ALL.map(|sender| sender.key());
    vocabulary(out, ("Sender", "Who sends a close code.", "SENDERS"), &senders);
    close_code(out, registry);
    range_facts(out, registry);
    entries(out, registry);
    lookups(out, registry);
    out.push_str(CORE_FUNCTIONS);
    range_predicates(out, registry);
    at_close::at_close(out, registry);
}

/// One entry point's texts and the functions that read them.
fn entry_body(out: &mut String, registry: &Registry) {
    locales(out, registry);
    vocabulary_labels(out, registry, "Reconnect", &Reconnect::ALL.map(|h| (h.key(), registry.reconnect_label(h))));
    vocabulary_labels(out, registry, "Sender", &Sender::ALL.map(|s| (s.key(), registry.sender_label(s))));
    labels(out, registry);
    out.push_str(ENTRY_FUNCTIONS);
    texts_lookups(out, registry);
}

const CORE_DOC: &str = include_str!("typescript/core_doc.ts");

const CORE_FUNCTIONS: &str = include_str!("typescript/core_functions.ts");

const ENTRY_FUNCTIONS: &str = include_str!("typescript/entry_functions.ts");

/// `isPrivate` for the range id `private`: the predicate's name in TypeScript (camelCase).
fn range_predicate(id: &str) -> String {
    std::iter::once("is".to_owned())
        .chain(id.split('-').map(|word| {
            let mut chars = word.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        }))
        .collect()
}

/// `isPrivate(code)` and the like: one predicate per range, named after its id.
fn range_predicates(out: &mut String, registry: &Registry) {
    for range in &registry.ranges {
        let name = range_predicate(&range.id);
        ln!(out);
        ln!(out, "/** Is `code` an integer in the {}-{} range (`{}`)? */", range.start, range.end, range.id);
        ln!(out, "export function {name}(code: number): boolean {{");
        ln!(out, "  return Number.isInteger(code) && code >= {} && code <= {};", range.start, range.end);
        ln!(out, "}}");
    }
}

/// The lookups of any number in one step: the table `LABEL_INDEX` (the label of each integer
/// 0-65535) and the runs `SENDABLE` is filled from when the module loads.
fn lookups(out: &mut String, registry: &Registry) {
    let pieces = super::label_pieces(registry);
    ln!(out);
    ln!(out, "/**");
    ln!(out, " * Every integer 0-65535 in stretches that share one label, ascending: first, last, and the index");
    ln!(out, " * of the label (see `labelIndexOf`).");
    ln!(out, " */");
    ln!(out, "const LABEL_PIECES: readonly (readonly [number, number, number])[] = [");
    for (start, end, index) in &pieces {
        ln!(out, "  [{start}, {end}, {index}],");
    }
    ln!(out, "];");
    ln!(out);
    ln!(out, "/** The sendable integers as runs, ascending: first and last of each. */");
    ln!(out, "const SENDABLE_RUNS: readonly (readonly [number, number])[] = [");
    for (start, end) in super::sendable_runs(registry) {
        ln!(out, "  [{start}, {end}],");
    }
    ln!(out, "];");
    // The smallest typed array that holds every label index.
    let labels = registry.codes.len() + registry.ranges.len() + 1;
    let array = match labels {
        0..=0xFF => "Uint8Array",
        0x100..=0xFFFF => "Uint16Array",
        _ => "Uint32Array",
    };
    ln!(out);
    ln!(out, "/** The index of the label of a number outside every range: the last. */");
    ln!(out, "const OUTSIDE = {};", labels - 1);
    ln!(out);
    ln!(out, "/** The index of the label of each integer 0-65535, filled from `LABEL_PIECES`. */");
    ln!(out, "export const LABEL_INDEX = new {array}(65536);");
    ln!(out, "for (const [first, last, index] of LABEL_PIECES)");
    ln!(out, "  LABEL_INDEX.fill(index, first, last + 1);");
}

/// `titleOf` and `describe`, which switch on the locales' own tags so that a registry tag needs
/// no negotiation, and read the core's `LABEL_INDEX` through a constant of the entry module.
fn texts_lookups(out: &mut String, registry: &Registry) {
    let fallback = string(&registry.locales[registry.fallback]);
    let tags: Vec<String> = registry.locales.iter().map(|tag| string(tag)).collect();
    // The index of the label of a number outside every range: the last (`OUTSIDE` of the core).
    let outside = registry.codes.len() + registry.ranges.len();
    out.push_str(LABEL_OF);
    for (name, column, doc) in [("titleOf", "TITLES", TITLE_DOC), ("describe", "DESCRIPTIONS", DESCRIBE_DOC)] {
        ln!(out);
        out.push_str(doc);
        ln!(out, "export function {name}(code: number, locale?: string): string {{");
        ln!(out, "  const index = LABEL_OF[code] ?? {outside};");
        ln!(out, "  // `index` is an index of every column (see `LABEL_OF`): the element is a string.");
        ln!(out, "  switch (locale) {{");
        ln!(out, "    case undefined:");
        ln!(out, "      return {column}[{fallback}][index] as string;");
        for tag in &tags {
            ln!(out, "    case {tag}:");
            ln!(out, "      return {column}[{tag}][index] as string;");
        }
        ln!(out, "    default:");
        ln!(out, "      return {column}[resolveLocale(locale)][index] as string;");
        ln!(out, "  }}");
        ln!(out, "}}");
    }
}

/// Why the entry reads `LABEL_INDEX` through a constant of its own; measured with
/// `benches/typescript` (see `xtask/src/bench/notes.rs`).
const LABEL_OF: &str = "
/**
 * The core's `LABEL_INDEX`, held in a constant of this module. V8 compiles a read of a module's
 * own constant to a read of the known array, while every read of an imported binding loads it
 * and checks it again. Every index it holds (and the one for a number outside every range) is an
 * index of every column of `TITLES` and `DESCRIPTIONS`.
 */
const LABEL_OF = LABEL_INDEX;
";

const TITLE_DOC: &str = "\
/**
 * A short title for `code`; unregistered codes get their range's.
 *
 * @param locale - a BCP 47 tag such as `\"ru-RU\"`, negotiated with {@link negotiate};
 *   the fallback locale when omitted.
 */
";

const DESCRIBE_DOC: &str = "\
/**
 * A full description of `code`; unregistered codes get their range's, and numbers outside every
 * range a text saying that they are not valid close codes.
 *
 * @param locale - a BCP 47 tag such as `\"zh-CN\"`, negotiated with {@link negotiate};
 *   the fallback locale when omitted.
 */
";

const MODULE_DOC: &str = include_str!("typescript/module_doc.ts");

fn locales(out: &mut String, registry: &Registry) {
    let tags: Vec<String> = registry.locales.iter().map(|tag| string(tag)).collect();
    ln!(out);
    ln!(out, "/** The BCP 47 tags of the locales every text is written in, in registry order. */");
    out.push_str(&array_lines("export const LOCALES = Object.freeze(", &tags, " as const);"));
    ln!(out);
    ln!(out, "/** A locale every text is written in, named by its BCP 47 tag. */");
    ln!(out, "export type Locale = (typeof LOCALES)[number];");
    ln!(out);
    ln!(out, "/** The locale of every text when no locale is requested or none matches the request. */");
    ln!(out, "export const FALLBACK_LOCALE: Locale = {};", tags[registry.fallback]);
    ln!(out);
    ln!(out, "/** One text in every locale. */");
    ln!(out, "export type Texts = Readonly<Record<Locale, string>>;");
    ln!(out);
    ln!(out, "/** A title and a description, both in every locale. */");
    ln!(out, "export interface Label {{");
    ln!(out, "  /** A short title. */");
    ln!(out, "  readonly title: Texts;");
    ln!(out, "  /** A full description. */");
    ln!(out, "  readonly description: Texts;");
    ln!(out, "}}");
}

/// Every object the module shares is frozen, all the way down: a caller that changes the title
/// of one range would otherwise change it for every other caller.
const DEEP_FREEZE: &str = r#"
/** Freezes `value` and everything it holds, so that no caller can change the shared data. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    const inner = value instanceof Map ? value.values() : Object.values(value);
    for (const item of inner) deepFreeze(item);
  }
  return value;
}

/** A map from numbers, frozen with its values (a frozen `Map` can still be changed). */
export function frozenMap<V>(
  pairs: readonly (readonly [number, V])[],
): ReadonlyMap<number, V> {
  return deepFreeze(new Map(pairs));
}
"#;

/// The type and the list of values of a closed vocabulary (`Reconnect`, `Sender`), given as its
/// type name, the type's doc and the list's name.
fn vocabulary(out: &mut String, (name, doc, list): (&str, &str, &str), members: &[&str]) {
    let keys: Vec<String> = members.iter().map(|key| string(key)).collect();
    ln!(out);
    ln!(out, "/** {doc} */");
    out.push_str(&union(&format!("export type {name} ="), &keys));
    ln!(out);
    ln!(out, "/** Every value of {{@link {name}}}, in registry order. */");
    out.push_str(&array_lines(&format!("export const {list}: readonly {name}[] = deepFreeze("), &keys, ");"));
}

/// The title and description of each value of a closed vocabulary.
fn vocabulary_labels(out: &mut String, registry: &Registry, name: &str, members: &[(&str, &Label)]) {
    ln!(out);
    ln!(out, "/** Title and description of each value of {{@link {name}}}. */");
    ln!(out, "const {}_LABELS: Readonly<Record<{name}, Label>> = deepFreeze({{", name.to_ascii_uppercase());
    for (key, label) in members {
        ln!(out, "  {}: {{", property(key));
        label_properties(out, registry, "    ", label);
        ln!(out, "  }},");
    }
    ln!(out, "}});");
}

fn close_code(out: &mut String, registry: &Registry) {
    ln!(out);
    ln!(out, "/**");
    ln!(out, " * Every registered close code, by constant name; former names remain as deprecated aliases.");
    ln!(out, " * Any other number is a close code too, and every function here accepts it.");
    ln!(out, " */");
    ln!(out, "export const CloseCode = /* @__PURE__ */ deepFreeze({{");
    for code in &registry.codes {
        let title = code.label.title.get(registry.fallback);
        ln!(out, "  /**");
        ln!(out, "   * {}: {}.", code.code, doc_comment(title));
        match (code.reference.as_ref().map(|texts| texts.get(registry.fallback)), code.url.as_deref()) {
            (Some(reference), Some(url)) => {
                ln!(out, "   *");
                ln!(out, "   * Defined in {}: {{@link {}}}", doc_comment(reference), doc_comment(url));
            }
            (Some(text), None) | (None, Some(text)) => {
                ln!(out, "   *");
                ln!(out, "   * Defined in {}", doc_comment(text));
            }
            (None, None) => {}
        }
        ln!(out, "   */");
        ln!(out, "  {}: {},", identifier(&code.name), code.code);
        for alias in &code.aliases {
            ln!(out, "  /** @deprecated Former name of {{@link CloseCode.{}}} ({}). */", code.name, code.code);
            ln!(out, "  {}: {},", identifier(alias), code.code);
        }
    }
    ln!(out, "}} as const);");
    ln!(out);
    ln!(out, "/** A registered close code: one of the values of the {{@link CloseCode}} object. */");
    if registry.codes.is_empty() {
        ln!(out, "export type CloseCode = never;");
    } else {
        let codes: Vec<String> = registry.codes.iter().map(|code| code.code.to_string()).collect();
        out.push_str(&union("export type CloseCode =", &codes));
    }
}

/// `RANGE_FACTS`: every range without its texts, and the hint for a number outside them.
fn range_facts(out: &mut String, registry: &Registry) {
    out.push_str(RANGE_INTERFACE);
    ln!(out);
    ln!(out, "/** Every range, ascending, without its texts (see `RANGES`). */");
    ln!(out, "export const RANGE_FACTS: readonly RangeFacts[] = /* @__PURE__ */ deepFreeze([");
    for range in &registry.ranges {
        ln!(out, "  {{");
        ln!(out, "    id: {},", string(&range.id));
        ln!(out, "    start: {},", range.start);
        ln!(out, "    end: {},", range.end);
        ln!(out, "    sendable: {},", range.sendable);
        ln!(out, "    reconnect: {},", string(range.reconnect.key()));
        ln!(out, "  }},");
    }
    ln!(out, "]);");
    ln!(out);
    ln!(out, "/** The reconnect hint for a number outside every range. */");
    ln!(out, "const OUT_OF_RANGE_RECONNECT: Reconnect = {};", string(registry.out_of_range_reconnect.key()));
}

const RANGE_INTERFACE: &str = include_str!("typescript/range_interface.ts");

/// An entry point's texts: of each registered code, each range and a number outside them, in
/// the order of `labelIndexOf`, and the references of the codes.
fn labels(out: &mut String, registry: &Registry) {
    ln!(out);
    ln!(out, "/** A contiguous block of close codes with a shared meaning (RFC 6455, section 7.4.2). */");
    ln!(out, "export interface CloseCodeRange extends Label, RangeFacts {{}}");
    ln!(out);
    ln!(out, "/** The texts of every registered code, ascending. */");
    ln!(out, "const CODE_LABELS: readonly Label[] = /* @__PURE__ */ deepFreeze([");
    for code in &registry.codes {
        ln!(out, "  // {} {}", code.code, comment(&code.name));
        ln!(out, "  {{");
        label_properties(out, registry, "    ", &code.label);
        ln!(out, "  }},");
    }
    ln!(out, "]);");
    ln!(out);
    ln!(out, "/** The texts of every range, ascending. */");
    ln!(out, "const RANGE_LABELS: readonly Label[] = /* @__PURE__ */ deepFreeze([");
    for range in &registry.ranges {
        ln!(out, "  // {}-{}: {}", range.start, range.end, comment(&range.id));
        ln!(out, "  {{");
        label_properties(out, registry, "    ", &range.label);
        ln!(out, "  }},");
    }
    ln!(out, "]);");
    ln!(out);
    ln!(out, "/** Title and description of a number outside every range. */");
    ln!(out, "const OUT_OF_RANGE: Label = /* @__PURE__ */ deepFreeze({{");
    label_properties(out, registry, "  ", &registry.out_of_range);
    ln!(out, "}});");
    ln!(out);
    ln!(out, "/** Where each registered code that names a document is defined, by number. */");
    ln!(out, "const REFERENCES = /* @__PURE__ */ frozenMap<Texts>([");
    for code in &registry.codes {
        let Some(reference) = &code.reference else { continue };
        // Laid out as prettier lays out a pair of a number and an object.
        ln!(out, "  [");
        ln!(out, "    {},", code.code);
        ln!(out, "    {{");
        for (tag, text) in registry.locales.iter().zip(reference.iter()) {
            key_value(out, "      ", &property(tag), &string(text));
        }
        ln!(out, "    }},");
        ln!(out, "  ],");
    }
    ln!(out, "]);");
}

/// `ENTRIES`: what the registry says about each registered code, besides its texts.
fn entries(out: &mut String, registry: &Registry) {
    out.push_str(ENTRY_INTERFACE);
    ln!(out);
    ln!(out, "/** The registered codes, by number. */");
    ln!(out, "const ENTRIES = /* @__PURE__ */ frozenMap<Entry>([");
    for code in &registry.codes {
        let aliases: Vec<String> = code.aliases.iter().map(|alias| string(alias)).collect();
        // Laid out as prettier lays out a pair of a number and an object.
        ln!(out, "  [");
        ln!(out, "    {},", code.code);
        ln!(out, "    {{");
        let indent = "      ";
        key_value(out, indent, "name", &string(&code.name));
        out.push_str(&array_lines(&format!("{indent}aliases: "), &aliases, ","));
        key_value(out, indent, "ianaName", &optional(code.iana_name.as_deref()));
        key_value(out, indent, "url", &optional(code.url.as_deref()));
        ln!(out, "{indent}sendable: {},", code.sendable);
        ln!(out, "{indent}sender: {},", string(code.sender.key()));
        ln!(out, "{indent}reconnect: {},", string(code.reconnect.key()));
        ln!(out, "    }},");
        ln!(out, "  ],");
    }
    ln!(out, "]);");
    // Validation guarantees at least one code; the bounds let most numbers skip the lookup.
    let first = registry.codes.first().map_or(0, |code| code.code);
    let last = registry.codes.last().map_or(0, |code| code.code);
    ln!(out);
    ln!(out, "/** The lowest registered code. */");
    ln!(out, "const FIRST_ENTRY = {first};");
    ln!(out);
    ln!(out, "/** The highest registered code. */");
    ln!(out, "const LAST_ENTRY = {last};");
}

const ENTRY_INTERFACE: &str = include_str!("typescript/entry_interface.ts");

/// `title: {...}, description: {...},` at `indent`.
fn label_properties(out: &mut String, registry: &Registry, indent: &str, label: &Label) {
    texts(out, registry, indent, "title", &label.title);
    texts(out, registry, indent, "description", &label.description);
}

fn texts(out: &mut String, registry: &Registry, indent: &str, name: &str, texts: &Texts) {
    ln!(out, "{indent}{name}: {{");
    let inner = format!("{indent}  ");
    // One literal buffer for every text: this runs for every text of every code.
    let mut literal = String::new();
    for (tag, text) in registry.locales.iter().zip(texts.iter()) {
        literal.clear();
        Literal::UTF16.quote_into(&mut literal, text);
        key_value(out, &inner, &property(tag), &literal);
    }
    ln!(out, "{indent}}},");
}

/// An object literal key: the name itself when it is an identifier, else a string literal.
fn property(name: &str) -> String {
    let mut chars = name.chars();
    let identifier = chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
        && name != "__proto__";
    if identifier { name.to_owned() } else { string(name) }
}

/// The page width prettier formats for by default.
const PRINT_WIDTH: usize = 80;

/// The width prettier gives `text`: two columns for East Asian wide and fullwidth characters.
fn width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// The columns prettier gives `c`.
fn char_width(c: char) -> usize {
    match u32::from(c) {
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

/// Is `width(text) <= budget`? Stops at the first column past the budget: a long text is decided
/// by its first columns, and a text of no more bytes than the budget always fits (no character is
/// wider than its UTF-8 bytes).
fn fits(text: &str, budget: usize) -> bool {
    if text.len() <= budget {
        return true;
    }
    let mut used = 0;
    for c in text.chars() {
        used += char_width(c);
        if used > budget {
            return false;
        }
    }
    true
}

/// `key: value,` as prettier prints an object property whose value is a string: after a key of
/// fewer than five columns always on the same line; after a longer key on the next line, indented,
/// when the line would be wider than the page.
/// Appended to `out`.
fn key_value(out: &mut String, indent: &str, key: &str, value: &str) {
    let key_width = width(key);
    // The line `{indent}{key}: {value},`: the value is measured only when the key is long enough.
    let one_line = key_width < 5 || fits(value, PRINT_WIDTH.saturating_sub(indent.len() + key_width + 3));
    out.reserve(2 * indent.len() + key.len() + value.len() + 8);
    out.push_str(indent);
    out.push_str(key);
    if one_line {
        out.push_str(": ");
    } else {
        out.push_str(":\n");
        out.push_str(indent);
        out.push_str("  ");
    }
    out.push_str(value);
    out.push_str(",\n");
}

/// `head[a, b, c]tail` on one line when it fits the page, else one item per line, as prettier
/// prints an array that is the last argument of a call.
fn array_lines(head: &str, items: &[String], tail: &str) -> String {
    let line = format!("{head}[{}]{tail}", items.join(", "));
    if width(&line) <= PRINT_WIDTH {
        format!("{line}\n")
    } else {
        let items: String = items.iter().map(|item| format!("  {item},\n")).collect();
        format!("{head}[\n{items}]{tail}\n")
    }
}

/// `export type Name = A | B;` on one line when it fits the page, else one member per line.
fn union(head: &str, members: &[String]) -> String {
    let line = format!("{head} {};", members.join(" | "));
    if width(&line) <= PRINT_WIDTH || members.len() < 2 {
        format!("{line}\n")
    } else {
        let last = members.len() - 1;
        let lines: String = members
            .iter()
            .enumerate()
            .map(|(i, member)| format!("  | {member}{}\n", if i == last { ";" } else { "" }))
            .collect();
        format!("{head}\n{lines}")
    }
}

/// A TypeScript `string | undefined` literal.
fn optional(text: Option<&str>) -> String {
    text.map_or_else(|| "undefined".to_owned(), string)
}

/// A double-quoted JavaScript string literal that evaluates to exactly `text`, whatever it holds.
///
/// Quotes, backslashes and line breaks are escaped, and so is every character that is not
/// printable (as UTF-16 `\uXXXX` units), including U+2028 and U+2029. Data never goes into
/// template literals, so `${` and backticks need no care.
pub fn string(text: &str) -> String {
    Literal::UTF16.quote(text)
}

/// Registry text made safe for a `//` comment: one line of printable characters.
pub fn comment(text: &str) -> String {
    one_line(text)
}

/// Registry text made safe for a `/** */` comment: one line of printable characters that can
/// neither close the comment nor start a JSDoc tag.
pub fn doc_comment(text: &str) -> String {
    comment(text).replace('@', "\\@").replace("*/", "*\\/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_what_a_literal_cannot_hold() {
        assert_eq!(string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(string("line\nbreak\r\t"), r#""line\nbreak\r\t""#);
        assert_eq!(string("\u{2028}\u{2029}\u{85}"), r#""\u2028\u2029\u0085""#);
        assert_eq!(string("\u{200d}\u{e0001}"), r#""\u200D\uDB40\uDC01""#);
    }

    #[test]
    fn strings_keep_printable_text_and_template_syntax() {
        assert_eq!(string("${x} `y` 'z' */ 中文 Русский 😀"), "\"${x} `y` 'z' */ 中文 Русский 😀\"");
    }

    #[test]
    fn comments_stay_on_one_line() {
        assert_eq!(comment("a\nb\u{2028}c\rd @x */"), "a b c d @x */");
    }

    #[test]
    fn doc_comments_cannot_close_or_tag() {
        assert_eq!(doc_comment("a */ b\n@deprecated\u{2028}"), "a *\\/ b \\@deprecated ");
    }
}
