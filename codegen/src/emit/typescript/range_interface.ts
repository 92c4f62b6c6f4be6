
/** What a range is, besides its texts: see `CloseCodeRange`. */
export interface RangeFacts {
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
