import type { EvalQuery } from "../eval/dataset";

/** The share of pairs of questions about different FAQs that may still reach the threshold. */
export const GROUP_FALSE_PAIR_RATE = 0.001;

/**
 * The cosine from which the inbox groups two visitor questions together, for
 * one model: the 99.9th percentile of the cosines between calibration
 * queries that ask about different FAQs, rounded up to 0.01. So at most 1 in
 * 1,000 such pairs could share a group, and fewer do, because a group needs
 * its pairs to reach it on average and by a margin (src/inbox/group-questions.ts). A
 * percentile of the model's own cosines, not a fixed number: models differ
 * widely in how close they place unrelated sentences. The 99th percentile
 * made groups too mixed on both development sets (`npm run bench:inbox`;
 * docs/inbox.md).
 */
export function fitGroupThreshold(queries: EvalQuery[], vectors: Map<string, Float32Array>): number {
  const different: number[] = [];
  for (let i = 0; i < queries.length; i++) {
    for (let j = i + 1; j < queries.length; j++) {
      const a = queries[i]!;
      const b = queries[j]!;
      if (a.relevant.some((id) => b.relevant.includes(id))) continue;
      const u = vectors.get(a.query)!;
      const v = vectors.get(b.query)!;
      let dot = 0;
      for (let d = 0; d < u.length; d++) dot += u[d]! * v[d]!;
      different.push(dot);
    }
  }
  if (different.length === 0) throw new Error("grouping needs queries about at least two different FAQs");
  different.sort((x, y) => x - y);
  const percentile = different[Math.min(different.length - 1, Math.ceil((1 - GROUP_FALSE_PAIR_RATE) * different.length) - 1)]!;
  return Math.min(1, Math.ceil(percentile * 100) / 100);
}
