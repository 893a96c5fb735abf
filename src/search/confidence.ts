/**
 * How clearly the best match stands out: its score minus the next one's (its
 * whole score when it is alone). `answered` compares this with the index's
 * calibrated threshold. A lead transfers across sites better than the
 * cosine itself: on StackFAQ most FAQs sit close in meaning and wrong best
 * matches still score high, so a cosine threshold calibrated elsewhere kept
 * 45% precision where 80% was promised; the lead kept 97% there and 78% on
 * Banking77 (README, "Answer quality").
 */
export function answerConfidence(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return scores[0]! - (scores[1] ?? 0);
}
