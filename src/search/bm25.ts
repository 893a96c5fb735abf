import { allowedEdits, nearTerms } from "./fuzzy-terms";
import { tokenize, type TokenLanguage } from "./tokenize";

/** BM25 over several weighted fields per document, with each (term, document) weight precomputed. */
export interface LexicalIndex {
  /** Sorted, so the Worker finds a term by binary search without building a map. */
  terms: string[];
  /** postings of term t are at [postingStart[t], postingStart[t+1]) */
  postingStart: Uint32Array;
  postingDoc: Uint32Array;
  /** Full BM25 contribution of the term to the document (idf included). */
  postingWeight: Float32Array;
  /** IDF of each term: what a perfect match of the query is worth. */
  termIdf: Float32Array;
  k1: number;
  b: number;
  averageLength: number;
  /** How words became terms; queries are cut the same way. */
  language: TokenLanguage;
  /** Groups of equivalent words or phrases, each phrase as its terms. */
  synonyms: string[][][];
}

export interface Bm25Options {
  /** Term-frequency saturation. Default 1.2. */
  k1?: number;
  /** Length normalisation. Default 0.75. */
  b?: number;
  /** Default "en". */
  language?: TokenLanguage;
  /** Groups of equivalent words or phrases (raw text). Default none. */
  synonyms?: string[][];
}

/** The BM25 idf with the "plus one": never negative, so a common word cannot lower a score. */
export const idfOf = (documents: number, df: number) => Math.log(1 + (documents - df + 0.5) / (df + 0.5));

/**
 * Builds a BM25F-style index: each document is a list of fields (say question
 * and answer) with a weight each; term counts and lengths are weighted sums,
 * and a field of weight 0 only informs document frequencies. The defaults
 * (k1 1.2, b 0.75) are the textbook ones: a grid around them did no better
 * on the development sets (docs/quality.md).
 */
export function buildLexicalIndex(documents: Array<Array<{ text: string; weight: number }>>, options: Bm25Options = {}): LexicalIndex {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const language = options.language ?? "en";
  const termCounts: Array<Map<string, number>> = [];
  const lengths: number[] = [];
  // Document frequency counts every field, weighted or not: the answers are a
  // larger sample of how common a word is, and measured better (docs/quality.md).
  const documentFrequency = new Map<string, number>();
  for (const fields of documents) {
    const counts = new Map<string, number>();
    const present = new Set<string>();
    let length = 0;
    for (const { text, weight } of fields) {
      for (const term of tokenize(text, language)) {
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
  const termIdf = new Float32Array(terms.length);
  let cursor = 0;
  terms.forEach((term, t) => {
    const idf = idfOf(documents.length, documentFrequency.get(term)!);
    termIdf[t] = idf;
    postingStart[t] = cursor;
    for (const [doc, tf] of postings.get(term)!) {
      const norm = k1 * (1 - b + (b * lengths[doc]!) / averageLength);
      postingDoc[cursor] = doc;
      postingWeight[cursor] = (idf * tf * (k1 + 1)) / (tf + norm);
      cursor++;
    }
  });
  postingStart[terms.length] = cursor;
  const synonyms = (options.synonyms ?? []).map((group) => group.map((phrase) => tokenize(phrase, language)).filter((t) => t.length > 0));
  return { terms, postingStart, postingDoc, postingWeight, termIdf, k1, b, averageLength, language, synonyms: synonyms.filter((g) => g.length > 1) };
}

/** Index of `term` in the sorted vocabulary, or -1. */
export function findTerm(terms: readonly string[], term: string): number {
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

/**
 * What a near term (a likely typo) is worth against the exact word: always
 * below an exact match, less for two edits than for one. With one typo in
 * every query, one edit at 0.5 kept 0.894 of Banking77's hybrid top1; at
 * 0.7, 0.915 (StackFAQ 0.951 to 0.963, CovidFAQ 1.004 to 1.000; `npm run
 * eval`), and top1 without typos rose slightly on all three sets. At 1.0
 * CovidFAQ's typo top1 fell a further 0.018: a near term is not the word
 * the visitor meant often enough to count as much (docs/quality.md).
 */
export const TYPO_FACTOR: Record<number, number> = { 1: 0.7, 2: 0.3 };

/** One alternative way to match a part of the query: vocabulary terms, each counted with a factor. */
type Alternative = Array<{ term: number; factor: number }>;

/**
 * The parts of a query, each matched by the best of its alternatives: a
 * synonym group (any of its phrases), a word found in the vocabulary, or a
 * word that is not, by the terms within allowedEdits of it. Words that match
 * nothing drop out.
 */
function querySlots(index: LexicalIndex, query: string): { slots: Alternative[][]; words: number; known: number } {
  const tokens = tokenize(query, index.language);
  const used = new Array<boolean>(tokens.length).fill(false);
  const slots: Alternative[][] = [];
  const phraseTerms = (phrase: string[]) => phrase.map((term) => findTerm(index.terms, term));
  for (const group of index.synonyms) {
    // Every phrase of the group in the query is taken by this one slot, longest first.
    let present = false;
    for (const phrase of [...group].sort((x, y) => y.length - x.length)) {
      for (let at = 0; at + phrase.length <= tokens.length; at++) {
        if (!phrase.every((term, j) => tokens[at + j] === term && !used[at + j])) continue;
        for (let j = 0; j < phrase.length; j++) used[at + j] = true;
        present = true;
      }
    }
    if (!present) continue;
    const alternatives = group
      .map(phraseTerms)
      .filter((found) => found.every((t) => t >= 0))
      .map((found) => found.map((term) => ({ term, factor: 1 })));
    if (alternatives.length > 0) slots.push(alternatives);
  }
  // distinct words of the query, and how many of them the vocabulary knows (a synonym or a near term counts)
  const seen = new Set<string>();
  const known = new Set<string>(tokens.filter((_, i) => used[i]));
  tokens.forEach((token, i) => {
    if (used[i] || seen.has(token)) return;
    seen.add(token);
    const exact = findTerm(index.terms, token);
    if (exact >= 0) {
      slots.push([[{ term: exact, factor: 1 }]]);
      known.add(token);
      return;
    }
    const edits = /^\p{L}+$/u.test(token) ? allowedEdits([...token].length) : 0;
    const near = nearTerms(index.terms, token, edits);
    if (near.length > 0) {
      slots.push(near.map(({ term, distance }) => [{ term, factor: TYPO_FACTOR[distance]! }]));
      known.add(token);
    }
  });
  return { slots, words: new Set(tokens).size, known: known.size };
}

export interface LexicalMatch {
  /** BM25 of every document. */
  scores: Float32Array;
  /**
   * What a document holding the query's matched words once, at average
   * length, would score: dividing by it tells how strongly the words matched,
   * where dividing by the best score would only tell which matched best.
   */
  perfect: number;
  /** Distinct words of the query, and how many of them matched a term, a synonym or a near term. */
  queryWords: number;
  knownWords: number;
}

/** Adds one word's postings into a score per document: jsPostingAdder, or the WebAssembly kernel (createPostingKernel in search/wasm/wasm-kernel.ts). */
export interface PostingAdder {
  /** Zeroed scores, one per document; the array may be reused by the next query. */
  start(): Float32Array;
  /** scores[postingDoc[p]] += postingWeight[p] * factor for p in [from, to). */
  add(from: number, to: number, factor: number): void;
}

/** The plain JS loop: a new score array per query. */
export function jsPostingAdder(index: LexicalIndex, documentCount: number): PostingAdder {
  let scores = new Float32Array(0);
  return {
    start: () => (scores = new Float32Array(documentCount)),
    add(from, to, factor) {
      for (let p = from; p < to; p++) scores[index.postingDoc[p]!]! += index.postingWeight[p]! * factor;
    },
  };
}

/**
 * BM25 of every document for `query`. Each part of the query adds the best
 * of its alternatives for a document (a synonym, a word, or its near terms,
 * which are scored below exact matches), so an alternative never counts twice.
 * `postings` adds up the postings (the JS loop unless given).
 */
export function matchLexical(index: LexicalIndex, query: string, documentCount: number, postings: PostingAdder = jsPostingAdder(index, documentCount)): LexicalMatch {
  const scores = postings.start();
  const { slots, words, known } = querySlots(index, query);
  const saturation = (index.k1 + 1) / (1 + index.k1 * (1 - index.b + (index.b * slots.length) / index.averageLength));
  let perfect = 0;
  const best = new Map<number, number>();
  for (const alternatives of slots) {
    if (alternatives.length === 1) {
      // the usual case, a plain word: straight into the scores
      for (const { term, factor } of alternatives[0]!) {
        perfect += index.termIdf[term]! * factor * saturation;
        postings.add(index.postingStart[term]!, index.postingStart[term + 1]!, factor);
      }
      continue;
    }
    best.clear();
    let slotPerfect = 0;
    for (const alternative of alternatives) {
      const sums = new Map<number, number>();
      let alternativePerfect = 0;
      for (const { term, factor } of alternative) {
        alternativePerfect += index.termIdf[term]! * factor * saturation;
        for (let p = index.postingStart[term]!; p < index.postingStart[term + 1]!; p++) {
          const doc = index.postingDoc[p]!;
          sums.set(doc, (sums.get(doc) ?? 0) + index.postingWeight[p]! * factor);
        }
      }
      slotPerfect = Math.max(slotPerfect, alternativePerfect);
      for (const [doc, sum] of sums) if (sum > (best.get(doc) ?? 0)) best.set(doc, sum);
    }
    perfect += slotPerfect;
    for (const [doc, score] of best) scores[doc]! += score;
  }
  return { scores, perfect, queryWords: words, knownWords: known };
}
