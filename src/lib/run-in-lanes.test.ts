import { describe, expect, it } from "vitest";
import { runInLanes } from "./run-in-lanes";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("runInLanes", () => {
  it("runs every index once, never more than `lanes` at a time", async () => {
    const seen: number[] = [];
    let running = 0;
    let most = 0;
    await runInLanes(7, 3, async (i) => {
      running++;
      most = Math.max(most, running);
      await tick(i % 2 === 0 ? 5 : 1);
      seen.push(i);
      running--;
    });
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(most).toBe(3);
  });

  it("hands out no further index once a task returns false", async () => {
    const started: number[] = [];
    await runInLanes(10, 2, async (i) => {
      started.push(i);
      await tick(1);
      return i !== 3;
    });
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it("rejects with a task's error and starts nothing after it", async () => {
    const started: number[] = [];
    await expect(runInLanes(10, 1, async (i) => {
      started.push(i);
      if (i === 2) throw new Error("task 2 failed");
    })).rejects.toThrow("task 2 failed");
    expect(started).toEqual([0, 1, 2]);
  });

  it("does nothing for no items", async () => {
    let calls = 0;
    await runInLanes(0, 4, async () => void calls++);
    expect(calls).toBe(0);
  });
});
