import type { FaqRecord } from "../../src/faq-record";
import { embeddingsCsv, type BuiltIndex } from "../seed/artifacts";
import { datasetCard, type DatasetCardInput } from "./dataset-card";

/** File names in a published dataset; --from-hub looks for the same ones. */
export const DATASET_FILES = {
  embeddings: "embeddings.csv",
  faqs: "faqs.jsonl",
  index: "faq-index.bin",
  card: "README.md",
} as const;

/** One FAQ per line, in the order of the rows of embeddings.csv. */
export const faqsJsonl = (records: FaqRecord[]) => records.map((record) => JSON.stringify(record)).join("\n") + "\n";

/** What one publish commits: the tutorial's embeddings.csv, the FAQs, the serving index and the card. */
export function datasetFiles(index: BuiltIndex, card: Omit<DatasetCardInput, "index">): Map<string, Blob> {
  return new Map([
    [DATASET_FILES.embeddings, new Blob(embeddingsCsv(index.vectors, index.dim))],
    [DATASET_FILES.faqs, new Blob([faqsJsonl(index.records)])],
    [DATASET_FILES.index, new Blob([index.blob])],
    [DATASET_FILES.card, new Blob([datasetCard({ ...card, index })])],
  ]);
}
