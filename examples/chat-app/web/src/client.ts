// How the chat client reacts when its WebSocket closes: what to tell the user and whether to
// reconnect, from the close-code module generated from ../close-codes.toml.

import { CloseCode, describeCloseEvent, reconnectOf, type CloseEventLike } from "./closeCodes.js";

/** What the client does after a close. */
export type NextStep =
  | { readonly kind: "reconnect"; readonly delayMs: number }
  | { readonly kind: "sign-in" }
  | { readonly kind: "stay-closed" };

/** The largest reconnect delay, in milliseconds. */
export const MAX_DELAY_MS = 30_000;

/**
 * The next step after a close, given how many reconnect attempts already failed in a row.
 * `random` is a number in [0, 1) for the jitter (injectable for tests).
 */
export function nextStep(code: number, failedAttempts: number, random: () => number = Math.random): NextStep {
  switch (reconnectOf(code)) {
    case "backoff": {
      const ceiling = Math.min(MAX_DELAY_MS, 500 * 2 ** failedAttempts);
      return { kind: "reconnect", delayMs: Math.floor(ceiling / 2 + (ceiling / 2) * random()) };
    }
    case "reauthenticate":
      return { kind: "sign-in" };
    case "never":
      return { kind: "stay-closed" };
    case "unspecified":
      // A private code this registry does not define: an older server's, say. Retry slowly.
      return { kind: "reconnect", delayMs: MAX_DELAY_MS };
  }
}

/** The line shown to the user, in their language. */
export function statusLine(event: CloseEventLike, language: string): string {
  const close = describeCloseEvent(event, language);
  return `${close.title} (${close.code})`;
}

/** The code the client itself sends when the user leaves the room. */
export const LEAVE_CODE = CloseCode.NORMAL_CLOSURE;
