import type { Handler } from "hono";
import type { AppEnv } from "../app-env";
import { ApiError } from "../errors";

/**
 * The answer for a method a path does not take: 405 with `Allow`. A plain
 * OPTIONS (no Origin: not a CORS preflight, which the CORS middleware answers
 * first) asks which methods there are, and gets 204 with the same `Allow`.
 */
export const allowOnly = (methods: string[]): Handler<AppEnv> => (c) => {
  const allow = methods.join(", ");
  if (c.req.method === "OPTIONS" && methods.includes("OPTIONS")) {
    c.header("Allow", allow);
    c.header("Cache-Control", "no-store");
    return c.body(null, 204);
  }
  throw new ApiError(405, "method_not_allowed", `This path only supports ${methods.filter((m) => m !== "OPTIONS" && m !== "HEAD").join(" and ")}.`, { Allow: allow });
};
