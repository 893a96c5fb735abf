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

    const { code, stdout, stderr } = await runScript("scripts/eval.ts", ["--dataset", dir]);
    expect(code, stderr).toBe(0);
    const summary = summaryLine(stdout) as { dataset: string; queries: number; modes: Record<string, unknown> };
    expect(summary.dataset).toBe("tinyset");
    expect(summary.queries).toBe(4);
    expect(Object.keys(summary.modes)).toEqual(["semantic", "lexical", "hybrid", "orama"]);
    // Every query shares its key words with exactly one FAQ, so words alone and fusion are perfect.
    expect(summary.modes.lexical).toEqual({ top1: 1, mrr10: 1, recall5: 1 });
    expect(summary.modes.hybrid).toEqual({ top1: 1, mrr10: 1, recall5: 1 });
    expect(stdout).toMatch(/^hybrid +1\.000 +1\.000 +1\.000/m);
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
