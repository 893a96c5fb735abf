import { beforeAll, describe, expect, it, vi } from "vitest";
import { parseFaqParams } from "../../src/api/faq-query";
import { AnswerCache } from "../../src/http/answer-cache";
import { isolate } from "../../src/isolate";
import { faq, get, json, mockEmbeddings, publish, resetIndex } from "./helpers";

const FAQS = [faq("1", "How do I reset my password?"), faq("2", "Where are my invoices?")];
const VECTORS = [[1, 0, 0, 0], [0, 1, 0, 0]];

/** The key the route files an answer under: the index version and the parsed parameters. */
const keyFor = (version: string, query: Record<string, string>) => AnswerCache.key(version, JSON.stringify(parseFaqParams(query)));

beforeAll(async () => {
  await resetIndex();
});

describe("answer cache", () => {
  it("keeps the body of an answered question under its index version and parameters, and answers the repeat with it", async () => {
    const { version } = await publish(FAQS, VECTORS);
    const calls = mockEmbeddings(() => json([1, 0, 0, 0]));
    const first = await get("/faq?q=reset%20password&k=2");
    expect(first.status).toBe(200);
    const body = await first.text();
    expect(JSON.parse(body)).toMatchObject({ answered: true, degraded: false, results: [{ id: "1" }, { id: "2" }] });
    expect(isolate().answers.get(keyFor(version, { q: "reset password", k: "2" }))).toBe(body);

    const repeat = await get("/faq?q=reset%20password&k=2");
    expect(repeat.status).toBe(200);
    expect(repeat.headers.get("content-type")).toBe("application/json");
    expect(repeat.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(repeat.headers.get("cache-control")).toBe(first.headers.get("cache-control"));
    // the same Server-Timing names as a full answer: which path answered is not told
    expect(repeat.headers.get("server-timing")).toMatch(/^index;dur=[\d.]+,embed;dur=[\d.]+,search;dur=[\d.]+,total;dur=[\d.]+$/);
    expect(await repeat.text()).toBe(body);
    expect(calls).toHaveLength(1);
  });

  it("answers anew once another index version is served", async () => {
    mockEmbeddings(() => json([1, 0, 0, 0]));
    await publish(FAQS, VECTORS);
    await get("/faq?q=which%20version");
    const { version } = await publish([faq("3", "A new question"), ...FAQS], [[1, 0, 0, 0], ...VECTORS]);
    await get("/health"); // the pointer is read again: the test settings recheck it at once
    const after = await (await get("/faq?q=which%20version")).text();
    expect((JSON.parse(after) as { results: Array<{ id: string }> }).results.map((r) => r.id)).toEqual(["1", "3", "2"]);
    expect(isolate().answers.get(keyFor(version, { q: "which version" }))).toBe(after);
  });

  it("keeps neither unanswered nor degraded answers", async () => {
    const { version } = await publish(FAQS, VECTORS, undefined, 4, 0.9); // an answer needs a clear lead
    mockEmbeddings(() => json([0.5, 0.5, 0.5, 0.5]));
    const unanswered = await get("/faq?q=something%20else%20entirely");
    expect(((await unanswered.json()) as { answered: boolean }).answered).toBe(false);
    expect(isolate().answers.get(keyFor(version, { q: "something else entirely" }))).toBeUndefined();

    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    mockEmbeddings(() => json({ error: "boom" }, 500));
    const degraded = await get("/faq?q=password%20invoices%20outage");
    expect(degraded.status).toBe(200);
    expect(((await degraded.json()) as { degraded: boolean }).degraded).toBe(true);
    expect(isolate().answers.get(keyFor(version, { q: "password invoices outage" }))).toBeUndefined();
  });

  it("does not keep a body longer than its limit", () => {
    const cache = new AnswerCache(2, 10);
    cache.set("short", "0123456789");
    cache.set("long", "0123456789a");
    expect(cache.get("short")).toBe("0123456789");
    expect(cache.get("long")).toBeUndefined();
    cache.set("second", "b");
    cache.set("third", "c"); // capacity 2: the least recently used ("short") goes
    expect(cache.get("short")).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});
