import type { TextEmbedder } from "../../src/embed/text-embedder";
import { embedInBatches } from "../seed/embed-in-batches";
import { readDataset } from "../eval/dataset";
import { fitCalibration } from "./fit-calibration";
import type { StoredCalibration } from "./calibration-store";

/** The bundled calibration set (see its README): written for faq-edge, not taken from the evaluation sets. */
export const CALIBRATION_SET = "data/calibration";

export interface CalibrateOptions {
  /** The precision answered: true promises. Default 0.8. */
  precision?: number;
  /** A labelled set of the site's own; default the bundled one. */
  dataset?: string;
  batchSize?: number;
}

/**
 * Embeds a calibration set with `embedder` (its FAQs and queries, in
 * batches: 144 texts, 5 calls of 32 for the bundled set) and fits the
 * model's fusion weight and answered threshold. Returns what to store.
 */
export async function calibrateModel(embedder: TextEmbedder, options: CalibrateOptions = {}): Promise<StoredCalibration & { calls: number }> {
  const dataset = options.dataset ?? CALIBRATION_SET;
  const batchSize = options.batchSize ?? 32;
  const { faqs, queries } = await readDataset(dataset);
  const texts = [...new Set([...faqs.map((f) => f.question), ...queries.map((q) => q.query)])];
  const { vectors } = await embedInBatches(embedder, texts, { batchSize });
  const byText = new Map(texts.map((text, i) => [text, vectors[i]!]));
  const calibration = await fitCalibration({
    model: embedder.model,
    faqs,
    faqVectors: faqs.map((f) => byText.get(f.question)!),
    queries,
    queryVectors: byText,
  }, options.precision ?? 0.8);
  return { ...calibration, set: dataset, calibratedAt: new Date().toISOString(), calls: Math.ceil(texts.length / batchSize) };
}
