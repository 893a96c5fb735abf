import type { FaqRecord } from "../../src/faq-record";
import { buildIndex } from "../../src/index-blob/build-index";
import { decodeIndex } from "../../src/index-blob/decode";
import type { FaqIndex } from "../../src/index-blob/format";
import { rankFaqs, type SearchMode } from "../../src/search/rank";
import { RANKING_DEFAULTS } from "../../src/search/ranking-defaults";
import type { EvalQuery } from "./dataset";
import { computeMetrics, type RetrievalMetrics } from "./metrics";

export interface RankingCandidate {
  fusionAlpha: number;
  questionWeight: number;
  answerWeight: number;
}

export interface FitInput {
  model: string;
  dim: number;
  faqs: FaqRecord[];
  faqVectors: ArrayLike<number>[];
  /** Unit query vectors by query text. */
  queryVectors: Map<string, Float32Array>;
}

const ALPHAS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
const FIELD_WEIGHTS: Array<[number, number]> = [[1, 0], [5, 1], [3, 1], [1, 1]];

async function indexWith(input: FitInput, questionWeight: number, answerWeight: number): Promise<FaqIndex> {
  const { blob } = await buildIndex({
    model: input.model, builtAt: "fit", dim: input.dim, records: input.faqs, vectors: input.faqVectors,
    lexical: { ...RANKING_DEFAULTS, questionWeight, answerWeight },
  });
  return decodeIndex(blob);
}

/** Scores a query set in-process with exactly the Worker's ranking code. */
export function evaluateIn(index: FaqIndex, queries: EvalQuery[], mode: SearchMode, queryVectors: Map<string, Float32Array>): RetrievalMetrics {
  return computeMetrics(queries.map((q) => ({
    relevant: q.relevant,
    rankedIds: rankFaqs(index, { mode, query: q.query, queryVector: queryVectors.get(q.query) ?? null, k: 10, category: null })
      .map((hit) => index.record(hit.index).id),
  })));
}

/**
 * Grid search over the fusion weight and the BM25 field weights, choosing by
 * MRR@10 on `fit` only; `heldOut` is scored once, with the chosen setting.
 */
export async function fitRanking(input: FitInput, fit: EvalQuery[], heldOut: EvalQuery[]) {
  let best: { candidate: RankingCandidate; fit: RetrievalMetrics } | null = null;
  const indexes = new Map<string, FaqIndex>();
  for (const [questionWeight, answerWeight] of FIELD_WEIGHTS) {
    const index = await indexWith(input, questionWeight, answerWeight);
    indexes.set(`${questionWeight}:${answerWeight}`, index);
    for (const fusionAlpha of ALPHAS) {
      const metrics = evaluateIn({ ...index, fusionAlpha }, fit, "hybrid", input.queryVectors);
      const better = !best || metrics.mrr10 > best.fit.mrr10 || (metrics.mrr10 === best.fit.mrr10 && metrics.top1 > best.fit.top1);
      if (better) best = { candidate: { fusionAlpha, questionWeight, answerWeight }, fit: metrics };
    }
  }
  const chosen = best!.candidate;
  const index = { ...indexes.get(`${chosen.questionWeight}:${chosen.answerWeight}`)!, fusionAlpha: chosen.fusionAlpha };
  return { chosen, fit: best!.fit, heldOut: evaluateIn(index, heldOut, "hybrid", input.queryVectors) };
}
