// Removes build output directories, so that a build never ships a file its source no longer has.
import { rmSync } from "node:fs";

for (const directory of process.argv.slice(2)) {
  rmSync(directory, { recursive: true, force: true });
}
