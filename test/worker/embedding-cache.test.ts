import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { QueryEmbeddingCache } from "../../src/embed/query-embedding-cache";
import { faq, get, json, mockEmbeddings, publish, resetIndex } from "./helpers";

beforeAll(async () => {
  await resetIndex();
  await publish([faq("1", "one"), faq("2", "two")], [[1, 0, 0, 0], [0, 1, 0, 0]]);
});

const timing = (response: Response) => response.headers.get("server-timing") ?? "";

describe("query embedding cache", () => {
  it("embeds a repeated question once, whitespace aside", async () => {
    const calls = mockEmbeddings(() => json([1, 0, 0, 0]));
    const first = await get("/faq?q=how%20do%20I%20cache");
    expect(timing(first)).toContain('embedding;desc="upstream"');
    const second = await get("/faq?q=%20how%20%20do%20I%20cache%20");
    expect(second.status).toBe(200);
    expect(timing(second)).toContain('embedding;desc="memory"');
    expect(await second.json()).toMatchObject({ results: [{ id: "1" }, { id: "2" }] });
    expect(calls).toHaveLength(1);
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
    expect(await isolateA.get(env.EMBED_MODEL!, "shared question", embed)).toMatchObject({ source: "upstream" });
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
    const otherK = await get("/faq?q=etag%20please&k=1", { headers: { "If-None-Match": etag } });
    expect(otherK.status).toBe(200);
    expect(otherK.headers.get("etag")).not.toBe(etag);
    expect(calls).toHaveLength(1);
  });
});
