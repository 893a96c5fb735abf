import { basename, join, resolve } from "node:path";
import type { FaqRecord } from "../../src/faq-record";
import { readLabelledLines } from "../lib/labelled-queries";
import { FaqInputError } from "../seed/faq-input-error";
import { readFaqs } from "../seed/read-faqs";

export interface EvalQuery {
  query: string;
  relevant: string[];
  /** How the question is asked (say "paraphrase", "message", "keywords"); calibration judges each style apart. */
  style?: string;
}

export interface EvalDataset {
  name: string;
  faqsFile: string;
  faqs: FaqRecord[];
  queries: EvalQuery[];
}

/** Reads `faqs.jsonl` and `queries.jsonl` ({"query","relevant":[ids],"style"?}) from a folder, checking that every relevant id exists. */
export async function readDataset(dir: string): Promise<EvalDataset> {
  const faqsFile = join(dir, "faqs.jsonl");
  const queriesFile = join(dir, "queries.jsonl");
  const faqs = await readFaqs(faqsFile);
  const ids = new Set(faqs.map((f) => f.id));
  const queries: EvalQuery[] = [];
  for (const { query, relevant, style, line } of await readLabelledLines(queriesFile)) {
    const missing = relevant.find((id) => !ids.has(id));
    if (missing !== undefined) throw new FaqInputError(queriesFile, line, `relevant id "${missing}" is not in faqs.jsonl`);
    queries.push({ query, relevant, ...(style !== undefined && { style }) });
  }
  if (queries.length === 0) throw new FaqInputError(queriesFile, null, "no queries found");
  return { name: basename(resolve(dir)), faqsFile, faqs, queries };
}

/**
 * Two folds by FAQ position: FAQs at even positions (0, 2, ...) form fold A,
 * the rest fold B; a query belongs to the fold of its first relevant FAQ.
 * Weights are fit on A and reported on B, so no query used for fitting is scored.
 */
export function splitQueries(dataset: EvalDataset): { fit: EvalQuery[]; heldOut: EvalQuery[] } {
  const foldA = new Set(dataset.faqs.filter((_, i) => i % 2 === 0).map((f) => f.id));
  return {
    fit: dataset.queries.filter((q) => foldA.has(q.relevant[0]!)),
    heldOut: dataset.queries.filter((q) => !foldA.has(q.relevant[0]!)),
  };
}
