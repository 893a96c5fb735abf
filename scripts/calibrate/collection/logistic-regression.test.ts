import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../bench/lib/random";
import { probabilityOf } from "../../../src/search/answer-model";
import { fitLogistic, type Example } from "./logistic-regression";

describe("fitLogistic", () => {
  it("recovers the probabilities of a known logistic model from its samples", () => {
    const random = seededRandom(5);
    const truth = (x: number[]) => 1 / (1 + Math.exp(-(3 * x[0]! - 2 * x[1]! - 0.5)));
    const examples: Example[] = Array.from({ length: 6000 }, () => {
      const x = [random(), random(), random()]; // the third input carries nothing
      return { x, y: random() < truth(x) ? 1 : 0 };
    });
    const model = fitLogistic(examples);
    for (const x of [[0, 0, 0.5], [1, 0, 0.5], [0.5, 0.5, 0.1], [1, 1, 0.9], [0.2, 0.9, 0.5]]) {
      expect(Math.abs(probabilityOf(model, x) - truth(x))).toBeLessThan(0.04);
    }
    // weights on standardised inputs: the input with no signal gets almost none
    expect(Math.abs(model.weights[2]!)).toBeLessThan(0.1);
  });

  it("counts an example by its weight, and keeps a constant input at weight 0", () => {
    const examples: Example[] = [
      { x: [0, 7], y: 0 }, { x: [0, 7], y: 1, weight: 3 },
      { x: [1, 7], y: 1 }, { x: [1, 7], y: 0, weight: 3 },
    ];
    const model = fitLogistic(examples);
    // at x = 0, three of four (by weight) are right; at x = 1, one of four (up to the small penalty)
    expect(probabilityOf(model, [0, 7])).toBeCloseTo(0.75, 1);
    expect(probabilityOf(model, [1, 7])).toBeCloseTo(0.25, 1);
    expect(model.weights[1]).toBe(0);
    expect(model.scale[1]).toBe(1);
  });

  it("refuses to fit nothing", () => {
    expect(() => fitLogistic([])).toThrow(/no examples/);
  });
});
