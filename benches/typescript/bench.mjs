// The generated TypeScript, compiled (packages/typescript/dist), against the close-code check of
// the `ws` package, in one process. Run by `cargo xtask bench` after `npm run build` there.
//
// Every function is timed with the same loop over all 65,536 codes, written out once per function
// so that V8 optimizes each loop for its own callee. After a warm-up, each round times every loop
// in turn; a sample runs the loop enough times to last about SAMPLE_MS. Each result is the median
// over the rounds, in ns per call, printed as a `BENCH {json}` line.

import { createRequire } from "node:module";
import path from "node:path";
import { describe, isSendable } from "../../packages/typescript/dist/esm/index.js";

const require = createRequire(import.meta.url);
// `ws` exports only its entry point; its validation module is loaded by file, as ws itself does.
const wsRoot = path.dirname(require.resolve("ws/package.json"));
const { isValidStatusCode } = require(path.join(wsRoot, "lib", "validation.js"));
const wsVersion = require("ws/package.json").version;

const CODES = 65536;
const ROUNDS = 15;
const SAMPLE_MS = 20;
const WARM_UP_MS = 300;

function oursIsSendable() {
  let total = 0;
  for (let code = 0; code < CODES; code++) if (isSendable(code)) total++;
  return total;
}

function oursDescribe() {
  let total = 0;
  for (let code = 0; code < CODES; code++) total += describe(code).length;
  return total;
}

function oursDescribeRu() {
  let total = 0;
  for (let code = 0; code < CODES; code++) total += describe(code, "ru").length;
  return total;
}

function wsIsValidStatusCode() {
  let total = 0;
  for (let code = 0; code < CODES; code++) if (isValidStatusCode(code)) total++;
  return total;
}

const BENCHMARKS = [
  { role: "ours", call: "isSendable(c)", loop: oursIsSendable },
  { role: "ours", call: "describe(c)", loop: oursDescribe },
  { role: "ours", call: 'describe(c, "ru")', loop: oursDescribeRu },
  { role: "peer", call: "isValidStatusCode(c)", loop: wsIsValidStatusCode },
];

// The answers must agree, or the comparison would be of different things.
if (oursIsSendable() !== wsIsValidStatusCode()) {
  console.error("ws-close-codes and ws disagree on which codes may be sent");
  process.exit(1);
}

let sink = 0;

/** Runs `loop` `passes` times; returns the elapsed nanoseconds. */
function time(loop, passes) {
  const start = process.hrtime.bigint();
  for (let pass = 0; pass < passes; pass++) sink += loop();
  return Number(process.hrtime.bigint() - start);
}

for (const benchmark of BENCHMARKS) {
  // Warm up (the JIT), then size a sample to about SAMPLE_MS.
  let passes = 0;
  const start = process.hrtime.bigint();
  while (Number(process.hrtime.bigint() - start) < WARM_UP_MS * 1e6) {
    sink += benchmark.loop();
    passes++;
  }
  benchmark.passes = Math.max(1, Math.round((passes * SAMPLE_MS) / WARM_UP_MS));
  benchmark.samples = [];
}

for (let round = 0; round < ROUNDS; round++) {
  for (const benchmark of BENCHMARKS) {
    benchmark.samples.push(time(benchmark.loop, benchmark.passes) / (benchmark.passes * CODES));
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

for (const { role, call, samples } of BENCHMARKS) {
  const nsPerCall = median(samples);
  console.log(`typescript ${call.padEnd(36)} ${nsPerCall.toFixed(2).padStart(9)} ns/call`);
  console.log(
    "BENCH " +
      JSON.stringify({ suite: "lookup", language: "typescript", role, call, ns_per_call: nsPerCall, rounds: ROUNDS }),
  );
}
console.log(
  "BENCH " +
    JSON.stringify({ suite: "peer", language: "typescript", peer: "ws", version: wsVersion, runtime: `node ${process.version}` }),
);
// Keeps every result alive, so no loop can be optimized away.
if (sink === -1) console.log(sink);
