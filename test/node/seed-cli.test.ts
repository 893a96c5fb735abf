import type { Server } from "node:http";
import { mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startInferenceServer } from "../../scripts/inference-server";
import { LOCAL_MODEL_ID } from "../../scripts/lib/local-model";
import { decodeIndex } from "../../src/index-blob/decode";
import { runScript, summaryLine } from "./helpers";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "faq-seed-"));
});

// Each run gets its own embedding cache, so counts do not depend on earlier runs.
let runs = 0;
const seed = (...args: string[]) => runScript("scripts/seed.ts", [...args, "--cache", join(dir, `cache-${++runs}`)]);

async function checkArtifacts(out: string, count: number) {
  const manifest = JSON.parse(await readFile(join(out, "manifest.json"), "utf8"));
  expect(manifest).toMatchObject({ model: LOCAL_MODEL_ID, dim: 512, count });
  const csv = (await readFile(join(out, "embeddings.csv"), "utf8")).trimEnd().split("\n");
  expect(csv).toHaveLength(count + 1);
  expect(csv[0]).toBe(Array.from({ length: 512 }, (_, i) => i).join(","));
  for (const row of csv.slice(1)) {
    const values = row.split(",").map(Number);
    expect(values).toHaveLength(512);
    expect(Math.hypot(...values)).toBeCloseTo(1, 5);
  }
  const blob = await readFile(join(out, manifest.files.blob));
  const index = await decodeIndex(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength) as ArrayBuffer, manifest.version);
  expect(index.count).toBe(count);
  return { manifest, index };
}

describe("npm run seed", () => {
  it("builds the Medicare demo with the local model: summary line, embeddings.csv, manifest, blob", async () => {
    const out = join(dir, "medicare");
    const { code, stdout } = await seed("--input", "data/medicare-faqs.json", "--out", out, "--kv", "none");
    expect(code).toBe(0);
    const summary = summaryLine(stdout);
    expect(summary).toEqual({ faqs: 13, embedded: 13, reused: 0, model: LOCAL_MODEL_ID, dim: 512, version: expect.stringMatching(/^[0-9a-f]{32}$/), kv: "none", collection: "default" });
    const { manifest, index } = await checkArtifacts(out, 13);
    expect(manifest.version).toBe(summary.version);
    const demo = JSON.parse(await readFile("data/medicare-faqs.json", "utf8")) as Array<Record<string, string>>;
    expect(index.record(11)).toEqual({ ...demo[11], category: null });
    expect(index.record(11)).toMatchObject({ id: "11", question: "What is TRICARE ?", url: "https://www.medicare.gov/basics/get-started-with-medicare" });
  });

  it("gives the same FAQs the same version, and changed FAQs another; the time is in the manifest, not the blob", async () => {
    const input = join(dir, "same.jsonl");
    const changed = join(dir, "changed.jsonl");
    await writeFile(input, '{"id":"a","question":"How do I cancel?","answer":"From settings."}\n{"id":"b","question":"Where is my parcel?"}\n');
    await writeFile(changed, '{"id":"a","question":"How do I cancel?","answer":"From the settings page."}\n{"id":"b","question":"Where is my parcel?"}\n');
    // each run with its own embedding cache: nothing is carried over but the FAQs
    const runs = await Promise.all([["same-1", input], ["same-2", input], ["changed", changed]].map(([out, file]) => seed("--input", file!, "--out", join(dir, out!))));
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0]);
    const [first, second, other] = runs.map((run) => summaryLine(run.stdout).version);
    expect(second).toBe(first);
    expect(other).not.toBe(first);
    const { manifest, index } = await checkArtifacts(join(dir, "same-1"), 2);
    expect(manifest.builtAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(index.builtAt).toBe("");
  }, 60_000);

  it.each([
    ["faqs.jsonl", '{"id":"a","question":"How do I cancel?"}\n{"id":"b","question":"Where is my parcel?"}\n'],
    ["faqs.csv", "id,question,answer\na,How do I cancel?,From settings.\nb,Where is my parcel?,\n"],
  ])("reads %s", async (name, content) => {
    const input = join(dir, name);
    await writeFile(input, content);
    const out = join(dir, `out-${name}`);
    const { code, stdout } = await seed("--input", input, "--out", out, "--batch-size", "1");
    expect(code).toBe(0);
    expect(summaryLine(stdout)).toMatchObject({ faqs: 2, embedded: 2, kv: "none" });
    const { index } = await checkArtifacts(out, 2);
    expect([index.record(0).id, index.record(1).id]).toEqual(["a", "b"]);
  });

  it("embeds through the HF client when asked, against an endpoint URL", async () => {
    const { server, url } = await startInferenceServer(0);
    try {
      const out = join(dir, "hf");
      const result = await runScript("scripts/seed.ts", ["--embedder", "hf", "--out", out, "--no-cache"], {
        HF_ENDPOINT_URL: url, EMBED_MODEL: LOCAL_MODEL_ID, EMBED_DIM: "512", HF_TOKEN: "hf_seedtestsecret",
      });
      expect(result.code).toBe(0);
      expect(summaryLine(result.stdout)).toMatchObject({ faqs: 13, embedded: 13, model: LOCAL_MODEL_ID, dim: 512 });
      expect(result.stdout + result.stderr).not.toContain("hf_seedtestsecret");
      await checkArtifacts(out, 13);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("stops with exit 1, a file:line message, and no files when the input is invalid", async () => {
    const input = join(dir, "broken.jsonl");
    await writeFile(input, '{"question":"fine"}\n{"answer":"no question"}\n');
    const out = join(dir, "never-written");
    const { code, stdout, stderr } = await seed("--input", input, "--out", out, "--kv", "local");
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim()).toBe(`seed: ${input}:2: question is required and must be a non-empty string`);
    await expect(readdir(out)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("rejects unknown flags and values with exit 2", async () => {
    const [kv, embedder, unknown] = await Promise.all([seed("--kv", "cloud"), seed("--embedder", "openai"), seed("--frobnicate")]);
    expect([kv.code, kv.stderr.trim()]).toEqual([2, "seed: --kv must be one of local, remote, none"]);
    expect([embedder.code, embedder.stderr.trim()]).toEqual([2, "seed: --embedder must be one of hf, local"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("seed: Unknown option '--frobnicate'");
  });

  it("fails cleanly when the HF endpoint is unreachable, writing nothing", async () => {
    const out = join(dir, "unreachable");
    const { code, stderr } = await runScript("scripts/seed.ts", ["--embedder", "hf", "--out", out, "--max-retries", "1", "--no-cache"], {
      HF_ENDPOINT_URL: "http://127.0.0.1:9/", EMBED_MODEL: LOCAL_MODEL_ID,
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^seed: embedding failed \(upstream_/m);
    await expect(readdir(out)).rejects.toMatchObject({ code: "ENOENT" });
  });
});
