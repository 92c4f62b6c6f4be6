// Our answers, from a generated module (the standard package or the chat-app's module): the one
// place where the suite turns the module's API into the verdicts it compares peers with.

/** How many reconnect attempts the "never retry forever" check follows at most. */
export const MAX_ATTEMPTS = 100;

/**
 * What our parser says a receiver must do with a Close frame payload: `{ verdict: "code N" }` with
 * the reason (1005 for an empty payload), or `{ verdict: "fail N" }` with the code to fail with.
 */
export function parseVerdict(module, payload) {
  try {
    const parsed = module.parseClosePayload(new Uint8Array(payload));
    return { verdict: `code ${parsed.code ?? 1005}`, reason: parsed.reason };
  } catch (error) {
    if (error instanceof module.CloseFrameError) return { verdict: `fail ${error.closeCode}`, reason: "" };
    throw error;
  }
}

/** The reconnect step for a close the client saw. */
export function step(module, code, { closedByClient, everOpened, attempt, random = 0.5 }) {
  return module.reconnectStep(code, { closedByClient, everOpened, attempt, random });
}

/** A step's decision, as a word: `stop`, `retry` or `reauthenticate`. */
export function decision(step) {
  return step.action;
}

/** A step's delay in milliseconds (0 for stop). */
export function delayOf(step) {
  return step.delayMs ?? 0;
}

/**
 * Follows the reconnect policy for a client that keeps seeing the same close: attempt 0 with what
 * it saw, then every later attempt failing the same way, with the largest jitter (random 0.999).
 * Returns `{ summary, forever, backsOff }`: `stop at attempt N` (or `reauthenticate at attempt N`),
 * or, when it still said retry after MAX_ATTEMPTS attempts, `retry, backoff up to D ms` with
 * `forever` set and `backsOff` telling whether the delay grew from the first attempt to the last.
 */
export function followPolicy(module, code, { closedByClient, everOpened }) {
  let first;
  let last;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const next = step(module, code, { closedByClient, everOpened, attempt, random: 0.999 });
    const word = decision(next);
    if (word !== "retry") return { summary: `${word} at attempt ${attempt}`, forever: false, backsOff: true };
    first ??= delayOf(next);
    last = delayOf(next);
  }
  return { summary: `retry, backoff up to ${last} ms`, forever: true, backsOff: last > first };
}
