import { fromStoredVector } from "./question-vector";

/** One distinct unanswered question as stored. */
export interface LoggedQuestion {
  text: string;
  count: number;
  firstSeen: number;
  lastSeen: number;
  nearestId: string | null;
  nearestScore: number | null;
  model: string | null;
  vector: Int8Array | null;
  degraded: boolean;
  /** Its key in the table (read from D1; absent where questions are made up, as in the bench). */
  key?: string;
  /** When the owner marked its group done; null when never. */
  doneAt?: number | null;
}

export interface FeedbackRow {
  query: string;
  id: string;
  helpful: boolean;
  at: number;
}

interface QuestionRow {
  question_key: string;
  done_at: number | null;
  text: string;
  count: number;
  first_seen: number;
  last_seen: number;
  nearest_id: string | null;
  nearest_score: number | null;
  model: string | null;
  vector: unknown;
  degraded: number;
}

/** A collection's most asked questions last seen from `since` to `until` (ms, both included), at most `max` of them. */
export async function readUnanswered(db: D1Database, collection: string, since: number, max: number, until = Number.MAX_SAFE_INTEGER): Promise<LoggedQuestion[]> {
  const { results } = await db.prepare(`SELECT question_key, done_at, text, count, first_seen, last_seen, nearest_id, nearest_score, model, vector, degraded
      FROM unanswered_questions WHERE collection = ?3 AND last_seen >= ?1 AND last_seen <= ?4 ORDER BY count DESC, last_seen DESC, question_key LIMIT ?2`)
    .bind(since, max, collection, until)
    .all<QuestionRow>();
  return results.map((row) => ({
    text: row.text,
    count: row.count,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    nearestId: row.nearest_id,
    nearestScore: row.nearest_score,
    model: row.model,
    vector: row.model === null ? null : fromStoredVector(row.vector),
    degraded: row.degraded === 1,
    key: row.question_key,
    doneAt: row.done_at,
  }));
}

/** A collection's feedback given at or after `since` (ms), newest first, at most `max` rows. */
export async function readFeedback(db: D1Database, collection: string, since: number, max: number): Promise<FeedbackRow[]> {
  const { results } = await db.prepare("SELECT query, faq_id, helpful, at FROM feedback WHERE collection = ?3 AND at >= ?1 ORDER BY at DESC, id DESC LIMIT ?2")
    .bind(since, max, collection)
    .all<{ query: string; faq_id: string; helpful: number; at: number }>();
  return results.map((row) => ({ query: row.query, id: row.faq_id, helpful: row.helpful === 1, at: row.at }));
}

export interface FeedbackCount {
  id: string;
  helpful: number;
  unhelpful: number;
}

/** Per FAQ of a collection, how many visitors said it answered their question and how many said not, since `since` (ms); most unhelpful first. */
export async function readFeedbackCounts(db: D1Database, collection: string, since: number): Promise<FeedbackCount[]> {
  const { results } = await db.prepare(`SELECT faq_id, SUM(helpful) AS helpful, SUM(1 - helpful) AS unhelpful
      FROM feedback WHERE collection = ?2 AND at >= ?1 GROUP BY faq_id ORDER BY unhelpful DESC, helpful DESC, faq_id`)
    .bind(since, collection)
    .all<{ faq_id: string; helpful: number; unhelpful: number }>();
  return results.map((row) => ({ id: row.faq_id, helpful: row.helpful, unhelpful: row.unhelpful }));
}
