import { DEFAULT_MODEL } from "../../src/config";
import { createHfEmbedder } from "../../src/embed/hf-embedder";
import type { TextEmbedder } from "../../src/embed/text-embedder";
import { LOCAL_MODEL_ID } from "../lib/local-model-id";

/** The model an embedder would use, known without loading or calling it. */
export const embedderModel = (kind: "hf" | "local", env: NodeJS.ProcessEnv) =>
  kind === "local" ? LOCAL_MODEL_ID : env.EMBED_MODEL?.trim() || DEFAULT_MODEL;

/** EMBED_DIM from the environment, or null when unset or not a positive integer. */
export function embedDimFromEnv(env: NodeJS.ProcessEnv): number | null {
  const dim = env.EMBED_DIM?.trim() ? Number(env.EMBED_DIM) : null;
  return dim !== null && Number.isInteger(dim) && dim > 0 ? dim : null;
}

/**
 * The build-time embedder. `hf` reads HF_TOKEN, HF_ENDPOINT_URL, EMBED_MODEL
 * and EMBED_DIM from the environment, like the Worker reads its bindings, with
 * a longer budget: a batch may wait for a cold model to load.
 */
export async function chooseEmbedder(kind: "hf" | "local", env: NodeJS.ProcessEnv, maxRetries: number): Promise<TextEmbedder> {
  // Loaded on demand: the model and tfjs are heavy and unused with `hf`.
  if (kind === "local") return (await import("../lib/local-model")).createLocalEmbedder();
  return createHfEmbedder({
    model: embedderModel(kind, env),
    accessToken: env.HF_TOKEN?.trim() || undefined,
    endpointUrl: env.HF_ENDPOINT_URL?.trim() || undefined,
    dim: embedDimFromEnv(env),
    timeoutMs: 120_000,
    maxRetries,
    baseDelayMs: 1000,
  });
}
