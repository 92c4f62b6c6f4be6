// The module against conformance/vectors.json: every one of the 65,536 codes, every answer, every
// locale, and every negotiation pair.
import assert from "node:assert/strict";
import { test } from "node:test";

import * as closeCodes from "ws-close-codes";

import { loadVectors, type Run, VECTORS_PATH } from "./vectors.js";

const vectors = loadVectors();

/** Everything the module answers for `code`, in the shape of a run of the vectors. */
function answers(code: number): Omit<Run, "first" | "last"> {
  return {
    name: closeCodes.nameOf(code) ?? null,
    aliases: closeCodes.aliasesOf(code),
    iana_name: closeCodes.ianaNameOf(code) ?? null,
    range: closeCodes.rangeOf(code)?.id ?? null,
    sendable: closeCodes.isSendable(code),
    browser_closable: closeCodes.isBrowserClosable(code),
    sender: closeCodes.senderOf(code) ?? null,
    reconnect: closeCodes.reconnectOf(code),
    title: vectors.locales.map((locale) => closeCodes.titleOf(code, locale)),
    description: vectors.locales.map((locale) => closeCodes.describe(code, locale)),
  };
}

test("the module has the locales and fallback of the vectors", () => {
  assert.deepEqual(closeCodes.LOCALES, vectors.locales);
  assert.equal(closeCodes.FALLBACK_LOCALE, vectors.fallback);
});

test("every code answers as the conformance vectors say", (t) => {
  let checked = 0;
  for (const { first, last, ...expected } of vectors.runs) {
    assert.equal(first, checked, "the runs cover 0-65535 in order, without gaps");
    for (let code = first; code <= last; code += 1) {
      assert.deepEqual(answers(code), expected, `code ${code}`);
      checked += 1;
    }
  }
  assert.equal(checked, 65536);
  t.diagnostic(`checked ${checked} codes against ${VECTORS_PATH}`);
});

test("every tag negotiates as the conformance vectors say", (t) => {
  assert.ok(vectors.negotiation.length > 0);
  for (const [tag, locale] of vectors.negotiation) {
    assert.equal(closeCodes.negotiate(tag), locale, `tag ${JSON.stringify(tag)}`);
    assert.equal(closeCodes.describe(1000, tag), closeCodes.describe(1000, locale), `describe in ${JSON.stringify(tag)}`);
  }
  t.diagnostic(`checked ${vectors.negotiation.length} negotiation pairs against ${VECTORS_PATH}`);
});
