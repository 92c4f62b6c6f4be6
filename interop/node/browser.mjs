// Chromium, driven headless by playwright-core: Debian's system browser (`executablePath`), never a
// download. A page served from 127.0.0.1 loads the package's ES module and the chat-app example's
// generated module, and runs the cases with the browser's own WebSocket and CloseEvent.

import { readFile } from "node:fs/promises";
import http from "node:http";
import { basename, dirname, join } from "node:path";
import { chromium } from "playwright-core";

/** The page: the two modules and the functions the suite calls with `page.evaluate`. */
const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>ws-close-codes interop</title>
<script type="module">
import * as standard from "/standard/MODULE_STANDARD";
import * as chat from "/chat/MODULE_CHAT";

const modules = { standard, chat };

/** How long one socket may take to close, in milliseconds. */
const DEADLINE = 5000;

window.interop = {
  /** close(code) for every code 0-65535 on one socket: which calls threw, and with which error. */
  closableSweep(url) {
    const socket = new WebSocket(url);
    const mismatches = [];
    const names = new Set();
    let threw = 0;
    for (let code = 0; code <= 65535; code += 1) {
      let error;
      try {
        socket.close(code);
      } catch (caught) {
        error = caught.name;
      }
      if (error !== undefined) {
        threw += 1;
        names.add(error);
      }
      if ((error !== undefined) === standard.isBrowserClosable(code) && mismatches.length < 20) {
        mismatches.push({ code, threw: error ?? null });
      }
    }
    return { threw, names: [...names].sort(), mismatches };
  },

  /** close(code) on a fresh open socket: sent, or refused with the error's name. */
  sendClose(url, code) {
    return new Promise((resolve) => {
      const socket = new WebSocket(url);
      let outcome = { connect_error: "closed before open" };
      const timer = setTimeout(() => resolve({ connect_error: "timeout" }), DEADLINE);
      socket.onopen = () => {
        try {
          socket.close(code);
          outcome = { outcome: "sent" };
        } catch (error) {
          outcome = { outcome: "refused", error: error.name };
          socket.close();
        }
      };
      socket.onclose = () => {
        clearTimeout(timer);
        resolve(outcome);
      };
    });
  },

  /**
   * Connects and waits for the close; returns what the page saw and what the module answers
   * for the real CloseEvent: describeCloseEvent in each locale and the reconnect step.
   * With closeCode, the page closes the socket itself once it is open.
   */
  listen(url, module, locales, closeCode) {
    const library = modules[module];
    return new Promise((resolve) => {
      const socket = new WebSocket(url);
      let opened = false;
      let errored = false;
      const timer = setTimeout(() => resolve({ error: "timeout" }), DEADLINE);
      socket.onopen = () => {
        opened = true;
        if (closeCode !== undefined) socket.close(closeCode);
      };
      socket.onerror = () => (errored = true);
      socket.onclose = (event) => {
        clearTimeout(timer);
        const closedByClient = closeCode !== undefined;
        const context = { closedByClient, everOpened: opened, attempt: 0, random: 0.5 };
        const describe = {};
        for (const locale of locales) describe[locale] = library.describeCloseEvent(event, locale, context);
        const steps = [];
        for (let attempt = 0; attempt <= 3; attempt += 1) {
          steps.push(library.reconnectStep(event.code, { ...context, attempt, random: 0.5 }));
        }
        resolve({
          opened,
          errored,
          isCloseEvent: event instanceof CloseEvent,
          code: event.code,
          reason: event.reason,
          wasClean: event.wasClean,
          describe,
          steps,
        });
      };
    });
  },
};
window.interopReady = true;
</script>`;

/**
 * Serves the page, and the `.js` files beside each module (so that a module split into several
 * files loads too), on 127.0.0.1; returns the port and a stop function.
 */
async function pageServer(files) {
  const page = PAGE.replace("MODULE_STANDARD", basename(files.standard)).replace("MODULE_CHAT", basename(files.chat));
  const folders = { standard: dirname(files.standard), chat: dirname(files.chat) };
  const server = http.createServer(async (request, response) => {
    const [, folder, ...rest] = (request.url ?? "").split("/");
    const name = rest.join("/");
    if (request.url === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
      return;
    }
    const safe = Object.hasOwn(folders, folder) && name.endsWith(".js") && !name.split("/").includes("..");
    const body = safe ? await readFile(join(folders[folder], name)).catch(() => undefined) : undefined;
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "text/javascript", "cache-control": "no-store" }).end(body);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return {
    port: server.address().port,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Launches Chromium, opens the page and calls `run(page, version)`; closes everything after,
 * whatever happens. `locale` is the browser's UI locale (navigator.language), `en-US` here.
 */
export async function withChromium(executablePath, files, run) {
  const server = await pageServer(files);
  let browser;
  try {
    browser = await chromium.launch({ executablePath, headless: true, timeout: 60000 });
    const page = await browser.newPage();
    page.setDefaultTimeout(60000);
    const errors = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto(`http://127.0.0.1:${server.port}/`);
    await page.waitForFunction(() => window.interopReady === true, undefined, { timeout: 10000 }).catch(() => {
      throw new Error(`the page did not load its modules: ${errors.join("; ") || "no error reported"}`);
    });
    return await run(page, browser.version());
  } finally {
    await browser?.close();
    await server.stop();
  }
}
