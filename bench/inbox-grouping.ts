/**
 * `npm run bench:inbox -- [--dataset DIR ...]`: how the inbox groups
 * questions, measured on labelled sets (default: both development sets) as
 * if every query were an unanswered question. Queries are embedded with the
 * local model, stored as int8 as the Worker stores them, and grouped at the
 * model's calibrated threshold (data/calibration.json) and at the
 * uncalibrated default. A pair of questions belongs together when they ask
 * about the same FAQ:
 *  - pair precision: of the pairs put in one group, the share that belong together;
 *  - pair recall: of the pairs that belong together, the share put in one group;
 *  - purity: the share of questions whose group's most common FAQ is theirs.
 * Also the time to group MAX_GROUPED_QUESTIONS random questions in V8 (the
 * admin endpoint's worst case), median of 5. Results in
 * bench/results/inbox-grouping.json and as the last stdout line.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { storedCalibration } from "../scripts/calibrate/calibration-store";
import { readDataset } from "../scripts/eval/dataset";
import { createLocalEmbedder, LOCAL_MODEL_DIM, LOCAL_MODEL_ID } from "../scripts/lib/local-model";
import { embedInBatches } from "../scripts/seed/embed-in-batches";
import { DEFAULT_GROUP_THRESHOLD, MAX_GROUPED_QUESTIONS, groupQuestions } from "../src/inbox/group-questions";
import { fromStoredVector, toStoredVector } from "../src/inbox/question-vector";
import type { LoggedQuestion } from "../src/inbox/read-inbox";
import { median } from "./lib/measure";
import { unitMatrix } from "./lib/random";

const { values } = parseArgs({ options: { dataset: { type: "string", multiple: true } } });
const datasets = values.dataset ?? ["../shared/eval/stackfaq", "../shared/eval/banking77"];
const log = (line: string) => console.error(line);
const SWEEP = [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];
const round3 = (x: number) => Math.round(x * 1000) / 1000;

const logged = (text: string, vector: Float32Array): LoggedQuestion => ({
  text, count: 1, firstSeen: 0, lastSeen: 0, nearestId: null, nearestScore: null,
  model: LOCAL_MODEL_ID, vector: fromStoredVector(toStoredVector(vector)), degraded: false,
});

function quality(groups: ReturnType<typeof groupQuestions>, faqOf: Map<string, string>) {
  let together = 0;
  let grouped = 0;
  let groupedTogether = 0;
  let pure = 0;
  const all = groups.flatMap((g) => g.questions.map((q) => faqOf.get(q.text)!));
  const perFaq = new Map<string, number>();
  for (const faq of all) perFaq.set(faq, (perFaq.get(faq) ?? 0) + 1);
  for (const n of perFaq.values()) together += (n * (n - 1)) / 2;
  for (const group of groups) {
    const faqs = group.questions.map((q) => faqOf.get(q.text)!);
    const counts = new Map<string, number>();
    for (const faq of faqs) counts.set(faq, (counts.get(faq) ?? 0) + 1);
    pure += Math.max(...counts.values());
    grouped += (faqs.length * (faqs.length - 1)) / 2;
    for (const n of counts.values()) groupedTogether += (n * (n - 1)) / 2;
  }
  return {
    groups: groups.length,
    pairPrecision: grouped === 0 ? null : round3(groupedTogether / grouped),
    pairRecall: together === 0 ? null : round3(groupedTogether / together),
    purity: round3(pure / all.length),
  };
}

const calibration = await storedCalibration(LOCAL_MODEL_ID, 0.8);
const calibrated = calibration?.groupThreshold ?? null;
if (calibrated === null) throw new Error(`no calibrated group threshold for ${LOCAL_MODEL_ID}: run npm run calibrate`);
const embedder = await createLocalEmbedder();
const sets: Record<string, unknown> = {};
for (const dir of datasets) {
  const dataset = await readDataset(dir);
  // one question per text (a few sets repeat a text), at most as many as the endpoint groups
  const seen = new Map<string, string>();
  for (const q of dataset.queries) if (!seen.has(q.query) && seen.size < MAX_GROUPED_QUESTIONS) seen.set(q.query, q.relevant[0]!);
  const texts = [...seen.keys()];
  const { vectors } = await embedInBatches(embedder, texts, { batchSize: 64 });
  const questions = texts.map((text, i) => logged(text, vectors[i]!));
  const result = {
    questions: texts.length,
    faqs: new Set(seen.values()).size,
    calibrated: { threshold: calibrated, ...quality(groupQuestions(questions, calibrated, LOCAL_MODEL_ID), seen) },
    default: { threshold: DEFAULT_GROUP_THRESHOLD, ...quality(groupQuestions(questions, DEFAULT_GROUP_THRESHOLD, LOCAL_MODEL_ID), seen) },
    // how the choice of threshold trades purity for recall
    sweep: SWEEP.map((threshold) => ({ threshold, ...quality(groupQuestions(questions, threshold, LOCAL_MODEL_ID), seen) })),
  };
  log(`${dataset.name}: ${JSON.stringify(result)}`);
  sets[dataset.name] = result;
}

// the worst case of /admin/unanswered: MAX_GROUPED_QUESTIONS questions, none close to another (every pair compared)
const matrix = unitMatrix(MAX_GROUPED_QUESTIONS, LOCAL_MODEL_DIM, 5);
const random = Array.from({ length: MAX_GROUPED_QUESTIONS }, (_, i) => logged(`q${i}`, matrix.subarray(i * LOCAL_MODEL_DIM, (i + 1) * LOCAL_MODEL_DIM)));
const times: number[] = [];
let groupsFound = 0;
for (let run = 0; run < 5; run++) {
  const started = performance.now();
  groupsFound = groupQuestions(random, calibrated, LOCAL_MODEL_ID).length;
  times.push(performance.now() - started);
}
const timing = { questions: MAX_GROUPED_QUESTIONS, dim: LOCAL_MODEL_DIM, groups: groupsFound, medianMs: Math.round(median(times)) };
log(`grouping ${MAX_GROUPED_QUESTIONS} unrelated questions of ${LOCAL_MODEL_DIM} dimensions: ${timing.medianMs} ms (median of 5)`);

const result = { measuredAt: new Date().toISOString(), model: LOCAL_MODEL_ID, sets, worstCase: timing };
await mkdir("bench/results", { recursive: true });
await writeFile("bench/results/inbox-grouping.json", JSON.stringify(result, null, 2) + "\n");
console.log(JSON.stringify(result));
process.exit(0);
