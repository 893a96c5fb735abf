import type { Context } from "hono";
import type { AppEnv } from "../app-env";

const JS = "text/javascript; charset=utf-8";
const CSS = "text/css; charset=utf-8";

interface DashboardFile {
  type: string;
  load: () => Promise<string>;
}

/**
 * The files under /admin/assets/, by the name the page and its modules ask
 * for. Each is a text module (the [[rules]] in wrangler.toml) imported on
 * first use: a static import would make every isolate, /faq's included,
 * load them at start.
 */
const FILES: Record<string, DashboardFile> = {
  "dashboard.css": { type: CSS, load: async () => (await import("../dashboard/dashboard.css")).default },
  "main.dashboard.js": { type: JS, load: async () => (await import("../dashboard/main.dashboard.js")).default },
  "api.dashboard.js": { type: JS, load: async () => (await import("../dashboard/api.dashboard.js")).default },
  "dom.dashboard.js": { type: JS, load: async () => (await import("../dashboard/dom.dashboard.js")).default },
  "charts.dashboard.js": { type: JS, load: async () => (await import("../dashboard/charts.dashboard.js")).default },
  "groups.dashboard.js": { type: JS, load: async () => (await import("../dashboard/groups.dashboard.js")).default },
  "drafts.dashboard.js": { type: JS, load: async () => (await import("../dashboard/drafts.dashboard.js")).default },
  "uplot.css": { type: CSS, load: async () => (await import("uplot/dist/uPlot.min.css")).default },
  // uPlot's minified build declares `var uPlot`; one more line makes it an ES module, without a build step
  "uplot.js": { type: JS, load: async () => `${(await import("uplot/dist/uPlot.iife.min.js")).default}\nexport default uPlot;\n` },
};
const PAGE: DashboardFile = { type: "text/html; charset=utf-8", load: async () => (await import("../dashboard/dashboard.html")).default };

/**
 * Scripts, styles and requests from this origin only, none inline; no page
 * may frame it; a form never submits (the token must not reach a URL); and
 * with Trusted Types no string can become HTML: every visitor's text is set
 * with textContent, and the browser refuses an innerHTML by mistake.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join("; ");

/** Headers of the page and of each of its files. They change only with a deploy: five minutes in a cache is fine. */
function secured(c: Context<AppEnv>, type: string, body: string): Response {
  c.header("Content-Type", type);
  c.header("Content-Security-Policy", DASHBOARD_CSP);
  c.header("Referrer-Policy", "no-referrer");
  c.header("X-Frame-Options", "DENY");
  c.header("Cross-Origin-Opener-Policy", "same-origin");
  c.header("Cross-Origin-Resource-Policy", "same-origin");
  c.header("Cache-Control", "public, max-age=300");
  return c.body(body);
}

const loaded = new Map<DashboardFile, string>();
async function text(file: DashboardFile): Promise<string> {
  const cached = loaded.get(file);
  if (cached !== undefined) return cached;
  const source = await file.load();
  loaded.set(file, source);
  return source;
}

/** GET /admin: the owner's dashboard page (it needs no token to load; the API calls it makes do). */
export const dashboardPage = async (c: Context<AppEnv>) => secured(c, PAGE.type, await text(PAGE));

/** GET /admin/assets/{name}: the dashboard's styles and modules, uPlot's among them; any other name is 404. */
export async function dashboardAsset(c: Context<AppEnv>) {
  const name = c.req.param("name") ?? "";
  const file = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
  if (!file) return c.notFound();
  return secured(c, file.type, await text(file));
}
