// What the suite sends and receives: the codes of every class for the send side, the Close frame
// payloads the raw endpoint writes for the receive side, and the abnormal endings.

import { closePayload } from "./raw.mjs";

/** Codes of every class, for the send side and the receive side (issue 12, item 1). */
export const CODES = [
  0, 999, 1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 1015, 1016,
  1999, 2000, 2999, 3000, 3001, 3999, 4000, 4999, 5000, 65535,
];

/** The locales every browser case is described in. */
export const LOCALES = ["en", "zh-Hans", "ru"];

/** A reason of `length` ASCII bytes. */
const ascii = (length) => Buffer.alloc(length, "a");

/**
 * The payloads the raw endpoint sends in a Close frame, byte by byte, with a name each. Codes of
 * every class with a short reason; then the payload shapes and reasons a receiver must check.
 */
export function receiveCases() {
  const cases = CODES.map((code) => ({ id: `code-${code}`, payload: closePayload(code, Buffer.from("bye")) }));
  cases.push(
    { id: "empty", payload: Buffer.alloc(0) },
    { id: "one-byte", payload: Buffer.from([0x03]) },
    { id: "reason-123-bytes", payload: closePayload(1000, ascii(123)) },
    { id: "payload-126-bytes", payload: closePayload(1000, ascii(124)) },
    { id: "reason-utf8-multibyte", payload: closePayload(1001, Buffer.from("再见, до свидания", "utf8")) },
    { id: "reason-utf8-ff", payload: closePayload(1000, Buffer.from([0x62, 0xff])) },
    { id: "reason-utf8-lone-continuation", payload: closePayload(1000, Buffer.from([0x80])) },
    { id: "reason-utf8-overlong", payload: closePayload(1000, Buffer.from([0xc0, 0xaf])) },
    { id: "reason-utf8-surrogate", payload: closePayload(1000, Buffer.from([0xed, 0xa0, 0x80])) },
    { id: "reason-utf8-truncated", payload: closePayload(1000, Buffer.from([0xe2, 0x82])) },
  );
  return cases;
}

/** The chat-app's own codes (named in its module, not in the standard one), for item 5. */
export function chatCodes(standard, chat) {
  const codes = [];
  for (let code = 4000; code <= 4999; code += 1) {
    if (chat.nameOf(code) !== undefined && standard.nameOf(code) === undefined) codes.push(code);
  }
  return codes;
}

/** Receive cases with the chat-app's codes, for the page and the library clients. */
export function chatReceiveCases(codes) {
  return codes.map((code) => ({ id: `chat-${code}`, payload: closePayload(code, Buffer.from("bye")) }));
}

/** The abnormal endings (item 3); `tls` is served by the TLS endpoint, the others by the raw one. */
export const ABNORMAL = ["tcp-close", "reset", "403", "tls"];
