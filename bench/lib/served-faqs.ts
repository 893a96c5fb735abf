/**
 * A set's FAQs as the Worker would serve them, for the inbox benchmark: the
 * index the seed script builds (the model's calibrated fusion weight, the
 * detected language), and what the Worker logs with an unanswered question:
 * its first result, ranked in hybrid mode by the Worker's own code.
 */
import type { TextEmbedder } from "../../src/embed/text-embedder";
import type { FaqRecord } from "../../src/faq-record";
import { buildIndex } from "../../src/index-blob/build-index";
import { decodeIndex } from "../../src/index-blob/decode";
import type { FaqIndex } from "../../src/index-blob/format";
import type { GroupingOptions } from "../../src/inbox/group-questions";
import { rankQuery } from "../../src/search/rank";
import { scorerFor } from "../../src/search/semantic-scorer";
import { detectLanguage } from "../../scripts/seed/detect-language";
import { embedInBatches } from "../../scripts/seed/embed-in-batches";

export interface ServedFaqs {
  index: FaqIndex;
  /** The words the inbox grouping reads from the index, as unansweredGroups passes them. */
  words: GroupingOptions;
  /** The first result for a question, leaving out the FAQs `missing` (ids): null when nothing ranks. */
  nearest(query: string, vector: Float32Array, missing?: string[]): { id: string; score: number } | null;
}

export async function serveFaqs(faqs: FaqRecord[], embedder: TextEmbedder, fusionAlpha: number): Promise<ServedFaqs> {
  const { vectors } = await embedInBatches(embedder, faqs.map((f) => f.question), { batchSize: 64 });
  const language = detectLanguage(faqs.map((f) => `${f.question} ${f.answer ?? ""}`));
  const { blob } = await buildIndex({ model: embedder.model, builtAt: new Date(0).toISOString(), dim: vectors[0]!.length, records: faqs, vectors, fusionAlpha, language });
  const index = await decodeIndex(blob);
  const scorer = scorerFor(index);
  const rowOf = new Map(faqs.map((f, row) => [f.id, row]));
  return {
    index,
    words: { language, vocabulary: { terms: index.lexical.terms, termIdf: index.lexical.termIdf, documents: index.count } },
    nearest(query, vector, missing = []) {
      const exclude = new Set(missing.map((id) => rowOf.get(id)!));
      const hit = rankQuery(index, { mode: "hybrid", query, queryVector: vector, k: 1, category: null, exclude }, scorer).hits[0];
      return hit ? { id: index.record(hit.index).id, score: hit.score } : null;
    },
  };
}
