import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { TextEmbedder } from "../../src/embed/text-embedder";
import { embedInBatches } from "../seed/embed-in-batches";
import { FaqInputError } from "../seed/faq-input-error";
import { readFaqs } from "../seed/read-faqs";
import { fitCalibration, type CalibrationQuery } from "./fit-calibration";
import type { StoredCalibration } from "./calibration-store";

/** The bundled calibration set (see its README): written for faq-edge, not taken from the evaluation sets. */
export const CALIBRATION_SET = "data/calibration";

/** Reads a labelled set: faqs.jsonl and queries.jsonl ({"query","relevant":[ids],"style"?}). */
export async function readCalibrationSet(dir: string) {
  const faqs = await readFaqs(join(dir, "faqs.jsonl"));
  const ids = new Set(faqs.map((f) => f.id));
  const file = join(dir, "queries.jsonl");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new FaqInputError(file, null, "cannot read the file");
  }
  const queries: CalibrationQuery[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    let parsed: Partial<CalibrationQuery>;
    try {
      parsed = JSON.parse(line) as Partial<CalibrationQuery>;
    } catch {
      throw new FaqInputError(file, i + 1, "invalid JSON");
    }
    const { query, relevant, style } = parsed;
    if (typeof query !== "string" || query.trim() === "") throw new FaqInputError(file, i + 1, "query must be a non-empty string");
    if (!Array.isArray(relevant) || relevant.length === 0 || !relevant.every((id) => typeof id === "string" && ids.has(id))) {
      throw new FaqInputError(file, i + 1, "relevant must be a non-empty array of ids from faqs.jsonl");
    }
    queries.push({ query: query.trim(), relevant, ...(typeof style === "string" && { style }) });
  });
  if (queries.length === 0) throw new FaqInputError(file, null, "no queries found");
  return { faqs, queries };
}

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
  const { faqs, queries } = await readCalibrationSet(dataset);
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
