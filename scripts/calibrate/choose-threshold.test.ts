import { describe, expect, it } from "vitest";
import { answeredPair, chooseThreshold, measureThreshold, type ScoredAnswer } from "./choose-threshold";

const sample = (score: number, correct: boolean, inScope = true): ScoredAnswer => ({ score, correct, inScope });

describe("chooseThreshold", () => {
  it("takes the lowest cut whose answered samples are right at the target precision", () => {
    // 10 right above 0.8, then a mix: at 0.7 and below precision falls under 0.8
    const samples = [
      ...Array.from({ length: 10 }, (_, i) => sample(0.9 - i * 0.01, true)),
      sample(0.75, false), sample(0.74, true), sample(0.73, false, false), sample(0.72, false, false), sample(0.6, false, false), sample(0.5, true),
    ];
    const choice = chooseThreshold(samples, 0.8);
    // at 0.74: 11 right of 12 answered (0.917); at 0.72: 11 of 14 (0.786) < 0.8
    expect(choice.threshold).toBe(0.73);
    expect(choice.precision).toBeCloseTo(11 / 13, 6);
    expect(choice.coverage).toBeCloseTo(11 / 13, 6); // 13 in scope
  });

  it("gives no threshold when too few samples are answered at the precision", () => {
    const samples = [sample(0.9, true), sample(0.8, false), sample(0.7, false)];
    expect(chooseThreshold(samples, 0.8)).toEqual({ threshold: null, precision: 0, coverage: 0 });
  });

  it("measures precision and coverage at a given threshold", () => {
    const samples = [sample(0.9, true), sample(0.8, false, false), sample(0.5, true)];
    expect(measureThreshold(samples, 0.75)).toEqual({ precision: 0.5, coverage: 0.5 });
    expect(measureThreshold(samples, null)).toEqual({ precision: 0, coverage: 0 });
  });
});

describe("answeredPair", () => {
  it("judges a question in scope on its whole ranking, and out of scope without its relevant FAQs", () => {
    const pair = answeredPair([{ score: 0.9, relevant: true }, { score: 0.6, relevant: false }, { score: 0.5, relevant: false }]);
    expect(pair).toHaveLength(2);
    expect(pair[0]!).toMatchObject({ correct: true, inScope: true });
    expect(pair[0]!.score).toBeCloseTo(0.3, 12);
    expect(pair[1]!).toMatchObject({ correct: false, inScope: false });
    expect(pair[1]!.score).toBeCloseTo(0.1, 12);
    expect(answeredPair([{ score: 0.4, relevant: false }, { score: 0.3, relevant: true }])[0]).toMatchObject({ correct: false, inScope: true });
    expect(answeredPair([])).toEqual([]);
  });
});
