import { describe, expect, it } from "vitest";
import { buildIndex } from "../index-blob/build-index";
import type { BlobAllocator } from "../index-store/index-cache";
import { collectionKeys, pointerFor, splitBlob } from "../index-store/keys";
import { loadXxh64Module } from "../../scripts/lib/load-wasm";
import { CollectionIndexes, UNKNOWN_COLLECTION_MEMORY_MS } from "./collection-indexes";
import { IndexMemory } from "./index-memory";

/** KV as the cache reads it, counting reads by key. */
function fakeKv() {
  const data = new Map<string, string | ArrayBuffer>();
  const reads: string[] = [];
  const kv = {
    async get(key: string) {
      reads.push(key);
      return data.get(key) ?? null;
    },
  } as unknown as KVNamespace;
  return { kv, data, reads };
}

/** An allocator whose every index takes `bytes` of the budget, whatever its size: the test sets the memory each collection costs. */
const fixedAllocator = (bytes: number): BlobAllocator => ({
  size: () => bytes,
  allocate: (pointer) => ({ bytes: new Uint8Array(new ArrayBuffer(bytes), 0, pointer.bytes) }),
});

async function seedCollection(data: Map<string, string | ArrayBuffer>, name: string, question: string) {
  const records = [{ id: "1", question, answer: null, url: null, category: null }];
  const { blob, version } = await buildIndex({ model: "m", builtAt: "t", dim: 2, records, vectors: [[1, 0]] });
  const keys = collectionKeys(name);
  splitBlob(blob).forEach((chunk, i) => data.set(keys.chunk(version, i), chunk));
  data.set(keys.pointer, JSON.stringify(pointerFor(blob, { version, model: "m", dim: 2, count: 1, builtAt: "t" }, loadXxh64Module())));
}

function setUp(budget: number, perIndex: number) {
  let clock = 0;
  const memory = new IndexMemory(budget);
  const collections = new CollectionIndexes({ memory, allocator: fixedAllocator(perIndex), now: () => clock });
  const { kv, data, reads } = fakeKv();
  const lease = (name: string) => collections.lease({ name, kv, recheckMs: 60_000, accept: () => null });
  return { collections, memory, data, reads, lease, tick: (ms: number) => (clock += ms) };
}

describe("CollectionIndexes", () => {
  it("answers each collection from its own keys", async () => {
    const { data, reads, lease } = setUp(100_000, 10_000);
    await seedCollection(data, "default", "default question");
    await seedCollection(data, "help-de", "Wie setze ich mein Passwort zurück?");
    const de = await lease("help-de");
    expect(de.index.record(0).question).toBe("Wie setze ich mein Passwort zurück?");
    expect(reads.every((key) => key.startsWith("collections/") && key.includes("help-de"))).toBe(true);
    reads.length = 0;
    const main = await lease("default");
    expect(main.index.record(0).question).toBe("default question");
    expect(reads.every((key) => key.startsWith("faq-index/"))).toBe(true);
  });

  it("evicts idle collections, least recently used first, never one being answered, and keeps the peak within the budget", async () => {
    // room for three indexes of 30 kB (a load also counts its chunk in flight, about 1 kB here)
    const { data, memory, lease, tick, collections } = setUp(100_000, 30_000);
    for (const name of ["a", "b", "c", "d"]) await seedCollection(data, name, `question ${name}`);
    const a = await lease("a");
    tick(1);
    (await lease("b")).release();
    tick(1);
    // a is still being answered; b is idle: loading c, then d, evicts b (and then c), never a
    const c = await lease("c");
    c.release();
    tick(1);
    expect(collections.loaded().sort()).toEqual(["a", "b", "c"]);
    // d needs room: b, the least recently used idle one, goes; a is being answered and stays
    (await lease("d")).release();
    expect(collections.loaded().sort()).toEqual(["a", "c", "d"]);
    expect(memory.use().peakBytes).toBeLessThanOrEqual(100_000);
    a.release();
    // with every other collection idle, a (now the least recently used) can go too
    tick(1);
    (await lease("b")).release();
    expect(collections.loaded().sort()).toEqual(["b", "c", "d"]);
    expect(memory.use().peakBytes).toBeLessThanOrEqual(100_000);
    expect(memory.use().heldBytes).toBe(90_000);
  });

  it("says index_unavailable when every other collection is being answered, rather than going over the budget", async () => {
    const { data, lease } = setUp(50_000, 30_000);
    for (const name of ["a", "b"]) await seedCollection(data, name, `question ${name}`);
    const a = await lease("a");
    await expect(lease("b")).rejects.toMatchObject({ code: "index_unavailable" });
    a.release();
    expect((await lease("b")).index.record(0).question).toBe("question b");
  });

  it("reads the pointer of an unknown name once a minute, however often it is asked, and answers 404 unknown_collection", async () => {
    const { reads, lease, tick } = setUp(100_000, 10_000);
    for (let i = 0; i < 50; i++) {
      for (const name of ["nope-1", "nope-2", "nope-3"]) await expect(lease(name)).rejects.toMatchObject({ status: 404, code: "unknown_collection" });
    }
    expect(reads).toEqual(["collections/pointer/nope-1", "collections/pointer/nope-2", "collections/pointer/nope-3"]);
    tick(UNKNOWN_COLLECTION_MEMORY_MS);
    await expect(lease("nope-1")).rejects.toMatchObject({ code: "unknown_collection" });
    expect(reads).toHaveLength(4);
  });

  it("keeps reporting the default collection's state rather than calling it unknown", async () => {
    const { lease } = setUp(100_000, 10_000);
    await expect(lease("default")).rejects.toMatchObject({ status: 503, code: "no_index" });
  });
});
