import { questionKey } from "./question-key";
import { toStoredVector } from "./question-vector";

/** What is stored about one unanswered question. No IP address, user agent or cookie: nothing about who asked. */
export interface UnansweredQuestion {
  text: string;
  nearest: { id: string; score: number } | null;
  /** The query's unit vector; null when it was not embedded (degraded answer). */
  vector: Float32Array | null;
  model: string;
  degraded: boolean;
}

// The same question again adds to its count; the newest wording, nearest match and vector replace the old.
// A degraded repeat (no vector) keeps the vector from before.
const UPSERT = `INSERT INTO unanswered_questions
  (question_key, text, count, first_seen, last_seen, nearest_id, nearest_score, model, vector, degraded)
  VALUES (?1, ?2, 1, ?3, ?3, ?4, ?5, ?6, ?7, ?8)
  ON CONFLICT (question_key) DO UPDATE SET
    text = excluded.text, count = count + 1, last_seen = excluded.last_seen,
    nearest_id = excluded.nearest_id, nearest_score = excluded.nearest_score,
    model = COALESCE(excluded.model, model), vector = COALESCE(excluded.vector, vector),
    degraded = excluded.degraded`;

/** Records (or counts again) one question the FAQ did not answer. */
export async function logUnanswered(db: D1Database, question: UnansweredQuestion, now: number): Promise<void> {
  const vector = question.vector ? toStoredVector(question.vector) : null;
  await db.prepare(UPSERT).bind(
    questionKey(question.text),
    question.text,
    now,
    question.nearest?.id ?? null,
    question.nearest?.score ?? null,
    vector ? question.model : null,
    vector ? vector.buffer : null,
    question.degraded ? 1 : 0,
  ).run();
}
