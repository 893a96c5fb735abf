export interface Hit {
  /** Row of the matrix (and of the records array). */
  index: number;
  score: number;
}

/**
 * The k rows with the highest score, best first; equal scores go to the lower
 * `tieRank`. Rows for which `accept` is false are skipped. Keeps a sorted
 * buffer of at most k hits, so most rows cost one comparison: no sort of all scores.
 */
export function selectTopK(scores: Float32Array, k: number, tieRank: Uint32Array, accept?: (row: number) => boolean): Hit[] {
  const hits: Hit[] = [];
  if (k <= 0) return hits;
  // true when (scoreA, rowA) should rank above (scoreB, rowB)
  const beats = (scoreA: number, rowA: number, scoreB: number, rowB: number) =>
    scoreA > scoreB || (scoreA === scoreB && tieRank[rowA]! < tieRank[rowB]!);

  for (let row = 0; row < scores.length; row++) {
    const score = scores[row]!;
    if (hits.length === k) {
      const worst = hits[k - 1]!;
      if (!beats(score, row, worst.score, worst.index)) continue;
    }
    if (accept && !accept(row)) continue;
    if (hits.length === k) hits.pop();
    let position = hits.length;
    while (position > 0 && beats(score, row, hits[position - 1]!.score, hits[position - 1]!.index)) position--;
    hits.splice(position, 0, { index: row, score });
  }
  return hits;
}
