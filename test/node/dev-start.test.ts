/**
 * `npm start` passes the documented Worker variables given in its
 * environment on to the Worker it runs, and serves FAQs read from a page
 * (--from-page) instead of the demo. An embedding endpoint in this test
 * stands in for HF_ENDPOINT_URL and records what reaches it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_MODEL_DIM } from "../../scripts/lib/local-model";
import { freePort } from "./helpers";

const TOKEN = "hf_devstartsecret0a1b2c3d4e";
const ADMIN_TOKEN = "dev-start-admin-token-0123456789";
let page: string;
let persistTo: string;
let endpoint: Server;
let start: ChildProcess;
let output = "";
let base: string;
let port: number;
const authorizations: Array<string | undefined> = [];

beforeAll(async () => {
  persistTo = await mkdtemp(join(tmpdir(), "faq-dev-"));
  page = join(persistTo, "medicare-faq.html");
  await writeFile(page, `<!doctype html><title>Medicare FAQ</title><h1>Medicare</h1>
    <details id="card"><summary>How do I get a replacement Medicare card?</summary>Print one from your account.</details>
    <details><summary>What is Medicare?</summary>Health insurance for people 65 or older.</details>`);
  endpoint = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      authorizations.push(req.headers.authorization);
      // "slow" questions take longer than the EMBED_TIMEOUT_MS given below
      const delay = body.includes("slow") ? 1500 : 0;
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(Array.from({ length: LOCAL_MODEL_DIM }, (_, i) => (i === 0 ? 1 : 0))));
      }, delay);
    });
  });
  const endpointPort = await freePort();
  await new Promise<void>((resolve) => endpoint.listen(endpointPort, "127.0.0.1", resolve));
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // as a person starts it: vitest's NODE_ENV=test would make miniflare skip what it does for them
  const { NODE_ENV: _, ...userEnv } = process.env;
  start = spawn(process.execPath, ["--import", "tsx", "scripts/dev.ts", "--persist-to", persistTo, "--from-page", page], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...userEnv,
      WRANGLER_SEND_METRICS: "false",
      PORT: String(port),
      RATE_LIMIT: "off",
      ALLOWED_ORIGINS: "https://help.example",
      HF_ENDPOINT_URL: `http://127.0.0.1:${endpointPort}/embed`,
      HF_TOKEN: TOKEN,
      EMBED_TIMEOUT_MS: "300",
      EMBED_MAX_RETRIES: "0",
      ADMIN_TOKEN,
    },
  });
  start.stdout!.on("data", (chunk) => (output += chunk));
  start.stderr!.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 120_000;
  // the banner's last line: its lines can arrive in separate chunks, and the tests read all of them
  while (!output.includes("Ctrl-C stops everything.")) {
    if (start.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 150_000);

afterAll(async () => {
  if (start && start.exitCode === null) {
    const exited = new Promise((resolve) => start.once("exit", resolve));
    start.kill("SIGINT");
    await exited;
  }
  endpoint?.close();
  await rm(persistTo, { recursive: true, force: true });
});

describe("npm start with Worker variables in the environment", () => {
  it("says which variables it passed on, without their values", () => {
    expect(output).toContain("from the environment: HF_ENDPOINT_URL, EMBED_TIMEOUT_MS, EMBED_MAX_RETRIES, ALLOWED_ORIGINS, RATE_LIMIT, HF_TOKEN, ADMIN_TOKEN");
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain(ADMIN_TOKEN);
  });

  it("starts quietly, offline, and suggests a question from the FAQs it serves", () => {
    // what wrangler used to print: the Request.cf download failing offline, its update check, the [build]
    // command's second run announced as a file change, and the warning about the Cron Trigger
    for (const noise of ["ENOTFOUND", "Unable to fetch the `Request.cf` object", "update available", "changed, restarting build", "[custom build]", "Scheduled Workers are not automatically triggered", "GET /widget.js"]) {
      expect(output).not.toContain(noise);
    }
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).toContain(`  try: curl 'http://localhost:${port}/faq?q=How%20do%20I%20get%20a%20replacement%20Medicare%20card%3F'`);
    expect(output).toContain(`  the inbox's daily clean-up (Cron Trigger) runs when asked: curl http://localhost:${port}/cdn-cgi/handler/scheduled`);
  });

  it("serves the FAQs of the page given with --from-page", async () => {
    expect(output).toContain(`seeded 2 FAQs from ${page}`);
    const body = (await (await fetch(`${base}/faq?q=replacement%20card&mode=lexical`)).json()) as { results: Array<{ question: string; answer: string }> };
    expect(body.results[0]).toMatchObject({ question: "How do I get a replacement Medicare card?", answer: "Print one from your account." });
  });

  it("opens the owner's view with ADMIN_TOKEN, over the D1 database it migrated", async () => {
    expect((await fetch(`${base}/admin/unanswered`)).status).toBe(401);
    const response = await fetch(`${base}/admin/unanswered`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ groups: expect.any(Array), total: expect.any(Number) });
  });

  it("embeds through HF_ENDPOINT_URL with HF_TOKEN", async () => {
    const response = await fetch(`${base}/faq?q=${encodeURIComponent("How can Medicare help me?")}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ degraded: false });
    expect(authorizations.at(-1)).toBe(`Bearer ${TOKEN}`);
  });

  it("answers only the origins of ALLOWED_ORIGINS", async () => {
    const allowed = await fetch(`${base}/health`, { headers: { Origin: "https://help.example" } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://help.example");
    const other = await fetch(`${base}/health`, { headers: { Origin: "https://elsewhere.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("keeps to EMBED_TIMEOUT_MS and EMBED_MAX_RETRIES", async () => {
    const before = authorizations.length;
    const response = await fetch(`${base}/faq?q=slow%20question`);
    expect(await response.json()).toMatchObject({ degraded: true });
    expect(authorizations.length - before).toBe(1);
  });

  it("has no rate limit with RATE_LIMIT=off", async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 130; i++) statuses.add((await fetch(`${base}/faq?q=medicare&mode=lexical`)).status);
    expect([...statuses]).toEqual([200]);
  });
});
