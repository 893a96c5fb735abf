// Types for `cloudflare:workers` env and exports inside the Worker tests.
type FaqEdgeEnv = import("../../src/env").Env;

declare namespace Cloudflare {
  interface Env extends FaqEdgeEnv {}
  interface Exports {
    default: Fetcher;
  }
}
