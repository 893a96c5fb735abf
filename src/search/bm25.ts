import { tokenize } from "./tokenize";

/** BM25 over several weighted fields per document, with each (term, document) weight precomputed. */
export interface LexicalIndex {
  /** Sorted, so the Worker finds a term by binary search without building a map. */
  terms: string[];
  /** postings of term t are at [postingStart[t], postingStart[t+1]) */
  postingStart: Uint32Array;
  postingDoc: Uint32Array;
  /** Full BM25 contribution of the term to the document (idf included). */
  postingWeight: Float32Array;
}

export interface Bm25Options {
  /** Term-frequency saturation. Default 1.2. */
  k1?: number;
  /** Length normalisation. Default 0.75. */
  b?: number;
}

/**
 * Builds a BM25F-style index: each document is a list of fields (say question
 * and answer) with a weight each; term counts and lengths are weighted sums,
 * and a field of weight 0 only informs document frequencies.
 */
export function buildLexicalIndex(documents: Array<Array<{ text: string; weight: number }>>, options: Bm25Options = {}): LexicalIndex {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const termCounts: Array<Map<string, number>> = [];
  const lengths: number[] = [];
  // Document frequency counts every field, weighted or not: the answers are a
  // larger sample of how common a word is, and measured better (README, quality).
  const documentFrequency = new Map<string, number>();
  for (const fields of documents) {
    const counts = new Map<string, number>();
    const present = new Set<string>();
    let length = 0;
    for (const { text, weight } of fields) {
      for (const term of tokenize(text)) {
        present.add(term);
        if (weight === 0) continue;
        counts.set(term, (counts.get(term) ?? 0) + weight);
        length += weight;
      }
    }
    for (const term of present) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    termCounts.push(counts);
    lengths.push(length);
  }
  const averageLength = lengths.reduce((sum, l) => sum + l, 0) / Math.max(1, lengths.length) || 1;
  const postings = new Map<string, Array<[number, number]>>();
  termCounts.forEach((counts, doc) => {
    for (const [term, tf] of counts) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push([doc, tf]);
    }
  });
  const terms = [...postings.keys()].sort();
  const total = [...postings.values()].reduce((sum, list) => sum + list.length, 0);
  const postingStart = new Uint32Array(terms.length + 1);
  const postingDoc = new Uint32Array(total);
  const postingWeight = new Float32Array(total);
  let cursor = 0;
  terms.forEach((term, t) => {
    const df = documentFrequency.get(term)!;
    // The "plus one" idf never goes negative, so a common term cannot lower a score.
    const idf = Math.log(1 + (documents.length - df + 0.5) / (df + 0.5));
    postingStart[t] = cursor;
    for (const [doc, tf] of postings.get(term)!) {
      const norm = k1 * (1 - b + (b * lengths[doc]!) / averageLength);
      postingDoc[cursor] = doc;
      postingWeight[cursor] = (idf * tf * (k1 + 1)) / (tf + norm);
      cursor++;
    }
  });
  postingStart[terms.length] = cursor;
  return { terms, postingStart, postingDoc, postingWeight };
}

function findTerm(terms: string[], term: string): number {
  let low = 0;
  let high = terms.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const candidate = terms[mid]!;
    if (candidate === term) return mid;
    if (candidate < term) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** BM25 score of every document for `query` (each distinct query term counts once). */
export function scoreLexical(index: LexicalIndex, query: string, documentCount: number): Float32Array {
  const scores = new Float32Array(documentCount);
  for (const term of new Set(tokenize(query))) {
    const t = findTerm(index.terms, term);
    if (t < 0) continue;
    for (let p = index.postingStart[t]!; p < index.postingStart[t + 1]!; p++) {
      scores[index.postingDoc[p]!]! += index.postingWeight[p]!;
    }
  }
  return scores;
}
