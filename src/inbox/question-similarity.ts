import type { LoggedQuestion } from "./read-inbox";

/** What besides the cosine tells whether two questions ask the same thing, in units of cosine. */
export interface GroupingEvidence {
  /** Added when the two questions share a rare word (rare-words.ts). Default 0.125. */
  sharedRareWord: number;
  /**
   * The nearest-FAQ score above which a question came close to its FAQ. Two
   * questions that came close to different FAQs lose the amount by which the
   * less close of the two exceeds it. Default 0.55.
   */
  closeToFaq: number;
}

/**
 * Chosen on `npm run bench:inbox` by the worse of StackFAQ and Banking77:
 * of the settings that keep purity at 0.82 or more (the target 0.8, and 0.02
 * for sampling) on both, and also when their questions are asked of another
 * set's FAQs, and that join the Paris pair and part the Medicare pair of
 * the issue, the one whose smaller gain in pair recall over the cosine-only
 * rule is largest. docs/inbox.md says how they were chosen. Measured with
 * the local model only: another model's cosines and scores may want other values.
 */
export const GROUPING_EVIDENCE: GroupingEvidence = { sharedRareWord: 0.125, closeToFaq: 0.55 };

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
 * `sharedRareWord` if they share a rare word, minus, if both came closer
 * than `closeToFaq` to different FAQs, how far the less close one passed it.
 * Two such questions are near misses of two subjects the FAQ already has,
 * and neighbouring subjects sit close together: on StackFAQ, close pairs
 * near different FAQs asked about the same FAQ far less often than close
 * pairs near the same one. Nothing is added for being far from every FAQ: on
 * the development sets that raised recall, but questions off the FAQ's
 * subject are all far, and fell into a few mixed groups (docs/inbox.md).
 * A pair without two comparable vectors (a degraded answer, another model)
 * has only its words: the cosine of their sets of rare terms, so questions
 * with the same rare words reach 1 and none in common 0.
 * Cost: n²/2 dot products, unrolled by four (faster in V8 than one at a time).
 */
export function questionSimilarity(questions: LoggedQuestion[], model: string | null, rare: Int32Array[], evidence = GROUPING_EVIDENCE): Float32Array {
  const n = questions.length;
  const { rows, dim, comparable } = unitRows(questions, model);
  // how far each question passed closeToFaq (0 when it did not), and its nearest FAQ as a number (-1: none)
  const closeness = questions.map((q) => (q.nearestId === null || q.nearestScore === null ? 0 : Math.max(0, q.nearestScore - evidence.closeToFaq)));
  const faqNumbers = new Map<string, number>();
  const nearest = questions.map((q) => (q.nearestId === null ? -1 : faqNumbers.get(q.nearestId) ?? faqNumbers.set(q.nearestId, faqNumbers.size).size - 1));
  const similarity = new Float32Array(n * n);
  const set = (i: number, j: number, value: number) => {
    similarity[i * n + j] = value;
    similarity[j * n + i] = value;
  };
  // The cosines, the bulk of the work: little else in this loop.
  const embedded = comparable.flatMap((yes, i) => (yes ? [i] : []));
  for (let x = 0; x < embedded.length; x++) {
    const i = embedded[x]!;
    for (let y = x + 1; y < embedded.length; y++) {
      const j = embedded[y]!;
      const apart = nearest[i] !== nearest[j] ? Math.min(closeness[i]!, closeness[j]!) : 0;
      set(i, j, dotRows(rows, i * dim, j * dim, dim) - apart);
    }
  }
  // Words add to few pairs: found through lists of who has each word, not by trying every pair.
  const shared = new Uint8Array(n * n);
  const holders = holdersOf(rare);
  for (const list of holders) eachPair(list, (i, j) => void (shared[i * n + j] = Math.min(255, shared[i * n + j]! + 1)));
  for (const list of holders) {
    eachPair(list, (i, j) => {
      const count = shared[i * n + j]!;
      if (count === 0) return;
      shared[i * n + j] = 0;
      if (comparable[i] && comparable[j]) set(i, j, similarity[i * n + j]! + evidence.sharedRareWord);
      else set(i, j, count / Math.sqrt(rare[i]!.length * rare[j]!.length));
    });
  }
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
