import { afterEach, describe, expect, it, vi } from "vitest";
import { logUnanswered } from "./log-unanswered";
import { inboxWriteFailures } from "./write-failures";

/** A D1 stand-in that records each batch and finishes it when told to. */
function fakeDb() {
  const batches: Array<Array<{ key: string; count: number }>> = [];
  const finish: Array<() => void> = [];
  const db = {
    prepare: () => ({ bind: (key: string, _text: string, count: number) => ({ key, count }) }),
    batch: (statements: Array<{ key: string; count: number }>) => {
      batches.push(statements);
      return new Promise((resolve) => finish.push(() => resolve([])));
    },
  } as unknown as D1Database;
  return { db, batches, finish };
}

const question = (text: string) => ({ text, nearest: null, vector: null, model: "m", degraded: false });

afterEach(() => {
  vi.useRealTimers();
});

describe("logUnanswered", () => {
  it("writes at once when idle, gathers what arrives during a write into one later batch, and lets only the scheduling request wait", async () => {
    vi.useFakeTimers();
    const { db, batches, finish } = fakeDb();
    const first = logUnanswered(db, question("ship to canada"), 1);
    expect(first).not.toBeNull();
    await vi.advanceTimersByTimeAsync(0);
    expect(batches).toEqual([[{ key: "ship to canada", count: 1 }]]);

    // during the write: the first of these schedules the next flush, the rest join it
    const during = [logUnanswered(db, question("Ship to Canada?"), 2), logUnanswered(db, question("ship to canada"), 3), logUnanswered(db, question("dogs"), 4)];
    expect(during.map((p) => p !== null)).toEqual([true, false, false]);
    finish[0]!();
    await first;
    await vi.advanceTimersByTimeAsync(999);
    expect(batches).toHaveLength(1); // busy: it waits a second before the next batch
    await vi.advanceTimersByTimeAsync(1);
    expect(batches[1]).toEqual([{ key: "ship to canada", count: 2 }, { key: "dogs", count: 1 }]);
    finish[1]!();
    await during[0];

    // quiet again: the next question is written at once
    const later = logUnanswered(db, question("parking"), 5);
    await vi.advanceTimersByTimeAsync(0);
    expect(batches[2]).toEqual([{ key: "parking", count: 1 }]);
    finish[2]!();
    await later;
  });

  it("writes a large flush in batches of 100, and drops distinct questions beyond 5,000 pending", async () => {
    vi.useFakeTimers();
    const { db, batches, finish } = fakeDb();
    const first = logUnanswered(db, question("first"), 1);
    await vi.advanceTimersByTimeAsync(0);
    // while that write is in flight, a flood of distinct questions
    const failedBefore = inboxWriteFailures.count();
    const results = Array.from({ length: 5001 }, (_, i) => logUnanswered(db, question(`question ${i}`), 2));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(inboxWriteFailures.count() - failedBefore).toBe(1); // the 5,001st distinct question
    finish[0]!();
    await first;
    await vi.advanceTimersByTimeAsync(1000);
    for (let i = 1; i <= 50; i++) {
      expect(batches[i]).toHaveLength(100);
      finish[i]!();
      await vi.advanceTimersByTimeAsync(0);
    }
    await results[0];
    expect(batches.slice(1).flat()).toHaveLength(5000);
    expect(batches.slice(1).flat().some((statement) => statement.key === "question 5000")).toBe(false);
  });
});
