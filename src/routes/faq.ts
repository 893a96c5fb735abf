import { Hono } from "hono";
import { endTime, startTime } from "hono/timing";
import type { AppEnv } from "../app-env";
import { UpstreamError } from "../errors";
import { isolateIndexCache, servingIndex } from "../index-store/serving-index";
import { answerConfidence, answerThresholdOf, isAnswered } from "../search/confidence";
import { rankQuery } from "../search/rank";
import { scorerFor } from "../search/semantic-scorer";
import { kernelModule } from "../search/wasm/kernel-module";
import { embedQuery, embedQueryAhead } from "../embed/embed-query";
import { parseFaqParams } from "../api/faq-query";
import { ifNoneMatchHits } from "../http/if-none-match";
import { AnswerCache, isolateAnswerCache } from "../http/answer-cache";
import { paramsTag } from "../http/params-tag";
import { deferInboxWrite } from "../inbox/defer-write";
import { logUnanswered } from "../inbox/log-unanswered";

/** GET /faq?q=&k=&mode=&category=&min_score= : the FAQs closest to q, best first. */
export const faqRoute = new Hono<AppEnv>().get("/", async (c) => {
  const params = parseFaqParams(c.req.query());
  const config = c.get("config");

  // On an isolate's first request the index load and the embedding call run
  // side by side: the visitor waits for the longer of the two, not both.
  // Only then: a loaded index may answer from the answer cache or with a 304,
  // which need no embedding. A revalidation may end in a 304 whatever the load.
  const ifNoneMatch = c.req.header("If-None-Match");
  const embeddedAhead = params.mode !== "lexical" && !ifNoneMatch && isolateIndexCache.awaitingFirstIndex()
    ? embedQueryAhead(c, params.query)
    : null;

  startTime(c, "index");
  let index = await servingIndex(c);
  endTime(c, "index");

  // A full answer depends only on the index version and the parameters.
  // Caching headers go on full answers only: never on errors or degraded answers.
  const paramsJson = JSON.stringify(params);
  const paramsHash = paramsTag(paramsJson);
  const etagOf = (version: string) => `W/"${version}-${paramsHash}"`;
  const cacheControl = `public, max-age=${Math.round(config.indexRecheckMs / 1000)}`;
  const markCacheable = () => {
    c.header("ETag", etagOf(index.version));
    c.header("Cache-Control", cacheControl);
  };
  if (ifNoneMatchHits(ifNoneMatch, etagOf(index.version))) {
    markCacheable();
    return c.body(null, 304);
  }
  const known = isolateAnswerCache.get(AnswerCache.key(index.version, paramsJson));
  if (known !== undefined) {
    // the same Server-Timing names as a full answer: which path answered is nobody's business
    for (const step of params.mode === "lexical" ? ["search"] : ["embed", "search"]) {
      startTime(c, step);
      endTime(c, step);
    }
    markCacheable();
    return c.body(known, 200, { "Content-Type": "application/json" });
  }

  let queryVector: Float32Array | null = null;
  let degraded = false;
  if (params.mode !== "lexical") {
    try {
      queryVector = embeddedAhead ? await embeddedAhead(index.dim) : await embedQuery(c, index.dim, params.query);
    } catch (error) {
      // A failed embedding need not fail the answer: words alone still rank.
      // Only an explicit semantic request, or an index without words, gets the error.
      if (!(error instanceof UpstreamError) || params.mode === "semantic" || index.lexical.terms.length === 0) throw error;
      console.warn(`embedding failed (${error.code}); answering from the lexical index`);
      degraded = true;
    }
    // A large index may have been swapped in place while we waited: rank on the one now served.
    if (index.retired) index = await servingIndex(c);
  }

  startTime(c, "search");
  const scorer = scorerFor(index, kernelModule);
  const mode = degraded ? "lexical" : params.mode;
  // one more than asked for: the lead over the next match is part of what confidence is judged on
  const ranking = rankQuery(index, { ...params, k: params.k + 1, mode, queryVector }, scorer);
  const hits = ranking.hits.slice(0, params.k);
  const confidence = answerConfidence(index, ranking, mode);
  endTime(c, "search");

  if (degraded) {
    // a degraded answer must not be cached or revalidated as if it were the full one
    c.header("Cache-Control", "no-store");
  } else {
    markCacheable();
  }

  // The index's own calibration decides what reaches the inbox; a caller's
  // min_score only changes what this answer says, so that nobody can fill
  // the owner's inbox by asking with min_score=1.
  const answeredByIndex = isAnswered(hits.length, confidence, answerThresholdOf(index));
  const answered = params.minScore === null ? answeredByIndex : isAnswered(hits.length, confidence, params.minScore);
  const results = hits.map((hit) => ({
    ...index.record(hit.index),
    score: hit.score,
    scores: { semantic: hit.semantic, lexical: hit.lexical },
  }));

  // The inbox: questions asked by meaning that the FAQ did not answer. Lexical
  // requests are what the widget sends while a visitor is still typing, so
  // half-typed words would fill it; they are not logged.
  if (!answeredByIndex && params.mode !== "lexical") {
    const now = Date.now();
    const nearest = results[0] ? { id: results[0].id, score: results[0].score } : null;
    const question = { text: params.query, nearest, vector: queryVector, model: index.model, degraded };
    deferInboxWrite(c, "an unanswered question", (db, waitUntil) => logUnanswered(db, question, now, waitUntil));
  }

  const body = JSON.stringify({ query: params.query, model: index.model, mode: params.mode, degraded, answered, confidence, results });
  // under the version ranked on, which may be newer than the one looked up above
  if (answered && !degraded) isolateAnswerCache.set(AnswerCache.key(index.version, paramsJson), body);
  return c.body(body, 200, { "Content-Type": "application/json" });
});
