import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { app } from "../../src/app";
import type { AppEnv } from "../../src/app-env";
import { errorResponse } from "../../src/error-response";
import { TOKEN, faq, get, json, mockEmbeddings, publish, resetIndex } from "./helpers";

beforeAll(async () => {
  await resetIndex();
  await publish([faq("1", "one"), faq("2", "two")], [[1, 0, 0, 0], [0, 1, 0, 0]]);
});

const ALLOWLIST = { ...env, ALLOWED_ORIGINS: "https://help.example" };

describe("headers on every answer", () => {
  it.each([
    ["GET", "/faq?q=one&mode=lexical", 200],
    ["GET", "/faq", 400],
    ["GET", "/health", 200],
    ["GET", "/", 200],
    ["GET", "/widget.js", 200],
    ["GET", "/openapi.json", 200],
    ["GET", "/nope", 404],
    ["DELETE", "/faq", 405],
    ["OPTIONS", "/faq", 204],
  ])("%s %s (%i) says X-Content-Type-Options: nosniff", async (method, path, status) => {
    const response = await get(path, { method, headers: { Origin: "https://site.example", "Access-Control-Request-Method": "GET" } });
    expect(response.status).toBe(status);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("keeps /health out of caches and lets /openapi.json be kept an hour", async () => {
    expect((await get("/health")).headers.get("cache-control")).toBe("no-store");
    expect((await get("/openapi.json")).headers.get("cache-control")).toBe("public, max-age=3600");
  });

  it("keeps errors out of caches", async () => {
    for (const path of ["/faq", "/nope"]) {
      const response = await get(path);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("etag")).toBeNull();
    }
  });

  it("sends Timing-Allow-Origin only to origins ALLOWED_ORIGINS admits", async () => {
    mockEmbeddings(() => json([1, 0, 0, 0]));
    const allowed = await app.request("/faq?q=one", { headers: { Origin: "https://help.example" } }, ALLOWLIST);
    expect(allowed.headers.get("timing-allow-origin")).toBe("https://help.example");
    const other = await app.request("/faq?q=one", { headers: { Origin: "https://evil.example" } }, ALLOWLIST);
    expect(other.headers.get("timing-allow-origin")).toBeNull();
    expect(other.headers.get("server-timing")).toMatch(/^index;dur=/); // same-origin tools still see it
    const none = await app.request("/faq?q=one", {}, ALLOWLIST);
    expect(none.headers.get("timing-allow-origin")).toBeNull();
    const open = await get("/faq?q=one", { headers: { Origin: "https://anyone.example" } });
    expect(open.headers.get("timing-allow-origin")).toBe("*");
  });

  it("reports a broken setting to an allowed browser, with CORS headers", async () => {
    const response = await app.request("/faq?q=one", { headers: { Origin: "https://help.example" } }, { ...ALLOWLIST, EMBED_TIMEOUT_MS: "soon" });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: "config_invalid", message: "EMBED_TIMEOUT_MS must be an integer from 100 to 60000." } });
    expect(response.headers.get("access-control-allow-origin")).toBe("https://help.example");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("errorResponse", () => {
  /** A small app wired like ours, with routes that throw what middleware might. */
  function throwing(error: () => Error) {
    const probe = new Hono<AppEnv>();
    probe.get("/boom", () => {
      throw error();
    });
    probe.onError(errorResponse);
    return probe;
  }

  it.each([
    [413, "payload_too_large"],
    [401, "unauthorized"],
    [400, "bad_request"],
    [418, "bad_request"],
  ])("maps Hono's HTTPException %i to our error shape (%s)", async (status, code) => {
    const response = await throwing(() => new HTTPException(status as 400, { message: "Refused by middleware" })).request("/boom", {}, env);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: { code, message: "Refused by middleware" } });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("logs an unknown error's stack with every secret redacted, and answers a bare 500", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await throwing(() => new TypeError(`cannot read ${TOKEN} or hf_AnotherToken123456`)).request("/boom", {}, env);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: "internal_error", message: "Something went wrong on our side." } });
    expect(text).not.toContain(TOKEN);
    expect(logged).toHaveBeenCalledTimes(1);
    const line = String(logged.mock.calls[0]![0]);
    expect(line).toContain("unhandled error on GET /boom: TypeError: cannot read [redacted] or [redacted]");
    expect(line).toMatch(/\n\s+at /); // the stack, not just the name
    expect(line).not.toContain(TOKEN);
    expect(line).not.toContain("hf_AnotherToken123456");
  });
});
