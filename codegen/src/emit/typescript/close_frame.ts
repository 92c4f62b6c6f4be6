
/**
 * May a browser's `WebSocket.close(code)` send `code`? Only 1000 and 3000-4999 (WHATWG
 * WebSockets): a browser throws `InvalidAccessError` for any other code, including codes such as
 * 1001 or 1011 that other endpoints may send. False for a number that is not an integer.
 *
 * @example
 * ```ts
 * isBrowserClosable(4001); // true
 * isBrowserClosable(1001); // false: a server may send it, a page may not
 * ```
 */
export function isBrowserClosable(code: number): boolean {
  return (
    code === 1000 || (code >= 3000 && code <= 4999 && Number.isInteger(code))
  );
}

/** The most bytes a Close frame payload holds: a control frame carries at most 125. */
export const MAX_PAYLOAD_BYTES = 125;

/** The most bytes of UTF-8 a Close frame's reason holds: the payload less the code's two bytes. */
export const MAX_REASON_BYTES = 123;

/**
 * Why a Close frame payload was refused by {@link parseClosePayload} or
 * {@link encodeClosePayload}.
 *
 * @example
 * ```ts
 * try {
 *   parseClosePayload(payload);
 * } catch (error) {
 *   if (error instanceof CloseFrameError) socket.close(error.closeCode);
 * }
 * ```
 */
export class CloseFrameError extends Error {
  /**
   * The code to fail the connection with: 1007 for a reason that is not valid UTF-8 (or a
   * string with a lone surrogate), 1002 (protocol error) for anything else.
   */
  readonly closeCode: number;

  /** An error with a message and the code to fail the connection with. */
  constructor(message: string, closeCode: number) {
    super(message);
    this.name = "CloseFrameError";
    this.closeCode = closeCode;
  }
}

/**
 * The length of a well-formed UTF-8 sequence that starts with byte `lead` and continues at
 * `bytes[at + 1]`, or 0 when none does (Unicode, table 3-7: no overlong forms, no surrogates,
 * nothing above U+10FFFF).
 */
function utf8SequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at] ?? 0;
  const continuation = (offset: number, low = 0x80, high = 0xbf): boolean => {
    const byte = bytes[at + offset];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (lead <= 0x7f) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return continuation(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const low = lead === 0xe0 ? 0xa0 : 0x80;
    const high = lead === 0xed ? 0x9f : 0xbf;
    return continuation(1, low, high) && continuation(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const low = lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xf4 ? 0x8f : 0xbf;
    return continuation(1, low, high) && continuation(2) && continuation(3)
      ? 4
      : 0;
  }
  return 0;
}

/** Decodes strict UTF-8, or returns `undefined` for bytes that are not valid UTF-8. */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  // ASCII, the usual reason: one pass to check, then one string made in one call (at most 123
  // bytes, well within the arguments a call takes).
  let index = 0;
  while (index < bytes.length && (bytes[index] ?? 0x80) < 0x80) index += 1;
  if (index === bytes.length) return String.fromCharCode(...bytes);
  const codePoints: number[] = [];
  let at = 0;
  while (at < bytes.length) {
    const length = utf8SequenceLength(bytes, at);
    if (length === 0) return undefined;
    const lead = bytes[at] ?? 0;
    let codePoint = length === 1 ? lead : lead & (0xff >> (length + 1));
    for (let offset = 1; offset < length; offset += 1)
      codePoint = (codePoint << 6) | ((bytes[at + offset] ?? 0) & 0x3f);
    codePoints.push(codePoint);
    at += length;
  }
  return String.fromCodePoint(...codePoints);
}

/** The UTF-8 bytes of `text`, or `undefined` when it holds a lone surrogate. */
function encodeUtf8(text: string): number[] | undefined {
  const bytes: number[] = [];
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) return undefined;
    if (codePoint < 0x80) bytes.push(codePoint);
    else if (codePoint < 0x800)
      bytes.push(0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f));
    else if (codePoint < 0x10000)
      bytes.push(
        0xe0 | (codePoint >> 12),
        0x80 | ((codePoint >> 6) & 0x3f),
        0x80 | (codePoint & 0x3f),
      );
    else
      bytes.push(
        0xf0 | (codePoint >> 18),
        0x80 | ((codePoint >> 12) & 0x3f),
        0x80 | ((codePoint >> 6) & 0x3f),
        0x80 | (codePoint & 0x3f),
      );
  }
  return bytes;
}

/**
 * Reads a received Close frame payload.
 *
 * An empty payload has no code (APIs report it as 1005) and no reason. A payload of one byte or
 * of more than 125 bytes, or one whose code may not be sent, throws a {@link CloseFrameError}
 * with `closeCode` 1002; a reason that is not valid UTF-8 throws one with 1007.
 *
 * @example
 * ```ts
 * const { code, reason } = parseClosePayload(new Uint8Array([0x03, 0xe9, 0x68, 0x69]));
 * // code 1001, reason "hi"
 * ```
 */
export function parseClosePayload(payload: Uint8Array): {
  code: number | undefined;
  reason: string;
} {
  if (payload.length === 0) return { code: undefined, reason: "" };
  if (payload.length === 1)
    throw new CloseFrameError("a Close frame payload of one byte", 1002);
  if (payload.length > MAX_PAYLOAD_BYTES) {
    throw new CloseFrameError(
      `a Close frame payload of ${payload.length} bytes (at most 125)`,
      1002,
    );
  }
  const code = ((payload[0] ?? 0) << 8) | (payload[1] ?? 0);
  if (!isSendable(code))
    throw new CloseFrameError(`close code ${code} may not be sent`, 1002);
  const reason = decodeUtf8(payload.subarray(2));
  if (reason === undefined)
    throw new CloseFrameError("a close reason that is not valid UTF-8", 1007);
  return { code, reason };
}

/**
 * The payload of a Close frame to send: `code` in network byte order, then `reason` in UTF-8.
 *
 * Throws a {@link CloseFrameError} when `code` may not be sent, when `reason` is longer than
 * 123 bytes of UTF-8 (see {@link truncateReason}) and when it holds a lone surrogate, which the
 * wire would silently turn into U+FFFD.
 *
 * @example
 * ```ts
 * socket.send(encodeClosePayload(CloseCode.GOING_AWAY, truncateReason(message)));
 * ```
 */
export function encodeClosePayload(code: number, reason = ""): Uint8Array {
  if (!isSendable(code))
    throw new CloseFrameError(`close code ${code} may not be sent`, 1002);
  // ASCII, the usual reason: written straight into the payload, without an array of bytes first.
  if (reason.length <= MAX_REASON_BYTES) {
    const payload = new Uint8Array(2 + reason.length);
    let index = 0;
    for (; index < reason.length; index += 1) {
      const unit = reason.charCodeAt(index);
      if (unit >= 0x80) break;
      payload[2 + index] = unit;
    }
    if (index === reason.length) {
      payload[0] = code >> 8;
      payload[1] = code & 0xff;
      return payload;
    }
  }
  const bytes = encodeUtf8(reason);
  if (bytes === undefined)
    throw new CloseFrameError("a close reason with a lone surrogate", 1007);
  if (bytes.length > MAX_REASON_BYTES) {
    throw new CloseFrameError(
      `a close reason of ${bytes.length} bytes (at most 123)`,
      1002,
    );
  }
  const payload = new Uint8Array(2 + bytes.length);
  payload[0] = code >> 8;
  payload[1] = code & 0xff;
  payload.set(bytes, 2);
  return payload;
}

/**
 * The longest prefix of `reason` that fits in a Close frame (123 bytes of UTF-8), never
 * splitting a character or a surrogate pair. A lone surrogate counts as the three bytes of the
 * U+FFFD that would replace it.
 *
 * @example
 * ```ts
 * socket.close(CloseCode.NORMAL_CLOSURE, truncateReason(describe(CloseCode.NORMAL_CLOSURE, "ru")));
 * ```
 */
export function truncateReason(reason: string): string {
  let bytes = 0;
  let end = 0;
  for (const character of reason) {
    const codePoint = character.codePointAt(0) ?? 0;
    const length =
      codePoint < 0x80
        ? 1
        : codePoint < 0x800
          ? 2
          : codePoint < 0x10000
            ? 3
            : 4;
    if (bytes + length > MAX_REASON_BYTES) break;
    bytes += length;
    end += character.length;
  }
  return reason.slice(0, end);
}
