/** What one query returned, and which FAQ ids would have been right. */
export interface QueryOutcome {
  rankedIds: string[];
  relevant: string[];
}

export interface RetrievalMetrics {
  /** Share of queries whose first result is relevant. */
  top1: number;
  /** Mean reciprocal rank of the first relevant result within the top 10 (0 when absent). */
  mrr10: number;
  /** Share of the relevant FAQs found in the top 5, averaged over queries. */
  recall5: number;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** top1, MRR@10 and recall@5 over a set of queries, rounded to three decimals. */
export function computeMetrics(outcomes: QueryOutcome[]): RetrievalMetrics {
  let top1 = 0;
  let reciprocal = 0;
  let recall = 0;
  for (const { rankedIds, relevant } of outcomes) {
    const wanted = new Set(relevant);
    if (wanted.has(rankedIds[0]!)) top1++;
    const firstHit = rankedIds.slice(0, 10).findIndex((id) => wanted.has(id));
    if (firstHit >= 0) reciprocal += 1 / (firstHit + 1);
    recall += rankedIds.slice(0, 5).filter((id) => wanted.has(id)).length / wanted.size;
  }
  const n = Math.max(1, outcomes.length);
  return { top1: round(top1 / n), mrr10: round(reciprocal / n), recall5: round(recall / n) };
}
