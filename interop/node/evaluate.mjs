// Checks what the suite saw against our answers, and turns it into the rows of the results table.
// Every failure names the peer, the case and the code.

import { isDeepStrictEqual } from "node:util";

import { ABNORMAL, LOCALES } from "./cases.mjs";
import { DIVERGENCES } from "./divergences.mjs";
import { decision, followPolicy, parseVerdict, step } from "./ours.mjs";

/** The library clients, in table order; Chromium comes last everywhere. */
export const CLIENTS = ["ws", "websockets", "tokio-tungstenite"];

/** The send-side columns: library clients and servers, then the browser. */
export const SENDERS = [
  ...CLIENTS.flatMap((peer) => [`${peer} client`, `${peer} server`]),
  "Chromium",
];

/** What each send-side column must do: refuse exactly what our answer says may not be sent. */
const SEND_RULES = {
  "ws client": "sendable",
  "ws server": "sendable",
  "websockets client": "sendable",
  "websockets server": "sendable",
  // A known divergence, asserted as it is: tungstenite puts any u16 in a Close frame.
  "tokio-tungstenite client": "any",
  "tokio-tungstenite server": "any",
  Chromium: "browser",
};

/** What an application is told at the end of a connection, the same shape for every client. */
function appView(peer, result) {
  if (result === undefined) return { opened: false, code: null, reason: "", error: "no result" };
  switch (peer) {
    case "ws":
      return { opened: result.opened, code: result.code, reason: result.reason, error: result.error };
    case "websockets":
      return {
        opened: result.opened,
        code: result.opened ? result.close_code : null,
        reason: result.close_reason ?? "",
        error: result.error,
      };
    case "tokio-tungstenite": {
      // A Close frame without a payload reaches the application as Close(None): no code, 1005.
      const code = result.close === null || result.close === undefined ? null : (result.close.code ?? 1005);
      return { opened: result.opened, code, reason: result.close?.reason ?? "", error: result.error };
    }
    default:
      return {
        opened: result.opened,
        code: result.code,
        reason: result.reason,
        error: result.errored ? "error event" : null,
        wasClean: result.wasClean,
      };
  }
}

/**
 * What a client did with a Close frame: `code N` when it told the application the frame's code
 * (1005 for an empty payload) and answered with the same code, an empty Close frame or none;
 * otherwise `fail N` with the code of the Close frame it answered with (seen by the raw endpoint),
 * or `fail, no Close frame`. (A client that fails on 1006 reports 1006 too: its answer tells.)
 */
function receiveVerdict(payload, app, reply) {
  const wireCode = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
  const replyCode = reply?.close?.code;
  const echoed = replyCode === undefined || replyCode === null || replyCode === wireCode;
  if (app.opened && app.code === wireCode && echoed) return `code ${wireCode}`;
  return typeof replyCode === "number" ? `fail ${replyCode}` : "fail, no Close frame";
}

/** A short text of what a connection's application was told, for the table. */
function told(app) {
  if (!app.opened) return "never opened";
  return app.code === null || app.code === undefined ? "no code" : `${app.code}`;
}

/** Checks everything; returns the failures, the case counts per peer and the table rows. */
export function evaluate(seen, { standard, chat, sendCodes, receive, payloads }) {
  const failures = [];
  const counts = Object.fromEntries(SENDERS.map((peer) => [peer, 0]));
  const count = (peer) => (counts[peer] += 1);
  const moduleOf = (name) => (name === "chat" ? chat : standard);
  const rows = { send: [], receive: [], abnormal: [], browser: [], divergences: [] };

  // 1. Send side.
  for (const { code, module } of sendCodes) {
    const ours = moduleOf(module);
    const named = module === "chat" ? `${code} (chat-app module)` : `${code}`;
    const row = { code: named, sendable: ours.isSendable(code), closable: ours.isBrowserClosable(code), cells: {} };
    for (const sender of SENDERS) {
      const [peer, role] = sender === "Chromium" ? ["Chromium", "client"] : sender.split(" ");
      let result;
      let wire;
      if (sender === "Chromium") {
        result = seen.browser.send.get(code);
        wire = seen.raw.get(`/send/Chromium/${code}`)?.close;
      } else if (role === "client") {
        result = seen.clients[peer].get(`send/${code}`);
        wire = seen.raw.get(`/send/${peer}/${code}`)?.close;
      } else {
        result = seen.servers[peer].reports.get(`/close/${code}`);
        const got = seen.servers[peer].wire.get(code);
        wire = got?.close;
        if (got?.error) failures.push(`${sender}: close(${code}): the raw client failed: ${got.error}`);
      }
      row.cells[sender] = checkSend(failures, sender, code, result, wire, SEND_RULES[sender], ours);
      count(sender);
    }
    rows.send.push(row);
  }

  // The browser rule over every code, in the page.
  const sweep = seen.browser.sweep;
  for (const miss of sweep.mismatches) {
    failures.push(
      `Chromium: close(${miss.code}) ${miss.threw ? `threw ${miss.threw}` : "did not throw"}, ` +
        `but isBrowserClosable(${miss.code}) is ${standard.isBrowserClosable(miss.code)}`,
    );
  }
  count("Chromium");

  // 2. Receive side, against our parser (or a documented divergence).
  const observedDivergences = new Map();
  for (const { id, payload } of receive) {
    const ours = id.startsWith("chat-") ? chat : standard;
    const expected = parseVerdict(ours, payload);
    const row = { id, expected: expected.verdict, cells: {} };
    for (const peer of [...CLIENTS, "Chromium"]) {
      const label = peer === "Chromium" ? "Chromium" : `${peer} client`;
      const result = peer === "Chromium" ? seen.browser.listen.get(`recv/${id}`)?.result : seen.clients[peer].get(`recv/${id}`);
      const app = appView(peer, result);
      const reply = seen.raw.get(`/recv/${peer}/${id}`);
      const verdict = receiveVerdict(payload, app, reply);
      observedDivergences.set(`${label}|${id}`, verdict);
      const detail = app.error && !verdict.startsWith("code ") ? `, ${app.error}` : "";
      row.cells[peer] = verdict.startsWith("code ") ? verdict.slice(5) : `${verdict} (told ${told(app)}${detail})`;
      if (verdict === expected.verdict) {
        if (verdict.startsWith("code ") && app.reason !== expected.reason) {
          failures.push(`${label}, case ${id}: reason ${JSON.stringify(app.reason)}, our parser says ${JSON.stringify(expected.reason)}`);
        }
      } else {
        const known = DIVERGENCES.find((one) => one.peer === label && one.case === id);
        if (known === undefined) {
          failures.push(`${label}, case ${id}: our parser says ${expected.verdict}, the peer did ${verdict} (told ${told(app)})`);
        } else if (known.observed !== verdict) {
          failures.push(`${label}, case ${id}: the known divergence was ${known.observed}, the peer now did ${verdict}`);
        } else {
          row.cells[peer] += " ≠";
        }
      }
      count(label);
    }
    rows.receive.push(row);
  }
  for (const known of DIVERGENCES) {
    const now = observedDivergences.get(`${known.peer}|${known.case}`);
    const expected = rows.receive.find((row) => row.id === known.case)?.expected;
    if (now === undefined) {
      failures.push(`${known.peer}, case ${known.case}: a known divergence the suite no longer runs`);
    } else if (expected === known.observed) {
      failures.push(`${known.peer}, case ${known.case}: our parser now says ${expected} too: no longer a divergence (divergences.mjs)`);
    } else if (now === expected) {
      failures.push(`${known.peer}, case ${known.case}: the peer now agrees with our parser (${now}): no longer a divergence (divergences.mjs)`);
    }
    // A peer that now does a third thing is reported by the loop above.
    rows.divergences.push(known);
  }

  // 3. Abnormal endings: what each client reports, and the policy never retrying forever.
  for (const ending of ABNORMAL) {
    const row = { ending, cells: {} };
    for (const peer of [...CLIENTS, "Chromium"]) {
      const label = peer === "Chromium" ? "Chromium" : `${peer} client`;
      const result =
        peer === "Chromium" ? seen.browser.listen.get(`abnormal/${ending}`)?.result : seen.clients[peer].get(`abnormal/${ending}`);
      const app = appView(peer, result);
      // What a client can hand the policy: the code it was told, 1006 when it was told none.
      const code = typeof app.code === "number" ? app.code : 1006;
      const policy = followPolicy(standard, code, { closedByClient: false, everOpened: app.opened });
      // A connection that never opened (HTTP error, TLS failure) must stop after a few attempts; one
      // that opened and dropped may be retried for as long as it takes, but with growing delays.
      if (policy.forever && !app.opened) {
        failures.push(`${label}, ${ending}: the reconnect policy retries forever for ${code} although the connection never opened`);
      }
      if (policy.forever && !policy.backsOff) {
        failures.push(`${label}, ${ending}: the reconnect policy retries ${code} forever without backing off`);
      }
      // The Rust and Python clients ran their own package's policy on what they saw: the same
      // answer, in the same words, as the TypeScript package's.
      const own = { "tokio-tungstenite": "the Rust crate", websockets: "the Python package" }[peer];
      if (own !== undefined && result?.policy !== policy.summary) {
        failures.push(`${label}, ${ending}: ${own}'s reconnect_step says "${result?.policy}", the TypeScript package's "${policy.summary}"`);
      }
      row.cells[peer] = `${told(app)}${app.error ? `, ${app.error}` : ""}: ${policy.summary}`;
      count(label);
    }
    rows.abnormal.push(row);
  }

  // 4 and 5. Real CloseEvents in the page, described by the module in every locale.
  for (const [id, { module, closeCode, result }] of seen.browser.listen) {
    const ours = moduleOf(module);
    count("Chromium");
    if (result.error !== undefined) {
      failures.push(`Chromium, ${id}: no close event (${result.error})`);
      continue;
    }
    if (!result.isCloseEvent) failures.push(`Chromium, ${id}: the close event is not a CloseEvent`);
    const context = { closedByClient: closeCode !== undefined, everOpened: result.opened, attempt: 0, random: 0.5 };
    const fields = { code: result.code, reason: result.reason, wasClean: result.wasClean };
    for (const locale of LOCALES) {
      const page = result.describe[locale];
      const node = ours.describeCloseEvent(fields, locale, context);
      if (!isDeepStrictEqual(page, node)) {
        failures.push(`Chromium, ${id}: describeCloseEvent(${locale}) of the real CloseEvent (code ${result.code}) differs from the same call on its fields`);
      }
      if (page.title !== ours.titleOf(result.code, locale) || page.locale !== locale) {
        failures.push(`Chromium, ${id}: describeCloseEvent(${locale}) of code ${result.code} gave "${page.title}" (${page.locale})`);
      }
    }
    for (const [attempt, got] of result.steps.entries()) {
      const want = step(ours, result.code, { ...context, attempt });
      if (!isDeepStrictEqual(got, want)) {
        failures.push(`Chromium, ${id}: reconnectStep(${result.code}, attempt ${attempt}) in the page differs from Node`);
      }
    }
    if (context.closedByClient && decision(result.steps[0]) !== "stop") {
      failures.push(`Chromium, ${id}: the page closed its own socket, but the reconnect step is ${decision(result.steps[0])}`);
    }
    rows.browser.push({
      id,
      module,
      code: result.code,
      wasClean: result.wasClean,
      opened: result.opened,
      name: result.describe.en.name ?? "",
      locales: LOCALES.filter((locale) => result.describe[locale].locale === locale).join(", "),
      step: result.steps[0],
    });
  }

  return { failures, counts, rows, sweep };
}

/** Checks one send-side case; returns the table cell. */
function checkSend(failures, sender, code, result, wire, rule, ours) {
  if (result === undefined || result.outcome === undefined) {
    failures.push(`${sender}: close(${code}): no outcome (${result?.connect_error ?? "no report"})`);
    return "no outcome";
  }
  const onWire = wire?.code === code;
  const wireText = wire === undefined ? "nothing" : wire === null ? "no Close frame" : `Close ${wire.code ?? `of ${wire.bytes} bytes`}`;
  if (result.outcome === "sent" && !onWire) {
    failures.push(`${sender}: close(${code}) returned without error, but the wire carried ${wireText}`);
  }
  if (result.outcome === "refused" && onWire) {
    failures.push(`${sender}: close(${code}) raised ${result.error}, but ${code} went out on the wire`);
  }
  const refused = result.outcome === "refused";
  if (rule === "sendable" && refused === ours.isSendable(code)) {
    failures.push(`${sender}: close(${code}) was ${result.outcome}, but isSendable(${code}) is ${ours.isSendable(code)}`);
  }
  if (rule === "browser" && refused === ours.isBrowserClosable(code)) {
    failures.push(`${sender}: close(${code}) was ${result.outcome}, but isBrowserClosable(${code}) is ${ours.isBrowserClosable(code)}`);
  }
  if (rule === "any" && refused) {
    failures.push(`${sender}: close(${code}) was refused (${result.error}): the known divergence "sends any u16" no longer holds`);
  }
  return result.outcome;
}
