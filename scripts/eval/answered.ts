import { answeredPair, measureThreshold } from "../calibrate/choose-threshold";
import type { WorkerOutcome } from "./query-worker";

export interface AnsweredReport {
  /** The precision the index's threshold was calibrated for. */
  target: number;
  threshold: number | null;
  /** Share of answered: true whose first result is right (in-scope and out-of-scope questions together). */
  precision: number;
  /** Share of in-scope questions answered, and answered right. */
  coverage: number;
  /** Share of out-of-scope questions (their relevant FAQs taken out of the ranking) answered anyway. */
  out_of_scope_answered: number;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Measures the answered promise on hybrid outcomes, with the Worker's own
 * confidence: every question in scope, and again out of scope, ranked as if
 * its relevant FAQs were not in the FAQ.
 */
export function measureAnswered(outcomes: WorkerOutcome[], threshold: number | null, target: number): AnsweredReport {
  const samples = outcomes.flatMap((o) => answeredPair(o.scores.map((score, i) => ({ score, relevant: o.relevant.includes(o.rankedIds[i]!) }))));
  const { precision, coverage } = measureThreshold(samples, threshold);
  const outOfScope = samples.filter((s) => !s.inScope);
  const answeredOutside = threshold === null ? 0 : outOfScope.filter((s) => s.score >= threshold).length;
  return { target, threshold, precision: round(precision), coverage: round(coverage), out_of_scope_answered: round(answeredOutside / Math.max(1, outOfScope.length)) };
}
