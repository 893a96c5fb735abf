import type { Context } from "hono";
import { endTime, startTime } from "hono/timing";
import type { AppEnv } from "../app-env";
import { UpstreamError } from "../errors";
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
export async function embedQuery(c: Context<AppEnv>, dim: number | null, query: string): Promise<Float32Array> {
  const config = c.get("config");
  startTime(c, "embed");
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
    const { vector } = await embeddingCache().get(config.model, query, embedUpstream, waitUntilOf(c));
    return vector;
  } finally {
    endTime(c, "embed");
  }
}

/**
 * Starts embedding a question before the index it will be ranked on is
 * loaded (an isolate's first request: the index comes from KV in megabytes,
 * the embedding from a round trip, and neither needs the other). Returns the
 * way to collect it once the index is known: a vector of another width than
 * the index's is refused as the embedder refuses one, and a failure waits to
 * be collected instead of being reported as unhandled.
 */
export function embedQueryAhead(c: Context<AppEnv>, query: string): (indexDim: number) => Promise<Float32Array> {
  const settled = embedQuery(c, c.get("config").dim, query).then(
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
