import { describe, expect, it } from "vitest";
import { seededRandom } from "./random";
import { zipfProbabilities, zipfSampler } from "./zipf";

describe("zipfProbabilities", () => {
  it("is proportional to 1 / k^s", () => {
    const close = (actual: number[], expected: number[]) => expected.forEach((p, i) => expect(actual[i]).toBeCloseTo(p, 14));
    close(zipfProbabilities(3, 1), [6 / 11, 3 / 11, 2 / 11]);
    close(zipfProbabilities(2, 2), [0.8, 0.2]);
  });

  it("refuses an empty range", () => {
    expect(() => zipfProbabilities(0, 1.1)).toThrow(RangeError);
  });
});

describe("zipfSampler", () => {
  it("maps each uniform number to the rank whose cumulative share holds it", () => {
    // bounds at 6/11 = 0.5454..., 9/11 = 0.8181..., 1
    const uniforms = [0, 0.545, 0.546, 0.818, 0.819, 0.999999];
    const draw = zipfSampler(3, 1, () => uniforms.shift()!);
    expect(Array.from({ length: 6 }, draw)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it("draws the same ranks from the same seed", () => {
    const draw = zipfSampler(50, 1.1, seededRandom(42));
    expect(Array.from({ length: 12 }, draw)).toEqual([6, 2, 22, 8, 0, 4, 1, 6, 23, 3, 0, 25]);
  });

  it("agrees with a linear scan over the cumulative shares", () => {
    const probabilities = zipfProbabilities(50, 1.1);
    const scan = (u: number) => {
      let sum = 0;
      for (let k = 0; k < probabilities.length; k++) if (u < (sum += probabilities[k]!)) return k;
      return probabilities.length - 1;
    };
    const uniforms = seededRandom(7);
    const seen: number[] = [];
    const draw = zipfSampler(50, 1.1, () => {
      const u = uniforms();
      seen.push(u);
      return u;
    });
    const drawn = Array.from({ length: 2000 }, draw);
    expect(drawn).toEqual(seen.map(scan));
  });
});
