/**
 * `npm run eval -- --dataset DIR [--fit] [--write-calibration]`: builds an index
 * of DIR/faqs.jsonl with the local model, serves it with `wrangler dev`, sends
 * every query of DIR/queries.jsonl through the Worker over HTTP in each mode,
 * runs Orama's hybrid search on the same data as the peer, and prints a table.
 * The last line on stdout is a JSON summary.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { decodeIndex } from "../src/index-blob/decode";
import { SEARCH_MODES } from "../src/search/rank";
import { calibrateThreshold } from "./eval/calibrate";
import { readDataset, splitQueries } from "./eval/dataset";
import { fitRanking } from "./eval/fit-ranking";
import { computeMetrics, type QueryOutcome, type RetrievalMetrics } from "./eval/metrics";
import { runOramaPeer } from "./eval/orama-peer";
import { embedViaEndpoint, queryWorker, type WorkerOutcome } from "./eval/query-worker";
import { freePort } from "./lib/free-port";
import { startInferenceProcess } from "./lib/inference-process";
import { isMain } from "./lib/is-main";
import { LOCAL_MODEL_DIM, LOCAL_MODEL_ID } from "./lib/local-model";
import { runNode } from "./lib/run-node";
import { startWranglerDev } from "./lib/wrangler-dev";
import { CALIBRATION_FILE } from "./seed/answer-threshold";

const pad = (text: string, width: number) => text.padEnd(width);
const row = (name: string, m: RetrievalMetrics, heldOut: RetrievalMetrics) =>
  `${pad(name, 10)} ${[m.top1, m.mrr10, m.recall5, heldOut.top1, heldOut.mrr10].map((v) => v.toFixed(3).padStart(8)).join(" ")}`;

async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      dataset: { type: "string" },
      fit: { type: "boolean", default: false },
      "write-calibration": { type: "boolean", default: false },
      concurrency: { type: "string", default: "4" },
    },
  });
  if (!values.dataset) throw new Error("--dataset DIR is required");
  const dataset = await readDataset(values.dataset);
  const { fit, heldOut } = splitQueries(dataset);
  const heldOutSet = new Set(heldOut);
  const workDir = await mkdtemp(join(tmpdir(), "faq-eval-"));
  const inference = await startInferenceProcess();
  try {
    const build = join(workDir, "build");
    const seeded = await runNode(["scripts/seed.ts", "--input", dataset.faqsFile, "--kv", "local", "--persist-to", workDir, "--out", build]);
    if (seeded.code !== 0) throw new Error(`seeding failed:\n${seeded.stderr}`);
    const manifest = JSON.parse(await readFile(join(build, "manifest.json"), "utf8"));
    const blob = await readFile(join(build, manifest.files.blob));
    const index = await decodeIndex(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength) as ArrayBuffer);
    const faqVectors = Array.from({ length: index.count }, (_, row) => index.matrix!.subarray(row * index.dim, (row + 1) * index.dim));

    const worker = await startWranglerDev({
      port: await freePort(),
      persistTo: workDir,
      output: "ignore",
      vars: { HF_ENDPOINT_URL: inference.url, EMBED_MODEL: LOCAL_MODEL_ID, EMBED_DIM: String(LOCAL_MODEL_DIM), EMBED_TIMEOUT_MS: "30000", RATE_LIMIT: "off" },
    });
    const outcomes: Record<string, WorkerOutcome[] | QueryOutcome[]> = {};
    try {
      for (const mode of SEARCH_MODES) {
        console.error(`querying ${dataset.queries.length} queries, mode ${mode}...`);
        outcomes[mode] = await queryWorker(worker.url, dataset.queries, mode, Number(values.concurrency));
      }
    } finally {
      await worker.stop();
    }
    const queryVectors = await embedViaEndpoint(inference.url, dataset.queries.map((q) => q.query));
    console.error("running the Orama peer...");
    outcomes.orama = await runOramaPeer(dataset.faqs, faqVectors, index.dim, dataset.queries, queryVectors);

    const modes: Record<string, RetrievalMetrics> = {};
    console.log(`dataset ${dataset.name}: ${dataset.faqs.length} FAQs, ${dataset.queries.length} queries (held-out fold: ${heldOut.length})`);
    console.log(`${pad("mode", 10)} ${["top1", "mrr10", "recall5", "ho.top1", "ho.mrr10"].map((h) => h.padStart(8)).join(" ")}`);
    for (const [name, list] of Object.entries(outcomes)) {
      modes[name] = computeMetrics(list);
      const heldOutMetrics = computeMetrics(list.filter((_, i) => heldOutSet.has(dataset.queries[i]!)));
      console.log(row(name, modes[name]!, heldOutMetrics));
    }
    const better = Math.max(modes.semantic!.mrr10, modes.lexical!.mrr10);
    console.log(`hybrid MRR@10 ${modes.hybrid!.mrr10} vs best single mode ${better}: ${modes.hybrid!.mrr10 >= better ? "not worse" : "WORSE"}`);

    // Calibrate on the fit fold only: the answered flag is judged on the best hybrid match's cosine.
    const fitSet = new Set(fit);
    const answers = (outcomes.hybrid as WorkerOutcome[])
      .filter((o, i) => fitSet.has(dataset.queries[i]!) && o.topSemantic !== null)
      .map((o) => ({ score: o.topSemantic!, correct: o.relevant.includes(o.rankedIds[0]!) }));
    const threshold = calibrateThreshold(answers);
    console.log(`calibrated answer threshold for ${LOCAL_MODEL_ID}: ${threshold}`);
    if (values["write-calibration"]) {
      const calibration = { [LOCAL_MODEL_ID]: { answerThreshold: threshold, dataset: dataset.name, queries: answers.length } };
      await writeFile(CALIBRATION_FILE, JSON.stringify(calibration, null, 2) + "\n");
      console.log(`wrote ${CALIBRATION_FILE}`);
    }

    if (values.fit) {
      const result = await fitRanking({ model: LOCAL_MODEL_ID, dim: index.dim, faqs: dataset.faqs, faqVectors, queryVectors }, fit, heldOut);
      console.log(`fit on fold A (${fit.length} queries): ${JSON.stringify(result.chosen)} -> fit ${JSON.stringify(result.fit)}, held-out ${JSON.stringify(result.heldOut)}`);
    }
    console.log(JSON.stringify({ dataset: dataset.name, queries: dataset.queries.length, modes }));
  } finally {
    inference.child.kill();
    await rm(workDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`eval: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
