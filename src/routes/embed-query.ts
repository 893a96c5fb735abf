import type { Context } from "hono";
import { endTime, setMetric, startTime } from "hono/timing";
import type { AppEnv } from "../app-env";
import { createHfEmbedder } from "../embed/hf-embedder";
import { QueryEmbeddingCache, normalizeQuery } from "../embed/query-embedding-cache";
import type { FaqIndex } from "../index-blob/format";

let isolateEmbeddingCache: QueryEmbeddingCache | null = null;
/** One cache per isolate, made on first use: the Cache API is only reachable inside a request. */
const embeddingCache = () =>
  (isolateEmbeddingCache ??= new QueryEmbeddingCache({ cacheStore: typeof caches === "undefined" ? null : caches.default }));

/**
 * The unit embedding of a question, from the isolate's cache, the Cache API,
 * or the configured embedding service, with timings in Server-Timing.
 * Throws UpstreamError when the service fails within its budget.
 */
export async function embedQuery(c: Context<AppEnv>, index: FaqIndex, query: string): Promise<Float32Array> {
  const config = c.get("config");
  startTime(c, "embed");
  const text = normalizeQuery(query);
  // The client is made only on a cache miss: most questions never need it.
  const embedUpstream = async () => {
    const embedder = createHfEmbedder({
      model: config.model,
      accessToken: config.accessToken,
      endpointUrl: config.endpointUrl,
      dim: index.dim,
      timeoutMs: config.embedTimeoutMs,
      maxRetries: config.embedMaxRetries,
    });
    return (await embedder.embed([text]))[0]!;
  };
  try {
    const { vector, source } = await embeddingCache().get(config.model, text, embedUpstream);
    setMetric(c, "embedding", source);
    return vector;
  } finally {
    endTime(c, "embed");
  }
}
