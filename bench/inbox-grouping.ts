/**
 * `npm run bench:inbox -- [--dataset DIR ...]`: how the inbox groups
 * questions, measured on labelled sets (default: the two development sets
 * and CovidFAQ) as if every query were an unanswered question. Queries are
 * embedded with the local model and stored as int8, as the Worker stores
 * them; each logs the first result the Worker would give with its own FAQs
 * left out (the FAQ that would answer it is missing: why it is in the
 * inbox). A pair of questions belongs together when they ask about the same
 * FAQ (a set's first relevant one); bench/lib/pair-quality.ts has the
 * measures (pair precision, pair recall, purity).
 * Reported per set: the grouping rule at the model's calibrated threshold
 * (data/calibration.json), sweeps of its word bonus and of its margin, the
 * rule when each question's own FAQ is served too, and when the next set's
 * FAQs are served instead (questions off the FAQ's subject), and the first
 * rule (cosine alone, complete linkage; bench/lib/complete-linkage-grouping.ts)
 * at the calibrated and default thresholds and a sweep. Then the issue's
 * examples on the Medicare demo, and the time to group
 * MAX_GROUPED_QUESTIONS random questions in V8 (the admin endpoint's worst
 * case), both rules in turn, median of 7. Results in
 * bench/results/inbox-grouping.json and as the last stdout line.
 */
import { parseArgs } from "node:util";
import { storedCalibration } from "../scripts/calibrate/calibration-store";
import { readDataset } from "../scripts/eval/dataset";
import { createLocalEmbedder, LOCAL_MODEL_DIM, LOCAL_MODEL_ID } from "../scripts/lib/local-model";
import { embedInBatches } from "../scripts/seed/embed-in-batches";
import { AVERAGE_LINKAGE_MARGIN, DEFAULT_GROUP_THRESHOLD, MAX_GROUPED_QUESTIONS, groupQuestions, type GroupingOptions } from "../src/inbox/group-questions";
import { GROUPING_EVIDENCE } from "../src/inbox/question-similarity";
import { fromStoredVector, toStoredVector } from "../src/inbox/question-vector";
import type { LoggedQuestion } from "../src/inbox/read-inbox";
import { groupByCosineOnly } from "./lib/complete-linkage-grouping";
import { inboxExamples } from "./lib/inbox-examples";
import { median } from "./lib/measure";
import { unitMatrix } from "./lib/random";
import { quality } from "./lib/pair-quality";
import { serveFaqs, type ServedFaqs } from "./lib/served-faqs";
import { writeResults } from "./lib/results-file";

const { values } = parseArgs({ options: { dataset: { type: "string", multiple: true } } });
const datasets = values.dataset ?? ["../shared/eval/stackfaq", "../shared/eval/banking77", "../shared/eval/covidfaq-jhu"];
const log = (line: string) => console.error(line);
const COSINE_SWEEP = [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];
const WORD_SWEEP = [0, 0.05, 0.1, 0.125, 0.15, 0.2];
const MARGIN_SWEEP = [0, 0.025, 0.05, 0.075, 0.1];
const round3 = (x: number) => Math.round(x * 1000) / 1000;

const logged = (text: string, vector: Float32Array, nearest: { id: string; score: number } | null = null): LoggedQuestion => ({
  text, count: 1, firstSeen: 0, lastSeen: 0, nearestId: nearest?.id ?? null, nearestScore: nearest?.score ?? null,
  model: LOCAL_MODEL_ID, vector: fromStoredVector(toStoredVector(vector)), degraded: false,
});

/** Median milliseconds of each call, the calls taken in turn so that a busy machine slows both alike. */
function timeAlternately(calls: Record<string, () => unknown>, rounds: number): Record<string, number> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(calls).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, call] of Object.entries(calls)) {
      const started = performance.now();
      call();
      times[name]!.push(performance.now() - started);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, list]) => [name, Math.round(median(list))]));
}

const calibration = await storedCalibration(LOCAL_MODEL_ID, 0.8);
const calibrated = calibration?.groupThreshold ?? null;
if (calibration === null || calibrated === null) throw new Error(`no calibrated group threshold for ${LOCAL_MODEL_ID}: run npm run calibrate`);
const embedder = await createLocalEmbedder();
const loaded = [];
for (const dir of datasets) {
  const dataset = await readDataset(dir);
  // one question per text (a few sets repeat a text), at most as many as the endpoint groups
  const relevantOf = new Map<string, string[]>();
  for (const q of dataset.queries) if (!relevantOf.has(q.query) && relevantOf.size < MAX_GROUPED_QUESTIONS) relevantOf.set(q.query, q.relevant);
  const texts = [...relevantOf.keys()];
  const { vectors } = await embedInBatches(embedder, texts, { batchSize: 64 });
  loaded.push({ name: dataset.name, texts, vectors, relevantOf, served: await serveFaqs(dataset.faqs, embedder, calibration.fusionAlpha) });
}
const sets: Record<string, unknown> = {};
for (const [at, { name, texts, vectors, relevantOf, served }] of loaded.entries()) {
  const faqOf = new Map(texts.map((text) => [text, relevantOf.get(text)![0]!]));
  const askOf = (faqs: ServedFaqs, missing: boolean) => texts.map((text, i) => logged(text, vectors[i]!, faqs.nearest(text, vectors[i]!, missing ? relevantOf.get(text) : [])));
  const questions = askOf(served, true);
  const rule = (some: LoggedQuestion[], options: GroupingOptions = {}, faqs = served) => groupQuestions(some, calibrated, LOCAL_MODEL_ID, { ...faqs.words, ...options });
  const cosineOnly = (threshold: number) => groupByCosineOnly(questions, threshold, LOCAL_MODEL_ID);
  // the next set's FAQs: questions off the FAQ's subject, all far from every FAQ
  const other = loaded[(at + 1) % loaded.length]!;
  const result = {
    questions: texts.length,
    faqs: new Set(faqOf.values()).size,
    rule: { threshold: calibrated, margin: AVERAGE_LINKAGE_MARGIN, ...GROUPING_EVIDENCE, ...quality(rule(questions), faqOf) },
    // the rule's main constant, then its margin above the threshold
    wordSweep: WORD_SWEEP.map((sharedRareWord) => ({ sharedRareWord, ...quality(rule(questions, { evidence: { sharedRareWord } }), faqOf) })),
    marginSweep: MARGIN_SWEEP.map((margin) => ({ margin, ...quality(rule(questions, { margin }), faqOf) })),
    // each question's own FAQ served as well, so its nearest FAQ is often the right one
    ruleOwnFaqServed: quality(rule(askOf(served, false)), faqOf),
    offTopic: other === loaded[at] ? null : {
      faqsOf: other.name,
      rule: quality(rule(askOf(other.served, false), {}, other.served), faqOf),
      cosineOnly: quality(groupByCosineOnly(askOf(other.served, false), calibrated, LOCAL_MODEL_ID), faqOf),
    },
    cosineOnly: {
      calibrated: { threshold: calibrated, ...quality(cosineOnly(calibrated), faqOf) },
      default: { threshold: DEFAULT_GROUP_THRESHOLD, ...quality(cosineOnly(DEFAULT_GROUP_THRESHOLD), faqOf) },
      sweep: COSINE_SWEEP.map((threshold) => ({ threshold, ...quality(cosineOnly(threshold), faqOf) })),
    },
    medianMs: timeAlternately({ rule: () => rule(questions), cosineOnly: () => cosineOnly(calibrated) }, 3),
  };
  log(`${name}: ${JSON.stringify(result)}`);
  sets[name] = result;
}

const examples = await inboxExamples(embedder, calibration.fusionAlpha, calibrated);
log(`examples: ${JSON.stringify(examples)}`);

// the worst case of /admin/unanswered: MAX_GROUPED_QUESTIONS questions, none close to another (every pair compared)
const matrix = unitMatrix(MAX_GROUPED_QUESTIONS, LOCAL_MODEL_DIM, 5);
const random = Array.from({ length: MAX_GROUPED_QUESTIONS }, (_, i) => logged(`q${i}`, matrix.subarray(i * LOCAL_MODEL_DIM, (i + 1) * LOCAL_MODEL_DIM)));
const groupsFound = groupQuestions(random, calibrated, LOCAL_MODEL_ID).length;
const medianMs = timeAlternately({
  rule: () => groupQuestions(random, calibrated, LOCAL_MODEL_ID),
  cosineOnly: () => groupByCosineOnly(random, calibrated, LOCAL_MODEL_ID),
}, 7);
const timing = { questions: MAX_GROUPED_QUESTIONS, dim: LOCAL_MODEL_DIM, groups: groupsFound, medianMs, ratio: round3(medianMs.rule! / medianMs.cosineOnly!) };
log(`grouping ${MAX_GROUPED_QUESTIONS} unrelated questions of ${LOCAL_MODEL_DIM} dimensions: ${medianMs.rule} ms, the cosine-only rule ${medianMs.cosineOnly} ms (medians of 7, in turn)`);

const result = { measuredAt: new Date().toISOString(), model: LOCAL_MODEL_ID, sets, examples, worstCase: timing };
await writeResults("inbox-grouping", result);
console.log(JSON.stringify(result));
process.exit(0);
