
/** The texts of every registered code (ascending), of every range (ascending), then `OUT_OF_RANGE`. */
const LABELS: readonly Label[] = [
  ...CODE_LABELS,
  ...RANGE_LABELS,
  OUT_OF_RANGE,
];

/** Every range, ascending. A number in none of them is not a valid close code. */
export const RANGES: readonly CloseCodeRange[] = /* @__PURE__ */ deepFreeze(
  RANGE_FACTS.map((facts, index) => ({
    ...facts,
    ...(RANGE_LABELS[index] ?? OUT_OF_RANGE),
  })),
);

/**
 * Each locale's texts of every label, indexed as `LABELS`: one array load per lookup. The arrays
 * are private and typed read-only but not frozen: V8 reads the elements of a frozen array on a
 * slower path, several times the cost of the whole lookup.
 */
function columns(
  texts: (label: Label) => Texts,
): Readonly<Record<Locale, readonly string[]>> {
  const columns = {} as Record<Locale, string[]>;
  for (const locale of LOCALES)
    columns[locale] = LABELS.map((label) => texts(label)[locale]);
  return Object.freeze(columns);
}

/** The title of every label in each locale. */
const TITLES = /* @__PURE__ */ columns((label) => label.title);

/** The description of every label in each locale. */
const DESCRIPTIONS = /* @__PURE__ */ columns((label) => label.description);

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
    found = negotiate(locale);
    if (NEGOTIATED.size >= NEGOTIATED_LIMIT) NEGOTIATED.clear();
    NEGOTIATED.set(locale, found);
  }
  return found;
}

/** The range that holds `code`, or `undefined` for a number outside every range. */
export function rangeOf(code: number): CloseCodeRange | undefined {
  return RANGES[rangeIndexOf(code)];
}

/**
 * Where a registered code is defined, e.g. `"RFC 6455, section 7.4.1"`, in the best locale for
 * `locale` (see {@link negotiate}).
 */
export function referenceOf(code: number, locale?: string): string | undefined {
  return REFERENCES.get(code)?.[resolveLocale(locale)];
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
  const label = LABELS[labelIndexOf(event.code)] ?? OUT_OF_RANGE;
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
    name: nameOf(event.code),
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
export function negotiate(tags: string | readonly string[]): Locale {
  return negotiateAmong(LOCALES, FALLBACK_LOCALE, tags);
}

/**
 * The same as {@link negotiate}, under its name in version 0.1.0.
 *
 * @deprecated Use {@link negotiate}, the name every package of this registry uses.
 */
export function negotiateLocale(tags: string | readonly string[]): Locale {
  return negotiate(tags);
}
