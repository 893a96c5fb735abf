/**
 * The seed script calibrates a model it has no calibration for: it embeds
 * the bundled calibration set through the same embedder, in a few batches,
 * stores the result per model; then it calibrates the collection itself
 * (pseudo-queries from its FAQs and the bundled out-of-scope questions) and
 * writes both into the index. A rebuild with the embedding cache embeds nothing.
 */
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDataset } from "../../scripts/eval/dataset";
import { decodeIndex } from "../../src/index-blob/decode";
import { startStubEmbedder, type StubEmbedder } from "../stand-ins/stub-embedder";
import { runScript, summaryLine } from "./helpers";

let dir: string;
let stub: StubEmbedder;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "faq-calibrate-"));
  stub = await startStubEmbedder(8);
  await writeFile(join(dir, "faqs.jsonl"), ["How do I reset my password?", "Where is my invoice?"].map((question) => JSON.stringify({ question })).join("\n") + "\n");
});
afterAll(() => stub.close());

const calibrationFile = () => join(dir, "calibration.json");
function seed(out: string, extra: string[] = []) {
  stub.calls.length = 0;
  const cache = extra.includes("--cache") ? [] : ["--no-cache"];
  return runScript("scripts/seed.ts", ["--input", join(dir, "faqs.jsonl"), "--embedder", "hf", "--out", join(dir, out), ...cache, "--calibration-file", calibrationFile(), ...extra], {
    HF_ENDPOINT_URL: stub.url, EMBED_MODEL: "test/stub-model", EMBED_DIM: "8",
  });
}

describe.sequential("calibration at build time", () => {
  it("calibrates an uncalibrated model on the bundled set in batches of 32, stores it, then calibrates the collection", async () => {
    const result = await seed("out-1");
    expect(result.code, result.stderr).toBe(0);
    const { faqs, queries } = await readDataset("data/calibration");
    const calibrationTexts = new Set([...faqs.map((f) => f.question), ...queries.map((q) => q.query)]);
    // one call for the two FAQs, then ceil(144 / 32) = 5 for the calibration set (24 FAQs, 120 queries),
    // then the collection: 4 pseudo-queries (each question twice with words left out; no answers) and 100 out-of-scope questions
    expect(stub.calls.map((call) => call.length)).toEqual([2, 32, 32, 32, 32, 16, 32, 32, 32, 8]);
    expect(stub.calls.slice(1, 6).flat().every((text) => calibrationTexts.has(text))).toBe(true);
    expect(stub.calls.slice(6).flat()).toContain("What is the capital of France?");
    expect(result.stderr).toMatch(/calibrated test\/stub-model on data\/calibration \(5 embedding calls\): fusion weight 0\.[456], answered threshold/);
    expect(result.stderr).toMatch(/calibrated this collection on 4 pseudo-queries, 100 out-of-scope questions: 104 texts embedded in 4 calls, 0 reused from the embedding cache; fusion weight [\d.]+ \(semantic\/lexical [\d.]+\), answered from confidence 0\.8 /);

    const stored = JSON.parse(await readFile(calibrationFile(), "utf8"))["test/stub-model"];
    expect(stored).toMatchObject({ answerPrecision: 0.8, faqs: 24, queries: 120, set: "data/calibration" });
    expect([0.4, 0.5, 0.6]).toContain(stored.fusionAlpha);
    const manifest = JSON.parse(await readFile(join(dir, "out-1", "manifest.json"), "utf8"));
    expect(manifest.ranking).toMatchObject({ answerThreshold: null, answerPrecision: 0.8, calibration: "collection", language: "en", groupThreshold: stored.groupThreshold });
    expect(manifest.ranking.collectionReport).toMatchObject({ pseudoQueries: 4, outOfScope: 100, labelled: 0, embedded: 104, reused: 0, calls: 4 });
    const blob = await readFile(join(dir, "out-1", manifest.files.blob));
    const index = await decodeIndex(new Uint8Array(blob));
    expect(index.fusionAlpha).toBe(manifest.ranking.fusionAlpha);
    expect(index.answer).toMatchObject({ threshold: 0.8, precision: 0.8 });
    expect(index.answer!.model.weights).toHaveLength(8);
  });

  it("rebuilds with the embedding cache embedding nothing: the pseudo-queries are the same", async () => {
    const cache = join(dir, "cache");
    const first = await seed("out-2a", ["--cache", cache]);
    expect(first.code, first.stderr).toBe(0);
    expect(stub.calls.flat()).toHaveLength(2 + 104);
    const again = await seed("out-2b", ["--cache", cache]);
    expect(again.code, again.stderr).toBe(0);
    expect(stub.calls).toEqual([]);
    expect(again.stderr).toContain("0 texts embedded in 0 calls, 104 reused from the embedding cache");
    expect(summaryLine(again.stdout)).toMatchObject({ embedded: 0, reused: 2 });
  });

  it("calibrates again for another promised precision, and not at all with --no-calibrate", async () => {
    const none = await seed("out-3", ["--answer-precision", "0.9", "--no-calibrate"]);
    expect(stub.calls.map((call) => call.length)).toEqual([2]);
    const manifest = JSON.parse(await readFile(join(dir, "out-3", "manifest.json"), "utf8"));
    expect(manifest.ranking).toMatchObject({ calibration: "none", fusionAlpha: 0.5, answerThreshold: null, answer: null, answerPrecision: 0.9 });
    expect(none.code).toBe(0);
    await seed("out-4", ["--answer-precision", "0.9"]);
    expect(stub.calls.map((call) => call.length)).toEqual([2, 32, 32, 32, 32, 16, 32, 32, 32, 8]);
  });

  it("refuses --calibrate-with together with --no-calibrate", async () => {
    const result = await seed("never", ["--no-calibrate", "--calibrate-with", join(dir, "labels.jsonl")]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")[0]).toBe("seed: --calibrate-with cannot be combined with --no-calibrate");
  });

  it("refuses a precision outside (0, 1)", async () => {
    const result = await seed("never", ["--answer-precision", "1.5"]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe("seed: --answer-precision must be a number between 0 and 1, such as 0.8");
  });
});
