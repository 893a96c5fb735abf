/**
 * Average-linkage clustering (UPGMA) of `n` items from their pairwise
 * similarities (`similarity[i * n + j]`, symmetric; the diagonal is never
 * read), stopped at `threshold`: two clusters merge while the mean
 * similarity over every pair across them is at least the threshold.
 *
 * Why average linkage: complete linkage (every pair at the threshold, the
 * inbox's first rule) splits one subject into many groups, and single
 * linkage (any pair) chains unrelated questions through near neighbours.
 * With the mean, one close pair cannot pull in a question that the rest of
 * a group is far from. A floor under every pair on top of the mean bought
 * next to no purity for the pair recall it cost (the rule of
 * group-questions.ts, `npm run bench:inbox` data), so there is none.
 *
 * The nearest-neighbour chain algorithm finds the same clusters as merging
 * the most similar pair each time, in O(n²) time instead of O(n³), a small
 * part of computing the similarities.
 * It works because the mean is "reducible":
 * merging two clusters never brings the result closer to a third than the
 * closer of the two was. So a cluster whose best neighbour is below the
 * threshold is final. The matrix is overwritten (Lance-Williams updates).
 * Ties go to the lower index, so the result depends only on the items' order.
 *
 * Returns the clusters as ascending item indexes, in the order they closed.
 */
export function averageLinkage(similarity: Float32Array, n: number, threshold: number): number[][] {
  if (similarity.length < n * n) throw new RangeError(`similarity holds ${similarity.length} values, not ${n} x ${n}`);
  const size = new Uint32Array(n).fill(1);
  const active = new Uint8Array(n).fill(1);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const closed: number[][] = [];
  const chain: number[] = [];
  let nextStart = 0;
  for (;;) {
    if (chain.length === 0) {
      while (nextStart < n && !active[nextStart]) nextStart++;
      if (nextStart === n) break;
      chain.push(nextStart);
    }
    const top = chain[chain.length - 1]!;
    const previous = chain.length > 1 ? chain[chain.length - 2]! : -1;
    let nearest = -1;
    let best = Number.NEGATIVE_INFINITY;
    const row = top * n;
    for (let other = 0; other < n; other++) {
      if (other === top || !active[other]) continue;
      const value = similarity[row + other]!;
      if (value > best) {
        best = value;
        nearest = other;
      }
    }
    // the chain must end in a reciprocal pair: on a tie, prefer the element below
    if (previous >= 0 && similarity[row + previous]! === best) nearest = previous;
    if (nearest < 0 || best < threshold) {
      active[top] = 0;
      closed.push(members[top]!.sort((a, b) => a - b));
      chain.pop();
      continue;
    }
    if (nearest !== previous) {
      chain.push(nearest);
      continue;
    }
    chain.length -= 2;
    const keep = Math.min(top, nearest);
    const drop = Math.max(top, nearest);
    const keepSize = size[keep]!;
    const dropSize = size[drop]!;
    for (let other = 0; other < n; other++) {
      if (!active[other] || other === keep || other === drop) continue;
      const mean = (keepSize * similarity[keep * n + other]! + dropSize * similarity[drop * n + other]!) / (keepSize + dropSize);
      similarity[keep * n + other] = mean;
      similarity[other * n + keep] = mean;
    }
    size[keep] = keepSize + dropSize;
    active[drop] = 0;
    members[keep] = members[keep]!.concat(members[drop]!);
  }
  return closed;
}
