
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
