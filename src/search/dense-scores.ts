/** Dot product of row `row` of `matrix` with `query`. Four accumulators let the JIT pipeline the adds. */
export function dotRow(matrix: Float32Array, row: number, query: Float32Array, dim: number): number {
  const base = row * dim;
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let j = 0;
  for (; j + 3 < dim; j += 4) {
    s0 += matrix[base + j]! * query[j]!;
    s1 += matrix[base + j + 1]! * query[j + 1]!;
    s2 += matrix[base + j + 2]! * query[j + 2]!;
    s3 += matrix[base + j + 3]! * query[j + 3]!;
  }
  for (; j < dim; j++) s0 += matrix[base + j]! * query[j]!;
  return s0 + s1 + s2 + s3;
}

/** Cosine similarity of `query` with every row (rows and query are unit vectors). */
export function denseScores(matrix: Float32Array, dim: number, query: Float32Array): Float32Array {
  const count = Math.floor(matrix.length / dim);
  const scores = new Float32Array(count);
  for (let row = 0; row < count; row++) scores[row] = dotRow(matrix, row, query, dim);
  return scores;
}
