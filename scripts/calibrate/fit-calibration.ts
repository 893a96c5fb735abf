import type { FaqRecord } from "../../src/faq-record";
import { buildIndex } from "../../src/index-blob/build-index";
import { decodeIndex } from "../../src/index-blob/decode";
import type { FaqIndex } from "../../src/index-blob/format";
import { rankFaqs, type SearchMode } from "../../src/search/rank";
import type { EvalQuery } from "../eval/dataset";
import { answeredPair, chooseThreshold, type ScoredAnswer } from "./choose-threshold";
import { fitGroupThreshold } from "./fit-group-threshold";


export interface CalibrationInput {
  model: string;
  faqs: FaqRecord[];
  /** One unit vector per FAQ question, in order. */
  faqVectors: Float32Array[];
  queries: EvalQuery[];
  /** Unit vector of each query text. */
  queryVectors: Map<string, Float32Array>;
}

export interface Calibration {
  /** Weight of the cosine in hybrid fusion. */
  fusionAlpha: number;
  /** Confidence (the best match's lead) from which an answer counts as answered; null when no threshold keeps the promise. */
  answerThreshold: number | null;
  /** The cosine from which the inbox groups two unanswered questions together. */
  groupThreshold: number;
  /** The precision promised for answered: true. */
  answerPrecision: number;
  /** What the threshold reached on the calibration set: precision and in-scope coverage. */
  measured: { precision: number; coverage: number };
  faqs: number;
  queries: number;
}

/**
 * Fusion weights tried: the default (0.5) and one step either side. On the
 * two development sets the best weight for one and the same model ranged from
 * 0.4 (StackFAQ) to 0.7 (Banking77): the domain moves it as much as the model
 * does. A small calibration set of one domain may therefore only nudge the
 * weight; left free, it chose 0.8 for the local model, which loses to words
 * alone on StackFAQ. Coarse steps, too, so as not to fit the set's noise.
 */
export const ALPHA_GRID = [0.4, 0.5, 0.6];

const mrr10 = (index: FaqIndex, queries: EvalQuery[], vectors: Map<string, Float32Array>, mode: SearchMode, alpha: number) => {
  let sum = 0;
  for (const q of queries) {
    const hits = rankFaqs({ ...index, fusionAlpha: alpha }, { mode, query: q.query, queryVector: vectors.get(q.query) ?? null, k: 10, category: null });
    const at = hits.findIndex((hit) => q.relevant.includes(index.record(hit.index).id));
    if (at >= 0) sum += 1 / (at + 1);
  }
  return sum / Math.max(1, queries.length);
};

/**
 * The fusion weight for a model: for each style of query, hybrid's MRR@10
 * minus the better of semantic and lexical alone; the weight whose worst
 * style gains most wins (ties go to the weight nearer 0.5). So a weak
 * embedder gets a low weight, a strong one a high weight, and no style is
 * sacrificed for another: the rule the defaults were chosen by.
 */
export function fitFusionAlpha(index: FaqIndex, queries: EvalQuery[], vectors: Map<string, Float32Array>): number {
  const styles = [...new Set(queries.map((q) => q.style ?? "all"))].map((style) => queries.filter((q) => (q.style ?? "all") === style));
  const singles = styles.map((group) => Math.max(mrr10(index, group, vectors, "semantic", 0), mrr10(index, group, vectors, "lexical", 0)));
  let best = { alpha: 0.5, margin: Number.NEGATIVE_INFINITY };
  for (const alpha of ALPHA_GRID) {
    const margin = Math.min(...styles.map((group, i) => mrr10(index, group, vectors, "hybrid", alpha) - singles[i]!));
    const better = margin > best.margin + 1e-9 || (Math.abs(margin - best.margin) <= 1e-9 && Math.abs(alpha - 0.5) < Math.abs(best.alpha - 0.5));
    if (better) best = { alpha, margin };
  }
  return best.alpha;
}

/**
 * What answered is judged on: the confidence (rankingLead, the lead of
 * the best hybrid match) of each query in scope, and again with its relevant
 * FAQs taken out of the ranking (a visitor asking something the FAQ does not
 * cover), whose best match is wrong by definition.
 */
export function answeredSamples(index: FaqIndex, queries: EvalQuery[], vectors: Map<string, Float32Array>): ScoredAnswer[] {
  return queries.flatMap((q) =>
    answeredPair(rankFaqs(index, { mode: "hybrid", query: q.query, queryVector: vectors.get(q.query)!, k: 2 + q.relevant.length, category: null })
      .map((hit) => ({ score: hit.score, relevant: q.relevant.includes(index.record(hit.index).id) }))));
}

/** Fits a model's fusion weight, the answered threshold that keeps `precision`, and the inbox's grouping threshold, on a labelled set. */
export async function fitCalibration(input: CalibrationInput, precision = 0.8): Promise<Calibration> {
  const dim = input.faqVectors[0]!.length;
  const { blob } = await buildIndex({ model: input.model, builtAt: "calibration", dim, records: input.faqs, vectors: input.faqVectors });
  const index = await decodeIndex(blob);
  const fusionAlpha = fitFusionAlpha(index, input.queries, input.queryVectors);
  const chosen = chooseThreshold(answeredSamples({ ...index, fusionAlpha }, input.queries, input.queryVectors), precision);
  return {
    fusionAlpha,
    answerThreshold: chosen.threshold,
    groupThreshold: fitGroupThreshold(input.queries, input.queryVectors),
    answerPrecision: precision,
    measured: { precision: chosen.precision, coverage: chosen.coverage },
    faqs: input.faqs.length,
    queries: input.queries.length,
  };
}
