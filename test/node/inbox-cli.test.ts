/**
 * `npm run inbox` against a local D1 database and KV as `npm start` leaves
 * them (wrangler's state folder): groups printed and as JSON, and helpful
 * feedback exported as a labelled set that the eval harness reads.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inbox } from "../../scripts/inbox";
import { readDataset } from "../../scripts/eval/dataset";
import { withLocalKv } from "../../scripts/kv/local-kv";
import { publishVersion } from "../../scripts/kv/versions";
import { applyLocalMigrations } from "../../scripts/lib/apply-local-migrations";
import { wranglerBin } from "../../scripts/lib/wrangler-bin";
import { buildIndex } from "../../src/index-blob/build-index";
import { pointerFor } from "../../src/index-store/keys";
import { loadXxh64Module } from "../../scripts/lib/load-wasm";

let dir: string;
const DAY = Date.UTC(2026, 10, 20);

/** Runs SQL on the local database under `dir`, as the Worker would have written it. */
function sql(command: string) {
  execFileSync(process.execPath, [wranglerBin(), "d1", "execute", "FAQ_DB", "--local", "--persist-to", dir, "--command", command], {
    stdio: "ignore",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
}

const hex = (vector: number[]) => Buffer.from(Int8Array.from(vector).buffer).toString("hex");
const question = (text: string, count: number, vector: number[] | null, nearest: string | null, day: number) =>
  `('${text.toLowerCase().replace(/[^a-z ]/g, "")}', '${text}', ${count}, ${DAY + day * 86_400_000}, ${DAY + day * 86_400_000}, ${nearest === null ? "NULL" : `'${nearest}'`}, ${nearest === null ? "NULL" : 0.25}, ${vector ? "'test/model'" : "NULL"}, ${vector ? `x'${hex(vector)}'` : "NULL"}, ${vector ? 0 : 1})`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "faq-inbox-"));
  const records = [
    { id: "pw", question: "Reset a forgotten password", answer: null, url: null, category: null },
    { id: "bill", question: "Invoices and billing", answer: null, url: null, category: null },
  ];
  const { blob, version } = await buildIndex({ model: "test/model", builtAt: "2026-11-01T00:00:00.000Z", dim: 4, records, vectors: [[1, 0, 0, 0], [0, 1, 0, 0]], groupThreshold: 0.9 });
  await withLocalKv({ configPath: "wrangler.toml", persistTo: dir }, (store) =>
    publishVersion(store, blob, pointerFor(blob, { version, model: "test/model", dim: 4, count: 2, builtAt: "2026-11-01T00:00:00.000Z" }, loadXxh64Module())));
  await applyLocalMigrations(dir);
  sql(`INSERT INTO unanswered_questions (question_key, text, count, first_seen, last_seen, nearest_id, nearest_score, model, vector, degraded) VALUES
    ${question("do you ship to canada", 3, [0, 0, 100, 0], "bill", 1)},
    ${question("shipping to canada?", 2, [0, 10, 99, 0], "bill", 2)},
    ${question("can I bring my dog", 4, [0, 0, 0, 100], "pw", 3)},
    ${question("ship to canada please", 1, null, null, 4)};
    INSERT INTO feedback (query, faq_id, helpful, at) VALUES
    ('forgot my password', 'pw', 1, ${DAY}), ('Forgot my password!', 'bill', 1, ${DAY + 1}),
    ('where are invoices', 'bill', 1, ${DAY + 2}), ('where are invoices', 'bill', 0, ${DAY + 3}),
    ('old question', 'gone', 1, ${DAY + 4})`);
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("npm run inbox", () => {
  it("groups the local database's questions by meaning at the index's calibrated threshold", async () => {
    const printed: string[] = [];
    await inbox(["--local", "--persist-to", dir, "--json"], (text) => printed.push(text));
    const body = JSON.parse(printed[0]!) as { groups: Array<{ label: string; count: number; queries: Array<{ text: string }>; nearest: unknown }>; total: number; threshold: number };
    expect(body.threshold).toBe(0.9);
    expect(body.groups.map((g) => [g.label, g.count, g.queries.map((q) => q.text)])).toEqual([
      // "ship to canada please" was answered from words alone: no vector, so it joins by its rare words
      ["do you ship to canada", 6, ["do you ship to canada", "shipping to canada?", "ship to canada please"]],
      ["can I bring my dog", 4, ["can I bring my dog"]],
    ]);
    expect(body.groups[0]!.nearest).toEqual({ id: "bill", question: "Invoices and billing", score: 0.25 });
  }, 60_000);

  it("prints the groups for a person, most asked first", async () => {
    const printed: string[] = [];
    await inbox(["--persist-to", dir, "--limit", "1"], (text) => printed.push(text));
    expect(printed[0]!.split("\n")).toEqual([
      "Unanswered questions (local, default): 2 groups of 4 questions, grouped at cosine >= 0.9; the 1 most asked shown",
      "",
      "6  do you ship to canada",
      "     3  do you ship to canada",
      "     2  shipping to canada?",
      "     1  ship to canada please",
      "     nearest FAQ: bill \"Invoices and billing\" (0.25)",
    ]);
  }, 60_000);

  it("exports helpful feedback as a labelled set that npm run eval reads", async () => {
    const out = join(dir, "labels");
    await inbox(["--persist-to", dir, "--export-labels", join(out, "queries.jsonl")], () => {});
    expect((await readFile(join(out, "queries.jsonl"), "utf8")).trim().split("\n").map((line) => JSON.parse(line))).toEqual([
      { query: "forgot my password", relevant: ["pw", "bill"] },
      { query: "where are invoices", relevant: ["bill"] },
    ]);
    const dataset = await readDataset(out);
    expect(dataset.faqs.map((f) => f.id)).toEqual(["pw", "bill"]);
    expect(dataset.queries).toHaveLength(2);

    // an existing faqs.jsonl beside the export is left alone
    await writeFile(join(out, "faqs.jsonl"), "{\"id\":\"pw\",\"question\":\"mine\"}\n");
    await inbox(["--persist-to", dir, "--export-labels", join(out, "queries.jsonl")], () => {});
    expect(await readFile(join(out, "faqs.jsonl"), "utf8")).toBe("{\"id\":\"pw\",\"question\":\"mine\"}\n");
  }, 60_000);

  it("refuses --local with --remote", async () => {
    await expect(inbox(["--local", "--remote"], () => {})).rejects.toThrow("give --local or --remote, not both");
  });
});
