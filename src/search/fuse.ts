/** The largest value, or 0 for an empty or all-negative array. */
export function maxOf(values: Float32Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  return max;
}

/**
 * Convex fusion of semantic and lexical scores:
 *   alpha * cosine + (1 - alpha) * bm25 / max(bm25)
 * BM25 is divided by the query's best BM25 score so both parts live in [0, 1]
 * whatever the corpus; a query with no lexical match falls back to pure cosine
 * scaled by alpha, which keeps the semantic order.
 */
export function fuseScores(semantic: Float32Array, lexical: Float32Array, alpha: number, maxLexical = maxOf(lexical)): Float32Array {
  const lexicalScale = maxLexical > 0 ? (1 - alpha) / maxLexical : 0;
  const fused = new Float32Array(semantic.length);
  for (let i = 0; i < semantic.length; i++) fused[i] = alpha * semantic[i]! + lexicalScale * lexical[i]!;
  return fused;
}
