import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { buildIndex } from "../../src/index-blob/build-index";
import { CHUNK_BYTES } from "../../src/index-store/keys";
import { app } from "../../src/app";
import { chunkKey, pointerFor, splitBlob } from "../../src/index-store/keys";
import { faq, flipPointer, json, mockEmbeddings, resetIndex } from "./helpers";

// The shared test bindings say 4 dimensions; this index has 384.
const get = (path: string) => app.request(path, {}, { ...env, EMBED_DIM: String(384) });

const COUNT = 100_000;
const DIM = 384;

/** Deterministic unit vector for FAQ `i`: mostly noise, so every FAQ differs. */
function vectorOf(i: number): Float32Array {
  let seed = i + 1;
  const v = new Float32Array(DIM);
  for (let j = 0; j < DIM; j++) {
    seed = (Math.imul(seed, 1103515245) + 12345) | 0;
    v[j] = ((seed >>> 8) & 0xffff) / 0x8000 - 1;
  }
  return v;
}

let blobBytes = 0;
beforeAll(async () => {
  await resetIndex();
  const records = Array.from({ length: COUNT }, (_, i) =>
    faq(String(i), `How do I configure feature ${i} for team ${i % 97}?`, { answer: `Open settings, choose feature ${i}, then save. Owners of team ${i % 97} can change it.`, category: `area-${i % 12}` }));
  const vectors = records.map((_, i) => vectorOf(i));
  const { blob, version } = await buildIndex({ model: env.EMBED_MODEL!, builtAt: "2026-01-01T00:00:00Z", dim: DIM, records, vectors, encoding: "int8" });
  blobBytes = blob.byteLength;
  const chunks = splitBlob(blob);
  for (const [i, chunk] of chunks.entries()) await env.FAQ_KV.put(chunkKey(version, i), chunk);
  await flipPointer(pointerFor(blob, { version, model: env.EMBED_MODEL!, dim: DIM, count: COUNT, builtAt: "2026-01-01T00:00:00Z" }));
}, 300_000);

describe("a 100k-FAQ index", () => {
  it("is stored in several KV values under the 25 MiB limit, and leaves room in 128 MB", () => {
    expect(blobBytes).toBeGreaterThan(CHUNK_BYTES);
    expect(CHUNK_BYTES).toBeLessThan(25 * 2 ** 20);
    // Vectors (int8 and residuals), texts and postings together, held once in
    // the kernel's memory; loading adds at most two chunks (20 MiB) in flight.
    expect(blobBytes + 2 * CHUNK_BYTES).toBeLessThan(108 * 2 ** 20);
  });

  it("is served from its chunks, found by vector, filtered by category", async () => {
    mockEmbeddings(() => json(Array.from(vectorOf(77_777))));
    const health = (await (await get("/health")).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: "ok", count: COUNT, dim: DIM, vectors: "int8", bytes: blobBytes });

    const response = await get("/faq?q=feature%2077777&mode=semantic&k=3");
    expect(response.status).toBe(200);
    expect(response.headers.get("server-timing")).toContain('kernel;desc="wasm-int8"');
    const body = (await response.json()) as { results: Array<{ id: string; scores: { semantic: number } }> };
    expect(body.results[0]!.id).toBe("77777");
    expect(body.results[0]!.scores.semantic).toBeCloseTo(1, 2);

    const hybrid = (await (await get("/faq?q=configure%20feature%2077777&category=area-5")).json()) as { results: Array<{ id: string; category: string }> };
    expect(hybrid.results[0]!.id).toBe("77777");
    expect(hybrid.results.every((r) => r.category === "area-5")).toBe(true);
  });
});
