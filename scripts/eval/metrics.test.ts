import { describe, expect, it } from "vitest";
import { computeMetrics } from "./metrics";

describe("computeMetrics", () => {
  it("computes top1, MRR@10 and recall@5 on known rankings", () => {
    const metrics = computeMetrics([
      { rankedIds: ["a", "b", "c"], relevant: ["a"] }, // rank 1
      { rankedIds: ["b", "a", "c"], relevant: ["a"] }, // rank 2
      { rankedIds: ["x", "y", "z", "w", "v", "a"], relevant: ["a"] }, // rank 6: in MRR@10, not recall@5
      { rankedIds: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "a"], relevant: ["a"] }, // rank 11: nothing
    ]);
    expect(metrics).toEqual({ top1: 0.25, mrr10: Math.round(((1 + 1 / 2 + 1 / 6) / 4) * 1000) / 1000, recall5: 0.5 });
  });

  it("averages recall over several relevant FAQs", () => {
    expect(computeMetrics([{ rankedIds: ["a", "x", "b"], relevant: ["a", "b", "c", "d"] }])).toEqual({ top1: 1, mrr10: 1, recall5: 0.5 });
    expect(computeMetrics([{ rankedIds: [], relevant: ["a"] }])).toEqual({ top1: 0, mrr10: 0, recall5: 0 });
  });
});
