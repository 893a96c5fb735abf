import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { buildIndex } from "../../src/index-blob/build-index";
import { CHUNK_BYTES, chunkKey, pointerFor, splitBlob } from "../../src/index-store/keys";
import { xxh64Module } from "../../src/index-store/wasm/xxh64-module";
import { INDEX_MEMORY_BUDGET } from "../../src/index-store/index-cache";
import { isolate } from "../../src/isolate";
import { app } from "../../src/app";
import { faq, flipPointer, json, mockEmbeddings, resetIndex } from "./helpers";

// The shared test bindings say 4 dimensions; this index has 384.
const get = (path: string) => app.request(path, {}, { ...env, EMBED_DIM: String(384) });

const COUNT = 100_000;
const DIM = 384;

/** Deterministic unit vector for FAQ `i`: mostly noise, so every FAQ differs; `edition` changes them all. */
function vectorOf(i: number, edition = 0): Float32Array {
  let seed = i + 1 + edition * 7_919_993;
  const v = new Float32Array(DIM);
  for (let j = 0; j < DIM; j++) {
    seed = (Math.imul(seed, 1103515245) + 12345) | 0;
    v[j] = ((seed >>> 8) & 0xffff) / 0x8000 - 1;
  }
  return v;
}

/** Writes a 100k int8 version into KV and points at it. */
async function publishLarge(edition: number) {
  const records = Array.from({ length: COUNT }, (_, i) =>
    faq(String(i), `How do I configure feature ${i} for team ${i % 97}?`, { answer: `Open settings, choose feature ${i}, then save. Owners of team ${i % 97} can change it.`, category: `area-${i % 12}` }));
  const vectors = records.map((_, i) => vectorOf(i, edition));
  const builtAt = `2026-01-0${edition + 1}T00:00:00Z`;
  const { blob, version } = await buildIndex({ model: env.EMBED_MODEL!, builtAt, dim: DIM, records, vectors, encoding: "int8" });
  for (const [i, chunk] of splitBlob(blob).entries()) await env.FAQ_KV.put(chunkKey(version, i), chunk);
  await flipPointer(pointerFor(blob, { version, model: env.EMBED_MODEL!, dim: DIM, count: COUNT, builtAt }, xxh64Module));
  return { bytes: blob.byteLength, version };
}

let blobBytes = 0;
beforeAll(async () => {
  await resetIndex();
  blobBytes = (await publishLarge(0)).bytes;
}, 300_000);

describe("a 100k-FAQ index", () => {
  it("is stored in several KV values under the 25 MiB limit", () => {
    expect(blobBytes).toBeGreaterThan(CHUNK_BYTES);
    expect(CHUNK_BYTES).toBeLessThan(25 * 2 ** 20);
  });

  it("is served from its chunks, found by vector, filtered by category", async () => {
    mockEmbeddings(() => json(Array.from(vectorOf(77_777))));
    const health = (await (await get("/health")).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: "ok", count: COUNT, dim: DIM, vectors: "int8", kernel: "wasm-int8", bytes: blobBytes });

    const response = await get("/faq?q=feature%2077777&mode=semantic&k=3");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { results: Array<{ id: string; scores: { semantic: number } }> };
    expect(body.results[0]!.id).toBe("77777");
    expect(body.results[0]!.scores.semantic).toBeCloseTo(1, 2);

    const hybrid = (await (await get("/faq?q=configure%20feature%2077777&category=area-5")).json()) as { results: Array<{ id: string; category: string }> };
    expect(hybrid.results[0]!.id).toBe("77777");
    expect(hybrid.results.every((r) => r.category === "area-5")).toBe(true);
  });

  it("swaps to a new 100k version within the memory budget, reusing the memory in place", async () => {
    mockEmbeddings(() => json(Array.from(vectorOf(4_242, 1))));
    const before = (await (await get("/health")).json()) as { version: string };
    const served = isolate().collections.cacheOf("default")!.status().index!;
    const memory = served.memory!;

    const next = await publishLarge(1);
    const response = await get("/faq?q=feature%204242&mode=semantic&k=1");
    expect(response.status).toBe(200);
    expect(((await response.json()) as { results: Array<{ id: string }> }).results[0]!.id).toBe("4242");
    const health = (await (await get("/health")).json()) as { version: string };
    expect(health.version).toBe(next.version);
    expect(health.version).not.toBe(before.version);

    // Two versions and their chunks would not fit; the old one made room.
    expect(blobBytes * 2).toBeGreaterThan(INDEX_MEMORY_BUDGET);
    expect(isolate().collections.cacheOf("default")!.status().index!.memory).toBe(memory);
    expect(served.retired).toBe(true);
    const { peakBytes, heldBytes } = isolate().collections.cacheOf("default")!.memoryStats();
    expect(heldBytes).toBe(memory.buffer.byteLength);
    expect(peakBytes).toBeLessThanOrEqual(INDEX_MEMORY_BUDGET);
    console.log(`100k int8 swap: blob ${(next.bytes / 2 ** 20).toFixed(1)} MiB, held ${(heldBytes / 2 ** 20).toFixed(1)} MiB, peak ${(peakBytes / 2 ** 20).toFixed(1)} MiB (budget ${INDEX_MEMORY_BUDGET / 2 ** 20} MiB)`);
  }, 300_000);
});
