import { dayOf } from "./pending-writes";

/** How often each of these questions was asked from `since` to before `until` (ms), by the days the writer counted. */
export async function askedBetween(db: D1Database, collection: string, keys: string[], since: number, until: number): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (keys.length === 0 || until <= since) return counts;
  // D1 takes at most 100 bound values a statement
  for (let start = 0; start < keys.length; start += 90) {
    const part = keys.slice(start, start + 90);
    const marks = part.map((_, i) => `?${i + 4}`).join(", ");
    const { results } = await db.prepare(`SELECT question_key, SUM(count) AS asked FROM question_days
        WHERE collection = ?1 AND day >= ?2 AND day < ?3 AND question_key IN (${marks}) GROUP BY question_key`)
      .bind(collection, dayOf(since), dayOf(until - 1) + "~", ...part)
      .all<{ question_key: string; asked: number }>();
    for (const row of results) counts.set(row.question_key, row.asked);
  }
  return counts;
}

/**
 * Marks questions done as they stand: each remembers when it was last asked,
 * so its group shows again as soon as one of them is asked after that (a
 * time of marking could tie with the next asking: workerd's clock only moves with I/O).
 */
export async function markDone(db: D1Database, collection: string, keys: string[]): Promise<void> {
  for (let start = 0; start < keys.length; start += 90) {
    const part = keys.slice(start, start + 90);
    const marks = part.map((_, i) => `?${i + 2}`).join(", ");
    await db.prepare(`UPDATE unanswered_questions SET done_at = last_seen WHERE collection = ?1 AND question_key IN (${marks})`).bind(collection, ...part).run();
  }
}
