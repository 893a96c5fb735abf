import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** Path of the project's own wrangler CLI, run with `process.execPath` so no shell or npx is involved. */
export function wranglerBin(): string {
  const packageJson = createRequire(import.meta.url).resolve("wrangler/package.json");
  return join(dirname(packageJson), "bin", "wrangler.js");
}
