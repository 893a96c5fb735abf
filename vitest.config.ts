import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/** Bindings for Worker tests: a fake endpoint answered by a fetch double, a tiny model, short budgets. */
export const WORKER_TEST_BINDINGS = {
  HF_ENDPOINT_URL: "https://embeddings.test/feature-extraction",
  HF_TOKEN: "hf_workertestsecret0123456789",
  EMBED_MODEL: "test/tiny-model",
  EMBED_DIM: "4",
  EMBED_TIMEOUT_MS: "400",
  EMBED_MAX_RETRIES: "2",
  INDEX_RECHECK_SECONDS: "0",
};

export default defineConfig({
  test: {
    // Vitest's default on a 2-core machine is one file at a time; most node
    // test files wait on child processes (wrangler dev, the seed script, the
    // model), so two at a time finish sooner (three starved each other).
    maxWorkers: 2,
    projects: [
      {
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: "./wrangler.toml" },
            // the real schema, applied to miniflare's D1 (SQLite) by test/worker/apply-migrations.ts
            miniflare: { bindings: { ...WORKER_TEST_BINDINGS, TEST_MIGRATIONS: await readD1Migrations("migrations") } },
          })),
        ],
        test: { name: "worker", include: ["test/worker/**/*.test.ts"], setupFiles: ["test/worker/apply-migrations.ts"] },
      },
      {
        test: {
          name: "node",
          include: ["src/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts", "test/node/**/*.test.ts", "test/browser/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
