import { describe, expect, it } from "vitest";
import { averageLinkage } from "./average-linkage";

/** A symmetric n x n matrix from its upper triangle, row by row. */
function matrix(n: number, upper: number[]): Float32Array {
  const m = new Float32Array(n * n);
  let k = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) m[i * n + j] = m[j * n + i] = upper[k++]!;
  return m;
}

describe("averageLinkage", () => {
  it("merges while the mean over all pairs across two clusters reaches the threshold", () => {
    // ab 0.9 merge first; c is 0.7 from a and 0.6 from b: mean 0.65 (a hair under it in float32)
    expect(averageLinkage(matrix(3, [0.9, 0.7, 0.6]), 3, 0.66)).toEqual([[0, 1], [2]]);
    expect(averageLinkage(matrix(3, [0.9, 0.7, 0.6]), 3, 0.64)).toEqual([[0, 1, 2]]);
  });

  it("lets a pair below the threshold into a group when the mean reaches it, unlike complete linkage", () => {
    // c is 0.8 from a but 0.7 from b: complete linkage at 0.75 would keep it out
    expect(averageLinkage(matrix(3, [0.9, 0.8, 0.7]), 3, 0.75)).toEqual([[0, 1, 2]]);
  });

  it("does not chain: two near neighbours of a middle item stay apart when far from each other", () => {
    // a~b 0.9, b~c 0.9, a~c 0.1: single linkage would make one group
    expect(averageLinkage(matrix(3, [0.9, 0.1, 0.9]), 3, 0.6)).toEqual([[0, 1], [2]]);
  });

  it("merges in the order of similarity, whatever the chain meets first", () => {
    // d~e 0.95 is the closest pair; a~b 0.8; c alone
    const m = matrix(5, [0.8, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.95]);
    expect(averageLinkage(m, 5, 0.5)).toEqual([[0, 1], [2], [3, 4]]);
  });

  it("breaks ties towards the lower index", () => {
    // b is as close to a as to c; a, b and c cannot all be one group (a~c 0)
    expect(averageLinkage(matrix(3, [0.8, 0, 0.8]), 3, 0.5)).toEqual([[0, 1], [2]]);
  });

  it("handles nothing, one item, and a matrix of the wrong size", () => {
    expect(averageLinkage(new Float32Array(0), 0, 0.5)).toEqual([]);
    expect(averageLinkage(new Float32Array(1), 1, 0.5)).toEqual([[0]]);
    expect(() => averageLinkage(new Float32Array(3), 2, 0.5)).toThrow(RangeError);
  });
});
