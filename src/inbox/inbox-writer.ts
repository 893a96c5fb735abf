import { emptyCounts, type InboxCounts } from "./inbox-stats";
import { PendingWrites, type PendingFeedback, type PendingQuestion, type PendingStatement, type QuestionOutcome } from "./pending-writes";
import { WRITE_TIMEOUT_MS, writeBatch, type BatchOutcome, type InboxBatch } from "./write-batch";

/** Hands work to ctx.waitUntil of the request that calls it. */
export type WaitUntil = (work: Promise<unknown>) => void;

/**
 * While busy, a flush starts at most once per this many milliseconds: with a
 * write per request, the writes took the CPU the answers under load needed
 * (`npm run bench:e2e`, docs/inbox.md), and D1 bills per row written, so
 * fewer, fuller batches cost less too.
 */
export const BUSY_INTERVAL_MS = 1000;
/** Statements per D1 batch. */
export const STATEMENTS_PER_BATCH = 100;
/** Distinct questions and feedback held for the next batches: beyond it, what arrives is dropped and counted. */
export const MAX_PENDING = 5000;
/**
 * Batches waiting to be written at most, before what is pending is batched
 * too: with D1 slower than the questions arrive, the queue would otherwise
 * grow by what every flush left, and the isolate's memory with it. The
 * questions then wait in PendingWrites, whose MAX_PENDING drops and counts.
 */
export const MAX_QUEUED_BATCHES = 50;
/** Attempts at one batch before its askings are counted as failed. */
export const MAX_ATTEMPTS = 3;
/**
 * How long one request keeps flushing while questions keep arriving. No
 * batch starts after it, and a batch's write gives up after
 * WRITE_TIMEOUT_MS, so a flush ends inside the 30 s a Worker may run after
 * its answer. The next request then takes over what is left.
 */
export const FLUSH_LOOP_MS = 20_000;
/** A flush loop not heard of for this long has been stopped with its request: another request takes over, and retries what it was writing. */
const LOOP_LOST_MS = FLUSH_LOOP_MS + WRITE_TIMEOUT_MS + 5000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes an isolate's unanswered questions and feedback to one database,
 * after the answers are sent, without losing any under load.
 *
 * A flush belongs to one request, which keeps it alive with waitUntil and
 * awaits nothing of any other request (a promise of a request the runtime
 * has cancelled never settles, and awaiting one hangs the waiter too).
 * Questions that arrive while a flush runs are taken by its next round.
 * Each batch is written with an id, so a batch whose outcome is unknown (its
 * request was cancelled, D1 did not answer, or failed) is written again by a
 * later flush, and counted once. If a request's flush stops without a word,
 * the first request after LOOP_LOST_MS starts a new one: the writer recovers
 * by itself. /health shows the counts.
 */
export class InboxWriter {
  /** Every count but retrying, which is derived from the batches held. */
  private readonly counts: InboxCounts = emptyCounts();
  private readonly pending = new PendingWrites(MAX_PENDING, this.counts);
  /**
   * Batches waiting to be written (new ones and ones to write again), and
   * those being written (with when their write started). Both live on the
   * writer, not in a flush: a flush its request's end cut short leaves
   * them here for the next one.
   */
  private readonly queue: InboxBatch[] = [];
  private readonly writing = new Map<InboxBatch, number>();
  /** The running flush loop, and when it last showed life; null when none runs. */
  private loop: { seenAt: number } | null = null;
  private lastFlushAt = Number.NEGATIVE_INFINITY;

  /** `write` and `now` are the real ones but in tests, which stand in for a request the runtime stopped. */
  constructor(
    private readonly db: D1Database,
    private readonly now: () => number = Date.now,
    private readonly write_: (db: D1Database, batch: InboxBatch, now: number) => Promise<BatchOutcome> = writeBatch,
  ) {}

  /** What happened to what this writer was given, so far. */
  snapshot(): InboxCounts {
    // attempts counts the one under way: waiting after one, or writing after two, is a retry
    let retrying = 0;
    for (const batch of this.queue) if (batch.attempts > 0) retrying += batch.askings;
    for (const batch of this.writing.keys()) if (batch.attempts > 1) retrying += batch.askings;
    return { ...this.counts, retrying };
  }

  addQuestion(question: PendingQuestion, waitUntil: WaitUntil): void {
    this.pending.addQuestion(question);
    this.ensureFlushing(waitUntil);
  }

  addFeedback(feedback: PendingFeedback, waitUntil: WaitUntil): void {
    this.pending.addFeedback(feedback);
    this.ensureFlushing(waitUntil);
  }

  /**
   * Counts a question asked of a collection, by how it ended (the
   * dashboard's daily counts): one row per collection and day, added to in
   * the flushes questions get, at most one a second while busy.
   */
  addOutcome(collection: string, at: number, outcome: QuestionOutcome, waitUntil: WaitUntil): void {
    this.pending.addOutcome(collection, at, outcome);
    this.ensureFlushing(waitUntil);
  }

  /** Counts a visitor opening a FAQ's answer in the widget. */
  addOpen(collection: string, id: string, at: number, waitUntil: WaitUntil): void {
    this.pending.addOpen(collection, id, at);
    this.ensureFlushing(waitUntil);
  }

  /** Starts a flush loop in the calling request, unless one is running (or was, too recently to count as lost). */
  private ensureFlushing(waitUntil: WaitUntil): void {
    const now = this.now();
    if (this.loop !== null && now - this.loop.seenAt < LOOP_LOST_MS) return;
    if (this.loop !== null) this.recoverLost(now);
    const loop = { seenAt: now };
    this.loop = loop;
    waitUntil(this.flushLoop(loop).catch(() => undefined));
  }

  /** The batches a lost loop was writing: their outcome is unknown, so they are written again under their ids. */
  private recoverLost(now: number): void {
    for (const [batch, startedAt] of this.writing) {
      if (now - startedAt < WRITE_TIMEOUT_MS) continue;
      this.writing.delete(batch);
      this.retry(batch);
    }
  }

  private retry(batch: InboxBatch): void {
    if (batch.attempts >= MAX_ATTEMPTS) {
      this.counts.pending -= batch.askings;
      this.counts.failed += batch.askings;
      return;
    }
    this.queue.push(batch);
  }

  private async flushLoop(loop: { seenAt: number }): Promise<void> {
    const startedAt = loop.seenAt;
    try {
      // idle: at once; busy (a flush less than a second ago): the rest of that second
      await sleep(Math.max(0, this.lastFlushAt + BUSY_INTERVAL_MS - this.now()));
      for (;;) {
        this.batchPending();
        if (this.queue.length === 0) break;
        this.lastFlushAt = loop.seenAt = this.now();
        // one batch at a time from the writer's queue, so that what this flush has not written yet stays
        // there; a batch that fails now is queued behind and waits for the next round, a second away
        for (let left = this.queue.length; left > 0 && this.queue.length > 0 && this.now() - startedAt < FLUSH_LOOP_MS; left--) {
          await this.write(this.queue.shift()!);
          loop.seenAt = this.now();
        }
        if (this.pending.empty && this.queue.length === 0) break;
        if (this.now() + BUSY_INTERVAL_MS - startedAt > FLUSH_LOOP_MS) break;
        await sleep(BUSY_INTERVAL_MS);
      }
    } finally {
      // a loop taken over as lost does not end its successor
      if (this.loop === loop) this.loop = null;
    }
  }

  /** Moves what is pending into the queue, in batches of STATEMENTS_PER_BATCH with fresh ids, after the batches to write again. */
  private batchPending(): void {
    if (this.queue.length >= MAX_QUEUED_BATCHES) return;
    let part: PendingStatement[] = [];
    const close = () => {
      if (part.length > 0) this.queue.push({ id: crypto.randomUUID(), statements: part, askings: part.reduce((sum, s) => sum + s.askings, 0), attempts: 0 });
      part = [];
    };
    for (const statement of this.pending.take()) {
      // statements that go together are never split across batches
      if (part.length >= STATEMENTS_PER_BATCH && !part.at(-1)!.withNext) close();
      part.push(statement);
    }
    close();
  }

  private async write(batch: InboxBatch): Promise<void> {
    batch.attempts += 1;
    this.writing.set(batch, this.now());
    const outcome = await this.write_(this.db, batch, this.now());
    // taken over by another request's loop meanwhile: that one counts it
    if (!this.writing.delete(batch)) return;
    if (outcome === "failed") {
      console.warn(`inbox: writing a batch of ${batch.statements.length} failed (attempt ${batch.attempts} of ${MAX_ATTEMPTS})`);
      this.retry(batch);
      return;
    }
    this.counts.pending -= batch.askings;
    this.counts.written += batch.askings;
  }
}
