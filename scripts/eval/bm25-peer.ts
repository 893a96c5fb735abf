import MiniSearch from "minisearch";
import type { FaqRecord } from "../../src/faq-record";
import type { EvalQuery } from "./dataset";
import type { QueryOutcome } from "./metrics";

/**
 * The word-matching peer: MiniSearch (BM25+ scoring), stock settings (its own
 * tokenizer, no stemming, no stopwords, no fuzzy or prefix matching), over
 * the questions only, as a site owner would set up a plain BM25 search.
 */
export function runBm25Peer(faqs: FaqRecord[], queries: EvalQuery[]): QueryOutcome[] {
  const search = new MiniSearch<{ id: string; question: string }>({ fields: ["question"] });
  search.addAll(faqs.map((faq) => ({ id: faq.id, question: faq.question })));
  return queries.map((q) => ({ relevant: q.relevant, rankedIds: search.search(q.query).slice(0, 10).map((hit) => String(hit.id)) }));
}
