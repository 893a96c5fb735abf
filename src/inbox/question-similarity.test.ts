import { describe, expect, it } from "vitest";
import { questionSimilarity } from "./question-similarity";
import type { LoggedQuestion } from "./read-inbox";

const asked = (text: string, vector: number[] | null, nearest: [string, number] | null = null, model = "m"): LoggedQuestion => ({
  text, count: 1, firstSeen: 1, lastSeen: 2, nearestId: nearest?.[0] ?? null, nearestScore: nearest?.[1] ?? null,
  model, vector: vector ? Int8Array.from(vector) : null, degraded: vector === null,
});
const rare = (...lists: number[][]) => lists.map((list) => Int32Array.from(list));

describe("questionSimilarity", () => {
  it("is the cosine plus each piece of evidence, symmetric", () => {
    const pair = [asked("a", [100, 0, 0, 0, 0]), asked("b", [60, 80, 0, 0, 0])]; // cosine 0.6 (five dimensions: the unrolled loop's tail)
    const at = (s: Float32Array) => [s[1]!, s[2]!];
    expect(at(questionSimilarity(pair, "m", rare([], [])))[0]).toBeCloseTo(0.6, 6);
    // a shared rare word: +0.1
    expect(at(questionSimilarity(pair, "m", rare([3, 7], [1, 7])))).toEqual([expect.closeTo(0.7, 6), expect.closeTo(0.7, 6)]);
    // the same nearest FAQ: +0.05; nearest scores 0.325 and 0.525 average 0.1 below the pivot: +0.1
    const near = [asked("a", [100, 0, 0, 0, 0], ["f1", 0.325]), asked("b", [60, 80, 0, 0, 0], ["f1", 0.525])];
    expect(questionSimilarity(near, "m", rare([], []))[1]).toBeCloseTo(0.75, 6);
    // scores above the pivot take away as much: 0.725 and 0.925 average 0.3 above it
    const close = [asked("a", [100, 0, 0, 0, 0], ["f1", 0.725]), asked("b", [60, 80, 0, 0, 0], ["f2", 0.925])];
    expect(questionSimilarity(close, "m", rare([], []))[1]).toBeCloseTo(0.3, 6);
  });

  it("takes the evidence weights it is given", () => {
    const near = [asked("a", [100, 0, 0, 0], ["f1", 0.4]), asked("b", [60, 80, 0, 0], ["f1", 0.4])];
    expect(questionSimilarity(near, "m", rare([1], [1]), { sharedRareWord: 0.2, sameNearestFaq: 0, nearestScorePivot: 0.4 })[1]).toBeCloseTo(0.8, 6);
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
