import { describe, expect, it } from "vitest";
import { seededRandom, unitMatrix } from "../../bench/lib/random";
import { buildIndex } from "../../src/index-blob/build-index";
import { decodeIndex } from "../../src/index-blob/decode";
import { l2Normalize } from "../../src/search/normalize";
import { readDataset } from "../eval/dataset";
import { chooseThreshold, measureThreshold } from "./choose-threshold";
import { answeredSamples, fitCalibration } from "./fit-calibration";

const DIM = 32;

/**
 * A stub embedder of known quality over a labelled set: each FAQ gets a
 * random direction, and each query the direction of its FAQ mixed with noise;
 * `quality` 1 is a perfect embedder, 0 one that knows nothing.
 */
function stubVectors(faqs: Array<{ question: string }>, queries: Array<{ query: string; relevant: string[] }>, ids: string[], quality: number, seed: number) {
  const directions = unitMatrix(faqs.length, DIM, seed);
  const noise = unitMatrix(queries.length, DIM, seed + 1);
  const faqVectors = faqs.map((_, i) => directions.slice(i * DIM, (i + 1) * DIM));
  const queryVectors = new Map<string, Float32Array>();
  queries.forEach((q, i) => {
    const target = faqVectors[ids.indexOf(q.relevant[0]!)]!;
    const mixed = Array.from({ length: DIM }, (_, j) => quality * target[j]! + (1 - quality) * noise[i * DIM + j]!);
    queryVectors.set(q.query, l2Normalize(mixed)!);
  });
  return { faqVectors, queryVectors };
}

describe("fitCalibration on the bundled set", async () => {
  const { faqs, queries } = await readDataset("data/calibration");
  const ids = faqs.map((f) => f.id);
  const fit = (quality: number) => fitCalibration({ model: "stub", faqs, queries, ...stubVectors(faqs, queries, ids, quality, 7) });

  it("gives a weak embedder a low semantic weight and a strong one a high weight", async () => {
    const weak = await fit(0.05);
    const strong = await fit(0.4); // good, not perfect: a perfect one ties at every weight
    expect(weak.fusionAlpha).toBe(0.4);
    expect(strong.fusionAlpha).toBe(0.6);
  });

  it("keeps the promised precision on the set it was fitted on, or sets no threshold", async () => {
    const calibration = await fit(0.5);
    expect(calibration.answerPrecision).toBe(0.8);
    expect(calibration.answerThreshold).not.toBeNull();
    expect(calibration.measured.precision).toBeGreaterThanOrEqual(0.8);
    expect(calibration.queries).toBe(120);
  });
});

describe("the answered threshold on data it never saw", () => {
  it("keeps its precision within 0.1 of the target on a held-back half", async () => {
    // 200 synthetic FAQs and 1,200 queries of mixed difficulty, split in two halves
    const random = seededRandom(11);
    // texts share no word, so only the stub vectors rank (the queries' texts just key their vectors)
    const faqs = Array.from({ length: 200 }, (_, i) => ({ id: String(i), question: "faq", answer: null, url: null, category: null }));
    const queries = Array.from({ length: 1200 }, (_, i) => ({ query: `ask ${"i".repeat(i + 1)}`, relevant: [String(Math.floor(random() * 200))] }));
    const qualities = queries.map(() => 0.2 + 0.6 * random());
    const directions = unitMatrix(200, DIM, 3);
    const noise = unitMatrix(1200, DIM, 4);
    const faqVectors = faqs.map((_, i) => directions.slice(i * DIM, (i + 1) * DIM));
    const queryVectors = new Map(queries.map((q, i) => {
      const target = faqVectors[Number(q.relevant[0])]!;
      return [q.query, l2Normalize(Array.from({ length: DIM }, (_, j) => qualities[i]! * target[j]! + (1 - qualities[i]!) * noise[i * DIM + j]!))!];
    }));
    const index = await decodeIndex((await buildIndex({ model: "stub", builtAt: "t", dim: DIM, records: faqs, vectors: faqVectors, fusionAlpha: 0.5 })).blob);
    const fitted = chooseThreshold(answeredSamples(index, queries.slice(0, 600), queryVectors), 0.8);
    expect(fitted.threshold).not.toBeNull();
    const heldBack = measureThreshold(answeredSamples(index, queries.slice(600), queryVectors), fitted.threshold);
    expect(Math.abs(heldBack.precision - 0.8)).toBeLessThanOrEqual(0.1);
    expect(heldBack.coverage).toBeGreaterThan(0.2);
  });
});
