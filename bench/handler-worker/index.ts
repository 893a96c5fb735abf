/**
 * What one request costs inside workerd, without wrangler's proxy, the
 * network or a load generator in the way: GET /run?path=&n= sends `n`
 * requests for `path` through faq-edge's own handler and `n` through a bare
 * Hono app that returns the same answer as a fixed body, in alternating
 * rounds, and answers the median microseconds per request of each.
 * (workerd's clock advances during computation under wrangler dev; in
 * production it would not.)
 */
import { Hono } from "hono";
import faqEdge from "../../src/index";
import type { Env } from "../../src/env";
import { median } from "../lib/measure";

const ROUNDS = 7;

async function microsecondsPerRequest(send: () => Promise<Response>, n: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < n; i++) await (await send()).arrayBuffer();
  return ((performance.now() - started) / n) * 1000;
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname !== "/run") return new Response("GET /run?path=&n=", { status: 404 });
    const target = new URL(url.searchParams.get("path") ?? "/faq?q=hello", "https://faq.bench");
    const n = Number(url.searchParams.get("n") ?? 1000);
    const ours = () => faqEdge.fetch!(new Request(target), env, ctx) as Promise<Response>;
    const answer = await ours();
    const body = await answer.text();
    const bare = new Hono().get("*", (c) => c.body(body, 200, { "content-type": "application/json" }));
    const theirs = async () => bare.fetch(new Request(target));
    await microsecondsPerRequest(ours, n); // warm both up
    await microsecondsPerRequest(theirs, n);
    const rounds = { ours: [] as number[], bare: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      rounds.ours.push(await microsecondsPerRequest(ours, n));
      rounds.bare.push(await microsecondsPerRequest(theirs, n));
    }
    return Response.json({ status: answer.status, oursUs: median(rounds.ours), bareUs: median(rounds.bare), rounds });
  },
};
