import { describe, expect, it } from "vitest";
import { seededRandom } from "../../bench/lib/random";
import { l2Normalize } from "./normalize";
import { denseScores, dotRow } from "./dense-scores";
import { selectTopK } from "./top-k";

/** Plain rows, one after another (the blocked layout has its own tests). */
const plainRows = (values: Float32Array, dim: number) => ({ values, dim, count: Math.floor(values.length / dim), blockedRows: 0 });

const topK = (matrix: Float32Array, dim: number, query: Float32Array, k: number, tieRank: Uint32Array) =>
  selectTopK(denseScores(plainRows(matrix, dim), query), k, tieRank);

function unitMatrix(count: number, dim: number, seed: number): Float32Array {
  const next = seededRandom(seed);
  const matrix = new Float32Array(count * dim);
  for (let row = 0; row < count; row++) {
    matrix.set(l2Normalize(Array.from({ length: dim }, () => next() * 2 - 1))!, row * dim);
  }
  return matrix;
}

/** Float64 reference: score everything, sort, break ties by row. */
function referenceTopK(matrix: Float32Array, dim: number, query: Float32Array, k: number) {
  const scores = [];
  for (let row = 0; row < matrix.length / dim; row++) {
    let sum = 0;
    for (let j = 0; j < dim; j++) sum += matrix[row * dim + j]! * query[j]!;
    scores.push({ index: row, score: sum });
  }
  return scores.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, k);
}

const identityRank = (count: number) => Uint32Array.from({ length: count }, (_, i) => i);

describe("topK", () => {
  it.each([1, 5, 50])("matches a float64 reference for k=%i over 2,000 x 384", (k) => {
    const dim = 384;
    const matrix = unitMatrix(2000, dim, 7);
    const query = unitMatrix(1, dim, 99);
    const hits = topK(matrix, dim, query, k, identityRank(2000));
    const expected = referenceTopK(matrix, dim, query, k);
    expect(hits.map((h) => h.index)).toEqual(expected.map((h) => h.index));
    hits.forEach((hit, i) => expect(hit.score).toBeCloseTo(expected[i]!.score, 5));
  });

  it("breaks equal scores by tie rank, not by row", () => {
    const matrix = new Float32Array([0, 1, 1, 0, 1, 0, 1, 0]); // rows 1, 2, 3 score 1
    const tieRank = new Uint32Array([3, 2, 0, 1]);
    expect(topK(matrix, 2, new Float32Array([1, 0]), 3, tieRank).map((h) => h.index)).toEqual([2, 3, 1]);
  });

  it("returns every row when k exceeds the count, and nothing for an empty index", () => {
    const matrix = new Float32Array([1, 0, 0, 1]);
    expect(topK(matrix, 2, new Float32Array([0, 1]), 10, identityRank(2))).toEqual([
      { index: 1, score: 1 },
      { index: 0, score: 0 },
    ]);
    expect(topK(matrix, 2, new Float32Array([0, 1]), 0, identityRank(2))).toEqual([]);
    expect(topK(new Float32Array(0), 2, new Float32Array([0, 1]), 5, identityRank(0))).toEqual([]);
  });

  it("handles dimensions that are not a multiple of four", () => {
    const matrix = new Float32Array([1, 2, 3, 4, 5, 6, 7]);
    expect(dotRow(plainRows(matrix, 7), 0, new Float32Array([1, 1, 1, 1, 1, 1, 1]))).toBe(28);
  });
});

describe("selectTopK filter", () => {
  it("skips rows the filter refuses, still returning k when it can", () => {
    const scores = new Float32Array([0.9, 0.8, 0.7, 0.6, 0.5]);
    const hits = selectTopK(scores, 2, identityRank(5), (row) => row % 2 === 0);
    expect(hits.map((h) => h.index)).toEqual([0, 2]);
    expect(selectTopK(scores, 3, identityRank(5), () => false)).toEqual([]);
  });
});

describe("l2Normalize", () => {
  it("scales to unit length and refuses zero or non-finite vectors", () => {
    expect(Array.from(l2Normalize([3, 4])!)).toEqual([Math.fround(0.6), Math.fround(0.8)]);
    expect(l2Normalize([0, 0])).toBeNull();
    expect(l2Normalize([1, Number.NaN])).toBeNull();
    expect(l2Normalize([1, Number.POSITIVE_INFINITY])).toBeNull();
  });
});
