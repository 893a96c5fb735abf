/**
 * Ranking settings, fit with `npm run eval -- --fit` on the queries of the odd-numbered
 * StackFAQ FAQs and checked on the even-numbered ones (see README, "Answer quality").
 */
export const RANKING_DEFAULTS = {
  /** Weight of cosine similarity in hybrid fusion; 1 - alpha goes to normalised BM25. */
  fusionAlpha: 0.5,
  /** BM25F field weights: a question word counts this many times an answer word. */
  questionWeight: 1,
  answerWeight: 0,
  k1: 1.2,
  b: 0.75,
} as const;

export type LexicalFieldWeights = { questionWeight: number; answerWeight: number; k1: number; b: number };
