import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { IndexCache } from "../../src/index-store/index-cache";
import { faq, publish, resetIndex } from "./helpers";

beforeEach(resetIndex);

describe("IndexCache", () => {
  it("rereads the pointer only after the recheck interval and decodes each version once", async () => {
    let now = 1_000_000;
    const cache = new IndexCache(() => now);
    const request = { kv: env.FAQ_KV, recheckMs: 60_000, accept: () => null };
    const v1 = await publish([faq("1", "one")], [[1, 0, 0, 0]]);
    expect((await cache.get(request)).version).toBe(v1.version);

    const v2 = await publish([faq("2", "two")], [[0, 1, 0, 0]]);
    const kvGet = vi.spyOn(env.FAQ_KV, "get");
    now += 59_999;
    expect((await cache.get(request)).version).toBe(v1.version);
    expect(kvGet).not.toHaveBeenCalled();

    now += 1;
    expect((await cache.get(request)).version).toBe(v2.version);
    expect(kvGet.mock.calls.map((call) => call[0])).toEqual(["faq-index/current", `faq-index/blob/${v2.version}/0`]);

    kvGet.mockClear();
    now += 60_000;
    expect((await cache.get(request)).version).toBe(v2.version);
    expect(kvGet.mock.calls.map((call) => call[0])).toEqual(["faq-index/current"]);
  });

  it("shares one refresh between concurrent requests", async () => {
    const cache = new IndexCache(() => 0);
    await publish([faq("1", "one")], [[1, 0, 0, 0]]);
    const kvGet = vi.spyOn(env.FAQ_KV, "get");
    const request = { kv: env.FAQ_KV, recheckMs: 60_000, accept: () => null };
    const results = await Promise.all([cache.get(request), cache.get(request), cache.get(request)]);
    expect(new Set(results.map((r) => r.version)).size).toBe(1);
    expect(kvGet).toHaveBeenCalledTimes(2);
  });
});
