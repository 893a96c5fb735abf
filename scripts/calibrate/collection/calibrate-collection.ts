import type { FaqRecord } from "../../../src/faq-record";
import type { FaqIndex } from "../../../src/index-blob/format";
import { probabilityOf, type AnswerCalibration } from "../../../src/search/answer-model";
import { scorerFor } from "../../../src/search/semantic-scorer";
import { lowestThreshold } from "../choose-threshold";
import { answerExamples, type AskedQuestion } from "./answer-samples";
import { semanticRatio, TRUSTED_RATIO, weightFromLabels, weightFromRatio } from "./fusion-weight";
import { fitLogistic, type Example } from "./logistic-regression";
import { pseudoQueries } from "./pseudo-queries";

/** A visitor's question and the ids of the FAQs that answer it (`npm run inbox -- --export-labels`). */
export interface LabelledQuestion {
  query: string;
  relevant: string[];
}

export interface CollectionCalibrationInput {
  records: readonly FaqRecord[];
  /** The collection's index, built with any fusion weight: the calibration replaces it. */
  index: FaqIndex;
  /** Unit vectors for texts, in order (batched and cached by the caller). */
  embed: (texts: string[]) => Promise<Float32Array[]>;
  /** The precision `answered: true` promises. */
  precision: number;
  /** Questions about nothing an FAQ covers (data/out-of-scope/). */
  outOfScope: string[];
  labelled?: LabelledQuestion[];
}

export interface CollectionCalibration {
  fusionAlpha: number;
  answer: AnswerCalibration;
  /** What it was fitted on, and what it reached there. */
  report: {
    pseudoQueries: number;
    outOfScope: number;
    labelled: number;
    /** Labelled questions replaced the pseudo-queries (at least ENOUGH_LABELS of them). */
    labelsReplacedPseudo: boolean;
    /** Semantic MRR@10 over lexical on the pseudo-queries (fusion-weight.ts). */
    semanticRatio: number;
    examples: number;
    /**
     * Where the threshold comes from: "examples", the lowest confidence at which the
     * examples it was fitted on keep the promised precision; "promise", the promised
     * precision itself (see answerThreshold).
     */
    thresholdFrom: "examples" | "promise";
    /** On the examples it was fitted on, at the threshold. */
    measured: { precision: number; coverage: number };
  };
}

/**
 * Labelled questions from which they replace the pseudo-queries, and below
 * which they count beside them in proportion: on the development sets the
 * weight labels choose settled, and precision stayed near the promise, from
 * about this many (docs/quality.md).
 */
export const ENOUGH_LABELS = 100;

/** Reported figures are kept to 3 decimals. */
const round3 = (value: number) => Math.round(value * 1000) / 1000;
/** A probability cut down to 3 decimals: it reaches a 3-decimal threshold exactly when the probability does. */
const floor3 = (value: number) => Math.floor(value * 1000) / 1000;

const toRows = (records: readonly FaqRecord[], ids: string[]) => {
  const rowOf = new Map(records.map((record, row) => [record.id, row]));
  return new Set(ids.map((id) => rowOf.get(id)).filter((row): row is number => row !== undefined));
};

/**
 * The lowest threshold a cut fitted on examples may have: below it the model
 * itself says the first result is more likely wrong than right. Without it, a
 * German collection of three FAQs served with the English model, whose few
 * examples its 100 English out-of-scope questions tell apart trivially, was
 * cut at 0.008 and answered anything asked in German; StackFAQ's cut (0.400)
 * becomes 0.5: precision 0.931 and coverage 0.412 instead of 0.899 and 0.484.
 */
export const EVEN_ODDS = 0.5;

/**
 * The lowest probability, in 3 decimals, from which the examples answered are
 * right at `precision` or more (weighted), or null when no such cut exists.
 * The cut is chosen among 3-decimal values (each probability cut down to 3
 * decimals first), so that the threshold stored is the one measured: rounding
 * a sample's own score either way could move samples across it.
 */
export const thresholdKeeping = (model: AnswerCalibration["model"], examples: Example[], precision: number): number | null =>
  lowestThreshold(examples.map((e) => ({ score: floor3(probabilityOf(model, e.x)), correct: e.y === 1, weight: e.weight })), precision);

/**
 * The confidence from which `answered` is true. A calibrated probability of
 * at least p keeps precision p whatever mix of questions arrives, but it is
 * cautious: most answers are surer than the threshold. When the examples
 * are like visitors' questions, the threshold is instead the lowest
 * confidence at which they keep the promise. They are when labelled
 * questions replaced the pseudo-queries, or when the pseudo-queries include
 * answer sentences (the FAQ in other words) and the model knows the
 * language (the semantic/lexical ratio reaches TRUSTED_RATIO). On StackFAQ
 * and CovidFAQ, which meet both, precision went from 0.969 and 0.922 to
 * 0.931 and 0.813, coverage from 0.223 and 0.099 to 0.412 and 0.207. Where
 * they are not met, the examples are easier than visitors' questions, and
 * the cut fitted on them broke the promise: Banking77 (no answers) 0.457,
 * the development sets in Han characters the model does not know 0.19 to
 * 0.78 (docs/quality.md). There the threshold is the promise, or the cut
 * when the examples ask for more. The cut is never below EVEN_ODDS.
 */
export function answerThreshold(fitted: number | null, precision: number, examplesLikeVisitors: boolean): { threshold: number; from: "examples" | "promise" } {
  if (examplesLikeVisitors && fitted !== null) return { threshold: Math.max(EVEN_ODDS, fitted), from: "examples" };
  if (fitted !== null && fitted > precision) return { threshold: fitted, from: "examples" };
  return { threshold: precision, from: "promise" };
}

/** Precision and in-scope coverage of answering every example whose probability reaches `threshold`. */
function measure(model: AnswerCalibration["model"], examples: Example[], inScope: number, threshold: number) {
  let answered = 0;
  let right = 0;
  for (const e of examples) {
    if (probabilityOf(model, e.x) < threshold) continue;
    answered++;
    right += e.y;
  }
  return { precision: round3(answered ? right / answered : 0), coverage: round3(inScope ? right / inScope : 0) };
}

/**
 * Calibrates one collection from its own FAQs (and labelled visitor
 * questions when given): the fusion weight, from how well meaning finds the
 * FAQ against words on pseudo-queries; and the confidence model, a logistic
 * regression fitted on those pseudo-queries (right or wrong), each asked
 * again with its FAQ left out, and the out-of-scope questions. `answered` is
 * true from the threshold answerThreshold gives.
 */
export async function calibrateCollection(input: CollectionCalibrationInput): Promise<CollectionCalibration> {
  const { records, index, precision, outOfScope } = input;
  const labelled = (input.labelled ?? []).map((q) => ({ query: q.query, rows: toRows(records, q.relevant) })).filter((q) => q.rows.size > 0);
  const pseudo = pseudoQueries(records);
  const texts = [...pseudo.map((q) => q.query), ...outOfScope, ...labelled.map((q) => q.query)];
  const vectors = await input.embed(texts);
  const asked = (query: string, i: number, rows: ReadonlySet<number>): AskedQuestion => ({ query, vector: vectors[i]!, rows });
  const pseudoAsked = pseudo.map((q, i) => asked(q.query, i, new Set([q.row])));
  const outsideAsked = outOfScope.map((q, i) => asked(q, pseudo.length + i, new Set()));
  const labelledAsked = labelled.map((q, i) => asked(q.query, pseudo.length + outOfScope.length + i, q.rows));

  const scorer = scorerFor(index);
  const ratio = semanticRatio(index, scorer, ["words", "answer"].map((style) => pseudoAsked.filter((_, i) => pseudo[i]!.style === style)));
  const pseudoAlpha = weightFromRatio(ratio);
  const labelsReplacedPseudo = labelledAsked.length >= ENOUGH_LABELS;
  const fusionAlpha = labelledAsked.length > 0 ? weightFromLabels(index, scorer, labelledAsked, pseudoAlpha) : pseudoAlpha;

  const weighted = { ...index, fusionAlpha };
  // Below ENOUGH_LABELS the pseudo-queries count less the more labels there are; from it, not at all.
  const pseudoWeight = Math.max(0, 1 - labelledAsked.length / ENOUGH_LABELS);
  const examples: Example[] = [
    ...answerExamples(weighted, scorer, pseudoAsked).map((e) => ({ ...e, weight: pseudoWeight })),
    ...answerExamples(weighted, scorer, outsideAsked),
    ...answerExamples(weighted, scorer, labelledAsked),
  ].filter((e) => (e.weight ?? 1) > 0);
  const model = fitLogistic(examples);
  const inScope = (labelsReplacedPseudo ? 0 : pseudoAsked.length) + labelledAsked.length;
  const paraphrased = pseudo.some((q) => q.style === "answer") && ratio >= TRUSTED_RATIO;
  const { threshold, from } = answerThreshold(thresholdKeeping(model, examples, precision), precision, labelsReplacedPseudo || paraphrased);
  return {
    fusionAlpha,
    answer: { model, threshold, precision },
    report: {
      pseudoQueries: pseudo.length,
      outOfScope: outOfScope.length,
      labelled: labelledAsked.length,
      labelsReplacedPseudo,
      semanticRatio: round3(ratio),
      examples: examples.length,
      thresholdFrom: from,
      measured: measure(model, examples, inScope, threshold),
    },
  };
}
