import { describe, expect, it } from "vitest";
import { ANSWER_FEATURES, answerProbability, featureVector, isAnswerCalibration, probabilityOf, type AnswerFeatures } from "./answer-model";

const features: AnswerFeatures = { fusedTop: 0.9, fusedLead: 0.3, cosineTop: 0.8, semanticLead: 0.1, lexicalTop: 1, lexicalLead: 0.5, sidesAgree: 1, knownShare: 0.75 };
const model = { mean: Array(8).fill(0.5), scale: [0.1, 0.1, 0.1, 0.1, 0.2, 0.2, 0.5, 0.25], weights: [1, 2, 0, 0, 0, 0, -1, 0.5], bias: -1 };

describe("answerProbability", () => {
  it("is the logistic function of the standardised, weighted features", () => {
    // z = -1 + 1*(0.9-0.5)/0.1 + 2*(0.3-0.5)/0.1 - 1*(1-0.5)/0.5 + 0.5*(0.75-0.5)/0.25 = -1 + 4 - 4 - 1 + 0.5 = -1.5
    expect(answerProbability(model, features)).toBeCloseTo(1 / (1 + Math.exp(1.5)), 12);
    expect(probabilityOf(model, featureVector(features))).toBe(answerProbability(model, features));
  });

  it("reads the features in the stored order", () => {
    expect(featureVector(features)).toEqual([0.9, 0.3, 0.8, 0.1, 1, 0.5, 1, 0.75]);
    expect(ANSWER_FEATURES).toHaveLength(8);
  });
});

describe("isAnswerCalibration", () => {
  const valid = { model, threshold: 0.8, precision: 0.8 };
  it.each([
    ["a valid calibration", valid, true],
    ["a model with a feature missing", { ...valid, model: { ...model, weights: [1, 2, 3] } }, false],
    ["a scale of zero", { ...valid, model: { ...model, scale: Array(8).fill(0) } }, false],
    ["a weight that is not a number", { ...valid, model: { ...model, weights: [...model.weights.slice(1), "x"] } }, false],
    ["an infinite bias", { ...valid, model: { ...model, bias: Infinity } }, false],
    ["a threshold above 1", { ...valid, threshold: 1.2 }, false],
    ["a precision of 1", { ...valid, precision: 1 }, false],
    ["null", null, false],
  ])("%s: %s", (_name, value, expected) => {
    expect(isAnswerCalibration(value)).toBe(expected);
  });
});
