import { Hono } from "hono";
import { endTime, startTime } from "hono/timing";
import type { AppEnv } from "../app-env";
import { createHfEmbedder } from "../embed/hf-embedder";
import { servingIndex } from "../index-store/serving-index";
import { topK } from "../search/top-k";
import { parseFaqParams } from "./faq-params";

/** GET /faq?q=&k= : the k FAQs closest in meaning to q, best first. */
export const faqRoute = new Hono<AppEnv>().get("/", async (c) => {
  const { query, k } = parseFaqParams(c.req.query("q"), c.req.query("k"));
  const config = c.get("config");

  startTime(c, "index");
  const index = await servingIndex(c);
  endTime(c, "index");

  startTime(c, "embed");
  const embedder = createHfEmbedder({
    model: config.model,
    accessToken: config.accessToken,
    endpointUrl: config.endpointUrl,
    dim: index.dim,
    timeoutMs: config.embedTimeoutMs,
    maxRetries: config.embedMaxRetries,
  });
  const [queryVector] = await embedder.embed([query]);
  endTime(c, "embed");

  startTime(c, "search");
  const hits = topK(index.matrix, index.dim, queryVector!, k, index.idRank);
  endTime(c, "search");

  return c.json({
    query,
    model: index.model,
    answered: hits.length > 0,
    results: hits.map(({ index: row, score }) => ({ ...index.records[row]!, score })),
  });
});
