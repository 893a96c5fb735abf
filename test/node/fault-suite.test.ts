/**
 * Upstream faults over HTTP: the local inference server acts out each fault
 * while `wrangler dev` serves the Medicare demo. Every answer must be a
 * degraded 200 (hybrid) or a documented error with Retry-After (semantic),
 * after at most 1 + EMBED_MAX_RETRIES upstream calls, and the token must
 * never show in a response or a log line.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAULT_MODES } from "../../scripts/lib/fault-injection";
import { LOCAL_MODEL_DIM, LOCAL_MODEL_ID } from "../../scripts/lib/local-model";
import { startWranglerDev, type RunningWorker } from "../../scripts/lib/wrangler-dev";
import { freePort, runScript, startInferenceProcess } from "./helpers";

const TOKEN = "hf_faultsuitesecret5d1c0ffee";
const RETRIES = 2;
let persistTo: string;
let inference: { url: string; child: ChildProcess };
let worker: RunningWorker;
const latencies: number[] = [];

/** What a semantic question gets for each fault, and how many upstream calls it may take. */
const EXPECTED: Record<string, { status: number; code: string; calls: number }> = {
  loading: { status: 502, code: "upstream_error", calls: 1 + RETRIES }, // 0.2 s waits fit the budget, the model never loads
  rate_limited: { status: 504, code: "upstream_timeout", calls: 1 }, // Retry-After: 1 s would pass the 1 s budget
  error: { status: 502, code: "upstream_error", calls: 1 + RETRIES },
  hang: { status: 504, code: "upstream_timeout", calls: 1 },
  trickle: { status: 504, code: "upstream_timeout", calls: 1 },
  malformed: { status: 502, code: "upstream_bad_response", calls: 1 }, // not worth retrying
  wrong_dim: { status: 502, code: "upstream_bad_response", calls: 1 },
  nan: { status: 502, code: "upstream_bad_response", calls: 1 },
};

beforeAll(async () => {
  persistTo = await mkdtemp(join(tmpdir(), "faq-faults-"));
  const seeded = await runScript("scripts/seed.ts", ["--kv", "local", "--persist-to", persistTo, "--out", join(persistTo, "build")]);
  expect(seeded.code).toBe(0);
  inference = await startInferenceProcess(["--allow-faults"]);
  worker = await startWranglerDev({
    port: await freePort(),
    persistTo,
    output: "capture",
    vars: {
      HF_ENDPOINT_URL: inference.url, EMBED_MODEL: LOCAL_MODEL_ID, EMBED_DIM: String(LOCAL_MODEL_DIM),
      HF_TOKEN: TOKEN, EMBED_TIMEOUT_MS: "1000", EMBED_MAX_RETRIES: String(RETRIES),
    },
  });
});

afterAll(async () => {
  if (latencies.length) console.log(`fault suite: ${latencies.length} requests, slowest ${Math.round(Math.max(...latencies))} ms (budget 1000 ms per embedding)`);
  await worker?.stop();
  inference?.child.kill();
  await rm(persistTo, { recursive: true, force: true });
});

async function setFault(mode: string) {
  const response = await fetch(`${inference.url}/__faults`, { method: "POST", body: JSON.stringify({ mode }) });
  expect(response.status).toBe(200);
}
const upstreamCalls = async () => ((await (await fetch(`${inference.url}/__faults`)).json()) as { requests: number }).requests;

let asked = 0;
async function ask(mode: string) {
  const started = performance.now();
  const response = await fetch(`${worker.url}/faq?mode=${mode}&q=${encodeURIComponent(`Can Medicare help me? (${++asked})`)}`);
  latencies.push(performance.now() - started);
  const text = await response.text();
  return { response, text, headers: JSON.stringify([...response.headers]), body: JSON.parse(text) as Record<string, unknown> };
}

describe.sequential("upstream faults", () => {
  it.each(FAULT_MODES.filter((m) => m !== "none"))("%s: hybrid degrades to words, semantic fails cleanly", async (mode) => {
    await setFault(mode);
    const hybrid = await ask("hybrid");
    expect(hybrid.response.status).toBe(200);
    expect(hybrid.body).toMatchObject({ degraded: true, mode: "hybrid" });
    expect((hybrid.body.results as unknown[]).length).toBeGreaterThan(0);
    expect(await upstreamCalls()).toBeLessThanOrEqual(1 + RETRIES);

    await setFault(mode);
    const semantic = await ask("semantic");
    const expected = EXPECTED[mode]!;
    expect(semantic.response.status).toBe(expected.status);
    expect(semantic.body).toEqual({ error: { code: expected.code, message: expect.any(String) } });
    expect(semantic.response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await upstreamCalls()).toBe(expected.calls);
  });

  it("recovers when the fault clears", async () => {
    await setFault("none");
    const { response, body } = await ask("hybrid");
    expect(response.status).toBe(200);
    expect(body.degraded).toBe(false);
  });

  // Makes its own failures, so it holds whichever tests ran before it.
  it("never shows the token in a response, a header, or a log line", async () => {
    const answers = [];
    for (const mode of ["error", "malformed", "rate_limited", "none"]) {
      await setFault(mode);
      answers.push(await ask("hybrid"), await ask("semantic"));
    }
    expect(answers.map((a) => a.response.status)).toEqual([200, 502, 200, 502, 200, 504, 200, 200]);
    for (const { text, headers } of answers) {
      expect(text).not.toContain(TOKEN);
      expect(headers).not.toContain(TOKEN);
    }
    expect(worker.logs()).toContain("embedding failed (upstream_error); answering from the lexical index");
    expect(worker.logs()).not.toContain(TOKEN);
  });
});
