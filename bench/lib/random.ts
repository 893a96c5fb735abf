/** mulberry32: a small seeded generator, so every run benchmarks the same data. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` unit vectors of `dim` floats, row-major, from a fixed seed (Gaussian by Box-Muller). */
export function unitMatrix(count: number, dim: number, seed: number): Float32Array {
  const next = seededRandom(seed);
  const matrix = new Float32Array(count * dim);
  for (let row = 0; row < count; row++) {
    let norm = 0;
    for (let j = 0; j < dim; j++) {
      const value = Math.sqrt(-2 * Math.log(next() || 1e-12)) * Math.cos(2 * Math.PI * next());
      matrix[row * dim + j] = value;
      norm += value * value;
    }
    const scale = 1 / Math.sqrt(norm);
    for (let j = 0; j < dim; j++) matrix[row * dim + j]! *= scale;
  }
  return matrix;
}
