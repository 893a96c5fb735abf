/**
 * `confidence`: the probability that the first result is right, from a
 * logistic regression over a few signals of one ranking. The regression is
 * fitted per collection when its index is built (scripts/calibrate/collection/)
 * and stored in the blob; the Worker only evaluates it.
 */

/** What the probability is computed from, in this order. */
export const ANSWER_FEATURES = [
  /** The first result's score on the hybrid scale (fusion weight of the index). */
  "fusedTop",
  /** Its lead over the second result, on the same scale. */
  "fusedLead",
  /** The first result's cosine. */
  "cosineTop",
  /** How far the semantic side's best match leads its second, in cosine. */
  "semanticLead",
  /** The first result's word strength. */
  "lexicalTop",
  /** How far the word side's best match leads its second, in strength. */
  "lexicalLead",
  /** 1 when both sides put the same FAQ first, else 0. */
  "sidesAgree",
  /** The share of the query's words that the index's vocabulary has (typos matched to a word count). */
  "knownShare",
] as const;

export type AnswerFeatures = Record<(typeof ANSWER_FEATURES)[number], number>;

/** A fitted regression: inputs are standardised with `mean` and `scale`, then weighted. */
export interface AnswerModel {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

/** How an index decides `answered`, stored with it (format 6). */
export interface AnswerCalibration {
  model: AnswerModel;
  /** `answered` is true from this probability on: the promised precision, or the lowest confidence at which the calibration's examples keep it. */
  threshold: number;
  /** The precision `answered: true` promises. */
  precision: number;
}

const finiteArray = (value: unknown, length: number) =>
  Array.isArray(value) && value.length === length && value.every((v) => typeof v === "number" && Number.isFinite(v));

export function isAnswerCalibration(value: unknown): value is AnswerCalibration {
  if (typeof value !== "object" || value === null) return false;
  const { model, threshold, precision } = value as Partial<AnswerCalibration>;
  if (typeof model !== "object" || model === null) return false;
  const n = ANSWER_FEATURES.length;
  return finiteArray(model.mean, n) && finiteArray(model.scale, n) && model.scale.every((s) => s > 0)
    && finiteArray(model.weights, n) && typeof model.bias === "number" && Number.isFinite(model.bias)
    && typeof threshold === "number" && threshold >= 0 && threshold <= 1
    && typeof precision === "number" && precision > 0 && precision < 1;
}

/** The features as the model's input vector. */
export const featureVector = (features: AnswerFeatures): number[] => ANSWER_FEATURES.map((name) => features[name]);

/** The model's probability for an input vector (features in ANSWER_FEATURES order). */
export function probabilityOf(model: AnswerModel, x: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < x.length; i++) z += model.weights[i]! * ((x[i]! - model.mean[i]!) / model.scale[i]!);
  return 1 / (1 + Math.exp(-z));
}

/** The probability, in [0, 1], that the ranking's first result is right. */
export const answerProbability = (model: AnswerModel, features: AnswerFeatures): number => probabilityOf(model, featureVector(features));
