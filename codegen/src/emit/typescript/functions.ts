
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
 * The texts shown for `code`: a registered code answers for itself, any other number in a range
 * answers as its range, and everything else as a number outside every range. `LABEL_INDEX` has
 * an entry for each integer 0-65535 and nothing for any other number.
 */
function labelOf(code: number): Label {
  return LABELS[LABEL_INDEX[code] ?? OUTSIDE] ?? OUT_OF_RANGE;
}

/** Locales negotiated for tags that are not a locale's own, most recent last (bounded). */
const NEGOTIATED = new Map<string, Locale>();

/** How many negotiated tags {@link NEGOTIATED} keeps. */
const NEGOTIATED_LIMIT = 64;

/** The locale for an optional `locale` argument: the best match for a tag, else the fallback. */
function resolveLocale(locale: string | undefined): Locale {
  if (locale === undefined) return FALLBACK_LOCALE;
  // A locale's own tag negotiates to itself, and other tags repeat: skip the work.
  if ((LOCALES as readonly string[]).includes(locale)) return locale as Locale;
  let found = NEGOTIATED.get(locale);
  if (found === undefined) {
    found = negotiateLocale(locale);
    if (NEGOTIATED.size >= NEGOTIATED_LIMIT) NEGOTIATED.clear();
    NEGOTIATED.set(locale, found);
  }
  return found;
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

/** The range that holds `code`, or `undefined` for a number outside every range. */
export function rangeOf(code: number): CloseCodeRange | undefined {
  if (!isWireNumber(code)) return undefined;
  for (const range of RANGES) {
    if (range.start <= code && code <= range.end) return range;
  }
  return undefined;
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

/**
 * Where a registered code is defined, e.g. `"RFC 6455, section 7.4.1"`, in the best locale for
 * `locale` (see {@link negotiateLocale}).
 */
export function referenceOf(code: number, locale?: string): string | undefined {
  return entryOf(code)?.reference?.[resolveLocale(locale)];
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
  return rangeOf(code)?.reconnect ?? OUT_OF_RANGE_RECONNECT;
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
  /** The registry's reconnect hint for the code. */
  readonly reconnect: Reconnect;
  /** The locale of `title` and `description`. */
  readonly locale: Locale;
  /** Did the client itself close the connection? (From the context; false when not given.) */
  readonly closedByClient: boolean;
  /** Did the connection ever open? (From the context; true when not given.) */
  readonly everOpened: boolean;
  /** What to do next: the {@link reconnectStep} for the code and the context. */
  readonly step: ReconnectStep;
}

/**
 * What {@link describeCloseEvent} knows about a close besides the event. Every field is
 * optional: the client did not close the connection, it had opened, this is the first attempt,
 * and the jitter comes from `Math.random()`.
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

/**
 * Describes a browser `CloseEvent` (or anything with its `code`, `reason` and `wasClean`) in the
 * best locale for `locale`, e.g. `navigator.language`, with the next step of the reconnect policy
 * for `context`.
 *
 * @example
 * ```ts
 * socket.onclose = (event) => {
 *   const close = describeCloseEvent(event, navigator.language, { closedByClient, everOpened: opened, attempt });
 *   showStatus(close.title, close.description);
 *   if (close.step.action !== "stop") setTimeout(connect, close.step.delayMs);
 * };
 * ```
 */
export function describeCloseEvent(
  event: CloseEventLike,
  locale?: string,
  context: CloseContext = {},
): CloseEventDescription {
  const resolved = resolveLocale(locale);
  const label = labelOf(event.code);
  const closedByClient = context.closedByClient ?? false;
  const everOpened = context.everOpened ?? true;
  const attempt = context.attempt ?? 0;
  const step = reconnectStep(event.code, {
    closedByClient,
    everOpened,
    attempt,
    random: context.random ?? Math.random(),
  });
  return {
    code: event.code,
    name: entryOf(event.code)?.name,
    title: label.title[resolved],
    description: label.description[resolved],
    reason: event.reason,
    wasClean: event.wasClean,
    reconnect: reconnectOf(event.code),
    locale: resolved,
    closedByClient,
    everOpened,
    step,
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

/** The locale one language tag matches, if any (see {@link negotiateLocale}). */
function matchTag(tag: string): Locale | undefined {
  const requested = subtagsOf(tag);
  const language = requested.language;
  if (language === undefined) return undefined;
  const candidates = LOCALES.map((locale) => ({
    locale,
    ...subtagsOf(locale),
  })).filter((ours) => sameSubtag(ours.language, language));
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
interface Candidate {
  readonly locale: Locale;
  readonly quality: number;
  readonly position: number;
}

/** The highest q-value, and the earlier item on a tie. */
function best(candidates: readonly Candidate[]): Candidate | undefined {
  let found: Candidate | undefined;
  for (const candidate of candidates) {
    if (found === undefined || candidate.quality > found.quality)
      found = candidate;
  }
  return found;
}

/**
 * The best locale for an `Accept-Language` header, a list of tags, or one tag:
 * `"ru;q=0.9, en"`, `["zh-CN", "en;q=0.5"]` or `"ru-RU"`.
 *
 * Each tag is matched on its own: separators `-` and `_` and any letter case are accepted; a
 * locale with the same language, script and region wins; Chinese takes its script from the tag
 * or else the region (`zh`, `zh-CN`, `zh-SG` are Simplified; `zh-TW`, `zh-HK`, `zh-MO` are
 * Traditional); otherwise the first locale of the same language. Of the matches, the highest
 * q-value wins and the earlier tag on a tie; `q=0` rules a locale out; `*` stands for the
 * fallback. The fallback never outranks a locale listed before it, since it can always be
 * shown: naming it says "this one too". When nothing matches, {@link FALLBACK_LOCALE}.
 */
export function negotiateLocale(tags: string | readonly string[]): Locale {
  const items = typeof tags === "string" ? tags.split(",") : tags;
  const excluded = new Set<Locale>();
  const candidates: Candidate[] = [];
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
    const locale = tag === "*" ? FALLBACK_LOCALE : matchTag(tag);
    if (locale === undefined) return;
    if (quality === 0) excluded.add(locale);
    else candidates.push({ locale, quality, position });
  });
  const allowed = candidates.filter(
    (candidate) => !excluded.has(candidate.locale),
  );
  const winner = best(allowed);
  if (winner?.locale === FALLBACK_LOCALE) {
    const earlier = allowed.filter(
      (c) => c.position < winner.position && c.locale !== FALLBACK_LOCALE,
    );
    return (best(earlier) ?? winner).locale;
  }
  if (winner !== undefined) return winner.locale;
  if (!excluded.has(FALLBACK_LOCALE)) return FALLBACK_LOCALE;
  return LOCALES.find((locale) => !excluded.has(locale)) ?? FALLBACK_LOCALE;
}
