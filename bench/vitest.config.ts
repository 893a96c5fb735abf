import { defineConfig } from "vitest/config";

/**
 * The benchmarks' own helpers' tests (`npx vitest run -c bench/vitest.config.ts`):
 * the project's config runs src/, scripts/ and test/ only.
 */
export default defineConfig({
  root: new URL("..", import.meta.url).pathname,
  test: { include: ["bench/**/*.test.ts"], environment: "node" },
});
