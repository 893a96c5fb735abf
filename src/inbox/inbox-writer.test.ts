import { afterEach, describe, expect, it, vi } from "vitest";
import { BUSY_INTERVAL_MS, FLUSH_LOOP_MS, InboxWriter, MAX_ATTEMPTS, MAX_PENDING, MAX_QUEUED_BATCHES } from "./inbox-writer";
import type { PendingQuestion } from "./pending-writes";
import { WRITE_TIMEOUT_MS, writeBatch, type InboxBatch } from "./write-batch";

/**
 * D1 as the writer sees it: a transaction per batch, with the flush ids'
 * primary key, so that a batch written twice is refused the second time.
 * `next` decides what the next batch does: commit, fail, or never answer
 * (after committing or not).
 */
function fakeD1() {
  const flushIds = new Set<string>();
  const counts = new Map<string, number>();
  const feedback: unknown[][] = [];
  const days: unknown[][] = [];
  const daily: unknown[][] = [];
  const opens: unknown[][] = [];
  const batches: Array<{ id: string; keys: string[] }> = [];
  const plan: Array<"commit" | "fail" | "hang" | "commit-then-hang"> = [];
  const statement = (sql: string) => ({
    sql,
    params: [] as unknown[],
    bind(...params: unknown[]) {
      return { ...this, params };
    },
    async first() {
      return flushIds.has(this.params[0] as string) ? { found: 1 } : null;
    },
  });
  const db = {
    prepare: statement,
    batch(statements: Array<ReturnType<typeof statement>>) {
      const [flush, ...rest] = statements;
      const id = flush!.params[0] as string;
      batches.push({ id, keys: rest.filter((s) => s.sql.startsWith("INSERT INTO unanswered_questions")).map((s) => String(s.params[0])) });
      const what = plan.shift() ?? "commit";
      if (what === "fail") return Promise.reject(new Error("D1_ERROR: database is locked"));
      if (what === "hang") return new Promise(() => {});
      if (flushIds.has(id)) return Promise.reject(new Error("UNIQUE constraint failed: inbox_flushes.id"));
      flushIds.add(id);
      for (const s of rest) {
        if (s.sql.startsWith("INSERT INTO unanswered_questions")) counts.set(String(s.params[0]), (counts.get(String(s.params[0])) ?? 0) + (s.params[2] as number));
        else if (s.sql.startsWith("INSERT INTO question_days")) days.push(s.params);
        else if (s.sql.startsWith("INSERT INTO daily_counts")) daily.push(s.params);
        else if (s.sql.startsWith("INSERT INTO faq_opens")) opens.push(s.params);
        else feedback.push(s.params);
      }
      return what === "commit-then-hang" ? new Promise(() => {}) : Promise.resolve([]);
    },
  } as unknown as D1Database;
  return { db, counts, feedback, days, daily, opens, batches, plan };
}

const question = (text: string, at = 0): PendingQuestion => ({ collection: "default", key: text, text, count: 1, firstSeen: at, lastSeen: at, nearest: null, vector: null, model: "m", degraded: false });

/** The requests' waitUntil: every flush loop a request was given. */
function requests() {
  const loops: Array<Promise<unknown>> = [];
  return { loops, waitUntil: (work: Promise<unknown>) => void loops.push(work) };
}

/**
 * A write whose first call is a stopped request's: the batch commits, D1
 * never answers, and the write never times out (its timers died with the
 * request). Every later write is a live one.
 */
function stoppedOnFirstWrite(d1: ReturnType<typeof fakeD1>) {
  let frozen = true;
  return (db: D1Database, batch: InboxBatch, now: number) => {
    if (!frozen) return writeBatch(db, batch, now);
    frozen = false;
    d1.plan.push("commit-then-hang");
    return writeBatch(db, batch, now, Number.MAX_SAFE_INTEGER);
  };
}

/** A writer on a clock that only its writes move, each by `ms`: D1 slower than a flush's time allows. */
function slowWriter(d1: ReturnType<typeof fakeD1>, ms: number) {
  let clock = 0;
  return new InboxWriter(d1.db, () => clock, async (db, batch, now) => {
    const outcome = await writeBatch(db, batch, now);
    clock += ms;
    return outcome;
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe("InboxWriter", () => {
  it("writes at once when idle, then gathers what arrives into one batch a second, in one request's flush", async () => {
    vi.useFakeTimers();
    const d1 = fakeD1();
    const writer = new InboxWriter(d1.db);
    const { loops, waitUntil } = requests();
    writer.addQuestion(question("ship to canada"), waitUntil);
    await vi.advanceTimersByTimeAsync(0);
    expect(d1.batches.map((b) => b.keys)).toEqual([["ship to canada"]]);
    for (const text of ["ship to canada", "ship to canada", "dogs"]) writer.addQuestion(question(text), waitUntil);
    await vi.advanceTimersByTimeAsync(BUSY_INTERVAL_MS - 1);
    expect(d1.batches).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(d1.batches[1]!.keys).toEqual(["ship to canada", "dogs"]);
    await Promise.all(loops);
    // the first question's request flushed it; of the three that came after, only the first request flushes
    expect(loops).toHaveLength(2);
    expect(Object.fromEntries(d1.counts)).toEqual({ "ship to canada": 3, dogs: 1 });
    expect(writer.snapshot()).toEqual({ pending: 0, written: 4, dropped: 0, failed: 0, retrying: 0 });
  });

  it("writes a large flush in batches of 100 statements (a question and its day's count together), and drops and counts what arrives beyond MAX_PENDING", async () => {
    vi.useFakeTimers();
    const d1 = fakeD1();
    const writer = new InboxWriter(d1.db);
    const { loops, waitUntil } = requests();
    for (let i = 0; i <= MAX_PENDING; i++) writer.addQuestion(question(`question ${i}`), waitUntil);
    expect(writer.snapshot()).toMatchObject({ pending: MAX_PENDING, dropped: 1 });
    await vi.advanceTimersByTimeAsync(0);
    await Promise.all(loops);
    expect(d1.batches).toHaveLength(MAX_PENDING / 50);
    expect(d1.batches.every((b) => b.keys.length === 50)).toBe(true);
    expect(d1.days).toHaveLength(MAX_PENDING);
    expect(d1.counts.has(`question ${MAX_PENDING}`)).toBe(false);
    expect(writer.snapshot()).toEqual({ pending: 0, written: MAX_PENDING, dropped: 1, failed: 0, retrying: 0 });
  });

  it("writes a failed batch again under its id, and counts it failed after MAX_ATTEMPTS", async () => {
    vi.useFakeTimers();
    const d1 = fakeD1();
    const writer = new InboxWriter(d1.db);
    const { loops, waitUntil } = requests();
    d1.plan.push("fail");
    writer.addQuestion(question("a"), waitUntil);
    await vi.advanceTimersByTimeAsync(0);
    expect(writer.snapshot()).toEqual({ pending: 1, written: 0, dropped: 0, failed: 0, retrying: 1 });
    await vi.advanceTimersByTimeAsync(BUSY_INTERVAL_MS);
    expect(d1.batches.map((b) => b.id)).toEqual([d1.batches[0]!.id, d1.batches[0]!.id]);
    expect(writer.snapshot()).toEqual({ pending: 0, written: 1, dropped: 0, failed: 0, retrying: 0 });

    d1.plan.push(...Array<"fail">(MAX_ATTEMPTS).fill("fail"));
    writer.addQuestion(question("b"), waitUntil);
    await vi.advanceTimersByTimeAsync(BUSY_INTERVAL_MS * MAX_ATTEMPTS);
    await Promise.all(loops);
    expect(d1.counts.has("b")).toBe(false);
    expect(writer.snapshot()).toEqual({ pending: 0, written: 1, dropped: 0, failed: 1, retrying: 0 });
  });

  it("writes a batch D1 never answered about again, and counts it once when the first attempt had committed", async () => {
    vi.useFakeTimers();
    const d1 = fakeD1();
    const writer = new InboxWriter(d1.db);
    const { loops, waitUntil } = requests();
    d1.plan.push("commit-then-hang");
    writer.addQuestion(question("a"), waitUntil);
    await vi.advanceTimersByTimeAsync(WRITE_TIMEOUT_MS);
    expect(writer.snapshot()).toMatchObject({ pending: 1, written: 0, retrying: 1 });
    await vi.advanceTimersByTimeAsync(BUSY_INTERVAL_MS);
    await Promise.all(loops);
    expect(d1.batches).toHaveLength(2);
    expect(d1.counts.get("a")).toBe(1);
    expect(writer.snapshot()).toEqual({ pending: 0, written: 1, dropped: 0, failed: 0, retrying: 0 });
  });

  it("counts outcomes and opens per collection and day, in the flushes questions get", async () => {
    vi.useFakeTimers();
    const d1 = fakeD1();
    let clock = Date.UTC(2026, 10, 30, 23, 59, 59);
    const writer = new InboxWriter(d1.db, () => clock);
    const { loops, waitUntil } = requests();
    writer.addOutcome("default", clock, "answered", waitUntil);
    writer.addOutcome("default", clock, "answered", waitUntil);
    writer.addOutcome("help-de", clock, "degraded", waitUntil);
    writer.addOpen("default", "faq-1", clock, waitUntil);
    clock += 2000; // the next day
    writer.addOutcome("default", clock, "unanswered", waitUntil);
    await vi.advanceTimersByTimeAsync(0);
    await Promise.all(loops);
    expect(loops).toHaveLength(1);
    expect(d1.daily).toEqual([
      ["default", "2026-11-30", 2, 2, 0, 0],
      ["help-de", "2026-11-30", 1, 0, 0, 1],
      ["default", "2026-12-01", 1, 0, 1, 0],
    ]);
    expect(d1.opens).toEqual([["default", "2026-11-30", "faq-1", 1]]);
    // counts are not askings: /health counts questions and feedback
    expect(writer.snapshot()).toEqual({ pending: 0, written: 0, dropped: 0, failed: 0, retrying: 0 });
  });

  it("recovers by itself when a request's flush stops without a word (the runtime cancelled it), writing its batch exactly once", async () => {
    vi.useFakeTimers();
    const d1 = fakeD1();
    let clock = 0;
    const writer = new InboxWriter(d1.db, () => clock, stoppedOnFirstWrite(d1));
    const first = requests();
    writer.addQuestion(question("a"), first.waitUntil);
    await vi.advanceTimersByTimeAsync(0);
    expect(d1.batches).toHaveLength(1);

    // questions keep coming while the stopped flush holds the writer: they wait, nothing hangs on the stopped request
    clock = 5_000;
    const second = requests();
    writer.addQuestion(question("b"), second.waitUntil);
    expect(second.loops).toHaveLength(0);

    // long after the stopped flush was last seen, the next request takes over
    clock = FLUSH_LOOP_MS + WRITE_TIMEOUT_MS + 10_000;
    const third = requests();
    writer.addQuestion(question("c"), third.waitUntil);
    expect(third.loops).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(0);
    await third.loops[0];
    expect(Object.fromEntries(d1.counts)).toEqual({ a: 1, b: 1, c: 1 });
    expect(writer.snapshot()).toEqual({ pending: 0, written: 3, dropped: 0, failed: 0, retrying: 0 });
  });

  it("keeps the batches a stopped flush had not started yet, and the next flush writes them all once", async () => {
    vi.useFakeTimers();
    const d1 = fakeD1();
    let clock = 0;
    const writer = new InboxWriter(d1.db, () => clock, stoppedOnFirstWrite(d1));
    const texts = Array.from({ length: 250 }, (_, i) => `question ${i}`);
    const first = requests();
    for (const text of texts) writer.addQuestion(question(text), first.waitUntil);
    await vi.advanceTimersByTimeAsync(0);
    // the first batch of several is written, and its request stops before D1 answers
    expect(d1.batches).toHaveLength(1);
    expect(writer.snapshot().pending).toBe(250);

    clock = FLUSH_LOOP_MS + WRITE_TIMEOUT_MS + 10_000;
    const next = requests();
    writer.addQuestion(question("late"), next.waitUntil);
    await vi.advanceTimersByTimeAsync(0);
    await next.loops[0];
    expect(new Set(d1.batches.map((b) => b.id)).size).toBeGreaterThanOrEqual(3);
    expect(Object.fromEntries(d1.counts)).toEqual(Object.fromEntries([...texts, "late"].map((text) => [text, 1])));
    expect(writer.snapshot()).toEqual({ pending: 0, written: 251, dropped: 0, failed: 0, retrying: 0 });
  });

  it("starts no batch after FLUSH_LOOP_MS, and leaves the rest queued for the next request", async () => {
    vi.useFakeTimers();
    const d1 = fakeD1();
    const writer = slowWriter(d1, 8_000);
    const first = requests();
    for (let i = 0; i < 1000; i++) writer.addQuestion(question(`q${i}`), first.waitUntil);
    await vi.advanceTimersByTimeAsync(0);
    await first.loops[0];
    // batches started at 0, 8 and 16 s; none at 24 s
    expect(d1.batches).toHaveLength(3);
    const left = writer.snapshot();
    expect(left.written + left.pending).toBe(1000);
    expect(left.pending).toBeGreaterThan(0);

    const next = requests();
    writer.addQuestion(question("q0"), next.waitUntil);
    for (let round = 0; round < 10 && writer.snapshot().pending > 0; round++) {
      await vi.advanceTimersByTimeAsync(BUSY_INTERVAL_MS);
      if (writer.snapshot().pending > 0) writer.addQuestion(question("q0"), requests().waitUntil);
    }
    expect(d1.counts.size).toBe(1000);
    expect(writer.snapshot().pending).toBe(0);
  });

  it("holds at most MAX_QUEUED_BATCHES batches beside MAX_PENDING questions when D1 is slower than they arrive, and counts the rest dropped", async () => {
    vi.useFakeTimers();
    const d1 = fakeD1();
    // a flush writes 3 batches of 50 questions
    const writer = slowWriter(d1, 8_000);
    const rounds = 4;
    for (let round = 0; round < rounds; round++) {
      const request = requests();
      for (let i = 0; i < MAX_PENDING; i++) writer.addQuestion(question(`r${round} q${i}`), request.waitUntil);
      await vi.advanceTimersByTimeAsync(0);
      await Promise.all(request.loops);
    }
    const { pending, written, dropped, failed } = writer.snapshot();
    // without the bound every round's questions were batched and held: 20,000 less what was written
    expect(pending).toBeLessThanOrEqual(MAX_PENDING + MAX_QUEUED_BATCHES * 50 + MAX_PENDING);
    expect(dropped).toBeGreaterThan(0);
    expect(pending + written + dropped + failed).toBe(rounds * MAX_PENDING);
  });
});
