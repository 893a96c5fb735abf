import type { Context } from "hono";
import { endTime, startTime } from "hono/timing";
import type { AppEnv } from "../app-env";
import type { FaqIndex } from "../index-blob/format";
import { waitUntilOf } from "../lib/wait-until";
import { createHfEmbedder } from "./hf-embedder";
import { QueryEmbeddingCache } from "./query-embedding-cache";

let isolateEmbeddingCache: QueryEmbeddingCache | null = null;
/** One cache per isolate, made on first use: the Cache API is only reachable inside a request. */
const embeddingCache = () =>
  (isolateEmbeddingCache ??= new QueryEmbeddingCache({ cacheStore: typeof caches === "undefined" ? null : caches.default }));

/**
 * The unit embedding of a question (already normalised by parseFaqParams),
 * from the isolate's cache, the Cache API, or the configured embedding
 * service. Server-Timing gets the duration only: where the embedding came
 * from would tell any site whether someone asked the same question lately.
 * Throws UpstreamError when the service fails within its budget.
 */
export async function embedQuery(c: Context<AppEnv>, index: FaqIndex, query: string): Promise<Float32Array> {
  const config = c.get("config");
  startTime(c, "embed");
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
    return (await embedder.embed([query]))[0]!;
  };
  try {
    const { vector } = await embeddingCache().get(config.model, query, embedUpstream, waitUntilOf(c));
    return vector;
  } finally {
    endTime(c, "embed");
  }
}
