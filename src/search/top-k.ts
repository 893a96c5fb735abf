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

  // Once k hits are held, the worst one's score: rows below it are dismissed
  // by nextAtLeast with one comparison, which is most of them (equal scores go on to beats()).
  let scoreToReach = Number.NEGATIVE_INFINITY;
  for (let row = nextAtLeast(scores, 0, scoreToReach); row < scores.length; row = nextAtLeast(scores, row + 1, scoreToReach)) {
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
    if (hits.length === k) scoreToReach = hits[k - 1]!.score;
  }
  return hits;
}

/**
 * The first row from `from` on whose score is not below `floor` (NaN included),
 * or scores.length. A loop of its own: inside selectTopK's loop the JIT made
 * this scan several times slower.
 */
function nextAtLeast(scores: Float32Array, from: number, floor: number): number {
  for (let row = from; row < scores.length; row++) if (!(scores[row]! < floor)) return row;
  return scores.length;
}
