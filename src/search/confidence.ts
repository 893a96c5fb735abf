import type { FaqIndex } from "../index-blob/format";
import { answerProbability } from "./answer-model";
import type { Ranking, SearchMode } from "./rank";

/**
 * How clearly the best match stands out, for indexes without an answer
 * calibration (built with --no-calibrate, or before format 6): its score
 * minus the next one's (its whole score when it is alone), on the hybrid
 * scale the threshold was calibrated on. In semantic mode the cosine lead
 * times the fusion weight, the words' part of a hybrid score left out.
 */
export function rankingLead(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return scores[0]! - (scores[1] ?? 0);
}

/**
 * `confidence`: the probability that the first result is right, from the
 * collection's calibrated model (search/answer-model.ts); the lead for an
 * index without one. Null in lexical mode, where any word match counts as an
 * answer, and when there is no result.
 */
export function answerConfidence(index: FaqIndex, ranking: Ranking, mode: SearchMode): number | null {
  if (mode === "lexical") return null;
  if (index.answer) {
    const features = ranking.features();
    return features === null ? null : answerProbability(index.answer.model, features);
  }
  return rankingLead(ranking.hits.map((hit) => (mode === "semantic" ? index.fusionAlpha * hit.score : hit.score)));
}

/** The confidence from which the index counts the first result as an answer; null: any result is one. */
export const answerThresholdOf = (index: FaqIndex): number | null => index.answer?.threshold ?? index.answerThreshold;

/** Whether a ranking with `hits` results and this confidence is an answer at `threshold`. */
export const isAnswered = (hits: number, confidence: number | null, threshold: number | null): boolean =>
  hits > 0 && (confidence === null || threshold === null || confidence >= threshold);
