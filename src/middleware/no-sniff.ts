import type { MiddlewareHandler } from "hono";

/** Every answer, errors included, is read as the type it declares: no MIME sniffing of JSON into HTML. */
export const noSniff: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set("X-Content-Type-Options", "nosniff");
};
