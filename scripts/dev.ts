/**
 * `npm start [-- --persist-to DIR] [--input FILE | --from-page URL|FILE ... | --sitemap URL]`:
 * builds the demo index (or your own FAQs' index) with the local
 * model into local KV, applies the D1 migrations to the local database (the
 * inbox), starts the local inference server and `wrangler dev`
 * against it, and stops everything on Ctrl-C. PORT picks the Worker's port
 * (default 8787). Every documented Worker variable set in the environment
 * (RATE_LIMIT, ALLOWED_ORIGINS, HF_ENDPOINT_URL, HF_TOKEN, ...) reaches the
 * Worker; with HF_ENDPOINT_URL set, no local inference server is started.
 */
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { applyLocalMigrations } from "./lib/apply-local-migrations";
import { LOCAL_MODEL_DIM, LOCAL_MODEL_ID } from "./lib/local-model";
import { startWranglerDev } from "./lib/wrangler-dev";
import { workerVarsFromEnv } from "./lib/worker-vars-from-env";
import { startInferenceServer } from "./inference-server";

const DEMO_FAQS = "data/medicare-faqs.json";

const { values: args } = parseArgs({
  options: {
    "persist-to": { type: "string", default: ".wrangler/state" },
    // your own FAQs instead of the demo: a file, or the pages where they live
    input: { type: "string" },
    "from-page": { type: "string", multiple: true },
    sitemap: { type: "string", multiple: true },
  },
});
const persistTo = args["persist-to"];
const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(1);
}

const source = [
  ...(args["from-page"] ?? []).flatMap((page) => ["--from-page", page]),
  ...(args.sitemap ?? []).flatMap((sitemap) => ["--sitemap", sitemap]),
];
if (args.input || source.length === 0) source.push("--input", args.input ?? DEMO_FAQS);
const sourceLabel = args.input ?? ([...(args["from-page"] ?? []), ...(args.sitemap ?? [])].join(", ") || DEMO_FAQS);

// The seed runs in its own process: wrangler's platform proxy installs signal
// handlers that would otherwise swallow Ctrl-C here.
const seeded = spawnSync(
  process.execPath,
  ["--import", "tsx", "scripts/seed.ts", ...source, "--embedder", "local", "--kv", "local", "--persist-to", persistTo],
  { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" },
);
if (seeded.status !== 0) {
  console.error("seeding the index failed; see above");
  process.exit(1);
}
const summary = JSON.parse(seeded.stdout.trim().split("\n").pop()!) as { faqs: number; version: string };
console.log(`seeded ${summary.faqs} FAQs from ${sourceLabel} (version ${summary.version})`);

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
console.log(`  try: curl '${publicUrl}/faq?q=How%20can%20Medicare%20help%20me%3F'`);
if (given.secrets.ADMIN_TOKEN) console.log(`  inbox: curl -H "Authorization: Bearer $ADMIN_TOKEN" ${publicUrl}/admin/unanswered  (or npm run inbox -- --local)`);
else console.log("  the owner's view (/admin/*) is off: set ADMIN_TOKEN to turn it on");
console.log("  Ctrl-C stops everything.\n");
