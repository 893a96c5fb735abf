import type { InboxCounts } from "./inbox-stats";

/** One statement a flush writes, and how many askings it stores. */
export interface PendingStatement {
  sql: string;
  params: unknown[];
  askings: number;
}

/** An unanswered question as held for the next flush: the same wording asked again adds to its count. */
export interface PendingQuestion {
  collection: string;
  key: string;
  text: string;
  count: number;
  firstSeen: number;
  lastSeen: number;
  nearest: { id: string; score: number } | null;
  vector: Uint8Array | null;
  model: string;
  degraded: boolean;
}

export interface PendingFeedback {
  collection: string;
  query: string;
  id: string;
  helpful: boolean;
  at: number;
}

// Adds `count` askings; the newest wording, nearest match and vector replace the old.
// A degraded repeat (no vector) keeps the vector from before.
const UPSERT_QUESTION = `INSERT INTO unanswered_questions
  (question_key, text, count, first_seen, last_seen, nearest_id, nearest_score, model, vector, degraded, collection)
  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
  ON CONFLICT (collection, question_key) DO UPDATE SET
    text = excluded.text, count = count + excluded.count,
    first_seen = MIN(first_seen, excluded.first_seen), last_seen = MAX(last_seen, excluded.last_seen),
    nearest_id = excluded.nearest_id, nearest_score = excluded.nearest_score,
    model = COALESCE(excluded.model, model), vector = COALESCE(excluded.vector, vector),
    degraded = excluded.degraded`;

const INSERT_FEEDBACK = "INSERT INTO feedback (query, faq_id, helpful, at, collection) VALUES (?1, ?2, ?3, ?4, ?5)";

/**
 * What the next flush will write, coalesced: the same question asked 500
 * times becomes one statement adding 500. Bounded: beyond `max` distinct
 * entries, what arrives is dropped and counted.
 */
export class PendingWrites {
  private readonly questions = new Map<string, PendingQuestion>();
  private feedback: PendingFeedback[] = [];

  constructor(private readonly max: number, private readonly counts: InboxCounts) {}

  get size(): number {
    return this.questions.size + this.feedback.length;
  }

  addQuestion(question: PendingQuestion): void {
    const slot = `${question.collection}\n${question.key}`;
    const before = this.questions.get(slot);
    if (!before && this.size >= this.max) {
      this.counts.dropped += question.count;
      return;
    }
    this.questions.set(slot, before ? {
      ...question,
      count: before.count + question.count,
      firstSeen: Math.min(before.firstSeen, question.firstSeen),
      lastSeen: Math.max(before.lastSeen, question.lastSeen),
      vector: question.vector ?? before.vector,
      model: question.vector ? question.model : before.model,
    } : question);
    this.held(question.count);
  }

  addFeedback(feedback: PendingFeedback): void {
    if (this.size >= this.max) {
      this.counts.dropped += 1;
      return;
    }
    this.feedback.push(feedback);
    this.held(1);
  }

  private held(askings: number) {
    this.counts.pending += askings;
  }

  /** Everything held, as statements, leaving nothing behind (the askings stay pending in the counts until written). */
  take(): PendingStatement[] {
    const statements: PendingStatement[] = [];
    for (const q of this.questions.values()) {
      statements.push({
        sql: UPSERT_QUESTION,
        params: [q.key, q.text, q.count, q.firstSeen, q.lastSeen, q.nearest?.id ?? null, q.nearest?.score ?? null, q.vector ? q.model : null, q.vector ? q.vector.buffer : null, q.degraded ? 1 : 0, q.collection],
        askings: q.count,
      });
    }
    for (const f of this.feedback) statements.push({ sql: INSERT_FEEDBACK, params: [f.query, f.id, f.helpful ? 1 : 0, f.at, f.collection], askings: 1 });
    this.questions.clear();
    this.feedback = [];
    return statements;
  }
}
