import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../src/app";

const ALLOWLIST_ENV = { ...env, ALLOWED_ORIGINS: "https://docs.example, https://help.example" };

describe("ALLOWED_ORIGINS", () => {
  it("echoes an allowed origin on simple and preflight requests", async () => {
    const simple = await app.request("/health", { headers: { Origin: "https://help.example" } }, ALLOWLIST_ENV);
    expect(simple.headers.get("access-control-allow-origin")).toBe("https://help.example");
    expect(simple.headers.get("vary")).toContain("Origin");
    const preflight = await app.request(
      "/faq",
      { method: "OPTIONS", headers: { Origin: "https://docs.example", "Access-Control-Request-Method": "GET" } },
      ALLOWLIST_ENV,
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://docs.example");
  });

  it("gives a disallowed origin no CORS headers", async () => {
    const response = await app.request("/health", { headers: { Origin: "https://evil.example" } }, ALLOWLIST_ENV);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("sends CORS and Timing-Allow-Origin headers only to requests that say their origin, and Vary: Origin to all", async () => {
    const openEnv = { ...env, ALLOWED_ORIGINS: "*" };
    for (const path of ["/widget.js", "/faq?mode=lexical&q=", "/nope"]) {
      const plain = await app.request(path, {}, openEnv);
      expect([path, plain.headers.get("access-control-allow-origin"), plain.headers.get("access-control-expose-headers"), plain.headers.get("timing-allow-origin")])
        .toEqual([path, null, null, null]);
      expect(plain.headers.get("vary")).toBe("Origin");
      expect(plain.headers.get("server-timing")).toMatch(/total;dur=[\d.]+$/);
      const crossSite = await app.request(path, { headers: { Origin: "https://site.example" } }, openEnv);
      expect([path, crossSite.headers.get("access-control-allow-origin"), crossSite.headers.get("access-control-expose-headers"), crossSite.headers.get("timing-allow-origin")])
        .toEqual([path, "*", "Server-Timing", "*"]);
      expect(crossSite.headers.get("vary")).toBe("Origin");
    }
  });

  it("answers 500 config_invalid for a broken setting, without details", async () => {
    const response = await app.request("/health", {}, { ...env, EMBED_TIMEOUT_MS: "soon" });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: "config_invalid", message: "EMBED_TIMEOUT_MS must be an integer from 100 to 60000." } });
  });
});
