
/** The label of every registered code (ascending), of every range (ascending), then `OUT_OF_RANGE`. */
const LABELS: readonly Label[] = [...ENTRIES.values(), ...RANGES, OUT_OF_RANGE];

/** The index in `LABELS` of the label of a number outside every range. */
const OUTSIDE = LABELS.length - 1;

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
const TITLES = columns((label) => label.title);

/** The description of every label in each locale. */
const DESCRIPTIONS = columns((label) => label.description);

/** A 1 for each sendable integer 0-65535, filled from `SENDABLE_RUNS`; nothing for other numbers. */
const SENDABLE = new Uint8Array(65536);
for (const [first, last] of SENDABLE_RUNS) SENDABLE.fill(1, first, last + 1);
