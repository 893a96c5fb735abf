import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { waitUntilOf } from "../lib/wait-until";
import type { WaitUntil } from "./inbox-writer";

/** Whether this Worker stores questions and feedback: a FAQ_DB binding and LOG_QUESTIONS not off. */
export const inboxEnabled = (c: Context<AppEnv>): boolean => c.get("config").logQuestions && c.env.FAQ_DB !== undefined;

/**
 * Hands a write to the inbox (the database and the request's waitUntil), if
 * this Worker stores anything: it runs after the answer is sent, so a slow or
 * failing database never slows or fails the answer. A write that throws
 * before it is queued is logged by kind only: the question is not repeated in the logs.
 */
export function deferInboxWrite(c: Context<AppEnv>, kind: string, write: (db: D1Database, waitUntil: WaitUntil) => void): void {
  if (!inboxEnabled(c)) return;
  try {
    write(c.env.FAQ_DB!, waitUntilOf(c));
  } catch (error) {
    console.warn(`inbox: queueing ${kind} failed (${error instanceof Error ? error.name : "error"})`);
  }
}
