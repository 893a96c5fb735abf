/**
 * GET /admin, the owner's dashboard, and its files under /admin/assets/: served
 * by the Worker with a strict CSP and no referrer, open without a token (the
 * API calls need one) but 404 like any unknown path without ADMIN_TOKEN.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../src/app";
import type { Env } from "../../src/env";

const ADMIN_TOKEN = "dashboard-page-admin-token-0123456789";
const CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types 'none'";
const JS = "text/javascript; charset=utf-8";
const CSS = "text/css; charset=utf-8";
const ASSETS: Record<string, string> = {
  "main.dashboard.js": JS, "api.dashboard.js": JS, "dom.dashboard.js": JS, "charts.dashboard.js": JS,
  "groups.dashboard.js": JS, "drafts.dashboard.js": JS, "uplot.js": JS, "dashboard.css": CSS, "uplot.css": CSS,
};

async function ask(path: string, init: RequestInit = {}, overrides: Partial<Env> = { ADMIN_TOKEN }) {
  const ctx = createExecutionContext();
  const response = await app.request(path, init, { ...env, ...overrides }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

const securityHeaders = (response: Response) => Object.fromEntries(
  ["content-security-policy", "referrer-policy", "x-frame-options", "x-content-type-options", "cache-control"].map((name) => [name, response.headers.get(name)]),
);
const EXPECTED_HEADERS = { "content-security-policy": CSP, "referrer-policy": "no-referrer", "x-frame-options": "DENY", "x-content-type-options": "nosniff", "cache-control": "public, max-age=300" };

describe("the dashboard page", () => {
  it("serves one HTML page, without a token, with the security headers", async () => {
    const response = await ask("/admin");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(securityHeaders(response)).toEqual(EXPECTED_HEADERS);
    const html = await response.text();
    expect(html).toContain('<script type="module" src="/admin/assets/main.dashboard.js"></script>');
    // nothing inline that the CSP would have to allow: no script body, no style element or attribute, no handler attribute
    expect(html.match(/<script\b[^>]*>[^<]+<\/script>/g)).toBeNull();
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
    // and nothing from another origin
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it("serves each file the page and its modules ask for, with the same headers; no other", async () => {
    const html = await (await ask("/admin")).text();
    const wanted = new Set([...html.matchAll(/(?:src|href)="\/admin\/assets\/([^"]+)"/g)].map((m) => m[1]!));
    for (const name of Object.keys(ASSETS).filter((n) => n.endsWith(".js"))) {
      const source = await (await ask(`/admin/assets/${name}`)).text();
      for (const m of source.matchAll(/^import .* from "\.\/([^"]+)";$/gm)) wanted.add(m[1]!);
    }
    expect([...wanted].sort()).toEqual(Object.keys(ASSETS).sort());
    for (const [name, type] of Object.entries(ASSETS)) {
      const response = await ask(`/admin/assets/${name}`);
      expect([name, response.status, response.headers.get("content-type")]).toEqual([name, 200, type]);
      expect(securityHeaders(response)).toEqual(EXPECTED_HEADERS);
      expect((await response.text()).length).toBeGreaterThan(100);
    }
    const unknown = await ask("/admin/assets/faq-search.widget.js");
    expect([unknown.status, await unknown.json()]).toEqual([404, { error: { code: "not_found", message: "No such path." } }]);
  });

  it("serves uPlot 1.6 as an ES module with its default export", async () => {
    const source = await (await ask("/admin/assets/uplot.js")).text();
    expect(source.startsWith("/*! https://github.com/leeoniya/uPlot (v1.6.")).toBe(true);
    expect(source.endsWith("\nexport default uPlot;\n")).toBe(true);
  });

  it("is 404 like any unknown path without ADMIN_TOKEN, the page and its files alike", async () => {
    const unknown = await ask("/no-such-path", {}, { ADMIN_TOKEN: undefined });
    const expected = { status: unknown.status, cache: unknown.headers.get("cache-control"), csp: unknown.headers.get("content-security-policy"), body: await unknown.text() };
    expect(expected).toEqual({ status: 404, cache: "no-store", csp: null, body: '{"error":{"code":"not_found","message":"No such path."}}' });
    for (const path of ["/admin", "/admin/assets/main.dashboard.js", "/admin/assets/uplot.js", "/admin/assets/dashboard.css"]) {
      const response = await ask(path, {}, { ADMIN_TOKEN: undefined });
      expect({ path, status: response.status, cache: response.headers.get("cache-control"), csp: response.headers.get("content-security-policy"), body: await response.text() }).toEqual({ path, ...expected });
    }
  });

  it("sends /admin/ on to /admin", async () => {
    const response = await ask("/admin/");
    expect([response.status, response.headers.get("location")]).toEqual([301, "/admin"]);
    expect((await ask("/admin/", {}, { ADMIN_TOKEN: undefined })).status).toBe(404);
  });

  it("takes GET and HEAD only; another method needs the token first, like every /admin path", async () => {
    const head = await ask("/admin", { method: "HEAD" });
    expect([head.status, head.headers.get("content-security-policy"), await head.text()]).toEqual([200, CSP, ""]);
    const anonymous = await ask("/admin", { method: "POST" });
    expect([anonymous.status, ((await anonymous.json()) as { error: { code: string } }).error.code]).toEqual([401, "unauthorized"]);
    const owner = await ask("/admin", { method: "POST", headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect([owner.status, owner.headers.get("allow"), ((await owner.json()) as { error: { code: string } }).error.code]).toEqual([405, "GET, HEAD, OPTIONS", "method_not_allowed"]);
  });

  it("leaves /faq's answers without the page's headers", async () => {
    const response = await ask("/widget.js");
    expect([response.status, response.headers.get("content-security-policy"), response.headers.get("referrer-policy")]).toEqual([200, null, null]);
  });
});
