import type { PendingStatement } from "./pending-writes";

/** A batch of statements under one id: written once, whatever the number of attempts. */
export interface InboxBatch {
  id: string;
  statements: PendingStatement[];
  askings: number;
  /** Attempts made so far. */
  attempts: number;
}

/** How a write of a batch ended: stored now, stored by an earlier attempt, or not stored. */
export type BatchOutcome = "written" | "already-written" | "failed";

/** The outcome is not known when D1 has not answered within this time: the batch is written again later under its id. */
export const WRITE_TIMEOUT_MS = 10_000;

const RECORD_FLUSH = "INSERT INTO inbox_flushes (id, at) VALUES (?1, ?2)";

/**
 * Writes a batch in one D1 transaction together with its id, so that
 * attempting it again is safe: if an earlier attempt committed, the id is
 * taken, the whole transaction fails, and a look-up says so. Resolves within
 * `timeoutMs` with "failed" when D1 does not answer (the caller retries).
 */
export async function writeBatch(db: D1Database, batch: InboxBatch, now: number, timeoutMs = WRITE_TIMEOUT_MS): Promise<BatchOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  const attempt = (async (): Promise<BatchOutcome> => {
    try {
      await db.batch([
        db.prepare(RECORD_FLUSH).bind(batch.id, now),
        ...batch.statements.map((s) => db.prepare(s.sql).bind(...s.params)),
      ]);
      return "written";
    } catch {
      // a taken id means an earlier attempt committed; anything else, including a failed look-up, is a failure
      try {
        const earlier = await db.prepare("SELECT 1 AS found FROM inbox_flushes WHERE id = ?1").bind(batch.id).first<{ found: number }>();
        return earlier ? "already-written" : "failed";
      } catch {
        return "failed";
      }
    }
  })();
  try {
    const outcome = await Promise.race([attempt, timedOut]);
    return outcome === "timeout" ? "failed" : outcome;
  } finally {
    clearTimeout(timer);
  }
}
