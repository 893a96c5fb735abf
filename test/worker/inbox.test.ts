/**
 * The unanswered-question inbox against miniflare's D1 (real SQLite, the
 * schema from migrations/): what /faq logs and when, the owner's view behind
 * ADMIN_TOKEN, feedback, the daily limits, and a database that fails or hangs.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { app } from "../../src/app";
import type { Env } from "../../src/env";
import worker from "../../src/index";
import { faq, json, mockEmbeddings, publish, resetIndex } from "./helpers";

const ADMIN_TOKEN = "admin-token-for-tests-0123456789";
const ADMIN = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const db = env.FAQ_DB!;

/** Query vectors by text: two FAQs (passwords, billing) and questions they do not answer. */
const VECTORS: Record<string, number[]> = {
  "how do i reset my password": [1, 0, 0, 0],
  "do you ship to canada": [0, 0, 1, 0],
  "shipping to canada": [0, 0.1, 0.99, 0],
  "can i bring my dog": [0, 0, 0, 1],
  "ship canada": [0, 0, 1, 0],
  "do you deliver abroad": [0, 0.1, 0.99, 0],
};

function embedByText() {
  return mockEmbeddings((inputs) => {
    const text = (Array.isArray(inputs) ? inputs[0] : inputs) as string;
    const vector = VECTORS[text.toLowerCase().replace(/[?!.]+$/, "")] ?? (text.startsWith("can i bring my dog") ? VECTORS["can i bring my dog"] : undefined);
    return vector ? json([vector]) : json({ error: "unknown text in test" }, 500);
  });
}

/** One request through the app with its own execution context, waiting for what it deferred (the inbox write). */
async function ask(path: string, overrides: Partial<Env> = {}, init: RequestInit = {}) {
  const ctx = createExecutionContext();
  const response = await app.request(path, init, { ...env, ADMIN_TOKEN, ...overrides }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

const rows = async () =>
  (await db.prepare("SELECT question_key, text, count, nearest_id, model, length(vector) AS bytes, degraded FROM unanswered_questions ORDER BY question_key").all()).results;

beforeAll(async () => {
  await resetIndex();
  // answered needs the best match to lead the next by 0.3 (hybrid scale)
  await publish([faq("pw", "Reset a forgotten password"), faq("bill", "Invoices and billing")], [[1, 0, 0, 0], [0, 1, 0, 0]], undefined, 4, 0.3);
});

beforeEach(async () => {
  await db.batch([db.prepare("DELETE FROM unanswered_questions"), db.prepare("DELETE FROM feedback")]);
});

describe("logging unanswered questions", () => {
  it("logs a question the FAQ did not answer, once per wording with a count, and never an answered one", async () => {
    embedByText();
    const answered = await ask("/faq?q=How%20do%20I%20reset%20my%20password");
    expect(((await answered.json()) as { answered: boolean }).answered).toBe(true);
    expect(await rows()).toEqual([]);

    const first = await ask("/faq?q=Do%20you%20ship%20to%20Canada");
    expect(((await first.json()) as { answered: boolean }).answered).toBe(false);
    await ask("/faq?q=do%20you%20ship%20to%20canada%3F%3F");
    expect(await rows()).toEqual([
      { question_key: "do you ship to canada", text: "do you ship to canada??", count: 2, nearest_id: "bill", model: env.EMBED_MODEL, bytes: 4, degraded: 0 },
    ]);
  });

  it("adds up the same question asked many times at once into one row", async () => {
    embedByText();
    await ask("/faq?q=can%20I%20bring%20my%20dog"); // embedded once, so the burst below is all cache hits
    await Promise.all(Array.from({ length: 20 }, () => ask("/faq?q=Can%20I%20bring%20my%20dog%3F")));
    expect(await rows()).toEqual([
      { question_key: "can i bring my dog", text: "Can I bring my dog?", count: 21, nearest_id: "bill", model: env.EMBED_MODEL, bytes: 4, degraded: 0 },
    ]);
  });

  it("masks personal data, each kind whole and named, before storing a question or feedback", async () => {
    embedByText();
    await ask(`/faq?q=${encodeURIComponent("can i bring my dog jo@example.com 0171 234 5678 or (555) l23-4567, card 4111,1111,1111,1111")}`);
    expect((await rows()).map((r) => [r.question_key, r.text])).toEqual([
      ["can i bring my dog email number or phone card card", "can i bring my dog [email] [number] or [phone], card [card]"],
    ]);
    const response = await ask("/feedback", {}, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ query: "refund to card 4417123456789113", id: "bill", helpful: false }),
    });
    expect(response.status).toBe(204);
    expect((await db.prepare("SELECT query FROM feedback").first<{ query: string }>())!.query).toBe("refund to card [card]");
  });

  it("logs by the index's own threshold: a caller's min_score changes the answer, not what reaches the inbox", async () => {
    embedByText();
    const strict = await ask("/faq?q=How%20do%20I%20reset%20my%20password&min_score=1");
    expect(((await strict.json()) as { answered: boolean }).answered).toBe(false);
    expect(await rows()).toEqual([]);
    const lenient = await ask("/faq?q=Do%20you%20ship%20to%20Canada&min_score=-1");
    expect(((await lenient.json()) as { answered: boolean }).answered).toBe(true);
    expect((await rows()).map((r) => r.question_key)).toEqual(["do you ship to canada"]);
  });

  it("does not log lexical requests (what the widget sends while a visitor types)", async () => {
    const response = await ask("/faq?q=dog&mode=lexical");
    expect(((await response.json()) as { answered: boolean }).answered).toBe(false);
    expect(await rows()).toEqual([]);
  });

  it("logs a degraded answer without a vector", async () => {
    mockEmbeddings(() => json({ error: "down" }, 500));
    const response = await ask("/faq?q=Is%20there%20parking%3F", { EMBED_MAX_RETRIES: "0" });
    expect(((await response.json()) as { degraded: boolean }).degraded).toBe(true);
    expect(await rows()).toEqual([
      { question_key: "is there parking", text: "Is there parking?", count: 1, nearest_id: null, model: null, bytes: null, degraded: 1 },
    ]);
  });

  it("stores nothing with LOG_QUESTIONS=off", async () => {
    embedByText();
    await ask("/faq?q=can%20I%20bring%20my%20dog", { LOG_QUESTIONS: "off" });
    expect(await rows()).toEqual([]);
    const health = (await (await ask("/health", { LOG_QUESTIONS: "off" })).json()) as { inbox: unknown };
    expect(health.inbox).toEqual({ logging: false, pending: 0, written: expect.any(Number), dropped: 0, failed: expect.any(Number), retrying: 0 });
  });

  it("answers as usual when the database throws, tries the write three times, and counts it failed in /health", async () => {
    embedByText();
    const throwing = { prepare: () => { throw new Error("D1_ERROR: database is locked"); } } as unknown as D1Database;
    type Counts = { pending: number; written: number; failed: number };
    const before = ((await (await ask("/health")).json()) as { inbox: Counts }).inbox;
    const response = await ask("/faq?q=can%20I%20bring%20my%20dog", { FAQ_DB: throwing });
    expect(response.status).toBe(200);
    const usual = await ask("/faq?q=can%20I%20bring%20my%20dog");
    expect(await response.json()).toEqual(await usual.json());
    const after = (await (await ask("/health", { FAQ_DB: throwing })).json()) as { inbox: Counts & { logging: boolean } };
    // the usual request's question was written to the real database; the other one failed every attempt
    expect(after.inbox).toMatchObject({ logging: true, pending: 0, written: before.written + 1, failed: before.failed + 1, retrying: 0 });
    expect(await rows()).toHaveLength(1);
  });

  it("answers without waiting for a database that never answers", async () => {
    embedByText();
    const never = () => new Promise(() => {});
    const hanging = { prepare: () => ({ bind: () => ({ run: never }) }), batch: never } as unknown as D1Database;
    // no waitOnExecutionContext: the answer itself must not wait for the write
    const response = await app.request("/faq?q=can%20I%20bring%20my%20dog", {}, { ...env, FAQ_DB: hanging }, createExecutionContext());
    expect(response.status).toBe(200);
  });
});

describe("the owner's view", () => {
  it("answers other methods with 405 and Allow for an owner, and 401 for anyone else", async () => {
    for (const method of ["POST", "PUT", "DELETE"]) {
      for (const path of ["/admin/unanswered", "/admin/feedback"]) {
        const owner = await ask(path, {}, { method, headers: ADMIN });
        expect([owner.status, owner.headers.get("allow"), ((await owner.json()) as { error: { code: string } }).error.code]).toEqual([405, "GET, HEAD, OPTIONS", "method_not_allowed"]);
        expect((await ask(path, {}, { method })).status).toBe(401);
      }
    }
  });

  it("does not exist without ADMIN_TOKEN", async () => {
    const response = await ask("/admin/unanswered", { ADMIN_TOKEN: undefined }, { headers: ADMIN });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "No such path." } });
  });

  it.each([
    ["no token", {}],
    ["a wrong token", { Authorization: "Bearer admin-token-for-tests-0123456780" }],
    ["a token of another length", { Authorization: "Bearer x" }],
    ["another scheme", { Authorization: `Basic ${ADMIN_TOKEN}` }],
  ])("refuses %s with 401", async (_, headers) => {
    for (const path of ["/admin/unanswered", "/admin/feedback"]) {
      const response = await ask(path, {}, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="faq-edge admin"');
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    }
  });

  it("groups unanswered questions by meaning, most asked first, with the nearest FAQ", async () => {
    embedByText();
    for (const q of ["do you ship to canada", "do you ship to canada", "shipping to canada?", "can I bring my dog"]) await ask(`/faq?q=${encodeURIComponent(q)}`);
    const response = await ask("/admin/unanswered", {}, { headers: ADMIN });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { groups: Array<{ label: string; count: number; queries: Array<{ text: string; count: number; firstSeen: string }>; nearest: unknown }>; total: number; threshold: number };
    expect(body.total).toBe(2);
    expect(body.threshold).toBe(0.8); // the test index has no calibrated threshold
    expect(body.groups.map((g) => [g.label, g.count, g.queries.map((q) => [q.text, q.count])])).toEqual([
      ["do you ship to canada", 3, [["do you ship to canada", 2], ["shipping to canada?", 1]]],
      ["can I bring my dog", 1, [["can I bring my dog", 1]]],
    ]);
    expect(body.groups[0]!.nearest).toEqual({ id: "bill", question: "Invoices and billing", score: expect.any(Number) });
    expect(body.groups[0]!.queries[0]!.firstSeen).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const limited = (await (await ask("/admin/unanswered?limit=1", {}, { headers: ADMIN })).json()) as { groups: unknown[]; total: number };
    expect([limited.groups.length, limited.total]).toEqual([1, 2]);
    const future = (await (await ask("/admin/unanswered?since=2999-01-01", {}, { headers: ADMIN })).json()) as { groups: unknown[] };
    expect(future.groups).toEqual([]);
  });

  it("groups with the index's calibrated threshold when it has one", async () => {
    embedByText();
    await publish([faq("pw", "Reset a forgotten password"), faq("bill", "Invoices and billing")], [[1, 0, 0, 0], [0, 1, 0, 0]], undefined, 4, 0.3, 0.999);
    try {
      // cosine 0.995 and no rare word in common (one shared would add 0.125 and carry them past 0.999)
      for (const q of ["do you ship to canada", "do you deliver abroad"]) await ask(`/faq?q=${encodeURIComponent(q)}`);
      const body = (await (await ask("/admin/unanswered", {}, { headers: ADMIN })).json()) as { groups: unknown[]; threshold: number };
      expect([body.groups.length, body.threshold]).toEqual([2, 0.999]);
    } finally {
      await publish([faq("pw", "Reset a forgotten password"), faq("bill", "Invoices and billing")], [[1, 0, 0, 0], [0, 1, 0, 0]], undefined, 4, 0.3);
    }
  });

  it("exports one CSV row per question with its group", async () => {
    embedByText();
    for (const q of ["do you ship to canada", "shipping to canada?"]) await ask(`/faq?q=${encodeURIComponent(q)}`);
    const response = await ask("/admin/unanswered?format=csv", {}, { headers: ADMIN });
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await response.text()).trimEnd().split("\r\n").map((line) => line.split(",").slice(0, 4).join(","));
    expect(lines).toEqual([
      "group,group_count,question,count",
      // asked as often: the most recent leads
      "shipping to canada?,2,shipping to canada?,1",
      "shipping to canada?,2,do you ship to canada,1",
    ]);
  });

  it.each([
    ["/admin/unanswered?since=yesterday", "invalid_since"],
    ["/admin/unanswered?since=2026-13-45", "invalid_since"],
    ["/admin/unanswered?since=2026-02-30", "invalid_since"],
    ["/admin/unanswered?since=2025-02-29", "invalid_since"],
    ["/admin/feedback?since=2026-11-01T24:00Z", "invalid_since"],
    ["/admin/feedback?since=2026-11-01T10:00+01:60", "invalid_since"],
    ["/admin/unanswered?limit=0", "invalid_limit"],
    ["/admin/unanswered?limit=501", "invalid_limit"],
    ["/admin/unanswered?format=xml", "invalid_format"],
    ["/admin/feedback?format=xlsx", "invalid_format"],
  ])("%s is a 400 %s", async (path, code) => {
    const response = await ask(path, {}, { headers: ADMIN });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });
});

describe("POST /feedback", () => {
  const post = (body: string, headers: Record<string, string> = {}, overrides: Partial<Env> = {}) =>
    ask("/feedback", overrides, { method: "POST", body, headers: { "Content-Type": "application/json", ...headers } });

  it("stores a visitor's answer and lists it, with per-FAQ counts, in /admin/feedback", async () => {
    for (const [query, id, helpful] of [["reset password", "pw", true], ["Where is my bill", "bill", false], ["invoice", "bill", true], ["bill?", "bill", false]] as const) {
      const response = await post(JSON.stringify({ query, id, helpful }));
      expect(response.status).toBe(204);
    }
    const body = (await (await ask("/admin/feedback", {}, { headers: ADMIN })).json()) as { feedback: Array<{ query: string; id: string; helpful: boolean; at: string }>; faqs: unknown };
    expect(body.feedback.map((f) => [f.query, f.id, f.helpful])).toEqual([
      ["bill?", "bill", false], ["invoice", "bill", true], ["Where is my bill", "bill", false], ["reset password", "pw", true],
    ]);
    expect(body.faqs).toEqual([
      { id: "bill", question: "Invoices and billing", helpful: 1, unhelpful: 2 },
      { id: "pw", question: "Reset a forgotten password", helpful: 1, unhelpful: 0 },
    ]);
    const csv = await (await ask("/admin/feedback?format=csv", {}, { headers: ADMIN })).text();
    expect(csv.split("\r\n")[0]).toBe("at,query,id,question,helpful");
    expect(csv.split("\r\n")[1]).toMatch(/^\d{4}-.*Z,bill\?,bill,Invoices and billing,false$/);
  });

  it.each([
    ["not json", "invalid_json"],
    ["[1,2]", "invalid_json"],
    [JSON.stringify({ id: "pw", helpful: true }), "missing_query"],
    [JSON.stringify({ query: " \u200b ", id: "pw", helpful: true }), "missing_query"],
    [JSON.stringify({ query: "q".repeat(501), id: "pw", helpful: true }), "query_too_long"],
    [JSON.stringify({ query: "q", id: 7, helpful: true }), "invalid_id"],
    [JSON.stringify({ query: "q", id: "nope", helpful: true }), "unknown_id"],
    [JSON.stringify({ query: "q", id: "pw", helpful: "yes" }), "invalid_helpful"],
    [JSON.stringify({ query: "q", id: "pw", helpful: true, email: "a@b.c" }), "unknown_field"],
  ])("refuses %s with 400 %s and stores nothing", async (body, code) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    expect((await db.prepare("SELECT COUNT(*) AS n FROM feedback").first<{ n: number }>())!.n).toBe(0);
  });

  it("refuses a large body (413), another content type (415), a disallowed origin (403) and GET (405)", async () => {
    const large = await post(JSON.stringify({ query: "q", id: "pw", helpful: true, pad: "x".repeat(5000) }));
    expect([large.status, ((await large.json()) as { error: { code: string } }).error.code]).toEqual([413, "payload_too_large"]);
    const text = await post(JSON.stringify({ query: "q", id: "pw", helpful: true }), { "Content-Type": "text/plain" });
    expect([text.status, ((await text.json()) as { error: { code: string } }).error.code]).toEqual([415, "unsupported_media_type"]);
    const foreign = await post(JSON.stringify({ query: "q", id: "pw", helpful: true }), { Origin: "https://evil.example" }, { ALLOWED_ORIGINS: "https://help.example" });
    expect([foreign.status, ((await foreign.json()) as { error: { code: string } }).error.code]).toEqual([403, "origin_not_allowed"]);
    const allowed = await post(JSON.stringify({ query: "q", id: "pw", helpful: true }), { Origin: "https://help.example" }, { ALLOWED_ORIGINS: "https://help.example" });
    expect([allowed.status, allowed.headers.get("access-control-allow-origin")]).toEqual([204, "https://help.example"]);
    const get = await ask("/feedback");
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST, OPTIONS"]);
  });

  it("is off with LOG_QUESTIONS=off (404 feedback_off)", async () => {
    const response = await post(JSON.stringify({ query: "q", id: "pw", helpful: true }), {}, { LOG_QUESTIONS: "off" });
    expect([response.status, ((await response.json()) as { error: { code: string } }).error.code]).toEqual([404, "feedback_off"]);
  });
});

describe("the daily limits (Cron Trigger)", () => {
  const DAY = 86_400_000;
  const now = Date.UTC(2026, 10, 28, 3, 17);

  async function insertQuestion(key: string, lastSeen: number) {
    await db.prepare("INSERT INTO unanswered_questions (question_key, text, count, first_seen, last_seen, degraded) VALUES (?1, ?1, 1, ?2, ?2, 0)").bind(key, lastSeen).run();
  }

  it("deletes what is older than RETENTION_DAYS, then all but the MAX_LOGGED_QUESTIONS most recent", async () => {
    await insertQuestion("too old", now - 31 * DAY);
    for (let i = 1; i <= 4; i++) await insertQuestion(`recent ${i}`, now - i * DAY);
    for (let i = 1; i <= 3; i++) await db.prepare("INSERT INTO feedback (query, faq_id, helpful, at) VALUES (?1, 'pw', 1, ?2)").bind(`f${i}`, now - i * 20 * DAY).run();

    await worker.scheduled(createScheduledController({ scheduledTime: now, cron: "17 3 * * *" }), { ...env, RETENTION_DAYS: "30", MAX_LOGGED_QUESTIONS: "3" });

    const keys = (await db.prepare("SELECT question_key FROM unanswered_questions ORDER BY last_seen DESC").all<{ question_key: string }>()).results.map((r) => r.question_key);
    expect(keys).toEqual(["recent 1", "recent 2", "recent 3"]);
    const feedback = (await db.prepare("SELECT query FROM feedback ORDER BY at DESC").all<{ query: string }>()).results.map((r) => r.query);
    expect(feedback).toEqual(["f1"]); // f2 (40 days) and f3 (60 days) are past retention
  });

  it("forgets the writer's batch ids after a day", async () => {
    await db.batch([
      db.prepare("INSERT INTO inbox_flushes (id, at) VALUES ('old', ?1)").bind(now - DAY - 1),
      db.prepare("INSERT INTO inbox_flushes (id, at) VALUES ('new', ?1)").bind(now - DAY + 1),
    ]);
    await worker.scheduled(createScheduledController({ scheduledTime: now }), env);
    expect((await db.prepare("SELECT id FROM inbox_flushes WHERE id IN ('old', 'new')").all<{ id: string }>()).results).toEqual([{ id: "new" }]);
  });

  it("keeps 90 days and 100,000 questions by default", async () => {
    await insertQuestion("89 days", now - 89 * DAY);
    await insertQuestion("91 days", now - 91 * DAY);
    await worker.scheduled(createScheduledController({ scheduledTime: now }), env);
    const keys = (await db.prepare("SELECT question_key FROM unanswered_questions").all<{ question_key: string }>()).results.map((r) => r.question_key);
    expect(keys).toEqual(["89 days"]);
  });
});
