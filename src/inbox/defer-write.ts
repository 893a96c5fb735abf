import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { waitUntilOf } from "../lib/wait-until";
import { inboxWriteFailures } from "./write-failures";

/** Whether this Worker stores questions and feedback: a FAQ_DB binding and LOG_QUESTIONS not off. */
export const inboxEnabled = (c: Context<AppEnv>): boolean => c.get("config").logQuestions && c.env.FAQ_DB !== undefined;

/**
 * Runs `write` against FAQ_DB after the answer is sent (ctx.waitUntil), so a
 * slow or failing database never slows or fails the answer. `write` may
 * return null when its work joined a write another request keeps alive. A failure is
 * counted for /health and logged by kind only: the question is not repeated
 * in the logs.
 */
export function deferInboxWrite(c: Context<AppEnv>, kind: string, write: (db: D1Database) => Promise<unknown> | null): void {
  if (!inboxEnabled(c)) return;
  let started: Promise<unknown> | null;
  try {
    started = write(c.env.FAQ_DB!);
  } catch (error) {
    started = Promise.reject(error);
  }
  // null: the write joined one that another request already waits for
  if (started === null) return;
  waitUntilOf(c)(started.catch((error: unknown) => {
    inboxWriteFailures.add();
    console.warn(`inbox: writing ${kind} failed (${error instanceof Error ? error.name : "error"})`);
  }));
}
