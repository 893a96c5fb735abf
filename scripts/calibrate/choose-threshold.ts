import { rankingLead } from "../../src/search/confidence";

/** One best match: its semantic score, whether it was right, and whether the query was in scope. */
export interface ScoredAnswer {
  score: number;
  correct: boolean;
  inScope: boolean;
}

export interface ThresholdChoice {
  /** Answered means score >= threshold; null when no threshold reaches the precision. */
  threshold: number | null;
  /** Share of answered samples whose best match is right. */
  precision: number;
  /** Share of in-scope samples answered and right. */
  coverage: number;
}

/**
 * The two samples one labelled question gives, from its ranked results (best
 * first, each with its score and whether it is relevant): in scope, judged on
 * the confidence of the whole ranking; and out of scope, the same ranking with
 * its relevant FAQs taken out, whose best match is wrong by definition.
 */
export function answeredPair(ranked: Array<{ score: number; relevant: boolean }>): ScoredAnswer[] {
  const inScope = rankingLead(ranked.map((hit) => hit.score));
  if (inScope === null) return [];
  const outside = rankingLead(ranked.filter((hit) => !hit.relevant).map((hit) => hit.score));
  const pair: ScoredAnswer[] = [{ score: inScope, correct: ranked[0]!.relevant, inScope: true }];
  if (outside !== null) pair.push({ score: outside, correct: false, inScope: false });
  return pair;
}

/** Fewer answered samples than this say too little about precision to set a threshold on. */
const MIN_ANSWERED = 10;

/** Precision and coverage of answering every sample scoring at least `threshold`. */
export function measureThreshold(samples: ScoredAnswer[], threshold: number | null): { precision: number; coverage: number } {
  const answered = threshold === null ? [] : samples.filter((s) => s.score >= threshold);
  const right = answered.filter((s) => s.correct).length;
  const inScope = samples.filter((s) => s.inScope).length;
  return { precision: answered.length ? right / answered.length : 0, coverage: inScope ? right / inScope : 0 };
}

/** A sample a cut is judged on: its score, whether its best match was right, and how much it counts (1 unless given). */
export interface CutSample {
  score: number;
  correct: boolean;
  weight?: number;
}

/**
 * The lowest score from which the samples are right at least `precision` of
 * the time (weighted), so answered: true keeps that promise while answering
 * as much as it can: the cut of the per-model calibration, of a collection's,
 * and the evaluation's oracle. It is a sample's own score, not rounded: a
 * cut rounded either way could move samples across it (a collection's cut
 * is kept to 3 decimals by rounding the scores first, calibrate-collection.ts).
 * Null when no cut with MIN_ANSWERED samples or more reaches the precision.
 */
export function lowestThreshold(samples: readonly CutSample[], precision: number): number | null {
  const sorted = [...samples].sort((a, b) => b.score - a.score);
  let answered = 0;
  let right = 0;
  let threshold: number | null = null;
  for (let i = 0; i < sorted.length; i++) {
    const weight = sorted[i]!.weight ?? 1;
    answered += weight;
    if (sorted[i]!.correct) right += weight;
    // only cut between distinct scores: everything at or above the cut is answered
    if (i + 1 < sorted.length && sorted[i + 1]!.score === sorted[i]!.score) continue;
    if (i + 1 >= MIN_ANSWERED && right / answered >= precision) threshold = sorted[i]!.score;
  }
  return threshold;
}

/** The lowest threshold keeping `precision` (lowestThreshold), with the precision and coverage it gives. */
export function chooseThreshold(samples: ScoredAnswer[], precision: number): ThresholdChoice {
  const threshold = lowestThreshold(samples, precision);
  return { threshold, ...measureThreshold(samples, threshold) };
}
