/**
 * The floor under a cold start's index load, for `npm run bench:e2e`: a bare
 * Worker that reads the current pointer and the chunks it names from KV,
 * two at a time as faq-edge does, and only counts their bytes: no copy, no
 * checksum, no decode. What faq-edge's index load takes beyond this is its own.
 * Only GET /read reads: wrangler dev's readiness probe (any other path) must
 * leave the first read to the measured request.
 */
interface Env {
  FAQ_KV: KVNamespace;
}

const POINTER_KEY = "faq-index/current";
const LANES = 2;

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (new URL(request.url).pathname !== "/read") return new Response("not found", { status: 404 });
    const started = Date.now();
    const pointer = await env.FAQ_KV.get<{ version: string; chunks: number }>(POINTER_KEY, "json");
    if (!pointer) return new Response("no index", { status: 404 });
    let next = 0;
    let bytes = 0;
    const lane = async () => {
      while (next < pointer.chunks) {
        const chunk = await env.FAQ_KV.get(`faq-index/blob/${pointer.version}/${next++}`, "arrayBuffer");
        bytes += chunk?.byteLength ?? 0;
      }
    };
    await Promise.all(Array.from({ length: LANES }, lane));
    // Date.now() advances across I/O in a Worker: this is the time spent reading.
    return Response.json({ bytes, readMs: Date.now() - started });
  },
};
