/**
 * Incremental embedding: what was embedded once (per model and text) is not
 * paid for again, and a run that fails part way resumes where it stopped.
 * A small feature-extraction stand-in counts the calls and can fail on purpose.
 */
import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, runScript, summaryLine } from "./helpers";

let dir: string;
let server: Server;
let endpoint: string;
const calls: string[][] = [];
let failFromCall = Number.POSITIVE_INFINITY;

/** A deterministic 8-d vector per text. */
const vectorFor = (text: string) => Array.from(createHash("sha256").update(text).digest().subarray(0, 8), (b) => b / 255 + 0.01);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "faq-incremental-"));
  const port = await freePort();
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const { inputs } = JSON.parse(body) as { inputs: string | string[] };
      const texts = typeof inputs === "string" ? [inputs] : inputs;
      calls.push(texts);
      if (calls.length >= failFromCall) return res.writeHead(500, { "content-type": "application/json" }).end('{"error":"injected failure"}');
      const rows = texts.map(vectorFor);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(typeof inputs === "string" ? rows[0] : rows));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const FAQS = ["How do I reset my password?", "Where is my invoice?", "Can I change my plan?", "How do I delete my account?", "Do you offer refunds?"];
const writeFaqs = (name: string, questions: string[]) => writeFile(join(dir, name), questions.map((question) => JSON.stringify({ question })).join("\n") + "\n");

function seed(input: string, out: string, model = "test/stub-model") {
  calls.length = 0;
  return runScript("scripts/seed.ts", ["--input", join(dir, input), "--embedder", "hf", "--out", join(dir, out), "--batch-size", "2", "--max-retries", "0", "--cache", join(dir, "cache")], {
    HF_ENDPOINT_URL: endpoint, EMBED_MODEL: model, EMBED_DIM: "8",
  });
}

describe.sequential("incremental embedding", () => {
  it("keeps what a failed run embedded, writes no index, and resumes from there", async () => {
    await writeFaqs("faqs.jsonl", FAQS);
    failFromCall = 2; // the first batch of two succeeds, the second fails
    const failed = await seed("faqs.jsonl", "out-failed");
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("seed: embedding failed (upstream_error)");
    await expect(readdir(join(dir, "out-failed"))).rejects.toMatchObject({ code: "ENOENT" });
    const cached = (await readFile(join(dir, "cache", (await readdir(join(dir, "cache")))[0]!), "utf8")).trim().split("\n");
    expect(cached).toHaveLength(2);

    failFromCall = Number.POSITIVE_INFINITY;
    const resumed = await seed("faqs.jsonl", "out-1");
    expect(resumed.code).toBe(0);
    expect(summaryLine(resumed.stdout)).toMatchObject({ faqs: 5, embedded: 3, reused: 2 });
    expect(calls).toEqual([[FAQS[2], FAQS[3]], [FAQS[4]]]);
  });

  it("embeds exactly the one FAQ that was edited", async () => {
    await writeFaqs("edited.jsonl", FAQS.map((q, i) => (i === 1 ? "Where can I download my invoice?" : q)));
    const result = await seed("edited.jsonl", "out-2");
    expect(summaryLine(result.stdout)).toMatchObject({ faqs: 5, embedded: 1, reused: 4 });
    expect(calls).toEqual([["Where can I download my invoice?"]]);
  });

  it("embeds everything again for another model", async () => {
    const result = await seed("faqs.jsonl", "out-3", "test/another-model");
    expect(summaryLine(result.stdout)).toMatchObject({ faqs: 5, embedded: 5, reused: 0, model: "test/another-model" });
    expect(calls.flat()).toHaveLength(5);
  });

  it("builds the same index from cached vectors as from fresh ones", async () => {
    const fresh = JSON.parse(await readFile(join(dir, "out-1", "manifest.json"), "utf8"));
    const again = await seed("faqs.jsonl", "out-4");
    expect(summaryLine(again.stdout)).toMatchObject({ embedded: 0, reused: 5 });
    expect(calls).toEqual([]);
    const cachedCsv = await readFile(join(dir, "out-4", "embeddings.csv"), "utf8");
    expect(cachedCsv).toBe(await readFile(join(dir, "out-1", "embeddings.csv"), "utf8"));
    expect(fresh.count).toBe(5);
  });
});
