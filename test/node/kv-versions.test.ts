import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { KvStore } from "../../scripts/kv/kv-store";
import { withLocalKv } from "../../scripts/kv/local-kv";
import { KEEP_VERSIONS, publishVersion, readCurrentVersion, readHistory, rollbackVersion } from "../../scripts/kv/versions";
import { buildIndex } from "../../src/index-blob/build-index";
import { HISTORY_KEY, POINTER_KEY, chunkKey, collectionKeys, pointerFor } from "../../src/index-store/keys";
import { loadXxh64Module } from "../../scripts/lib/load-wasm";
import { runScript } from "./helpers";

async function version(question: string) {
  const records = [{ id: "1", question, answer: null, url: null, category: null }];
  const { blob, version } = await buildIndex({ model: "m/x", builtAt: "2026-01-01T00:00:00Z", dim: 2, records, vectors: [[1, 0]] });
  return { blob, pointer: pointerFor(blob, { version, model: "m/x", dim: 2, count: 1, builtAt: "2026-01-01T00:00:00Z" }, loadXxh64Module()) };
}

/** An in-memory KvStore; `corrupt` damages chunk writes, like a bad upload would. */
function memoryStore(corrupt = false): KvStore & { data: Map<string, Uint8Array | string> } {
  const data = new Map<string, Uint8Array | string>();
  return {
    data,
    getBytes: async (key) => (data.has(key) ? (typeof data.get(key) === "string" ? new TextEncoder().encode(data.get(key) as string) : (data.get(key) as Uint8Array)) : null),
    getText: async (key) => (data.has(key) ? (typeof data.get(key) === "string" ? (data.get(key) as string) : new TextDecoder().decode(data.get(key) as Uint8Array)) : null),
    put: async (key, value) => {
      const stored = typeof value === "string" ? value : new Uint8Array(value instanceof Uint8Array ? value.slice() : value.slice(0));
      if (corrupt && typeof stored !== "string") stored[stored.length - 1]! ^= 0xff;
      data.set(key, stored);
    },
    delete: async (key) => void data.delete(key),
  };
}

describe("KV versions", () => {
  it("flips the pointer only after the blob reads back whole", async () => {
    const store = memoryStore(true);
    const { blob, pointer } = await version("first");
    await expect(publishVersion(store, blob, pointer)).rejects.toThrow(/checksum/);
    expect(store.data.has(POINTER_KEY)).toBe(false);
  });

  it("flips the pointer only when its chunk checksums match what KV holds", async () => {
    const store = memoryStore();
    const { blob, pointer } = await version("first");
    await expect(publishVersion(store, blob, { ...pointer, checksums: ["0000000000000000"] })).rejects.toThrow(/chunk 0 of version .* does not match the pointer's checksum/);
    expect(store.data.has(POINTER_KEY)).toBe(false);
    await publishVersion(store, blob, pointer);
    expect(JSON.parse(store.data.get(POINTER_KEY) as string)).toEqual(pointer);
    expect(pointer.checksums).toEqual([expect.stringMatching(/^[0-9a-f]{16}$/)]);
  });

  it("keeps the last three versions and deletes older chunks after the flip", async () => {
    const store = memoryStore();
    const versions = [];
    for (const q of ["one", "two", "three", "four"]) {
      const v = await version(q);
      versions.push(v.pointer);
      await publishVersion(store, v.blob, v.pointer);
    }
    expect(JSON.parse(store.data.get(POINTER_KEY) as string).version).toBe(versions[3]!.version);
    expect((await readHistory(store)).map((p) => p.version)).toEqual(versions.slice(1).reverse().map((p) => p.version));
    expect(KEEP_VERSIONS).toBe(3);
    expect(store.data.has(chunkKey(versions[0]!.version, 0))).toBe(false);
    expect(store.data.has(chunkKey(versions[1]!.version, 0))).toBe(true);
    expect(JSON.parse(store.data.get(HISTORY_KEY) as string)).toHaveLength(3);
  });
});

describe("collections in KV", () => {
  it("publishes and rolls back a named collection under its own keys, leaving the default one alone", async () => {
    const store = memoryStore();
    const keys = collectionKeys("help-de");
    const main = await version("main");
    await publishVersion(store, main.blob, main.pointer);
    const before = new Map(store.data);
    const first = await version("erste");
    const second = await version("zweite");
    await publishVersion(store, first.blob, first.pointer, keys);
    await publishVersion(store, second.blob, second.pointer, keys);
    for (const [key, value] of before) expect(store.data.get(key)).toEqual(value);
    const added = [...store.data.keys()].filter((key) => !before.has(key)).sort();
    expect(added).toEqual([
      `collections/blob/help-de/${first.pointer.version}/0`,
      `collections/blob/help-de/${second.pointer.version}/0`,
      "collections/history/help-de",
      "collections/pointer/help-de",
    ].sort());
    expect(await rollbackVersion(store, undefined, keys)).toEqual([second.pointer.version, first.pointer]);
    expect(JSON.parse(store.data.get(keys.pointer) as string).version).toBe(first.pointer.version);
    expect(JSON.parse(store.data.get(POINTER_KEY) as string).version).toBe(main.pointer.version);
    expect((await readCurrentVersion(store, keys))!.record(0).question).toBe("erste");
  });
});

describe("rolling back", () => {
  /** A store holding versions "one", "two", "three", published in that order. */
  async function threeVersions() {
    const store = memoryStore();
    const pointers = [];
    for (const q of ["one", "two", "three"]) {
      const v = await version(q);
      pointers.push(v.pointer);
      await publishVersion(store, v.blob, v.pointer);
    }
    const served = () => JSON.parse(store.data.get(POINTER_KEY) as string).version as string;
    return { store, versions: pointers.map((p) => p.version) as [string, string, string], served };
  }

  it("walks back through the history, one version per rollback, relative to the one served", async () => {
    const { store, versions: [one, two, three], served } = await threeVersions();
    expect(served()).toBe(three);
    const [from, to] = await rollbackVersion(store);
    expect([from, to.version]).toEqual([three, two]);
    const [from2, to2] = await rollbackVersion(store);
    expect([from2, to2.version]).toEqual([two, one]);
    expect(served()).toBe(one);
    await expect(rollbackVersion(store)).rejects.toThrow(`${one} is the oldest version kept; there is none before it`);
    expect(served()).toBe(one);
    // rollbacks do not reorder the history
    expect((await readHistory(store)).map((p) => p.version)).toEqual([three, two, one]);
  });

  it("goes to the version --to names, by full version or unique prefix", async () => {
    const { store, versions: [one, , three], served } = await threeVersions();
    expect((await rollbackVersion(store, one.slice(0, 8)))[1].version).toBe(one);
    expect(served()).toBe(one);
    expect((await rollbackVersion(store, three))[1].version).toBe(three);
    await expect(rollbackVersion(store, three)).rejects.toThrow(`version ${three} is already the one served`);
    await expect(rollbackVersion(store, "ffffffff")).rejects.toThrow(/^--to ffffffff names no version in the history: /);
    await expect(rollbackVersion(store, "")).rejects.toThrow(/^--to  is ambiguous in the history/);
  });

  it.each([
    ["malformed", "{not json"],
    ["naming a version outside the history", JSON.stringify({ version: "0".repeat(32), model: "m/x", dim: 2, count: 1, builtAt: "x", bytes: 10, chunks: 1 })],
  ])("with a pointer %s, refuses to guess and asks for --to", async (_name, pointer) => {
    const { store, versions: [, two] } = await threeVersions();
    store.data.set(POINTER_KEY, pointer);
    await expect(rollbackVersion(store)).rejects.toThrow(/the pointer in KV names no version of the history, so which one is served is unknown; choose with --to VERSION: [0-9a-f]{32} \(/);
    expect(store.data.get(POINTER_KEY)).toBe(pointer);
    const [from, to] = await rollbackVersion(store, two);
    expect([from, to.version]).toEqual([pointer.startsWith("{not") ? null : "0".repeat(32), two]);
  });

  it("refuses a target whose chunks are no longer whole", async () => {
    const { store, versions: [, two, three], served } = await threeVersions();
    store.data.delete(chunkKey(two, 0));
    await expect(rollbackVersion(store)).rejects.toThrow(`chunk 0 of version ${two} is missing from KV or has the wrong size`);
    expect(served()).toBe(three);
  });
});

describe("npm run rollback", () => {
  let persistTo: string;
  beforeAll(async () => {
    persistTo = await mkdtemp(join(tmpdir(), "faq-rollback-"));
  });

  it("points back to the previous version in local KV", async () => {
    const first = await version("first");
    const second = await version("second");
    await withLocalKv({ configPath: "wrangler.toml", persistTo }, async (store) => {
      await publishVersion(store, first.blob, first.pointer);
      await publishVersion(store, second.blob, second.pointer);
    });
    const result = await runScript("scripts/rollback.ts", ["--persist-to", persistTo]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout.trim())).toEqual({ from: second.pointer.version, to: first.pointer.version, kv: "local", collection: "default" });
    const pointer = await withLocalKv({ configPath: "wrangler.toml", persistTo }, (store) => store.getText(POINTER_KEY));
    expect(JSON.parse(pointer!).version).toBe(first.pointer.version);

    const forward = await runScript("scripts/rollback.ts", ["--persist-to", persistTo, "--to", second.pointer.version.slice(0, 10)]);
    expect(forward.code, forward.stderr).toBe(0);
    expect(JSON.parse(forward.stdout.trim())).toEqual({ from: first.pointer.version, to: second.pointer.version, kv: "local", collection: "default" });
  }, 90_000); // three local KV sessions and two rollback processes, each starting miniflare

  it("refuses when there is nothing to roll back to", async () => {
    const empty = await mkdtemp(join(tmpdir(), "faq-rollback-empty-"));
    const result = await runScript("scripts/rollback.ts", ["--persist-to", empty]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe("rollback: there is no earlier version to roll back to");
  });

  it("stops before any remote write without CLOUDFLARE_API_TOKEN", async () => {
    const env = { CLOUDFLARE_API_TOKEN: "" };
    const rolled = await runScript("scripts/rollback.ts", ["--kv", "remote"], env);
    expect(rolled.code).toBe(1);
    expect(rolled.stderr).toContain("--kv remote needs CLOUDFLARE_API_TOKEN");
    const seeded = await runScript("scripts/seed.ts", ["--kv", "remote", "--out", join(persistTo, "never")], env);
    expect(seeded.code).toBe(1);
    expect(seeded.stderr.trim()).toBe("seed: --kv remote needs CLOUDFLARE_API_TOKEN in the environment (a token with Workers KV Storage: Edit); nothing was written");
  });
});
