/**
 * Every WebSocket close code, generated from one registry: constant names, ranges, whether a
 * code may be sent, what a client should do next, and a title and a description in every locale.
 *
 * Every function accepts any number, so a code received on the wire can always be described;
 * a number that is not an integer in 0-65535 is answered like a number outside every range.
 * Whether a code has a name and whether it may be sent are separate questions.
 *
 * @example
 * ```ts
 * import { describeCloseEvent } from "ws-close-codes";
 *
 * socket.addEventListener("close", (event) => {
 *   const close = describeCloseEvent(event, navigator.language);
 *   console.info(`${close.title}: ${close.description}`);
 *   if (close.reconnect === "backoff") scheduleReconnect();
 * });
 * ```
 *
 * @packageDocumentation
 */
