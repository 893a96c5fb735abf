/**
 * `npm start`: builds the demo index (or your own FAQs' index) with the local
 * model into local KV, applies the D1 migrations to the local database (the
 * inbox), starts the local inference server and `wrangler dev` against it,
 * and stops everything on Ctrl-C. Options and environment: DEV_COMMAND below,
 * printed by `npm start -- --help`. Every documented Worker variable set in
 * the environment reaches the Worker; with HF_ENDPOINT_URL set, no local
 * inference server is started.
 *
 * Nothing here imports the model (tfjs): its emscripten glue installs an
 * uncaughtException handler that rethrows, which turned an unknown option
 * into exit 7 and a stack trace from inside @energetic-ai/core. The inference
 * server loads it when it starts, after the options are read.
 */
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFAULT_COLLECTION } from "../src/collections/collection-name";
import { readConfig } from "../src/config";
import { WORKER_VARIABLES, type Env } from "../src/env";
import { ConfigError } from "../src/errors";
import { COLLECTION_OPTION, collectionArg } from "./lib/collection-option";
import { applyLocalMigrations } from "./lib/apply-local-migrations";
import { readOptionsOrExit, type CliCommand } from "./lib/cli-options";
import { LOCAL_MODEL_DIM, LOCAL_MODEL_ID } from "./lib/local-model-id";
import { startWranglerDev } from "./lib/wrangler-dev";
import { workerVarsFromEnv } from "./lib/worker-vars-from-env";
import { startInferenceServer } from "./inference-server";

const DEMO_FAQS = "data/medicare-faqs.json";
/** Where the seed writes its artifacts (its default), faqs.jsonl among them: the FAQs as served. */
const BUILD_DIR = "build";

const DEV_COMMAND = {
  name: "start",
  run: "npm start --",
  summary: `Runs faq-edge on this machine, offline: builds the index of the demo FAQs (or yours) with the bundled
model into local KV, applies the inbox's D1 migrations, starts the local inference server and wrangler dev,
and prints where to send questions. Ctrl-C stops everything.`,
  options: [
    { name: "input", type: "string", valueName: "FILE", defaultText: `${DEMO_FAQS} (the demo)`, description: "your FAQs: .json, .jsonl or .csv, as npm run seed -- --input reads them" },
    { name: "from-page", type: "string", multiple: true, valueName: "URL|FILE", description: "read the FAQs from a web page or a saved .html file instead" },
    { name: "sitemap", type: "string", multiple: true, valueName: "URL", description: "read the FAQs from the pages a sitemap lists instead" },
    { name: "persist-to", type: "string", valueName: "DIR", default: ".wrangler/state", description: "where local KV and D1 keep their data" },
    COLLECTION_OPTION,
  ],
  environment: [
    ["PORT", "the Worker's port (default 8787)"],
    ["INFERENCE_PORT", "the local inference server's port (default: a free one)"],
    ["HF_ENDPOINT_URL", "embed queries there instead of starting the local inference server"],
    ["Worker variables", `passed on to the Worker when set: ${WORKER_VARIABLES.map((v) => v.name).join(", ")}`],
  ],
  examples: ["npm start -- --from-page https://example.com/faq", "PORT=8788 ADMIN_TOKEN=$(openssl rand -hex 24) npm start", "npm start -- --input faqs-de.jsonl --collection help-de"],
} as const satisfies CliCommand;

// First, before anything starts: --help and a mistyped option end here.
const args = readOptionsOrExit(DEV_COMMAND, process.argv.slice(2));
if (args.input !== undefined && args["from-page"].length + args.sitemap.length > 0) {
  console.error("start: --input cannot be combined with --from-page or --sitemap: the FAQs come from one place");
  process.exit(2);
}
const collection = (() => {
  try {
    return collectionArg(args.collection);
  } catch (error) {
    console.error(`start: ${(error as Error).message}`);
    process.exit(2);
  }
})();
// The Worker's own checks, before anything starts: a bad setting (ADMIN_TOKEN too short, say) stops here with its reason.
try {
  readConfig({ ...process.env, FAQ_KV: undefined } as unknown as Env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`start: ${error.message}`);
  process.exit(1);
}
const persistTo = args["persist-to"];
const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(1);
}

const source = [
  ...args["from-page"].flatMap((page) => ["--from-page", page]),
  ...args.sitemap.flatMap((sitemap) => ["--sitemap", sitemap]),
];
if (args.input || source.length === 0) source.push("--input", args.input ?? DEMO_FAQS);
const sourceLabel = args.input ?? ([...args["from-page"], ...args.sitemap].join(", ") || DEMO_FAQS);

// The seed runs in its own process: Miniflare, which opens the local KV, installs
// signal handlers that would otherwise swallow Ctrl-C here.
const seeded = spawnSync(
  process.execPath,
  ["--import", "tsx", "scripts/seed.ts", ...source, "--embedder", "local", "--kv", "local", "--persist-to", persistTo, "--out", BUILD_DIR, "--collection", collection],
  { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" },
);
if (seeded.status !== 0) {
  console.error("seeding the index failed; see above");
  process.exit(1);
}
const summary = JSON.parse(seeded.stdout.trim().split("\n").pop()!) as { faqs: number; version: string };
console.log(`seeded ${summary.faqs} FAQs from ${sourceLabel} into the collection ${collection} (version ${summary.version})`);
const question = await firstQuestion();

// the inbox's tables in the local D1 database
await applyLocalMigrations(persistTo);

const given = workerVarsFromEnv(process.env);
const inference = given.vars.HF_ENDPOINT_URL ? null : await startInferenceServer(Number(process.env.INFERENCE_PORT ?? 0));
if (inference) console.log(`inference server: ${LOCAL_MODEL_ID} at ${inference.url}`);
else console.log(`embedding with HF_ENDPOINT_URL; the demo index was built with ${LOCAL_MODEL_ID}, so that endpoint must serve it`);
const passed = [...Object.keys(given.vars), ...Object.keys(given.secrets)];
if (passed.length > 0) console.log(`from the environment: ${passed.join(", ")}`);

const worker = await startWranglerDev({
  port,
  persistTo,
  quietStartup: true,
  // the local model unless the environment says otherwise
  vars: { EMBED_MODEL: LOCAL_MODEL_ID, EMBED_DIM: String(LOCAL_MODEL_DIM), ...(inference ? { HF_ENDPOINT_URL: inference.url } : {}), ...given.vars },
  secrets: given.secrets,
});

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("stopping wrangler dev and the inference server...");
  await worker.stop();
  if (inference) await new Promise((resolve) => inference.server.close(resolve));
  process.exit(code);
}
// Last resort if this process exits without shutdown(): take wrangler's process group along.
process.on("exit", () => {
  try { process.kill(-worker.child.pid!, "SIGKILL"); } catch { /* already stopped */ }
});
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
worker.child.once("exit", (code) => {
  if (!stopping) {
    console.error(`wrangler dev exited (${code}); stopping`);
    void shutdown(1);
  }
});

const publicUrl = `http://localhost:${port}`;
console.log(`\nfaq-edge is running at ${publicUrl}`);
// ' too: the URL sits between single quotes
const collectionParam = collection === DEFAULT_COLLECTION ? "" : `&collection=${collection}`;
if (question) console.log(`  try: curl '${publicUrl}/faq?q=${encodeURIComponent(question).replace(/'/g, "%27")}${collectionParam}'`);
else console.log(`  try: curl ${publicUrl}/health`);
console.log(`  the inbox's daily clean-up (Cron Trigger) runs when asked: curl ${publicUrl}/cdn-cgi/handler/scheduled`);
if (given.secrets.ADMIN_TOKEN) console.log(`  inbox: curl -H "Authorization: Bearer $ADMIN_TOKEN" ${publicUrl}/admin/unanswered  (or npm run inbox -- --local)`);
else console.log("  the owner's view (/admin/*) is off: set ADMIN_TOKEN to turn it on");
console.log("  Ctrl-C stops everything.\n");

/** A question to try: the first served FAQ's, from the faqs.jsonl the seed just wrote; null if it cannot be read. */
async function firstQuestion(): Promise<string | null> {
  try {
    const first = (await readFile(join(BUILD_DIR, "faqs.jsonl"), "utf8")).split("\n", 1)[0]!;
    const { question } = JSON.parse(first) as { question?: unknown };
    return typeof question === "string" && question.trim() !== "" ? question : null;
  } catch {
    return null;
  }
}
