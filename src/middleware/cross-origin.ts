import type { Context, MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import type { AppEnv } from "../app-env";
import { allowedOrigins } from "../config";

export const READ_METHODS = ["GET", "HEAD", "OPTIONS"];
/** What browsers may do across origins: read, and send feedback. */
const CROSS_ORIGIN_METHODS = [...READ_METHODS, "POST"];

/**
 * The value for Access-Control-Allow-Origin (and Timing-Allow-Origin): "*"
 * when every origin is allowed, the request's origin when the allowlist
 * admits it, else null (the browser then refuses the answer). Null too for a
 * request without an Origin header: only cross-origin requests, which always
 * carry one, use these headers.
 */
export function admittedOrigin(c: Context<AppEnv>): string | null {
  const origin = c.req.header("origin");
  if (origin === undefined) return null;
  const allowed = allowedOrigins(c.env);
  if (allowed.includes("*")) return "*";
  return origin && allowed.includes(origin) ? origin : null;
}

/** CORS for the API (reads, and POST /feedback as JSON), built once; the allowlist is read per request from the Worker's env. */
const corsHeaders = cors({
  origin: (_origin, c) => admittedOrigin(c as Context<AppEnv>),
  allowMethods: CROSS_ORIGIN_METHODS,
  allowHeaders: ["Content-Type"],
  exposeHeaders: ["Server-Timing"],
  maxAge: 86400,
});

/**
 * CORS headers for cross-origin requests, which browsers always send with an
 * Origin header; a same-origin or server-side request gets none (they are
 * three of the headers on every answer, and headers are much of what a
 * cached answer costs). Every answer says `Vary: Origin`, so that one kept
 * for a request without Origin is never reused for one with it.
 */
export const crossOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.header("origin") !== undefined) return corsHeaders(c, next);
  c.header("Vary", "Origin");
  await next();
};
