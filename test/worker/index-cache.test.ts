import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { IndexCache, LEASE_EXPIRY_MS } from "../../src/index-store/index-cache";
import { chunkKey } from "../../src/index-store/keys";
import { wasmAllocator } from "../../src/index-store/wasm-allocator";
import { rowOf } from "../../src/search/f32-matrix";
import { IndexUnavailableError } from "../../src/errors";
import { faq, publish, resetIndex, storeBlob, flipPointer } from "./helpers";

beforeEach(resetIndex);

const request = (recheckMs = 60_000) => ({ kv: env.FAQ_KV, recheckMs, accept: () => null });
const codeOf = (promise: Promise<unknown>) => promise.then(() => "ok", (error: IndexUnavailableError) => error.code);

describe("IndexCache", () => {
  it("rereads the pointer only after the recheck interval and decodes each version once", async () => {
    let now = 1_000_000;
    const cache = new IndexCache({ now: () => now });
    const v1 = await publish([faq("1", "one")], [[1, 0, 0, 0]]);
    expect((await cache.get(request())).version).toBe(v1.version);

    const v2 = await publish([faq("2", "two")], [[0, 1, 0, 0]]);
    const kvGet = vi.spyOn(env.FAQ_KV, "get");
    now += 59_999;
    expect((await cache.get(request())).version).toBe(v1.version);
    expect(kvGet).not.toHaveBeenCalled();

    now += 1;
    expect((await cache.get(request())).version).toBe(v2.version);
    expect(kvGet.mock.calls.map((call) => call[0])).toEqual(["faq-index/current", `faq-index/blob/${v2.version}/0`]);

    kvGet.mockClear();
    now += 60_000;
    expect((await cache.get(request())).version).toBe(v2.version);
    expect(kvGet.mock.calls.map((call) => call[0])).toEqual(["faq-index/current"]);
  });

  it("shares one refresh between concurrent requests", async () => {
    const cache = new IndexCache({ now: () => 0 });
    await publish([faq("1", "one")], [[1, 0, 0, 0]]);
    const kvGet = vi.spyOn(env.FAQ_KV, "get");
    const results = await Promise.all([cache.get(request()), cache.get(request()), cache.get(request())]);
    expect(new Set(results.map((r) => r.version)).size).toBe(1);
    expect(kvGet).toHaveBeenCalledTimes(2);
  });

  it("does not fetch and hash a refused version again at every recheck, for ten minutes", async () => {
    let now = 0;
    const cache = new IndexCache({ now: () => now });
    const good = await publish([faq("1", "one")], [[1, 0, 0, 0]]);
    expect((await cache.get(request(0))).version).toBe(good.version);
    const bad = await storeBlob([faq("2", "two")], [[0, 1, 0, 0]]);
    await env.FAQ_KV.delete(chunkKey(bad.version, 0));
    await flipPointer(bad.pointer);

    const kvGet = vi.spyOn(env.FAQ_KV, "get");
    for (let i = 0; i < 3; i++) expect((await cache.get(request(0))).version).toBe(good.version);
    const chunkReads = kvGet.mock.calls.filter((call) => String(call[0]) !== "faq-index/current");
    expect(chunkReads.map((call) => call[0])).toEqual([chunkKey(bad.version, 0)]);
    expect(cache.status().problem?.code).toBe("index_corrupt");

    // Seeding again can repair a damaged upload under the same version: it is looked at again later.
    await env.FAQ_KV.put(chunkKey(bad.version, 0), bad.blob);
    now += 10 * 60 * 1000;
    expect((await cache.get(request(0))).version).toBe(bad.version);
  });

  it("reports a KV read failure as index_unavailable and retries it at the next request", async () => {
    const cache = new IndexCache({ now: () => 0 });
    const published = await publish([faq("1", "one")], [[1, 0, 0, 0]]);
    const failing = vi.spyOn(env.FAQ_KV, "get").mockRejectedValueOnce(new Error("KV GET failed: 500"));
    expect(await codeOf(cache.get(request()))).toBe("index_unavailable");
    failing.mockRestore();
    // nothing was served yet, so the next request tries again although the recheck interval has not passed
    expect((await cache.get(request())).version).toBe(published.version);
  });

  it("stops waiting for a refresh whose KV read never answers (its request was stopped), and the next request loads afresh", async () => {
    let now = 0;
    const cache = new IndexCache({ now: () => now, refreshStalledMs: 50 });
    const published = await publish([faq("1", "one")], [[1, 0, 0, 0]]);
    const hanging = vi.spyOn(env.FAQ_KV, "get").mockImplementationOnce(() => new Promise(() => {}) as never);
    // the waiter gives up after refreshStalledMs, by its own timer
    expect(await codeOf(cache.get(request()))).toBe("index_unavailable");
    hanging.mockRestore();
    // another request meanwhile still shares the stalled refresh...
    now = 10;
    expect(await codeOf(cache.get(request()))).toBe("index_unavailable");
    // ...and once it counts as stalled, a request starts another one
    now = 50;
    expect((await cache.get(request())).version).toBe(published.version);
  });

  it("lets a lease its request never released lapse after LEASE_EXPIRY_MS, so the index can be evicted again", () => {
    let now = 0;
    const cache = new IndexCache({ now: () => now });
    const release = cache.lease();
    cache.lease(); // a request the runtime stopped before its finally ran
    release();
    expect(cache.inUse()).toBe(true);
    now = LEASE_EXPIRY_MS - 1;
    expect(cache.inUse()).toBe(true);
    now = LEASE_EXPIRY_MS;
    expect(cache.inUse()).toBe(false);
  });

  it("reports a chunk that cannot be read as index_unavailable and keeps serving what it has", async () => {
    const cache = new IndexCache({ now: () => 0 });
    const good = await publish([faq("1", "one")], [[1, 0, 0, 0]]);
    await cache.get(request(0));
    const next = await publish([faq("2", "two")], [[0, 1, 0, 0]]);
    const original = env.FAQ_KV.get.bind(env.FAQ_KV);
    vi.spyOn(env.FAQ_KV, "get").mockImplementation(((key: string, type: "text") =>
      key.startsWith("faq-index/blob/") ? Promise.reject(new Error("network")) : original(key, type)) as typeof env.FAQ_KV.get);
    expect((await cache.get(request(0))).version).toBe(good.version);
    expect(cache.status().problem?.code).toBe("index_unavailable");
    vi.restoreAllMocks();
    // not remembered as refused: the next recheck loads it
    expect((await cache.get(request(0))).version).toBe(next.version);
  });
});

describe("IndexCache memory at a version swap", () => {
  const RECORDS = Array.from({ length: 200 }, (_, i) => faq(String(i), `question number ${i}`));
  const vectorsFor = (shift: number) => RECORDS.map((_, i) => [Math.cos(i + shift), Math.sin(i + shift), 1, 0]);

  it("keeps both versions while they fit in the budget, and serves the old one until the new one is ready", async () => {
    const cache = new IndexCache({ now: () => 0, allocator: wasmAllocator });
    await publish(RECORDS, vectorsFor(0));
    const first = await cache.get(request(0));
    await publish(RECORDS, vectorsFor(1));
    const second = await cache.get(request(0));
    expect(second.memory).not.toBe(first.memory);
    expect(first.retired).toBe(true);
    const { peakBytes } = cache.memoryStats();
    expect(peakBytes).toBeGreaterThanOrEqual(first.memory!.buffer.byteLength + second.memory!.buffer.byteLength);
  });

  it("retires the old version first and reuses its memory when both would not fit", async () => {
    await publish(RECORDS, vectorsFor(0));
    const probe = new IndexCache({ now: () => 0, allocator: wasmAllocator });
    const oneVersion = (await probe.get(request(0))).memory!.buffer.byteLength;
    // room for one version and its chunk in flight, not for two
    const budget = 2 * oneVersion - 1;
    const cache = new IndexCache({ now: () => 0, allocator: wasmAllocator, memoryBudgetBytes: budget });
    const first = await cache.get(request(0));
    const memory = first.memory;

    const next = await publish(RECORDS, vectorsFor(1));
    const second = await cache.get(request(0));
    expect(second.version).toBe(next.version);
    expect(second.memory).toBe(memory);
    expect(first.retired).toBe(true);
    expect(cache.memoryStats().peakBytes).toBeLessThanOrEqual(budget);
    // the new version ranks from the reused memory
    expect(second.record(3)).toMatchObject({ id: "3" });
    expect(rowOf(second.matrix!, 3)[0]).toBeCloseTo(Math.cos(4) / Math.hypot(Math.cos(4), Math.sin(4), 1), 5);
  });

  it("fetches the old version back when the one that overwrote it is refused", async () => {
    await publish(RECORDS, vectorsFor(0));
    const probe = new IndexCache({ now: () => 0, allocator: wasmAllocator });
    const oneVersion = (await probe.get(request(0))).memory!.buffer.byteLength;
    const cache = new IndexCache({ now: () => 0, allocator: wasmAllocator, memoryBudgetBytes: 2 * oneVersion - 1 });
    const good = await cache.get(request(0));

    const bad = await storeBlob(RECORDS, vectorsFor(2));
    const chunk = new Uint8Array((await env.FAQ_KV.get(chunkKey(bad.version, 0), "arrayBuffer"))!);
    chunk[300]! ^= 0xff;
    await env.FAQ_KV.put(chunkKey(bad.version, 0), chunk);
    await flipPointer(bad.pointer);

    const served = await cache.get(request(0));
    expect(served.version).toBe(good.version);
    expect(served.record(7)).toMatchObject({ id: "7", question: "question number 7" });
    expect(cache.status().problem?.code).toBe("index_corrupt");
  });
});
