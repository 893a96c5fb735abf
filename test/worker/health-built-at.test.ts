/**
 * The seed's blobs record no build time (so that the same FAQs give the same
 * version); /health takes it from the pointer the index was loaded from.
 */
import { env } from "cloudflare:workers";
import { beforeEach, expect, it } from "vitest";
import { buildIndex } from "../../src/index-blob/build-index";
import { chunkKey, pointerFor, splitBlob } from "../../src/index-store/keys";
import { xxh64Module } from "../../src/index-store/wasm/xxh64-module";
import { MODEL, faq, flipPointer, get, resetIndex } from "./helpers";

beforeEach(resetIndex);

it("reports the pointer's builtAt for a blob that records none", async () => {
  const records = [faq("1", "one"), faq("2", "two")];
  const { blob, version } = await buildIndex({ model: MODEL, builtAt: "", dim: 4, records, vectors: [[1, 0, 0, 0], [0, 1, 0, 0]] });
  for (const [i, chunk] of splitBlob(blob).entries()) await env.FAQ_KV.put(chunkKey(version, i), chunk);
  await flipPointer(pointerFor(blob, { version, model: MODEL, dim: 4, count: 2, builtAt: "2026-12-01T10:00:00.000Z" }, xxh64Module));
  const response = await get("/health");
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", version, builtAt: "2026-12-01T10:00:00.000Z" });
});
