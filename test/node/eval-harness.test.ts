import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runScript, summaryLine } from "./helpers";

const FAQS = [
  { id: "pw", question: "How do I reset my password?", answer: "Use the forgot password link on the sign-in page." },
  { id: "inv", question: "Where can I download my invoices?", answer: "Invoices are under Billing, then History." },
  { id: "del", question: "How do I delete my account?", answer: "Contact support to close the account for good." },
];
const QUERIES = [
  { query: "reset password", relevant: ["pw"] },
  { query: "download invoices", relevant: ["inv"] },
  { query: "delete account", relevant: ["del"] },
  { query: "where are my invoices", relevant: ["inv"] },
];

describe("npm run eval", () => {
  it("scores every mode over HTTP on a dataset whose answers are known", async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "faq-evalset-")), "tinyset");
    await mkdir(dir);
    await writeFile(join(dir, "faqs.jsonl"), FAQS.map((f) => JSON.stringify(f)).join("\n") + "\n");
    await writeFile(join(dir, "queries.jsonl"), QUERIES.map((q) => JSON.stringify(q)).join("\n") + "\n");

    const { code, stdout, stderr } = await runScript("scripts/eval.ts", ["--dataset", dir, "--typos"]);
    expect(code, stderr).toBe(0);
    const summary = summaryLine(stdout) as {
      dataset: string; queries: number; modes: Record<string, unknown>;
      answered: Record<string, unknown>; typos: { modes: Record<string, unknown>; hybridTop1Ratio: number };
    };
    expect(summary.dataset).toBe("tinyset");
    expect(summary.queries).toBe(4);
    expect(Object.keys(summary.modes)).toEqual(["semantic", "lexical", "hybrid", "bm25_peer", "orama"]);
    // Every query shares its key words with exactly one FAQ, so words alone, fusion and the stock BM25 are perfect.
    expect(summary.modes.lexical).toEqual({ top1: 1, mrr10: 1, recall5: 1 });
    expect(summary.modes.hybrid).toEqual({ top1: 1, mrr10: 1, recall5: 1 });
    expect(summary.modes.bm25_peer).toEqual({ top1: 1, mrr10: 1, recall5: 1 });
    expect(stdout).toMatch(/^hybrid +1\.000 +1\.000 +1\.000/m);
    expect(stdout).toContain("lexical top1 1 vs bm25_peer 1: not worse");
    // the local model's stored calibration: a threshold for precision 0.8, measured here
    expect(summary.answered).toMatchObject({ target: 0.8, threshold: expect.any(Number), precision: expect.any(Number), coverage: expect.any(Number), out_of_scope_answered: expect.any(Number) });
    // one typo in "password", "invoices", "delete"/"account", "invoices": typo-tolerant words still find each FAQ
    expect(Object.keys(summary.typos.modes)).toEqual(["semantic", "lexical", "hybrid", "bm25_peer", "orama"]);
    expect(summary.typos.modes.lexical).toMatchObject({ top1: 1 });
    expect(summary.typos.hybridTop1Ratio).toBe(1);
  }, 120_000);

  it("stops with a clear error for a relevant id that does not exist", async () => {
    const dir = await mkdtemp(join(tmpdir(), "faq-evalbad-"));
    await writeFile(join(dir, "faqs.jsonl"), JSON.stringify(FAQS[0]) + "\n");
    await writeFile(join(dir, "queries.jsonl"), JSON.stringify({ query: "x", relevant: ["nope"] }) + "\n");
    const { code, stderr } = await runScript("scripts/eval.ts", ["--dataset", dir]);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`eval: ${join(dir, "queries.jsonl")}:1: relevant id "nope" is not in faqs.jsonl`);
  });
});
