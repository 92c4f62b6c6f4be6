// Bundles the full entry and each per-locale entry (`ws-close-codes/en` ...) the way a web page
// would, with esbuild (minified ES module, UTF-8 output as Vite sets it, a page that shows one
// description), and prints the raw and gzip sizes. Fails when a locale's bundle holds a text of another locale: the point of
// the per-locale entries is that a page showing one language ships one. Run after `npm run build`.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

import { build } from "esbuild";

const { exports } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const locales = Object.keys(exports)
  .filter((key) => key !== "." && key !== "./package.json")
  .map((key) => key.slice(2));

/** The minified bundle of a page that imports `specifier` and shows one description. */
async function bundle(specifier) {
  const result = await build({
    stdin: {
      contents: `import { describe } from ${JSON.stringify(specifier)};\nconsole.log(describe(1000, navigator.language));\n`,
      resolveDir: new URL("..", import.meta.url).pathname,
      loader: "js",
    },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    charset: "utf8",
    write: false,
    logLevel: "error",
  });
  return result.outputFiles[0].text;
}

const full = await import("ws-close-codes");
const rows = [["entry", "bytes", "gzip"]];
const record = (name, text) => rows.push([name, String(Buffer.byteLength(text)), String(gzipSync(text, { level: 9 }).length)]);
record("ws-close-codes", await bundle("ws-close-codes"));
let failures = 0;
for (const locale of locales) {
  const text = await bundle(`ws-close-codes/${locale}`);
  record(`ws-close-codes/${locale}`, text);
  for (const other of locales.filter((tag) => tag !== locale)) {
    const foreign = full.describe(1000, other);
    if (text.includes(foreign)) {
      console.error(`ws-close-codes/${locale} bundles the ${other} description of 1000`);
      failures += 1;
    }
  }
}
for (const row of rows) console.log(`${row[0].padEnd(26)} ${row[1].padStart(8)} ${row[2].padStart(8)}`);
if (failures > 0) process.exit(1);
