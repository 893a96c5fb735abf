/**
 * The environment the project's wrangler runs in, unless the caller's says
 * otherwise: no usage metrics (nor the notice about them), no download of
 * the `Request.cf` sample from workers.cloudflare.com (which fails offline
 * with a stack trace; miniflare then uses its built-in placeholder, as it
 * does in tests), and no banner, whose update check finds a newer wrangler
 * than the pinned one (the newer ones need Node 22: docs/notes/first-hour.md).
 * All three are variables wrangler and miniflare document.
 */
export function wranglerEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_HIDE_BANNER: "true", ...env };
}
