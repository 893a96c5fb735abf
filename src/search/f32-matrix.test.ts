import { describe, expect, it } from "vitest";
import { seededRandom } from "../../bench/lib/random";
import { dotRow, denseScores } from "./dense-scores";
import { blockedRowsFor, layOutRows, offsetOf, rowOf, type F32Matrix } from "./f32-matrix";

const randomRows = (count: number, dim: number, seed: number) => {
  const next = seededRandom(seed);
  return Array.from({ length: count }, () => Float32Array.from({ length: dim }, () => next() * 2 - 1));
};

function laidOut(rows: Float32Array[], dim: number): F32Matrix {
  const blockedRows = blockedRowsFor(rows.length, dim);
  const values = new Float32Array(rows.length * dim);
  layOutRows(rows, dim, values, blockedRows);
  return { values, dim, count: rows.length, blockedRows };
}

describe("F32Matrix layout", () => {
  it("keeps whole blocks of four rows when the dimension is a multiple of four, and no blocks otherwise", () => {
    expect(blockedRowsFor(10, 8)).toBe(8);
    expect(blockedRowsFor(3, 8)).toBe(0);
    expect(blockedRowsFor(12, 384)).toBe(12);
    expect(blockedRowsFor(10, 7)).toBe(0);
  });

  it("interleaves a block's rows four values at a time", () => {
    // rows r = 0..4 of dim 8, value j of row r is 10 * r + j: one block of four, then row 4 plain
    const rows = Array.from({ length: 5 }, (_, r) => Float32Array.from({ length: 8 }, (_, j) => 10 * r + j));
    const matrix = laidOut(rows, 8);
    expect(Array.from(matrix.values.subarray(0, 16))).toEqual([0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23, 30, 31, 32, 33]);
    expect(Array.from(matrix.values.subarray(16, 32))).toEqual([4, 5, 6, 7, 14, 15, 16, 17, 24, 25, 26, 27, 34, 35, 36, 37]);
    expect(Array.from(matrix.values.subarray(32))).toEqual([40, 41, 42, 43, 44, 45, 46, 47]);
    expect(offsetOf(matrix, 1, 5)).toBe(21);
    expect(offsetOf(matrix, 4, 2)).toBe(34);
  });

  it.each([[0, 8], [1, 8], [4, 8], [9, 12], [13, 384], [6, 7]])("gives back every row, and scores every row as the plain dot product (%i rows of %i)", (count, dim) => {
    const rows = randomRows(count, dim, count * 31 + dim);
    const matrix = laidOut(rows, dim);
    const query = randomRows(1, dim, 5)[0]!;
    const scores = denseScores(matrix, query);
    expect(scores.length).toBe(count);
    rows.forEach((row, r) => {
      expect(Array.from(rowOf(matrix, r))).toEqual(Array.from(row));
      const plain = row.reduce((sum, x, j) => sum + x * query[j]!, 0);
      expect(dotRow(matrix, r, query)).toBeCloseTo(plain, 5);
      expect(scores[r]).toBeCloseTo(plain, 5);
    });
  });
});
