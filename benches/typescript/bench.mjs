// The generated TypeScript, compiled (packages/typescript/dist), against the close-code check of
// the `ws` package, in one process. Run by `cargo xtask bench` after `npm run build` there.
//
// Every function is timed with the same loop over all 65,536 codes, written out once per function
// so that V8 optimizes each loop for its own callee. After a warm-up, each round times every loop
// in turn; a sample runs the loop enough times to last about SAMPLE_MS. Each result is the median
// over the rounds, in ns per call, printed as a `BENCH {json}` line.

import { createRequire } from "node:module";
import path from "node:path";
import {
  CloseFrameError,
  describe,
  encodeClosePayload,
  isSendable,
  parseClosePayload,
  titleOf,
} from "../../packages/typescript/dist/esm/index.js";

const require = createRequire(import.meta.url);
// `ws` exports only its entry point; its validation module is loaded by file, as ws itself does.
const wsRoot = path.dirname(require.resolve("ws/package.json"));
const { isValidStatusCode, isValidUTF8 } = require(path.join(wsRoot, "lib", "validation.js"));
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

function oursTitleRu() {
  let total = 0;
  for (let code = 0; code < CODES; code++) total += titleOf(code, "ru").length;
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
  { role: "ours", call: 'titleOf(c, "ru")', loop: oursTitleRu },
  { role: "peer", call: "isValidStatusCode(c)", loop: wsIsValidStatusCode },
];

// Close frame payloads received: valid ones (empty, short and long reasons, UTF-8 of several
// widths) and invalid ones (one byte, a code that may not be sent, a code outside every range, a
// reason that is not UTF-8). The same mix as the Rust and Python benchmarks.
function payload(code, reason) {
  const bytes = typeof reason === "string" ? Buffer.from(reason, "utf8") : Buffer.from(reason);
  return Buffer.concat([Buffer.from([code >> 8, code & 0xff]), bytes]);
}
const PAYLOADS = [
  Buffer.alloc(0),
  payload(1000, ""),
  payload(1001, "going away"),
  payload(4001, "сессия истекла"),
  payload(3000, "未授权"),
  payload(1011, "x".repeat(123)),
  Buffer.from([0x03]),
  payload(1005, ""),
  payload(999, "reserved"),
  payload(1000, [0xff, 0xfe]),
];
// Codes and reasons to send: valid ones and invalid ones (a code that may not be sent, a reason
// longer than 123 bytes).
const MESSAGES = [
  [1000, ""],
  [1001, "going away"],
  [4001, "сессия истекла"],
  [3000, "未授权"],
  [1011, "x".repeat(123)],
  [1006, ""],
  [1000, "x".repeat(124)],
];
// Each codec loop makes this many passes over its inputs.
const CODEC_PASSES = 1000;

// ws reads a Close payload inside its Receiver (`controlMessage`, not exported) and writes one
// inside `Sender#close`: their steps, copied with ws's own exported checks, and the reason made a
// string as a 'close' listener does with the Buffer ws gives it.
function wsParse(data) {
  if (data.length === 0) return { code: 1005, reason: "" };
  if (data.length === 1) throw new RangeError("invalid payload length 1");
  const code = data.readUInt16BE(0);
  if (!isValidStatusCode(code)) throw new RangeError(`invalid status code ${code}`);
  const buf = data.subarray(2);
  if (!isValidUTF8(buf)) throw new Error("invalid UTF-8 sequence");
  return { code, reason: buf.toString() };
}

function wsEncode(code, data) {
  if (typeof code !== "number" || !isValidStatusCode(code)) {
    throw new TypeError("First argument must be a valid error code number");
  }
  if (!data.length) {
    const buf = Buffer.allocUnsafe(2);
    buf.writeUInt16BE(code, 0);
    return buf;
  }
  const length = Buffer.byteLength(data);
  if (length > 123) throw new RangeError("The message must not be greater than 123 bytes");
  const buf = Buffer.allocUnsafe(2 + length);
  buf.writeUInt16BE(code, 0);
  buf.write(data, 2);
  return buf;
}

function oursParse() {
  let total = 0;
  for (let pass = 0; pass < CODEC_PASSES; pass++) {
    for (const data of PAYLOADS) {
      try {
        total += parseClosePayload(data).reason.length;
      } catch (error) {
        if (!(error instanceof CloseFrameError)) throw error;
      }
    }
  }
  return total;
}

function peerParse() {
  let total = 0;
  for (let pass = 0; pass < CODEC_PASSES; pass++) {
    for (const data of PAYLOADS) {
      try {
        total += wsParse(data).reason.length;
      } catch {
        // refused, as ws refuses it
      }
    }
  }
  return total;
}

function oursEncode() {
  let total = 0;
  for (let pass = 0; pass < CODEC_PASSES; pass++) {
    for (const [code, reason] of MESSAGES) {
      try {
        total += encodeClosePayload(code, reason).length;
      } catch (error) {
        if (!(error instanceof CloseFrameError)) throw error;
      }
    }
  }
  return total;
}

function peerEncode() {
  let total = 0;
  for (let pass = 0; pass < CODEC_PASSES; pass++) {
    for (const [code, reason] of MESSAGES) {
      try {
        total += wsEncode(code, reason).length;
      } catch {
        // refused, as ws refuses it
      }
    }
  }
  return total;
}

const CODECS = [
  { role: "ours", operation: "parse", call: "parseClosePayload(payload)", inputs: PAYLOADS.length, loop: oursParse },
  {
    role: "peer",
    operation: "parse",
    call: "Receiver#controlMessage's steps (copied) + buf.toString()",
    inputs: PAYLOADS.length,
    loop: peerParse,
  },
  { role: "ours", operation: "encode", call: "encodeClosePayload(code, reason)", inputs: MESSAGES.length, loop: oursEncode },
  { role: "peer", operation: "encode", call: "Sender#close's steps (copied)", inputs: MESSAGES.length, loop: peerEncode },
];

// Both must accept and refuse the same payloads, or the comparison would be of different things.
for (const data of PAYLOADS) {
  const accepts = (parse) => {
    try {
      parse(data);
      return true;
    } catch {
      return false;
    }
  };
  if (accepts(parseClosePayload) !== accepts(wsParse)) {
    console.error(`ws-close-codes and ws disagree on ${data.toString("hex")}`);
    process.exit(1);
  }
}

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

const ALL = [...BENCHMARKS, ...CODECS];
for (const benchmark of ALL) {
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
  for (const codec of CODECS) {
    codec.samples.push(time(codec.loop, codec.passes) / (codec.passes * CODEC_PASSES * codec.inputs));
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
for (const { role, operation, call, inputs, samples } of CODECS) {
  const nsPerCall = median(samples);
  console.log(`typescript ${call.padEnd(36)} ${nsPerCall.toFixed(2).padStart(9)} ns/call`);
  console.log(
    "BENCH " + JSON.stringify({ suite: "codec", language: "typescript", role, operation, call, inputs, ns_per_call: nsPerCall }),
  );
}
console.log(
  "BENCH " +
    JSON.stringify({ suite: "peer", language: "typescript", peer: "ws", version: wsVersion, runtime: `node ${process.version}` }),
);
// Keeps every result alive, so no loop can be optimized away.
if (sink === -1) console.log(sink);
