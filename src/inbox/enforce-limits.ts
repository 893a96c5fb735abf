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
 * writer's batch ids older than a day, and the dashboard's daily counts
 * older than retentionDays, in one batch (one transaction).
 * Run by the daily Cron Trigger.
 */
export async function enforceInboxLimits(db: D1Database, limits: InboxLimits, now: number): Promise<LimitsEnforced> {
  const cutoff = now - limits.retentionDays * DAY_MS;
  const cutoffDay = new Date(cutoff).toISOString().slice(0, 10);
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
    // the dashboard's counts age out with the rest; drafts are the owner's own work and stay
    db.prepare("DELETE FROM daily_counts WHERE day < ?1").bind(cutoffDay),
    db.prepare("DELETE FROM question_days WHERE day < ?1").bind(cutoffDay),
    db.prepare("DELETE FROM faq_opens WHERE day < ?1").bind(cutoffDay),
  ]);
  const changes = results.map((result) => result.meta.changes ?? 0);
  return { questionsDeleted: changes[0]! + changes[1]!, feedbackDeleted: changes[2]! + changes[3]! };
}
