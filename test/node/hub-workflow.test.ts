/**
 * The Hub workflow against a local stand-in for the Hub's HTTP endpoints:
 * publishing a dataset (--hub), seeding KV from one (--from-hub, including a
 * tutorial-style embeddings.csv), and --dry-run. Embeddings come from a stub
 * endpoint that records every call, so "nothing was embedded" is checked too.
 */
import { mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withLocalKv } from "../../scripts/kv/local-kv";
import { readCurrentVersion } from "../../scripts/kv/versions";
import { decodeIndex } from "../../src/index-blob/decode";
import type { FaqIndex } from "../../src/index-blob/format";
import { POINTER_KEY } from "../../src/index-store/keys";
import { rowOf } from "../../src/search/f32-matrix";
import { HubStandIn } from "../stand-ins/hub-server";
import { startStubEmbedder, stubVector, type StubEmbedder } from "../stand-ins/stub-embedder";
import { runScript, summaryLine } from "./helpers";

const TOKEN = "hf_standintoken0123456789abcdef";
const REPO = "alice/support-faqs";
const FAQS = [
  { id: "1", question: "How do I reset my password?", answer: "Use the link on the sign-in page." },
  { id: "2", question: "Where is my invoice?", answer: "Under Billing, then Invoices." },
  { id: "3", question: "Can I change my plan?", answer: "Yes, at any time." },
  { id: "4", question: "How do I delete my account?", answer: "Write to support." },
  { id: "5", question: "Do you offer refunds?", answer: "Within 30 days." },
];

let dir: string;
let hub: HubStandIn;
let stub: StubEmbedder;
const published: Array<{ version: string; commit: string }> = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "faq-hub-"));
  hub = await new HubStandIn(TOKEN).start();
  stub = await startStubEmbedder(8);
  await writeJsonl("faqs.jsonl", FAQS);
});
afterAll(async () => {
  await hub.close();
  await stub.close();
});

const writeJsonl = (name: string, rows: object[]) => writeFile(join(dir, name), rows.map((row) => JSON.stringify(row)).join("\n") + "\n");

/** Runs the seed script against the stand-ins; every run shares one embedding cache. */
function seed(args: string[], env: NodeJS.ProcessEnv = {}) {
  stub.calls.length = 0;
  return runScript("scripts/seed.ts", [...args, "--embedder", "hf", "--hub-url", hub.url, "--cache", join(dir, "cache"), "--max-retries", "0", "--no-calibrate"], {
    HF_ENDPOINT_URL: stub.url, EMBED_MODEL: "test/stub-model", EMBED_DIM: "8", HF_TOKEN: TOKEN, ...env,
  });
}

const kvIndex = (persistTo: string) => withLocalKv({ configPath: "wrangler.toml", persistTo }, readCurrentVersion);
const recordsOf = (index: FaqIndex) => Array.from({ length: index.count }, (_, row) => index.record(row));
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe.sequential("publishing to the Hub (--hub)", () => {
  it("stops before embedding or writing when HF_TOKEN is missing or is not a token", async () => {
    const out = join(dir, "never");
    const missing = await seed(["--input", join(dir, "faqs.jsonl"), "--hub", REPO, "--out", out], { HF_TOKEN: "" });
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe("seed: --hub needs HF_TOKEN in the environment (a write token from https://huggingface.co/settings/tokens); nothing was embedded or written");

    const wrong = await seed(["--input", join(dir, "faqs.jsonl"), "--hub", REPO, "--out", out], { HF_TOKEN: "secret-not-a-token" });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("HF_TOKEN is not a Hugging Face access token");
    expect(wrong.stderr + wrong.stdout).not.toContain("secret-not-a-token");

    expect(stub.calls).toEqual([]);
    expect(hub.requests).toEqual([]);
    await expect(readdir(out)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("creates a private dataset and commits embeddings.csv, faqs.jsonl, the index and a card, byte for byte", async () => {
    const out = join(dir, "out-1");
    const result = await seed(["--input", join(dir, "faqs.jsonl"), "--hub", REPO, "--private", "--license", "cc-by-4.0", "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    const summary = summaryLine(result.stdout);
    const repo = hub.repos.get(REPO)!;
    const head = hub.head(REPO)!;
    expect(summary).toMatchObject({ faqs: 5, embedded: 5, dim: 8, model: "test/stub-model", hub: { repo: REPO, commit: head.oid, created: true } });
    published.push({ version: summary.version as string, commit: head.oid });

    expect(repo.private).toBe(true);
    expect(repo.license).toBe("cc-by-4.0");
    expect(repo.commits.map((c) => c.title)).toEqual(["initial commit", `faq-edge: index ${summary.version} (5 FAQs, test/stub-model)`]);
    expect([...head.files.keys()].sort()).toEqual([".gitattributes", "README.md", "embeddings.csv", "faq-index.bin", "faqs.jsonl"]);
    expect(head.lfsPaths).toEqual(["faq-index.bin"]);

    expect(Buffer.compare(head.files.get("embeddings.csv")!, await readFile(join(out, "embeddings.csv")))).toBe(0);
    expect(Buffer.compare(head.files.get("faq-index.bin")!, await readFile(join(out, `index-${summary.version}.bin`)))).toBe(0);
    const expectedRecords = FAQS.map((faq) => ({ ...faq, url: null, category: null }));
    expect(text(head.files.get("faqs.jsonl")).trimEnd().split("\n").map((line) => JSON.parse(line))).toEqual(expectedRecords);
    const csvRows = text(head.files.get("embeddings.csv")).trimEnd().split("\n");
    expect(csvRows[0]).toBe("0,1,2,3,4,5,6,7");
    expect(csvRows).toHaveLength(6);

    const card = text(head.files.get("README.md"));
    expect(card).toMatch(/^---\nlicense: cc-by-4.0\n/);
    expect(card).toContain("configs:\n- config_name: default\n  data_files: embeddings.csv\n- config_name: faqs\n  data_files: faqs.jsonl\n");
    expect(card).toContain("| model | `test/stub-model` |");
    expect(card).toContain("| dimension | 8 |");
    expect(card).toContain("| FAQs | 5 |");
    expect(card).toContain(`load_dataset("${REPO}")["train"]`);
    expect(card).toContain(`npm run seed -- --from-hub ${REPO} --kv remote`);

    const writes = hub.requests.filter((r) => r.method !== "GET" && !r.path.startsWith("/__lfs/"));
    expect(writes.map((r) => r.path)).toEqual([
      "/api/repos/create",
      `/api/datasets/${REPO}/preupload/main`,
      `/datasets/${REPO}.git/info/lfs/objects/batch`,
      `/api/datasets/${REPO}/commit/main`,
    ]);
    expect(writes.every((r) => r.authorized)).toBe(true);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });

  it("commits to the existing repo without creating it again, with the given message", async () => {
    const edited = FAQS.map((faq) => (faq.id === "5" ? { ...faq, answer: "Within 60 days, no questions asked." } : faq));
    await writeJsonl("edited.jsonl", edited);
    hub.requests.length = 0;
    const result = await seed(["--input", join(dir, "edited.jsonl"), "--hub", REPO, "--hub-message", "Longer refund window", "--out", join(dir, "out-2")]);
    expect(result.code, result.stderr).toBe(0);
    const summary = summaryLine(result.stdout);
    expect(summary).toMatchObject({ embedded: 0, reused: 5, hub: { repo: REPO, created: false } });
    published.push({ version: summary.version as string, commit: hub.head(REPO)!.oid });
    expect(hub.requests.some((r) => r.path === "/api/repos/create")).toBe(false);
    expect(hub.repos.get(REPO)!.commits.map((c) => c.title).at(-1)).toBe("Longer refund window");
    expect(text(hub.head(REPO)!.files.get("faqs.jsonl"))).toContain("Within 60 days");
  });

  it("writes nothing to KV when the Hub refuses the token", async () => {
    const persistTo = await mkdtemp(join(tmpdir(), "faq-hub-refused-"));
    const result = await seed(["--input", join(dir, "faqs.jsonl"), "--hub", "bob/faqs", "--kv", "local", "--persist-to", persistTo, "--out", join(dir, "out-refused")], {
      HF_TOKEN: "hf_revokedtoken000000000000000",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("seed: creating dataset bob/faqs failed on the Hub (401): Invalid credentials in Authorization header");
    expect(result.stderr).not.toContain("hf_revokedtoken");
    expect(hub.repos.has("bob/faqs")).toBe(false);
    expect(await withLocalKv({ configPath: "wrangler.toml", persistTo }, (store) => store.getText(POINTER_KEY))).toBeNull();
  });
});

describe.sequential("seeding from the Hub (--from-hub)", () => {
  let persistTo: string;
  beforeAll(async () => {
    persistTo = await mkdtemp(join(tmpdir(), "faq-from-hub-"));
  });

  it("seeds local KV with the published index, embedding nothing", async () => {
    const result = await seed(["--from-hub", REPO, "--kv", "local", "--persist-to", persistTo]);
    expect(result.code, result.stderr).toBe(0);
    expect(summaryLine(result.stdout)).toEqual({
      faqs: 5, embedded: 0, reused: 0, model: "test/stub-model", dim: 8, version: published[1]!.version, kv: "local", collection: "default", fromHub: REPO,
    });
    expect(stub.calls).toEqual([]);
    const index = (await kvIndex(persistTo))!;
    expect(index.version).toBe(published[1]!.version);
    expect(recordsOf(index).map((r) => r.id)).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("pins a revision with @commit", async () => {
    const result = await seed(["--from-hub", `${REPO}@${published[0]!.commit}`, "--kv", "local", "--persist-to", persistTo]);
    expect(result.code, result.stderr).toBe(0);
    expect(summaryLine(result.stdout).version).toBe(published[0]!.version);
    expect((await kvIndex(persistTo))!.version).toBe(published[0]!.version);
  });

  it("says a private dataset is not found without a token, and writes nothing", async () => {
    const empty = await mkdtemp(join(tmpdir(), "faq-from-hub-private-"));
    const result = await seed(["--from-hub", REPO, "--kv", "local", "--persist-to", empty], { HF_TOKEN: "" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `seed: dataset ${REPO} was not found on ${hub.url} (check the name and revision; a private dataset needs HF_TOKEN with read access); nothing was written`,
    );
    expect(await kvIndex(empty)).toBeNull();
  });
});

describe.sequential("a tutorial-style dataset: embeddings.csv only", () => {
  const TUTORIAL = "tutorial/medicare-embeddings";
  // Raw, not unit-length, rows like a model without a normalisation layer would give.
  const rows = FAQS.map((faq) => stubVector(faq.question, 8).map((v) => v * 3));
  const csv = ["0,1,2,3,4,5,6,7", ...rows.map((row) => row.join(","))].join("\n") + "\n";
  let persistTo: string;
  beforeAll(async () => {
    hub.addRepo(TUTORIAL, { "embeddings.csv": csv, "README.md": "# tutorial\n" });
    hub.addRepo("carol/not-embeddings", { "README.md": "# nothing here\n" });
    persistTo = await mkdtemp(join(tmpdir(), "faq-tutorial-"));
    await writeJsonl("four.jsonl", FAQS.slice(0, 4));
  });

  it("pairs the rows with --input, in order, normalised, without embedding", async () => {
    const result = await seed(["--from-hub", TUTORIAL, "--input", join(dir, "faqs.jsonl"), "--kv", "local", "--persist-to", persistTo, "--out", join(dir, "out-tutorial")], { HF_TOKEN: "" });
    expect(result.code, result.stderr).toBe(0);
    expect(summaryLine(result.stdout)).toMatchObject({ faqs: 5, embedded: 0, model: "test/stub-model", dim: 8, kv: "local" });
    expect(stub.calls).toEqual([]);
    const index = (await kvIndex(persistTo))!;
    expect(recordsOf(index).map((r) => r.question)).toEqual(FAQS.map((faq) => faq.question));
    rows.forEach((row, i) => {
      const norm = Math.hypot(...row);
      expect(Array.from(rowOf(index.matrix!, i))).toEqual(row.map((v) => expect.closeTo(v / norm, 6)));
    });
    const manifest = JSON.parse(await readFile(join(dir, "out-tutorial", "manifest.json"), "utf8"));
    expect(manifest.source).toBe(`hf://datasets/${TUTORIAL}`);
  });

  it.each([
    ["no --input", [], {}, `seed: ${TUTORIAL} has embeddings.csv but no FAQ texts; pass --input with the FAQs in the same order as its rows`],
    ["rows and texts differ in count", ["--input", "four.jsonl"], {},
      `seed: embeddings.csv in ${TUTORIAL} has 5 rows but {dir}/four.jsonl has 4 FAQs; they must match one to one, in order; nothing was written`],
    ["the dimension is wrong", ["--input", "faqs.jsonl"], { EMBED_DIM: "16" },
      `seed: embeddings.csv in ${TUTORIAL} has 8 columns, but test/stub-model embeds queries in 16 (set EMBED_MODEL and EMBED_DIM to the model that made it); nothing was written`],
    ["the default model is 384-d", ["--input", "faqs.jsonl"], { EMBED_MODEL: "", EMBED_DIM: "" },
      `seed: embeddings.csv in ${TUTORIAL} has 8 columns, but sentence-transformers/all-MiniLM-L6-v2 embeds queries in 384 (set EMBED_MODEL and EMBED_DIM to the model that made it); nothing was written`],
  ] as Array<[string, string[], NodeJS.ProcessEnv, string]>)("stops when %s, and writes nothing", async (_, extra, env, message) => {
    const empty = await mkdtemp(join(tmpdir(), "faq-tutorial-bad-"));
    const args = extra.map((arg) => (arg.endsWith(".jsonl") ? join(dir, arg) : arg));
    const result = await seed(["--from-hub", TUTORIAL, ...args, "--kv", "local", "--persist-to", empty, "--out", join(empty, "out")], env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(message.replace("{dir}", dir));
    expect(stub.calls).toEqual([]);
    expect(await kvIndex(empty)).toBeNull();
    expect(await readdir(empty)).not.toContain("out");
  });

  it("refuses a dataset that holds no embeddings", async () => {
    const result = await seed(["--from-hub", "carol/not-embeddings", "--kv", "none", "--out", join(dir, "out-none")]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe("seed: carol/not-embeddings has neither faq-index.bin nor embeddings.csv, so it is not an FAQ embeddings dataset; nothing was written");
  });
});

describe.sequential("--dry-run", () => {
  let persistTo: string;
  beforeAll(async () => {
    persistTo = await mkdtemp(join(tmpdir(), "faq-dry-run-"));
    const seeded = await seed(["--input", join(dir, "faqs.jsonl"), "--kv", "local", "--persist-to", persistTo, "--out", join(dir, "out-dry-base")]);
    expect(seeded.code, seeded.stderr).toBe(0);
  });

  const next = [
    ...FAQS.filter((faq) => faq.id !== "4").map((faq) => (faq.id === "2" ? { ...faq, question: "Where can I download my invoice?" } : faq)),
    { id: "9", question: "Do you have a mobile app?", answer: "Yes." },
  ];

  it("lists what would be added, changed and removed against KV, and writes nothing", async () => {
    await writeJsonl("next.jsonl", next);
    const before = (await kvIndex(persistTo))!.version;
    const cacheBefore = await readdir(join(dir, "cache"));
    const cacheFile = await readFile(join(dir, "cache", cacheBefore[0]!), "utf8");
    const out = join(dir, "out-dry");
    const result = await seed(["--input", join(dir, "next.jsonl"), "--dry-run", "--kv", "local", "--persist-to", persistTo, "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    expect(summaryLine(result.stdout)).toEqual({
      dryRun: true, faqs: 5, added: ["9"], removed: ["4"], changed: ["2"], unchanged: 3, toEmbed: 2,
      model: "test/stub-model", modelChanged: false, current: { where: "local KV", version: before, faqs: 5 },
    });
    expect(result.stderr).toContain("+ 9: Do you have a mobile app?");
    expect(result.stderr).toContain("~ 2: Where can I download my invoice?");
    expect(result.stderr).toContain("- 4: How do I delete my account?");
    expect(stub.calls).toEqual([]);
    expect((await kvIndex(persistTo))!.version).toBe(before);
    await expect(readdir(out)).rejects.toMatchObject({ code: "ENOENT" });
    expect(await readFile(join(dir, "cache", cacheBefore[0]!), "utf8")).toBe(cacheFile);
  });

  it("compares with the last build in --out when there is no KV target, and flags a model change", async () => {
    const result = await seed(["--input", join(dir, "next.jsonl"), "--dry-run", "--out", join(dir, "out-dry-base")], { EMBED_MODEL: "test/other-model" });
    expect(result.code, result.stderr).toBe(0);
    expect(summaryLine(result.stdout)).toMatchObject({
      added: ["9"], removed: ["4"], changed: ["2"], toEmbed: 5, modelChanged: true, current: { where: join(dir, "out-dry-base"), faqs: 5 },
    });
    expect(result.stderr).toContain("the model changes from test/stub-model to test/other-model");
  });

  it("publishes nothing to the Hub in a dry run, even without a token", async () => {
    hub.requests.length = 0;
    const result = await seed(["--input", join(dir, "next.jsonl"), "--dry-run", "--hub", REPO, "--out", join(dir, "out-dry-base")], { HF_TOKEN: "" });
    expect(result.code, result.stderr).toBe(0);
    expect(summaryLine(result.stdout)).toMatchObject({ dryRun: true, added: ["9"] });
    expect(hub.requests).toEqual([]);
  });
});

describe("the published index decodes to the FAQs that were published", () => {
  it("round-trips records through faq-index.bin", async () => {
    const bytes = hub.repos.get(REPO)!.commits[1]!.files.get("faq-index.bin")!;
    const index = await decodeIndex(new Uint8Array(bytes), published[0]!.version);
    expect(recordsOf(index)).toEqual(FAQS.map((faq) => ({ ...faq, url: null, category: null })));
  });
});
