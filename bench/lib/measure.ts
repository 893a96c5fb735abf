export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Median time of one call in milliseconds: `rounds` rounds of `reps` calls
 * after a warm-up, each round timed as a whole. Medians resist the noise of a
 * shared machine; engines are compared as ratios within one run.
 */
export async function timeCall(call: () => unknown, reps: number, rounds = 7): Promise<number> {
  for (let i = 0; i < Math.max(3, reps >> 2); i++) await call();
  const perCall: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (let i = 0; i < reps; i++) await call();
    perCall.push((performance.now() - start) / reps);
  }
  return median(perCall);
}
