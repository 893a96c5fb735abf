import { ROW_BLOCK, offsetOf, type F32Matrix } from "./f32-matrix";

/** Dot product of row `row` of `matrix` with `query`. Four accumulators let the JIT pipeline the adds. */
export function dotRow(matrix: F32Matrix, row: number, query: Float32Array): number {
  const { values, dim, blockedRows } = matrix;
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  if (row < blockedRows) {
    // a block's four rows alternate every four values: this row's next four are 16 values on
    let at = offsetOf(matrix, row, 0);
    for (let j = 0; j < dim; j += 4, at += 4 * ROW_BLOCK) {
      s0 += values[at]! * query[j]!;
      s1 += values[at + 1]! * query[j + 1]!;
      s2 += values[at + 2]! * query[j + 2]!;
      s3 += values[at + 3]! * query[j + 3]!;
    }
    return s0 + s1 + s2 + s3;
  }
  const base = row * dim;
  let j = 0;
  for (; j + 3 < dim; j += 4) {
    s0 += values[base + j]! * query[j]!;
    s1 += values[base + j + 1]! * query[j + 1]!;
    s2 += values[base + j + 2]! * query[j + 2]!;
    s3 += values[base + j + 3]! * query[j + 3]!;
  }
  for (; j < dim; j++) s0 += values[base + j]! * query[j]!;
  return s0 + s1 + s2 + s3;
}

/** Cosine similarity of `query` with every row (rows and query are unit vectors). */
export function denseScores(matrix: F32Matrix, query: Float32Array): Float32Array {
  const scores = new Float32Array(matrix.count);
  for (let row = 0; row < matrix.count; row++) scores[row] = dotRow(matrix, row, query);
  return scores;
}
