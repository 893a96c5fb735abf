import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { FIELD, SECTION } from "../../src/index-blob/format";
import { checksumsOf } from "../../src/index-store/chunk-checksum";
import { CHUNK_BYTES, chunkKey } from "../../src/index-store/keys";
import { xxh64Module } from "../../src/index-store/wasm/xxh64-module";
import { faq, flipPointer, get, json, mockEmbeddings, publish, resetIndex, storeBlob } from "./helpers";

const RECORDS = [faq("1", "one"), faq("2", "two")];
const VECTORS = [[1, 0, 0, 0], [0, 1, 0, 0]];

async function expectUnavailable(code: string) {
  const calls = mockEmbeddings(() => json([1, 0, 0, 0]));
  const response = await get("/faq?q=one");
  expect(response.status).toBe(503);
  expect(await response.json()).toEqual({ error: { code, message: expect.any(String) } });
  const health = await get("/health");
  expect(health.status).toBe(503);
  expect(await health.json()).toMatchObject({ status: code, error: { code } });
  // An unusable index is refused before any money is spent on embedding.
  expect(calls).toHaveLength(0);
}

/** Stores a copy of a valid blob after `damage` and points at it under the valid version. */
async function publishDamaged(damage: (bytes: Uint8Array) => Uint8Array, records = RECORDS) {
  const { blob, pointer } = await storeBlob(records, VECTORS);
  const damaged = damage(new Uint8Array(blob.slice(0)));
  await env.FAQ_KV.put(chunkKey(pointer.version, 0), damaged);
  // the pointer still gives the original size, as a truncated upload would
  await flipPointer(pointer);
}

/** Where the vectors section of a blob starts. */
const vectorsAt = (blob: Uint8Array) => new DataView(blob.buffer, blob.byteOffset).getUint32(FIELD.sections + 8 * SECTION.vectors, true);

beforeEach(resetIndex);

describe("index states", () => {
  it("reports no_index while KV holds none", async () => {
    await expectUnavailable("no_index");
  });

  it("describes the served index on /health", async () => {
    const { version } = await publish(RECORDS, VECTORS);
    const response = await get("/health");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { bytes: number; indexMemory: { heldBytes: number; peakBytes: number } };
    expect(body).toEqual({
      status: "ok", collection: "default", version, model: "test/tiny-model", dim: 4, count: 2, builtAt: "2026-01-02T03:04:05.000Z",
      vectors: "f32", kernel: "wasm-f32", bytes: expect.any(Number), latestRejected: null,
      inbox: { logging: true, pending: 0, written: expect.any(Number), dropped: 0, failed: expect.any(Number), retrying: 0 },
      indexMemory: { heldBytes: expect.any(Number), peakBytes: expect.any(Number), budgetBytes: 100 * 2 ** 20, collectionsLoaded: 1 },
    });
    // the blob and the kernels' scratch, in whole WebAssembly pages
    expect(body.indexMemory.heldBytes).toBeGreaterThan(body.bytes);
    expect(body.indexMemory.peakBytes).toBeGreaterThanOrEqual(body.indexMemory.heldBytes);
  });

  it.each([
    ["a flipped bit in the matrix", (b: Uint8Array) => { b[vectorsAt(b)]! ^= 0x01; return b; }],
    ["a flipped bit in the metadata", (b: Uint8Array) => { b[200]! ^= 0x01; return b; }],
    ["a truncated blob", (b: Uint8Array) => b.slice(0, b.length - 10)],
    ["a blob with a bad magic", (b: Uint8Array) => { b[0] = 0; return b; }],
  ])("refuses %s with index_corrupt", async (_name, damage) => {
    await publishDamaged(damage);
    await expectUnavailable("index_corrupt");
  });

  it("refuses a pointer to a missing blob", async () => {
    const { pointer } = await storeBlob(RECORDS, VECTORS);
    await env.FAQ_KV.delete(chunkKey(pointer.version, 0));
    await flipPointer(pointer);
    await expectUnavailable("index_corrupt");
  });

  it("reports a KV that cannot be read as 503 index_unavailable, with Retry-After, and recovers", async () => {
    await storeBlob(RECORDS, VECTORS).then(({ pointer }) => flipPointer(pointer));
    const failing = vi.spyOn(env.FAQ_KV, "get").mockRejectedValue(new Error("KV GET failed: 503 Service Unavailable"));
    const response = await get("/faq?q=one&mode=lexical");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({ error: { code: "index_unavailable", message: "The index store could not be read just now; try again shortly." } });
    expect(await (await get("/health")).json()).toMatchObject({ status: "index_unavailable" });
    failing.mockRestore();
    const recovered = await get("/faq?q=one&mode=lexical");
    expect(await recovered.json()).toMatchObject({ results: [{ id: "1" }] });
  });

  it("refuses a chunk that fails the pointer's checksum", async () => {
    const { pointer } = await storeBlob(RECORDS, VECTORS);
    await flipPointer({ ...pointer, checksums: ["0123456789abcdef"] });
    await expectUnavailable("index_corrupt");
  });

  it("checks a blob by the pointer's chunk checksums alone, not by hashing it again (the seed checked its SHA-256 on read-back)", async () => {
    // A blob damaged (in its first vector) before its checksums were taken: only SHA-256 can tell.
    const { blob, pointer } = await storeBlob(RECORDS, VECTORS);
    const damaged = new Uint8Array(blob.slice(0));
    damaged[vectorsAt(damaged)]! ^= 0x01;
    await env.FAQ_KV.put(chunkKey(pointer.version, 0), damaged);
    await flipPointer({ ...pointer, checksums: checksumsOf(xxh64Module, damaged, CHUNK_BYTES) });
    expect((await get("/faq?q=one&mode=lexical")).status).toBe(200);
  });

  it("hashes the whole blob with SHA-256 when the pointer has no checksums (written before they were added)", async () => {
    const { blob, pointer } = await storeBlob(RECORDS, VECTORS);
    const { checksums: _, ...older } = pointer;
    await flipPointer(older);
    expect(await (await get("/faq?q=one&mode=lexical")).json()).toMatchObject({ results: [{ id: "1" }] });

    await resetIndex();
    const damaged = new Uint8Array(blob.slice(0));
    damaged[vectorsAt(damaged)]! ^= 0x01;
    await env.FAQ_KV.put(chunkKey(pointer.version, 0), damaged);
    await flipPointer(older);
    await expectUnavailable("index_corrupt");
  });

  it("refuses a malformed pointer", async () => {
    await flipPointer("{not json");
    await expectUnavailable("index_corrupt");
  });

  it("refuses a valid blob stored under another version", async () => {
    const first = await storeBlob(RECORDS, VECTORS);
    const second = await storeBlob([faq("9", "nine")], [[0, 0, 0, 1]]);
    await env.FAQ_KV.put(chunkKey(first.version, 0), second.blob);
    await flipPointer({ ...first.pointer, bytes: second.blob.byteLength });
    await expectUnavailable("index_corrupt");
  });

  it("refuses an index built with another model", async () => {
    await publish(RECORDS, VECTORS, "someone/other-model");
    await expectUnavailable("model_mismatch");
  });

  it("refuses an index of another dimension", async () => {
    await publish(RECORDS, [[1, 0, 0], [0, 1, 0]], "test/tiny-model", 3);
    await expectUnavailable("model_mismatch");
  });

  // A different FAQ set, so each bad newer version differs from the one in memory.
  const EDITED = [faq("1", "one, edited"), faq("2", "two")];
  it.each([
    ["a flipped bit", "index_corrupt", () => publishDamaged((b) => { b[150]! ^= 0xff; return b; }, EDITED)],
    ["a truncated blob", "index_corrupt", () => publishDamaged((b) => b.slice(0, b.length - 100), EDITED)],
    ["a pointer to a missing blob", "index_corrupt", async () => {
      const { pointer } = await storeBlob(EDITED, VECTORS);
      await env.FAQ_KV.delete(chunkKey(pointer.version, 0));
      await flipPointer(pointer);
    }],
    ["the wrong model", "model_mismatch", () => publish(EDITED, VECTORS, "someone/other-model")],
  ])("keeps serving the last good version when a newer one has %s", async (_name, code, publishBad) => {
    const good = await publish(RECORDS, VECTORS);
    mockEmbeddings(() => json([1, 0, 0, 0]));
    expect((await get("/faq?q=one")).status).toBe(200);

    await publishBad();
    const response = await get("/faq?q=one");
    expect(response.status).toBe(200);
    expect(((await response.json()) as { results: Array<{ id: string; question: string }> }).results[0]).toMatchObject({ id: "1", question: "one" });
    expect(await (await get("/health")).json()).toMatchObject({
      status: "ok", version: good.version, latestRejected: { code },
    });
  });
});
