/**
 * The owner's dashboard's API against miniflare's D1: the daily counts the
 * Worker writes after each answer, /admin/stats, groups with their trend and
 * marked done, and drafts, with the same 400/401/404/413/415 discipline as /feedback.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { app } from "../../src/app";
import type { Env } from "../../src/env";
import worker from "../../src/index";
import { sha256Hex } from "../../src/sha256-hex";
import { faq, json, mockEmbeddings, publish, resetIndex } from "./helpers";

const ADMIN_TOKEN = "dashboard-admin-token-0123456789abcdef";
const OWNER = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const db = env.FAQ_DB!;
const today = () => new Date().toISOString().slice(0, 10);

async function ask(path: string, init: RequestInit = {}, overrides: Partial<Env> = {}) {
  const ctx = createExecutionContext();
  const response = await app.request(path, init, { ...env, ADMIN_TOKEN, ...overrides }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}
const owner = async <T>(path: string, init: RequestInit = {}) => {
  const response = await ask(path, { ...init, headers: { ...OWNER, ...(init.headers as Record<string, string> | undefined) } });
  return { status: response.status, body: (response.status === 204 ? null : await response.json()) as T };
};
const errorCode = (body: unknown) => (body as { error?: { code: string } } | null)?.error?.code;
const post = (body: unknown, headers: Record<string, string> = { "Content-Type": "application/json" }) => ({ method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });

/** Cosine-driven confidence (sigmoid of the first result's cosine), answered from 0.7: [1,0,0,0] is answered, [0,0,0,1] is not. */
const ANSWER = { model: { mean: Array(8).fill(0), scale: Array(8).fill(1), weights: [0, 0, 1, 0, 0, 0, 0, 0], bias: 0 }, threshold: 0.7, precision: 0.7 };

beforeAll(async () => {
  await resetIndex();
  await publish([faq("pw", "Reset a forgotten password"), faq("bill", "Invoices and billing")], [[1, 0, 0, 0], [0, 1, 0, 0]], undefined, 4, null, null, ANSWER);
});

beforeEach(async () => {
  await db.batch(["unanswered_questions", "feedback", "daily_counts", "question_days", "faq_opens", "drafts", "admin_tokens"].map((table) => db.prepare(`DELETE FROM ${table}`)));
});

describe("what the Worker counts", () => {
  it("counts each question asked by meaning as answered, unanswered or degraded, not the widget's words-only lookups", async () => {
    mockEmbeddings((inputs) => (String(inputs).includes("down") ? json({ error: "down" }, 500) : json(String(inputs).includes("password") ? [1, 0, 0, 0] : [0, 0, 0, 1])));
    await ask("/faq?q=my%20password");
    await ask("/faq?q=my%20password"); // the answer cache's answer counts too
    await ask("/faq?q=can%20I%20bring%20a%20dog");
    await ask("/faq?q=down%20billing%20now", {}, { EMBED_MAX_RETRIES: "0" });
    await ask("/faq?q=password&mode=lexical");
    const { body } = await owner<{ days: Array<Record<string, unknown>>; totals: Record<string, unknown> }>("/admin/stats");
    expect(body.days).toHaveLength(30);
    expect(body.days.at(-1)).toEqual({ day: today(), asked: 4, answered: 2, unanswered: 1, degraded: 1, answeredShare: 0.5, feedbackYes: 0, feedbackNo: 0 });
    expect(body.totals).toEqual({ asked: 4, answered: 2, unanswered: 1, degraded: 1, answeredShare: 0.5, feedbackYes: 0, feedbackNo: 0 });
  });

  it("counts feedback per day, and openings and No per FAQ, most No first", async () => {
    const feedback = (body: Record<string, unknown>) => ask("/feedback", post({ query: "a question", ...body }));
    expect((await feedback({ id: "pw", opened: true })).status).toBe(204);
    await feedback({ id: "pw", opened: true });
    await feedback({ id: "bill", opened: true });
    await feedback({ id: "pw", helpful: true });
    await feedback({ id: "bill", helpful: false });
    await feedback({ id: "bill", helpful: false });
    const bad = await feedback({ id: "pw", opened: true, helpful: true });
    expect([bad.status, errorCode(await bad.json())]).toEqual([400, "invalid_helpful"]);
    const { body } = await owner<{ days: Array<Record<string, unknown>>; faqs: unknown[] }>(`/admin/stats?since=${today()}&until=${today()}`);
    expect(body.days).toEqual([expect.objectContaining({ day: today(), feedbackYes: 1, feedbackNo: 2 })]);
    expect(body.faqs).toEqual([
      { id: "bill", question: "Invoices and billing", opened: 1, helpful: 0, unhelpful: 2, shareNo: 1 },
      { id: "pw", question: "Reset a forgotten password", opened: 2, helpful: 1, unhelpful: 0, shareNo: 0 },
    ]);
    // an opening stores no question
    expect((await db.prepare("SELECT COUNT(*) AS n FROM feedback").first<{ n: number }>())!.n).toBe(3);
  }, 20_000);

  it("refuses a bad period with a stable code", async () => {
    for (const [query, code] of [["since=2026-02-30", "invalid_since"], ["until=yesterday", "invalid_until"], ["since=2026-11-02&until=2026-11-01", "invalid_period"], ["since=2024-01-01&until=2026-01-01", "invalid_period"], ["collection=Bad", "invalid_collection"]]) {
      const { status, body } = await owner(`/admin/stats?${query}`);
      expect([query, status, errorCode(body)]).toEqual([query, 400, code]);
    }
    expect((await ask("/admin/stats")).status).toBe(401);
  });

  it("forgets the counts older than RETENTION_DAYS in the daily job, and keeps drafts", async () => {
    await db.batch([
      db.prepare("INSERT INTO daily_counts (collection, day, asked, answered) VALUES ('default', '2026-01-01', 5, 5), ('default', ?1, 1, 1)").bind(today()),
      db.prepare("INSERT INTO question_days (collection, question_key, day, count) VALUES ('default', 'q', '2026-01-01', 5)"),
      db.prepare("INSERT INTO faq_opens (collection, day, faq_id, opened) VALUES ('default', '2026-01-01', 'pw', 5)"),
      db.prepare("INSERT INTO drafts (collection, question, answer, created_at, updated_at) VALUES ('default', 'q', 'a', 1, 1)"),
    ]);
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now() }), { ...env, RETENTION_DAYS: "30" });
    expect((await db.prepare("SELECT day FROM daily_counts").all()).results).toEqual([{ day: today() }]);
    expect((await db.prepare("SELECT COUNT(*) AS n FROM question_days").first<{ n: number }>())!.n).toBe(0);
    expect((await db.prepare("SELECT COUNT(*) AS n FROM faq_opens").first<{ n: number }>())!.n).toBe(0);
    expect((await db.prepare("SELECT COUNT(*) AS n FROM drafts").first<{ n: number }>())!.n).toBe(1);
  });
});

describe("groups: their trend, and marking them done", () => {
  const DAY = 86_400_000;
  const now = Date.now();
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  async function question(key: string, vector: number[], lastSeen: number, days: Array<[number, number]>) {
    const bytes = new Uint8Array(Int8Array.from(vector.map((v) => v * 127)).buffer);
    await db.prepare("INSERT INTO unanswered_questions (question_key, text, count, first_seen, last_seen, model, vector, degraded) VALUES (?1, ?1, ?2, ?3, ?3, ?4, ?5, 0)")
      .bind(key, days.reduce((sum, [, n]) => sum + n, 0), lastSeen, env.EMBED_MODEL, bytes).run();
    for (const [ago, count] of days) await db.prepare("INSERT INTO question_days (collection, question_key, day, count) VALUES ('default', ?1, ?2, ?3)").bind(key, day(now - ago * DAY), count).run();
  }
  type Groups = { groups: Array<{ key: string; label: string; countInPeriod: number; countBefore: number; trend: string; done: boolean }>; total: number };

  it("counts each group's askings in the period and in the one before, and calls its trend", async () => {
    await question("can i bring my dog", [0, 0, 0, 1], now - DAY, [[1, 6], [10, 2]]);
    await question("do you ship to canada", [0, 0, 1, 0], now - 2 * DAY, [[2, 1], [9, 4]]);
    const since = new Date(now - 7 * DAY).toISOString();
    const { body } = await owner<Groups>(`/admin/unanswered?since=${encodeURIComponent(since)}`);
    expect(body.groups.map((g) => [g.label, g.countInPeriod, g.countBefore, g.trend])).toEqual([
      ["can i bring my dog", 6, 2, "rising"],
      ["do you ship to canada", 1, 4, "falling"],
    ]);
  });

  it("hides a group marked done until one of its questions is asked again", async () => {
    mockEmbeddings(() => json([0, 0, 0, 1]));
    await question("can i bring my dog", [0, 0, 0, 1], now - DAY, [[1, 3]]);
    await question("do you ship to canada", [0, 0, 1, 0], now - DAY, [[1, 1]]);
    const done = await owner<{ key: string; questions: number }>(`/admin/groups/${encodeURIComponent("can i bring my dog")}/done`, { method: "POST" });
    expect(done).toEqual({ status: 200, body: { collection: "default", key: "can i bring my dog", questions: 1 } });
    expect((await owner<Groups>("/admin/unanswered")).body.groups.map((g) => g.label)).toEqual(["do you ship to canada"]);
    expect((await owner<Groups>("/admin/unanswered?done=include")).body.groups.map((g) => [g.label, g.done])).toEqual([["can i bring my dog", true], ["do you ship to canada", false]]);
    await ask("/faq?q=can%20i%20bring%20my%20dog");
    expect((await owner<Groups>("/admin/unanswered")).body.groups.map((g) => g.label)).toContain("can i bring my dog");
    const unknown = await owner("/admin/groups/nothing%20like%20it/done", { method: "POST" });
    expect([unknown.status, errorCode(unknown.body)]).toEqual([404, "unknown_group"]);
    expect((await ask("/admin/groups/x/done", { method: "GET", headers: OWNER })).status).toBe(405);
  });

  // the dashboard's "last 7 days", as main.dashboard.js asks for it
  const week = () => `since=${day(now - 6 * DAY)}&until=${day(now)}`;
  const doneOf = async () => (await db.prepare("SELECT question_key, done_at IS NOT NULL AS done FROM unanswered_questions ORDER BY question_key").all()).results;

  it("marks done a group seen in a period that the 1,000 most asked questions of all time leave out, and hides it", async () => {
    const old = now - 60 * DAY;
    await db.batch(Array.from({ length: 1000 }, (_, i) => db.prepare("INSERT INTO unanswered_questions (question_key, text, count, first_seen, last_seen, degraded) VALUES (?1, ?1, 5, ?2, ?2, 1)").bind(`asked long ago ${i}`, old)));
    await question("can i bring my dog", [0, 0, 0, 1], now - DAY, [[1, 1]]);
    expect((await owner<Groups>(`/admin/unanswered?${week()}`)).body.groups.map((g) => g.key)).toEqual(["can i bring my dog"]);
    const done = await owner(`/admin/groups/${encodeURIComponent("can i bring my dog")}/done?${week()}`, { method: "POST" });
    expect(done).toEqual({ status: 200, body: { collection: "default", key: "can i bring my dog", questions: 1 } });
    expect((await owner<Groups>(`/admin/unanswered?${week()}`)).body).toMatchObject({ groups: [], total: 0 });
    expect((await owner<Groups>(`/admin/unanswered?${week()}&done=include`)).body.groups.map((g) => [g.key, g.done])).toEqual([["can i bring my dog", true]]);
  }, 20_000);

  it("marks done only the questions of the group the period shows, not those an all-time grouping would join to it", async () => {
    // asked before the period, and the same in meaning: over all time it would lead the dog's group
    await question("can i bring my cat", [0, 0, 0, 1], now - 60 * DAY, [[60, 10]]);
    await question("can i bring my dog", [0, 0, 0, 1], now - DAY, [[1, 1]]);
    expect((await owner<Groups>(`/admin/unanswered?${week()}`)).body.groups.map((g) => g.key)).toEqual(["can i bring my dog"]);
    const done = await owner(`/admin/groups/${encodeURIComponent("can i bring my dog")}/done?${week()}`, { method: "POST" });
    expect(done).toEqual({ status: 200, body: { collection: "default", key: "can i bring my dog", questions: 1 } });
    expect(await doneOf()).toEqual([{ question_key: "can i bring my cat", done: 0 }, { question_key: "can i bring my dog", done: 1 }]);
  });

  it("refuses a bad period on the done route as GET /admin/unanswered does, marking nothing", async () => {
    await question("can i bring my dog", [0, 0, 0, 1], now - DAY, [[1, 1]]);
    for (const [query, code] of [["since=2026-02-30", "invalid_since"], ["until=yesterday", "invalid_until"], ["since=2026-11-01T24:00Z", "invalid_since"]]) {
      const { status, body } = await owner(`/admin/groups/${encodeURIComponent("can i bring my dog")}/done?${query}`, { method: "POST" });
      expect([query, status, errorCode(body)]).toEqual([query, 400, code]);
    }
    expect(await doneOf()).toEqual([{ question_key: "can i bring my dog", done: 0 }]);
  });
});

describe("drafts", () => {
  type Draft = { id: number; collection: string; question: string; answer: string; groupKey: string | null };

  it("writes, lists, replaces and deletes a collection's drafts", async () => {
    const created = await owner<Draft>("/admin/drafts", post({ question: "  Can I bring my dog? ", answer: "Only guide dogs.", groupKey: "can i bring my dog" }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ collection: "default", question: "Can I bring my dog?", answer: "Only guide dogs.", groupKey: "can i bring my dog" });
    const listed = await owner<{ drafts: Draft[] }>("/admin/drafts");
    expect(listed.body.drafts.map((d) => d.id)).toEqual([created.body.id]);
    const replaced = await owner<Draft>(`/admin/drafts/${created.body.id}`, { ...post({ question: "Can I bring my dog?", answer: "Guide dogs are welcome." }), method: "PUT" });
    expect([replaced.status, replaced.body.answer]).toEqual([200, "Guide dogs are welcome."]);
    expect((await owner(`/admin/drafts/${created.body.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await owner<{ drafts: Draft[] }>("/admin/drafts")).body.drafts).toEqual([]);
  });

  it("refuses bad bodies and ids with stable codes", async () => {
    const cases: Array<[RequestInit, number, string]> = [
      [post("not json"), 400, "invalid_json"],
      [post({ question: "", answer: "a" }), 400, "invalid_question"],
      [post({ question: "q", answer: "   " }), 400, "invalid_answer"],
      [post({ question: "q", answer: "a", extra: 1 }), 400, "unknown_field"],
      [post({ question: "q", answer: "a".repeat(70_000) }), 413, "payload_too_large"],
      [post({ question: "q", answer: "a" }, { "Content-Type": "text/plain" }), 415, "unsupported_media_type"],
    ];
    for (const [init, status, code] of cases) {
      const response = await owner("/admin/drafts", init);
      expect([response.status, errorCode(response.body)]).toEqual([status, code]);
    }
    const notANumber = await owner("/admin/drafts/abc", { method: "DELETE" });
    expect([notANumber.status, errorCode(notANumber.body)]).toEqual([400, "invalid_draft_id"]);
    const missing = await owner("/admin/drafts/999", { method: "DELETE" });
    expect([missing.status, errorCode(missing.body)]).toEqual([404, "unknown_draft"]);
    expect((await ask("/admin/drafts", post({ question: "q", answer: "a" }))).status).toBe(401);
  });

  it("keeps a collection token to its collection's drafts", async () => {
    const token = "help-de-dashboard-token-0123456789";
    await db.prepare("INSERT INTO admin_tokens (id, collection, token_hash, created_at) VALUES ('t1', 'help-de', ?1, 1)").bind(await sha256Hex(token)).run();
    const mine = await owner<Draft>("/admin/drafts", post({ question: "q", answer: "a" }));
    const other = await ask(`/admin/drafts/${mine.body.id}`, { method: "DELETE", headers: { Authorization: `Bearer ${token}` } });
    expect([other.status, errorCode(await other.json())]).toEqual([404, "unknown_draft"]);
    const named = await ask("/admin/drafts?collection=default", { headers: { Authorization: `Bearer ${token}` } });
    expect([named.status, errorCode(await named.json())]).toEqual([403, "forbidden_collection"]);
  });
});

describe("the collection parameter of every owner's route", () => {
  const jsonBody = (method: string) => ({ method, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ question: "q", answer: "a" }) });
  const routes: Array<[string, string, RequestInit]> = [
    ["GET", "/admin/unanswered", {}],
    ["GET", "/admin/feedback", {}],
    ["GET", "/admin/stats", {}],
    ["POST", "/admin/groups/can%20i%20bring%20my%20dog/done", { method: "POST" }],
    ["GET", "/admin/drafts", {}],
    ["POST", "/admin/drafts", jsonBody("POST")],
    ["PUT", "/admin/drafts/{id}", jsonBody("PUT")],
    ["DELETE", "/admin/drafts/{id}", { method: "DELETE" }],
  ];

  it("refuses a malformed or empty name with 400 invalid_collection on every route, reading no index and writing nothing", async () => {
    await db.prepare("INSERT INTO unanswered_questions (question_key, text, count, first_seen, last_seen, degraded) VALUES ('can i bring my dog', 'can i bring my dog', 1, ?1, ?1, 0)").bind(Date.now()).run();
    const draft = await db.prepare("INSERT INTO drafts (collection, question, answer, created_at, updated_at) VALUES ('default', 'kept', 'as it was', 1, 1) RETURNING id").first<{ id: number }>();
    const kvGet = vi.spyOn(env.FAQ_KV, "get");
    const answers: string[] = [];
    const expected: string[] = [];
    for (const name of ["Foo%20Bar", "", "-x", "x".repeat(64)]) {
      for (const [method, path, init] of routes) {
        const url = `${path.replace("{id}", String(draft!.id))}?collection=${name}`;
        const { status, body } = await owner(url, init);
        answers.push(`${method} ${url}: ${status} ${errorCode(body)}`);
        expected.push(`${method} ${url}: 400 invalid_collection`);
      }
    }
    const kvReads = kvGet.mock.calls.length;
    kvGet.mockRestore();
    expect(answers).toEqual(expected);
    expect(kvReads).toBe(0);
    expect((await db.prepare("SELECT collection, question, answer, updated_at FROM drafts").all()).results).toEqual([{ collection: "default", question: "kept", answer: "as it was", updated_at: 1 }]);
    expect((await db.prepare("SELECT done_at FROM unanswered_questions").all()).results).toEqual([{ done_at: null }]);
  });
});
