/**
 * End to end over HTTP: the real local inference server, `wrangler dev` with
 * miniflare's KV in a temporary folder, and the seed script writing into it.
 */
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_MODEL_DIM, LOCAL_MODEL_ID } from "../../scripts/lib/local-model";
import { startWranglerDev, type RunningWorker } from "../../scripts/lib/wrangler-dev";
import { withLocalKv } from "../../scripts/kv/local-kv";
import { publishVersion } from "../../scripts/kv/versions";
import { buildIndex } from "../../src/index-blob/build-index";
import { POINTER_KEY, chunkKey, pointerFor } from "../../src/index-store/keys";
import { loadXxh64Module } from "../../scripts/lib/load-wasm";
import { freePort, runScript, startInferenceProcess, summaryLine } from "./helpers";

let persistTo: string;
let inference: { url: string; child: ChildProcess };
let worker: RunningWorker;

beforeAll(async () => {
  persistTo = await mkdtemp(join(tmpdir(), "faq-e2e-"));
  inference = await startInferenceProcess();
  worker = await startWranglerDev({
    port: await freePort(),
    persistTo,
    output: "ignore",
    // Recheck the pointer on every request so each published state is seen at once.
    vars: { HF_ENDPOINT_URL: inference.url, EMBED_MODEL: LOCAL_MODEL_ID, EMBED_DIM: String(LOCAL_MODEL_DIM), INDEX_RECHECK_SECONDS: "0" },
  });
});

afterAll(async () => {
  await worker?.stop();
  inference?.child.kill();
  await rm(persistTo, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit) => fetch(`${worker.url}${path}`, init);
const MEDICARE_QUERY = "/faq?q=How%20can%20Medicare%20help%20me%3F";

async function expectError(path: string, status: number, code: string, init?: RequestInit) {
  const response = await get(path, init);
  expect(response.status).toBe(status);
  expect(await response.json()).toEqual({ error: { code, message: expect.any(String) } });
}

/** An index with the right shape for this Worker, built from made-up vectors. */
async function syntheticIndex(model: string) {
  const vectors = [Array.from({ length: LOCAL_MODEL_DIM }, (_, i) => (i === 0 ? 1 : 0))];
  return buildIndex({ model, builtAt: new Date().toISOString(), dim: LOCAL_MODEL_DIM, records: [{ id: "x", question: "x", answer: null, url: null, category: null }], vectors });
}

// The steps build on each other: the Worker keeps serving a good index once it has one.
describe.sequential("faq-edge over HTTP", () => {
  it("answers 503 no_index before anything is seeded", async () => {
    await expectError(MEDICARE_QUERY, 503, "no_index");
    expect(await (await get("/health")).json()).toMatchObject({ status: "no_index" });
  });

  it("refuses a corrupt blob with 503 index_corrupt", async () => {
    const { blob, version } = await syntheticIndex(LOCAL_MODEL_ID);
    const damaged = new Uint8Array(blob.slice(0));
    damaged[damaged.length - 5]! ^= 0x20;
    await withLocalKv({ configPath: "wrangler.toml", persistTo }, async (kv) => {
      // written by hand: publishVersion would refuse a blob that does not decode
      await kv.put(chunkKey(version, 0), damaged);
      await kv.put(POINTER_KEY, JSON.stringify(pointerFor(blob, { version, model: LOCAL_MODEL_ID, dim: LOCAL_MODEL_DIM, count: 1, builtAt: "2026-01-01T00:00:00Z" }, loadXxh64Module())));
    });
    await expectError(MEDICARE_QUERY, 503, "index_corrupt");
  });

  it("refuses an index built with another model with 503 model_mismatch", async () => {
    const model = "sentence-transformers/all-MiniLM-L6-v2";
    const { blob, version } = await syntheticIndex(model);
    const pointer = pointerFor(blob, { version, model, dim: LOCAL_MODEL_DIM, count: 1, builtAt: "2026-01-01T00:00:00Z" }, loadXxh64Module());
    await withLocalKv({ configPath: "wrangler.toml", persistTo }, (store) => publishVersion(store, blob, pointer));
    await expectError(MEDICARE_QUERY, 503, "model_mismatch");
  });

  it("ranks the Medicare FAQs as the tutorial does after `npm run seed -- --kv local`", async () => {
    const seeded = await runScript("scripts/seed.ts", ["--kv", "local", "--persist-to", persistTo, "--out", join(persistTo, "build")]);
    expect(seeded.code).toBe(0);
    const { version } = summaryLine(seeded.stdout);

    const response = await get(MEDICARE_QUERY);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { query: string; model: string; answered: boolean; results: Array<{ id: string; score: number }> };
    expect(body.query).toBe("How can Medicare help me?");
    expect(body.model).toBe(LOCAL_MODEL_ID);
    expect(body.results).toHaveLength(5);
    expect(body.results.slice(0, 3).map((r) => r.id)).toEqual(["8", "7", "3"]);
    const scores = body.results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // no Origin header, so no CORS headers (a site on another origin gets them: below)
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(response.headers.get("vary")).toBe("Origin");
    expect(response.headers.get("server-timing")).toContain("embed;dur=");
    const crossSite = await get(MEDICARE_QUERY, { headers: { Origin: "https://help.example" } });
    expect(crossSite.headers.get("access-control-allow-origin")).toBe("*");
    expect(crossSite.headers.get("timing-allow-origin")).toBe("*");

    expect(await (await get("/health")).json()).toMatchObject({ status: "ok", version, model: LOCAL_MODEL_ID, dim: 512, count: 13 });
    const ten = (await (await get(`${MEDICARE_QUERY}&k=10`)).json()) as { results: unknown[] };
    expect(ten.results).toHaveLength(10);
  });

  it("gives the answer the README shows for the demo, field for field", async () => {
    const readme = readFileSync("README.md", "utf8");
    // the README's curl command, then the JSON block that follows it
    const example = /```sh\ncurl 'http:\/\/localhost:8787(\/faq\?[^']+)'\n```\s*```json\n([\s\S]+?)\n```/.exec(readme);
    expect(example, "README.md has a curl of /faq followed by its JSON answer").not.toBeNull();
    const [, path, shown] = example!;
    const answer = await (await get(path!)).json();
    // Nothing in an answer varies by run but the last bits of its floats: the version and timings are
    // not in it, but the local model (tfjs) gives a text's vector bits that depend a little on the texts
    // batched with it, and a warm embedding cache batches fewer (a fresh clone gave the confidence
    // 0.8754814192, a warm cache 0.8754814407). So numbers are compared to 6 decimal places.
    expect(roundNumbers(answer)).toEqual(roundNumbers(JSON.parse(shown!)));
  });

  it("answers bad requests with stable error codes", async () => {
    await expectError("/faq", 400, "missing_query");
    await expectError("/faq?q=%20", 400, "missing_query");
    await expectError(`/faq?q=${"a".repeat(501)}`, 400, "query_too_long");
    await expectError("/faq?q=medicare&k=51", 400, "invalid_k");
    await expectError("/faq?q=medicare", 405, "method_not_allowed", { method: "POST" });
    await expectError("/nowhere", 404, "not_found");
  });
});

/** A JSON value with every number rounded to 6 decimal places. */
function roundNumbers(value: unknown): unknown {
  if (typeof value === "number") return Math.round(value * 1e6) / 1e6;
  if (Array.isArray(value)) return value.map(roundNumbers);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, roundNumbers(v)]));
  return value;
}
