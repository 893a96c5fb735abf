import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./app-env";
import { ApiError } from "./errors";
import { redact } from "./redact";

/** Stable codes for the statuses Hono's own middleware may raise as HTTPException. */
const HTTP_EXCEPTION_CODES: Record<number, string> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  408: "request_timeout",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

export const errorBody = (code: string, message: string) => ({ error: { code, message } });

/**
 * The one place errors become answers: `{"error":{"code","message"}}`, never
 * cached (`no-store`, no ETag, whatever a handler had set before it threw).
 * ApiError and Hono's HTTPException keep their status; anything else is a
 * plain 500 whose stack goes to the log with every secret redacted.
 */
export function errorResponse(error: Error, c: Context<AppEnv>): Response {
  c.header("ETag", undefined);
  c.header("Cache-Control", "no-store");
  if (error instanceof ApiError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    return c.json(errorBody(error.code, error.message), error.status);
  }
  if (error instanceof HTTPException && error.status < 500) {
    const status = error.status as ContentfulStatusCode;
    return c.json(errorBody(HTTP_EXCEPTION_CODES[status] ?? "bad_request", error.message || "The request was refused."), status);
  }
  const where = `${c.req.method} ${new URL(c.req.url).pathname}`;
  console.error(redact(`unhandled error on ${where}: ${error.stack ?? `${error.name}: ${error.message}`}`, [c.env?.HF_TOKEN, c.env?.ADMIN_TOKEN]));
  return c.json(errorBody("internal_error", "Something went wrong on our side."), 500);
}
