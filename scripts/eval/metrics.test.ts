import { describe, expect, it } from "vitest";
import { calibrateThreshold } from "./calibrate";
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

describe("calibrateThreshold", () => {
  it("picks the cut that best separates right from wrong first answers", () => {
    const answers = [
      { score: 0.9, correct: true }, { score: 0.8, correct: true }, { score: 0.75, correct: false },
      { score: 0.7, correct: true }, { score: 0.5, correct: false }, { score: 0.4, correct: false },
    ];
    // Cutting at 0.8 gives TPR 2/3, FPR 0; at 0.7, TPR 1, FPR 1/3: both J = 2/3.
    // Equal J keeps the higher cut.
    expect(calibrateThreshold(answers)).toBe(0.8);
    expect(calibrateThreshold([{ score: 0.9, correct: true }, { score: 0.2, correct: false }])).toBe(0.9);
    expect(calibrateThreshold([{ score: 0.9, correct: true }])).toBeNull();
  });
});
