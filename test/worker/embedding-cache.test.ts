import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { app } from "../../src/app";
import { QueryEmbeddingCache } from "../../src/embed/query-embedding-cache";
import { faq, get, json, mockEmbeddings, publish, resetIndex } from "./helpers";

beforeAll(async () => {
  await resetIndex();
  await publish([faq("1", "one"), faq("2", "two")], [[1, 0, 0, 0], [0, 1, 0, 0]]);
});

const timing = (response: Response) => response.headers.get("server-timing") ?? "";

describe("query embedding cache", () => {
  it("embeds a repeated question once, whitespace and invisible characters aside", async () => {
    const calls = mockEmbeddings(() => json([1, 0, 0, 0]));
    const first = await get("/faq?q=how%20do%20I%20cache");
    expect(first.status).toBe(200);
    const second = await get("/faq?q=%20how%20%20do%E2%80%8B%20I%20cache%20");
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ query: "how do I cache", results: [{ id: "1" }, { id: "2" }] });
    expect(calls).toEqual([{ inputs: "how do I cache", authorization: expect.any(String) }]);
  });

  it("never says in Server-Timing where an embedding came from: durations only", async () => {
    mockEmbeddings(() => json([1, 0, 0, 0]));
    for (let i = 0; i < 2; i++) {
      const header = timing(await get("/faq?q=who%20asked%20this%20before"));
      expect(header).toMatch(/^index;dur=[\d.]+,embed;dur=[\d.]+,search;dur=[\d.]+,total;dur=[\d.]+$/);
      expect(header).not.toMatch(/memory|cache|upstream|kernel|degraded/);
    }
  });

  it("answers even when storing the embedding in the Cache API fails", async () => {
    const calls = mockEmbeddings(() => json([0, 1, 0, 0]));
    const put = vi.spyOn(caches.default, "put").mockRejectedValue(new Error("cache unavailable"));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const response = await get("/faq?q=cache%20put%20fails&mode=semantic");
    expect(response.status).toBe(200);
    expect(((await response.json()) as { results: Array<{ id: string }> }).results[0]!.id).toBe("2");
    await vi.waitFor(() => expect(put).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith("query embedding not stored in the Cache API: Error"));
    expect(calls).toHaveLength(1);
  });

  it("answers even when reading the Cache API fails", async () => {
    const calls = mockEmbeddings(() => json([0, 1, 0, 0]));
    vi.spyOn(caches.default, "match").mockRejectedValue(new Error("cache unavailable"));
    const response = await get("/faq?q=cache%20match%20fails&mode=semantic");
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it("embeds once when an identical question's Cache API lookup outlasts the first question's embedding", async () => {
    // the second lookup is held until the first question has been embedded and answered
    let releaseSecond!: () => void;
    const secondHeld = new Promise<void>((resolve) => (releaseSecond = resolve));
    let lookups = 0;
    const store = { match: async () => (++lookups === 2 ? (await secondHeld, undefined) : undefined), put: async () => undefined } as unknown as Cache;
    const cache = new QueryEmbeddingCache({ cacheStore: store });
    let upstream = 0;
    const embed = async () => (upstream++, Float32Array.from([1, 0, 0, 0]));
    const first = cache.get("m", "same question", embed);
    const second = cache.get("m", "same question", embed);
    expect((await first).source).toBe("upstream");
    releaseSecond();
    expect((await second).source).toBe("memory");
    expect(upstream).toBe(1);
  });

  it("makes one upstream call for identical concurrent questions", async () => {
    const calls = mockEmbeddings(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return json([0, 1, 0, 0]);
    });
    const responses = await Promise.all(Array.from({ length: 5 }, () => get("/faq?q=asked%20by%20five")));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(calls).toHaveLength(1);
  });

  it("shares embeddings between isolates through the Cache API", async () => {
    const calls = mockEmbeddings(() => json([1, 0, 0, 0]));
    const store = await caches.open("embedding-cache-test");
    let upstream = 0;
    const embed = async () => {
      upstream++;
      return new Float32Array([0.5, 0.5, 0.5, 0.5]);
    };
    const isolateA = new QueryEmbeddingCache({ cacheStore: store });
    const isolateB = new QueryEmbeddingCache({ cacheStore: store });
    const deferred: Array<Promise<unknown>> = [];
    expect(await isolateA.get(env.EMBED_MODEL!, "shared question", embed, (work) => deferred.push(work))).toMatchObject({ source: "upstream" });
    expect(deferred).toHaveLength(1); // the store runs after the answer, as ctx.waitUntil work
    await Promise.all(deferred);
    const fromB = await isolateB.get(env.EMBED_MODEL!, "shared question", embed);
    expect(fromB.source).toBe("cache");
    expect(Array.from(fromB.vector)).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(upstream).toBe(1);
    // another model is another key
    expect((await isolateB.get("other/model", "shared question", embed)).source).toBe("upstream");
    expect(calls).toHaveLength(0);
  });

  it("tags answers with an ETag of the index version and answers 304 without embedding", async () => {
    const calls = mockEmbeddings(() => json([1, 0, 0, 0]));
    const first = await get("/faq?q=etag%20please&k=2");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"[0-9a-f]{32}-[0-9a-f]{16}"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=0");
    const again = await get("/faq?q=etag%20please&k=2", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    const otherK = await get("/faq?q=etag%20please&k=1", { headers: { "If-None-Match": etag } });
    expect(otherK.status).toBe(200);
    expect(otherK.headers.get("etag")).not.toBe(etag);
    expect(calls).toHaveLength(1);
  });

  it("follows RFC 9110 for If-None-Match: weak comparison, lists and *", async () => {
    const calls = mockEmbeddings(() => json([1, 0, 0, 0]));
    const path = "/faq?q=revalidate%20me";
    const etag = (await get(path)).headers.get("etag")!;
    const strong = etag.slice(2);
    for (const header of [etag, strong, `"elsewhere", ${etag}`, `W/"a" , ${strong}`, "*"]) {
      expect((await get(path, { headers: { "If-None-Match": header } })).status, header).toBe(304);
    }
    for (const header of ['W/"elsewhere"', etag.slice(3, -1), `${etag} trailing`]) {
      expect((await get(path, { headers: { "If-None-Match": header } })).status, header).toBe(200);
    }
    expect(calls).toHaveLength(1);
  });

  it("lets shared caches keep full answers for INDEX_RECHECK_SECONDS", async () => {
    mockEmbeddings(() => json([1, 0, 0, 0]));
    const response = await app.request("/faq?q=cached%20for%20a%20minute", {}, { ...env, INDEX_RECHECK_SECONDS: "60" });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    expect(response.headers.get("etag")).toMatch(/^W\/"/);
  });
});
