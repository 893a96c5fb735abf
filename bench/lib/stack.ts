import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../scripts/lib/free-port";
import { applyLocalMigrations } from "../../scripts/lib/apply-local-migrations";
import { startInferenceProcess } from "../../scripts/lib/inference-process";
import { LOCAL_MODEL_DIM, LOCAL_MODEL_ID } from "../../scripts/lib/local-model";
import { startWranglerDev, type RunningWorker } from "../../scripts/lib/wrangler-dev";

/** The Worker's settings for measuring: the local model, and no rate limit (one load generator is one client: the per-client limit would measure itself). */
export const workerVars = (inferenceUrl: string) => ({ HF_ENDPOINT_URL: inferenceUrl, EMBED_MODEL: LOCAL_MODEL_ID, EMBED_DIM: String(LOCAL_MODEL_DIM), RATE_LIMIT: "off" });

type StartWorker = (vars?: Record<string, string>) => Promise<RunningWorker>;

/** The local stack for end-to-end measurements: inference server, and wrangler dev over a temporary KV and D1 folder. */
export async function withLocalStack<T>(use: (stack: { persistTo: string; inferenceUrl: string; startWorker: StartWorker }) => Promise<T>): Promise<T> {
  const persistTo = await mkdtemp(join(tmpdir(), "faq-stack-"));
  await applyLocalMigrations(persistTo);
  const inference = await startInferenceProcess();
  try {
    const startWorker: StartWorker = async (vars = {}) => startWranglerDev({
      port: await freePort(),
      persistTo,
      output: "ignore",
      vars: { ...workerVars(inference.url), ...vars },
    });
    return await use({ persistTo, inferenceUrl: inference.url, startWorker });
  } finally {
    inference.child.kill();
    await rm(persistTo, { recursive: true, force: true });
  }
}
