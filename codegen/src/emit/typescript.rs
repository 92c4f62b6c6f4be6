//! The TypeScript emitter: one dependency-free ES module (`index.ts`) that runs in browsers,
//! Node, Deno and Bun, and compiles under `strict`, `erasableSyntaxOnly` and
//! `verbatimModuleSyntax` (no `enum`, no namespaces).
//!
//! Registry text reaches the output as double-quoted string literals made by [`string`], which
//! escapes anything that is not printable; comments only carry text passed through [`comment`].
//! The functions at the end are the same for every registry and mirror `Registry::answer` and
//! `Registry::negotiate` of the model.

use std::fmt::Write as _;

use super::Header;
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

/// `writeln!` into a `String`, which cannot fail.
macro_rules! ln {
    ($out:expr) => {
        $out.push('\n')
    };
    ($out:expr, $($arg:tt)*) => {{
        let _ = writeln!($out, $($arg)*);
    }};
}

/// Emits `index.ts` for `registry`.
pub fn emit(registry: &Registry, header: &Header) -> String {
    let mut out = String::new();
    ln!(out, "// {}", comment(&header.line()));
    out.push_str(MODULE_DOC);
    locales(&mut out, registry);
    let hints = Reconnect::ALL.map(|hint| (hint.key(), registry.reconnect_label(hint)));
    let doc = "What a client should do after a connection closed with a given code.";
    vocabulary(&mut out, registry, ("Reconnect", doc, "RECONNECT_HINTS"), &hints);
    let senders = Sender::ALL.map(|sender| (sender.key(), registry.sender_label(sender)));
    vocabulary(&mut out, registry, ("Sender", "Who sends a close code.", "SENDERS"), &senders);
    close_code(&mut out, registry);
    ranges(&mut out, registry);
    entries(&mut out, registry);
    out.push_str(FUNCTIONS);
    out
}

const MODULE_DOC: &str = r#"/**
 * Every WebSocket close code, generated from one registry: constant names, ranges, whether a
 * code may be sent, what a client should do next, and a title and a description in every locale.
 *
 * Every function accepts any number, so a code received on the wire can always be described;
 * a number that is not an integer in 0-65535 is answered like a number outside every range.
 * Whether a code has a name and whether it may be sent are separate questions.
 *
 * @example
 * ```ts
 * import { describeCloseEvent } from "ws-close-codes";
 *
 * socket.addEventListener("close", (event) => {
 *   const close = describeCloseEvent(event, navigator.language);
 *   console.info(`${close.title}: ${close.description}`);
 *   if (close.reconnect === "backoff") scheduleReconnect();
 * });
 * ```
 *
 * @packageDocumentation
 */
"#;

fn locales(out: &mut String, registry: &Registry) {
    let tags: Vec<String> = registry.locales.iter().map(|tag| string(tag)).collect();
    ln!(out);
    ln!(out, "/** The BCP 47 tags of the locales every text is written in, in registry order. */");
    ln!(out, "export const LOCALES = [{}] as const;", tags.join(", "));
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
    ln!(out);
    ln!(out, "/** What `negotiateLocale` trims from both ends of a tag: every Unicode White_Space character. */");
    ln!(out, "const WHITESPACE = {};", string(&whitespace()));
}

/// Every character Rust's `str::trim` (and so `Registry::negotiate`) removes, ascending.
fn whitespace() -> String {
    (0..=u32::from(char::MAX)).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect()
}

/// The type, the list of values and the labels of a closed vocabulary (`Reconnect`, `Sender`),
/// given as its type name, the type's doc and the list's name.
fn vocabulary(
    out: &mut String,
    registry: &Registry,
    (name, doc, list): (&str, &str, &str),
    members: &[(&str, &Label)],
) {
    let keys: Vec<String> = members.iter().map(|(key, _)| string(key)).collect();
    ln!(out);
    ln!(out, "/** {doc} */");
    ln!(out, "export type {name} = {};", keys.join(" | "));
    ln!(out);
    ln!(out, "/** Every value of {{@link {name}}}, in registry order. */");
    ln!(out, "export const {list}: readonly {name}[] = [{}];", keys.join(", "));
    ln!(out);
    ln!(out, "/** Title and description of each value of {{@link {name}}}. */");
    ln!(out, "const {}_LABELS: Readonly<Record<{name}, Label>> = {{", name.to_ascii_uppercase());
    for (key, label) in members {
        ln!(out, "  {}: {{", property(key));
        label_properties(out, registry, "    ", label);
        ln!(out, "  }},");
    }
    ln!(out, "}};");
}

fn close_code(out: &mut String, registry: &Registry) {
    ln!(out);
    ln!(out, "/**");
    ln!(out, " * Every registered close code, by constant name; former names remain as deprecated aliases.");
    ln!(out, " * Any other number is a close code too, and every function here accepts it.");
    ln!(out, " */");
    ln!(out, "export const CloseCode = {{");
    for code in &registry.codes {
        let title = code.label.title.get(registry.fallback);
        ln!(out, "  /**");
        ln!(out, "   * {}: {}.", code.code, doc_comment(title));
        match (&code.reference, &code.url) {
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
    ln!(out, "}} as const;");
    ln!(out);
    ln!(out, "/** A registered close code: one of the values of the {{@link CloseCode}} object. */");
    if registry.codes.is_empty() {
        ln!(out, "export type CloseCode = never;");
    } else {
        ln!(out, "export type CloseCode =");
        for (index, code) in registry.codes.iter().enumerate() {
            let end = if index + 1 == registry.codes.len() { ";" } else { "" };
            ln!(out, "  | {}{end}", code.code);
        }
    }
}

fn ranges(out: &mut String, registry: &Registry) {
    out.push_str(RANGE_INTERFACE);
    ln!(out);
    ln!(out, "/** Every range, ascending. A number in none of them is not a valid close code. */");
    ln!(out, "export const RANGES: readonly CloseCodeRange[] = [");
    for range in &registry.ranges {
        ln!(out, "  // {}-{}: {}", range.start, range.end, comment(range.label.title.get(registry.fallback)));
        ln!(out, "  {{");
        ln!(out, "    id: {},", string(&range.id));
        ln!(out, "    start: {},", range.start);
        ln!(out, "    end: {},", range.end);
        ln!(out, "    sendable: {},", range.sendable);
        ln!(out, "    reconnect: {},", string(range.reconnect.key()));
        label_properties(out, registry, "    ", &range.label);
        ln!(out, "  }},");
    }
    ln!(out, "];");
    ln!(out);
    ln!(out, "/** Title and description of a number outside every range. */");
    ln!(out, "const OUT_OF_RANGE: Label = {{");
    label_properties(out, registry, "  ", &registry.out_of_range);
    ln!(out, "}};");
    ln!(out);
    ln!(out, "/** The reconnect hint for a number outside every range. */");
    ln!(out, "const OUT_OF_RANGE_RECONNECT: Reconnect = {};", string(registry.out_of_range_reconnect.key()));
}

const RANGE_INTERFACE: &str = r#"
/** A contiguous block of close codes with a shared meaning (RFC 6455, section 7.4.2). */
export interface CloseCodeRange extends Label {
  /** Stable kebab-case id, e.g. `private`. */
  readonly id: string;
  /** The first code of the range. */
  readonly start: number;
  /** The last code of the range (inclusive). */
  readonly end: number;
  /** May a code of this range without an entry of its own appear in a Close frame? */
  readonly sendable: boolean;
  /** The reconnect hint for codes of this range without an entry of their own. */
  readonly reconnect: Reconnect;
}
"#;

fn entries(out: &mut String, registry: &Registry) {
    out.push_str(ENTRY_INTERFACE);
    ln!(out);
    ln!(out, "/** The registered codes, by number. */");
    ln!(out, "const ENTRIES: ReadonlyMap<number, Entry> = new Map<number, Entry>([");
    for code in &registry.codes {
        let aliases: Vec<String> = code.aliases.iter().map(|alias| string(alias)).collect();
        ln!(out, "  [{}, {{", code.code);
        ln!(out, "    name: {},", string(&code.name));
        ln!(out, "    aliases: [{}],", aliases.join(", "));
        ln!(out, "    ianaName: {},", optional(code.iana_name.as_deref()));
        ln!(out, "    reference: {},", optional(code.reference.as_deref()));
        ln!(out, "    url: {},", optional(code.url.as_deref()));
        ln!(out, "    sendable: {},", code.sendable);
        ln!(out, "    sender: {},", string(code.sender.key()));
        ln!(out, "    reconnect: {},", string(code.reconnect.key()));
        label_properties(out, registry, "    ", &code.label);
        ln!(out, "  }}],");
    }
    ln!(out, "]);");
}

const ENTRY_INTERFACE: &str = r#"
/** What the registry says about one registered code. */
interface Entry extends Label {
  /** The canonical constant name. */
  readonly name: string;
  /** Former constant names, sorted. */
  readonly aliases: readonly string[];
  /** The name in the IANA registry; `undefined` for an application's own code. */
  readonly ianaName: string | undefined;
  /** Where the code is defined. */
  readonly reference: string | undefined;
  /** A link to that definition. */
  readonly url: string | undefined;
  /** May the code appear in a Close frame? */
  readonly sendable: boolean;
  /** Who sends it. */
  readonly sender: Sender;
  /** What a client should do after receiving it. */
  readonly reconnect: Reconnect;
}
"#;

/// `title: {...}, description: {...},` at `indent`.
fn label_properties(out: &mut String, registry: &Registry, indent: &str, label: &Label) {
    texts(out, registry, indent, "title", &label.title);
    texts(out, registry, indent, "description", &label.description);
}

fn texts(out: &mut String, registry: &Registry, indent: &str, name: &str, texts: &Texts) {
    ln!(out, "{indent}{name}: {{");
    for (tag, text) in registry.locales.iter().zip(texts.iter()) {
        ln!(out, "{indent}  {}: {},", property(tag), string(text));
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

/// Is `c` visible ASCII, or would Rust's `Debug` print it as itself? True for letters, CJK,
/// emoji and other visible characters; false for controls, format characters, separators other
/// than space, unassigned and private-use code points, and combining marks.
fn is_printable(c: char) -> bool {
    matches!(c, ' '..='~') || c.escape_debug().len() == 1
}

/// A double-quoted JavaScript string literal that evaluates to exactly `text`, whatever it holds.
///
/// Quotes, backslashes and line breaks are escaped, and so is every character that is not
/// printable (as UTF-16 `\uXXXX` units), including U+2028 and U+2029. Data never goes into
/// A TypeScript `string | undefined` literal.
fn optional(text: Option<&str>) -> String {
    text.map_or_else(|| "undefined".to_owned(), string)
}

/// template literals, so `${` and backticks need no care.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_printable(c) => out.push(c),
            c => {
                for unit in c.encode_utf16(&mut [0; 2]) {
                    let _ = write!(out, "\\u{unit:04X}");
                }
            }
        }
    }
    out.push('"');
    out
}

/// Registry text made safe for a `//` comment: one line of printable characters.
pub fn comment(text: &str) -> String {
    text.chars().map(|c| if is_printable(c) { c } else { ' ' }).collect()
}

/// Registry text made safe for a `/** */` comment: one line of printable characters that can
/// neither close the comment nor start a JSDoc tag.
pub fn doc_comment(text: &str) -> String {
    comment(text).replace('@', "\\@").replace("*/", "*\\/")
}

/// The functions: the same for every registry. They mirror `Registry::answer` (through `answer`)
/// and `Registry::negotiate` (through `negotiateLocale`).
const FUNCTIONS: &str = r#"
/** Is `code` an integer a Close frame can carry (0-65535)? */
function isWireNumber(code: number): boolean {
  return Number.isInteger(code) && code >= 0 && code <= 65535;
}

/** Everything the registry answers for one number. */
interface Answer {
  /** The registered entry, if the number has one. */
  readonly entry: Entry | undefined;
  /** The range that holds the number, if any. */
  readonly range: CloseCodeRange | undefined;
  /** May it appear in a Close frame? */
  readonly sendable: boolean;
  /** The reconnect hint. */
  readonly reconnect: Reconnect;
  /** The title and description shown for it. */
  readonly label: Label;
}

/**
 * The one definition of the semantics: a registered code answers for itself, any other number
 * in a range answers as its range, and everything else as a number outside every range.
 */
function answer(code: number): Answer {
  const entry = isWireNumber(code) ? ENTRIES.get(code) : undefined;
  const range = rangeOf(code);
  if (entry !== undefined) {
    return { entry, range, sendable: entry.sendable, reconnect: entry.reconnect, label: entry };
  }
  if (range !== undefined) {
    return { entry, range, sendable: range.sendable, reconnect: range.reconnect, label: range };
  }
  return { entry, range, sendable: false, reconnect: OUT_OF_RANGE_RECONNECT, label: OUT_OF_RANGE };
}

/** The locale for an optional `locale` argument: the best match for a tag, else the fallback. */
function resolveLocale(locale: string | undefined): Locale {
  return typeof locale === "string" ? negotiateLocale(locale) : FALLBACK_LOCALE;
}

/**
 * Does the registry define `code`?
 *
 * @example
 * ```ts
 * if (isKnown(event.code)) console.log(nameOf(event.code));
 * ```
 */
export function isKnown(code: number): code is CloseCode {
  return answer(code).entry !== undefined;
}

/**
 * May `code` appear in a Close frame?
 *
 * True exactly for the registered codes that may be sent and for the unassigned codes of the
 * ranges open to applications; false for codes that are only reported locally, even though they
 * have a name.
 */
export function isSendable(code: number): boolean {
  return answer(code).sendable;
}

/** The range that holds `code`, or `undefined` for a number outside every range. */
export function rangeOf(code: number): CloseCodeRange | undefined {
  if (!isWireNumber(code)) return undefined;
  return RANGES.find((range) => range.start <= code && code <= range.end);
}

/** The canonical constant name of a registered code, e.g. `"BAD_GATEWAY"`. */
export function nameOf(code: number): string | undefined {
  return answer(code).entry?.name;
}

/** Former constant names of a registered code, sorted; empty for any other number. */
export function aliasesOf(code: number): readonly string[] {
  return answer(code).entry?.aliases ?? [];
}

/** The name of a registered code in the IANA registry, e.g. `"Bad Gateway"`. */
export function ianaNameOf(code: number): string | undefined {
  return answer(code).entry?.ianaName;
}

/** Where a registered code is defined, e.g. `"RFC 6455, section 7.4.1"`. */
export function referenceOf(code: number): string | undefined {
  return answer(code).entry?.reference;
}

/** A link to the definition of a registered code. */
export function urlOf(code: number): string | undefined {
  return answer(code).entry?.url;
}

/** Who sends a registered code. */
export function senderOf(code: number): Sender | undefined {
  return answer(code).entry?.sender;
}

/** What a client should do after a connection closed with `code`. */
export function reconnectOf(code: number): Reconnect {
  return answer(code).reconnect;
}

/**
 * A short title for `code`; unregistered codes get their range's.
 *
 * @param locale - a BCP 47 tag such as `"ru-RU"`, negotiated with {@link negotiateLocale};
 *   the fallback locale when omitted.
 */
export function titleOf(code: number, locale?: string): string {
  return answer(code).label.title[resolveLocale(locale)];
}

/**
 * A full description of `code`; unregistered codes get their range's, and numbers outside every
 * range a text saying that they are not valid close codes.
 *
 * @param locale - a BCP 47 tag such as `"zh-CN"`, negotiated with {@link negotiateLocale};
 *   the fallback locale when omitted.
 */
export function describe(code: number, locale?: string): string {
  return answer(code).label.description[resolveLocale(locale)];
}

/** A short title for a reconnect hint, in the best locale for `locale`. */
export function reconnectTitle(hint: Reconnect, locale?: string): string {
  return RECONNECT_LABELS[hint].title[resolveLocale(locale)];
}

/** A one-sentence explanation of a reconnect hint, in the best locale for `locale`. */
export function reconnectDescription(hint: Reconnect, locale?: string): string {
  return RECONNECT_LABELS[hint].description[resolveLocale(locale)];
}

/** A short title for a sender, in the best locale for `locale`. */
export function senderTitle(sender: Sender, locale?: string): string {
  return SENDER_LABELS[sender].title[resolveLocale(locale)];
}

/** A one-sentence explanation of a sender, in the best locale for `locale`. */
export function senderDescription(sender: Sender, locale?: string): string {
  return SENDER_LABELS[sender].description[resolveLocale(locale)];
}

/** The parts of a `CloseEvent` that {@link describeCloseEvent} reads. */
export interface CloseEventLike {
  /** The close code. */
  readonly code: number;
  /** The reason the peer gave (may be empty). */
  readonly reason: string;
  /** Did the closing handshake complete? */
  readonly wasClean: boolean;
}

/** Everything an `onclose` handler needs to report a close and decide what to do next. */
export interface CloseEventDescription {
  /** The close code, as received. */
  readonly code: number;
  /** The canonical constant name, for a registered code. */
  readonly name: string | undefined;
  /** A short title of the code. */
  readonly title: string;
  /** A full description of the code. */
  readonly description: string;
  /** The reason the peer gave, as received (may be empty). */
  readonly reason: string;
  /** Did the closing handshake complete? */
  readonly wasClean: boolean;
  /** What the client should do next. */
  readonly reconnect: Reconnect;
  /** The locale of `title` and `description`. */
  readonly locale: Locale;
}

/**
 * Describes a browser `CloseEvent` (or anything with its `code`, `reason` and `wasClean`) in the
 * best locale for `locale`, e.g. `navigator.language`.
 *
 * @example
 * ```ts
 * socket.onclose = (event) => {
 *   const close = describeCloseEvent(event, navigator.language);
 *   showStatus(close.title, close.description);
 * };
 * ```
 */
export function describeCloseEvent(event: CloseEventLike, locale?: string): CloseEventDescription {
  const resolved = resolveLocale(locale);
  const found = answer(event.code);
  return {
    code: event.code,
    name: found.entry?.name,
    title: found.label.title[resolved],
    description: found.label.description[resolved],
    reason: event.reason,
    wasClean: event.wasClean,
    reconnect: found.reconnect,
    locale: resolved,
  };
}

/** The subtags of a language tag that negotiation looks at. */
interface Subtags {
  /** The first subtag, e.g. `zh`. */
  readonly language: string | undefined;
  /** Four ASCII letters before any region, e.g. `Hans`. */
  readonly script: string | undefined;
  /** Two ASCII letters or three digits, e.g. `CN` or `419`. */
  readonly region: string | undefined;
}

/** A script subtag: four ASCII letters. */
const SCRIPT_SUBTAG = /^[A-Za-z]{4}$/;

/** A region subtag: two ASCII letters or three ASCII digits. */
const REGION_SUBTAG = /^(?:[A-Za-z]{2}|[0-9]{3})$/;

/** Regions whose Chinese is written in Traditional script, in lowercase. */
const TRADITIONAL_CHINESE_REGIONS: readonly string[] = ["tw", "hk", "mo"];

/** `text` without White_Space at either end (exactly what Rust's `str::trim` removes). */
function trimWhitespace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && WHITESPACE.includes(text.charAt(start))) start += 1;
  while (end > start && WHITESPACE.includes(text.charAt(end - 1))) end -= 1;
  return text.slice(start, end);
}

/** The language, script and region subtags of `tag`, as written; `-` and `_` both separate. */
function subtagsOf(tag: string): Subtags {
  const [language, ...rest] = trimWhitespace(tag)
    .split(/[-_]/)
    .filter((part) => part !== "");
  let script: string | undefined;
  let region: string | undefined;
  for (const part of rest) {
    if (script === undefined && region === undefined && SCRIPT_SUBTAG.test(part)) {
      script = part;
    } else if (region === undefined && REGION_SUBTAG.test(part)) {
      region = part;
    }
  }
  return { language, script, region };
}

/** Lowercases ASCII letters only, so that no other character can turn into one. */
function asciiLowercase(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/** Are two optional subtags equal, ignoring the case of ASCII letters? */
function sameSubtag(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined ? a === b : asciiLowercase(a) === asciiLowercase(b);
}

/**
 * The best locale for a requested language tag such as `"zh-CN"`, `"ru_RU"` or `"en-US"`.
 *
 * Separators `-` and `_` and any letter case are accepted. A locale with the same language,
 * script and region wins; Chinese takes its script from the tag or else the region (`zh`,
 * `zh-CN`, `zh-SG` are Simplified; `zh-TW`, `zh-HK`, `zh-MO` are Traditional) and falls back when
 * that script has no locale; otherwise the first locale of the same language; otherwise
 * {@link FALLBACK_LOCALE}.
 */
export function negotiateLocale(tag: string): Locale {
  const requested = subtagsOf(tag);
  const language = requested.language;
  if (language === undefined) return FALLBACK_LOCALE;
  const candidates = LOCALES.map((locale) => ({ locale, ...subtagsOf(locale) })).filter((ours) =>
    sameSubtag(ours.language, language),
  );
  const exact = candidates.find(
    (ours) => sameSubtag(ours.script, requested.script) && sameSubtag(ours.region, requested.region),
  );
  if (exact !== undefined) return exact.locale;
  if (sameSubtag(language, "zh")) {
    const region = requested.region === undefined ? undefined : asciiLowercase(requested.region);
    const traditional = region !== undefined && TRADITIONAL_CHINESE_REGIONS.includes(region);
    const script = requested.script ?? (traditional ? "Hant" : "Hans");
    return candidates.find((ours) => sameSubtag(ours.script, script))?.locale ?? FALLBACK_LOCALE;
  }
  return candidates[0]?.locale ?? FALLBACK_LOCALE;
}
"#;

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

    #[test]
    fn whitespace_is_what_rust_trims() {
        let all = whitespace();
        assert!(all.contains('\u{3000}') && all.contains('\u{85}') && !all.contains('\u{feff}'));
        assert_eq!(format!("{all}x{all}").trim(), "x");
    }
}
