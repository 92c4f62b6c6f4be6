// The interop suite: our answers (the generated TypeScript package and the chat-app's generated
// module) against ws, websockets, tokio-tungstenite and Chromium, on live loopback connections.
//
//   node interop/node/suite.mjs --python P --tungstenite T --chromium C --chat M [--package M] [--bless]
//
// run from the repository root (`cargo xtask interop` does this). It starts every endpoint it
// needs on 127.0.0.1, runs every case with a deadline, stops everything it started, then checks
// what it saw (./evaluate.mjs) and compares the results table with interop/RESULTS.md (./table.mjs).
// Exit status 1 names every failed check; `--bless` rewrites RESULTS.md instead of comparing it.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

import { withChromium } from "./browser.mjs";
import { ABNORMAL, CODES, LOCALES, chatCodes, chatReceiveCases, receiveCases } from "./cases.mjs";
import { evaluate } from "./evaluate.mjs";
import { childClient, childServer, wsClient, wsServer } from "./peers.mjs";
import { frame, rawClient, rawServer, tlsServer } from "./raw.mjs";
import { compareOrBless } from "./table.mjs";

const { values: options } = parseArgs({
  options: {
    python: { type: "string" },
    tungstenite: { type: "string" },
    chromium: { type: "string" },
    chat: { type: "string" },
    // The standard package's ES module; a scratch build to try the suite against another answer.
    package: { type: "string", default: "packages/typescript/dist/esm/index.js" },
    bless: { type: "boolean", default: false },
  },
});
for (const name of ["python", "tungstenite", "chromium", "chat"]) {
  if (options[name] === undefined) {
    console.error(`usage: node interop/node/suite.mjs --python P --tungstenite T --chromium C --chat M [--bless]`);
    process.exit(2);
  }
}

const root = process.cwd();
const here = join(root, "interop");
const standardPath = resolve(options.package);
const standard = await import(pathToFileURL(standardPath).href);
const chat = await import(pathToFileURL(resolve(options.chat)).href);
const started = Date.now();

/** The peers' versions: from their lockfiles and the browser itself. */
function versions(chromiumVersion) {
  const require = createRequire(join(here, "node/package.json"));
  const lock = readFileSync(join(here, "rust/Cargo.lock"), "utf8");
  const crate = (name) => new RegExp(`name = "${name}"\\nversion = "([^"]+)"`).exec(lock)?.[1] ?? "?";
  const env = { ...process.env, PYTHONPATH: join(root, "packages/python/src"), PYTHONDONTWRITEBYTECODE: "1" };
  const python = JSON.parse(execFileSync(options.python, [join(here, "python/peer.py"), "version"], { encoding: "utf8", env }));
  return {
    ws: require("ws/package.json").version,
    websockets: python.websockets,
    "tokio-tungstenite": `${crate("tokio-tungstenite")} (tungstenite ${crate("tungstenite")})`,
    Chromium: chromiumVersion,
    "playwright-core": require("playwright-core/package.json").version,
  };
}

/** A self-signed certificate for 127.0.0.1, made now with openssl, for the TLS failure case. */
function selfSigned() {
  const dir = mkdtempSync(join(tmpdir(), "ws-close-codes-interop-"));
  try {
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
        .concat(["-addext", "subjectAltName=IP:127.0.0.1", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")]),
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    return { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const chatOwn = chatCodes(standard, chat);
const receive = [...receiveCases(), ...chatReceiveCases(chatOwn)];
const payloads = new Map(receive.map((one) => [one.id, one.payload]));
const sendCodes = [...CODES.map((code) => ({ code, module: "standard" })), ...chatOwn.map((code) => ({ code, module: "chat" }))];

/** The tasks of one library client: send side, receive side and abnormal endings. */
function clientTasks(peer, rawPort, tlsPort) {
  const base = `ws://127.0.0.1:${rawPort}`;
  const tasks = sendCodes.map(({ code }) => ({ id: `send/${code}`, do: "close", url: `${base}/send/${peer}/${code}`, code }));
  for (const one of receive) tasks.push({ id: `recv/${one.id}`, do: "listen", url: `${base}/recv/${peer}/${one.id}` });
  for (const ending of ABNORMAL) {
    const url = ending === "tls" ? `wss://127.0.0.1:${tlsPort}/abnormal/${peer}/tls` : `${base}/abnormal/${peer}/${ending}`;
    tasks.push({ id: `abnormal/${ending}`, do: "listen", url });
  }
  return tasks;
}

/** Everything the endpoints saw and the peers reported, gathered for evaluate(). */
const seen = { clients: {}, servers: {}, browser: undefined, versions: undefined };

/** Seconds each phase took, printed at the end (never asserted). */
const timings = [];
async function timed(name, run) {
  const start = Date.now();
  const result = await run();
  timings.push(`${name} ${((Date.now() - start) / 1000).toFixed(1)} s`);
  return result;
}
const stops = [];
try {
  const raw = await rawServer((id) => (payloads.has(id) ? frame(0x8, payloads.get(id)) : undefined));
  stops.push(raw.close);
  const { key, cert } = selfSigned();
  const secure = await tlsServer(key, cert);
  stops.push(secure.close);
  seen.raw = raw.observed;

  // Library clients, one after the other (two cores, shared).
  const python = [join(here, "python/peer.py")];
  // The Python peer follows the Python package's reconnect policy, from the source tree.
  const pythonEnv = { ...process.env, PYTHONPATH: join(root, "packages/python/src"), PYTHONDONTWRITEBYTECODE: "1" };
  seen.clients.ws = await timed("ws client", () => wsClient(clientTasks("ws", raw.port, secure.port)));
  seen.clients.websockets = await timed("websockets client", () =>
    childClient(options.python, python, clientTasks("websockets", raw.port, secure.port), pythonEnv),
  );
  seen.clients["tokio-tungstenite"] = await timed("tokio-tungstenite client", () =>
    childClient(options.tungstenite, [], clientTasks("tokio-tungstenite", raw.port, secure.port)),
  );

  // Library servers, each asked by the raw client to close with every code.
  const servers = {};
  const starts = {
    ws: () => wsServer(),
    websockets: () => childServer(options.python, python, pythonEnv),
    "tokio-tungstenite": () => childServer(options.tungstenite, []),
  };
  for (const [peer, start] of Object.entries(starts)) {
    servers[peer] = await start();
    stops.push(servers[peer].stop);
  }
  for (const [peer, server] of Object.entries(servers)) {
    const wire = new Map();
    await timed(`${peer} server`, async () => {
      for (const { code } of sendCodes) wire.set(code, await rawClient(server.port, `/close/${code}`));
    });
    seen.servers[peer] = { wire, reports: server.reports };
  }

  // Chromium: the 65,536-code sweep, the send side, then every receive case and ending, each
  // described by the module in every locale.
  const files = { standard: standardPath, chat: resolve(options.chat) };
  seen.browser = await timed("Chromium", () => withChromium(options.chromium, files, async (page, version) => {
    const base = `ws://127.0.0.1:${raw.port}`;
    const sweep = await page.evaluate((url) => window.interop.closableSweep(url), `${base}/idle`);
    const send = new Map();
    for (const { code } of sendCodes) {
      send.set(code, await page.evaluate(([url, c]) => window.interop.sendClose(url, c), [`${base}/send/Chromium/${code}`, code]));
    }
    const listen = new Map();
    const cases = receive.map((one) => ({
      id: `recv/${one.id}`,
      url: `${base}/recv/Chromium/${one.id}`,
      module: one.id.startsWith("chat-") ? "chat" : "standard",
    }));
    for (const ending of ABNORMAL) {
      const url = ending === "tls" ? `wss://127.0.0.1:${secure.port}/abnormal/Chromium/tls` : `${base}/abnormal/Chromium/${ending}`;
      cases.push({ id: `abnormal/${ending}`, url, module: "standard" });
    }
    // The page closes its own socket: what a client that closed the connection itself sees.
    cases.push({ id: "self/1000", url: `${base}/send/Chromium/self-1000`, module: "standard", closeCode: 1000 });
    cases.push({ id: "self/4000", url: `${base}/send/Chromium/self-4000`, module: "chat", closeCode: 4000 });
    for (const one of cases) {
      const result = await page.evaluate(
        ([url, module, locales, closeCode]) => window.interop.listen(url, module, locales, closeCode ?? undefined),
        [one.url, one.module, LOCALES, one.closeCode ?? null],
      );
      listen.set(one.id, { ...one, result });
    }
    return { version, sweep, send, listen };
  }));
  seen.versions = versions(seen.browser.version);
} finally {
  for (const stop of stops.reverse()) await stop();
}

const report = evaluate(seen, { standard, chat, sendCodes, receive, payloads });
for (const [peer, count] of Object.entries(report.counts)) console.log(`interop: ${peer}: ${count} cases`);
console.log(`interop: Chromium close() over all 65536 codes: threw for ${seen.browser.sweep.threw}`);
console.log(`interop: Chromium ${seen.browser.version}; ${((Date.now() - started) / 1000).toFixed(1)} s (${timings.join(", ")})`);
for (const [peer, count] of Object.entries(report.counts)) {
  if (count === 0) report.failures.push(`${peer}: no case ran`);
}
const tableFailures = compareOrBless(join(here, "RESULTS.md"), report, seen.versions, options.bless);
const failures = [...report.failures, ...tableFailures];
if (failures.length > 0) {
  console.error(`interop: ${failures.length} failed check(s):`);
  for (const failure of failures) console.error(`  - ${failure}`);
  process.exit(1);
}
const total = Object.values(report.counts).reduce((sum, count) => sum + count, 0);
console.log(`interop: ${total} passed, 0 failed`);
