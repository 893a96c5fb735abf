export interface InboxLimits {
  retentionDays: number;
  maxLoggedQuestions: number;
}

export interface LimitsEnforced {
  questionsDeleted: number;
  feedbackDeleted: number;
}

const DAY_MS = 86_400_000;

/**
 * Deletes questions and feedback older than retentionDays, then all but the
 * maxLoggedQuestions most recent of each in each collection, and the
 * writer's batch ids older than a day, in one batch (one transaction).
 * Run by the daily Cron Trigger.
 */
export async function enforceInboxLimits(db: D1Database, limits: InboxLimits, now: number): Promise<LimitsEnforced> {
  const cutoff = now - limits.retentionDays * DAY_MS;
  const results = await db.batch([
    db.prepare("DELETE FROM unanswered_questions WHERE last_seen < ?1").bind(cutoff),
    // each collection keeps its own most recent: a busy one never crowds out a quiet one
    db.prepare(`DELETE FROM unanswered_questions WHERE (collection, question_key) IN
      (SELECT collection, question_key FROM (SELECT collection, question_key,
        ROW_NUMBER() OVER (PARTITION BY collection ORDER BY last_seen DESC, question_key) AS n FROM unanswered_questions) WHERE n > ?1)`).bind(limits.maxLoggedQuestions),
    db.prepare("DELETE FROM feedback WHERE at < ?1").bind(cutoff),
    db.prepare(`DELETE FROM feedback WHERE id IN
      (SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY collection ORDER BY at DESC, id DESC) AS n FROM feedback) WHERE n > ?1)`).bind(limits.maxLoggedQuestions),
    // a batch is only ever written again within minutes: a day of ids is plenty
    db.prepare("DELETE FROM inbox_flushes WHERE at < ?1").bind(now - DAY_MS),
  ]);
  const changes = results.map((result) => result.meta.changes ?? 0);
  return { questionsDeleted: changes[0]! + changes[1]!, feedbackDeleted: changes[2]! + changes[3]! };
}
