import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../../src/app";
import { faq, get, publish, resetIndex } from "./helpers";

beforeAll(async () => {
  await resetIndex();
  await publish([faq("1", "reset password"), faq("2", "download invoice")], [[1, 0, 0, 0], [0, 1, 0, 0]]);
});

const ask = (ip: string) => get("/faq?q=password&mode=lexical", { headers: { "CF-Connecting-IP": ip } });

describe("per-client rate limit", () => {
  it("answers 429 with Retry-After once a client passes the limit, and only that client", async () => {
    // The limiter counts per 60 s window; if a window ends during the test the
    // count restarts, so the first 429 comes after 120 to 240 answers.
    let limited: Response | null = null;
    let allowed = 0;
    for (let i = 0; i < 242 && !limited; i++) {
      const response = await ask("203.0.113.7");
      if (response.status === 429) limited = response;
      else if (response.status === 200) allowed++;
    }
    expect(allowed).toBeGreaterThanOrEqual(120);
    expect(allowed).toBeLessThanOrEqual(240);
    expect(limited?.status).toBe(429);
    if (!limited) return;
    expect(limited.headers.get("retry-after")).toBe("60");
    expect(await limited.json()).toEqual({ error: { code: "rate_limited", message: expect.any(String) } });
    expect((await ask("198.51.100.23")).status).toBe(200);
  });

  it("counts /feedback and /admin against the same limit as /faq", async () => {
    const client = { "CF-Connecting-IP": "203.0.113.77" };
    const feedback = () => get("/feedback", {
      method: "POST",
      headers: { ...client, "Content-Type": "application/json" },
      body: JSON.stringify({ query: "password", id: "1", helpful: true }),
    });
    let limited: Response | null = null;
    for (let i = 0; i < 242 && !limited; i++) {
      const response = i % 2 === 0 ? await feedback() : await get("/faq?q=password&mode=lexical", { headers: client });
      if (response.status === 429) limited = response;
      else expect([200, 204]).toContain(response.status);
    }
    expect(limited?.status).toBe(429);
    expect((await feedback()).status).toBe(429);
    // a guessed admin token costs from the same budget: refused before the token is even compared
    expect((await get("/admin/unanswered", { headers: { ...client, Authorization: "Bearer guess" } })).status).toBe(429);
  });

  it("can be switched off with RATE_LIMIT=off", async () => {
    const off = { ...env, RATE_LIMIT: "off" };
    for (let i = 0; i < 125; i++) {
      const response = await app.request("/faq?q=invoice&mode=lexical", { headers: { "CF-Connecting-IP": "203.0.113.50" } }, off);
      expect(response.status).toBe(200);
    }
  });

  it("does not limit /health, but counts a /health that names a collection against the client's budget", async () => {
    for (let i = 0; i < 130; i++) {
      const response = await get("/health", { headers: { "CF-Connecting-IP": "192.0.2.99" } });
      expect(response.status).toBe(200);
    }
    // each random name would be a KV read: named collections are limited like questions
    const client = { "CF-Connecting-IP": "192.0.2.100" };
    const statuses = new Set<number>();
    for (let i = 0; i < 242 && !statuses.has(429); i++) {
      statuses.add((await get(`/health?collection=no-such-${i}`, { headers: client })).status);
    }
    expect([...statuses].sort()).toEqual([404, 429]);
    expect((await get("/health", { headers: client })).status).toBe(200);
  });
});
