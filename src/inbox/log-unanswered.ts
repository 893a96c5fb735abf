import { maskPersonalData } from "./mask-personal-data";
import { questionKey } from "./question-key";
import { toStoredVector } from "./question-vector";
import { inboxWriteFailures } from "./write-failures";

/**
 * What is stored about one unanswered question. No IP address, user agent or
 * cookie: nothing about who asked; e-mail addresses and long numbers in the
 * text are masked before it is stored.
 */
export interface UnansweredQuestion {
  text: string;
  nearest: { id: string; score: number } | null;
  /** The query's unit vector; null when it was not embedded (degraded answer). */
  vector: Float32Array | null;
  model: string;
  degraded: boolean;
}

interface Pending {
  text: string;
  count: number;
  firstSeen: number;
  lastSeen: number;
  nearest: { id: string; score: number } | null;
  vector: Uint8Array | null;
  model: string;
  degraded: boolean;
}

// Adds `count` askings; the newest wording, nearest match and vector replace the old.
// A degraded repeat (no vector) keeps the vector from before.
const UPSERT = `INSERT INTO unanswered_questions
  (question_key, text, count, first_seen, last_seen, nearest_id, nearest_score, model, vector, degraded)
  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
  ON CONFLICT (question_key) DO UPDATE SET
    text = excluded.text, count = count + excluded.count,
    first_seen = MIN(first_seen, excluded.first_seen), last_seen = MAX(last_seen, excluded.last_seen),
    nearest_id = excluded.nearest_id, nearest_score = excluded.nearest_score,
    model = COALESCE(excluded.model, model), vector = COALESCE(excluded.vector, vector),
    degraded = excluded.degraded`;

/**
 * While busy, at most one batch per this many milliseconds. With a write per
 * request, answers under load were 4 times slower in `npm run bench:e2e`
 * (p50 40 ms against 10 ms without logging), and 2.3 times with a batch per
 * round trip: the writes took the CPU the answers needed. D1 also bills per
 * row written, so fewer, fuller batches cost less too.
 */
const BUSY_INTERVAL_MS = 1000;
/** Statements per D1 batch: a flush of many distinct questions is written in several. */
const STATEMENTS_PER_BATCH = 100;
/**
 * Distinct questions one isolate holds for its next flush. A flood of
 * different questions (many clients, each under the rate limit) cannot grow
 * memory without bound; the overflow is dropped and counted as failed writes.
 */
const MAX_PENDING_QUESTIONS = 5000;

/**
 * Writes unanswered questions to one database, coalescing: the same question
 * asked 500 times before the next write becomes one row update adding 500,
 * and different questions share one batch. A quiet site writes each question
 * at once; a question that arrives while a write is in flight goes into the
 * next flush, which waits for that write and then BUSY_INTERVAL_MS.
 *
 * Each flush is bounded (one wait, one batch), so the request that schedules
 * it can keep the isolate alive for it with waitUntil; the requests whose
 * questions join a flush already scheduled need not wait at all. Under steady
 * load no promise runs for ever, and no waitUntil outlives its limit.
 */
class UnansweredWriter {
  private readonly pending = new Map<string, Pending>();
  /** The flush that will take what is pending now; null once it has taken it. */
  private scheduled: Promise<void> | null = null;
  /** The last flush scheduled: the next one starts after it. */
  private last: Promise<void> = Promise.resolve();
  private writing = false;

  constructor(private readonly db: D1Database) {}

  /**
   * Queues the question. Returns the flush to wait for when this call
   * scheduled it, else null (a flush already scheduled will take it). The
   * promise never rejects: a failed batch is counted for /health.
   */
  add(question: UnansweredQuestion, now: number): Promise<void> | null {
    const text = maskPersonalData(question.text);
    const key = questionKey(text);
    const before = this.pending.get(key);
    if (!before && this.pending.size >= MAX_PENDING_QUESTIONS) {
      inboxWriteFailures.add();
      return null;
    }
    const vector = question.vector ? toStoredVector(question.vector) : null;
    this.pending.set(key, {
      text,
      count: (before?.count ?? 0) + 1,
      firstSeen: Math.min(before?.firstSeen ?? now, now),
      lastSeen: Math.max(before?.lastSeen ?? now, now),
      nearest: question.nearest,
      vector: vector ?? before?.vector ?? null,
      model: vector ? question.model : (before?.model ?? question.model),
      degraded: question.degraded,
    });
    if (this.scheduled) return null;
    const previous = this.last;
    const busy = this.writing;
    this.scheduled = this.last = (async () => {
      await previous;
      if (busy) await new Promise((resolve) => setTimeout(resolve, BUSY_INTERVAL_MS));
      // from here on, new questions go to the next flush
      this.scheduled = null;
      await this.write([...this.pending.entries()]);
    })();
    return this.scheduled;
  }

  private async write(batch: Array<[string, Pending]>): Promise<void> {
    this.pending.clear();
    this.writing = true;
    try {
      for (let start = 0; start < batch.length; start += STATEMENTS_PER_BATCH) {
        const part = batch.slice(start, start + STATEMENTS_PER_BATCH);
        try {
          await this.db.batch(part.map(([key, p]) => this.db.prepare(UPSERT).bind(
            key, p.text, p.count, p.firstSeen, p.lastSeen, p.nearest?.id ?? null, p.nearest?.score ?? null,
            p.vector ? p.model : null, p.vector ? p.vector.buffer : null, p.degraded ? 1 : 0,
          )));
        } catch (error) {
          // the questions of a failed batch are lost; the count in /health says how many
          for (let i = 0; i < part.length; i++) inboxWriteFailures.add();
          console.warn(`inbox: writing ${part.length} unanswered question(s) failed (${error instanceof Error ? error.name : "error"})`);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}

const writers = new WeakMap<D1Database, UnansweredWriter>();

/**
 * Records (or counts again) one question the FAQ did not answer, through the
 * isolate's writer for `db`. Returns the write to keep the isolate alive for,
 * or null when a write already scheduled by another request will take it.
 */
export function logUnanswered(db: D1Database, question: UnansweredQuestion, now: number): Promise<void> | null {
  let writer = writers.get(db);
  if (!writer) {
    writer = new UnansweredWriter(db);
    writers.set(db, writer);
  }
  return writer.add(question, now);
}
