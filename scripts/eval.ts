/**
 * `npm run eval -- --dataset DIR [--typos]`: builds an index of DIR/faqs.jsonl
 * with the local model (its stored calibration included), serves it with
 * `wrangler dev`, sends every query of DIR/queries.jsonl through the Worker
 * over HTTP in each mode, runs two peers on the same data (a stock BM25,
 * MiniSearch, over the questions; and Orama's hybrid search over the same
 * vectors), and prints a table. --typos asks every query again with one typo.
 * The last line on stdout is a JSON summary, with the answered promise
 * measured on this dataset, which the threshold never saw; --results FILE
 * writes the same summary to FILE.
 * Options: EVAL_COMMAND below, printed by `npm run eval -- --help`.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { normalizeQuery } from "../src/api/normalize-query";
import { decodeIndex } from "../src/index-blob/decode";
import { rowOf } from "../src/search/f32-matrix";
import { SEARCH_MODES } from "../src/search/rank";
import { answeredSamples, measureAnswered } from "./eval/answered";
import { runBm25Peer } from "./eval/bm25-peer";
import { readDataset, type EvalQuery } from "./eval/dataset";
import { computeMetrics, type QueryOutcome, type RetrievalMetrics } from "./eval/metrics";
import { runOramaPeer } from "./eval/orama-peer";
import { embedViaEndpoint, queryWorker, type WorkerOutcome } from "./eval/query-worker";
import { withTypo } from "./eval/typos";
import { freePort } from "./lib/free-port";
import { startInferenceProcess } from "./lib/inference-process";
import { readOptions, type CliCommand } from "./lib/cli-options";
import { isMain } from "./lib/is-main";
import { runCli } from "./lib/run-cli";
import { LOCAL_MODEL_DIM, LOCAL_MODEL_ID } from "./lib/local-model-id";
import { runNode } from "./lib/run-node";
import { UsageError } from "./lib/usage-error";
import { startWranglerDev, type RunningWorker } from "./lib/wrangler-dev";

export const EVAL_COMMAND = {
  name: "eval",
  run: "npm run eval --",
  summary: `Builds an index of DIR/faqs.jsonl with the local model, serves it with wrangler dev, sends every
query of DIR/queries.jsonl through the Worker in each search mode, runs two peers (MiniSearch BM25,
Orama hybrid) on the same data, and prints a table; the last line on stdout is a JSON summary.`,
  options: [
    { name: "dataset", type: "string", valueName: "DIR", defaultText: "none, required", description: "a folder with faqs.jsonl and queries.jsonl (npm run inbox -- --export-labels writes one)" },
    { name: "typos", type: "boolean", description: "ask every query again with one typo" },
    { name: "concurrency", type: "string", integer: [1, 64], default: "4", description: "queries in flight at once" },
    { name: "results", type: "string", valueName: "FILE", defaultText: "none", description: "also write the JSON summary to FILE (the docs' figures read bench/results/eval-<set>.json)" },
  ],
  examples: ["npm run eval -- --dataset labels --typos", "npm run eval -- --dataset ../shared/eval/stackfaq --typos --results bench/results/eval-stackfaq.json"],
} as const satisfies CliCommand;

const pad = (text: string, width: number) => text.padEnd(width);
const header = `${pad("mode", 10)} ${["top1", "mrr10", "recall5"].map((h) => h.padStart(8)).join(" ")}`;
const row = (name: string, m: RetrievalMetrics) => `${pad(name, 10)} ${[m.top1, m.mrr10, m.recall5].map((v) => v.toFixed(3).padStart(8)).join(" ")}`;

/** Every mode through the Worker, then the peers, for one list of queries. */
async function runAll(worker: RunningWorker, inferenceUrl: string, dataset: Awaited<ReturnType<typeof readDataset>>, queries: EvalQuery[], faqVectors: Float32Array[], dim: number, concurrency: number) {
  const outcomes: Record<string, WorkerOutcome[] | QueryOutcome[]> = {};
  for (const mode of SEARCH_MODES) {
    console.error(`querying ${queries.length} queries, mode ${mode}...`);
    outcomes[mode] = await queryWorker(worker.url, queries, mode, concurrency);
  }
  outcomes.bm25_peer = runBm25Peer(dataset.faqs, queries);
  console.error("running the Orama peer...");
  const queryVectors = await embedViaEndpoint(inferenceUrl, queries.map((q) => q.query));
  outcomes.orama = await runOramaPeer(dataset.faqs, faqVectors, dim, queries, queryVectors);
  const modes = Object.fromEntries(Object.entries(outcomes).map(([name, list]) => [name, computeMetrics(list)]));
  return { outcomes, modes, queryVectors };
}

/** How many in-scope confidences differ (by more than float noise between the WebAssembly and JS kernels) from the Worker's. */
function confidenceDisagreements(inScope: Array<{ confidence: number }>, worker: WorkerOutcome[]): number {
  return worker.filter((outcome, i) => outcome.confidence !== null && Math.abs(outcome.confidence - inScope[i]!.confidence) > 1e-4).length;
}

/** Checks the quality rules every dataset must meet, as lines for the report. */
function verdicts(modes: Record<string, RetrievalMetrics>): string[] {
  const { semantic, lexical, hybrid, bm25_peer: peer } = modes as Record<string, RetrievalMetrics>;
  const lines: string[] = [];
  for (const metric of ["top1", "mrr10"] as const) {
    const best = Math.max(semantic![metric], lexical![metric]);
    lines.push(`hybrid ${metric} ${hybrid![metric]} vs best single mode ${best}: ${hybrid![metric] >= best - 0.02 ? "within 0.02 or above" : "MORE THAN 0.02 BELOW"}`);
  }
  lines.push(`lexical top1 ${lexical!.top1} vs bm25_peer ${peer!.top1}: ${lexical!.top1 >= peer!.top1 ? "not worse" : "WORSE"}`);
  return lines;
}

async function main(argv: string[]) {
  const values = readOptions(EVAL_COMMAND, argv);
  if (!values.dataset) throw new UsageError("--dataset DIR is required");
  const read = await readDataset(values.dataset);
  // every query as the Worker reads it (white space collapsed, NFKC), so the
  // in-process ranking and the peers embed the very text the Worker embeds
  const dataset = { ...read, queries: read.queries.map((q) => ({ ...q, query: normalizeQuery(q.query) })) };
  const workDir = await mkdtemp(join(tmpdir(), "faq-eval-"));
  const inference = await startInferenceProcess();
  try {
    const build = join(workDir, "build");
    const seeded = await runNode(["scripts/seed.ts", "--input", dataset.faqsFile, "--kv", "local", "--persist-to", workDir, "--out", build]);
    if (seeded.code !== 0) throw new Error(`seeding failed:\n${seeded.stderr}`);
    const manifest = JSON.parse(await readFile(join(build, "manifest.json"), "utf8")) as { files: { blob: string }; ranking: { answerPrecision: number } };
    const blob = await readFile(join(build, manifest.files.blob));
    const index = await decodeIndex(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength) as ArrayBuffer);
    const faqVectors = Array.from({ length: index.count }, (_, row) => rowOf(index.matrix!, row));

    const worker = await startWranglerDev({
      port: await freePort(),
      persistTo: workDir,
      output: "ignore",
      vars: { HF_ENDPOINT_URL: inference.url, EMBED_MODEL: LOCAL_MODEL_ID, EMBED_DIM: String(LOCAL_MODEL_DIM), EMBED_TIMEOUT_MS: "30000", RATE_LIMIT: "off" },
    });
    const concurrency = values.concurrency;
    let plain;
    let typos;
    try {
      plain = await runAll(worker, inference.url, dataset, dataset.queries, faqVectors, index.dim, concurrency);
      if (values.typos) {
        const perturbed = dataset.queries.map((q) => ({ ...q, query: withTypo(q.query) }));
        typos = await runAll(worker, inference.url, dataset, perturbed, faqVectors, index.dim, concurrency);
      }
    } finally {
      await worker.stop();
    }

    console.log(`dataset ${dataset.name}: ${dataset.faqs.length} FAQs, ${dataset.queries.length} queries; language ${index.lexical.language}, fusion weight ${index.fusionAlpha}`);
    console.log(header);
    for (const [name, metrics] of Object.entries(plain.modes)) console.log(row(name, metrics));
    for (const line of verdicts(plain.modes)) console.log(line);
    // answered is measured in-process with the Worker's own ranking and confidence code on the same blob,
    // because out of scope means ranking without the relevant FAQs; in scope, it must agree with what the Worker said
    const samples = answeredSamples(index, dataset.queries, plain.queryVectors);
    const disagreements = confidenceDisagreements(samples.filter((s) => s.inScope), plain.outcomes.hybrid as WorkerOutcome[]);
    if (disagreements > 0) throw new Error(`the in-process confidence differs from the Worker's for ${disagreements} queries`);
    const answered = measureAnswered(index, samples, manifest.ranking.answerPrecision);
    console.log(`answered: threshold ${answered.threshold} for precision ${answered.target}: precision ${answered.precision}, coverage ${answered.coverage} (oracle coverage ${answered.oracle_coverage}), ece ${answered.ece}, out of scope answered ${answered.out_of_scope_answered}`);
    let typoSummary;
    if (typos) {
      console.log(`\nwith one typo per query (words of 5+ letters):\n${header}`);
      for (const [name, metrics] of Object.entries(typos.modes)) console.log(row(name, metrics));
      const ratio = Math.round((typos.modes.hybrid!.top1 / Math.max(1e-9, plain.modes.hybrid!.top1)) * 1000) / 1000;
      console.log(`hybrid top1 with typos / without: ${ratio} (target 0.9)`);
      typoSummary = { modes: typos.modes, hybridTop1Ratio: ratio };
    }
    const summary = {
      dataset: dataset.name,
      faqs: dataset.faqs.length,
      queries: dataset.queries.length,
      language: index.lexical.language,
      fusionAlpha: index.fusionAlpha,
      modes: plain.modes,
      answered,
      ...(typoSummary && { typos: typoSummary }),
    };
    console.log(JSON.stringify(summary));
    if (values.results) await writeFile(values.results, `${JSON.stringify(summary, null, 2)}\n`);
  } finally {
    inference.child.kill();
    await rm(workDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runCli("eval", () => main(process.argv.slice(2)));
