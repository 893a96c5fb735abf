import { create, insertMultiple, search } from "@orama/orama";
import type { FaqRecord } from "../../src/faq-record";
import type { EvalQuery } from "./dataset";
import type { QueryOutcome } from "./metrics";

/**
 * The peer: Orama's hybrid search over the same texts and the same vectors,
 * with its default weights (0.5 full text, 0.5 vector). The vector similarity
 * floor is set to 0 so that Orama, like us, ranks every FAQ instead of
 * dropping those under its default 0.8 cosine cut-off.
 */
export async function runOramaPeer(
  faqs: FaqRecord[],
  faqVectors: ArrayLike<number>[],
  dim: number,
  queries: EvalQuery[],
  queryVectors: Map<string, Float32Array>,
): Promise<QueryOutcome[]> {
  const db = create({ schema: { faqId: "string", question: "string", answer: "string", embedding: `vector[${dim}]` } as const });
  await insertMultiple(db, faqs.map((faq, i) => ({
    faqId: faq.id, question: faq.question, answer: faq.answer ?? "", embedding: Array.from(faqVectors[i]!),
  })));
  const outcomes: QueryOutcome[] = [];
  for (const q of queries) {
    const result = await search(db, {
      mode: "hybrid",
      term: q.query,
      properties: ["question", "answer"],
      vector: { value: Array.from(queryVectors.get(q.query)!), property: "embedding" },
      similarity: 0,
      limit: 10,
    });
    outcomes.push({ relevant: q.relevant, rankedIds: result.hits.map((hit) => String(hit.document.faqId)) });
  }
  return outcomes;
}
