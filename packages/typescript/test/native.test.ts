// What TypeScript users expect of the module: frozen shared data, Accept-Language headers,
// range predicates.
import assert from "node:assert/strict";
import { test } from "node:test";

import * as closeCodes from "ws-close-codes";
import * as english from "ws-close-codes/en";
import * as russian from "ws-close-codes/ru";
import * as chinese from "ws-close-codes/zh-Hans";

import { loadVectors, VECTORS_PATH } from "./vectors.js";

const vectors = loadVectors();

test("the shared data cannot be changed at runtime", () => {
  const range = closeCodes.rangeOf(4001);
  assert.ok(range !== undefined);
  const before = closeCodes.titleOf(4002);
  assert.throws(() => {
    (range.title as Record<string, string>)["en"] = "x";
  }, TypeError);
  assert.equal(closeCodes.titleOf(4002), before);
  assert.ok(Object.isFrozen(closeCodes.RANGES));
  assert.ok(Object.isFrozen(closeCodes.CloseCode));
  assert.ok(Object.isFrozen(closeCodes.LOCALES));
  assert.ok(Object.isFrozen(closeCodes.RECONNECT_HINTS));
  assert.ok(closeCodes.RANGES.every((r) => Object.isFrozen(r) && Object.isFrozen(r.description)));
  assert.throws(() => {
    (closeCodes.CloseCode as Record<string, number>)["NORMAL_CLOSURE"] = 4000;
  }, TypeError);
  assert.equal(closeCodes.CloseCode.NORMAL_CLOSURE, 1000);
});

test("Accept-Language headers and tag lists negotiate as the vectors say", () => {
  assert.ok(vectors.accept_language.length > 0);
  for (const [header, locale] of vectors.accept_language) {
    assert.equal(closeCodes.negotiate(header), locale, `header ${JSON.stringify(header)}`);
    assert.equal(closeCodes.negotiate(header.split(",")), locale, `list ${JSON.stringify(header)}`);
    assert.equal(closeCodes.describe(1000, header), closeCodes.describe(1000, locale));
  }
  assert.equal(closeCodes.negotiate("ru;q=0.9, en"), "ru");
  // The 0.1.0 name answers the same.
  assert.equal(closeCodes.negotiateLocale("ru;q=0.9, en"), "ru");
  console.log(`checked ${vectors.accept_language.length} Accept-Language headers against ${VECTORS_PATH}`);
});

test("each range has a predicate named after its id", () => {
  const predicates = closeCodes as unknown as Record<string, (code: number) => boolean>;
  for (const range of closeCodes.RANGES) {
    const name = "is" + range.id.split("-").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
    const predicate = predicates[name];
    assert.equal(typeof predicate, "function", name);
    for (const code of [range.start - 1, range.start, range.end, range.end + 1, range.start + 0.5]) {
      const expected = Number.isInteger(code) && code >= range.start && code <= range.end;
      assert.equal(predicate?.(code), expected, `${name}(${code})`);
    }
  }
});

test("each per-locale entry answers like the full entry in its locale", () => {
  for (const [tag, entry] of [["en", english], ["ru", russian], ["zh-Hans", chinese]] as const) {
    assert.deepEqual(entry.LOCALES, [tag]);
    for (const code of [0, 1000, 1006, 1013, 3000, 4001, 5000]) {
      assert.equal(entry.describe(code), closeCodes.describe(code, tag), `${tag} ${code}`);
      assert.equal(entry.titleOf(code, "de-DE, en;q=0.1"), closeCodes.titleOf(code, tag));
      assert.equal(entry.reconnectOf(code), closeCodes.reconnectOf(code));
      assert.equal(entry.isSendable(code), closeCodes.isSendable(code));
    }
  }
});
