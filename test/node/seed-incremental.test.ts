/**
 * Incremental embedding: what was embedded once (per model and text) is not
 * paid for again, and a run that fails part way resumes where it stopped.
 * A small feature-extraction stand-in counts the calls and can fail on purpose.
 */
import { mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStubEmbedder, type StubEmbedder } from "../stand-ins/stub-embedder";
import { runScript, summaryLine } from "./helpers";

let dir: string;
let stub: StubEmbedder;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "faq-incremental-"));
  stub = await startStubEmbedder(8);
});
afterAll(() => stub.close());

const FAQS = ["How do I reset my password?", "Where is my invoice?", "Can I change my plan?", "How do I delete my account?", "Do you offer refunds?"];
const writeFaqs = (name: string, questions: string[]) => writeFile(join(dir, name), questions.map((question) => JSON.stringify({ question })).join("\n") + "\n");

function seed(input: string, out: string, model = "test/stub-model") {
  stub.calls.length = 0;
  return runScript("scripts/seed.ts", ["--input", join(dir, input), "--embedder", "hf", "--out", join(dir, out), "--batch-size", "2", "--max-retries", "0", "--cache", join(dir, "cache"), "--no-calibrate"], {
    HF_ENDPOINT_URL: stub.url, EMBED_MODEL: model, EMBED_DIM: "8",
  });
}

describe.sequential("incremental embedding", () => {
  it("keeps what a failed run embedded, writes no index, and resumes from there", async () => {
    await writeFaqs("faqs.jsonl", FAQS);
    stub.failFromCall = 2; // the first batch of two succeeds, the second fails
    const failed = await seed("faqs.jsonl", "out-failed");
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("seed: embedding failed (upstream_error)");
    await expect(readdir(join(dir, "out-failed"))).rejects.toMatchObject({ code: "ENOENT" });
    const cached = (await readFile(join(dir, "cache", (await readdir(join(dir, "cache")))[0]!), "utf8")).trim().split("\n");
    expect(cached).toHaveLength(2);

    stub.failFromCall = Number.POSITIVE_INFINITY;
    const resumed = await seed("faqs.jsonl", "out-1");
    expect(resumed.code).toBe(0);
    expect(summaryLine(resumed.stdout)).toMatchObject({ faqs: 5, embedded: 3, reused: 2 });
    expect(stub.calls).toEqual([[FAQS[2], FAQS[3]], [FAQS[4]]]);
  });

  it("embeds exactly the one FAQ that was edited", async () => {
    await writeFaqs("edited.jsonl", FAQS.map((q, i) => (i === 1 ? "Where can I download my invoice?" : q)));
    const result = await seed("edited.jsonl", "out-2");
    expect(summaryLine(result.stdout)).toMatchObject({ faqs: 5, embedded: 1, reused: 4 });
    expect(stub.calls).toEqual([["Where can I download my invoice?"]]);
  });

  it("embeds everything again for another model", async () => {
    const result = await seed("faqs.jsonl", "out-3", "test/another-model");
    expect(summaryLine(result.stdout)).toMatchObject({ faqs: 5, embedded: 5, reused: 0, model: "test/another-model" });
    expect(stub.calls.flat()).toHaveLength(5);
  });

  it("builds the same index from cached vectors as from fresh ones", async () => {
    const fresh = JSON.parse(await readFile(join(dir, "out-1", "manifest.json"), "utf8"));
    const again = await seed("faqs.jsonl", "out-4");
    expect(summaryLine(again.stdout)).toMatchObject({ embedded: 0, reused: 5 });
    expect(stub.calls).toEqual([]);
    const cachedCsv = await readFile(join(dir, "out-4", "embeddings.csv"), "utf8");
    expect(cachedCsv).toBe(await readFile(join(dir, "out-1", "embeddings.csv"), "utf8"));
    expect(fresh.count).toBe(5);
  });
});
