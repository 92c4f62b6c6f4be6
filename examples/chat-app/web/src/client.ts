// How the chat client reacts when its WebSocket closes: what to tell the user and whether to
// reconnect, from the close-code module generated from ../close-codes.toml.

import {
  CloseCode,
  describeCloseEvent,
  reconnectStep,
  truncateReason,
  type CloseEventLike,
  type ReconnectStep,
} from "./closeCodes.js";

/** What the client knows about the connection that just closed, besides its close code. */
export interface ConnectionState {
  /** Did the user leave (the client called `close()` itself)? */
  readonly leftOnPurpose: boolean;
  /** Did the socket ever fire `open`? */
  readonly everOpened: boolean;
  /** How many reconnect attempts in a row already failed. */
  readonly failedAttempts: number;
}

/**
 * The next step after a close: the registry's reconnect policy (the room-full code, for one,
 * waits at least 10 s). `random` is a number in [0, 1) for the jitter (injectable for tests).
 */
export function nextStep(code: number, state: ConnectionState, random: () => number = Math.random): ReconnectStep {
  return reconnectStep(code, {
    closedByClient: state.leftOnPurpose,
    everOpened: state.everOpened,
    attempt: state.failedAttempts,
    random: random(),
  });
}

/** The line shown to the user, in their language. */
export function statusLine(event: CloseEventLike, language: string): string {
  const close = describeCloseEvent(event, language);
  return `${close.title} (${close.code})`;
}

/** The code the client itself sends when the user leaves the room. */
export const LEAVE_CODE = CloseCode.NORMAL_CLOSURE;

/** The reason sent with {@link LEAVE_CODE}: the user's message, cut to fit in a Close frame. */
export function leaveReason(message: string): string {
  return truncateReason(message);
}
