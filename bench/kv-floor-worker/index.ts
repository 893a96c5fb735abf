/**
 * The floor under a cold start's index load, for `npm run bench:e2e`: a bare
 * Worker that reads the current pointer and the chunks it names from KV,
 * two at a time as faq-edge does, and only counts their bytes: no copy, no
 * checksum, no decode. What faq-edge's index load takes beyond this is its own.
 * Only GET /read reads: wrangler dev's readiness probe (any other path) must
 * leave the first read to the measured request. `?collection=NAME` reads that
 * collection's keys (`npm run bench:collections`); without it, the default one's.
 */
import { collectionKeys } from "../../src/index-store/keys";
import { runInLanes } from "../../src/lib/run-in-lanes";

interface Env {
  FAQ_KV: KVNamespace;
}

/** Chunks in flight at once, as the Worker's index cache reads them (CHUNK_FETCHES). */
const LANES = 2;

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname !== "/read") return new Response("not found", { status: 404 });
    const keys = collectionKeys(url.searchParams.get("collection") ?? "default");
    const started = Date.now();
    const pointer = await env.FAQ_KV.get<{ version: string; chunks: number }>(keys.pointer, "json");
    if (!pointer) return new Response("no index", { status: 404 });
    let bytes = 0;
    await runInLanes(pointer.chunks, LANES, async (i) => {
      const chunk = await env.FAQ_KV.get(keys.chunk(pointer.version, i), "arrayBuffer");
      bytes += chunk?.byteLength ?? 0;
    });
    // Date.now() advances across I/O in a Worker: this is the time spent reading.
    return Response.json({ bytes, readMs: Date.now() - started });
  },
};
