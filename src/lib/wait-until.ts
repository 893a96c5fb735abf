import type { Context } from "hono";
import type { AppEnv } from "../app-env";

/**
 * A function that hands work to `ctx.waitUntil`, so it finishes after the
 * answer is sent. Where the runtime gives no execution context (app.request
 * in tests), the work still runs; nothing waits for it.
 */
export function waitUntilOf(c: Context<AppEnv>): (work: Promise<unknown>) => void {
  let waitUntil: ((work: Promise<unknown>) => void) | undefined;
  try {
    const ctx = c.executionCtx;
    waitUntil = (work) => ctx.waitUntil(work);
  } catch {
    waitUntil = undefined;
  }
  return (work) => waitUntil?.(work);
}
