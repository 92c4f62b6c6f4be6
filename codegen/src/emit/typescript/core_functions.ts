
/** Is `code` an integer a Close frame can carry (0-65535)? */
function isWireNumber(code: number): boolean {
  return Number.isInteger(code) && code >= 0 && code <= 65535;
}

/** The registered entry for `code`, if it has one. */
function entryOf(code: number): Entry | undefined {
  // Outside the registered numbers' bounds, no lookup is needed.
  return code >= FIRST_ENTRY && code <= LAST_ENTRY && isWireNumber(code)
    ? ENTRIES.get(code)
    : undefined;
}

/**
 * The index of the texts shown for `code`: a registered code's own (in ascending order of the
 * codes), else its range's (after those of the codes), else those of a number outside every
 * range (the last). `LABEL_INDEX` has an entry for each integer 0-65535 and nothing for any
 * other number.
 */
export function labelIndexOf(code: number): number {
  return LABEL_INDEX[code] ?? OUTSIDE;
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
  return entryOf(code) !== undefined;
}

/**
 * May `code` appear in a Close frame?
 *
 * True exactly for the registered codes that may be sent and for the unassigned codes of the
 * ranges open to applications; false for codes that are only reported locally, even though they
 * have a name.
 */
export function isSendable(code: number): boolean {
  // One load: `SENDABLE` has a 1 for each sendable integer, and nothing for other numbers.
  return SENDABLE[code] === 1;
}

/** The index in `RANGE_FACTS` of the range that holds `code`, or -1. */
export function rangeIndexOf(code: number): number {
  if (!isWireNumber(code)) return -1;
  return RANGE_FACTS.findIndex(
    (range) => range.start <= code && code <= range.end,
  );
}

/** The canonical constant name of a registered code, e.g. `"BAD_GATEWAY"`. */
export function nameOf(code: number): string | undefined {
  return entryOf(code)?.name;
}

/** Former constant names of a registered code, sorted; empty for any other number. */
export function aliasesOf(code: number): readonly string[] {
  return entryOf(code)?.aliases ?? [];
}

/** The name of a registered code in the IANA registry, e.g. `"Bad Gateway"`. */
export function ianaNameOf(code: number): string | undefined {
  return entryOf(code)?.ianaName;
}

/** A link to the definition of a registered code. */
export function urlOf(code: number): string | undefined {
  return entryOf(code)?.url;
}

/** Who sends a registered code. */
export function senderOf(code: number): Sender | undefined {
  return entryOf(code)?.sender;
}

/**
 * What a client should do after the peer closed the connection with `code`. Never used after the
 * client's own `close()`: a client that closed the connection itself does not reconnect.
 */
export function reconnectOf(code: number): Reconnect {
  const entry = entryOf(code);
  if (entry !== undefined) return entry.reconnect;
  return RANGE_FACTS[rangeIndexOf(code)]?.reconnect ?? OUT_OF_RANGE_RECONNECT;
}

/** The parts of a `CloseEvent` that `describeCloseEvent` reads. */
export interface CloseEventLike {
  /** The close code. */
  readonly code: number;
  /** The reason the peer gave (may be empty). */
  readonly reason: string;
  /** Did the closing handshake complete? */
  readonly wasClean: boolean;
}

/**
 * What `describeCloseEvent` knows about a close besides the event. Every field is optional: the
 * client did not close the connection, it had opened, this is the first attempt, and the jitter
 * comes from `Math.random()`.
 */
export interface CloseContext {
  /** Did the client itself call `close()` (or ask to)? */
  readonly closedByClient?: boolean;
  /** Did the socket ever fire `open`? A browser reports a failed handshake as 1006 before it. */
  readonly everOpened?: boolean;
  /** How many reconnect attempts in a row already failed. */
  readonly attempt?: number;
  /** A random number in [0, 1) for the jitter. */
  readonly random?: number;
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
    if (
      script === undefined &&
      region === undefined &&
      SCRIPT_SUBTAG.test(part)
    ) {
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
  return a === undefined || b === undefined
    ? a === b
    : asciiLowercase(a) === asciiLowercase(b);
}

/** The locale of `locales` one language tag matches, if any (see {@link negotiateAmong}). */
function matchTag<L extends string>(
  locales: readonly L[],
  tag: string,
): L | undefined {
  const requested = subtagsOf(tag);
  const language = requested.language;
  if (language === undefined) return undefined;
  const candidates = locales
    .map((locale) => ({ locale, ...subtagsOf(locale) }))
    .filter((ours) => sameSubtag(ours.language, language));
  const exact = candidates.find(
    (ours) =>
      sameSubtag(ours.script, requested.script) &&
      sameSubtag(ours.region, requested.region),
  );
  if (exact !== undefined) return exact.locale;
  if (sameSubtag(language, "zh")) {
    const region =
      requested.region === undefined
        ? undefined
        : asciiLowercase(requested.region);
    const traditional =
      region !== undefined && TRADITIONAL_CHINESE_REGIONS.includes(region);
    const script = requested.script ?? (traditional ? "Hant" : "Hans");
    return candidates.find((ours) => sameSubtag(ours.script, script))?.locale;
  }
  return candidates[0]?.locale;
}

/** A q-value (`0`, `0.5`, `0.125`, `1`, `1.000`; RFC 9110, section 12.4.2) in thousandths. */
function parseQuality(text: string): number | undefined {
  const match = /^([01])(?:\.([0-9]{0,3}))?$/.exec(text);
  if (match === null) return undefined;
  const thousandths = Number((match[2] ?? "").padEnd(3, "0"));
  if (match[1] === "0") return thousandths;
  return thousandths === 0 ? 1000 : undefined;
}

/** One matched item of a request: its locale, q-value in thousandths and position. */
interface Candidate<L> {
  readonly locale: L;
  readonly quality: number;
  readonly position: number;
}

/** The highest q-value, and the earlier item on a tie. */
function best<L>(
  candidates: readonly Candidate<L>[],
): Candidate<L> | undefined {
  let found: Candidate<L> | undefined;
  for (const candidate of candidates) {
    if (found === undefined || candidate.quality > found.quality)
      found = candidate;
  }
  return found;
}

/**
 * The best of `locales` for an `Accept-Language` header, a list of tags, or one tag (the rule
 * of `negotiate`, which passes its module's locales).
 */
export function negotiateAmong<L extends string>(
  locales: readonly L[],
  fallback: L,
  tags: string | readonly string[],
): L {
  const items = typeof tags === "string" ? tags.split(",") : tags;
  const excluded = new Set<L>();
  const candidates: Candidate<L>[] = [];
  items.forEach((item, position) => {
    const [rawTag = "", ...parameters] = item.split(";");
    const tag = trimWhitespace(rawTag);
    if (tag === "") return;
    let quality: number | undefined;
    for (const parameter of parameters) {
      const equals = parameter.indexOf("=");
      const name = equals < 0 ? parameter : parameter.slice(0, equals);
      const value = equals < 0 ? "" : parameter.slice(equals + 1);
      if (
        quality === undefined &&
        asciiLowercase(trimWhitespace(name)) === "q"
      ) {
        quality = parseQuality(trimWhitespace(value));
        if (quality === undefined) return;
      }
    }
    quality ??= 1000;
    if (tag === "*" && quality === 0) return;
    const locale = tag === "*" ? fallback : matchTag(locales, tag);
    if (locale === undefined) return;
    if (quality === 0) excluded.add(locale);
    else candidates.push({ locale, quality, position });
  });
  const allowed = candidates.filter(
    (candidate) => !excluded.has(candidate.locale),
  );
  const winner = best(allowed);
  if (winner?.locale === fallback) {
    const earlier = allowed.filter(
      (c) => c.position < winner.position && c.locale !== fallback,
    );
    return (best(earlier) ?? winner).locale;
  }
  if (winner !== undefined) return winner.locale;
  if (!excluded.has(fallback)) return fallback;
  return locales.find((locale) => !excluded.has(locale)) ?? fallback;
}

/** A 1 for each sendable integer 0-65535, filled from `SENDABLE_RUNS`; nothing for other numbers. */
const SENDABLE = new Uint8Array(65536);
for (const [first, last] of SENDABLE_RUNS) SENDABLE.fill(1, first, last + 1);
