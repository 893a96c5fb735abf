/** One query's best match: its semantic score and whether it was a right answer. */
export interface ScoredAnswer {
  score: number;
  correct: boolean;
}

/**
 * The semantic score threshold that best separates right first answers from
 * wrong ones (largest true-positive rate minus false-positive rate; Youden's
 * J), rounded to three decimals. Null when the data has only one kind.
 */
export function calibrateThreshold(answers: ScoredAnswer[]): number | null {
  const positives = answers.filter((a) => a.correct).length;
  const negatives = answers.length - positives;
  if (positives === 0 || negatives === 0) return null;
  const sorted = [...answers].sort((a, b) => b.score - a.score);
  let best = { j: Number.NEGATIVE_INFINITY, threshold: sorted[0]!.score };
  let truePositives = 0;
  let falsePositives = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i]!.correct) truePositives++;
    else falsePositives++;
    // only cut between distinct scores: everything at or above the threshold is "answered"
    if (i + 1 < sorted.length && sorted[i + 1]!.score === sorted[i]!.score) continue;
    const j = truePositives / positives - falsePositives / negatives;
    // Equal J (within rounding) keeps the higher cut: fewer wrong answers shown as answers.
    if (j > best.j + 1e-9) best = { j, threshold: sorted[i]!.score };
  }
  return Math.floor(best.threshold * 1000) / 1000;
}
