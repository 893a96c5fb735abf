import type { TextEmbedder } from "../../src/embed/text-embedder";
import type { FaqRecord } from "../../src/faq-record";
import { buildIndex } from "../../src/index-blob/build-index";
import { decodeIndex } from "../../src/index-blob/decode";
import { calibrateCollection, type CollectionCalibration } from "../calibrate/collection/calibrate-collection";
import { readOutOfScope } from "../calibrate/collection/out-of-scope";
import { readLabelled } from "../calibrate/collection/read-labelled";
import { embedInBatches } from "./embed-in-batches";
import type { EmbeddingStore } from "./embedding-store";
import type { RankingSettings } from "./ranking-settings";
import type { SeedArgs } from "./seed-args";

type CalibrationArgs = Pick<SeedArgs, "calibrate" | "calibrateWith" | "answerThreshold" | "answerPrecision" | "batchSize" | "concurrency">;

/**
 * The collection's own calibration on top of the model's settings: unless
 * --no-calibrate, the fusion weight and the confidence model are fitted on
 * pseudo-queries made from these FAQs (and on --calibrate-with labels), each
 * text embedded once through the embedding cache. --answer-threshold still
 * overrides the threshold (a probability here). Logs what it cost.
 */
export async function withCollectionCalibration(
  records: FaqRecord[],
  vectors: Float32Array[],
  model: string,
  settings: RankingSettings,
  args: CalibrationArgs,
  embedder: TextEmbedder,
  store: EmbeddingStore | undefined,
  log: (line: string) => void,
): Promise<RankingSettings> {
  if (!args.calibrate) return settings;
  const { blob } = await buildIndex({ model, builtAt: "calibration", dim: vectors[0]!.length, records, vectors, language: settings.language, synonyms: settings.synonyms });
  const cost = { embedded: 0, reused: 0, calls: 0 };
  const calibration: CollectionCalibration = await calibrateCollection({
    records,
    index: await decodeIndex(blob),
    precision: args.answerPrecision,
    outOfScope: await readOutOfScope(),
    labelled: args.calibrateWith ? await readLabelled(args.calibrateWith) : undefined,
    async embed(texts) {
      const result = await embedInBatches(embedder, texts, { batchSize: args.batchSize, concurrency: args.concurrency, store });
      cost.embedded += result.embedded;
      cost.reused += result.reused;
      cost.calls += Math.ceil(result.embedded / args.batchSize);
      return result.vectors;
    },
  });
  const { report } = calibration;
  const threshold = args.answerThreshold ?? calibration.answer.threshold;
  log(`calibrated this collection on ${report.pseudoQueries} pseudo-queries, ${report.outOfScope} out-of-scope questions`
    + `${report.labelled ? ` and ${report.labelled} labelled questions${report.labelsReplacedPseudo ? " (which replace the pseudo-queries)" : ""}` : ""}: `
    + `${cost.embedded} texts embedded in ${cost.calls} calls, ${cost.reused} reused from the embedding cache; `
    + `fusion weight ${calibration.fusionAlpha} (semantic/lexical ${report.semanticRatio}), answered from confidence ${threshold} `
    + `(precision ${report.measured.precision}, coverage ${report.measured.coverage} on what it was fitted on)`);
  return {
    ...settings,
    fusionAlpha: calibration.fusionAlpha,
    // the lead threshold is for indexes without a confidence model
    answerThreshold: null,
    answer: { ...calibration.answer, threshold },
    calibration: "collection",
    collectionReport: { ...report, ...cost },
  };
}
