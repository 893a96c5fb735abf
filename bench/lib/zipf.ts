/** P(rank k) for k = 1..n under Zipf's law with exponent s: proportional to 1 / k^s. Index 0 is rank 1. */
export function zipfProbabilities(n: number, s: number): number[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, not ${n}`);
  const weights = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => w / total);
}

/**
 * The rank 0..n-1 (0 the most popular) a uniform number in [0, 1) falls on
 * under Zipf probabilities: a binary search over their cumulative sums.
 */
export function zipfRanker(n: number, s: number): (u: number) => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (const p of zipfProbabilities(n, s)) cumulative.push((sum += p));
  return (uniform) => {
    const u = uniform * sum; // sum, not 1: rounding may leave the last bound a hair under 1
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (u < cumulative[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** Draws ranks 0..n-1 with Zipf probabilities, one number from `next` (seeded: bench/lib/random.ts) per draw. */
export function zipfSampler(n: number, s: number, next: () => number): () => number {
  const rank = zipfRanker(n, s);
  return () => rank(next());
}
