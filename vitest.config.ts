import { cloudflareTest } from "@cloudflare/vitest-plugin";
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
    projects: [
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: { bindings: WORKER_TEST_BINDINGS },
          }),
        ],
        test: { name: "worker", include: ["test/worker/**/*.test.ts"] },
      },
      {
        test: {
          name: "node",
          include: ["src/**/*.test.ts", "scripts/**/*.test.ts", "test/node/**/*.test.ts", "test/browser/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
