import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isolate } from "../../src/isolate";
import { faq, get, json, mockEmbeddings, publish, resetIndex } from "./helpers";

const FAQS = [faq("1", "How do I reset my password?"), faq("2", "Where are my invoices?")];
const VECTORS = [[1, 0, 0, 0], [0, 1, 0, 0]];

/**
 * Brings the isolate to where it stands before its first index: nothing
 * served, and nothing known to be wrong. Reached through a KV failure (the
 * index cache then retries at the next request), since the test isolate has
 * already served other indexes.
 */
async function beforeFirstIndex() {
  await publish(FAQS, VECTORS);
  vi.spyOn(env.FAQ_KV, "get").mockRejectedValueOnce(new Error("KV GET failed: 500"));
  const calls = mockEmbeddings(() => json([1, 0, 0, 0]));
  const failed = await get("/faq?q=first%20try");
  expect(failed.status).toBe(503);
  expect(((await failed.json()) as { error: { code: string } }).error.code).toBe("index_unavailable");
  // with an empty KV the index is known to be missing, so that request did not embed
  expect(calls).toHaveLength(0);
  expect(isolate().collections.awaitingFirstIndex("default")).toBe(true);
  vi.restoreAllMocks();
}

/** Holds every chunk read until `release` is called (or `holdMs` pass), recording what happened in `events`. */
function holdChunkReads(events: string[], holdMs = 1000) {
  const original = env.FAQ_KV.get.bind(env.FAQ_KV);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, holdMs));
  vi.spyOn(env.FAQ_KV, "get").mockImplementation((async (key: string, type: "arrayBuffer") => {
    if (!key.startsWith("faq-index/blob/")) return original(key, type);
    await Promise.race([released, timeout]);
    events.push("chunk read");
    return original(key, type);
  }) as typeof env.FAQ_KV.get);
  return () => release();
}

beforeEach(resetIndex);
// Every test asks its own question: embeddings are cached per isolate, and a cached one never reaches the mock.
afterEach(() => vi.restoreAllMocks());

describe("an isolate's first index load", () => {
  it("embeds the question while the index is read from KV, and answers with both", async () => {
    await beforeFirstIndex();
    const events: string[] = [];
    // held long enough that a loaded machine cannot make the embedding late; released by the embedding itself
    const release = holdChunkReads(events, 10_000);
    const calls = mockEmbeddings(() => {
      events.push("embedding asked");
      release();
      return json([1, 0, 0, 0]);
    });
    const response = await get("/faq?q=reset%20my%20password&k=2");
    expect(response.status).toBe(200);
    expect(((await response.json()) as { results: Array<{ id: string }> }).results.map((r) => r.id)).toEqual(["1", "2"]);
    // Had the embedding waited for the index, the chunk read would come first (after the hold's timeout).
    expect(events).toEqual(["embedding asked", "chunk read"]);
    expect(calls).toHaveLength(1);
  });

  it("refuses an early embedding of another width than the index, as it refuses a malformed one", async () => {
    await beforeFirstIndex();
    mockEmbeddings(() => json([1, 0, 0, 0, 0]));
    // semantic mode: the failure is the answer (hybrid would degrade to words)
    const response = await get("/faq?q=a%20question%20of%20another%20width&mode=semantic");
    expect(response.status).toBe(502);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("upstream_bad_response");
  });

  it("does not embed ahead where no embedding may be needed", async () => {
    await beforeFirstIndex();
    const events: string[] = [];
    holdChunkReads(events, 50);
    const calls = mockEmbeddings(() => {
      events.push("embedding asked");
      return json([1, 0, 0, 0]);
    });
    // a revalidation may end in a 304: the embedding waits for the index
    const revalidated = await get("/faq?q=a%20question%20to%20revalidate", { headers: { "If-None-Match": 'W/"an-old-version-0"' } });
    expect(revalidated.status).toBe(200);
    expect(events).toEqual(["chunk read", "embedding asked"]);
    expect(calls).toHaveLength(1);
  });

  it("does not embed for words alone, nor when no index is published", async () => {
    await beforeFirstIndex();
    const calls = mockEmbeddings(() => json([1, 0, 0, 0]));
    const lexical = await get("/faq?q=reset%20my%20password&mode=lexical");
    expect(lexical.status).toBe(200);
    expect(calls).toHaveLength(0);
    await resetIndex();
    const missing = await get("/faq?q=where%20are%20my%20invoices");
    expect(missing.status).toBe(503);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("no_index");
    expect(calls).toHaveLength(0);
  });
});
