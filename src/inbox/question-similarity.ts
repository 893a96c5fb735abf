import type { LoggedQuestion } from "./read-inbox";

/** What besides the cosine makes two questions alike, in units of cosine. */
export interface GroupingEvidence {
  /** Added when the two questions share a rare word (rare-words.ts). Default 0.1. */
  sharedRareWord: number;
  /** Added when both came nearest to the same FAQ. Default 0.05. */
  sameNearestFaq: number;
  /**
   * The nearest-FAQ score at which a pair's cosine counts as it is: a pair
   * whose scores average less gains the difference, one whose scores average
   * more loses it. Default 0.525.
   */
  nearestScorePivot: number;
}

/**
 * Chosen on `npm run bench:inbox` by the worse of StackFAQ and Banking77:
 * of the settings that keep the examples right and purity at 0.82
 * or more on both (the target 0.8, and 0.02 for sampling: a second sample
 * of each set moved purity by up to 0.02), the one whose smaller gain in
 * pair recall over the cosine alone is largest (3.6 times on Banking77,
 * 3.7 on StackFAQ). docs/notes/inbox-grouping.md has the grid and the
 * curve. Measured with the local model only: another model's cosines and
 * scores may want other values.
 */
export const GROUPING_EVIDENCE: GroupingEvidence = { sharedRareWord: 0.1, sameNearestFaq: 0.05, nearestScorePivot: 0.525 };

/** The dot product of the rows starting at `a` and `b`, four products at a time. */
function dotRows(rows: Float32Array, a: number, b: number, dim: number): number {
  const tail = dim - (dim % 4);
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (let d = 0; d < tail; d += 4) {
    s0 += rows[a + d]! * rows[b + d]!;
    s1 += rows[a + d + 1]! * rows[b + d + 1]!;
    s2 += rows[a + d + 2]! * rows[b + d + 2]!;
    s3 += rows[a + d + 3]! * rows[b + d + 3]!;
  }
  for (let d = tail; d < dim; d++) s0 += rows[a + d]! * rows[b + d]!;
  return s0 + s1 + s2 + s3;
}

/** Every comparable vector scaled to unit length, one after another; null rows cannot be compared. */
function unitRows(questions: LoggedQuestion[], model: string | null): { rows: Float32Array; dim: number; comparable: boolean[] } {
  const dim = questions.find((q) => q.model === model && q.vector)?.vector!.length ?? 0;
  const rows = new Float32Array(questions.length * dim);
  const comparable = questions.map((q, i) => {
    if (q.model !== model || !q.vector || q.vector.length !== dim || dim === 0) return false;
    let norm = 0;
    for (const value of q.vector) norm += value * value;
    if (norm === 0) return false;
    const scale = 1 / Math.sqrt(norm);
    for (let d = 0; d < dim; d++) rows[i * dim + d] = q.vector[d]! * scale;
    return true;
  });
  return { rows, dim, comparable };
}

/**
 * How alike each pair of questions is, as an n x n matrix (row-major) for
 * averageLinkage. Two questions with vectors of `model`: their cosine, plus
 * `sharedRareWord` if they share a rare word, plus `sameNearestFaq` if they
 * came nearest to the same FAQ, plus the pivot minus the mean of their
 * nearest scores (a missing score counts as the pivot). The last term
 * corrects for "hubness" as CSLS does (Conneau et al. 2018, with the FAQs as
 * the reference set): questions that came close to an FAQ sit among
 * neighbouring subjects, where unrelated questions reach high cosines. On
 * StackFAQ (each question's own FAQ left out, as for a gap in the FAQ), of
 * the pairs at cosine 0.7-0.8, 4% of those whose nearest scores both exceed
 * 0.6 ask about the same FAQ, and 72% of those with a score below 0.45.
 * A pair without two comparable vectors (a degraded answer, another model)
 * has only its words: the cosine of their sets of rare terms, so questions
 * with the same rare words reach 1 and none in common 0. Grouped by words
 * alone at 0.75, the development sets' questions came out 0.91 to 0.98 pure.
 * Cost: n²/2 dot products, unrolled by four (1.6 times faster in V8).
 */
export function questionSimilarity(questions: LoggedQuestion[], model: string | null, rare: Int32Array[], evidence = GROUPING_EVIDENCE): Float32Array {
  const n = questions.length;
  const { rows, dim, comparable } = unitRows(questions, model);
  const offset = questions.map((q) => (q.nearestScore === null ? 0 : (evidence.nearestScorePivot - q.nearestScore) / 2));
  const similarity = new Float32Array(n * n);
  const set = (i: number, j: number, value: number) => {
    similarity[i * n + j] = value;
    similarity[j * n + i] = value;
  };
  // The cosines, the bulk of the work: nothing else in this loop.
  const embedded = comparable.flatMap((yes, i) => (yes ? [i] : []));
  for (let x = 0; x < embedded.length; x++) {
    const i = embedded[x]!;
    for (let y = x + 1; y < embedded.length; y++) {
      const j = embedded[y]!;
      set(i, j, dotRows(rows, i * dim, j * dim, dim) + offset[i]! + offset[j]!);
    }
  }
  // Words and nearest FAQs add to few pairs: found through lists of who has them, not by trying every pair.
  const shared = new Uint8Array(n * n);
  for (const holders of holdersOf(rare)) eachPair(holders, (i, j) => void (shared[i * n + j] = Math.min(255, shared[i * n + j]! + 1)));
  for (const holders of holdersOf(rare)) {
    eachPair(holders, (i, j) => {
      const count = shared[i * n + j]!;
      if (count === 0) return;
      shared[i * n + j] = 0;
      if (comparable[i] && comparable[j]) set(i, j, similarity[i * n + j]! + evidence.sharedRareWord);
      else set(i, j, count / Math.sqrt(rare[i]!.length * rare[j]!.length));
    });
  }
  const byNearest = new Map<string, number[]>();
  for (const i of embedded) {
    const id = questions[i]!.nearestId;
    if (id === null) continue;
    const holders = byNearest.get(id);
    if (holders) holders.push(i);
    else byNearest.set(id, [i]);
  }
  for (const holders of byNearest.values()) eachPair(holders, (i, j) => set(i, j, similarity[i * n + j]! + evidence.sameNearestFaq));
  return similarity;
}

/** For each rare term, the questions that have it, ascending. */
function holdersOf(rare: Int32Array[]): number[][] {
  const holders: number[][] = [];
  rare.forEach((terms, i) => terms.forEach((term) => (holders[term] ??= []).push(i)));
  return holders.filter((list) => list !== undefined);
}

/** Every pair (i < j) of an ascending list. */
function eachPair(list: number[], visit: (i: number, j: number) => void) {
  for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) visit(list[x]!, list[y]!);
}
