import { WORKER_VARIABLES } from "../../src/env";

export interface WorkerVarsFromEnv {
  /** Plain variables, for `wrangler dev --var`. */
  vars: Record<string, string>;
  /** Secrets, for a private `--env-file`: never on a command line, where `ps` would show them. */
  secrets: Record<string, string>;
}

/** The documented Worker variables that are set (and not blank) in `env`, split into plain ones and secrets. */
export function workerVarsFromEnv(env: NodeJS.ProcessEnv): WorkerVarsFromEnv {
  const found: WorkerVarsFromEnv = { vars: {}, secrets: {} };
  for (const { name, secret } of WORKER_VARIABLES) {
    const value = env[name];
    if (value === undefined || value.trim() === "") continue;
    (secret ? found.secrets : found.vars)[name] = value;
  }
  return found;
}
