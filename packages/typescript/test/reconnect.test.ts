// The reconnect policy against the grid in conformance/vectors.json: every step, to the
// millisecond, as the Rust and Python suites check it too.
import assert from "node:assert/strict";
import { test } from "node:test";

import { reconnectDelayBounds, reconnectStep, type ReconnectStep } from "ws-close-codes";

import { loadVectors, VECTORS_PATH } from "./vectors.js";

const vectors = loadVectors();

/** A step the way the vectors write it. */
function written(step: ReconnectStep): string {
  return step.action === "stop" ? "stop" : `${step.action}:${step.delayMs}`;
}

test("every step of the reconnect grid is as the conformance vectors say", (t) => {
  const { randoms, attempts, cases } = vectors.reconnect;
  let checked = 0;
  for (const { code, delay_bounds, contexts } of cases) {
    assert.deepEqual(reconnectDelayBounds(code), delay_bounds, `bounds of ${code}`);
    for (const { closed_by_client: closedByClient, ever_opened: everOpened, steps } of contexts) {
      let index = 0;
      for (let attempt = 0; attempt < attempts; attempt += 1) {
        for (const random of randoms) {
          const step = reconnectStep(code, { closedByClient, everOpened, attempt, random });
          assert.equal(written(step), steps[index], `${code} ${closedByClient} ${everOpened} ${attempt} ${random}`);
          index += 1;
          checked += 1;
        }
      }
      assert.equal(index, steps.length);
    }
  }
  assert.ok(checked > 0);
  t.diagnostic(`checked ${checked} reconnect steps against ${VECTORS_PATH}`);
});

test("a random number outside [0, 1) counts as 0, a bad attempt throws", () => {
  const step = (random: number) => reconnectStep(1012, { closedByClient: false, everOpened: true, attempt: 3, random });
  for (const random of [Number.NaN, -0.5, 1, 7, Infinity]) assert.deepEqual(step(random), step(0));
  for (const attempt of [-1, 0.5, Number.NaN]) {
    assert.throws(() => reconnectStep(1012, { closedByClient: false, everOpened: true, attempt, random: 0 }), RangeError);
  }
});

test("a number that is not a close code stops", () => {
  for (const code of [Number.NaN, 1000.5, -1, 70000]) {
    assert.deepEqual(reconnectStep(code, { closedByClient: false, everOpened: true, attempt: 0, random: 0.5 }), {
      action: "stop",
      delayMs: 0,
    });
  }
});
