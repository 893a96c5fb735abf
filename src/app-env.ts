import type { TimingVariables } from "hono/timing";
import type { WorkerConfig } from "./config";
import type { Env } from "./env";

/** Hono's type parameter for this app: Worker bindings plus per-request variables. */
export interface AppEnv {
  Bindings: Env;
  Variables: TimingVariables & { config: WorkerConfig };
}
