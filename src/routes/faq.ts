import { Hono } from "hono";
import { endTime, setMetric, startTime } from "hono/timing";
import type { AppEnv } from "../app-env";
import { createHfEmbedder } from "../embed/hf-embedder";
import { QueryEmbeddingCache, normalizeQuery } from "../embed/query-embedding-cache";
import { servingIndex } from "../index-store/serving-index";
import { rankFaqs, type RankedHit } from "../search/rank";
import { scorerFor } from "../search/semantic-scorer";
import { kernelModule } from "../search/wasm/kernel-module";
import { parseFaqParams } from "./faq-params";

let isolateEmbeddingCache: QueryEmbeddingCache | null = null;
/** One cache per isolate, made on first use: the Cache API is only reachable inside a request. */
const embeddingCache = () =>
  (isolateEmbeddingCache ??= new QueryEmbeddingCache({ cacheStore: typeof caches === "undefined" ? null : caches.default }));

/**
 * Whether the best match counts as an answer: its closeness in meaning must
 * reach the threshold (the request's min_score, else the index's calibrated
 * one). Lexical mode has no semantic score; any term match counts there.
 */
function isAnswered(best: RankedHit | undefined, threshold: number | null): boolean {
  if (!best) return false;
  if (best.semantic === null || threshold === null) return true;
  return best.semantic >= threshold;
}

async function shortHash(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** GET /faq?q=&k=&mode=&category=&min_score= : the FAQs closest to q, best first. */
export const faqRoute = new Hono<AppEnv>().get("/", async (c) => {
  const params = parseFaqParams(c.req.query());
  const config = c.get("config");

  startTime(c, "index");
  const index = await servingIndex(c);
  endTime(c, "index");

  // The answer depends only on the index version and the parameters.
  const etag = `W/"${index.version}-${await shortHash(JSON.stringify(params))}"`;
  c.header("ETag", etag);
  c.header("Cache-Control", `public, max-age=${Math.round(config.indexRecheckMs / 1000)}`);
  if (c.req.header("If-None-Match") === etag) return c.body(null, 304);

  let queryVector: Float32Array | null = null;
  if (params.mode !== "lexical") {
    startTime(c, "embed");
    const embedder = createHfEmbedder({
      model: config.model,
      accessToken: config.accessToken,
      endpointUrl: config.endpointUrl,
      dim: index.dim,
      timeoutMs: config.embedTimeoutMs,
      maxRetries: config.embedMaxRetries,
    });
    const text = normalizeQuery(params.query);
    const { vector, source } = await embeddingCache().get(config.model, text, async () => (await embedder.embed([text]))[0]!);
    queryVector = vector;
    endTime(c, "embed");
    setMetric(c, "embedding", source);
  }

  startTime(c, "search");
  const scorer = scorerFor(index, kernelModule);
  const hits = rankFaqs(index, { ...params, queryVector }, scorer);
  endTime(c, "search");
  setMetric(c, "kernel", scorer.kernel);

  return c.json({
    query: params.query,
    model: index.model,
    mode: params.mode,
    answered: isAnswered(hits[0], params.minScore ?? index.answerThreshold),
    results: hits.map((hit) => ({
      ...index.record(hit.index),
      score: hit.score,
      scores: { semantic: hit.semantic, lexical: hit.lexical },
    })),
  });
});
