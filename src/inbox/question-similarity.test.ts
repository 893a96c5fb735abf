import { describe, expect, it } from "vitest";
import { questionSimilarity } from "./question-similarity";
import type { LoggedQuestion } from "./read-inbox";

const asked = (text: string, vector: number[] | null, nearest: [string, number] | null = null, model = "m"): LoggedQuestion => ({
  text, count: 1, firstSeen: 1, lastSeen: 2, nearestId: nearest?.[0] ?? null, nearestScore: nearest?.[1] ?? null,
  model, vector: vector ? Int8Array.from(vector) : null, degraded: vector === null,
});
const rare = (...lists: number[][]) => lists.map((list) => Int32Array.from(list));
const between = (questions: LoggedQuestion[], terms = rare([], []), evidence?: Parameters<typeof questionSimilarity>[3]) => {
  const s = questionSimilarity(questions, "m", terms, evidence);
  expect(s[1]).toBe(s[2]); // symmetric
  return s[1]!;
};

describe("questionSimilarity", () => {
  // cosine 0.6, in five dimensions: the unrolled loop's tail too
  const a = [100, 0, 0, 0, 0];
  const b = [60, 80, 0, 0, 0];

  it("is the cosine, plus 0.125 for a shared rare word", () => {
    expect(between([asked("a", a), asked("b", b)])).toBeCloseTo(0.6, 6);
    expect(between([asked("a", a), asked("b", b)], rare([3, 7], [1, 7]))).toBeCloseTo(0.725, 6);
    expect(between([asked("a", a), asked("b", b)], rare([1], [1]), { sharedRareWord: 0.2, closeToFaq: 0.55 })).toBeCloseTo(0.8, 6);
  });

  it("takes away how far the less close question passed 0.55, when they came close to different FAQs", () => {
    expect(between([asked("a", a, ["f1", 0.75]), asked("b", b, ["f2", 0.65])])).toBeCloseTo(0.5, 6);
    // the same FAQ, or one of them not close, or no nearest FAQ: nothing taken
    expect(between([asked("a", a, ["f1", 0.75]), asked("b", b, ["f1", 0.65])])).toBeCloseTo(0.6, 6);
    expect(between([asked("a", a, ["f1", 0.75]), asked("b", b, ["f2", 0.5])])).toBeCloseTo(0.6, 6);
    expect(between([asked("a", a, ["f1", 0.75]), asked("b", b)])).toBeCloseTo(0.6, 6);
  });

  it("compares by rare words alone without two vectors of the model: the cosine of their sets", () => {
    const questions = [
      asked("reset password", [100, 0, 0, 0]),
      asked("password reset not working", null),
      asked("reset my password", [100, 0, 0, 0], null, "old-model"),
      asked("zero", [0, 0, 0, 0]),
    ];
    const s = questionSimilarity(questions, "m", rare([0, 1], [0, 1, 2], [0, 1], [5]));
    expect(s[0 * 4 + 1]).toBeCloseTo(2 / Math.sqrt(6), 6);
    expect(s[0 * 4 + 2]).toBe(1);
    expect(s[0 * 4 + 3]).toBe(0);
    expect(s[1 * 4 + 2]).toBeCloseTo(2 / Math.sqrt(6), 6);
  });
});
