#!/usr/bin/env node
// Runs the `ws-close-codes` binary of this platform's package, the way esbuild and biome ship
// theirs: npm installs only the optional dependency whose `os`, `cpu` and `libc` match.
"use strict";

const { spawnSync } = require("node:child_process");

/** Platform packages, by `${process.platform} ${process.arch}`. Add a row (and an optional
 * dependency) for each platform a release builds. */
const PACKAGES = {
  "linux x64": "@ws-close-codes/cli-linux-x64",
};

const platform = `${process.platform} ${process.arch}`;
const name = PACKAGES[platform];
if (name === undefined) {
  console.error(
    `ws-close-codes: no prebuilt binary for ${platform}; ` +
      "install the command with `cargo install ws-close-codes-codegen` instead",
  );
  process.exit(1);
}

let binary;
try {
  binary = require.resolve(`${name}/bin/ws-close-codes${process.platform === "win32" ? ".exe" : ""}`);
} catch {
  console.error(
    `ws-close-codes: the package ${name} is not installed; ` +
      "reinstall without --omit=optional (or --no-optional)",
  );
  process.exit(1);
}

const result = spawnSync(binary, process.argv.slice(2), { stdio: "inherit" });
if (result.error) {
  console.error(`ws-close-codes: could not run ${binary}: ${result.error.message}`);
  process.exit(1);
}
if (result.signal) {
  // Die of the same signal, so that the caller sees what the binary saw.
  process.kill(process.pid, result.signal);
}
process.exit(result.status ?? 1);
