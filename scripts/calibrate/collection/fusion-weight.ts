import type { FaqIndex } from "../../../src/index-blob/format";
import { rankFaqs, type SearchMode } from "../../../src/search/rank";
import type { SemanticScorer } from "../../../src/search/semantic-scorer";
import type { AskedQuestion } from "./answer-samples";

/**
 * The fusion weight for a model that knows the collection's language, chosen
 * by the worst of the three development sets: the weight whose hybrid falls
 * least below the better single mode on the set where it falls most, on top1
 * and on MRR@10 alike. 0.5 left real visitor questions (CovidFAQ) far below
 * words alone; less leaves short messages (Banking77) below meaning alone
 * (the sweep is in the message of the commit that set it; docs/quality.md
 * has what the evaluation measures at this weight).
 */
export const KNOWN_LANGUAGE_ALPHA = 0.3;

/**
 * How well meaning finds the FAQ, against words, on the collection's own
 * pseudo-queries (MRR@10 semantic / lexical, the worse of the two kinds),
 * from which the model is trusted at KNOWN_LANGUAGE_ALPHA. On the
 * pseudo-queries of the three development sets the ratio is 0.58 to 0.77;
 * on the same sets with their words turned into ones the model does not
 * know, it is 0.03 to 0.07 in Han characters (as Japanese is) and 0.14 and
 * 0.30 in made-up Latin words, except Banking77's (0.68: with no answers
 * its pseudo-queries are only its own words, which the model matches
 * letter by letter; words alone and hybrid then differ by 0.002 top1).
 * Below it, the weight falls in proportion: a model that finds nothing adds
 * nothing (docs/quality.md).
 */
export const TRUSTED_RATIO = 0.5;

/** Candidate weights when labelled questions choose it. */
export const LABELLED_ALPHA_GRID = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

export function mrr10(index: FaqIndex, scorer: SemanticScorer, questions: AskedQuestion[], mode: SearchMode, alpha = index.fusionAlpha): number {
  if (questions.length === 0) return 0;
  const weighted = { ...index, fusionAlpha: alpha };
  let sum = 0;
  for (const q of questions) {
    const hits = rankFaqs(weighted, { mode, query: q.query, queryVector: q.vector, k: 10, category: null }, scorer);
    const at = hits.findIndex((hit) => q.rows.has(hit.index));
    if (at >= 0) sum += 1 / (at + 1);
  }
  return sum / questions.length;
}

/** The semantic side's strength against the word side's, per kind of pseudo-query, and the worst. */
export function semanticRatio(index: FaqIndex, scorer: SemanticScorer, byKind: AskedQuestion[][]): number {
  const ratios = byKind.filter((questions) => questions.length > 0).map((questions) => {
    const lexical = mrr10(index, scorer, questions, "lexical");
    return lexical > 0 ? mrr10(index, scorer, questions, "semantic") / lexical : 1;
  });
  return ratios.length > 0 ? Math.min(...ratios) : 1;
}

/** The weight the ratio gives: KNOWN_LANGUAGE_ALPHA from TRUSTED_RATIO up, less in proportion below it. */
export const weightFromRatio = (ratio: number) => Math.round(KNOWN_LANGUAGE_ALPHA * Math.min(1, ratio / TRUSTED_RATIO) * 1000) / 1000;

/** The weight with the best MRR@10 on labelled questions; ties go to the one nearest `prior`. */
export function weightFromLabels(index: FaqIndex, scorer: SemanticScorer, labelled: AskedQuestion[], prior: number): number {
  let best = { alpha: prior, mrr: Number.NEGATIVE_INFINITY };
  for (const alpha of LABELLED_ALPHA_GRID) {
    const mrr = mrr10(index, scorer, labelled, "hybrid", alpha);
    if (mrr > best.mrr + 1e-9 || (Math.abs(mrr - best.mrr) <= 1e-9 && Math.abs(alpha - prior) < Math.abs(best.alpha - prior))) best = { alpha, mrr };
  }
  return best.alpha;
}
