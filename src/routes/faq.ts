import { Hono, type Context } from "hono";
import { endTime, startTime } from "hono/timing";
import type { AppEnv } from "../app-env";
import { parseFaqParams } from "../api/faq-query";
import { checkCollectionOrigin, findCollection } from "../collections/find-collection";
import { embedQuery, embedQueryAhead, type EmbedDeps } from "../embed/embed-query";
import { answerTags } from "../faq/answer-tags";
import { searchFaqs } from "../faq/search-faqs";
import { ifNoneMatchHits } from "../http/if-none-match";
import { deferInboxWrite } from "../inbox/defer-write";
import { logUnanswered } from "../inbox/log-unanswered";
import type { QuestionOutcome } from "../inbox/pending-writes";
import { isolate } from "../isolate";
import type { FaqIndex } from "../index-blob/format";
import { waitUntilOf } from "../lib/wait-until";
import type { StepTimer } from "../lib/step-timer";

const timerOf = (c: Context<AppEnv>): StepTimer => ({ start: (step) => startTime(c, step), end: (step) => endTime(c, step) });

/**
 * GET /faq?q=&k=&mode=&category=&min_score=&collection= : the FAQs of a
 * collection closest to q, best first. Four steps: parse, find the
 * collection, search, respond.
 */
export const faqRoute = new Hono<AppEnv>().get("/", async (c) => {
  const services = isolate();
  const config = c.get("config");
  const timer = timerOf(c);

  // 1. parse
  const params = parseFaqParams(c.req.query());
  const ifNoneMatch = c.req.header("If-None-Match");
  const embedDeps: EmbedDeps = { config, cache: services.embeddings(), waitUntil: waitUntilOf(c), timer };

  // 2. find the collection. On its first request the index load and the
  // embedding call run side by side: the visitor waits for the longer of the
  // two, not both. Only then: a loaded index may answer from the answer cache
  // or with a 304, which need no embedding; a revalidation may end in a 304 whatever the load.
  const embeddedAhead = params.mode !== "lexical" && !ifNoneMatch && services.collections.awaitingFirstIndex(params.collection)
    ? embedQueryAhead(embedDeps, params.query)
    : null;
  timer.start("index");
  const find = () => findCollection({ collections: services.collections, kv: c.env.FAQ_KV, config, name: params.collection });
  const lease = await find();
  timer.end("index");
  try {
    checkCollectionOrigin(lease.index, c.req.header("origin"));

    // A full answer depends only on the index version and the parameters.
    // Caching headers go on full answers only: never on errors or degraded answers.
    const tags = answerTags(params);
    const markCacheable = (index: FaqIndex) => {
      c.header("ETag", tags.etag(index.version));
      c.header("Cache-Control", `public, max-age=${Math.round(config.indexRecheckMs / 1000)}`);
    };
    if (ifNoneMatchHits(ifNoneMatch, tags.etag(lease.index.version))) {
      markCacheable(lease.index);
      return c.body(null, 304);
    }
    // the dashboard's daily counts: every question asked by meaning, by how it ended (lexical requests are half-typed words)
    const countOutcome = (outcome: QuestionOutcome) => {
      if (params.mode === "lexical") return;
      const now = Date.now();
      deferInboxWrite(c, "a count", (db, waitUntil) => services.inbox.writerFor(db).addOutcome(params.collection, now, outcome, waitUntil));
    };
    const known = services.answers.get(tags.cacheKey(lease.index.version));
    if (known !== undefined) {
      // only answers the collection itself counts as answered are kept there
      countOutcome("answered");
      // the same Server-Timing names as a full answer: which path answered is nobody's business
      for (const step of params.mode === "lexical" ? ["search"] : ["embed", "search"]) {
        timer.start(step);
        timer.end(step);
      }
      markCacheable(lease.index);
      return c.body(known, 200, { "Content-Type": "application/json" });
    }

    // 3. search
    const outcome = await searchFaqs({
      index: lease.index,
      params,
      embed: (dim) => (embeddedAhead ? embeddedAhead(dim) : embedQuery(embedDeps, dim, params.query)),
      current: async () => (await find().then((again) => (again.release(), again))).index,
      timer,
    });

    // 4. respond, and note the question for the inbox when the collection did not answer it.
    // Lexical requests are what the widget sends while a visitor is still typing: half-typed words are not logged.
    if (!outcome.answeredByIndex && params.mode !== "lexical") {
      const { index, results, queryVector, degraded } = outcome;
      const question = { collection: params.collection, text: params.query, nearest: results[0] ? { id: results[0].id, score: results[0].score } : null, vector: queryVector, model: index.model, degraded };
      const now = Date.now();
      deferInboxWrite(c, "an unanswered question", (db, waitUntil) => logUnanswered(services.inbox.writerFor(db), question, now, waitUntil));
    }
    countOutcome(outcome.degraded ? "degraded" : outcome.answeredByIndex ? "answered" : "unanswered");
    if (outcome.degraded) {
      // a degraded answer must not be cached or revalidated as if it were the full one
      c.header("Cache-Control", "no-store");
    } else {
      markCacheable(outcome.index);
    }
    const body = JSON.stringify({
      query: params.query, model: outcome.index.model, mode: outcome.mode, degraded: outcome.degraded,
      answered: outcome.answered, confidence: outcome.confidence, results: outcome.results,
    });
    // under the version ranked on, which may be newer than the one looked up above; never an answer
    // the collection itself counts as unanswered, which must reach the inbox each time it is asked
    if (outcome.answeredByIndex && outcome.answered && !outcome.degraded) services.answers.set(tags.cacheKey(outcome.index.version), body);
    return c.body(body, 200, { "Content-Type": "application/json" });
  } finally {
    lease.release();
  }
});
