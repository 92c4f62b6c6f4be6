
/** What the registry says about one registered code, besides its texts. */
interface Entry {
  /** The canonical constant name. */
  readonly name: string;
  /** Former constant names, sorted. */
  readonly aliases: readonly string[];
  /** The name in the IANA registry; `undefined` for an application's own code. */
  readonly ianaName: string | undefined;
  /** A link to the definition. */
  readonly url: string | undefined;
  /** May the code appear in a Close frame? */
  readonly sendable: boolean;
  /** Who sends it. */
  readonly sender: Sender;
  /** What a client should do after the peer closed the connection with it. */
  readonly reconnect: Reconnect;
}
