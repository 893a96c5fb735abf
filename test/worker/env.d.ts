// Types for `cloudflare:workers` env and exports inside the Worker tests.
type FaqEdgeEnv = import("../../src/env").Env;

declare namespace Cloudflare {
  interface Env extends FaqEdgeEnv {
    /** migrations/, read by vitest.config.ts for test/worker/apply-migrations.ts. */
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
  }
  interface Exports {
    default: Fetcher;
  }
}
