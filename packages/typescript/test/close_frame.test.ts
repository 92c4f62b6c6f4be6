// Close frame payloads and the browser rule against conformance/vectors.json, and round-trip
// properties over random codes and reasons from a seeded generator (the same every run).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import vm from "node:vm";
import { test } from "node:test";

import {
  CloseFrameError,
  encodeClosePayload,
  isBrowserClosable,
  isSendable,
  MAX_REASON_BYTES,
  parseClosePayload,
  truncateReason,
} from "ws-close-codes";

import { loadVectors, VECTORS_PATH } from "./vectors.js";

const vectors = loadVectors();

function bytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

function hex(payload: Uint8Array): string {
  return Array.from(payload, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The close code a call throws with, or `null` when it returns. */
function errorCode(call: () => unknown): number | null {
  try {
    call();
    return null;
  } catch (error) {
    assert.ok(error instanceof CloseFrameError, `a CloseFrameError, not ${String(error)}`);
    assert.ok(error instanceof Error);
    return error.closeCode;
  }
}

test("received payloads parse as the conformance vectors say", (t) => {
  const cases = vectors.close_payloads.parse;
  for (const expected of cases) {
    const payload = bytes(expected.payload);
    const error = errorCode(() => parseClosePayload(payload));
    assert.equal(error, expected.error, `error of ${expected.payload}`);
    if (error === null) {
      const { code, reason } = parseClosePayload(payload);
      assert.deepEqual({ code: code ?? null, reason }, { code: expected.code, reason: expected.reason });
    }
  }
  assert.ok(cases.length >= 200);
  t.diagnostic(`checked ${cases.length} parse vectors against ${VECTORS_PATH}`);
});

test("without a runtime TextDecoder, received payloads still parse as the vectors say", (t) => {
  // The CommonJS build of the core, run in a context that has only ECMAScript's globals.
  const require = createRequire(import.meta.url);
  const source = readFileSync(require.resolve("ws-close-codes").replace(/index\.js$/, "core.js"), "utf8");
  const module = { exports: {} as { parseClosePayload?: typeof parseClosePayload } };
  const context = vm.createContext({ module, exports: module.exports });
  assert.equal(vm.runInContext("typeof TextDecoder", context), "undefined");
  vm.runInContext(source, context);
  const parse = module.exports.parseClosePayload;
  assert.ok(parse !== undefined);
  const cases = vectors.close_payloads.parse;
  for (const expected of cases) {
    const payload = bytes(expected.payload);
    let error: number | null = null;
    let parsed: { code: number | undefined; reason: string } | undefined;
    try {
      parsed = parse(payload);
    } catch (thrown) {
      error = (thrown as { closeCode: number }).closeCode;
    }
    assert.equal(error, expected.error, `error of ${expected.payload}`);
    if (parsed !== undefined) {
      assert.deepEqual({ code: parsed.code ?? null, reason: parsed.reason }, { code: expected.code, reason: expected.reason });
    }
  }
  t.diagnostic(`checked ${cases.length} parse vectors without TextDecoder`);
});

test("frames to send encode as the conformance vectors say", (t) => {
  const cases = vectors.close_payloads.encode;
  for (const expected of cases) {
    const error = errorCode(() => encodeClosePayload(expected.code, expected.reason));
    assert.equal(error, expected.error, `error of ${expected.code} ${JSON.stringify(expected.reason)}`);
    if (error === null) assert.equal(hex(encodeClosePayload(expected.code, expected.reason)), expected.payload);
  }
  t.diagnostic(`checked ${cases.length} encode vectors against ${VECTORS_PATH}`);
});

test("reasons truncate as the conformance vectors say", (t) => {
  const cases = vectors.close_payloads.truncate;
  for (const { reason, truncated } of cases) assert.equal(truncateReason(reason), truncated);
  t.diagnostic(`checked ${cases.length} truncate vectors against ${VECTORS_PATH}`);
});

test("a refused payload throws what the CloseFrameError constructor makes", () => {
  const made = new CloseFrameError("close code 1005 may not be sent", 1002);
  const calls: readonly (readonly [string, () => unknown])[] = [
    ["parseClosePayload", () => parseClosePayload(bytes("03ed"))],
    ["encodeClosePayload", () => encodeClosePayload(1005, "")],
  ];
  for (const [name, call] of calls) {
    let thrown: unknown;
    try {
      call();
    } catch (error) {
      thrown = error;
    }
    assert.ok(thrown instanceof CloseFrameError && thrown instanceof Error);
    assert.equal(Object.getPrototypeOf(thrown), CloseFrameError.prototype);
    assert.equal(thrown.constructor, CloseFrameError);
    assert.deepEqual(Object.getOwnPropertyNames(thrown), Object.getOwnPropertyNames(made));
    assert.deepEqual(
      Object.getOwnPropertyNames(thrown).map((key) => Object.getOwnPropertyDescriptor(thrown, key)?.enumerable),
      Object.getOwnPropertyNames(made).map((key) => Object.getOwnPropertyDescriptor(made, key)?.enumerable),
    );
    assert.equal(thrown.name, "CloseFrameError");
    assert.equal(thrown.message, made.message);
    assert.equal(thrown.closeCode, 1002);
    assert.equal(String(thrown), String(made));
    assert.equal(JSON.stringify(thrown), JSON.stringify(made));
    // The stack starts where the payload was refused, as the constructor's would.
    const [header, top] = (thrown.stack ?? "").split("\n");
    assert.equal(header, `CloseFrameError: ${made.message}`);
    assert.match(top ?? "", new RegExp(`at ${name} `));
  }
});

test("lone surrogates are refused, never sent as U+FFFD", () => {
  assert.equal(errorCode(() => encodeClosePayload(1000, "a\uD800b")), 1007);
  assert.equal(errorCode(() => encodeClosePayload(1000, "\uDC00")), 1007);
  // A pair is one character: four bytes, kept whole by truncation.
  const pairs = "\uD83D\uDE00".repeat(31); // 124 bytes
  assert.equal(truncateReason(pairs), "\uD83D\uDE00".repeat(30));
  assert.equal(truncateReason(`${"a".repeat(122)}\uD83D\uDE00`), "a".repeat(122));
});

test("the browser rule refuses what is not an integer", () => {
  for (const code of [Number.NaN, 1000.5, 3000.1, Infinity, -1000]) assert.equal(isBrowserClosable(code), false);
  assert.equal(isBrowserClosable(1000), true);
});

/** Mulberry32: a small seeded generator, so that every run checks the same cases. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random Unicode scalar value: ASCII, two-, three- and four-byte characters alike. */
function randomCharacter(random: () => number): string {
  const ranges: readonly (readonly [number, number])[] = [
    [0x0, 0x7f],
    [0x80, 0x7ff],
    [0x800, 0xd7ff],
    [0xe000, 0xffff],
    [0x10000, 0x10ffff],
  ];
  const [low, high] = ranges[Math.floor(random() * ranges.length)] ?? [0, 0x7f];
  return String.fromCodePoint(low + Math.floor(random() * (high - low + 1)));
}

function randomText(random: () => number, maxCharacters: number): string {
  const length = Math.floor(random() * (maxCharacters + 1));
  let text = "";
  for (let i = 0; i < length; i += 1) text += randomCharacter(random);
  return text;
}

const utf8Length = (text: string): number => Buffer.byteLength(text, "utf8");

const PROPERTY_CASES = 2000;

test("parse(encode(code, reason)) gives back the code and reason", (t) => {
  const random = generator(0x5eed11);
  let checked = 0;
  while (checked < PROPERTY_CASES) {
    const code = Math.floor(random() * 65536);
    if (!isSendable(code)) continue;
    const reason = truncateReason(randomText(random, 80));
    const payload = encodeClosePayload(code, reason);
    assert.equal(payload.length, 2 + utf8Length(reason));
    assert.deepEqual(parseClosePayload(payload), { code, reason }, `code ${code}, reason ${JSON.stringify(reason)}`);
    checked += 1;
  }
  t.diagnostic(`checked ${checked} random round trips`);
});

test("truncateReason gives the longest valid prefix of at most 123 bytes", (t) => {
  const random = generator(0x7a11);
  for (let i = 0; i < PROPERTY_CASES; i += 1) {
    const reason = randomText(random, 150);
    const truncated = truncateReason(reason);
    assert.ok(reason.startsWith(truncated));
    assert.ok(utf8Length(truncated) <= MAX_REASON_BYTES);
    assert.ok(!/[\uD800-\uDBFF]$/.test(truncated), "no surrogate pair is split");
    assert.equal(Buffer.from(truncated, "utf8").toString("utf8"), truncated, "valid UTF-16, no lone surrogate");
    const next = reason.slice(truncated.length).codePointAt(0);
    if (next !== undefined) assert.ok(utf8Length(truncated + String.fromCodePoint(next)) > MAX_REASON_BYTES);
  }
  t.diagnostic(`checked ${PROPERTY_CASES} random truncations`);
});
