import type { WorkerConfig } from "../config";
import { UpstreamError } from "../errors";
import type { StepTimer } from "../lib/step-timer";
import { createHfEmbedder } from "./hf-embedder";
import type { Defer, QueryEmbeddingCache } from "./query-embedding-cache";

/** What embedding a question needs from the request: the settings, the isolate's cache, waitUntil, and a timer. */
export interface EmbedDeps {
  config: WorkerConfig;
  cache: QueryEmbeddingCache;
  waitUntil: Defer;
  timer: StepTimer;
}

/**
 * The unit embedding of a question (already normalised by parseFaqParams),
 * from the isolate's cache, the Cache API, or the configured embedding
 * service. Two collections built with the same model share the embeddings:
 * the cache keys by model and question only. Server-Timing gets the
 * duration only (docs/api.md says what that still tells).
 * Throws UpstreamError when the service fails within its budget.
 */
export async function embedQuery({ config, cache, waitUntil, timer }: EmbedDeps, dim: number | null, query: string): Promise<Float32Array> {
  timer.start("embed");
  // The client is made only on a cache miss: most questions never need it.
  const embedUpstream = async () => {
    const embedder = createHfEmbedder({
      model: config.model,
      accessToken: config.accessToken,
      endpointUrl: config.endpointUrl,
      dim,
      timeoutMs: config.embedTimeoutMs,
      maxRetries: config.embedMaxRetries,
    });
    return (await embedder.embed([query]))[0]!;
  };
  try {
    const { vector } = await cache.get(config.model, query, embedUpstream, waitUntil);
    return vector;
  } finally {
    timer.end("embed");
  }
}

/**
 * Starts embedding a question before the index it will be ranked on is
 * loaded (a collection's first request: the index comes from KV in
 * megabytes, the embedding from a round trip, and neither needs the other).
 * Returns the way to collect it once the index is known: a vector of another
 * width than the index's is refused as the embedder refuses one, and a
 * failure waits to be collected instead of being reported as unhandled.
 */
export function embedQueryAhead(deps: EmbedDeps, query: string): (indexDim: number) => Promise<Float32Array> {
  const settled = embedQuery(deps, deps.config.dim, query).then(
    (vector) => ({ vector }),
    (error: unknown) => ({ error }),
  );
  return async (indexDim) => {
    const outcome = await settled;
    if ("error" in outcome) throw outcome.error;
    if (outcome.vector.length !== indexDim) {
      throw new UpstreamError("upstream_bad_response", `The embedding service answered with unusable data: ${outcome.vector.length} dimensions, the index has ${indexDim}.`);
    }
    return outcome.vector;
  };
}
