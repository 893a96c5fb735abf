import type { InboxCounts } from "./inbox-stats";

/** One statement a flush writes, and how many askings it stores. */
export interface PendingStatement {
  sql: string;
  params: unknown[];
  askings: number;
  /** Goes in the same batch as the statement after it. */
  withNext?: boolean;
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

/** How one question asked by meaning ended, for the dashboard's daily counts. */
export type QuestionOutcome = "answered" | "unanswered" | "degraded";

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

const ADD_QUESTION_DAY = `INSERT INTO question_days (collection, question_key, day, count) VALUES (?1, ?2, ?3, ?4)
  ON CONFLICT (collection, question_key, day) DO UPDATE SET count = count + excluded.count`;

const ADD_DAILY_COUNTS = `INSERT INTO daily_counts (collection, day, asked, answered, unanswered, degraded) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
  ON CONFLICT (collection, day) DO UPDATE SET asked = asked + excluded.asked, answered = answered + excluded.answered,
    unanswered = unanswered + excluded.unanswered, degraded = degraded + excluded.degraded`;

const ADD_OPENS = `INSERT INTO faq_opens (collection, day, faq_id, opened) VALUES (?1, ?2, ?3, ?4)
  ON CONFLICT (collection, day, faq_id) DO UPDATE SET opened = opened + excluded.opened`;

/** The UTC day of a time, as the dashboard's tables key it. */
export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * What the next flush will write, coalesced: the same question asked 500
 * times becomes one statement adding 500. Bounded: beyond `max` distinct
 * entries, what arrives is dropped and counted.
 */
export class PendingWrites {
  private readonly questions = new Map<string, PendingQuestion>();
  private feedback: PendingFeedback[] = [];
  /** The dashboard's counts by collection and day, and FAQ opens by collection, day and FAQ: small, and never dropped. */
  private readonly daily = new Map<string, { collection: string; day: string } & Record<QuestionOutcome, number>>();
  private readonly opens = new Map<string, { collection: string; day: string; id: string; opened: number }>();

  constructor(private readonly max: number, private readonly counts: InboxCounts) {}

  get size(): number {
    return this.questions.size + this.feedback.length;
  }

  /** Whether anything is held, counts included. */
  get empty(): boolean {
    return this.size === 0 && this.daily.size === 0 && this.opens.size === 0;
  }

  /** Counts one question asked of a collection, by how it ended. */
  addOutcome(collection: string, at: number, outcome: QuestionOutcome): void {
    const day = dayOf(at);
    const slot = `${collection}\n${day}`;
    const counts = this.daily.get(slot) ?? { collection, day, answered: 0, unanswered: 0, degraded: 0 };
    counts[outcome] += 1;
    this.daily.set(slot, counts);
  }

  /** Counts one opening of a FAQ's answer in the widget. */
  addOpen(collection: string, id: string, at: number): void {
    const day = dayOf(at);
    const slot = `${collection}\n${day}\n${id}`;
    const open = this.opens.get(slot) ?? { collection, day, id, opened: 0 };
    open.opened += 1;
    this.opens.set(slot, open);
  }

  addQuestion(question: PendingQuestion): void {
    // one entry per day too: the question's count of each day is kept for the dashboard
    const slot = `${question.collection}\n${question.key}\n${dayOf(question.lastSeen)}`;
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

  /**
   * Everything held, as statements, leaving nothing behind (the askings stay
   * pending in the counts until written). A question's statements come
   * together, so a batch never stores a question without its day's count.
   * The dashboard's counts carry no askings: /health counts questions and feedback.
   */
  take(): PendingStatement[] {
    const statements: PendingStatement[] = [];
    for (const q of this.questions.values()) {
      statements.push({
        sql: UPSERT_QUESTION,
        params: [q.key, q.text, q.count, q.firstSeen, q.lastSeen, q.nearest?.id ?? null, q.nearest?.score ?? null, q.vector ? q.model : null, q.vector ? q.vector.buffer : null, q.degraded ? 1 : 0, q.collection],
        askings: q.count,
        withNext: true,
      });
      statements.push({ sql: ADD_QUESTION_DAY, params: [q.collection, q.key, dayOf(q.lastSeen), q.count], askings: 0 });
    }
    for (const f of this.feedback) statements.push({ sql: INSERT_FEEDBACK, params: [f.query, f.id, f.helpful ? 1 : 0, f.at, f.collection], askings: 1 });
    for (const c of this.daily.values()) {
      statements.push({ sql: ADD_DAILY_COUNTS, params: [c.collection, c.day, c.answered + c.unanswered + c.degraded, c.answered, c.unanswered, c.degraded], askings: 0 });
    }
    for (const o of this.opens.values()) statements.push({ sql: ADD_OPENS, params: [o.collection, o.day, o.id, o.opened], askings: 0 });
    this.questions.clear();
    this.feedback = [];
    this.daily.clear();
    this.opens.clear();
    return statements;
  }
}
