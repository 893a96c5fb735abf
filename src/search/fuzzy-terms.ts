/** A vocabulary term near a query word, and how many edits away. */
export interface NearTerm {
  term: number;
  distance: number;
}

/** The most edits a query word of this length may be from a term: 1 from 5 letters, 2 from 9, none below 5. */
export const allowedEdits = (length: number) => (length >= 9 ? 2 : length >= 5 ? 1 : 0);

/**
 * The terms of a sorted vocabulary within `maxEdits` of `word` (optimal
 * string alignment distance: insertions, deletions, substitutions and
 * transpositions of neighbours each count one). It walks the sorted list as a
 * trie: terms sharing a prefix are contiguous, so one row of the edit table is
 * computed per distinct prefix, and a prefix whose row is all over the limit
 * skips every term below it. The work grows with the prefixes near the word,
 * not with the vocabulary.
 */
export function nearTerms(terms: readonly string[], word: string, maxEdits: number): NearTerm[] {
  const found: NearTerm[] = [];
  if (maxEdits <= 0 || terms.length === 0) return found;
  const n = word.length;
  // One edit-table row per depth, reused by every prefix at that depth: the walk is depth-first.
  const rows: Int32Array[] = [Int32Array.from({ length: n + 1 }, (_, i) => i)];
  const rowAt = (depth: number) => (rows[depth] ??= new Int32Array(n + 1));

  /** Index of the first term in [from, to) whose code unit at `depth` is above `unit`. */
  const endOfGroup = (from: number, to: number, depth: number, unit: number) => {
    let low = from;
    let high = to;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (terms[mid]!.charCodeAt(depth) <= unit) low = mid + 1;
      else high = mid;
    }
    return low;
  };

  // terms[from, to) share the prefix of length `depth`; `row` is its edit row, `previous` the row before.
  const walk = (from: number, to: number, depth: number, row: Int32Array, previous: Int32Array | null, lastUnit: number) => {
    let i = from;
    if (terms[i]!.length === depth) {
      if (row[n]! <= maxEdits) found.push({ term: i, distance: row[n]! });
      i++;
    }
    while (i < to) {
      const unit = terms[i]!.charCodeAt(depth);
      const end = endOfGroup(i, to, depth, unit);
      const next = rowAt(depth + 1);
      next[0] = depth + 1;
      let best = next[0];
      for (let j = 1; j <= n; j++) {
        const wordUnit = word.charCodeAt(j - 1);
        let cost = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (wordUnit === unit ? 0 : 1));
        if (previous && j > 1 && wordUnit === lastUnit && word.charCodeAt(j - 2) === unit) cost = Math.min(cost, previous[j - 2]! + 1);
        next[j] = cost;
        if (cost < best) best = cost;
      }
      if (best <= maxEdits) walk(i, end, depth + 1, next, row, unit);
      i = end;
    }
  };
  walk(0, terms.length, 0, rows[0]!, null, -1);
  return found;
}
