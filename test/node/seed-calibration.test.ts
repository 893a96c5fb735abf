/**
 * The seed script calibrates a model it has no calibration for: it embeds
 * the bundled calibration set through the same embedder, in a few batches,
 * stores the result per model, and writes it into the index; the next build
 * reuses it without a call.
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
  return runScript("scripts/seed.ts", ["--input", join(dir, "faqs.jsonl"), "--embedder", "hf", "--out", join(dir, out), "--no-cache", "--calibration-file", calibrationFile(), ...extra], {
    HF_ENDPOINT_URL: stub.url, EMBED_MODEL: "test/stub-model", EMBED_DIM: "8",
  });
}

describe.sequential("calibration at build time", () => {
  it("calibrates an uncalibrated model on the bundled set in batches of 32, stores it, and builds with it", async () => {
    const result = await seed("out-1");
    expect(result.code, result.stderr).toBe(0);
    const { faqs, queries } = await readDataset("data/calibration");
    const calibrationTexts = new Set([...faqs.map((f) => f.question), ...queries.map((q) => q.query)]);
    // one call for the two FAQs, then ceil(144 / 32) = 5 for the calibration set (24 FAQs, 120 queries)
    expect(stub.calls.map((call) => call.length)).toEqual([2, 32, 32, 32, 32, 16]);
    expect(stub.calls.slice(1).flat().every((text) => calibrationTexts.has(text))).toBe(true);
    expect(result.stderr).toMatch(/calibrated test\/stub-model on data\/calibration \(5 embedding calls\): fusion weight 0\.[456], answered threshold/);

    const stored = JSON.parse(await readFile(calibrationFile(), "utf8"))["test/stub-model"];
    expect(stored).toMatchObject({ answerPrecision: 0.8, faqs: 24, queries: 120, set: "data/calibration" });
    expect([0.4, 0.5, 0.6]).toContain(stored.fusionAlpha);
    const manifest = JSON.parse(await readFile(join(dir, "out-1", "manifest.json"), "utf8"));
    expect(manifest.ranking).toMatchObject({ fusionAlpha: stored.fusionAlpha, answerThreshold: stored.answerThreshold, answerPrecision: 0.8, calibration: "calibrated", language: "en" });
    const blob = await readFile(join(dir, "out-1", manifest.files.blob));
    const index = await decodeIndex(new Uint8Array(blob));
    expect(index.fusionAlpha).toBe(stored.fusionAlpha);
    expect(index.answerThreshold).toBe(stored.answerThreshold);
  });

  it("reuses the stored calibration without a call", async () => {
    const result = await seed("out-2");
    expect(summaryLine(result.stdout)).toMatchObject({ embedded: 2 });
    expect(stub.calls.map((call) => call.length)).toEqual([2]);
    const manifest = JSON.parse(await readFile(join(dir, "out-2", "manifest.json"), "utf8"));
    expect(manifest.ranking.calibration).toBe("stored");
  });

  it("calibrates again for another promised precision, and not at all with --no-calibrate", async () => {
    const none = await seed("out-3", ["--answer-precision", "0.9", "--no-calibrate"]);
    expect(stub.calls.map((call) => call.length)).toEqual([2]);
    const manifest = JSON.parse(await readFile(join(dir, "out-3", "manifest.json"), "utf8"));
    expect(manifest.ranking).toMatchObject({ calibration: "none", fusionAlpha: 0.5, answerThreshold: null, answerPrecision: 0.9 });
    expect(none.code).toBe(0);
    await seed("out-4", ["--answer-precision", "0.9"]);
    expect(stub.calls.map((call) => call.length)).toEqual([2, 32, 32, 32, 32, 16]);
  });

  it("refuses a precision outside (0, 1)", async () => {
    const result = await seed("never", ["--answer-precision", "1.5"]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe("seed: --answer-precision must be a number between 0 and 1, such as 0.8");
  });
});
