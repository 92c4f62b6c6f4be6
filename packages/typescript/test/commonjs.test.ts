// The require() build: a CommonJS caller gets dist/cjs, which answers exactly like the ES module.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { sep } from "node:path";
import { test } from "node:test";

import * as esm from "ws-close-codes";

const require = createRequire(import.meta.url);

test("require() resolves to the CommonJS build", () => {
  const path = require.resolve("ws-close-codes");
  assert.ok(path.endsWith(["dist", "cjs", "index.js"].join(sep)), path);
});

test("the CommonJS build exports what the ES module exports and answers the same", () => {
  const cjs = require("ws-close-codes") as typeof esm;
  assert.deepEqual(Object.keys(cjs).sort(), Object.keys(esm).sort());
  assert.deepEqual(cjs.CloseCode, esm.CloseCode);
  for (let code = 0; code <= 65535; code += 1) {
    assert.equal(cjs.isSendable(code), esm.isSendable(code));
    assert.equal(cjs.nameOf(code), esm.nameOf(code));
    assert.equal(cjs.describe(code, "zh-CN"), esm.describe(code, "zh-CN"));
  }
});
