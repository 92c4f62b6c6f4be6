// Marks a build directory as CommonJS: the package is "type": "module", so without this marker
// Node would load the .js files of the require() build as ES modules.
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const [directory] = process.argv.slice(2);
if (directory === undefined) {
  throw new Error("usage: node scripts/commonjs.mjs <directory>");
}
writeFileSync(join(directory, "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);
