
/**
 * How many attempts in a row may fail before the connection ever opened before
 * {@link reconnectStep} says stop: a browser reports a refused handshake, an HTTP error or a TLS
 * failure as 1006 before `open`, and retrying those for ever helps nobody.
 */
export const MAX_ATTEMPTS_BEFORE_OPEN = 5;

/** How much the backoff window grows per failed attempt: `BASE_DELAY_MS * 2 ** attempt` ms. */
export const BASE_DELAY_MS = 1000;

/** What the client knows about a close besides its code: the input of {@link reconnectStep}. */
export interface ReconnectContext {
  /** Did the client itself close the connection (or ask to)? Then it never reconnects. */
  readonly closedByClient: boolean;
  /** Did the connection ever open? A connection that never did failed its handshake. */
  readonly everOpened: boolean;
  /** How many attempts in a row already failed: 0 for the first reconnect. */
  readonly attempt: number;
  /**
   * A random number in [0, 1) for the jitter, e.g. `Math.random()`, from the caller (so the step
   * is a pure function); anything else, NaN included, counts as 0.
   */
  readonly random: number;
}

/** What to do after a close: stop, reconnect, or get fresh credentials and then reconnect. */
export type ReconnectAction = "stop" | "retry" | "reauthenticate";

/** The result of {@link reconnectStep}: an action and how long to wait first (0 to stop). */
export interface ReconnectStep {
  /** What to do. */
  readonly action: ReconnectAction;
  /** How long to wait before reconnecting, in milliseconds; 0 for `"stop"`. */
  readonly delayMs: number;
}

/**
 * What to do after a connection closed with `code`: stop, retry or reauthenticate, and after
 * how many milliseconds.
 *
 * The rules, in order:
 * 1. the client closed the connection itself: stop (whatever the code, often 1005 or 1000);
 * 2. the code's reconnect hint is `"never"`: stop;
 * 3. the connection never opened and {@link MAX_ATTEMPTS_BEFORE_OPEN} attempts in a row already
 *    failed: stop;
 * 4. otherwise wait `min + floor(random * (ceiling - min))` ms with
 *    `ceiling = min(max, min + BASE_DELAY_MS * 2 ** min(attempt, 20))`, `[min, max]` being
 *    {@link reconnectDelayBounds}: capped exponential backoff with full jitter; then
 *    reauthenticate for hint `"reauthenticate"`, else retry.
 *
 * Throws a `RangeError` when `attempt` is not a non-negative integer.
 *
 * @example
 * ```ts
 * let attempt = 0;
 * let opened = false;
 * socket.onopen = () => { opened = true; attempt = 0; };
 * socket.onclose = (event) => {
 *   const step = reconnectStep(event.code, { closedByClient, everOpened: opened, attempt, random: Math.random() });
 *   if (step.action === "stop") return;
 *   attempt += 1;
 *   setTimeout(step.action === "reauthenticate" ? signInAndConnect : connect, step.delayMs);
 * };
 * ```
 */
export function reconnectStep(
  code: number,
  context: ReconnectContext,
): ReconnectStep {
  const { attempt } = context;
  if (!Number.isInteger(attempt) || attempt < 0) {
    throw new RangeError(
      `attempt must be a non-negative integer, not ${attempt}`,
    );
  }
  const hint = reconnectOf(code);
  if (context.closedByClient || hint === "never")
    return { action: "stop", delayMs: 0 };
  if (!context.everOpened && attempt >= MAX_ATTEMPTS_BEFORE_OPEN)
    return { action: "stop", delayMs: 0 };
  const [min, max] = reconnectDelayBounds(code);
  const ceiling = Math.min(
    max,
    min + BASE_DELAY_MS * 2 ** Math.min(attempt, 20),
  );
  const random = context.random >= 0 && context.random < 1 ? context.random : 0;
  const delayMs = min + Math.floor(random * (ceiling - min));
  return {
    action: hint === "reauthenticate" ? "reauthenticate" : "retry",
    delayMs,
  };
}
