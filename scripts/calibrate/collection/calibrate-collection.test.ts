import { describe, expect, it } from "vitest";
import { seededRandom, unitMatrix } from "../../../bench/lib/random";
import { buildIndex } from "../../../src/index-blob/build-index";
import { decodeIndex } from "../../../src/index-blob/decode";
import { answerProbability } from "../../../src/search/answer-model";
import { rankQuery } from "../../../src/search/rank";
import { l2Normalize } from "../../../src/search/normalize";
import { tokenize } from "../../../src/search/tokenize";
import { answerThreshold, calibrateCollection, ENOUGH_LABELS, EVEN_ODDS, thresholdKeeping } from "./calibrate-collection";
import { KNOWN_LANGUAGE_ALPHA, weightFromRatio } from "./fusion-weight";

const DIM = 48;
const NOUNS = "invoice password refund parcel voucher account plan team export login email device printer widget".split(" ");
const VERBS = "change cancel find download reset share".split(" ");

/** 40 FAQs built from a small vocabulary, so that words overlap between FAQs as they do on real sites. */
const records = Array.from({ length: 40 }, (_, i) => {
  const [a, b, v] = [NOUNS[i % NOUNS.length]!, NOUNS[(i * 5 + 3) % NOUNS.length]!, VERBS[i % VERBS.length]!];
  return { id: String(i), question: `How do I ${v} the ${a} of my ${b}?`, answer: i % 2 === 0 ? `Open the ${a} page. Then ${v} the ${b} there and save it.` : null, url: null, category: null };
});

/** A model that knows the language: a text's vector is the sum of its words' vectors. */
const wordVectors = new Map<string, Float32Array>();
const seeing = (text: string) => {
  const sum = new Float32Array(DIM);
  for (const word of tokenize(text, "none")) {
    if (!wordVectors.has(word)) wordVectors.set(word, unitMatrix(1, DIM, 1000 + wordVectors.size));
    wordVectors.get(word)!.forEach((value, j) => (sum[j]! += value));
  }
  return l2Normalize(sum.some((v) => v !== 0) ? sum : unitMatrix(1, DIM, 7))!;
};
/** A model that does not know the language: every text lands near the same point, as an English model puts Japanese. */
const blindBase = unitMatrix(1, DIM, 3);
const blind = (text: string) => {
  const noise = unitMatrix(1, DIM, [...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 17));
  return l2Normalize(Array.from(blindBase, (v, j) => v + 0.05 * noise[j]!))!;
};

const OUT_OF_SCOPE = ["What is the capital of France?", "How do I bake bread?", "Tell me a joke", "hello", "Who painted the Mona Lisa?", "Why is the sky blue?"];

async function calibrate(model: (text: string) => Float32Array, labelled?: Array<{ query: string; relevant: string[] }>) {
  const { blob } = await buildIndex({ model: "m", builtAt: "t", dim: DIM, records, vectors: records.map((r) => model(r.question)), language: "none" });
  const index = await decodeIndex(blob);
  const calls: string[][] = [];
  const calibration = await calibrateCollection({
    records, index, precision: 0.8, outOfScope: OUT_OF_SCOPE, labelled,
    embed: async (texts) => {
      calls.push(texts);
      return texts.map(model);
    },
  });
  return { index: { ...index, fusionAlpha: calibration.fusionAlpha, answer: calibration.answer }, calibration, calls };
}

describe("calibrateCollection", () => {
  it("trusts a model that knows the language at the full weight, and embeds every text once, in one call", async () => {
    const { calibration, calls } = await calibrate(seeing);
    expect(calibration.fusionAlpha).toBe(KNOWN_LANGUAGE_ALPHA);
    // two draws per FAQ: 80 questions with words left out and 29 answer sentences (the 20
    // answers have two sentences each; a draw repeating one already made is not asked again)
    expect(calibration.report).toMatchObject({ pseudoQueries: 109, outOfScope: 6, labelled: 0, labelsReplacedPseudo: false });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toHaveLength(109 + 6);
    // answer sentences and a model that knows the language: the cut its examples keep 0.8 at, from even odds up
    expect(calibration.report.thresholdFrom).toBe("examples");
    expect(calibration.answer.precision).toBe(0.8);
    expect(calibration.answer.threshold).toBeGreaterThanOrEqual(EVEN_ODDS);
    expect(calibration.answer.threshold).toBeLessThan(0.8);
    expect(calibration.report.measured.precision).toBeGreaterThanOrEqual(0.8);
  });

  it("keeps the promise as the threshold for a model that does not know the language", async () => {
    const { calibration } = await calibrate(blind);
    expect(calibration.report.thresholdFrom).toBe("promise");
    expect(calibration.answer).toMatchObject({ threshold: 0.8, precision: 0.8 });
  });

  it("gives a model that does not know the language almost no weight, so hybrid ranks as words do", async () => {
    const { calibration, index } = await calibrate(blind);
    expect(calibration.report.semanticRatio).toBeLessThan(0.2);
    expect(calibration.fusionAlpha).toBe(weightFromRatio(calibration.report.semanticRatio));
    expect(calibration.fusionAlpha).toBeLessThan(0.15);
    for (const query of ["cancel the refund", "download my printer export", "reset login password"]) {
      const request = { query, queryVector: blind(query), k: 3, category: null };
      const hybrid = rankQuery(index, { ...request, mode: "hybrid" }).hits.map((hit) => hit.index);
      const lexical = rankQuery(index, { ...request, mode: "lexical" }).hits.map((hit) => hit.index);
      expect(hybrid[0]).toBe(lexical[0]);
    }
  });

  it("is confident about a question its FAQ answers and not about one the collection does not cover", async () => {
    const { index } = await calibrate(seeing);
    const confidence = (query: string) => {
      const features = rankQuery(index, { mode: "hybrid", query, queryVector: seeing(query), k: 3, category: null }).features()!;
      return answerProbability(index.answer!.model, features);
    };
    expect(confidence(records[4]!.question)).toBeGreaterThan(0.8);
    expect(confidence("What is the capital of Peru?")).toBeLessThan(0.2);
  });

  it("lets enough labelled questions replace the pseudo-queries and choose the weight", async () => {
    const random = seededRandom(9);
    const labelled = Array.from({ length: ENOUGH_LABELS }, (_, i) => {
      const row = Math.floor(random() * records.length);
      const words = records[row]!.question.replace("?", "").split(" ").filter((_, j) => j % 2 === i % 2);
      return { query: words.join(" "), relevant: [records[row]!.id] };
    });
    const { calibration, calls } = await calibrate(seeing, [...labelled, { query: "unknown id", relevant: ["nope"] }]);
    expect(calibration.report).toMatchObject({ labelled: ENOUGH_LABELS, labelsReplacedPseudo: true });
    expect([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]).toContain(calibration.fusionAlpha);
    // the question naming no FAQ of the collection is neither embedded nor counted
    expect(calls[0]).toHaveLength(109 + 6 + ENOUGH_LABELS);
  });
});

describe("the answered threshold", () => {
  // a model whose probability is its single input, so each example's probability is what it says
  const identity = { mean: [0], scale: [1], weights: [1], bias: 0 };
  const logit = (p: number) => Math.log(p / (1 - p));
  const example = (p: number, y: 0 | 1) => ({ x: [logit(p)], y });

  it("cuts at the lowest probability from which the examples are right at the promised precision", () => {
    // from the top: 8 right at 0.95, then 0.9 wrong, 0.85 right, 0.7 wrong, 0.6 right, 0.4 wrong, 0.3 wrong
    const examples = [...Array.from({ length: 8 }, () => example(0.95, 1)), example(0.9, 0), example(0.85, 1), example(0.7, 0), example(0.6, 1), example(0.4, 0), example(0.3, 0)];
    // down to 0.6: 10 right of 12 (0.833); down to 0.4: 10 of 13 (0.769)
    expect(thresholdKeeping(identity, examples, 0.8)).toBeCloseTo(0.6, 9);
    expect(thresholdKeeping(identity, examples, 0.9)).toBeCloseTo(0.85, 9);
    // fewer than 10 answered examples never set a cut
    expect(thresholdKeeping(identity, examples.slice(0, 8), 0.8)).toBeNull();
    expect(thresholdKeeping(identity, examples.map((e) => ({ ...e, y: 0 as const })), 0.8)).toBeNull();
  });

  it("cuts at 3 decimals, at the lowest one where the examples it answers keep the precision", () => {
    // 0.6005 right and 0.6001 wrong are both 0.600 at 3 decimals, 0.5999 and 0.5991 (wrong) 0.599
    const examples = [...Array.from({ length: 8 }, () => example(0.95, 1)), example(0.6005, 1), example(0.6001, 0), example(0.5999, 0), example(0.5991, 0)];
    // at 0.600: 9 right of 10 (0.9); at 0.599: 9 of 12 (0.75)
    expect(thresholdKeeping(identity, examples, 0.8)).toBe(0.6);
    expect(thresholdKeeping(identity, examples, 0.9)).toBe(0.6);
    // above 0.9 only the 8 at 0.95 are right, fewer than 10 answered: no cut
    expect(thresholdKeeping(identity, examples, 0.95)).toBeNull();
  });

  it("trusts the cut only for examples like visitors' questions, and never below even odds", () => {
    expect(answerThreshold(0.62, 0.8, true)).toEqual({ threshold: 0.62, from: "examples" });
    expect(answerThreshold(0.2, 0.8, true)).toEqual({ threshold: EVEN_ODDS, from: "examples" });
    expect(answerThreshold(0.62, 0.8, false)).toEqual({ threshold: 0.8, from: "promise" });
    // examples that ask for more than the promise are heeded either way
    expect(answerThreshold(0.91, 0.8, false)).toEqual({ threshold: 0.91, from: "examples" });
    expect(answerThreshold(null, 0.8, true)).toEqual({ threshold: 0.8, from: "promise" });
  });
});
