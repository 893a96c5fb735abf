/**
 * Several collections in one Worker, against miniflare's KV and D1: each
 * answers from its own keys, one's trouble never reaches another, unknown
 * names cost one KV read a minute, and a collection token opens one collection's view.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { app } from "../../src/app";
import type { Env } from "../../src/env";
import worker from "../../src/index";
import { collectionKeys } from "../../src/index-store/keys";
import { sha256Hex } from "../../src/sha256-hex";
import { faq, json, mockEmbeddings, publish, publishTo, resetIndex } from "./helpers";

const ADMIN_TOKEN = "collections-admin-token-0123456789";
const DE_TOKEN = "help-de-owner-token-abcdefghijklmnop";
const db = env.FAQ_DB!;

/**
 * One request, and everything it left to do after its answer (its inbox
 * flush) done before the next: a flush still running would take the next
 * test's questions in, after that test had looked for them.
 */
async function ask(path: string, init: RequestInit = {}, overrides: Partial<Env> = {}) {
  const ctx = createExecutionContext();
  const response = await app.request(path, init, { ...env, ADMIN_TOKEN, ...overrides }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}
const body = async (response: Response) => (await response.json()) as { answered: boolean; results: Array<{ id: string; question: string }>; error?: { code: string } };

/** answered when the first result's cosine is high: confidence = sigmoid(cosine), from 0.7 on */
const ANSWER = { model: { mean: Array(8).fill(0), scale: Array(8).fill(1), weights: [0, 0, 1, 0, 0, 0, 0, 0], bias: 0 }, threshold: 0.7, precision: 0.7 };

beforeAll(async () => {
  await resetIndex();
  await publish([faq("en-1", "How do I reset my password?"), faq("en-2", "Where are my invoices?")], [[1, 0, 0, 0], [0, 1, 0, 0]], undefined, 4, null, null, ANSWER);
  await publishTo("help-de", [faq("de-1", "Wie setze ich mein Passwort zurück?"), faq("de-2", "Wo finde ich meine Rechnungen?")], [[1, 0, 0, 0], [0, 1, 0, 0]], { answer: ANSWER });
});

beforeEach(async () => {
  await db.batch([db.prepare("DELETE FROM unanswered_questions"), db.prepare("DELETE FROM feedback"), db.prepare("DELETE FROM admin_tokens")]);
});

describe("collections side by side", () => {
  it("answers each collection from its own index, reading only its own keys", async () => {
    mockEmbeddings(() => json([1, 0, 0, 0]));
    const kvGet = vi.spyOn(env.FAQ_KV, "get");
    const de = await body(await ask("/faq?q=passwort&collection=help-de"));
    expect(de.results.map((r) => r.id)).toEqual(["de-1", "de-2"]);
    expect(kvGet.mock.calls.map((call) => String(call[0])).every((key) => key.startsWith("collections/") && key.includes("help-de"))).toBe(true);
    kvGet.mockClear();
    const en = await body(await ask("/faq?q=password"));
    expect(en.results.map((r) => r.id)).toEqual(["en-1", "en-2"]);
    expect(kvGet.mock.calls.every((call) => String(call[0]).startsWith("faq-index/"))).toBe(true);
  });

  it("shares the question's embedding between collections of one model, but not the answer or its ETag", async () => {
    const calls = mockEmbeddings(() => json([0, 1, 0, 0]));
    const de = await ask("/faq?q=rechnungen%20bitte&collection=help-de");
    const en = await ask("/faq?q=rechnungen%20bitte");
    expect(calls).toHaveLength(1);
    expect((await body(de)).results[0]!.id).toBe("de-2");
    expect((await body(en)).results[0]!.id).toBe("en-2");
    expect(de.headers.get("etag")).not.toBe(en.headers.get("etag"));
  });

  it("rolls one collection back without touching the other", async () => {
    mockEmbeddings(() => json([1, 0, 0, 0]));
    const keys = collectionKeys("rollback-a");
    const first = await publishTo("rollback-a", [faq("a1", "first version")], [[1, 0, 0, 0]]);
    await publishTo("rollback-a", [faq("a2", "second version")], [[1, 0, 0, 0]]);
    await publishTo("rollback-b", [faq("b1", "b stays")], [[1, 0, 0, 0]]);
    expect((await body(await ask("/faq?q=version&collection=rollback-a"))).results[0]!.id).toBe("a2");
    await env.FAQ_KV.put(keys.pointer, JSON.stringify(first.pointer));
    expect((await body(await ask("/faq?q=version&collection=rollback-a"))).results[0]!.id).toBe("a1");
    expect((await body(await ask("/faq?q=stays&collection=rollback-b"))).results[0]!.id).toBe("b1");
  });

  it("keeps serving the others when one collection was built with another model", async () => {
    mockEmbeddings(() => json([1, 0, 0, 0]));
    await publishTo("other-model", [faq("x", "built elsewhere")], [[1, 0, 0]], { model: "org/another-model", dim: 3 });
    const mismatch = await ask("/faq?q=anything&collection=other-model");
    expect([mismatch.status, (await body(mismatch)).error?.code]).toEqual([503, "model_mismatch"]);
    expect((await ask("/faq?q=password")).status).toBe(200);
    expect((await ask("/faq?q=passwort&collection=help-de")).status).toBe(200);
    expect((await ask("/health?collection=other-model")).status).toBe(503);
  });

  it("refuses a malformed name with 400 invalid_collection and an unknown one with 404 unknown_collection", async () => {
    for (const name of ["Help", "-x", "a_b", "x".repeat(64), "d%C3%A9"]) {
      const response = await ask(`/faq?q=hi&mode=lexical&collection=${name}`);
      expect([response.status, (await body(response)).error?.code]).toEqual([400, "invalid_collection"]);
    }
    const unknown = await ask("/faq?q=hi&mode=lexical&collection=nobody-here");
    expect([unknown.status, (await body(unknown)).error?.code]).toEqual([404, "unknown_collection"]);
  });

  it("reads the pointer of each of N random unknown names once, however often they are asked", async () => {
    const kvGet = vi.spyOn(env.FAQ_KV, "get");
    const names = Array.from({ length: 20 }, (_, i) => `storm-${i}-${Math.random().toString(36).slice(2, 8)}`);
    for (let round = 0; round < 3; round++) {
      for (const name of names) expect((await ask(`/faq?q=hi&mode=lexical&collection=${name}`)).status).toBe(404);
    }
    expect(kvGet).toHaveBeenCalledTimes(names.length);
  });

  it("answers only the origins a collection allows, when it narrows ALLOWED_ORIGINS", async () => {
    mockEmbeddings(() => json([1, 0, 0, 0]));
    await publishTo("narrow", [faq("n", "only for one site")], [[1, 0, 0, 0]], { allowedOrigins: ["https://de.example"] });
    const other = await ask("/faq?q=site&collection=narrow", { headers: { Origin: "https://other.example" } });
    expect([other.status, (await body(other)).error?.code]).toEqual([403, "origin_not_allowed"]);
    expect((await ask("/faq?q=site&collection=narrow", { headers: { Origin: "https://de.example" } })).status).toBe(200);
    expect((await ask("/faq?q=site&collection=narrow")).status).toBe(200);
  });
});

describe("the inbox per collection", () => {
  const embedUnknown = () => mockEmbeddings(() => json([0, 0, 0, 1]));
  const owner = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
  const createToken = async (token: string, collection: string, revokedAt: number | null = null) =>
    db.prepare("INSERT INTO admin_tokens (id, collection, token_hash, created_at, revoked_at) VALUES (?1, ?2, ?3, 1, ?4)")
      .bind(token.slice(0, 6), collection, await sha256Hex(token), revokedAt).run();

  it("files each question and feedback under the collection it was asked of", async () => {
    embedUnknown();
    await ask("/faq?q=Kann%20ich%20meinen%20Hund%20mitbringen&collection=help-de");
    await ask("/faq?q=Can%20I%20bring%20my%20dog");
    const feedback = await ask("/feedback", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ query: "passwort", id: "de-1", helpful: true, collection: "help-de" }) });
    expect(feedback.status).toBe(204);
    const unknownId = await ask("/feedback", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ query: "passwort", id: "en-1", helpful: true, collection: "help-de" }) });
    expect((await body(unknownId)).error?.code).toBe("unknown_id");
    const rows = (await db.prepare("SELECT collection, question_key FROM unanswered_questions ORDER BY collection").all()).results;
    expect(rows).toEqual([{ collection: "default", question_key: "can i bring my dog" }, { collection: "help-de", question_key: "kann ich meinen hund mitbringen" }]);
    expect((await db.prepare("SELECT collection, faq_id FROM feedback").all()).results).toEqual([{ collection: "help-de", faq_id: "de-1" }]);
  });

  it("lets a collection token read its own collection only, by any parameter; ADMIN_TOKEN reads any", async () => {
    embedUnknown();
    await ask("/faq?q=Kann%20ich%20meinen%20Hund%20mitbringen&collection=help-de");
    await ask("/faq?q=Can%20I%20bring%20my%20dog");
    await createToken(DE_TOKEN, "help-de");
    const own = (await (await ask("/admin/unanswered", owner(DE_TOKEN))).json()) as { collection: string; groups: Array<{ label: string }> };
    expect([own.collection, own.groups.map((g) => g.label)]).toEqual(["help-de", ["Kann ich meinen Hund mitbringen"]]);
    for (const path of ["/admin/unanswered?collection=default", "/admin/feedback?collection=default", "/admin/unanswered?collection=other&format=csv"]) {
      const refused = await ask(path, owner(DE_TOKEN));
      expect([path, refused.status, (await body(refused)).error?.code]).toEqual([path, 403, "forbidden_collection"]);
    }
    // its own collection's pointer is read, and nothing is listed: a deployment of a thousand collections costs it one read
    const kvCalls: string[] = [];
    const countingKv = new Proxy(env.FAQ_KV, {
      get: (target, property) => {
        const value = Reflect.get(target, property);
        return typeof value === "function" ? (...args: unknown[]) => (kvCalls.push(`${String(property)} ${typeof args[0] === "string" ? args[0] : "(options)"}`), value.apply(target, args)) : value;
      },
    });
    const listed = (await (await ask("/admin/collections", owner(DE_TOKEN), { FAQ_KV: countingKv })).json()) as { collections: Array<{ name: string }> };
    expect(listed.collections.map((c) => c.name)).toEqual(["help-de"]);
    expect(kvCalls).toEqual(["get collections/pointer/help-de"]);
    const all = (await (await ask("/admin/collections", owner(ADMIN_TOKEN))).json()) as { collections: Array<{ name: string; count: number; model: string }> };
    expect(all.collections[0]).toMatchObject({ name: "default", count: 2 });
    expect(all.collections.map((c) => c.name)).toContain("help-de");
    const main = (await (await ask("/admin/unanswered", owner(ADMIN_TOKEN))).json()) as { groups: Array<{ label: string }> };
    expect(main.groups.map((g) => g.label)).toEqual(["Can I bring my dog"]);
  });

  it("refuses a revoked token with 401, and any token when ADMIN_TOKEN is not set", async () => {
    await createToken(DE_TOKEN, "help-de", Date.now());
    expect((await ask("/admin/unanswered", owner(DE_TOKEN))).status).toBe(401);
    await db.prepare("UPDATE admin_tokens SET revoked_at = NULL").run();
    expect((await ask("/admin/unanswered", owner(DE_TOKEN))).status).toBe(200);
    expect((await ask("/admin/unanswered", owner(DE_TOKEN), { ADMIN_TOKEN: undefined })).status).toBe(404);
  });

  it("answers 503 no_database, never 401, when the database cannot be read to check a collection token", async () => {
    const failures: Array<[string, D1Database]> = [
      ["throws", { prepare: () => { throw new Error("D1_ERROR: no such table: admin_tokens"); } } as unknown as D1Database],
      ["rejects", { prepare: () => ({ bind: () => ({ first: () => Promise.reject(new Error("D1_ERROR: database is locked")) }) }) } as unknown as D1Database],
    ];
    for (const [how, failing] of failures) {
      for (const path of ["/admin/collections", "/admin/unanswered"]) {
        const response = await ask(path, owner(DE_TOKEN), { FAQ_DB: failing });
        expect([how, path, response.status, (await body(response)).error?.code, response.headers.get("www-authenticate")]).toEqual([how, path, 503, "no_database", null]);
      }
    }
    // the same token is let in once the database answers, and a token it does not know is still 401
    await createToken(DE_TOKEN, "help-de");
    expect((await ask("/admin/collections", owner(DE_TOKEN))).status).toBe(200);
    expect((await ask("/admin/collections", owner("not-a-token-of-anyone-0123456789"))).status).toBe(401);
  });

  it("keeps MAX_LOGGED_QUESTIONS per collection in the daily job", async () => {
    const insert = (collection: string, key: string, lastSeen: number) =>
      db.prepare("INSERT INTO unanswered_questions (collection, question_key, text, count, first_seen, last_seen, degraded) VALUES (?1, ?2, ?2, 1, ?3, ?3, 0)").bind(collection, key, lastSeen);
    const now = Date.now();
    await db.batch([
      ...[1, 2, 3].map((i) => insert("busy", `busy ${i}`, now - i * 1000)),
      insert("quiet", "quiet 1", now - 10_000_000),
    ]);
    await worker.scheduled(createScheduledController({ scheduledTime: now }), { ...env, MAX_LOGGED_QUESTIONS: "2" });
    const kept = (await db.prepare("SELECT question_key FROM unanswered_questions ORDER BY question_key").all<{ question_key: string }>()).results.map((r) => r.question_key);
    expect(kept).toEqual(["busy 1", "busy 2", "quiet 1"]);
  });
});
