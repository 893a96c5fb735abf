export interface Hit {
  /** Row of the matrix (and of the records array). */
  index: number;
  /** Dot product with the query: cosine similarity for unit vectors. */
  score: number;
}

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

/**
 * The k rows with the highest dot product against `query`, best first; equal
 * scores go to the lower `tieRank`. Keeps a sorted buffer of at most k hits, so
 * most rows cost one comparison after their dot product: no sort of all scores.
 */
export function topK(matrix: Float32Array, dim: number, query: Float32Array, k: number, tieRank: Uint32Array): Hit[] {
  const count = Math.floor(matrix.length / dim);
  const limit = Math.min(k, count);
  const hits: Hit[] = [];
  if (limit <= 0) return hits;

  // true when (scoreA, rowA) should rank above (scoreB, rowB)
  const beats = (scoreA: number, rowA: number, scoreB: number, rowB: number) =>
    scoreA > scoreB || (scoreA === scoreB && tieRank[rowA]! < tieRank[rowB]!);

  for (let row = 0; row < count; row++) {
    const score = dotRow(matrix, row, query, dim);
    if (hits.length === limit) {
      const worst = hits[limit - 1]!;
      if (!beats(score, row, worst.score, worst.index)) continue;
      hits.pop();
    }
    let position = hits.length;
    while (position > 0 && beats(score, row, hits[position - 1]!.score, hits[position - 1]!.index)) position--;
    hits.splice(position, 0, { index: row, score });
  }
  return hits;
}
