import type { TimingVariables } from "hono/timing";
import type { WorkerConfig } from "./config";
import type { Env } from "./env";

/** Which collections an owner's token opens: all of them (ADMIN_TOKEN), or one (a collection token). */
export interface AdminScope {
  collection: string | null;
}

/** Hono's type parameter for this app: Worker bindings plus per-request variables. */
export interface AppEnv {
  Bindings: Env;
  Variables: TimingVariables & { config: WorkerConfig; adminScope: AdminScope };
}
