import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { ApiError } from "../errors";

/** The period configured for RATE_LIMITER in wrangler.toml: how long a limited client should wait at most. */
export const RATE_LIMIT_PERIOD_SECONDS = 60;

/**
 * Limits each client, by the address Cloudflare saw (CF-Connecting-IP), with
 * the Workers rate-limiting binding; over the limit answers 429 with
 * Retry-After. Without the binding, or with RATE_LIMIT=off, it lets everything through.
 */
export const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const limiter = c.env.RATE_LIMIT?.trim().toLowerCase() === "off" ? undefined : c.env.RATE_LIMITER;
  if (limiter) {
    const client = c.req.header("cf-connecting-ip") ?? "unknown";
    const { success } = await limiter.limit({ key: client });
    if (!success) {
      throw new ApiError(429, "rate_limited", "Too many questions from this client; try again shortly.", {
        "Retry-After": String(RATE_LIMIT_PERIOD_SECONDS),
      });
    }
  }
  await next();
};
