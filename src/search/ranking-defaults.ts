/**
 * Ranking settings, each chosen for the worse of the two development sets,
 * StackFAQ and Banking77 (docs/quality.md).
 */
export const RANKING_DEFAULTS = {
  /**
   * Weight of the cosine in hybrid fusion (1 - alpha goes to the words'
   * strength) for a model with no calibration: of the weights tried, 0.5
   * had the largest worst-case gain of hybrid over the better single mode.
   */
  fusionAlpha: 0.5,
  /** BM25F field weights: a question word counts this many times an answer word. */
  questionWeight: 1,
  answerWeight: 0,
  k1: 1.2,
  b: 0.75,
} as const;

export type LexicalFieldWeights = { questionWeight: number; answerWeight: number; k1: number; b: number };
