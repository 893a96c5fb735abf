import type { FaqIndex } from "../../src/index-blob/format";
import { answerConfidence, answerThresholdOf } from "../../src/search/confidence";
import { rankQuery } from "../../src/search/rank";
import { scorerFor } from "../../src/search/semantic-scorer";
import { lowestThreshold } from "../calibrate/choose-threshold";
import type { EvalQuery } from "./dataset";

export interface AnsweredReport {
  /** The precision the index's threshold was calibrated for. */
  target: number;
  threshold: number | null;
  /** Share of answered: true whose first result is right (in-scope and out-of-scope questions together). */
  precision: number;
  /** Share of in-scope questions answered, and answered right. */
  coverage: number;
  /** The best coverage any threshold on the same confidence reaches at the target precision, on this set. */
  oracle_coverage: number;
  /** Expected calibration error of confidence over 10 equal bins; null when confidence is a lead, not a probability. */
  ece: number | null;
  /** Share of out-of-scope questions (their relevant FAQs taken out of the ranking) answered anyway. */
  out_of_scope_answered: number;
}

/** One question asked in scope or out of it: its confidence, and whether its first result was right. */
export interface AnsweredSample {
  confidence: number;
  right: boolean;
  inScope: boolean;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Every query asked as the Worker answers it (the same ranking and
 * confidence code, on the same blob), in scope, and again out of scope with
 * its relevant FAQs taken out of the ranking, whose first result is wrong by definition.
 */
export function answeredSamples(index: FaqIndex, queries: EvalQuery[], vectors: Map<string, Float32Array>): AnsweredSample[] {
  const scorer = scorerFor(index);
  const rowOf = new Map(Array.from({ length: index.count }, (_, row) => [index.record(row).id, row]));
  const samples: AnsweredSample[] = [];
  for (const q of queries) {
    const relevant = new Set(q.relevant.map((id) => rowOf.get(id)!));
    for (const exclude of [undefined, relevant]) {
      const ranking = rankQuery(index, { mode: "hybrid", query: q.query, queryVector: vectors.get(q.query)!, k: 3, category: null, exclude }, scorer);
      const confidence = answerConfidence(index, ranking, "hybrid");
      if (confidence === null) continue;
      samples.push({ confidence, right: exclude === undefined && relevant.has(ranking.hits[0]!.index), inScope: exclude === undefined });
    }
  }
  return samples;
}

/**
 * The best coverage of any cut through the sorted confidences whose answered
 * samples are right at `target` or more: the lowest such cut's, since a lower
 * cut only adds right answers (judged as the calibration judges a cut).
 */
function oracleCoverage(samples: AnsweredSample[], inScope: number, target: number): number {
  const cut = lowestThreshold(samples.map((s) => ({ score: s.confidence, correct: s.right })), target);
  return cut === null ? 0 : samples.filter((s) => s.right && s.confidence >= cut).length / inScope;
}

/** Mean over 10 equal-width bins of |mean confidence - share right|, weighted by the bins' sizes. */
export function expectedCalibrationError(samples: AnsweredSample[]): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, confidence: 0, right: 0 }));
  for (const s of samples) {
    const bin = bins[Math.min(9, Math.max(0, Math.floor(s.confidence * 10)))]!;
    bin.n++;
    bin.confidence += s.confidence;
    bin.right += s.right ? 1 : 0;
  }
  return bins.reduce((sum, bin) => sum + (bin.n ? (bin.n / samples.length) * Math.abs(bin.confidence / bin.n - bin.right / bin.n) : 0), 0);
}

/** The answered promise measured on a labelled set the calibration never saw. */
export function measureAnswered(index: FaqIndex, samples: AnsweredSample[], target: number): AnsweredReport {
  const threshold = answerThresholdOf(index);
  const answered = threshold === null ? samples : samples.filter((s) => s.confidence >= threshold);
  const right = answered.filter((s) => s.right).length;
  const inScope = samples.filter((s) => s.inScope).length;
  const outside = samples.filter((s) => !s.inScope);
  return {
    target,
    threshold,
    precision: round(answered.length ? right / answered.length : 0),
    coverage: round(inScope ? right / inScope : 0),
    oracle_coverage: round(oracleCoverage(samples, Math.max(1, inScope), target)),
    ece: index.answer ? round(expectedCalibrationError(samples)) : null,
    out_of_scope_answered: round(answered.filter((s) => !s.inScope).length / Math.max(1, outside.length)),
  };
}
