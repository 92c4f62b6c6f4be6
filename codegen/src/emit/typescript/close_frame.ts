
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

/** Is `bytes[from..]` strict UTF-8 (see {@link utf8SequenceLength})? */
function isUtf8(bytes: Uint8Array, from: number): boolean {
  for (let at = from; at < bytes.length;) {
    const length = utf8SequenceLength(bytes, at);
    if (length === 0) return false;
    at += length;
  }
  return true;
}

/**
 * The part of the WHATWG Encoding API's `TextDecoder` this module uses. Browsers, Node, Deno
 * and Bun have it; the ECMAScript library the module compiles against does not declare it.
 */
declare const TextDecoder:
  | (new (
      label: "utf-8",
      options: { readonly ignoreBOM: boolean },
    ) => { decode(input: Uint8Array): string })
  | undefined;

/**
 * The runtime's UTF-8 decoder, made once, or `undefined` in a runtime without one. Not fatal:
 * it replaces each invalid sequence with U+FFFD, so a reason holding U+FFFD is checked again in
 * strict UTF-8 here; a fatal decoder would build an error of its own for every invalid reason,
 * which costs more than the whole decoding. `ignoreBOM` keeps a leading U+FEFF in the reason.
 */
const DECODER =
  typeof TextDecoder === "function"
    ? /* @__PURE__ */ new TextDecoder("utf-8", { ignoreBOM: true })
    : undefined;

/**
 * Decodes `bytes[from..]` as strict UTF-8, or returns `undefined` for bytes that are not valid
 * UTF-8.
 */
function decodeUtf8(bytes: Uint8Array, from: number): string | undefined {
  const view = new Uint8Array(
    bytes.buffer,
    bytes.byteOffset + from,
    bytes.length - from,
  );
  if (DECODER !== undefined) {
    const text = DECODER.decode(view);
    return text.includes("\uFFFD") && !isUtf8(bytes, from) ? undefined : text;
  }
  if (!isUtf8(bytes, from)) return undefined;
  // Without a runtime decoder: the code points, then one string (at most 123 of them, well
  // within the arguments a call takes).
  const codePoints: number[] = [];
  for (let at = from; at < bytes.length;) {
    const length = utf8SequenceLength(bytes, at);
    const lead = bytes[at] ?? 0;
    let codePoint = length === 1 ? lead : lead & (0xff >> (length + 1));
    for (let offset = 1; offset < length; offset += 1)
      codePoint = (codePoint << 6) | ((bytes[at + offset] ?? 0) & 0x3f);
    codePoints.push(codePoint);
    at += length;
  }
  return String.fromCodePoint(...codePoints);
}

/**
 * The number of bytes of `text` in UTF-8, or -1 when it holds a lone surrogate (a pair is one
 * character of four bytes).
 */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit < 0xd800 || unit > 0xdfff) bytes += 3;
    else if (
      unit <= 0xdbff &&
      (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00
    ) {
      bytes += 4;
      index += 1;
    } else return -1;
  }
  return bytes;
}

/** Any character above U+007F: a reason without one is ASCII. */
const NON_ASCII = /[^\u0000-\u007F]/;

/**
 * Writes `text`, which holds no lone surrogate, into `payload` in UTF-8 from `at` on; `payload`
 * has room for all of it (see {@link utf8Length}).
 */
function writeUtf8(payload: Uint8Array, at: number, text: string): void {
  for (let index = 0; index < text.length; index += 1) {
    let unit = text.charCodeAt(index);
    if (unit < 0x80) {
      payload[at++] = unit;
    } else if (unit < 0x800) {
      payload[at++] = 0xc0 | (unit >> 6);
      payload[at++] = 0x80 | (unit & 0x3f);
    } else if (unit < 0xd800 || unit > 0xdfff) {
      payload[at++] = 0xe0 | (unit >> 12);
      payload[at++] = 0x80 | ((unit >> 6) & 0x3f);
      payload[at++] = 0x80 | (unit & 0x3f);
    } else {
      index += 1;
      unit =
        0x10000 + ((unit - 0xd800) << 10) + (text.charCodeAt(index) - 0xdc00);
      payload[at++] = 0xf0 | (unit >> 18);
      payload[at++] = 0x80 | ((unit >> 12) & 0x3f);
      payload[at++] = 0x80 | ((unit >> 6) & 0x3f);
      payload[at++] = 0x80 | (unit & 0x3f);
    }
  }
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
  if (payload.length === 2) return { code, reason: "" };
  const reason = decodeUtf8(payload, 2);
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
  // Anything else: its length first (which also finds a lone surrogate), then its bytes. A long
  // ASCII reason has one byte per character, and a regex finds that faster than the loop.
  const length = NON_ASCII.test(reason) ? utf8Length(reason) : reason.length;
  if (length < 0)
    throw new CloseFrameError("a close reason with a lone surrogate", 1007);
  if (length > MAX_REASON_BYTES) {
    throw new CloseFrameError(
      `a close reason of ${length} bytes (at most 123)`,
      1002,
    );
  }
  const payload = new Uint8Array(2 + length);
  payload[0] = code >> 8;
  payload[1] = code & 0xff;
  writeUtf8(payload, 2, reason);
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
